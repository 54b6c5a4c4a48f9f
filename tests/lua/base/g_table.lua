-- _G is the global table and contains itself.
print(_G._G == _G, _G.print == print, _G["_VERSION"])
_G.new_via_g = "yes"
print(new_via_g)
print(_ENV == _G)
