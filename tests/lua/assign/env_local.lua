-- A local _ENV changes how free names resolve.
local print = print
do
  local _ENV = {x = "from custom env"}
  print(x)
  y = 1
  print(_ENV.y)
end
print(x, y)
