-- %E and %O modifiers give the plain conversion in the C locale
local e = {"c","C","x","X","y","Y"}
local o = {"d","e","H","I","m","M","S","u","U","V","w","W","y"}
for _, t in ipairs{0, 1000000000, 1718900000} do
  for _, c in ipairs(e) do
    print("E" .. c, os.date("!%E" .. c, t) == os.date("!%" .. c, t), os.date("!%E" .. c, t))
  end
  for _, c in ipairs(o) do
    print("O" .. c, os.date("!%O" .. c, t) == os.date("!%" .. c, t), os.date("!%O" .. c, t))
  end
end
