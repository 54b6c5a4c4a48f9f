-- the io table and the file methods are exactly lua5.4's
local function keys(t)
  local ks = {}
  for k, v in pairs(t) do ks[#ks + 1] = k .. ":" .. type(v) end
  table.sort(ks)
  return table.concat(ks, " ")
end
print(keys(io))
local mt = getmetatable(io.stdout)
print(keys(mt))
print(keys(mt.__index))
print(mt.__name, mt.__index ~= mt, mt.__gc == mt.__close)
print(getmetatable(io.stdin) == mt, getmetatable(io.stderr) == mt, package.loaded.io == io)
