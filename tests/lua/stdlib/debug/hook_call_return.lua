-- Call and return events for Lua and C functions.
local log = {}
local function leaf(x) return x + 1 end
local function mid(x) return leaf(x) * 2 end
local function tail(x) return leaf(x) end
debug.sethook(function(ev)
  local info = debug.getinfo(2, "S")
  log[#log + 1] = ev .. ":" .. info.what
end, "cr")
mid(1)
tail(2)
local t = {}
t[1] = math.abs(-3)
debug.sethook()
print(table.concat(log, " "))
