-- debug.getinfo(f) for Lua and C functions: no current line, no name.
local function dump(info)
  local keys = {}
  for k in pairs(info) do keys[#keys + 1] = k end
  table.sort(keys)
  for _, k in ipairs(keys) do
    local v = info[k]
    if type(v) == "function" or type(v) == "table" then v = type(v) end
    print(k, v)
  end
  print("--")
end
local up = 1
local function lf(x, y, z)
  return up + x
end
dump(debug.getinfo(lf))
dump(debug.getinfo(print))
dump(debug.getinfo(function(...) end))
dump(debug.getinfo(lf, "S"))
dump(debug.getinfo(lf, "u"))
dump(debug.getinfo(lf, "n"))
dump(debug.getinfo(lf, "l"))
dump(debug.getinfo(print, "Slun"))
print(debug.getinfo(lf, "f").func == lf)
print(debug.getinfo(print, "f").func == print)
