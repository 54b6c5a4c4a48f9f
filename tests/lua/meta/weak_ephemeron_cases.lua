-- Weak-keyed tables are ephemerons: a value is kept only while its key is reachable
-- from outside the entry, however the value and key refer to each other.
local function count(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end

-- A chain of entries whose values are the next keys: all live while the head is held.
local t = setmetatable({}, {__mode = "k"})
local head = {}
do
  local k = head
  for i = 1, 50 do
    local nk = {i = i}
    t[k] = nk
    k = nk
  end
end
collectgarbage()
print("chain held", count(t))
head = nil
collectgarbage()
print("chain dropped", count(t))

-- Values that refer to their own key, to another entry's key, or to a key elsewhere.
local e = setmetatable({}, {__mode = "k"})
local other = setmetatable({}, {__mode = "k"})
local held = {}
do
  local a, b, c = {}, {}, {}
  e[a] = {b}
  e[b] = {a}
  e[held] = {c}
  other[c] = {tag = "c"}
  e[{}] = function() return a end
end
collectgarbage()
print("cross", count(e), count(other))
for k, v in pairs(e) do print("kept", k == held, type(v)) end

-- Non-object keys keep their values; string and number values need no key.
local s = setmetatable({}, {__mode = "k"})
s.name = {}
s[1] = {}
s[{}] = "text"
collectgarbage()
print("plain keys", count(s), type(s.name), type(s[1]))

-- Weak keys and values: an entry goes when either side is unreachable.
local kv = setmetatable({}, {__mode = "kv"})
local kk, vv = {}, {}
kv[kk] = {}
kv[{}] = vv
kv[kk] = kk
kv[vv] = vv
collectgarbage()
print("kv", count(kv))

-- A key being finalized keeps its value until the finalizer has run.
local seen
local f = setmetatable({}, {__mode = "k"})
do
  local key = setmetatable({}, {__gc = function(o) seen = f[o] end})
  f[key] = {note = "value of a finalized key"}
end
collectgarbage()
print("finalized key", seen and seen.note)
collectgarbage()
print("after finalizer", count(f))

-- Dropping the mode makes the values strong again.
local m = setmetatable({}, {__mode = "k"})
local mk = {}
m[mk] = {}
setmetatable(m, nil)
mk = nil
collectgarbage()
print("strong again", count(m))

-- Many entries, half of them with reachable keys.
local big = setmetatable({}, {__mode = "k"})
local keep = {}
for i = 1, 1000 do
  local k = {}
  big[k] = {k, i}
  if i % 2 == 0 then keep[#keep + 1] = k end
end
collectgarbage()
print("big", count(big))
local sum = 0
for _, v in pairs(big) do sum = sum + v[2] end
print("sum", sum)
