-- Attribute syntax errors.
print(load("local x <const = 1"))
print(load("local x <> = 1"))
print(load("local function f <const> () end"))
