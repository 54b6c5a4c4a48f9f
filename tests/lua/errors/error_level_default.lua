-- The default level is 1: the function calling error.
local function f()
  error("default level")
end
print(pcall(f))
