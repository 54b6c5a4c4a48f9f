-- pairs accepts any value but next then rejects non-tables.
print(pcall(function() for k in pairs(nil) do end end))
print(pcall(function() for k in pairs(5) do end end))
print(pcall(pairs))
local f, s, c = pairs({})
print(f == next, type(s), c)
for k in pairs("str") do end
