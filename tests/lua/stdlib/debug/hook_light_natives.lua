-- Call and return hooks see native functions without upvalues as C functions, with the
-- names lua5.4 gives them.
local seen = {}
local function hook(event)
  local info = debug.getinfo(2, "nSf")
  if info.what == "C" and info.func ~= debug.sethook then
    seen[#seen + 1] = event .. " " .. tostring(info.name) .. " " .. info.short_src
  end
end
debug.sethook(hook, "cr")
local s = string.rep("x", 2)
local n = select("#", 1, 2)
local t = {}
table.insert(t, s)
local k = type(n)
debug.sethook()
for _, line in ipairs(seen) do print(line) end
print(s, n, #t, k)
