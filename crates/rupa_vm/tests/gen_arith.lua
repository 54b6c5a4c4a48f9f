-- Captures tests/data/arith.txt: the raw results lua5.4 gives for every arithmetic and bitwise
-- operator applied to every pair of a fixed set of operands. Replayed by src/arith/tests.rs.
-- Run from crates/rupa_vm:  lua5.4 tests/gen_arith.lua > tests/data/arith.txt
--
-- One case per line, tab-separated: `<op> <a> <b> <result>` (unary: `<op> <a> <result>`).
-- A value is `i:<decimal>`, `f:<f64 bits as 16 hex digits>`, `s:<bytes>` (bytes outside
-- `!`..`~` and the backslash as \xHH), `nil`, `true` or `false`. A result is a value, or
-- `DivByZero`, `ModByZero`, `NoIntegerRep` (errors of the arithmetic itself), or `none` (any
-- other error: lua5.4 went on to look for a metamethod and found none).

local function enc(v)
  local t = math.type(v)
  if t == "integer" then return string.format("i:%d", v) end
  if t == "float" then
    return string.format("f:%016x", string.unpack("<i8", string.pack("<d", v)))
  end
  if type(v) == "string" then
    return "s:" .. v:gsub("[^!-[%]^-~]", function(c) return string.format("\\x%02x", c:byte()) end)
  end
  return tostring(v)
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

for _, op in ipairs(ops) do
  local name, f = op[1], op[2]
  for i = 1, n_operands do
    local a = operands[i]
    if name == "Unm" or name == "BNot" then
      io.write(name, "\t", enc(a), "\t", result(f, a), "\n")
    else
      for j = 1, n_operands do
        local b = operands[j]
        io.write(name, "\t", enc(a), "\t", enc(b), "\t", result(f, a, b), "\n")
      end
    end
  end
end
