-- Readers must return strings (or nil/""); reader errors are returned by load.
-- (Called through pcall: a standalone lua5.4 would otherwise let its own message
-- handler add a traceback to load's error message.)
print(pcall(load, function() return {} end))
print(pcall(load, function() return true end))
print(pcall(load, function() error("reader failed", 0) end))
print(type(load(function() return nil end)))
local n = 0
print(pcall(load, function() n = n + 1; if n == 1 then return 7 end end))
