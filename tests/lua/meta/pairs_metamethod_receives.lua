-- __pairs receives the table and its results are passed through.
local t = setmetatable({}, {__pairs = function(self) return next, {10, 20}, nil end})
local s = 0
for k, v in pairs(t) do s = s + v end
print(s)
