-- Float to string uses %.14g and adds '.0' to integral values.
print(1e15, 1e16, 2^63, 0.1 + 0.2, -0.0, 1e100, 1e-5)
print(100.0, 123456789012.0, 2^53, 1/3, -1/3, 3.14159265358979)
print(1e14, 123456789012345.0, 0.1, 1e300 * 1e10, -1e300 * 1e10)
