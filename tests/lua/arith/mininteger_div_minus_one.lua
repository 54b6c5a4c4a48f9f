-- mininteger // -1 and % -1 do not trap.
local mini = -0x7fffffffffffffff - 1
print(mini // -1, mini % -1, mini // 1, mini % 1)
print(mini / -1)
