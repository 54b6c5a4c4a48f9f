-- Methods calling other methods through self.
local list = {items = {3, 1, 2}}
function list:size() return #self.items end
function list:sum(i)
  i = i or 1
  if i > self:size() then return 0 end
  return self.items[i] + self:sum(i + 1)
end
print(list:size(), list:sum())
