-- Lua functions seen from call hooks: their line and parameters.
local seen = {}
local function named(a, b) return a end
local function other() return named(1, 2) end
debug.sethook(function(ev)
  local i = debug.getinfo(2, "Su")
  if i.what == "Lua" then
    seen[#seen + 1] = ev .. "@" .. i.linedefined .. "/" .. i.nparams
  end
end, "cr")
other()
debug.sethook()
print(table.concat(seen, " "))
