-- Level 0 is getlocal itself, a C function: its arguments are C temporaries.
print(debug.getlocal(0, 1))
print(debug.getlocal(0, 2))
print(debug.getlocal(0, 3))
print(debug.getlocal(0, -1))
print(debug.getinfo(0, "S").what)
