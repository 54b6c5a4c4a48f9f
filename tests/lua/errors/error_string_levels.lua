-- error adds position information by level.
local function lvl1() error("level one", 1) end
local function lvl2() error("level two", 2) end
local function lvl0() error("level zero", 0) end
print(pcall(lvl1))
print(pcall(lvl2))
print(pcall(lvl0))
local function caller() lvl2() end
print(pcall(caller))
