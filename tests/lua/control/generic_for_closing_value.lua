-- The fourth value of a generic for is closed when the loop ends.
local function make(name)
  return setmetatable({}, {__close = function() print("closed", name) end})
end
local function iter(_, i) if i < 2 then return i + 1 end end
for i in iter, nil, 0, make("normal") do print("it", i) end
for i in iter, nil, 0, make("break") do print("it", i) break end
local function f()
  for i in iter, nil, 0, make("return") do return i end
end
print(f())
