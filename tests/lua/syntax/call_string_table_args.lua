-- f'str', f"str", f[[str]], f{...} are calls.
local function f(x) return type(x) == "table" and #x or x end
print(f"a", f'b', f[[c]], f{1, 2, 3})
local function g(x) return function(y) return x .. y end end
print(g"a""b", g[[c]]'d')
