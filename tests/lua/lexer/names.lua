-- Identifiers: letters, digits, underscores; keywords are case-sensitive.
local _ = 1
local _a1, A_, And, END, Nil = 2, 3, 4, 5, 6
print(_, _a1, A_, And, END, Nil)
local __ = "underscores"
print(__)
