-- os.setlocale: "C" and "POSIX" (reported as "C"), names of locales that are not installed
-- (nil, nothing changes), per-category names and the composite name glibc reports for mixed
-- categories, which is accepted back.
print(os.setlocale(), os.setlocale("C"), os.setlocale("POSIX"), os.setlocale(nil, "time"))
for _, n in ipairs({"xx", "c", "posix", "xx_YY.UTF-8", "C.", "_", ".utf8", "/C", "C/", "no/such",
                    "POSIX.utf8", "C_US", "LC_CTYPE=C"}) do
  io.write(string.format("%q", n), "=", tostring(os.setlocale(n)), " ")
end
print()
for _, c in ipairs({"all", "collate", "ctype", "monetary", "numeric", "time"}) do
  io.write(c, "=", tostring(os.setlocale("POSIX", c)), ",", tostring(os.setlocale("xx", c)), " ")
end
print()
-- C.UTF-8 is built into current glibc; whatever this system has, both interpreters agree
local utf = os.setlocale("C.UTF-8", "numeric")
local all = os.setlocale()
print(utf ~= nil and all:sub(1, 9) or all)
print(os.setlocale("C"), os.setlocale(all) == all, os.setlocale(nil, "numeric") == (utf or "C"))
print(os.setlocale("LC_NUMERIC=C;LC_CTYPE=C"))
