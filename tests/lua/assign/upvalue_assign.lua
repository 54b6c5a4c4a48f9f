-- Assigning to upvalues from inner functions.
local count = 0
local function inc() count = count + 1 end
inc(); inc()
print(count)
local a, b = 1, 2
local function swap() a, b = b, a end
swap()
print(a, b)
