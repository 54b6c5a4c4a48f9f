-- Mandelbrot (after the Benchmarks Game): float loops and bit operators; prints a checksum of
-- the bitmap instead of the bitmap itself.
local size = 1000
local iter = 50
local limit2 = 4.0

local checksum = 0
local ones = 0
for y = 0, size - 1 do
  local ci = 2.0 * y / size - 1.0
  local bits, nbits = 0, 0
  for x = 0, size - 1 do
    local cr = 2.0 * x / size - 1.5
    local zr, zi, zr2, zi2 = 0.0, 0.0, 0.0, 0.0
    local inside = 1
    for _ = 1, iter do
      zi = 2.0 * zr * zi + ci
      zr = zr2 - zi2 + cr
      zr2 = zr * zr
      zi2 = zi * zi
      if zr2 + zi2 > limit2 then
        inside = 0
        break
      end
    end
    ones = ones + inside
    bits = (bits << 1) | inside
    nbits = nbits + 1
    if nbits == 8 or x == size - 1 then
      bits = bits << (8 - nbits)
      -- a rolling 32-bit checksum over the bytes of the bitmap, row by row
      checksum = ((checksum * 31) ~ bits) & 0xffffffff
      bits, nbits = 0, 0
    end
  end
end
print("P4 " .. size .. " " .. size .. " ones=" .. ones .. " checksum=" .. checksum)
