-- Every base function is a global function.
local names = {"assert", "collectgarbage", "error", "getmetatable", "ipairs", "load",
  "next", "pairs", "pcall", "print", "rawequal", "rawget", "rawlen", "rawset",
  "select", "setmetatable", "tonumber", "tostring", "type", "xpcall"}
for _, n in ipairs(names) do print(n, type(_G[n])) end
print(type(coroutine))
