-- Producer/consumer with a filter in between.
local function producer()
  return coroutine.create(function()
    for _, item in ipairs({"a", "b", "c"}) do coroutine.yield(item) end
  end)
end
local function filter(prod)
  return coroutine.create(function()
    local n = 1
    while true do
      local ok, item = coroutine.resume(prod)
      if not item then break end
      coroutine.yield(n .. ":" .. item)
      n = n + 1
    end
  end)
end
local f = filter(producer())
while true do
  local ok, v = coroutine.resume(f)
  if not v then break end
  print(v)
end
print(coroutine.status(f))
