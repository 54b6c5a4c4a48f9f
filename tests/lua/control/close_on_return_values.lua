-- Return values are computed before variables are closed.
local log = {}
local function f()
  local x <close> = setmetatable({}, {__close = function() log[#log + 1] = "closed" end})
  log[#log + 1] = "returning"
  return "r1", "r2"
end
print(f())
print(log[1], log[2])
