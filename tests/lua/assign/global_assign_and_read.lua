-- Globals live in _ENV.
newglobal = 5
print(newglobal, _ENV.newglobal, _G.newglobal)
_ENV.other = 6
print(other)
newglobal = nil
print(newglobal)
