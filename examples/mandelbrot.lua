-- Renders the Mandelbrot set as a plain-text PBM image (P1) on stdout.
-- Usage: rupa examples/mandelbrot.lua [size]   (default 256)
-- Uses only the base library, so it runs on the bare VM.

local size = tonumber(arg and arg[1]) or 256
local iterations = 50

print("P1")
print(size .. " " .. size)

local inside_total = 0
for y = 0, size - 1 do
  local ci = 2.0 * y / size - 1.0
  local row = {}
  for x = 0, size - 1 do
    local cr = 2.0 * x / size - 1.5
    local zr, zi, inside = 0.0, 0.0, 1
    for _ = 1, iterations do
      zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
      if zr * zr + zi * zi > 4.0 then
        inside = 0
        break
      end
    end
    row[#row + 1] = inside
    inside_total = inside_total + inside
  end
  -- Join the row without the string library.
  local line = ""
  for i = 1, #row do
    line = line .. row[i]
  end
  print(line)
end

-- The last line is a comment for humans; PBM readers stop after the pixels.
print("# " .. inside_total .. " of " .. size * size .. " points are in the set")
