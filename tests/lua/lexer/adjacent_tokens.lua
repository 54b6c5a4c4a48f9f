-- Tokens do not need whitespace between them.
local a=1;local b=2;print(a+b,a-b,a*b)
print(1-(-1),- -2,2- -2)
print(3-2-1)
