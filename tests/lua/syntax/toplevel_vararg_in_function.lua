-- A top-level file using ... in a non-vararg function.
local function f()
  return select("#", ...)
end
