-- A <close> variable holds its value and can be read.
local mt = {__close = function(v) print("closing", v.name) end}
do
  local x <close> = setmetatable({name = "X"}, mt)
  print(x.name)
end
