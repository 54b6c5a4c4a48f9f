-- io.tmpfile is open for update
local f = io.tmpfile()
print(io.type(f))
print(f:write("abc", 1, 2) == f)
print(f:seek("set"), f:read("a"))
print(f:seek("cur"), f:seek("end"))
print(f:close(), io.type(f))
