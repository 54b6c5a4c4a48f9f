-- A decimal escape above 255 is a lexical error.
print(load('return "\\256"'))
print(load('return "\\300"'))
print(load('return "\\25"') ~= nil)
