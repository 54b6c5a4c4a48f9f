-- nparams, isvararg, nups.
local u1, u2 = 1, 2
local function U(f) local i = debug.getinfo(f, "u") return i.nparams, i.isvararg, i.nups end
print(U(function() end))
print(U(function(a, b, c) end))
print(U(function(a, ...) end))
print(U(function(...) return u1 end))
print(U(function() return u1, u2 end))
print(U(function() return print end))
print(U(print))
print(U(1))
print(U(coroutine.wrap(function() end)))
