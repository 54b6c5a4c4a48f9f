-- Numbers in '..' are converted like tostring.
print(1 .. "", 1.0 .. "", -0.0 .. "", 2^63 .. "", 1e15 .. "|" .. 1e100)
print(10 .. 20, 1.5 .. 2, 0x10 .. "")
print((0.1 + 0.2) .. "", 7 // 2 .. "", 7 / 2 .. "")
