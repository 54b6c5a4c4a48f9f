-- Multiple results are truncated except in the last position.
local function mr() return 1, 2, 3 end
print(mr(), mr())
print(mr(), 10)
local t = {mr(), mr()}
print(#t)
print((mr()))
print(#{(mr())})
