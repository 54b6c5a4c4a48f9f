-- A call or ... at the end of a constructor expands; elsewhere it gives one value.
local function three() return 1, 2, 3 end
local a = {three()}
local b = {three(), three()}
local c = {three(), "x"}
local d = {(three())}
print(#a, #b, #c, #d)
print(b[1], b[2], b[4])
