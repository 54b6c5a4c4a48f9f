-- Generates number/cases.rs: inputs for number.rs and arith.rs with the results lua5.4 gives.
-- Run from crates/rupa_vm/src:  lua5.4 number/gen_cases.lua > number/cases.rs && cargo fmt
-- The committed cases.rs is the oracle's output; the tests never call lua5.4 themselves.

local out = {}
local function emit(s) out[#out + 1] = s end

local function rbytes(s)
  return 'b"' .. s:gsub('[%c"\\\128-\255]', function(c)
    return string.format("\\x%02x", c:byte())
  end) .. '"'
end

local function rfloat(x)
  if x ~= x then return string.format('"%s"', tostring(x)) end
  return string.format('"%.17g"', x)
end

-- A number result as "i:<int>", "f:<%.17g>" or "nil".
local function num(v)
  if v == nil then return '"nil"' end
  if math.type(v) == "integer" then return string.format('"i:%d"', v) end
  return '"f:' .. string.format("%.17g", v) .. '"'
end

math.randomseed(20241122)

-- str_to_number ------------------------------------------------------------------------------
local strs = {
  "", " ", "0", "1", "-1", "+1", "- 1", "--1", "+-1", "  10  ", "\t10\n", "\v\f10\r",
  "10x", "1 2", "1e", "1e+", "1e-", "1e5", "1E5", "1e+5", "1e-5", ".5", "5.", ".", "-.5",
  "+.5e1", "0x", "0X", "0x10", "0XfF", "-0x10", "0x-10", "0x1p4", "0x1P-1", "0x.8", "0x8.",
  "0x.", "0xp1", "0x1p", "0x1p+", "0x1.8p1", "0xA.8p0", "0x1e", "0x1e+1", "inf", "-inf",
  "nan", "NaN", "infinity", "1e400", "-1e400", "1e-400", "0x1p-1074", "0x1p-1075",
  "0x1.000001p-1075", "0x1p1024", "0x1.fffffffffffff8p1023", "0x1.fffffffffffff7p1023",
  "9223372036854775807", "9223372036854775808", "-9223372036854775808",
  "-9223372036854775809", "18446744073709551616", "0x7fffffffffffffff",
  "0x8000000000000000", "0xffffffffffffffff", "0x10000000000000000", "0x123456789abcdef01",
  "00012", "0012.5", "1.", "1..2", "1.2.3", "1e1.5", "0x1.2.3", "1\0", "\0", "12\0 ",
  "123456789012345678901234567890", "0.1", "3.14159265358979323846", "2.5e-324",
  "4.9406564584124654e-324", "2.2250738585072014e-308", "1.7976931348623157e308",
  "1.7976931348623159e308", "0x1.0000000000000800000000001p0", "0x1.00000000000008p0",
  "0x1.00000000000018p0", "0x0.0000000000001p-1022", "0x00000000000000000000001",
  "0x000000000000000000001p1", "0x1234567890abcdef1234p-20", "1e-310", "  0x  ",
  "0x 1", "1 ", " -0", "-0.0", "0e0", "0x0p0", "-0x0", "1_000", "١", "0b101", "0o17",
  "1f", "1d", "1.5e", "1.5e+-1", "+", "-", "e1", "E1", "0xg", "0x1g", "1e0001", "1e-0",
}
for _, body in ipairs({ "7", "7.25", "0x1F", "1e3", "0x1p3", "-12", "99999999999999999999" }) do
  for _, pre in ipairs({ "", " ", "\t\n" }) do
    for _, post in ipairs({ "", "  ", "\r", "x" }) do
      strs[#strs + 1] = pre .. body .. post
    end
  end
end
for _ = 1, 60 do
  local r = math.random(1, 4)
  local s
  if r == 1 then
    s = tostring(math.random(math.mininteger, math.maxinteger))
  elseif r == 2 then
    s = string.format("%.17g", (math.random() - 0.5) * 10.0 ^ math.random(-320, 308))
  elseif r == 3 then
    s = string.format("%a", (math.random() - 0.5) * 2.0 ^ math.random(-1070, 1020))
  else
    s = string.format("0x%x%x", math.random(0, 0xfffffff), math.random(0, 0xfffffff))
  end
  strs[#strs + 1] = s
end
emit("/// `(input, tonumber(input))` as \"i:<int>\", \"f:<%.17g>\" or \"nil\".")
emit("pub const STR_TO_NUMBER: &[(&[u8], &str)] = &[")
for _, s in ipairs(strs) do
  emit(string.format("    (%s, %s),", rbytes(s), num(tonumber(s))))
end
emit("];")

-- str_to_int_base ----------------------------------------------------------------------------
local based = {
  { "10", 2 }, { "102", 2 }, { "ff", 16 }, { "FF", 16 }, { "zz", 36 }, { "ZZ", 36 },
  { "z", 35 }, { " 11 ", 3 }, { "-11", 3 }, { "+11", 3 }, { "", 10 }, { " ", 10 },
  { "-", 10 }, { "1 1", 10 }, { "7fffffffffffffff", 16 }, { "8000000000000000", 16 },
  { "ffffffffffffffffff", 16 }, { "1.5", 10 }, { "0x10", 16 }, { "10", 36 },
  { "helloworld", 36 }, { "1\0", 10 }, { "99999999999999999999999", 10 },
  { "-8000000000000000", 16 }, { "\t101\n", 2 }, { "a", 10 }, { "A", 11 },
}
emit("/// `(input, base, tonumber(input, base))`.")
emit("pub const STR_TO_INT_BASE: &[(&[u8], u32, &str)] = &[")
for _, c in ipairs(based) do
  emit(string.format("    (%s, %d, %s),", rbytes(c[1]), c[2], num(tonumber(c[1], c[2]))))
end
emit("];")

-- fmt_float ----------------------------------------------------------------------------------
local floats = {
  0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1 / 3, 2 / 3, 1e15, 1e14, 1e16, 1e100, 1e-100, 1e-4,
  1e-5, 0.0001234, 0.00001234, 123456.789, 2 ^ 53, 2 ^ 63, -2 ^ 63, 2 ^ 64, 1 / 0, -1 / 0,
  0 / 0, -(0 / 0), 3.14159265358979, 100.0, 99999999999999.0, 999999999999999.0,
  99999999999999.5, 9999999999999.95, 123456789012345.0, 123456789012355.0,
  12345678901234.5, 1234567890123.45, 5e-324, 2.2250738585072014e-308,
  1.7976931348623157e308, 255.0, 1e21, 1e22, 123.0, -123.5, 7.0e-10, 12.5, 0.3,
  0.1 + 0.2, 1e-310, 4503599627370496.5, 2 ^ 52 + 0.5, 65536.0 * 65536.0,
}
for i = -30, 30 do floats[#floats + 1] = 10.0 ^ i end
for i = -20, 70, 3 do floats[#floats + 1] = 2.0 ^ i + 0.0 end
for _ = 1, 150 do
  floats[#floats + 1] = (math.random() - 0.5) * 10.0 ^ math.random(-20, 25)
end
for _ = 1, 40 do
  floats[#floats + 1] = math.random(-99999, 99999) / 2 ^ math.random(0, 12)
end
emit("/// `(float as %.17g, tostring(float))`.")
emit("pub const FMT_FLOAT: &[(&str, &str)] = &[")
for _, x in ipairs(floats) do
  emit(string.format("    (%s, %q),", rfloat(x), tostring(x)))
end
emit("];")

emit("/// `(precision, float as %.17g, string.format('%.<precision>g', float))`.")
emit("pub const FMT_G: &[(usize, &str, &str)] = &[")
for i = 1, 120 do
  local x = floats[i]
  local p = (i % 17) + 1
  if x == x then
    emit(string.format("    (%d, %s, %q),", p, rfloat(x), string.format("%." .. p .. "g", x)))
  end
end
emit("];")

-- integer/float comparisons ------------------------------------------------------------------
local ints = {
  0, 1, -1, 2 ^ 53 // 1, 2 ^ 53 // 1 + 1, 2 ^ 53 // 1 - 1, -(2 ^ 53 // 1) - 1,
  math.maxinteger, math.mininteger, math.maxinteger - 1, math.mininteger + 1,
  1 << 62, (1 << 62) + 1, 123456789, -(1 << 60) - 7,
}
local cfloats = {
  0.0, -0.0, 0.5, -0.5, 1.0, 2 ^ 53, 2 ^ 53 + 2, 2 ^ 63, -2 ^ 63, 2 ^ 62, 2 ^ 64,
  1 / 0, -1 / 0, 0 / 0, 123456789.5, -(2 ^ 60) - 8, 9.2233720368547748e18, 1.5,
}
emit("/// `(i, f, i < f, i <= f, f < i, f <= i, i == f)`.")
emit("pub const INT_FLOAT_CMP: &[(i64, &str, bool, bool, bool, bool, bool)] = &[")
for _, i in ipairs(ints) do
  for _, f in ipairs(cfloats) do
    emit(string.format("    (%d, %s, %s, %s, %s, %s, %s),", i, rfloat(f), tostring(i < f),
      tostring(i <= f), tostring(f < i), tostring(f <= i), tostring(i == f)))
  end
end
emit("];")

-- integer division, modulo and shifts --------------------------------------------------------
local ops = { 0, 1, -1, 2, -2, 3, -3, 7, -7, 64, 63, -63, -64, 65, 100, -100,
  math.maxinteger, math.mininteger, 1 << 40, -(1 << 40) + 3 }
emit("/// `(a, b, a // b, a % b)` for integers, `b ~= 0`.")
emit("pub const INT_DIV_MOD: &[(i64, i64, i64, i64)] = &[")
for _, a in ipairs(ops) do
  for _, b in ipairs(ops) do
    if b ~= 0 then
      emit(string.format("    (%d, %d, %d, %d),", a, b, a // b, a % b))
    end
  end
end
emit("];")
emit("/// `(a, n, a << n, a >> n)`.")
emit("pub const SHIFTS: &[(i64, i64, i64, i64)] = &[")
for _, a in ipairs(ops) do
  for _, n in ipairs(ops) do
    emit(string.format("    (%d, %d, %d, %d),", a, n, a << n, a >> n))
  end
end
emit("];")

-- float modulo and floor division ------------------------------------------------------------
local fops = { 0.0, -0.0, 1.0, -1.0, 5.5, -5.5, 2.0, -2.0, 0.3, 1 / 0, -1 / 0, 0 / 0, 1e308,
  -7.25, 1e-300, 3.0 }
emit("/// `(a, b, a % b, a // b)` for floats.")
emit("pub const FLOAT_MOD_IDIV: &[(&str, &str, &str, &str)] = &[")
for _, a in ipairs(fops) do
  for _, b in ipairs(fops) do
    emit(string.format("    (%s, %s, %s, %s),", rfloat(a), rfloat(b), rfloat(a % b),
      rfloat(a // b)))
  end
end
emit("];")

-- numeric for with a float limit -------------------------------------------------------------
local limits = { 0.5, -0.5, 3.7, -3.7, 1e300, -1e300, 1 / 0, -1 / 0, 0 / 0, 2 ^ 63, -2 ^ 63,
  9.2233720368547748e18, 10.0, -10.0 }
local inits = { 0, 3, -3, math.maxinteger - 2, math.mininteger + 2, math.maxinteger,
  math.mininteger }
local steps = { 1, -1, 2, -2, 4, math.maxinteger, math.mininteger }
emit("/// `(init, float limit, step, iterations capped at 6, first value or 0)`.")
emit("pub const FOR_FLOAT_LIMIT: &[(i64, &str, i64, u64, i64)] = &[")
for _, i in ipairs(inits) do
  for _, l in ipairs(limits) do
    for _, s in ipairs(steps) do
      local n, first = 0, 0
      for v = i, l, s do
        if n == 0 then first = v end
        n = n + 1
        if n == 6 then break end
      end
      emit(string.format("    (%d, %s, %d, %d, %d),", i, rfloat(l), s, n, first))
    end
  end
end
emit("];")
emit("/// `(init, limit, step, iterations capped at 6)` for integer loops.")
emit("pub const FOR_INT: &[(i64, i64, i64, u64)] = &[")
for _, i in ipairs(inits) do
  for _, l in ipairs(inits) do
    for _, s in ipairs(steps) do
      local n = 0
      for _ = i, l, s do
        n = n + 1
        if n == 6 then break end
      end
      emit(string.format("    (%d, %d, %d, %d),", i, l, s, n))
    end
  end
end
emit("];")

io.write("//! Cases captured from lua5.4 by `gen_cases.lua` (generated: do not edit by hand).\n\n")
io.write(table.concat(out, "\n"), "\n")
