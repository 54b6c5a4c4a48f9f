-- 'for' errors in the numeric loop.
print(pcall(function() local s = "x"; for i = 1, s do end end))
print(pcall(function() for i = nil, 1 do end end))
