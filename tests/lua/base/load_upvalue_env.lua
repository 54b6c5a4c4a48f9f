-- A loaded chunk's only upvalue is _ENV.
local f = load("x_from_load = 1")
f()
print(x_from_load)
local env = {}
load("a = 1; b = 2", "c", "t", env)()
print(env.a, env.b, a, b)
