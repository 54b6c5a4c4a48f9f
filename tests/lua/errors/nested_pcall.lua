-- Errors are caught by the innermost pcall.
local ok, a, b = pcall(function()
  local ok2, err2 = pcall(function() error("inner", 0) end)
  error("outer after " .. tostring(ok2) .. " " .. err2, 0)
end)
print(ok, a)
