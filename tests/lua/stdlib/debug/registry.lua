-- getregistry returns the same table every time; package.loaded is its _LOADED.
local r = debug.getregistry()
print(type(r), r == debug.getregistry())
print(r._LOADED == package.loaded)
print(r._LOADED.debug == debug, r._LOADED._G == _G)
r.mykey = 42
print(debug.getregistry().mykey)
