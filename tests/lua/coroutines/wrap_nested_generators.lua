-- Generators built from other generators.
local function gen(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end)
end
local function doubled(g)
  return coroutine.wrap(function() for v in g do coroutine.yield(v * 2) end end)
end
local s = ""
for v in doubled(gen(5)) do s = s .. v .. "," end
print(s)
