-- A numeric error message gets no position (only strings do).
print(pcall(function() error(12) end))
print(pcall(function() error("12") end))
