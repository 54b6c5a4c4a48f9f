-- An error inside __close replaces the original error.
local function mk(name, fail)
  return setmetatable({}, {__close = function(_, err)
    print("close", name, err)
    if fail then error(name .. " failed", 0) end
  end})
end
print(pcall(function()
  local a <close> = mk("a")
  local b <close> = mk("b", true)
  error("original", 0)
end))
print(pcall(function()
  local c <close> = mk("c", true)
  return "ok"
end))
