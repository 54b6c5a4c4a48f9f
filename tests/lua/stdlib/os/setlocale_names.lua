-- os.setlocale: "C" and "POSIX" (reported as "C"), names of locales that are not installed
-- (nil, nothing changes), per-category names, and glibc's composite name (every category
-- named) accepted for "all". Installed locales are not used: a wasm host sees none.
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
-- glibc's composite form is accepted back when it names every category
local parts = {}
for _, c in ipairs({"CTYPE", "NUMERIC", "TIME", "COLLATE", "MONETARY", "MESSAGES", "PAPER",
                    "NAME", "ADDRESS", "TELEPHONE", "MEASUREMENT", "IDENTIFICATION"}) do
  parts[#parts + 1] = "LC_" .. c .. "=C"
end
print(os.setlocale(table.concat(parts, ";")), os.setlocale(table.concat(parts, ";", 2)))
print(os.setlocale("LC_NUMERIC=C;LC_CTYPE=C"), os.setlocale("LC_BOGUS=C;" .. table.concat(parts, ";")))
print(os.setlocale(table.concat(parts, ";"), "numeric"))
