-- every single-letter conversion os.date accepts, at a few UTC instants
local convs = {"a","A","b","B","c","C","d","D","e","F","g","G","h","H","I","j","m","M",
               "n","p","r","R","S","t","T","u","U","V","w","W","x","X","y","Y","z","Z","%"}
for _, t in ipairs{0, 951825600, 1700000000, 1718900000, -1000000000} do
  for _, c in ipairs(convs) do
    io.write(c, "=[", os.date("!%" .. c, t), "] ")
  end
  print()
end
