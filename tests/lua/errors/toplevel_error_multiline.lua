-- A message with newlines is printed whole.
error("first line\nsecond line\n\tindented")
