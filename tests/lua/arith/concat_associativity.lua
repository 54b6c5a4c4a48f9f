-- '..' is right associative and mixes numbers and strings.
print(1 .. 2 .. 3, "a" .. 1 + 2 .. "b", 2 .. 3 + 1)
local s = ""
for i = 1, 5 do s = s .. i end
print(s, #s)
