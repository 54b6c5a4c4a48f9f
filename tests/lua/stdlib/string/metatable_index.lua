-- the string metatable: methods through __index, shared table, indexing strings
local mt = getmetatable("")
print(type(mt), mt.__index == string, getmetatable("abc") == mt)
print(("abc"):upper(), ("%d"):rep(2), ("x"):byte())
local s = "hello"
print(s:len(), s:sub(2, 3), s:find("l"), #s)
print(("a,b"):gsub(",", ";"))
print(("abc").len == string.len, ("abc").nonexistent)
print(("abc")[1], ("abc")["sub"] == string.sub)
string.shout = function(self) return self:upper() .. "!" end
print(("hey"):shout())
print(pcall(function() local x = ("abc"):nope() return x end))
print(rawget(mt, "__add") ~= nil, rawget(mt, "__band"), rawget(mt, "__concat"), rawget(mt, "__len"), rawget(mt, "__eq"))
local names = {}
for k in pairs(mt) do names[#names + 1] = k end
local sorted = {}
for _, n in ipairs(names) do
  local i = #sorted + 1
  while i > 1 and sorted[i - 1] > n do sorted[i] = sorted[i - 1]; i = i - 1 end
  sorted[i] = n
end
local line = ""
for _, n in ipairs(sorted) do line = line .. n .. " " end
print(line)
