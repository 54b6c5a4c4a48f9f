-- A newline or end of input inside a short string.
print(load('return "abc'))
print(load('return "abc\ndef"'))
print(load("return 'x"))
