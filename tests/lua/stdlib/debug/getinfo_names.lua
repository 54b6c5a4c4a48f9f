-- name and namewhat as the call site names the function.
local function name(level)
  local i = debug.getinfo(level + 1, "n")
  return tostring(i.name) .. "/" .. i.namewhat
end
local function loc() return name(1) end
function glob() return name(1) end
local t = {}
function t.fld() return name(1) end
function t:meth() return name(1) end
local up = loc
local function viaup() return up() end
print(loc())
print(glob())
print(t.fld())
print(t:meth())
print(t["fld"]())
print(viaup())
print(name(0))
print((function() return name(1) end)())
print(pcall(loc))
local mt = {__index = function(_, k) return name(1) end}
local obj = setmetatable({}, mt)
print(obj.anything)
local mt2 = {__add = function() return name(1) end, __call = function() return name(1) end}
local o2 = setmetatable({}, mt2)
print(o2 + 1)
print(o2())
for k in function() if not done then done = true return name(1) end end do print(k) end
