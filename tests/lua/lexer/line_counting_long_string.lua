-- Line numbers keep counting inside long strings and comments.
local f = load("local s = [[\n\n\n]] --[[\n\n]]\nerror('here')", "=ls")
print(select(2, pcall(f)))
