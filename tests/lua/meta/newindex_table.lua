-- __newindex as a table redirects assignments of new keys.
local store = {}
local t = setmetatable({}, {__newindex = store})
t.x = 1
print(rawget(t, "x"), store.x)
rawset(t, "y", 2)
t.y = 3
print(t.y, store.y)
