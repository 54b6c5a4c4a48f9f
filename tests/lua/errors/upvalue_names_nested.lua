-- Upvalue names through nested closures.
local config
local function outer()
  return function() return config.value end
end
print(pcall(outer()))
