-- An uncaught concatenation error on a global.
print("value: " .. missing_value)
