-- Functions reached through C functions (pcall, sort, gsub-like callers) and wrap.
local function lvl()
  local out = {}
  for l = 1, 4 do
    local i = debug.getinfo(l, "Sn")
    if not i then break end
    out[#out + 1] = i.what .. ":" .. tostring(i.name) .. ":" .. i.namewhat
  end
  return table.concat(out, " ")
end
print(pcall(lvl))
table.sort({2, 1}, function(a, b) print(lvl()) return a < b end)
local w = coroutine.wrap(function() print(lvl()) end)
w()
print(select(2, xpcall(lvl, print)))
