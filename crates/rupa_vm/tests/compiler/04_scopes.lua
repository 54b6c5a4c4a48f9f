-- const, close, _ENV and error messages naming variables.
local k <const> = 10
local s <const> = 'str'
print(k * 2, s .. '!', #s)
do
  local mt = {__close = function(o, e) print('close', o.name, e) end}
  local a <close> = setmetatable({name = 'a'}, mt)
  local b <close> = setmetatable({name = 'b'}, mt)
  print('in block')
end
print('after block')
local function f()
  local mt = {__close = function(o) print('close', o.name) end}
  local x <close> = setmetatable({name = 'x'}, mt)
  return 'ret'
end
print(f())
for i = 1, 2 do
  local mt = {__close = function(o) print('close iter', o.name) end}
  local c <close> = setmetatable({name = i}, mt)
  if i == 2 then break end
  print('body', i)
end
do
  local mt = {__close = function(o) print('close goto', o.name) end}
  do
    local g <close> = setmetatable({name = 'g'}, mt)
    goto out
  end
  ::out::
  print('out')
end
local function env_test()
  local _ENV = {print = print, tostring = tostring}
  y = 5
  print(y, x)
end
env_test()
print(y)
print(pcall(function() local t = nil; return t.x end))
print(pcall(function() return undefinedglobal.x end))
print(pcall(function() local t = {}; return t.a.b end))
print(pcall(function() local up = nil; return (function() return up.x end)() end))
print(pcall(function() local t = {}; t:nomethod() end))
print(pcall(function() local z = {}; return 1 + z end))
print(pcall(function() local a = {} return a < 1 end))
print(pcall(function() local a = {} return -a.b end))
print(pcall(function() return 1 < 'x' end))
print(pcall(function() return {} .. 'x' end))
print(pcall(function() local a; a() end))
print(pcall(function() return #nil end))
print(pcall(function() return 1 & 1.5 end))
print(pcall(function()
  local t = {}
  return t.x
    .y
end))
