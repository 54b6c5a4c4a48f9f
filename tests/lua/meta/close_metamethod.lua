-- __close receives the value and the error (nil on normal exit).
local mt = {__close = function(v, e) print("closing", v.id, type(e), e and e.code, select("#", v, e)) end}
do
  local a <close> = setmetatable({id = 1}, mt)
end
print(pcall(function()
  local b <close> = setmetatable({id = 2}, mt)
  error({code = 7})
end) == false)
