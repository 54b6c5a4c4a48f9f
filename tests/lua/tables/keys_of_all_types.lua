-- Booleans, tables, functions and strings are valid keys.
local t = {}
local kt, kf = {}, function() end
t[true] = "T"; t[false] = "F"; t[kt] = "table"; t[kf] = "function"; t["s"] = "string"
print(t[true], t[false], t[kt], t[kf], t.s, t[{}])
