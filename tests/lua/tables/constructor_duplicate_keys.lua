-- Later fields override earlier ones in a constructor.
local t = {x = 1, x = 2}
print(t.x)
local u = {[1] = "keyed", "positional"}
print(u[1])
local v = {"positional", [1] = "keyed"}
print(v[1])
