-- Named and bracketed keys.
local k = "dyn"
local t = {x = 1, ["y z"] = 2, [k] = 3, [10] = 4, [1.5] = 5, [true] = 6}
print(t.x, t["y z"], t.dyn, t[10], t[1.5], t[true])
