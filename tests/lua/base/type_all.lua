-- type returns the type name of every kind of value.
print(type(nil), type(true), type(0), type(1.5), type("s"))
print(type({}), type(print), type(function() end), type(coroutine.create(print)))
print(type(type), type(type(nil)))
