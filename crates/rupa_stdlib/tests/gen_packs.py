#!/usr/bin/env python3
"""Generate differential test cases for string.pack/unpack/packsize, with lua5.4 as oracle.

Writes tests/data/packs.txt: one case per line, tab-separated, text fields escaped as in
the other corpora (bytes outside 0x20..0x7e and the backslash as \\xHH):

    P  format  expected  value...     string.pack(format, values...)
    U  format  data  init  expected   string.unpack(format, data, init)
    S  format  expected               string.packsize(format)

Values are "i:<decimal>", "f:<16 hex digits, little-endian bytes>" or "s:<text>".
`expected` is "E:" + message on error (bad-argument messages name 'pack', 'unpack' or
'packsize'); pack gives the packed bytes; unpack gives its results joined with "|"
(floats as "f:<hex bytes>", strings as "s:<text>", the final position last); packsize
the number. The replay test is tests/pack_corpus.rs.

Usage: python3 gen_packs.py [--count N] [--seed S] [--lua lua5.4]
"""

import argparse
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
local function hexf(x)
  return (string.pack("<d", x):gsub(".", function(c) return string.format("%02x", c:byte()) end))
end
local function msg(e, name)
  return "E:" .. tostring(e):gsub("'string%." .. name .. "'", "'" .. name .. "'")
end
for line in io.lines() do
  local f = {}
  for field in (line .. "\t"):gmatch("([^\t]*)\t") do f[#f + 1] = field end
  local kind, fmt = f[1], dec(f[2])
  if kind == "P" then
    local vals, n = {}, 0
    for i = 3, #f do
      local t, v = f[i]:sub(1, 1), f[i]:sub(3)
      n = n + 1
      if t == "i" then vals[n] = math.tointeger(tonumber(v))
      elseif t == "f" then
        vals[n] = string.unpack("<d", (v:gsub("%x%x", function(h) return string.char(tonumber(h, 16)) end)))
      else vals[n] = dec(v) end
    end
    local ok, r = pcall(string.pack, fmt, table.unpack(vals, 1, n))
    r = ok and r or msg(r, "pack")
    io.write("P\t", f[2], "\t", enc(r), (n > 0) and ("\t" .. table.concat(f, "\t", 3)) or "", "\n")
  elseif kind == "U" then
    local res = table.pack(pcall(string.unpack, fmt, dec(f[3]), tonumber(f[4])))
    local out
    if not res[1] then out = msg(res[2], "unpack")
    else
      local parts = {}
      for i = 2, res.n do
        local v = res[i]
        if math.type(v) == "float" then parts[#parts + 1] = "f:" .. hexf(v)
        elseif type(v) == "string" then parts[#parts + 1] = "s:" .. v
        else parts[#parts + 1] = tostring(v) end
      end
      out = table.concat(parts, "|")
    end
    io.write(line, "\t", enc(out), "\n")
  else
    local ok, r = pcall(string.packsize, fmt)
    io.write(line, "\t", enc(ok and tostring(r) or msg(r, "packsize")), "\n")
  end
end
"""

INT_OPTS = ["b", "B", "h", "H", "l", "L", "j", "J", "T", "i", "I"]


def enc(data: bytes) -> str:
    return "".join(
        chr(b) if 0x20 <= b <= 0x7E and b != 0x5C else "\\x%02x" % b for b in data
    )


def dec(field: str) -> bytes:
    out, i = bytearray(), 0
    while i < len(field):
        if field.startswith("\\x", i):
            out.append(int(field[i + 2:i + 4], 16))
            i += 4
        else:
            out.append(ord(field[i]))
            i += 1
    return bytes(out)


def int_value(rng: random.Random, size: int, signed: bool) -> int:
    bits = 8 * min(size, 8)
    r = rng.random()
    if r < 0.1:
        # Just outside the range (errors for sizes under 8).
        edges = [1 << (bits - 1), -(1 << (bits - 1)) - 1, 1 << bits, -1]
        return rng.choice([e for e in edges if -2**63 <= e < 2**63])
    if r < 0.2:
        return rng.choice([0, -1, 2**63 - 1, -2**63])
    if signed:
        lo, hi = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    else:
        lo, hi = 0, min((1 << bits) - 1, 2**63 - 1)
    return rng.randint(lo, hi)


def float_value(rng: random.Random) -> str:
    x = rng.choice([0.5, -1.25, 1e300, 3.4e38, 1e-45, float("inf"), rng.uniform(-1e6, 1e6),
                    struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]])
    return "f:" + struct.pack("<d", x).hex()


def text(rng: random.Random, n: int) -> bytes:
    return bytes(rng.choice(b"abcxyz \x00\x01\xff") for _ in range(n))


def item(rng: random.Random):
    """One format option and the value it takes (or None)."""
    r = rng.random()
    if r < 0.45:
        opt = rng.choice(INT_OPTS)
        size = {"b": 1, "B": 1, "h": 2, "H": 2}.get(opt, 8)
        if opt in "iI":
            n = rng.choice(["", "1", "2", "3", "4", "5", "7", "8", "9", "12", "16"])
            size = int(n) if n else 4
            opt += n
        signed = opt[0] in "bhlji"
        return opt, "i:%d" % int_value(rng, size, signed)
    if r < 0.55:
        return rng.choice("fdn"), float_value(rng)
    if r < 0.63:
        n = rng.randint(0, 6)
        return "c%d" % n, "s:" + enc(text(rng, rng.randint(0, n + 1)))
    if r < 0.71:
        n = rng.choice(["", "1", "2", "4", "8", "9"])
        return "s" + n, "s:" + enc(text(rng, rng.choice([0, 1, 3, 10, 300])))
    if r < 0.77:
        return "z", "s:" + enc(text(rng, rng.randint(0, 5)))
    if r < 0.82:
        return "x", None
    if r < 0.88:
        return "X" + rng.choice(["i4", "h", "d", "b", "j", "i16", "c2", "z", "i3", "s2", "x"]), None
    if r < 0.97:
        return rng.choice(["<", ">", "=", " ", "!", "!1", "!2", "!4", "!8", "!16", "!3"]), None
    return rng.choice(["y", "i0", "i17", "c", "!0"]), None


def pack_case(rng: random.Random):
    opts, values = [], []
    for _ in range(rng.randint(1, 6)):
        opt, value = item(rng)
        opts.append(opt)
        if value is not None:
            values.append(value)
    return "".join(opts), values


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=20261122)
    ap.add_argument("--lua", default="lua5.4")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    here = os.path.dirname(os.path.abspath(__file__))
    driver = os.path.join(here, "data", ".pack_driver.lua")
    with open(driver, "w") as f:
        f.write(DRIVER)

    def run(lines):
        return subprocess.run(
            [args.lua, driver], input="\n".join(lines) + "\n", capture_output=True,
            text=True, encoding="latin-1", check=True,
        ).stdout.splitlines()

    try:
        cases = [pack_case(rng) for _ in range(args.count)]
        packed = run(["\t".join(["P", enc(fmt.encode())] + vals) for fmt, vals in cases])
        unpacks, sizes = [], []
        for (fmt, _), line in zip(cases, packed):
            result = line.split("\t")[2]
            data = result if not result.startswith("E:") else enc(text(rng, rng.randint(0, 20)))
            # Unpack what was packed, and truncated or shifted variants of it.
            unpacks.append("\t".join(["U", enc(fmt.encode()), data, "1"]))
            raw = dec(data)
            cut = enc(raw[: rng.randint(0, len(raw))]) if rng.random() < 0.3 else data
            init = str(rng.choice([1, 2, -3, 0, 5, 40]))
            unpacks.append("\t".join(["U", enc(fmt.encode()), cut, init]))
            sizes.append("\t".join(["S", enc(fmt.encode())]))
        out = packed + run(unpacks) + run(sizes)
    finally:
        os.remove(driver)
    with open(os.path.join(here, "data", "packs.txt"), "w", encoding="latin-1") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
