-- io.stderr accepts writes and returns itself
print(io.stderr:write("") == io.stderr)
print(io.stderr:flush())
print(io.type(io.stderr))
