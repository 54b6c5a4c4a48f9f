-- Method calls on fields of nil and on nil fields.
local obj = {inner = {}}
print(pcall(function() obj.inner:go() end))
print(pcall(function() obj.missing:go() end))
obj.inner.deeper:go()
