-- Level 2 from a function called by the main chunk points at the main chunk.
local function f() error("blame caller", 2) end
print(pcall(function()
  f()
end))
f()
