-- Internal loop variables have names in parentheses.
local function names(level)
  local out = {}
  local i = 1
  while true do
    local n = debug.getlocal(level + 1, i)
    if not n then break end
    out[#out + 1] = n
    i = i + 1
  end
  return table.concat(out, ",")
end
for i = 1, 1 do print(names(1)) end
for i = 3, 1, -1 do end
for k, v in pairs({1}) do print(names(1)) end
for k, v in next, {1} do
  for j = 1, 1 do print(names(1)) end
end
local t <const> = 5
print(names(1))
do
  local c <close> = nil
  print(names(1))
end
print(names(1))
