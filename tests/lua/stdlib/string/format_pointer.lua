-- string.format %p: addresses of objects (compared, never printed), (null) for values without one
local t = {}
print(string.format("%p", t) == string.format("%p", t))
print(string.format("%p", t) ~= string.format("%p", {}))
print(string.format("%p", t):match("^0x%x+$") ~= nil)
print(string.format("%p", print):match("^0x%x+$") ~= nil)
print(string.format("%p|%p|%p|%p", 1, 1.5, true, nil))
print(string.format("[%10p][%-10p]", nil, false))
print(#string.format("%30p", t))
