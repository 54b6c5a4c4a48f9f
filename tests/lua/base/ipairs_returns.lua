-- ipairs returns an iterator, the value and 0.
local t = {10}
local f, s, c = ipairs(t)
print(type(f), s == t, c)
print(f(t, 0))
print(f(t, 1))
