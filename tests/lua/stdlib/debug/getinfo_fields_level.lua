-- debug.getinfo(level) with every default field, printed in sorted order.
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
local function f(a, b)
  dump(debug.getinfo(1))
end
f()
function globalf(...)
  dump(debug.getinfo(1))
end
globalf()
local t = {}
function t.field() dump(debug.getinfo(1)) end
t.field()
function t:method() dump(debug.getinfo(1)) end
t:method()
dump(debug.getinfo(1))
