-- __call receives the object followed by the arguments.
local obj = setmetatable({name = "o"}, {__call = function(self, a, b) return self.name, a, b end})
print(obj(1, 2))
print(obj())
print(select("#", obj(1, 2, 3)))
