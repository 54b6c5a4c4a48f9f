-- A finalizer receives its object with fields intact.
do
  setmetatable({a = 1, b = {c = 2}}, {__gc = function(o) print("fields", o.a, o.b.c) end})
end
collectgarbage()
