-- os.exit with a number: the process status; buffered output is flushed first
io.write("before exit")
os.exit(3)
print("not reached")
