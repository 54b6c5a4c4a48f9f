-- Level arguments for another thread start at its level 0.
local co = coroutine.create(function()
  local function a() coroutine.yield() end
  local function b() a() end
  b()
end)
coroutine.resume(co)
for lvl = -1, 5 do print(lvl, debug.traceback(co, "L" .. lvl, lvl)) end
print(debug.traceback(co, nil, 2))
print(debug.traceback(co, {}, 1) ~= nil, type(debug.traceback(co, {})))
print(pcall(debug.traceback, co, "m", "bad"))
