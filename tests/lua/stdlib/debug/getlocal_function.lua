-- Given a function, getlocal names its parameters only.
local function f(alpha, beta, gamma, ...)
  local inner = 1
end
for i = -1, 5 do print(i, debug.getlocal(f, i)) end
print(debug.getlocal(print, 1))
print(debug.getlocal(function() end, 1))
print(select("#", debug.getlocal(f, 1)))
print(select("#", debug.getlocal(f, 4)))
