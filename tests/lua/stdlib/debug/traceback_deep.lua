-- Deep stacks elide the middle levels.
local function rec(n)
  if n == 0 then return debug.traceback("deep") end
  return (rec(n - 1))
end
print(rec(30))
print(rec(19))
print(rec(20))
print(rec(21))
local function rec2(n)
  if n == 0 then return debug.traceback("deep", 5) end
  return (rec2(n - 1))
end
print(rec2(25))
