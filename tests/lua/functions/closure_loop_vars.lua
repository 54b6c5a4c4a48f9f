-- Loop variables are fresh per iteration, but outer locals are shared.
local fs, shared = {}, 0
for i = 1, 3 do
  shared = shared + 1
  fs[i] = function() return i, shared end
end
print(fs[1]())
print(fs[3]())
