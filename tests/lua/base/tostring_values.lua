-- tostring of numbers, booleans and nil.
print(tostring(1), tostring(1.0), tostring(-1.5), tostring(1e300), tostring(2^-1074))
print(tostring(true), tostring(false), tostring(nil), tostring("str"))
print(tostring(0x7fffffffffffffff), tostring(1/0), tostring(3 // 1.0))
