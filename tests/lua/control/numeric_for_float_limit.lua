-- An integer loop with a float limit is clipped to the integer range.
for i = 1, 3.5 do print(i) end
for i = 3, 0.5, -1 do print(i) end
for i = 1, 1 / 0 do if i > 3 then break end print(i) end
for i = 1, -1 / 0 do print("never") end
for i = -3, -1 / 0, -1 do if i < -5 then break end print(i) end
