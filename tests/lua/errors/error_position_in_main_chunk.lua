-- Errors in the main chunk name it by its file path.
local ok, e = pcall(error, "x")
print(e)
local ok2, e2 = pcall(function() error("y") end)
print(e2)
