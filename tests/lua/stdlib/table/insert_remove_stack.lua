-- insert/remove used as a stack and a queue
local s = {}
for i = 1, 10 do table.insert(s, i) end
local out = {}
while #s > 0 do out[#out + 1] = table.remove(s) end
print(table.concat(out, ","))
local q = {}
for i = 1, 10 do table.insert(q, 1, i) end
print(table.concat(q, ","))
out = {}
while #q > 0 do out[#out + 1] = table.remove(q, 1) end
print(table.concat(out, ","))
print(#q, table.remove(q), #q)
