-- A NaN key in a constructor is an error.
print(pcall(function() return {[0 / 0] = 1} end))
print(pcall(function() return {[nil] = 1} end))
