-- Generates table/cases.rs: `#t` as lua5.4 reports it after random sequences of stores.
-- Run from crates/rupa_vm/src:  lua5.4 table/gen_cases.lua > table/tests/cases.rs && cargo fmt
-- Each case starts from a constructor `{v1, v2, ...}` (a slot is nil or true), then applies
-- stores: (k, 0) is `t[k] = nil`, (k, 1) is `t[k] = true`, (k, 2) is `t["s" .. k] = true`;
-- after each store it records `#t`.

math.randomseed(7)
local cases = {}
for c = 1, 300 do
  local ctor = {}
  local n = (c % 3 == 0) and math.random(0, 12) or 0
  for i = 1, n do ctor[i] = math.random() < 0.8 and 1 or 0 end
  local src = {}
  for i = 1, n do src[i] = ctor[i] == 1 and "true" or "nil" end
  local t = load("return {" .. table.concat(src, ",") .. "}")()
  local ops, lens = {}, {}
  local maxk = ({ 8, 20, 70 })[c % 3 + 1]
  for _ = 1, 40 do
    local k = math.random(1, maxk)
    local r = math.random()
    local kind = r < 0.25 and 0 or (r < 0.9 and 1 or 2)
    if kind == 0 then t[k] = nil elseif kind == 1 then t[k] = true else t["s" .. k] = true end
    ops[#ops + 1] = string.format("(%d, %d)", k, kind)
    lens[#lens + 1] = tostring(#t)
  end
  cases[#cases + 1] = string.format("    (&[%s], &[%s], &[%s]),", table.concat(ctor, ", "),
    table.concat(ops, ", "), table.concat(lens, ", "))
end
-- Appending in order and removing from the end (the table.insert/remove patterns).
local t, lens, ops = {}, {}, {}
for i = 1, 100 do t[#t + 1] = true; ops[#ops + 1] = string.format("(%d, 1)", i); lens[#lens + 1] = #t end
for i = 100, 1, -3 do t[i] = nil; ops[#ops + 1] = string.format("(%d, 0)", i); lens[#lens + 1] = #t end
cases[#cases + 1] = string.format("    (&[], &[%s], &[%s]),", table.concat(ops, ", "),
  table.concat(lens, ", "))

print("//! Cases captured from lua5.4 by `gen_cases.lua` (generated: do not edit by hand).")
print("")
print("/// `(constructor slots, stores, #t after each store)`.")
print("#[allow(clippy::type_complexity)]")
print("pub const LENGTH: &[(&[u8], &[(i64, u8)], &[i64])] = &[")
print(table.concat(cases, "\n"))
print("];")
