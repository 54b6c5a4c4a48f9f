-- Only const and close are attributes.
print(load("local x <foo> = 1"))
print(load("local x <CONST> = 1"))
print(load("local x < const > = 1") ~= nil)
