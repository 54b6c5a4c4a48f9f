-- Errors in multi-line expressions report a line of the expression.
local t = {}
local ok, e = pcall(function()
  return 1 +
    t.missing
end)
print(e)
local ok2, e2 = pcall(function()
  local r = t
    .a
    .b
  return r
end)
print(e2)
