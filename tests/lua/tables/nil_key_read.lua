-- Reading a nil or NaN key gives nil.
local t = {}
print(t[nil], t[0 / 0], rawget(t, nil))
