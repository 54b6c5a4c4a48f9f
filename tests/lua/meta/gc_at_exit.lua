-- Objects still alive at exit are finalized when the state closes.
local keep = {}
for i = 1, 3 do
  keep[i] = setmetatable({}, {__gc = function() print("exit gc", i) end})
end
print("end of script")
