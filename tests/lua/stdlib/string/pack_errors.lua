-- string.pack/unpack/packsize errors: bad options, sizes, overflows, short data
local cases = {
  {"pack", "i17", 1}, {"pack", "i0", 1}, {"pack", "y", 1}, {"pack", "c", "a"}, {"pack", "X"},
  {"pack", "Xc1", 1}, {"pack", "!3 i3", 1}, {"pack", "b", 200}, {"pack", "B", -1}, {"pack", "h", 40000},
  {"pack", "I2", 70000}, {"pack", "c2", "abc"}, {"pack", "s1", string.rep("x", 300)}, {"pack", "z", "a\0b"},
  {"pack", "i", "x"}, {"pack", "i", 1.5}, {"pack", "d", "x"}, {"pack", "z", {}}, {"pack", "i"},
  {"pack", "!17"}, {"pack", "Xz", 1},
}
for _, c in ipairs(cases) do
  print(c[1], c[2], pcall(string[c[1]], c[2], c[3]))
end
print(pcall(string.pack, "i i", 1))
print(pcall(string.pack, "b b b", 1, 2, 300))
print(pcall(string.packsize, "s"))
print(pcall(string.packsize, "z"))
print(pcall(string.packsize, "i17"))
print(pcall(string.packsize, "c2147483647 c2"))
print(pcall(string.packsize, "c1073741824 c1073741824"))
print(pcall(string.unpack, "i4", "abc"))
print(pcall(string.unpack, "z", "abc"))
print(pcall(string.unpack, "s1", "\5ab"))
print(pcall(string.unpack, "b", "a", 3))
print(pcall(string.unpack, "b", "a", -5))
print(pcall(string.unpack, "i9", string.rep("\255", 8) .. "\1"))
print(pcall(string.unpack, "I9", string.rep("\0", 8) .. "\1"))
print(pcall(string.unpack, "b"))
print(pcall(string.unpack, "b", "a", "x"))
print(pcall(string.pack))
print(pcall(string.packsize))
