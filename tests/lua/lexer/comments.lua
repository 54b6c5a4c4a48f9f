-- Short and long comments of several levels.
local a = 1 -- short comment
--[[ long
comment ]] a = a + 1
--[==[ another ]] still comment
]==] a = a + 10
--[ not a long comment
a = a + 100
---[[ this is a short comment
a = a + 1000
--]]
print(a)
print(2 --[[inline]] + 3)
