-- metamethods used by table functions may call pcall, error and other table functions
local p = setmetatable({}, {
  __index = function(_, k)
    local ok, e = pcall(error, "inner" .. k)
    return e
  end,
  __len = function() return 3 end,
})
print(table.concat(p, ","))
local q = setmetatable({}, {__index = function(_, k) return table.concat({k, k}, "+") end, __len = function() return 2 end})
print(table.concat(q, " "))
local r = setmetatable({}, {__index = function(_, k) return select(2, pcall(table.unpack, {k})) end, __len = function() return 3 end})
print(table.unpack(r))
