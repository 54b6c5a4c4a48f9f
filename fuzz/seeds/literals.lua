local a, b, c = 0x7fffffffffffffff, 0xff, 1e308
local d, e = 3.0, .5e-3
local f = 0x1p4 + 0xA.8p0
local s1 = "tab\t nl\n quote\" \65\066\x41 \u{48}\u{7FFFFFFF} \z
   continued"
local s2 = 'single \'q\' \\'
local s3 = [[long
string]]
local s4 = [==[with ]] inside]==]
return a, b, c, d, e, f, s1, s2, s3, s4, 9223372036854775807, 9223372036854775808
