-- Varargs, methods, tail calls, upvalues shared between closures.
local function va(...)
  local a, b = ...
  return select('#', ...), a, b, ...
end
print(va())
print(va(1))
print(va(1, 2, 3))
print((va(1, 2, 3)))
local function pack(...) return {...}, select('#', ...) end
local p, n = pack(nil, nil)
print(#p, n)
local obj = {v = 5}
function obj:get(d) return self.v + (d or 0) end
function obj.static(x) return x * 2 end
print(obj:get(), obj:get(1), obj.static(4))
local o2 = {inner = {deep = obj}}
function o2.inner.deep:twice() return self:get() * 2 end
print(o2.inner.deep:twice())
local function count(n, acc)
  if n == 0 then return acc end
  return count(n - 1, acc + 1)
end
print(count(100000, 0))
local function counter()
  local c = 0
  return function() c = c + 1 return c end, function() return c end
end
local incr, get = counter()
incr() incr()
print(get())
local function outer()
  local x = 1
  local function mid()
    local function inner() x = x + 1 return x end
    return inner
  end
  return mid(), function() return x end
end
local f1, f2 = outer()
f1() f1()
print(f2())
print(type(print))
local s = 'abc'
print(#s, -(-3), ~5, 7 // 2, 7 % 3, 2^10, 7 / 2, 1 << 4, 256 >> 4, 5 & 3, 5 | 3, 5 ~ 3)
print(-7 // 2, -7 % 2, 7 // 0.0, -7 // 0.0, 0/0 ~= 0/0, 3 % -2, 5.5 % 2)
print('a' .. 'b' .. 1 .. 2, 1 .. '', 1.5 .. '|' .. -0.0)
