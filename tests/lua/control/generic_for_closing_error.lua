-- The closing value is also closed when the loop body errors.
local tbc = setmetatable({}, {__close = function(_, e) print("closed with", e) end})
local function iter(_, i) if i < 5 then return i + 1 end end
print(pcall(function()
  for i in iter, nil, 0, tbc do
    if i == 2 then error("boom", 0) end
  end
end))
