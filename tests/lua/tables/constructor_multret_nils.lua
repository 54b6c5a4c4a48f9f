-- Expanding results with nils at the end of a constructor.
local function f() return 1, nil, 3 end
local t = {f()}
print(t[1], t[2], t[3])
local function g() return nil, nil end
local u = {g()}
print(u[1], u[2], next(u))
