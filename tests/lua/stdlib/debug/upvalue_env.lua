-- _ENV is an upvalue shared with the enclosing chunk: replacing it changes what globals mean.
local print, load, debug, G = print, load, debug, _G
local function reader() return value end
print((debug.getupvalue(reader, 1)))
print(reader())
debug.setupvalue(reader, 1, {value = "from custom env"})
print(reader())
print(value)
debug.setupvalue(reader, 1, G)
print(reader(), value)
local chunk = load("return who")
print(debug.getupvalue(chunk, 1) == "_ENV")
debug.setupvalue(chunk, 1, {who = "loaded"})
print(chunk())
local n, env = debug.getupvalue(chunk, 1)
print(n, env.who)
