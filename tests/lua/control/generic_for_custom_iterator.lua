-- A stateless iterator with explicit state and control values.
local function iter(limit, i)
  if i < limit then return i + 1, (i + 1) * (i + 1) end
end
for i, sq in iter, 4, 0 do print(i, sq) end
