-- A top-level file assigning to a constant.
local limit <const> = 10
limit = 11
