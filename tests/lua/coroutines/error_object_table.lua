-- Error objects of any type pass through resume unchanged.
local errobj = {msg = "table error"}
local co = coroutine.create(function() error(errobj) end)
local ok, e = coroutine.resume(co)
print(ok, e == errobj, e.msg)
local co2 = coroutine.create(function() error(nil) end)
print(coroutine.resume(co2))
local co3 = coroutine.create(function() error(42) end)
print(coroutine.resume(co3))
