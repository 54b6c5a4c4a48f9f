-- ipairs visits 1..n in order.
local t = {"a", "b", "c"}
for i, v in ipairs(t) do print(i, v) end
for i, v in ipairs({}) do print("never") end
