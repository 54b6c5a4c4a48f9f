-- Adding a new key during traversal may break next; here we only modify existing keys.
local t = {a = 1, b = 2, c = 3}
local count = 0
for k, v in next, t do
  count = count + 1
  t[k] = nil
end
print(count, next(t))
