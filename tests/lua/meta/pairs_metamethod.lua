-- __pairs replaces the iteration; only three results are used.
local t = setmetatable({}, {__pairs = function(self)
  local i = 0
  return function() i = i + 1; if i <= 3 then return i, i * i end end, self, nil, "extra"
end})
for k, v in pairs(t) do print(k, v) end
print(select("#", pairs(t)))
