-- gsub callbacks may call gsub, pcall, and errors inside them propagate with positions
local nested = string.gsub("x y", "%a", function(c)
  return (string.gsub("<" .. c .. ">", "%a", function(d) return d:upper() .. d end))
end)
print(nested)
print(string.gsub("a b", "%a", function(c)
  local ok, err = pcall(error, "inner " .. c)
  return err
end))
print(pcall(string.gsub, "abc", "b", function(c) return c + 1 end))
print(pcall(string.gsub, "abc", "b", function(c) local x = nil; return x.field end))
local depth = 0
local function rec(s)
  depth = depth + 1
  if depth > 50 then return s end
  return (string.gsub(s, "x", rec))
end
print(rec("x"), depth)
