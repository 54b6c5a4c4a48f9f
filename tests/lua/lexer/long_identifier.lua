-- Identifiers and strings may be long.
local name = "v"
for i = 1, 200 do name = name .. "x" end
local f = load("local " .. name .. " = 7 return " .. name)
print(f(), #name)
local s = ""
for i = 1, 1000 do s = s .. "ab" end
print(#load("return '" .. s .. "'")())
