-- byte and unpack refuse more results than the stack can hold; large but fitting counts work
print(pcall(string.byte, string.rep("x", 2e6), 1, -1))
print(select("#", string.byte(string.rep("x", 100000), 1, -1)))
print(pcall(string.unpack, string.rep("b", 1e6), string.rep("x", 1e6)))
print(select("#", string.unpack(string.rep("b", 1000), string.rep("x", 1000))))
