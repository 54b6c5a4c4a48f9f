-- More than 200 locals in one function.
local src = "local a1"
for i = 2, 201 do src = src .. ", a" .. i end
print(load(src))
local ok = "local a1"
for i = 2, 200 do ok = ok .. ", a" .. i end
print(load(ok) ~= nil)
