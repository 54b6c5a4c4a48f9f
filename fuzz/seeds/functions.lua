local function varargs(...)
  local a, b = ...
  return select("#", ...), a, b, ...
end
print(varargs(1, nil, 3))
print((varargs(1, 2)))
local function tail(n) if n == 0 then return "done" end return tail(n - 1) end
print(tail(100000))
local obj = { n = 0 }
function obj:inc(k) self.n = self.n + (k or 1) return self end
obj:inc():inc(5)
print(obj.n, select(-1, 1, 2, 3), select(2, "a", "b", "c"))
local f = function(...) return { ... }, #{ ... } end
print(f(1, 2, 3))
print(table_pack, (function() end)())
