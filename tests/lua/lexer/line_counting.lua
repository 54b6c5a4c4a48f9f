-- Line numbers count \n, \r, \r\n and \n\r as one line each.
print(select(2, pcall(load("\n\n\nerror('x')", "=c"))))
print(select(2, pcall(load("\r\n\r\nerror('y')", "=c"))))
print(select(2, pcall(load("\n\r\n\rerror('z')", "=c"))))
print(select(2, pcall(load("\r\rerror('w')", "=c"))))
