-- The until condition can see locals declared in the loop body.
local i = 0
repeat
  local done = i >= 3
  i = i + 1
until done
print(i)
local count = 0
repeat local x = count; count = count + 1 until x == 5
print(count)
