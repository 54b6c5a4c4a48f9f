-- string.format's `%s` calls `__tostring` without a continuation: a yield there fails, and
-- so does one in tostring/print's `__tostring`.
local obj = setmetatable({}, {__tostring = function() coroutine.yield("in") return "obj" end})
for _, f in ipairs({
  function() return string.format("[%s]", obj) end,
  function() return tostring(obj) end,
  function() print(obj) end,
}) do
  local co = coroutine.wrap(function() return pcall(f) end)
  print(co())
end
local plain = setmetatable({}, {__tostring = function() return "fine" end})
print(coroutine.wrap(function() return string.format("%s|%5s", plain, plain) end)())
