-- Unary minus keeps the subtype.
print(-1, -1.0, - -1, -(0), -(0.0), -(-0.0))
local mini = -0x7fffffffffffffff - 1
print(-mini, -(2^63))
