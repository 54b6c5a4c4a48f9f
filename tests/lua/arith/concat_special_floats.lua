-- Special floats in concatenation.
print(1e300 * 10 .. "", -1e300 * 10 .. "|", 2^53 .. "", -2^63 .. "")
