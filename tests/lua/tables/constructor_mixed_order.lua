-- Positional items count only positional fields, whatever is between them.
local t = {"a", x = 1, "b", [3] = "ignored?", "c"}
print(t[1], t[2], t[3], t.x, #t)
