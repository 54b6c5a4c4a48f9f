-- In a chain of '..', the metamethod sees partial results (right to left).
-- (lua5.4.4 mis-evaluates a 5-operand chain with the metamethod in the middle --
-- "a" .. "b" .. t .. "c" .. "d" gives "a" -- so the chains here keep to shapes it gets right.)
local log = {}
local t = setmetatable({}, {__concat = function(a, b)
  local sa = type(a) == "table" and "T" or a
  local sb = type(b) == "table" and "T" or b
  log[#log + 1] = sa .. "|" .. sb
  return "<" .. sa .. sb .. ">"
end})
print("a" .. "b" .. t)
print(t .. "c" .. "d")
print("a" .. t .. "d")
local x = "b" .. t .. "c"
print(x)
for i, s in ipairs(log) do print(i, s) end
