-- Every multi-character operator token.
print(1 == 1, 1 ~= 2, 1 <= 2, 2 >= 1, 7 // 2, 1 << 3, 16 >> 2)
print("a" .. "b", select("#", 1, 2, 3), ~0, 5 ~ 3, 6 & 3, 6 | 1)
local t = {f = function(self) return self.v end, v = 42}
print(t:f(), #{1, 2, 3})
