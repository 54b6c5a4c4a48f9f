-- Arithmetic on nil names the variable.
local ok, err = pcall(function() local a; return a + 1 end)
print(err)
print(select(2, pcall(function() return undefinedglobal * 2 end)))
print(select(2, pcall(function() local t = {} return t.field - 1 end)))
print(select(2, pcall(function() local t = {} return -t end)))
