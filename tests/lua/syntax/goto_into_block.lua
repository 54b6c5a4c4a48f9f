-- Labels inside a nested block are not visible from outside.
print(load("goto inner\ndo ::inner:: end"))
print(load("while true do ::top:: end goto top"))
