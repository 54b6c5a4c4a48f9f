-- A missing label is reported when its function closes: at the token after the
-- function's `end` (or `<eof>` for the main chunk, trailing blank lines included).
print(load("local function f()\n  goto nowhere\nend\n\n\nx = 1", "=t"))
print(load("local function f()\n  goto nowhere\nend", "=t"))
print(load("do\n  goto nowhere\nend\n\n\n", "=t"))
print(load("while x do\n  break\nend\nbreak\n\n", "=t"))
print(load("f(function()\n  goto nowhere\nend\n)", "=t"))
