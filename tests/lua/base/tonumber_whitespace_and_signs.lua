-- Whitespace and signs accepted by tonumber.
print(tonumber(" -1 "), tonumber("+1.5"), tonumber("- 1"), tonumber("--1"), tonumber("1-"))
print(tonumber(" -0x10 "), tonumber("+0x10"), tonumber("-.5"), tonumber("+.5e1"))
