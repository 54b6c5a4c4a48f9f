-- Strings compare bytewise, with embedded zeros.
print("a" < "ab", "ab" < "b", "Z" < "a", "\0" < "\1", "a\0b" < "a\0c")
print("a\0" > "a", "" == "", "10" < "9", "abc" == "abc")
