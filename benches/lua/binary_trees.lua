-- Binary trees (after the Benchmarks Game): allocation of many small tables and GC pressure.
local function bottom_up(depth)
  if depth == 0 then return {} end
  depth = depth - 1
  return { bottom_up(depth), bottom_up(depth) }
end

local function check(tree)
  local left = tree[1]
  if left then
    return 1 + check(left) + check(tree[2])
  end
  return 1
end

local N = 15
local min_depth = 4
local max_depth = N
if min_depth + 2 > N then max_depth = min_depth + 2 end

do
  local stretch = max_depth + 1
  print("stretch tree of depth " .. stretch .. "\t check: " .. check(bottom_up(stretch)))
end

local long_lived = bottom_up(max_depth)

for depth = min_depth, max_depth, 2 do
  local iterations = 1 << (max_depth - depth + min_depth)
  local total = 0
  for _ = 1, iterations do
    total = total + check(bottom_up(depth))
  end
  print(iterations .. "\t trees of depth " .. depth .. "\t check: " .. total)
end

print("long lived tree of depth " .. max_depth .. "\t check: " .. check(long_lived))
