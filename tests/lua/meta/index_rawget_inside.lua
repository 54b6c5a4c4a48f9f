-- A default-value table using rawget inside __index.
local defaults = setmetatable({}, {__index = function(t, k)
  local v = rawget(t, "_default")
  return v
end})
defaults._default = 0
print(defaults.anything, defaults._default)
