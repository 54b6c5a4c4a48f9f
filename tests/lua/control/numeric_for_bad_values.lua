-- Non-numeric for values are errors with lua5.4's wording.
print(pcall(function() for i = "a", 2 do end end))
print(pcall(function() for i = 1, {} do end end))
print(pcall(function() for i = 1, 2, nil do end end))
print(pcall(function() for i = "1", 2 do print(i) end end))
for i = 1, "x" do end
