-- reading an empty standard input (the test runner gives /dev/null)
print(io.read())
print(io.read("a") == "", io.read("a") == "")
print(io.read("n"), io.read("L"), io.read(0), io.read(5))
print(io.stdin:read("l"))
local n = 0
for l in io.lines() do n = n + 1 end
print(n)
print(select("#", dofile()))
print(type(loadfile()), loadfile()())
print(io.type(io.stdin), io.input() == io.stdin)
