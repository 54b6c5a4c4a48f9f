-- Argument errors of coroutine functions.
print(pcall(coroutine.create, 1))
print(pcall(coroutine.resume, 1))
print(pcall(coroutine.status, nil))
print(pcall(coroutine.wrap, "f"))
print(pcall(coroutine.close, {}))
