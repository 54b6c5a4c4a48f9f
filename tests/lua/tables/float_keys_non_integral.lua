-- Non-integral float keys stay distinct.
local t = {}
t[1.5] = "a"; t[1] = "b"; t[2] = "c"
print(t[1.5], t[1], t[2], t[1.50])
t[-0.0] = "zero"
print(t[0], t[0.0])
