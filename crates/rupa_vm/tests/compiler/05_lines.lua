-- Error positions for constructs spread over several lines.
print(pcall(function()
  for i = 1,
    'x' do end
end))
print(pcall(function()
  for i = {},
    2 do end
end))
print(pcall(function()
  local t = {}
  t.a.b =
    1
end))
print(pcall(function()
  local a = {}
  return a
    +
    1
end))
print(pcall(function()
  local a = {}
  return 1 <
    a
end))
print(pcall(function()
  local f
  f(
    1,
    2
  )
end))
print(pcall(function()
  local o = {}
  o:m(
    1
  )
end))
print(pcall(function()
  return 'a' ..
    {} ..
    'c'
end))
print(pcall(function()
  local t = setmetatable({}, {__index = function(t, k) error('idx ' .. k) end})
  return t
    .field
end))
print(pcall(function()
  local x = -
    {}
end))
print(pcall(function()
  g.x = 1
end))
