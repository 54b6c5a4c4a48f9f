-- ipairs respects __index (5.4).
local t = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 10 end end})
for i, v in ipairs(t) do print(i, v) end
