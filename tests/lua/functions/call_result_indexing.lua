-- Calls can be indexed and called directly.
local function mk() return {v = 1, f = function() return "called" end} end
print(mk().v, mk().f(), mk()["v"])
local function curry(a) return function(b) return function(c) return a + b + c end end end
print(curry(1)(2)(3))
