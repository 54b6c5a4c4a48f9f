-- Comments may end the input without a newline.
print(load("return 1 -- trailing")())
print(load("return 2 --[[ long ]]")())
print(load("return 3 --[==[ unclosed-looking ]] ]==]")())
print(load("--")  ~= nil, load("--[[]]") ~= nil)
