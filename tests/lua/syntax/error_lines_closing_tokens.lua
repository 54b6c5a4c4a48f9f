-- Runtime errors in constructs spread over lines are reported on the line lua5.4's
-- single-pass compiler was at: the last argument of a call is read after the `)`, the
-- last item of a constructor after the `}`, a parenthesised value after the `)`, an `if`
-- condition after `then`, a `for` loop is prepared at `do`, a method is looked up at its
-- name, and a function statement reads each field of its name at the name before it.
local function try(f) print(pcall(f)) end
try(function()
  print(
    1,
    x.y
  )
end)
try(function()
  local t = {
    1,
    x.y
  }
end)
try(function()
  local z = (
    x.y
  )
end)
try(function()
  if x.y
  then end
end)
try(function()
  if false then
  elseif x.y
  then end
end)
try(function()
  for i = 1,
    'x'
  do end
end)
try(function()
  for i = 1, 2, 0
  do end
end)
try(function()
  local o = {}
  o
  :m
  (
  )
end)
try(function()
  local t = {}
  function t
  .a
  .b()
  end
end)
try(function()
  local g = function() error('in g', 2) end
  local a = { g(
  ) }
end)
