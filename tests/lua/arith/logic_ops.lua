-- and/or return operands; only nil and false are falsy.
print(1 and 2, nil and 1, false and nil, 1 or 2, nil or false, false or nil)
print(0 and "zero is true", "" and "empty is true", not 0, not nil, not not false)
print(nil or 1 and 2, (nil or 1) and 2, false or 1 and nil or 3)
