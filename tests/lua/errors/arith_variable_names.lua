-- Arithmetic errors name locals, globals, fields and upvalues.
local t = {}
local up
print(pcall(function() local l; return l + 1 end))
print(pcall(function() return g_undefined - 1 end))
print(pcall(function() return t.f * 2 end))
print(pcall(function() return 2 ^ up end))
print(pcall(function() return -t.neg end))
