-- A float start, limit or step makes a float loop.
for i = 1, 2, 0.5 do print(i) end
for i = 1.0, 3 do print(i) end
for i = 0.1, 0.35, 0.1 do print(i) end
