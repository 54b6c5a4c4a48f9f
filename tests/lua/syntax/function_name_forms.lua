-- function a.b.c:m() is valid; a:b.c() is not.
print(load("function a.b.c:m() end") ~= nil)
print(load("function a:b.c() end"))
print(load("function a:b:c() end"))
print(load("local function a.b() end"))
