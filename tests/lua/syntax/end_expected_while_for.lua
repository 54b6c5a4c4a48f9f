-- Unclosed loops.
print(load("while true do\n x = 1"))
print(load("for i = 1, 2 do\n"))
print(load("for k, v in pairs(t) do"))
print(load("do\n\n"))
