-- A callable table can be the iterator of a generic for.
local counter = setmetatable({n = 0}, {__call = function(self, s, c)
  self.n = self.n + 1
  if self.n <= 3 then return self.n end
end})
for v in counter do print(v) end
