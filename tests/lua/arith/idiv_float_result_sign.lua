-- Floor division of floats produces signed zeros.
print(0.0 // 1, -0.0 // 1, 0.5 // -1, -0.5 // 1, 1 // -1e300)
print(-1 % 1e300, 1 % -1e300)
