-- In call hooks for C functions, level 2 is the C function with its call-site name.
local seen = {}
debug.sethook(function(ev)
  local i = debug.getinfo(2, "nS")
  seen[#seen + 1] = ev .. ":" .. i.what .. ":" .. tostring(i.name) .. ":" .. i.namewhat
end, "cr")
local x = math.max(1, 2)
local t = {}
table.insert(t, 1)
local s = tostring(x)
debug.sethook()
for _, v in ipairs(seen) do print(v) end
