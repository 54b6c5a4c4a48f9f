-- continue is an ordinary name in Lua.
local continue = 5
print(continue)
print(load("continue") )
