-- rawget/rawset bypass __index/__newindex.
local log = {}
local t = setmetatable({}, {
  __index = function(_, k) return "meta " .. k end,
  __newindex = function(_, k) log[#log + 1] = k end,
})
print(t.a, rawget(t, "a"))
t.b = 1
rawset(t, "c", 2)
print(rawget(t, "b"), t.c, log[1], #log)
print(rawset(t, "d", 3) == t)
