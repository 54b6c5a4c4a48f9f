-- Every arithmetic event with a table on the left.
local mt = {}
for _, ev in ipairs({"add", "sub", "mul", "div", "mod", "pow", "idiv"}) do
  mt["__" .. ev] = function(a, b) return ev .. "(" .. tostring(type(a)) .. "," .. tostring(b) .. ")" end
end
local t = setmetatable({}, mt)
print(t + 1, t - 2, t * 3)
print(t / 4, t % 5, t ^ 6, t // 7)
