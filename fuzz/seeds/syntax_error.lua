local x = = 1
for i = 1 do end
goto nowhere
x = 08 + 0x + 1e + "unfinished
