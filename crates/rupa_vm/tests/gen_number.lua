-- Captures tests/data/number.txt: number parsing, formatting, comparison, integer and float
-- division, shifts and numeric-for counts as lua5.4 computes them. Replayed by
-- src/number/tests.rs; the tests never call lua5.4 themselves.
-- Run from crates/rupa_vm:  lua5.4 tests/gen_number.lua > tests/data/number.txt
--
-- One case per line, tab-separated, the first field naming the table (the test that reads it).
-- Integers are decimal; a float is `f:<f64 bits as 16 hex digits>`; a string is `s:<bytes>`
-- (bytes outside `!`..`~` and the backslash as \xHH); booleans are `true`/`false`; a
-- `tonumber` result is `nil`, `i:<decimal>` or a float.

-- Writes one case; a number field is an integer column (`%d` also takes the integral floats
-- that `2 ^ 53 // 1` gives).
local function line(...)
  local fields = { ... }
  for i, f in ipairs(fields) do
    if type(f) == "number" then fields[i] = string.format("%d", f) end
  end
  io.write(table.concat(fields, "\t"), "\n")
end

local function str(s)
  return "s:" .. s:gsub("[^!-[%]^-~]", function(c) return string.format("\\x%02x", c:byte()) end)
end

local function flt(x)
  return string.format("f:%016x", string.unpack("<i8", string.pack("<d", x)))
end

-- A `tonumber` result.
local function num(v)
  if v == nil then return "nil" end
  if math.type(v) == "integer" then return string.format("i:%d", v) end
  return flt(v)
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
-- `str_to_number <input> <tonumber(input)>`
for _, s in ipairs(strs) do
  line("str_to_number", str(s), num(tonumber(s)))
end

-- str_to_int_base ----------------------------------------------------------------------------
local based = {
  { "10", 2 }, { "102", 2 }, { "ff", 16 }, { "FF", 16 }, { "zz", 36 }, { "ZZ", 36 },
  { "z", 35 }, { " 11 ", 3 }, { "-11", 3 }, { "+11", 3 }, { "", 10 }, { " ", 10 },
  { "-", 10 }, { "1 1", 10 }, { "7fffffffffffffff", 16 }, { "8000000000000000", 16 },
  { "ffffffffffffffffff", 16 }, { "1.5", 10 }, { "0x10", 16 }, { "10", 36 },
  { "helloworld", 36 }, { "1\0", 10 }, { "99999999999999999999999", 10 },
  { "-8000000000000000", 16 }, { "\t101\n", 2 }, { "a", 10 }, { "A", 11 },
}
-- `str_to_int_base <input> <base> <tonumber(input, base)>`
for _, c in ipairs(based) do
  line("str_to_int_base", str(c[1]), c[2], num(tonumber(c[1], c[2])))
end

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
-- `fmt_float <float> <tostring(float)>`
for _, x in ipairs(floats) do
  line("fmt_float", flt(x), str(tostring(x)))
end

-- `fmt_g <precision> <float> <string.format('%.<precision>g', float)>`
for i = 1, 120 do
  local x = floats[i]
  local p = (i % 17) + 1
  if x == x then
    line("fmt_g", p, flt(x), str(string.format("%." .. p .. "g", x)))
  end
end

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
-- `int_float_cmp <i> <f> <i < f> <i <= f> <f < i> <f <= i> <i == f>`
for _, i in ipairs(ints) do
  for _, f in ipairs(cfloats) do
    line("int_float_cmp", i, flt(f), tostring(i < f), tostring(i <= f), tostring(f < i),
      tostring(f <= i), tostring(i == f))
  end
end

-- integer division, modulo and shifts --------------------------------------------------------
local ops = { 0, 1, -1, 2, -2, 3, -3, 7, -7, 64, 63, -63, -64, 65, 100, -100,
  math.maxinteger, math.mininteger, 1 << 40, -(1 << 40) + 3 }
-- `int_div_mod <a> <b> <a // b> <a % b>` for integers, `b ~= 0`
for _, a in ipairs(ops) do
  for _, b in ipairs(ops) do
    if b ~= 0 then
      line("int_div_mod", a, b, a // b, a % b)
    end
  end
end
-- `shifts <a> <n> <a << n> <a >> n>`
for _, a in ipairs(ops) do
  for _, n in ipairs(ops) do
    line("shifts", a, n, a << n, a >> n)
  end
end

-- float modulo and floor division ------------------------------------------------------------
local fops = { 0.0, -0.0, 1.0, -1.0, 5.5, -5.5, 2.0, -2.0, 0.3, 1 / 0, -1 / 0, 0 / 0, 1e308,
  -7.25, 1e-300, 3.0 }
-- `float_mod_idiv <a> <b> <a % b> <a // b>` for floats
for _, a in ipairs(fops) do
  for _, b in ipairs(fops) do
    line("float_mod_idiv", flt(a), flt(b), flt(a % b), flt(a // b))
  end
end

-- numeric for with a float limit -------------------------------------------------------------
local limits = { 0.5, -0.5, 3.7, -3.7, 1e300, -1e300, 1 / 0, -1 / 0, 0 / 0, 2 ^ 63, -2 ^ 63,
  9.2233720368547748e18, 10.0, -10.0 }
local inits = { 0, 3, -3, math.maxinteger - 2, math.mininteger + 2, math.maxinteger,
  math.mininteger }
local steps = { 1, -1, 2, -2, 4, math.maxinteger, math.mininteger }
-- `for_float_limit <init> <float limit> <step> <iterations capped at 6> <first value or 0>`
for _, i in ipairs(inits) do
  for _, l in ipairs(limits) do
    for _, s in ipairs(steps) do
      local n, first = 0, 0
      for v = i, l, s do
        if n == 0 then first = v end
        n = n + 1
        if n == 6 then break end
      end
      line("for_float_limit", i, flt(l), s, n, first)
    end
  end
end
-- `for_int <init> <limit> <step> <iterations capped at 6>` for integer loops
for _, i in ipairs(inits) do
  for _, l in ipairs(inits) do
    for _, s in ipairs(steps) do
      local n = 0
      for _ = i, l, s do
        n = n + 1
        if n == 6 then break end
      end
      line("for_int", i, l, s, n)
    end
  end
end
