local v = ((((((((((((((((((((1))))))))))))))))))))
local t = {{{{{{{{{{{{{{{{{{{{}}}}}}}}}}}}}}}}}}}}
local s = - - - - - - - - - - - - - - - - - - - - 1
local f = function() return function() return function() return function() return 1 end end end end
print(v, s, f()()()(), t[1][1][1][1])
