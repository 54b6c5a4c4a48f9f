#!/usr/bin/env python3
"""lupa's threading example on rupa: the Mandelbrot set rendered by Lua on several runtimes at once.

lupa's README shows a Lua function that renders part of a Mandelbrot image as packed PBM bits,
driven from Python with one ``LuaRuntime`` per thread. This script does the same: each thread
gets its own runtime and a band of rows, the GIL is released while Lua computes, and the bands
are joined into one binary PBM (P4) file.

    python3 examples/mandelbrot.py                      # 1280x1280, 2 threads, target/mandelbrot.pbm
    python3 examples/mandelbrot.py --size 512 --threads 4 --output /tmp/m.pbm
    python3 examples/mandelbrot.py --lupa               # the same with lupa.lua54, for comparison

``render()`` is also used by benches/python/run.py and tests/test_examples.py.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import threading
import time
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

# The Lua side: rows first..last (0-based) of a size x size image of the square
# [-1.5, 0.5] x [-1, 1], one bit per pixel, most significant bit first, each row padded to
# whole bytes as PBM asks. A pixel is 1 (black) when its point is still within radius 2 after
# 50 steps of z <- z^2 + c (z starts at c, so 49 more steps). The squares are kept from one
# step to the next, which is what makes this loop fast.
LUA_RENDER = """
return function(size, first, last)
  local char, concat = string.char, table.concat
  local scale = 2.0 / size
  local rows = {}
  for y = first, last do
    local ci = y * scale - 1.0
    local bytes, byte, bits = {}, 0, 0
    for x = 0, size - 1 do
      local cr = x * scale - 1.5
      local zr, zi = cr, ci
      local zr2, zi2 = zr * zr, zi * zi
      local inside = 1
      for _ = 1, 49 do
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
        zr2, zi2 = zr * zr, zi * zi
        if zr2 + zi2 > 4.0 then
          inside = 0
          break
        end
      end
      byte, bits = (byte << 1) | inside, bits + 1
      if bits == 8 then
        bytes[#bytes + 1] = char(byte)
        byte, bits = 0, 0
      end
    end
    if bits > 0 then
      bytes[#bytes + 1] = char(byte << (8 - bits))
    end
    rows[#rows + 1] = concat(bytes)
  end
  return concat(rows)
end
"""


def bands(size: int, threads: int) -> list[tuple[int, int]]:
    """Split rows 0..size-1 into `threads` contiguous (first, last) bands of nearly equal height."""
    edges = [size * k // threads for k in range(threads + 1)]
    return [(edges[k], edges[k + 1] - 1) for k in range(threads)]


class Rendering(NamedTuple):
    """What render() produced and what it cost."""

    pixels: bytes
    """The packed PBM rows, top to bottom."""
    wall: float
    """Seconds of wall-clock time from starting the threads to joining them."""
    cpu: float
    """Seconds of CPU time of the whole process (all threads) over the same span."""


def render(size: int, threads: int, lua_module: ModuleType | None = None) -> Rendering:
    """Render a size x size image on `threads` runtimes of `lua_module` (rupa by default).

    Runtime creation and compilation happen before the clocks start, as in lupa's example.
    """
    if size < 1 or threads < 1 or threads > size:
        raise ValueError("need 1 <= threads <= size")
    if lua_module is None:
        lua_module = importlib.import_module("rupa")
    # encoding=None: the Lua strings come back as bytes, which is what a PBM body is.
    functions = [lua_module.LuaRuntime(encoding=None).execute(LUA_RENDER) for _ in range(threads)]
    parts: list[bytes | None] = [None] * threads
    errors: list[BaseException] = []

    def work(index: int, first: int, last: int) -> None:
        try:
            parts[index] = functions[index](size, first, last)
        except BaseException as exc:  # re-raised on the main thread below
            errors.append(exc)

    workers = [
        threading.Thread(target=work, args=(k, first, last))
        for k, (first, last) in enumerate(bands(size, threads))
    ]
    start, cpu_start = time.perf_counter(), time.process_time()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    if errors:
        raise errors[0]
    return Rendering(b"".join(p for p in parts if p is not None), wall, cpu)


def count_inside(pixels: bytes) -> int:
    """The number of black pixels (points in the set); row padding bits are always 0."""
    return bin(int.from_bytes(pixels, "big")).count("1")


def pbm(size: int, pixels: bytes) -> bytes:
    """A complete binary PBM (P4) file around the packed pixels."""
    return b"P4\n%d %d\n" % (size, size) + pixels


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1280, help="width and height in pixels")
    parser.add_argument("--threads", type=int, default=2, help="threads, one runtime each")
    parser.add_argument("--output", default="target/mandelbrot.pbm", help="PBM file to write")
    parser.add_argument("--lupa", action="store_true", help="use lupa.lua54 instead of rupa")
    args = parser.parse_args(argv)
    if args.size < 1 or not 1 <= args.threads <= args.size:
        parser.error("need --size >= 1 and 1 <= --threads <= --size")

    name = "lupa.lua54" if args.lupa else "rupa"
    module = importlib.import_module(name)
    pixels, wall, cpu = render(args.size, args.threads, module)
    expected = (args.size + 7) // 8 * args.size
    if len(pixels) != expected:
        print(f"error: got {len(pixels)} bytes of pixels, expected {expected}", file=sys.stderr)
        return 1

    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    data = pbm(args.size, pixels)
    out.write_bytes(data)

    band_text = ", ".join(f"{first}-{last}" for first, last in bands(args.size, args.threads))
    inside = count_inside(pixels)
    print(f"mandelbrot: {args.size}x{args.size} pixels, 50 iterations per point, "
          f"{args.threads} thread(s), one {name} runtime each (rows {band_text})")
    print(f"rendered in {wall:.3f} s wall, {cpu:.3f} s CPU (all threads)")
    print(f"{inside} of {args.size * args.size} points are in the set")
    print(f"wrote {out} ({len(data)} bytes, binary PBM)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
