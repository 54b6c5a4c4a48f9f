-- math.abs keeps integers integers (wrapping at mininteger) and floats floats
print(math.abs(-3), math.abs(3), math.abs(0), math.abs(-0.0), math.abs(-3.5))
print(math.abs(math.mininteger), math.abs(math.maxinteger), math.abs(-1/0))
print(math.abs("-3"), math.abs("-3.5"), math.abs("0x10"))
print(pcall(math.abs))
print(pcall(math.abs, "x"))
print(pcall(math.abs, {}))
print(math.abs(0/0) ~= math.abs(0/0))
