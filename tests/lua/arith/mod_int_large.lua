-- Modulo with large integers does not overflow.
local maxi, mini = 0x7fffffffffffffff, -0x7fffffffffffffff - 1
print(maxi % 2, mini % 2, mini % maxi, maxi % mini, mini % -2)
print(maxi // mini, mini // maxi, maxi // -1, -7 // maxi)
