-- A C function as the hook: print receives the event and line.
local function f()
  local a = 1
  return a
end
debug.sethook(print, "l")
f()
debug.sethook()
debug.sethook(print, "cr")
f()
debug.sethook()
