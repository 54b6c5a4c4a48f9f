-- Fannkuch-redux (after the Benchmarks Game): integer array permutations in place.
-- Permutations hold the values 0..n-1 at indices 1..n (array part).
local function fannkuch(n)
  local perm, perm1, count = {}, {}, {}
  for i = 1, n do perm1[i] = i - 1 end
  local max_flips, checksum, r, even = 0, 0, n, true
  while true do
    while r ~= 1 do
      count[r - 1] = r
      r = r - 1
    end
    local k = perm1[1]
    if k ~= 0 then
      for i = 1, n do perm[i] = perm1[i] end
      local flips = 0
      repeat
        -- reverse the first k+1 elements; perm[1] is k, kept in a local
        local next_k = perm[k + 1]
        perm[k + 1] = k
        local i, j = 2, k
        while i < j do
          perm[i], perm[j] = perm[j], perm[i]
          i = i + 1
          j = j - 1
        end
        flips = flips + 1
        k = next_k
      until k == 0
      if flips > max_flips then max_flips = flips end
      if even then checksum = checksum + flips else checksum = checksum - flips end
    end
    -- next permutation in the counting order: rotate the first r+1 elements
    while true do
      if r == n then return checksum, max_flips end
      local perm0 = perm1[1]
      for i = 1, r do perm1[i] = perm1[i + 1] end
      perm1[r + 1] = perm0
      count[r] = count[r] - 1
      if count[r] > 0 then break end
      r = r + 1
    end
    even = not even
  end
end

local n = 10
local checksum, flips = fannkuch(n)
print(checksum)
print("Pfannkuchen(" .. n .. ") = " .. flips)
