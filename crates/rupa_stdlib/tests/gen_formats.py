#!/usr/bin/env python3
"""Generate differential test cases for string.format, with lua5.4 as the oracle.

Writes tests/data/formats.txt: one case per line, tab-separated:

    format  expected  arg...

Text fields escape bytes outside 0x20..0x7e and the backslash as \\xHH. Each argument is
typed: "i:<decimal>" integer, "f:<16 hex digits>" float by its little-endian bytes,
"s:<text>" string, "b:0"/"b:1" boolean, "n" nil. `expected` is the result of
pcall(string.format, format, args...): the string, or "E:" + error message. The replay
test is tests/format_corpus.rs.

Usage: python3 gen_formats.py [--count N] [--seed S] [--lua lua5.4]
"""

import argparse
import math
import os
import random
import struct
import subprocess

DRIVER = r"""
local function dec(s)
  return (s:gsub("\\x(%x%x)", function(h) return string.char(tonumber(h, 16)) end))
end
local function enc(s)
  return (s:gsub("[^ -[%]^-~]", function(c) return string.format("\\x%02x", c:byte()) end))
end
for line in io.lines() do
  local f = {}
  for field in (line .. "\t"):gmatch("([^\t]*)\t") do f[#f + 1] = field end
  local args, n = {}, 0
  for i = 2, #f do
    local a = f[i]
    local kind, v = a:sub(1, 1), a:sub(3)
    n = n + 1
    if kind == "i" then args[n] = math.tointeger(tonumber(v))
    elseif kind == "f" then
      args[n] = string.unpack("<d", (v:gsub("%x%x", function(h) return string.char(tonumber(h, 16)) end)))
    elseif kind == "s" then args[n] = dec(v)
    elseif kind == "b" then args[n] = (v == "1")
    else args[n] = nil end
  end
  local ok, res = pcall(string.format, dec(f[1]), table.unpack(args, 1, n))
  if not ok then res = "E:" .. tostring(res) end
  local rest = table.concat(f, "\t", 2)
  io.write(f[1], "\t", enc(res), (#f > 1) and ("\t" .. rest) or "", "\n")
end
"""


def enc(data: bytes) -> str:
    return "".join(
        chr(b) if 0x20 <= b <= 0x7E and b != 0x5C else "\\x%02x" % b for b in data
    )


def f_arg(x: float) -> str:
    return "f:" + struct.pack("<d", x).hex()


def rand_float(rng: random.Random) -> float:
    r = rng.random()
    if r < 0.15:
        return rng.choice(
            [0.0, -0.0, math.inf, -math.inf, math.nan, -math.nan, 5e-324, -5e-324,
             2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308,
             0.1, 0.5, 1.5, 2.5, -2.5, 1e15, 1e16, 1e100, 123456789.0, 1e-5, 1e-4,
             9.9999995, 0.95, 0.05, 2.0**63, -2.0**63, 1 / 3]
        )
    if r < 0.3:
        # Exact ties in decimal: k + 0.5, scaled by a power of two.
        return (rng.randint(-1000, 1000) + 0.5) * 2.0 ** rng.randint(-6, 3)
    if r < 0.45:
        return float(rng.randint(-10**6, 10**6))
    if r < 0.6:
        return round(rng.uniform(-1000, 1000), rng.randint(0, 6))
    if r < 0.7:
        # Exact ties in hex digits, for %a rounding.
        return (1 + rng.randint(0, 2**12 - 1) / 2**12 + 1 / 2**13) * 2.0 ** rng.randint(-20, 20)
    # Any bits: every exponent, subnormals included.
    bits = rng.getrandbits(64)
    x = struct.unpack("<d", struct.pack("<Q", bits))[0]
    return x


def rand_int(rng: random.Random) -> int:
    r = rng.random()
    if r < 0.15:
        return rng.choice([0, 1, -1, 7, -7, 255, 256, 321, -191, 2**63 - 1, -2**63, 2**31, -2**31, 10])
    if r < 0.6:
        return rng.randint(-1000, 1000)
    if r < 0.8:
        return rng.randint(-10**12, 10**12)
    return rng.randint(-2**63, 2**63 - 1)


def rand_bytes(rng: random.Random) -> bytes:
    r = rng.random()
    if r < 0.1:
        return bytes(rng.choice(b"xyz ") for _ in range(rng.randint(95, 130)))
    alphabet = b"abc XYZ019\"\\'\n\r\t\x00\x01\x7f\x80\xff%"
    weights = [8] * 10 + [2] * (len(alphabet) - 10)
    return bytes(rng.choices(alphabet, weights)[0] for _ in range(rng.randint(0, 12)))


def arg_for(rng: random.Random, conv: str) -> str:
    r = rng.random()
    if conv in "diuoxXc":
        if r < 0.8:
            return "i:%d" % rand_int(rng)
        if r < 0.9:
            return f_arg(float(rng.randint(-10**6, 10**6)))
        if r < 0.96:
            return f_arg(rng.choice([1.5, -0.25, math.inf, math.nan, 2.0**63, -2.0**64]))
        return rng.choice(["s:x", "b:1", "n"])
    if conv in "aAeEfgG":
        if r < 0.85:
            return f_arg(rand_float(rng))
        if r < 0.97:
            return "i:%d" % rand_int(rng)
        return rng.choice(["s:y", "b:0", "n"])
    if conv in "sq":
        if r < 0.6:
            return "s:" + enc(rand_bytes(rng))
        if r < 0.75:
            return "i:%d" % rand_int(rng)
        if r < 0.9:
            return f_arg(rand_float(rng))
        return rng.choice(["b:1", "b:0", "n"])
    return rng.choice(["n", "b:1", "i:5", f_arg(1.5)])


def item(rng: random.Random) -> tuple:
    conv = rng.choices(
        list("diuoxXcaAeEfgGsqp") + ["y", "F", "l", "", "%", "\x00"],
        [5, 2, 2, 3, 4, 2, 2, 3, 1, 4, 2, 5, 5, 2, 5, 4, 1, 0.3, 0.3, 0.3, 0.3, 0.3, 0.1],
    )[0]
    if conv == "q" and rng.random() < 0.85:
        return "%q", conv
    # Mostly flags the conversion accepts, so that most items format something.
    valid = {"a": "-+ #0", "A": "-+ #0", "e": "-+ #0", "E": "-+ #0", "f": "-+ #0",
             "g": "-+ #0", "G": "-+ #0", "o": "-#0", "x": "-#0", "X": "-#0",
             "d": "-+ 0", "i": "-+ 0", "u": "-0", "c": "-", "p": "-", "s": "-"}
    pool = valid.get(conv, "-+ #0") if rng.random() < 0.85 else "-+ #0"
    flags = "".join(rng.choice(pool) for _ in range(rng.choice([0, 0, 0, 1, 1, 2, 3])))
    widths = ["", "", "", str(rng.randint(1, 9)), str(rng.randint(10, 40)), "99"]
    if "0" in valid.get(conv, ""):
        widths.append("0" + str(rng.randint(1, 9)))
    width = rng.choice(widths) if rng.random() < 0.97 else "123"
    prec = ""
    if rng.random() < (0.45 if conv not in "cp" else 0.05):
        prec = "." + rng.choice(["", "0", "1", "2", "3", "5", "10", "17", "20", "30", "99", "100", "01"] if rng.random() < 0.1 else ["", "0", "1", "2", "3", "5", "10", "17", "20"])
    return "%" + flags + width + prec + conv, conv


def case(rng: random.Random) -> str:
    fmt = ""
    args = []
    for _ in range(rng.choice([1, 1, 1, 1, 2, 3])):
        if rng.random() < 0.3:
            fmt += rng.choice(["x", " ", "<", "%%", "ab ", "|"])
        text, conv = item(rng)
        fmt += text
        if conv not in ("", "%"):
            args.append(arg_for(rng, conv))
        else:
            args.append("i:1")
    if rng.random() < 0.3:
        fmt += rng.choice(["!", "%%", " end"])
    if rng.random() < 0.03 and args:
        args.pop()
    return "\t".join([enc(fmt.encode("latin-1"))] + args)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=12000)
    ap.add_argument("--seed", type=int, default=20261122)
    ap.add_argument("--lua", default="lua5.4")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    lines = [case(rng) for _ in range(args.count)]
    here = os.path.dirname(os.path.abspath(__file__))
    driver = os.path.join(here, "data", ".format_driver.lua")
    with open(driver, "w") as f:
        f.write(DRIVER)
    try:
        out = subprocess.run(
            [args.lua, driver],
            input="\n".join(lines) + "\n",
            capture_output=True,
            text=True,
            encoding="latin-1",
            check=True,
        ).stdout
    finally:
        os.remove(driver)
    with open(os.path.join(here, "data", "formats.txt"), "w", encoding="latin-1") as f:
        f.write(out)


if __name__ == "__main__":
    main()
