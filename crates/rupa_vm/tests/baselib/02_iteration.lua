-- next, pairs, ipairs, __pairs and __index through ipairs.
local t = {10, 20, 30}
local n = 0
for k, v in pairs(t) do n = n + k * v end
print(n)
print(next({}), next({5}), next({5}, 1))
print(pcall(next, {}, 1))
print(pcall(next))
print(pcall(next, 1))
print(pcall(pairs))
print(pcall(ipairs))
local p = setmetatable({}, {__pairs = function(self) return function(_, k) if not k then return 1, "one" end end, self, nil end})
for k, v in pairs(p) do print("pairs mm", k, v) end
print(pairs(setmetatable({}, {__pairs = function() return 1, 2, 3, 4 end})))
print(select('#', pairs(setmetatable({}, {__pairs = function() return 1 end}))))
print(pcall(pairs, setmetatable({}, {__pairs = function() error("pe") end})))
local f, s, i = pairs({})
print(f == next, i)
for i, v in ipairs({1, 2, nil, 4}) do print("ip", i, v) end
local proxy = setmetatable({}, {__index = function(_, i) if i < 4 then return i * 2 end end})
for i, v in ipairs(proxy) do print("proxy", i, v) end
local chain = setmetatable({}, {__index = {7, 8}})
for i, v in ipairs(chain) do print("chain", i, v) end
print(pcall(function() for i, v in ipairs(5) do end end))
print(pcall(ipairs(5), 5, 0))
local f2, s2, i2 = ipairs(t)
print(s2 == t, i2, f2(t, 0))
print(f2(t, 3))
print(pcall(f2, t, "x"))
