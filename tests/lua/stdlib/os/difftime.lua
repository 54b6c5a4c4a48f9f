-- os.difftime returns a float difference and checks both arguments as integers
print(os.difftime(5, 3), os.difftime(3, 5), os.difftime(0, 0), os.difftime(2^53, 0))
print(math.type(os.difftime(10, 1)))
print(os.difftime("10", 2), os.difftime(10.0, 2))
print(pcall(os.difftime))
print(pcall(os.difftime, 1))
print(pcall(os.difftime, 1.5, 1))
print(pcall(os.difftime, 1, {}))
print(pcall(os.difftime, nil, 1))
