#!/usr/bin/env python3
"""Generate differential test cases for Lua patterns, with lua5.4 as the oracle.

Writes tests/data/patterns.txt: one case per line, tab-separated, every field escaped so
that bytes outside 0x20..0x7e and the backslash are written as \\xHH:

    F  subject  pattern  init  plain  expected     string.find(subject, pattern, init, plain)
    M  subject  pattern  init  expected            string.match(subject, pattern, init)
    G  subject  pattern  repl  max  expected       string.gsub(subject, pattern, repl, max)
    T  subject  pattern  init  expected            string.gmatch(subject, pattern, init)

`expected` renders the results of the call under pcall: "E:" + message on error, else the
results joined with "|" ("nil" for fail); gmatch joins each step's captures with "," and the
steps with ";". `max` may be "-" for "argument absent". The replay test is
tests/pattern_corpus.rs.

Usage: python3 gen_patterns.py [--count N] [--seed S] [--lua lua5.4]
"""

import argparse
import os
import random
import subprocess

SUBJECT_BYTES = "aaabbbcxyz  ()[]%-.^$1234_AB\0\n\t\xe9"
CLASSES = "acdglpsuwxzACDGLPSUWXZ"

DRIVER = r"""
local function dec(s)
  return (s:gsub("\\x(%x%x)", function(h) return string.char(tonumber(h, 16)) end))
end
local function enc(s)
  return (s:gsub("[^ -[%]^-~]", function(c) return string.format("\\x%02x", c:byte()) end))
end
local function render(ok, ...)
  if not ok then return "E:" .. tostring((...)) end
  local t = table.pack(...)
  for i = 1, t.n do t[i] = tostring(t[i]) end
  return table.concat(t, "|", 1, t.n)
end
local function gm(s, p, init)
  local out = {}
  for a, b, c in string.gmatch(s, p, init) do
    local caps = {tostring(a)}
    if b ~= nil then caps[2] = tostring(b) end
    if c ~= nil then caps[3] = tostring(c) end
    out[#out + 1] = table.concat(caps, ",")
  end
  return table.concat(out, ";")
end
for line in io.lines() do
  local f = {}
  for field in (line .. "\t"):gmatch("([^\t]*)\t") do f[#f + 1] = field end
  local kind, s, p = f[1], dec(f[2]), dec(f[3])
  local res
  if kind == "F" then
    res = render(pcall(string.find, s, p, tonumber(f[4]), f[5] == "1"))
  elseif kind == "M" then
    res = render(pcall(string.match, s, p, tonumber(f[4])))
  elseif kind == "G" then
    local r = dec(f[4])
    if f[5] == "-" then
      res = render(pcall(string.gsub, s, p, r))
    else
      res = render(pcall(string.gsub, s, p, r, tonumber(f[5])))
    end
  else
    local ok, v = pcall(gm, s, p, tonumber(f[4]))
    -- gmatch's iterator errors carry the driver's position: keep only the message.
    res = ok and v or ("E:" .. tostring(v):gsub("^[^:]*:%d+: ", ""))
  end
  io.write(line, "\t", enc(res), "\n")
end
"""


def enc(s: str) -> str:
    """Escape a latin-1 text (one char per byte) for the data file."""
    out = []
    for ch in s:
        b = ord(ch)
        if 0x20 <= b <= 0x7E and ch != "\\":
            out.append(ch)
        else:
            out.append("\\x%02x" % b)
    return "".join(out)


def subject(rng: random.Random) -> str:
    n = rng.choice([0, 1, 2, 3, 5, 8, 12, 16, 20])
    if rng.random() < 0.5:
        # Mostly letters, so that letter patterns find something.
        return "".join(rng.choice("aabbcab xy") for _ in range(n))
    return "".join(rng.choice(SUBJECT_BYTES) for _ in range(n))


def single(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.35:
        return rng.choice("aabbcxy 1_")
    if r < 0.45:
        return "."
    if r < 0.65:
        return "%" + rng.choice(CLASSES)
    if r < 0.7:
        return "%" + rng.choice(".%()[]-^$*+?")
    return bracket(rng)


def bracket(rng: random.Random) -> str:
    items = []
    for _ in range(rng.randint(0, 4)):
        r = rng.random()
        if r < 0.3:
            a, b = sorted(rng.sample("abcxyz019", 2)) if rng.random() < 0.8 else ("z", "a")
            items.append(a + "-" + b)
        elif r < 0.55:
            items.append("%" + rng.choice(CLASSES + "]%-"))
        else:
            items.append(rng.choice("abc -]^.()x1"))
    body = "".join(items)
    neg = "^" if rng.random() < 0.3 else ""
    close = "]" if rng.random() < 0.97 else ""
    return "[" + neg + body + close


def pattern(rng: random.Random) -> str:
    parts = []
    quantifiers = 0
    open_caps = 0
    ncaps = 0
    for _ in range(rng.choice([0, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6, 7])):
        r = rng.random()
        if r < 0.55:
            item = single(rng)
            if quantifiers < 3 and rng.random() < 0.4:
                item += rng.choice("*+-?")
                quantifiers += 1
            parts.append(item)
        elif r < 0.65:
            parts.append("(")
            open_caps += 1
            ncaps += 1
        elif r < 0.73 and open_caps:
            parts.append(")")
            open_caps -= 1
        elif r < 0.76:
            parts.append("()")
            ncaps += 1
        elif r < 0.81:
            parts.append("%" + str(rng.randint(1, max(1, ncaps + (rng.random() < 0.2)))))
        elif r < 0.86:
            parts.append("%b" + rng.choice(["()", "ab", "[]", "xy", "(", ""]))
        elif r < 0.91:
            parts.append("%f" + (bracket(rng) if rng.random() < 0.95 else "a"))
        elif r < 0.94:
            parts.append(rng.choice(["%", ")", "(", "[", "$", "^"]))
        else:
            parts.append(rng.choice("-*+?^$"))
    while open_caps and rng.random() < 0.9:
        parts.append(")")
        open_caps -= 1
    p = "".join(parts)
    if rng.random() < 0.2:
        p = "^" + p
    if rng.random() < 0.15:
        p += "$"
    return p


def init(rng: random.Random, s: str) -> str:
    return str(rng.choice([1, 1, 1, 2, 3, -1, -2, 0, len(s), len(s) + 1, len(s) + 2, -100]))


def repl(rng: random.Random) -> str:
    pieces = ["x", "%0", "%1", "%2", "%%", "<", ">", "%", "%a", "-", "%3"]
    weights = [6, 3, 4, 2, 2, 2, 2, 0.3, 0.3, 2, 0.5]
    return "".join(rng.choices(pieces, weights)[0] for _ in range(rng.randint(0, 4)))


def case(rng: random.Random) -> str:
    s, p = subject(rng), pattern(rng)
    kind = rng.choices("FMGT", [4, 2, 3, 2])[0]
    if kind == "F":
        plain = "1" if rng.random() < 0.1 else "0"
        return "\t".join(["F", enc(s), enc(p), init(rng, s), plain])
    if kind == "M":
        return "\t".join(["M", enc(s), enc(p), init(rng, s)])
    if kind == "G":
        mx = rng.choice(["-", "-", "-", "0", "1", "2", "-1"])
        return "\t".join(["G", enc(s), enc(p), enc(repl(rng)), mx])
    return "\t".join(["T", enc(s), enc(p), init(rng, s)])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=20261122)
    ap.add_argument("--lua", default="lua5.4")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    lines = [case(rng) for _ in range(args.count)]
    here = os.path.dirname(os.path.abspath(__file__))
    driver = os.path.join(here, "data", ".pattern_driver.lua")
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
    with open(os.path.join(here, "data", "patterns.txt"), "w", encoding="latin-1") as f:
        f.write(out)


if __name__ == "__main__":
    main()
