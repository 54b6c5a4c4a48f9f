-- \u{...} errors: too large, missing braces, empty.
print(load('return "\\u{80000000}"'))
print(load('return "\\u{}"'))
print(load('return "\\u41"'))
print(load('return "\\u{41"'))
