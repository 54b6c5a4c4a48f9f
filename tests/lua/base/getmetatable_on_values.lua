-- getmetatable of values without metatables.
print(getmetatable(nil), getmetatable(true), getmetatable(1), getmetatable({}))
print(getmetatable(print), getmetatable(coroutine.create(print)))
