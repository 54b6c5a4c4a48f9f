-- Level 3 points at the caller's caller.
local function check() error("deep", 3) end
local function middle() check() end
local function top()
  middle()
end
print(pcall(top))
