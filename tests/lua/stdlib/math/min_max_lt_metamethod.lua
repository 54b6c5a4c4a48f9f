-- math.min/math.max compare with `<` like lua_compare: `__lt` metamethods are called (in
-- argument order), strings compare with strings, and the first extreme argument wins.
local calls = {}
local mt = {__lt = function(a, b) calls[#calls + 1] = a.n .. "<" .. b.n; return a.n < b.n end}
local function obj(n) return setmetatable({n = n}, mt) end
local a, b, c = obj(2), obj(5), obj(1)
print(math.max(a, b, c).n, table.concat(calls, " "))
calls = {}
print(math.min(a, b, c).n, table.concat(calls, " "))
calls = {}
print(math.max(obj(3), obj(3)).n == 3, #calls)
-- a metamethod result is taken for its truth value
local odd = setmetatable({}, {__lt = function() return "yes" end})
local other = setmetatable({}, getmetatable(odd))
print(math.max(odd, other) == other, math.min(odd, other) == odd)
print(math.max("apple", "pear", "fig"), math.min("apple", "pear", "fig"))
print(math.max("10"), math.min({}) ~= nil)
print(math.max(1, 2.5, 2), math.min(2, 2.0), math.max(2.0, 2), math.type(math.max(3, 3.0)))
print(pcall(math.max, 1, "2"))
print(pcall(math.min, "2", 1))
print(pcall(math.max, 1, {}))
print(pcall(math.min, {}, {}))
print(pcall(math.max, 1, nil))
print(pcall(math.max))
print(pcall(math.min))
-- an error inside the metamethod propagates
print(pcall(math.max, setmetatable({}, {__lt = function() error("boom", 0) end}), {}))
