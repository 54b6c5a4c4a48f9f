-- Rethrowing a caught error keeps the message (level 0 avoids a second prefix).
local ok, e = pcall(function() error("original") end)
print(pcall(function() error(e, 0) end))
print(pcall(function() error(e) end))
