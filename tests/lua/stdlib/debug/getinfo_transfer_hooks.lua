-- debug.getinfo's ftransfer/ntransfer inside call and return hooks: parameters and results of Lua functions (vararg, tail and multiple returns), natives' arguments and results (read with debug.getlocal), 0 elsewhere.
local log = {}
local function show(ev)
  local i = debug.getinfo(2, "nr")
  local up = debug.getinfo(3, "r")
  local vals = {}
  for k = i.ftransfer, i.ftransfer + i.ntransfer - 1 do
    local _, v = debug.getlocal(2, k)
    vals[#vals + 1] = (type(v) == "table" or type(v) == "function") and type(v) or tostring(v)
  end
  log[#log + 1] = string.format("%s %s %d %d [%s] %d", ev, tostring(i.name), i.ftransfer,
    i.ntransfer, table.concat(vals, ","), up and up.ntransfer or -1)
end
local function many() return 1, 2, 3 end
local function pass(...) return ... end
local function tail(x) return pass(x, x * 2) end
local function none() return end
local obj = {v = 7}
function obj:get(a) return self.v + a end
local function varret() return many() end
debug.sethook(show, "cr")
pass(many())
tail(5)
none()
obj:get(1)
varret()
local ok, a, b = pcall(many)
local co = coroutine.wrap(function(x) local y = coroutine.yield(x + 1) return y * 2 end)
co(1) co(10)
select("#", 1, 2)
select(-1, "p", "q")
assert(1, "m")
setmetatable({}, nil)
tostring(12)
debug.sethook()
for _, l in ipairs(log) do print(l) end
