-- NaN in a numeric for: the integer loop is skipped, float loops run their first
-- iteration (the entry test only skips when 'limit < init' is true).
local nan = 0 / 0
local n = 0
for i = 1, nan do n = n + 1 end
print("int start, nan limit:", n)
n = 0
for i = 1.0, nan do n = n + 1; print("float start", i); if n > 3 then break end end
print("float start, nan limit:", n)
n = 0
for i = nan, 1 do n = n + 1; print("nan start", i); if n > 3 then break end end
print("nan start:", n)
n = 0
for i = 1, nan, -1 do n = n + 1; if n > 3 then break end end
print("int start, nan limit, negative step:", n)
