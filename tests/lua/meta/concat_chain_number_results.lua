-- A __concat result that is a table continues the chain through __concat.
local mt = {}
local function wrap(s) return setmetatable({s = s}, mt) end
mt.__concat = function(a, b)
  local sa = type(a) == "table" and a.s or a
  local sb = type(b) == "table" and b.s or b
  return wrap(sa .. sb)
end
local r = "1" .. wrap("2") .. 3 .. "4"
print(type(r), r.s)
