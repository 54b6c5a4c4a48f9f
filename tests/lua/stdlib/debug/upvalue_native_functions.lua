-- Upvalue functions on natives without upvalues: nothing to get or set, no ids; joining
-- fails on the argument check.
print(debug.getupvalue(print, 1))
print(select("#", debug.getupvalue(string.format, 1)))
print(debug.setupvalue(print, 1, 42))
print(select("#", debug.setupvalue(table.insert, 1, 42)))
print(pcall(debug.upvalueid, print, 1))
print(pcall(debug.upvalueid, math.abs, 0))
local function f() return print end
print(pcall(debug.upvaluejoin, print, 1, f, 1))
print(pcall(debug.upvaluejoin, f, 1, print, 1))
