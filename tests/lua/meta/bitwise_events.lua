-- Every bitwise event.
local mt = {}
for _, ev in ipairs({"band", "bor", "bxor", "shl", "shr"}) do
  mt["__" .. ev] = function(a, b) return ev .. ":" .. type(a) .. ":" .. type(b) end
end
mt.__bnot = function(a) return "bnot:" .. type(a) end
local t = setmetatable({}, mt)
print(t & 1, t | 1, t ~ 1, t << 1, t >> 1, ~t)
print(1 & t, 1 | t, 1 ~ t, 1 << t, 1 >> t)
