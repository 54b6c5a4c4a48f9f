local a, b = 1, 2
a, b = b, a
print(a, b)
print(1 + 2, 7 // 2, -7 // 2, 7 % -3, 2^10, 10 / 4, 3 | 5, 3 ~ 5, 1 << 63, 1 << 64, -1 >> 1)
print(1.5 + 1, "10" + 1, "0x10" * 2, 10 .. 20, 1.0 .. "", -0.0)
print(nil, 1 == 1.0, "a" < "b", 2 < 2.5, 2^53 == 2^53 + 1)
local t = {1, 2, 3, x = "y", [10] = 10}
print(#t, t.x, t[10], t[2])
local s = 0
for i = 1, 100 do s = s + i end
print(s)
for i = 10, 1, -3 do io = i end
print(io)
for i = 1.0, 2.0, 0.5 do print(i) end
local n = 0
for i = 9223372036854775805, 9223372036854775807 do n = n + 1 if n > 5 then break end end
print(n)
local w = 0
while w < 10 do w = w + 3 end
repeat w = w - 1 until w < 5
print(w)
print(not nil, not 0, nil and 1, false or "x", 1 and 2)
local str = "a" .. "b" .. 1 .. 2.5
print(str, #str)
goto skip
print("not printed")
::skip::
print(type(print), type(nil), type({}), type("s"), type(2))
