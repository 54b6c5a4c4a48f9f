-- An uncaught table error without __tostring is reported by its type, even with a __name.
print("before")
error(setmetatable({}, {__name = "MyError"}))
