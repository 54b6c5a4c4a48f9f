-- collectgarbage's incremental parameters pace the collector: with a large pause the heap
-- grows much further between cycles than with a small one.
local function peak(pause, stepmul)
  collectgarbage("collect")
  collectgarbage("incremental", pause, stepmul)
  local live = {}
  for i = 1, 2000 do live[i] = {i} end
  local top = 0
  for i = 1, 200000 do
    local t = {i, i + 1, i + 2}
    if i % 1000 == 0 then top = math.max(top, collectgarbage("count")) end
  end
  return top
end
local low = peak(100, 400)
local high = peak(1000, 100)
print(high > low * 2)
local again = peak(100, 400)
print(again < high / 2)
