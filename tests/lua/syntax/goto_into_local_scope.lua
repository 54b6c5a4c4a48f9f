-- A goto may not jump into the scope of a local.
print(load("goto f\nlocal x\n::f:: print(x)"))
print(load("do goto f; local x; ::f:: end") ~= nil)
print(load("do goto f; local x; ::f:: ; ; end") ~= nil)
print(load("do goto f; local x; ::f:: x = 1 end"))
