-- An unknown escape sequence is a lexical error.
print(load('return "\\q"'))
print(load('return "a\\.b"'))
