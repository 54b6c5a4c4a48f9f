-- string.reverse: bytes in reverse order
print(string.reverse("abc"))
print(string.reverse("") == "")
print(string.reverse("a"))
print(string.byte(string.reverse("\0\1\2"), 1, -1))
print(string.reverse(123))
print(("racecar"):reverse())
print(pcall(string.reverse))
print(pcall(string.reverse, false))
