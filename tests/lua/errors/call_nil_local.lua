-- Calling a nil local.
local fn
print(pcall(function() fn() end))
fn()
