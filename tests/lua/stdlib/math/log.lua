-- math.log with and without a base
print(math.log(1), math.log(math.exp(1)), math.log(0), math.log(1/0))
print(math.log(8, 2), math.log(1024, 2), math.log(100, 10), math.log(1000, 10), math.log(27, 3))
print(math.log(2, 8), math.log(0.5, 2), math.log(1, 1), math.log(10, 1))
print(math.log(100, "10"), math.log("100"), math.log(2^62, 2), math.log(3, 2.0))
print(math.log(0, 2), math.log(0, 10), math.log(8, 0))
print(pcall(math.log))
print(pcall(math.log, 1, {}))
print(math.log(-1) ~= math.log(-1))
