-- A label at the end of a block is allowed after locals (5.4 rule).
local f, err = load("do local x = 1; goto e; local y = 2; ::e:: end return 'ok'")
print(f and f() or err)
local g, err2 = load("repeat local x; goto e; local y; ::e:: until y")
print(g and "compiled" or err2)
