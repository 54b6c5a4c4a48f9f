-- Generates arith/cases.rs: raw arithmetic results lua5.4 gives for pairs of operands.
-- Run from crates/rupa_vm/src:  lua5.4 arith/gen_cases.lua > arith/cases.rs && cargo fmt
-- Operands and results are encoded as "i:<int>", "f:<%.17g>", "s:<string>", "nil", "b:true";
-- a result is also "DivByZero", "ModByZero", "NoIntegerRep" (errors of the arithmetic itself)
-- or "none" (any other error: lua5.4 went on to metamethods and found none).

local function enc(v)
  local t = math.type(v)
  if t == "integer" then return string.format("i:%d", v) end
  if t == "float" then return "f:" .. string.format("%.17g", v) end
  if type(v) == "string" then return "s:" .. v end
  if v == nil then return "nil" end
  return "b:" .. tostring(v)
end

local operands = {
  0, 1, -1, 3, -7, 64, math.maxinteger, math.mininteger,
  0.0, -0.0, 1.5, -1.5, 2.0, 1 / 0, 2 ^ 63, 0 / 0,
  "10", "3.0", "0x10", " 7 ", "abc", "1e2", "-2", "0",
  nil, true,
}
local n_operands = 26
local ops = {
  { "Add", function(a, b) return a + b end },
  { "Sub", function(a, b) return a - b end },
  { "Mul", function(a, b) return a * b end },
  { "Mod", function(a, b) return a % b end },
  { "Pow", function(a, b) return a ^ b end },
  { "Div", function(a, b) return a / b end },
  { "IDiv", function(a, b) return a // b end },
  { "BAnd", function(a, b) return a & b end },
  { "BOr", function(a, b) return a | b end },
  { "BXor", function(a, b) return a ~ b end },
  { "Shl", function(a, b) return a << b end },
  { "Shr", function(a, b) return a >> b end },
  { "Unm", function(a) return -a end },
  { "BNot", function(a) return ~a end },
}

local function result(f, a, b)
  local ok, r = pcall(f, a, b)
  if ok then return enc(r) end
  r = tostring(r):gsub("^[^:]*:%d+: ", "")
  if r == "attempt to divide by zero" then return "DivByZero" end
  if r == "attempt to perform 'n%0'" then return "ModByZero" end
  if r:match("^number.* has no integer representation$") then return "NoIntegerRep" end
  return "none"
end

print("//! Cases captured from lua5.4 by `gen_cases.lua` (generated: do not edit by hand).")
print("")
print("use super::ArithOp;")
print("")
print("/// The operands, in the order of the rows and columns of `ARITH`.")
print("pub const OPERANDS: &[&str] = &[")
for i = 1, n_operands do print(string.format("    %q,", enc(operands[i]))) end
print("];")
print("/// `(op, results)`: `results[i * n + j]` is `OPERANDS[i] op OPERANDS[j]` (unary: `[i]`).")
print("pub const ARITH: &[(ArithOp, &[&str])] = &[")
for _, op in ipairs(ops) do
  local unary = op[1] == "Unm" or op[1] == "BNot"
  local row = {}
  for i = 1, n_operands do
    local a = operands[i]
    for j = 1, unary and 1 or n_operands do
      local b = unary and a or operands[j]
      row[#row + 1] = string.format("%q", result(op[2], a, b))
    end
  end
  print(string.format("    (ArithOp::%s, &[%s]),", op[1], table.concat(row, ", ")))
end
print("];")
