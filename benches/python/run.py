#!/usr/bin/env python3
"""Benchmark the Python <-> Lua bridge of rupa against lupa.lua54, side by side in one run.

Every operation runs on both libraries in the same process, alternating sample by sample so
drifts of machine load hit both alike. Each sample times `number` repetitions (the garbage
collector off, as timeit does); the minimum over --repeat rounds is kept, for wall time and
for CPU time (time.process_time, the whole process); the ratios are the median over rounds of
each round's rupa/lupa ratio (see time_operation). Before timing, each operation's result
is checked on both sides, so a broken bridge fails the run instead of looking fast.

Memory per idle runtime and the two-thread Mandelbrot speed-up are measured separately (see
memory.py and the mandelbrot section below). The report goes into docs/performance.md between
``<!-- bench:python:start -->`` and ``<!-- bench:python:end -->``; text outside is kept.

    python3 benches/python/run.py                   # everything, rewrites the report section
    python3 benches/python/run.py --quick --output -    # a fast smoke run, printed only
"""

from __future__ import annotations

import argparse
import datetime
import gc
import importlib
import importlib.util
import math
import os
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

from operations import OPERATIONS, Operation  # noqa: E402
from memory import idle_runtime_memory  # noqa: E402
from report import Row, render, write_report  # noqa: E402

SIDES = ("lupa.lua54", "rupa")


def load_mandelbrot() -> ModuleType:
    """examples/mandelbrot.py, which `make run` runs; its render() is the threaded workload."""
    spec = importlib.util.spec_from_file_location("mandelbrot_example", ROOT / "examples" / "mandelbrot.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sample(func, number: int) -> tuple[float, float]:
    """Wall and CPU seconds for `number` calls of func, with the cyclic GC held off."""
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        wall0, cpu0 = time.perf_counter(), time.process_time()
        for _ in range(number):
            func()
        return time.perf_counter() - wall0, time.process_time() - cpu0
    finally:
        if enabled:
            gc.enable()


def time_operation(op: Operation, modules: dict[str, ModuleType], repeat: int, scale: float) -> Row:
    """Run one operation on both sides, in rounds of one sample each, back to back.

    The row holds the per-unit minima and, as the ratios, the median over rounds of each
    round's rupa/lupa ratio: on a shared machine whose speed changes from second to second,
    two samples taken back to back see the same speed, while the two minima may come from
    different moments. The side that goes first alternates between rounds.
    """
    number = max(1, int(op.number * scale))
    funcs = {}
    for name, module in modules.items():
        func = op.make(module)
        if not op.check(func()):
            raise SystemExit(f"{op.name}: {name} returned a wrong result")
        funcs[name] = func
    best = {name: [math.inf, math.inf] for name in modules}
    wall_ratios, cpu_ratios = [], []
    for round_ in range(repeat):
        times = {}
        for name in SIDES if round_ % 2 == 0 else reversed(SIDES):
            wall, cpu = sample(funcs[name], number)
            times[name] = (wall, cpu)
            best[name][0] = min(best[name][0], wall / (number * op.units))
            best[name][1] = min(best[name][1], cpu / (number * op.units))
        wall_ratios.append(times["rupa"][0] / times["lupa.lua54"][0])
        cpu_ratios.append(times["rupa"][1] / max(times["lupa.lua54"][1], 1e-9))
    del funcs
    gc.collect()
    return Row(op.name, op.unit, best["lupa.lua54"], best["rupa"],
               statistics.median(wall_ratios), statistics.median(cpu_ratios))


def time_mandelbrot(mandelbrot, modules, size: int, repeat: int) -> dict[str, dict[int, list[float]]]:
    """Best wall and CPU seconds of the example on 1 and 2 threads, per side."""
    reference = mandelbrot.render(size, 1, modules["lupa.lua54"]).pixels
    for name, module in modules.items():
        for threads in (1, 2):
            if mandelbrot.render(size, threads, module).pixels != reference:
                raise SystemExit(f"mandelbrot: {name} with {threads} thread(s) drew a different image")
    best = {name: {1: [math.inf, math.inf], 2: [math.inf, math.inf]} for name in modules}
    for _ in range(repeat):
        for threads in (1, 2):
            for name in SIDES:
                result = mandelbrot.render(size, threads, modules[name])
                best[name][threads][0] = min(best[name][threads][0], result.wall)
                best[name][threads][1] = min(best[name][threads][1], result.cpu)
    return best


def git_rev() -> str:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
        return rev + (" (with uncommitted changes)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9, help="rounds of one sample per side (default 9)")
    parser.add_argument("--quick", action="store_true",
                        help="a tenth of the iterations, 2 samples, a small image: a smoke test")
    parser.add_argument("--size", type=int, default=1280, help="Mandelbrot image size (default 1280)")
    parser.add_argument("--thread-samples", type=int, default=10,
                        help="Mandelbrot samples per side and thread count (default 10)")
    parser.add_argument("--runtimes", type=int, default=200,
                        help="idle runtimes per memory measurement (default 200)")
    parser.add_argument("--output", help="report to update (default docs/performance.md; '-' prints it)")
    parser.add_argument("operations", nargs="*", help="operation names (default: all)")
    args = parser.parse_args(argv)
    scale = 1.0
    if args.quick:
        scale, args.repeat, args.size, args.runtimes = 0.1, min(args.repeat, 2), 160, 20
        args.thread_samples = 2
    if args.repeat < 1 or args.size < 16 or args.runtimes < 1 or args.thread_samples < 1:
        parser.error("need --repeat, --runtimes, --thread-samples >= 1 and --size >= 16")
    output = args.output or str(ROOT / "docs" / "performance.md")

    modules = {name: importlib.import_module(name) for name in SIDES}
    lupa_version = importlib.import_module("lupa").__version__
    selected = [op for op in OPERATIONS if not args.operations or op.name in args.operations]
    unknown = set(args.operations) - {op.name for op in OPERATIONS}
    if unknown:
        parser.error(f"unknown operation(s): {', '.join(sorted(unknown))}; "
                     f"known: {', '.join(op.name for op in OPERATIONS)}")
    load_before = os.getloadavg()[0]

    rows = []
    for op in selected:
        row = time_operation(op, modules, args.repeat, scale)
        rows.append(row)
        print(f"{op.name:34} lupa {row.lupa[0] * 1e6:11.2f} us  rupa {row.rupa[0] * 1e6:11.2f} us  "
              f"ratio {row.rupa[0] / row.lupa[0]:6.2f}  (CPU {row.rupa[1] / row.lupa[1]:5.2f})", flush=True)

    memory = {}
    for name in SIDES:
        memory[name] = idle_runtime_memory(name, args.runtimes, repeat=3)
        print(f"idle runtime, {name}: {memory[name].rss_kib:.0f} KiB RSS, "
              f"{memory[name].lua_kib:.0f} KiB Lua heap", flush=True)

    mandelbrot = load_mandelbrot()
    threads = time_mandelbrot(mandelbrot, modules, args.size, args.thread_samples)
    for name in SIDES:
        one, two = threads[name][1][0], threads[name][2][0]
        print(f"mandelbrot {args.size}, {name}: 1 thread {one:.3f} s, 2 threads {two:.3f} s, "
              f"speed-up {one / two:.2f}x", flush=True)
    load_after = os.getloadavg()[0]

    command = " ".join(["python3 benches/python/run.py", shlex.join(argv)]).rstrip()
    section = render(
        rows=rows,
        memory=memory,
        threads=threads,
        size=args.size,
        runtimes=args.runtimes,
        header={
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "python": sys.version.split()[0],
            "lupa": lupa_version,
            "commit": git_rev(),
            "command": command,
            "repeat": args.repeat,
            "thread_samples": args.thread_samples,
            "load": (load_before, load_after),
        },
    )
    if output == "-":
        sys.stdout.write(section)
    else:
        write_report(Path(output).resolve(), section)
        print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
