-- A chain of closures each capturing the previous one.
local f = function() return 0 end
for i = 1, 100 do
  local prev = f
  f = function() return prev() + 1 end
end
print(f())
