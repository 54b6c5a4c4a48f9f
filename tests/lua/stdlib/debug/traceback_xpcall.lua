-- debug.traceback as an xpcall message handler.
local function fail() error("oops") end
local function mid() fail() end
print(xpcall(mid, debug.traceback))
print(xpcall(function() local x = nil; return x.y end, debug.traceback))
print(xpcall(function() error({}) end, function(e) return type(debug.traceback(e)) end))
print(xpcall(function() error("lvl", 2) end, debug.traceback))
print(xpcall(math.floor, debug.traceback))
print(xpcall(error, error))
print(xpcall(error, print))
