-- Closing variables receive the error object; the error propagates.
local function mk(name)
  return setmetatable({}, {__close = function(_, err) print("close", name, err) end})
end
print(pcall(function()
  local a <close> = mk("a")
  local b <close> = mk("b")
  error("oops", 0)
end))
