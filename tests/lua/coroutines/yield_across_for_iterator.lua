-- The iterator function of a generic for may yield.
local function iter(_, i)
  if i >= 3 then return nil end
  coroutine.yield("iterating " .. i)
  return i + 1
end
local co = coroutine.wrap(function()
  local s = 0
  for i in iter, nil, 0 do s = s + i end
  return "sum " .. s
end)
for _ = 1, 4 do print(co()) end
