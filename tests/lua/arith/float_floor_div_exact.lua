-- Float floor division and modulo are consistent: a == (a//b)*b + a%b.
local function check(a, b) return (a // b) * b + a % b == a end
print(check(7.5, 2), check(-7.5, 2), check(7.5, -2), check(-7.5, -2))
print(check(7, 3), check(-7, 3), check(7, -3), check(-7, -3))
