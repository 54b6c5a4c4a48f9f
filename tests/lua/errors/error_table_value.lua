-- error with a table passes it unchanged.
local e = {code = 42}
local ok, got = pcall(error, e)
print(ok, got == e, got.code)
local ok2, got2 = pcall(function() error(e, 2) end)
print(ok2, got2 == e)
