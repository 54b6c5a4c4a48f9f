-- select with negative indices on forwarded varargs.
local function last(...) return (select(-1, ...)) end
local function lasttwo(...) return select(-2, ...) end
print(last(1, 2, 3), lasttwo("a", "b", "c"))
print(pcall(last))
