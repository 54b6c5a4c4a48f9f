-- Line hooks report each new line, loops jumping back, and lines of called functions.
local lines = {}
local function add(x)
  return x + 1
end
debug.sethook(function(ev, line) lines[#lines + 1] = ev .. line end, "l")
local a = 1
local b = add(a)
for i = 1, 3 do
  a = a + i
end
while a > 5 do a = a - 5 end
if a == 0 then
  b = 0
else
  b = 1
end
debug.sethook()
print(table.concat(lines, " "))
