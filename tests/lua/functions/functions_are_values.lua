-- Functions are first-class values; equality is identity.
local function f() end
local g = f
print(f == g, f == function() end, type(f), type(print))
local t = {[f] = "key"}
print(t[g])
