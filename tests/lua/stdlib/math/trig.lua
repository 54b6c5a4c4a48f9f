-- trigonometric, exp, sqrt, deg/rad: always floats
print(math.sin(0), math.cos(0), math.tan(0))
print(math.sin(math.pi / 2), math.cos(math.pi))
print(math.asin(1), math.acos(1), math.acos(-1), math.asin(0))
print(math.atan(1), math.atan(1, 1), math.atan(1, -1), math.atan(-1, -1), math.atan(0, -1), math.atan(-0.0, -1))
print(math.atan(1, 0), math.atan(0, 0), math.atan(1/0), math.atan("1", "2"))
print(math.exp(0), math.exp(1), math.exp(-1/0), math.exp(710))
print(math.sqrt(4), math.sqrt(2), math.sqrt(0), math.sqrt(-0.0), math.sqrt(1/0))
print(math.deg(math.pi), math.rad(180), math.deg(1), math.rad(1), math.deg(0))
print(math.type(math.sqrt(4)), math.type(math.deg(0)))
print(pcall(math.sin))
print(pcall(math.cos, "x"))
-- math.atan and the 5.2-compatible math.atan2 are one function, so which name an error
-- shows depends on table traversal order; compare the message without it.
print((select(2, pcall(math.atan, 1, "x")):gsub("'math%.atan2?'", "'math.atan'")))
print(pcall(math.sqrt, true))
print(math.sqrt(-1) ~= math.sqrt(-1), math.asin(2) ~= math.asin(2))
