-- A memoising cache with weak values.
local cache = setmetatable({}, {__mode = "v"})
local function get(k)
  local v = cache[k]
  if not v then v = {key = k}; cache[k] = v end
  return v
end
local a = get("a")
get("b"); get("c")
collectgarbage()
local n = 0
for _ in pairs(cache) do n = n + 1 end
print(n, get("a") == a)
