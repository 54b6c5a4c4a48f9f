-- The same error object passes through several pcall layers.
local e = {}
local function thrower() error(e) end
local function mid() local ok, x = pcall(thrower); error(x) end
local ok, got = pcall(mid)
print(ok, got == e)
