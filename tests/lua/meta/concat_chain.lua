-- In a chain of '..', the metamethod sees partial results (right to left).
local log = {}
local t = setmetatable({}, {__concat = function(a, b)
  local sa = type(a) == "table" and "T" or a
  local sb = type(b) == "table" and "T" or b
  log[#log + 1] = sa .. "|" .. sb
  return "<" .. sa .. sb .. ">"
end})
print("a" .. "b" .. t .. "c" .. "d")
for i, s in ipairs(log) do print(i, s) end
