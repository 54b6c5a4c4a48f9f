-- ipairs requires an argument; indexing happens during the loop.
print(pcall(ipairs))
local f, s, c = ipairs(42)
print(type(f), s, c)
print(pcall(function() for i, v in ipairs(nil) do end end))
for i, v in ipairs(42) do print(i, v) end
