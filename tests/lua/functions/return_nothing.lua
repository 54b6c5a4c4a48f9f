-- A function with no return gives zero values, not nil.
local function none() end
local function nothing() return end
print(select("#", none()), select("#", nothing()), select("#", (none())))
print(none())
local t = {none(), none()}
print(#t, t[1])
