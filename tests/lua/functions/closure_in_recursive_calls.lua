-- Each call has its own locals, captured separately.
local function make(n)
  if n == 0 then return {} end
  local fs = make(n - 1)
  fs[n] = function() return n end
  return fs
end
local fs = make(4)
print(fs[1](), fs[2](), fs[3](), fs[4]())
