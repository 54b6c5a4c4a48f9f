-- standard files cannot be closed and stay usable
print(io.stdout:close())
print(io.stderr:close())
print(io.stdin:close())
print(io.type(io.stdout))
io.stdout:write("still open\n")
print(io.close())
print(io.close(io.stdout))
