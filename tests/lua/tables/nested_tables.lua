-- Nested constructors and deep access.
local t = {a = {b = {c = {d = "deep"}}}, {1, {2, {3}}}}
print(t.a.b.c.d, t[1][1], t[1][2][1], t[1][2][2][1])
