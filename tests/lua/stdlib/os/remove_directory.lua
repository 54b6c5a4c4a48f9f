-- os.remove also removes empty directories; a non-empty one fails
local d = "/tmp/rupa_os_remove_dir_test"
os.execute("rm -rf " .. d .. " && mkdir -p " .. d .. "/sub")
print(os.remove(d))
print(os.remove(d .. "/sub"))
print(os.remove(d))
print(os.remove(d))
