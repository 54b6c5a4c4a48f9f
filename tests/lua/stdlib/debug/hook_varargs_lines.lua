-- Line and call events in vararg functions, multi-line calls and nested functions.
local evs = {}
local function va(...)
  local n = select("#", ...)
  return n
end
local function multi(a,
                     b)
  return a
    + b
end
debug.sethook(function(ev, line) evs[#evs + 1] = ev .. (line and (":" .. line) or "") end, "cl")
va(1, 2, 3)
multi(1,
  2)
local f = function() return 1 end
f()
debug.sethook()
print(table.concat(evs, " "))
