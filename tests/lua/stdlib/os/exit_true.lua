-- os.exit(true) exits with status 0 after flushing io.write output
io.write("line one\n")
io.write("no newline")
os.exit(true, true)
