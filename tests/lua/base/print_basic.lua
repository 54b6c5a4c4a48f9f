-- print separates arguments with tabs and ends with a newline.
print()
print(nil)
print(1, nil, "x", false, true)
print("a", "b", "c")
print("")
print(1.5, -0.0, 100, 2^63)
