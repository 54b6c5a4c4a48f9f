-- Assignment targets can be nested index expressions.
local t = {a = {b = {}}}
t.a.b.c, t.a.d = 1, 2
print(t.a.b.c, t.a.d)
local k = "key"
t[k], t[k .. "2"] = "v1", "v2"
print(t.key, t.key2)
