-- Coroutines are values of type thread.
local co = coroutine.create(print)
print(type(co), co == co, co ~= coroutine.create(print))
local t = {[co] = "thread key"}
print(t[co])
