-- \xXX needs exactly two hex digits, either case.
print("\x41\x42\x43", "\x61" == "a", "\xAb" == "\xab", #"\x00")
print(load('return "\\x4"'))
print(load('return "\\xg0"'))
