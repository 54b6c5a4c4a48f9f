-- Dots and numerals: .5, 5., method calls and concatenation with spaces.
print(.5 + 5., 1 .. 2, 1.5 .. "")
print(load("return 1..2"))
