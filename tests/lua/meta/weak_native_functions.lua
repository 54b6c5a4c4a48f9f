-- Native functions in weak tables are never collected (lua5.4: light C functions are values,
-- not objects), while Lua closures in the same tables are.
local wk = setmetatable({}, {__mode = "k"})
local wv = setmetatable({}, {__mode = "v"})
local wkv = setmetatable({}, {__mode = "kv"})
wk[print] = 1
wk[type] = 2
wk[function() end] = 3
wv[1] = print
wv[2] = coroutine.resume
wv[3] = function() end
wkv[select] = tostring
wkv[function() end] = error
collectgarbage()
collectgarbage()
local function count(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end
print(count(wk), wk[print], wk[type])
print(count(wv), wv[1] == print, wv[2] == coroutine.resume, wv[3])
print(count(wkv), wkv[select] == tostring)
