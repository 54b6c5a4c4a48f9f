-- A non-numeric string in arithmetic is an error naming the operand.
print(pcall(function() return "abc" + 1 end))
print(pcall(function() local s = "x" return s * 2 end))
print(pcall(function() return 1 - "1x" end))
print(pcall(function() return "" + 0 end))
