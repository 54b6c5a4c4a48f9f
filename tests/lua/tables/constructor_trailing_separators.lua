-- A trailing ',' or ';' is allowed; ',' and ';' are interchangeable.
local t = {1, 2, 3,}
local u = {1; 2; 3;}
local v = {1, 2; x = 3,}
print(#t, #u, #v, v.x)
print(load("return {,}"))
