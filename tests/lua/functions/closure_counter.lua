-- Independent counters.
local function counter(start)
  return function() start = start + 1; return start end
end
local c1, c2 = counter(0), counter(100)
print(c1(), c1(), c2(), c1(), c2())
