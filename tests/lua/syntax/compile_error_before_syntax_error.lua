-- lua5.4 compiles while it parses: a compile error before a syntax error is the one reported.
local function show(src) print((select(2, load(src, "=t")))) end
show("local a <const> = 1\na = 2\nx = = 1")
show("function f() goto l end\nx = = 1")
show("::a:: ::a:: x = = 1")
show("goto a; local x; ::a:: )")
show("goto a; local x; ::a:: end")
show("function f() goto x end )")
show("local x <const> = 1; function x() end \"unfinished")
show("local x <const> = 1; function x() )")
-- The syntax error comes first here.
show("x = = 1\nlocal a <const> = 1\na = 2")
