-- os.remove and os.rename: results and failure triples
local a, b = "/tmp/rupa_os_remove_rename_a", "/tmp/rupa_os_remove_rename_b"
os.remove(a) os.remove(b)
local f = assert(io.open(a, "w")) f:write("data") f:close()
print(os.rename(a, b))
print(io.open(a), io.open(b):read("a"))
print(os.rename(a, b))
print(os.remove(b))
print(os.remove(b))
print(os.remove("/tmp/rupa_no_such_dir/x"))
print(os.rename("/tmp/rupa_no_such_file_x", "/tmp/rupa_no_such_file_y"))
print(pcall(os.remove))
print(pcall(os.rename, a))
print(pcall(os.remove, {}))
