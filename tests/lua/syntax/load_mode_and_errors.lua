-- load of text in text mode works; binary-only mode refuses text.
print(load("return 1", "c", "t") ~= nil)
print(load("return 1", "c", "b"))
print(load("return 1", "c", "bt") ~= nil)
