-- tostring keeps integer and float apart.
print(tostring(3), tostring(3.0), tostring(-3), tostring(-3.0), tostring(3 / 1))
print(tostring(1e15), tostring(1e16), tostring(123456789012345678))
