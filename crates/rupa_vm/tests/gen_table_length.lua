-- Captures tests/data/table_length.txt: `#t` as lua5.4 reports it after random sequences of
-- stores. Replayed by src/table/tests.rs.
-- Run from crates/rupa_vm:  lua5.4 tests/gen_table_length.lua > tests/data/table_length.txt
--
-- One case per line, tab-separated: `length <constructor> <stores>`. The constructor
-- `{v1, v2, ...}` is one digit per slot, 1 for `true` and 0 for `nil` (`-` when empty). Each
-- store is `k:kind=len`: kind 0 is `t[k] = nil`, 1 is `t[k] = true`, 2 is `t["s" .. k] = true`,
-- and len is `#t` after it.
--
-- Where a table has several borders, lua5.4's choice depends on its node layout, which its
-- per-run string hash seed shuffles: a regeneration changes some lens at such steps (the test
-- accepts any border there), never the stores or a len at a unique border.

math.randomseed(7)
local function case(ctor, stores)
  io.write("length\t", #ctor == 0 and "-" or table.concat(ctor), "\t",
    table.concat(stores, " "), "\n")
end

for c = 1, 300 do
  local ctor = {}
  local n = (c % 3 == 0) and math.random(0, 12) or 0
  for i = 1, n do ctor[i] = math.random() < 0.8 and 1 or 0 end
  local src = {}
  for i = 1, n do src[i] = ctor[i] == 1 and "true" or "nil" end
  local t = load("return {" .. table.concat(src, ",") .. "}")()
  local stores = {}
  local maxk = ({ 8, 20, 70 })[c % 3 + 1]
  for _ = 1, 40 do
    local k = math.random(1, maxk)
    local r = math.random()
    local kind = r < 0.25 and 0 or (r < 0.9 and 1 or 2)
    if kind == 0 then t[k] = nil elseif kind == 1 then t[k] = true else t["s" .. k] = true end
    stores[#stores + 1] = string.format("%d:%d=%d", k, kind, #t)
  end
  case(ctor, stores)
end
-- Appending in order and removing from the end (the table.insert/remove patterns).
local t, stores = {}, {}
for i = 1, 100 do
  t[#t + 1] = true
  stores[#stores + 1] = string.format("%d:1=%d", i, #t)
end
for i = 100, 1, -3 do
  t[i] = nil
  stores[#stores + 1] = string.format("%d:0=%d", i, #t)
end
case({}, stores)
