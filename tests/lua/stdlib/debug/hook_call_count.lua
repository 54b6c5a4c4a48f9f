-- Counting calls and returns with a "cr" hook.
local calls, rets = 0, 0
local function f(n) if n > 0 then return f(n - 1) + 1 end return 0 end
local function g(n) if n > 0 then return g(n - 1) end return 0 end
debug.sethook(function(ev)
  if ev == "call" or ev == "tail call" then calls = calls + 1 else rets = rets + 1 end
end, "cr")
f(5)
g(3)
print(select("#", pcall(f, 2)))
debug.sethook()
print(calls, rets)
local evs = {}
debug.sethook(function(ev) evs[#evs + 1] = ev end, "c")
g(2)
debug.sethook()
print(table.concat(evs, ","))
