-- Many live coroutines interleaved.
local cos = {}
for i = 1, 1000 do
  cos[i] = coroutine.create(function(x) local y = coroutine.yield(x + i) return y * i end)
end
local s1, s2 = 0, 0
for i = 1, 1000 do local _, v = coroutine.resume(cos[i], 1); s1 = s1 + v end
for i = 1, 1000 do local _, v = coroutine.resume(cos[i], 2); s2 = s2 + v end
print(s1, s2, coroutine.status(cos[1000]))
