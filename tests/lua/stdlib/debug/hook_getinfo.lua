-- Inside a line hook, level 2 is the hooked function at the reported line.
local seen = {}
local function target()
  local a = 1
  local b = 2
  return a + b
end
debug.sethook(function(ev, line)
  local info = debug.getinfo(2, "Sl")
  if info.short_src == debug.getinfo(1, "S").short_src then
    seen[#seen + 1] = line .. "=" .. info.currentline
  end
end, "l")
target()
debug.sethook()
print(table.concat(seen, " "))
