-- An unfinished long string or comment.
print(load("return [[abc"))
print(load("return [==[abc]=]"))
print(load("--[[ comment"))
