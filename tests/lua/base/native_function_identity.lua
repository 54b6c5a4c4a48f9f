-- Native functions are values with identity: the same native is equal to itself wherever it
-- is read from, different natives differ, and natives work as table keys.
print(print == print, type == type, print ~= type, rawequal(print, print))
print(rawequal(print, tostring), print == _G.print, pcall == _G["pcall"])
print(coroutine.yield == coroutine.yield, coroutine.yield ~= coroutine.resume)
print(type(print), type(coroutine.wrap))
local t = {}
t[print] = "print"
t[type] = "type"
t[coroutine.resume] = "resume"
print(t[print], t[type], t[coroutine.resume], t[tostring])
local n = 0
for k, v in pairs(t) do
  assert(type(k) == "function")
  n = n + 1
end
print(n)
t[print] = nil
print(t[print], t[type])
-- the same native through different paths is one key
local g = _G
t[g.pcall] = 1
t[pcall] = t[pcall] + 1
print(t[g["pcall"]])
-- ipairs returns the same iterator every time
print(select(1, ipairs({})) == select(1, ipairs({1, 2})))
print(next == select(1, pairs({})))
