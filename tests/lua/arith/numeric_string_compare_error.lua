-- Comparison does not convert numeric strings.
local ok, err = pcall(function() return "10" < 5 end)
print(ok, err)
print("10" < "5", "10" < "10.0")
