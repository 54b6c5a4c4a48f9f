-- Float keys with integral values are the same as integer keys.
local t = {}
t[1.0] = "one"
t[2] = "two"
print(t[1], t[2.0], #t)
t[2^53] = "big"
print(t[1 << 53], t[9007199254740992])
local keytype
for k in pairs({[3.0] = true}) do keytype = tostring(k) end
print(keytype)
