-- Breaking out of a loop closes the iteration's variables.
for i = 1, 3 do
  local c <close> = setmetatable({}, {__close = function() print("close", i) end})
  if i == 2 then break end
  print("body", i)
end
print("end")
