-- return must be the last statement of a block.
print(load("return 1 x = 2"))
print(load("return; return"))
print(load("do return end x = 1") ~= nil)
print(load("return 1;") ~= nil)
