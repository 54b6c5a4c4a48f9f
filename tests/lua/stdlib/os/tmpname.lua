-- os.tmpname gives a fresh name each time, and the file exists
local a, b = os.tmpname(), os.tmpname()
print(type(a), a ~= b, #a == #"/tmp/lua_XXXXXX")
local f = io.open(a, "r")
print(io.type(f))
f:close()
print(os.remove(a), os.remove(b))
