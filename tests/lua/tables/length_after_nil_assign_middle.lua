-- Assigning nil in the middle then at the end.
local t = {1, 2, 3, 4, 5}
t[5] = nil
t[4] = nil
print(#t)
t[3] = nil
t[2] = nil
t[1] = nil
print(#t)
