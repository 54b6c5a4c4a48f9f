-- Hooks are per thread: a coroutine has its own.
local log = {}
local co = coroutine.create(function()
  local x = 1
  coroutine.yield()
  local y = 2
end)
debug.sethook(co, function(ev, line) log[#log + 1] = line end, "l")
print(debug.gethook() == nil)
local h, m = debug.gethook(co)
print(type(h), m)
coroutine.resume(co)
coroutine.resume(co)
print(table.concat(log, " "))
debug.sethook(co)
print(debug.gethook(co))
