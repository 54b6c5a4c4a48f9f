-- Results of float operations with integral values stay floats.
print(4 / 2, 2^1, 3.0 + 1, 10 // 2.0, 1e2)
print(4 / 2 == 2, (4 / 2) .. "", 2^1 .. "")
