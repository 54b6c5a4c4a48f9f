-- which math functions return integers and which floats
local function ty(...) local r = {} for i = 1, select('#', ...) do r[i] = math.type((select(i, ...))) or type((select(i, ...))) end return table.concat(r, ",") end
print(ty(math.abs(1), math.abs(1.0), math.floor(1.5), math.ceil(1.5), math.floor(2^80)))
print(ty(math.fmod(5, 2), math.fmod(5, 2.0), math.fmod(5.0, 2)))
print(ty(math.modf(5)), ty(math.modf(5.5)), ty(math.modf(2^80)))
print(ty(math.max(1, 2)), ty(math.max(1.0, 2)), ty(math.min(1, 2.0)))
print(ty(math.sqrt(4), math.exp(0), math.log(1), math.sin(0), math.random(3), math.random()))
print(ty(math.tointeger(3.0), math.tointeger(3.5), math.ult(1, 2)))
