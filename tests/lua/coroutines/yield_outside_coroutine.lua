-- Yielding from the main thread is an error.
print(pcall(coroutine.yield, 1))
coroutine.yield()
