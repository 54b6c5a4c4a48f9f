-- methods called on things that are not files
local m = getmetatable(io.stdout).__index
for _, k in ipairs{"close", "flush", "lines", "read", "seek", "setvbuf", "write"} do
  print(k, pcall(m[k], 42))
  print(k, pcall(m[k]))
end
print(pcall(io.close, 42))
print(pcall(io.output, 42 and {}))
