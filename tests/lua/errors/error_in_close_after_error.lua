-- An error in __close while unwinding an error replaces it.
local ok, e = pcall(function()
  local x <close> = setmetatable({}, {__close = function() error("from close", 0) end})
  error("from body", 0)
end)
print(ok, e)
