-- Calling a nil upvalue.
local callback
local function fire() return callback() end
print(pcall(fire))
fire()
