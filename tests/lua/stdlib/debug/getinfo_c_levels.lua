-- C functions on the stack as levels: pcall, xpcall, sort and metamethod callers.
local function describe(from)
  local out = {}
  for l = from, from + 3 do
    local i = debug.getinfo(l, "Sln")
    if not i then break end
    out[#out + 1] = l .. "=" .. i.what .. "," .. i.currentline .. "," .. tostring(i.name) .. "," .. i.namewhat
  end
  return table.concat(out, " ")
end
print(pcall(describe, 1))
print(xpcall(describe, print, 1))
print(select(2, pcall(pcall, describe, 1)))
local mt = {__index = function(t, k) return describe(1) end}
print(setmetatable({}, mt).key)
local ok, r = coroutine.resume(coroutine.create(describe), 0)
print(ok, r)
for l = 1, 1 do
  local n, v = debug.getlocal(l, 1)
  print(l, n, type(v))
end
print((select(2, pcall(debug.getlocal, 2, 1))))
