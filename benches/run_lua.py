#!/usr/bin/env python3
"""Run the Lua benchmarks under lua5.4 and rupa side by side and report the ratios.

Each program in benches/lua/ runs alternately under the reference interpreter and rupa,
--repeat times each, in rounds; the minimum time of each side is shown, and the ratio is the
median over rounds of the two runs' ratio (runs back to back see the same machine load).
Outputs must be identical: any mismatch or failure is reported and makes the exit status 1. The results go into docs/performance.md between the markers
``<!-- bench:lua:start -->`` and ``<!-- bench:lua:end -->``; text outside them is kept.

Standard library only (Python 3.9+).
"""

from __future__ import annotations

import argparse
import datetime
import math
import os
import platform
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LUA_DIR = ROOT / "benches" / "lua"
START = "<!-- bench:lua:start -->"
END = "<!-- bench:lua:end -->"


def find_gnu_time() -> str | None:
    """GNU time, which measures peak memory; without it the memory columns read "—"."""
    for exe in ("/usr/bin/time", shutil.which("gtime"), shutil.which("time")):
        if not exe or not os.access(exe, os.X_OK):
            continue
        with tempfile.NamedTemporaryFile("r") as out:
            try:
                subprocess.run(
                    [exe, "-f", "%M", "-o", out.name, "true"],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    timeout=10,
                    check=True,
                )
            except (OSError, subprocess.SubprocessError):
                continue
            if out.read().strip().isdigit():
                return exe
    return None


TIME = find_gnu_time()


@dataclass
class Run:
    """One process run: its output, status and costs."""

    stdout: bytes
    stderr: bytes
    returncode: int
    wall: float
    cpu: float
    maxrss_kib: int
    timed_out: bool = False


@dataclass
class Side:
    """The best observations of one interpreter on one program."""

    wall: float = math.inf
    cpu: float = math.inf
    maxrss_kib: int = -1
    outputs: list = field(default_factory=list)
    failure: str | None = None
    walls: list = field(default_factory=list)
    cpus: list = field(default_factory=list)

    def add(self, run: Run) -> None:
        self.wall = min(self.wall, run.wall)
        self.cpu = min(self.cpu, run.cpu)
        self.walls.append(run.wall)
        self.cpus.append(run.cpu)
        self.maxrss_kib = max(self.maxrss_kib, run.maxrss_kib)
        self.outputs.append(run.stdout)
        if self.failure is None:
            if run.timed_out:
                self.failure = "timeout"
            elif run.returncode != 0:
                first = run.stderr.decode("utf-8", "replace").strip().splitlines()[:1]
                self.failure = f"exit {run.returncode}: " + (first[0] if first else "")


def run_once(argv: list[str], cwd: Path, timeout: float) -> Run:
    """Run argv once; measure wall time, CPU time and max RSS of that child alone.

    os.wait4 gives the CPU time of exactly this child (and its reaped children). Its max RSS
    is useless here: a child forked from Python keeps the interpreter's RSS as its high-water
    mark across exec, so the peak is measured by GNU time, which forks from a small process.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r") as rss:
        if TIME:
            argv = [TIME, "-f", "%M", "-o", rss.name, *argv]
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            start_new_session=True,
        )
        # A blocking wait4 keeps the measurement tight; a timer kills runaway programs,
        # with their process group so nothing is left running under GNU time.
        killer = threading.Timer(timeout, os.killpg, (proc.pid, signal.SIGKILL))
        killer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        killer.cancel()
        wall = time.perf_counter() - start
        timed_out = wall >= timeout
        # Popen must not try to reap the child again.
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        maxrss = -1
        lines = rss.read().split()
        if lines and lines[-1].isdigit():
            maxrss = int(lines[-1])
        return Run(
            stdout=out.read(),
            stderr=err.read(),
            returncode=proc.returncode,
            wall=wall,
            cpu=usage.ru_utime + usage.ru_stime,
            maxrss_kib=maxrss,
            timed_out=timed_out,
        )


def round_ratio(lua: list, rupa: list) -> float:
    """Median over rounds of rupa's time / lua5.4's time in that round."""
    pairs = [r / l for l, r in zip(lua, rupa) if l > 0]
    return statistics.median(pairs) if pairs else math.nan


def idle_rss(exe: str, repeat: int) -> int:
    """Max RSS in KiB of `exe -e ""`, the smallest over `repeat` runs."""
    best = None
    for _ in range(repeat):
        run = run_once([exe, "-e", ""], ROOT, 30)
        if run.returncode != 0:
            return -1
        best = run.maxrss_kib if best is None else min(best, run.maxrss_kib)
    return best if best is not None else -1


def machine() -> str:
    """nproc and the CPU model, as the report's hardware line."""
    try:
        ncpu = len(os.sched_getaffinity(0))
    except AttributeError:
        ncpu = os.cpu_count() or 0
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{ncpu} CPUs (nproc), {model}, {platform.system()} {platform.release()}"


def git_rev() -> str:
    try:
        rev = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return rev + (" (with uncommitted changes)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def version(exe: str) -> str:
    try:
        done = subprocess.run([exe, "-v"], capture_output=True, text=True, timeout=10)
        return (done.stdout or done.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "unknown"


# Issue #2 measures the interpreter on these; issue #3 the string and table libraries.
VM_PROGRAMS = {
    "binary_trees", "closures", "fannkuch_redux", "fib", "mandelbrot", "method_calls",
    "n_body", "sort", "spectral_norm", "string_building",
}
STDLIB_PROGRAMS = {"string_format", "string_patterns", "table_concat", "table_sort"}


def geomean(values: list[float]) -> float:
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else math.nan


def fmt_s(seconds: float) -> str:
    return "—" if math.isinf(seconds) else f"{seconds:.3f}"


def fmt_mib(kib: int) -> str:
    return "—" if kib < 0 else f"{kib / 1024:.1f}"


def render(results, args, command: str, lua_idle: int, rupa_idle: int) -> str:
    """The generated section of docs/performance.md, markers included."""
    lines = [
        START,
        "<!-- Generated by benches/run_lua.py: edits between these markers are overwritten. -->",
        "",
        f"- Date: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- Machine: {machine()}",
        f"- Reference: `{args.lua}` ({version(args.lua)}); rupa: `{args.rupa}`, "
        f"commit {git_rev()}",
        f"- Command: `{command}`",
        f"- Each side ran {args.repeat} time(s), in rounds of one run each, back to back; times "
        "are the minima, ratios the median over rounds of each round's rupa / lua5.4 ratio "
        "(this machine's speed changes from minute to minute; two runs back to back see the "
        "same machine, two minima may not).",
        "",
        "| program | lua5.4 s | rupa s | ratio | lua5.4 CPU s | rupa CPU s | CPU ratio "
        "| lua5.4 max RSS MiB | rupa max RSS MiB | output |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    ratios, cpu_ratios = [], []
    for name, lua, rupa, status in results:
        ratio = round_ratio(lua.walls, rupa.walls) if status == "ok" else math.nan
        cpu_ratio = round_ratio(lua.cpus, rupa.cpus) if status == "ok" else math.nan
        if status == "ok":
            ratios.append(ratio)
            if not math.isnan(cpu_ratio):
                cpu_ratios.append(cpu_ratio)
        lines.append(
            f"| {name} | {fmt_s(lua.wall)} | {fmt_s(rupa.wall)} | "
            f"{'—' if math.isnan(ratio) else f'{ratio:.2f}'} | {fmt_s(lua.cpu)} | "
            f"{fmt_s(rupa.cpu)} | {'—' if math.isnan(cpu_ratio) else f'{cpu_ratio:.2f}'} | "
            f"{fmt_mib(lua.maxrss_kib)} | {fmt_mib(rupa.maxrss_kib)} | {status} |"
        )
    ok = len(ratios)
    lines += [
        "",
        f"**Geometric mean of the wall-time ratios: {geomean(ratios):.2f}** "
        f"({ok} of {len(results)} programs ran and matched lua5.4's output); "
        f"of the CPU-time ratios: {geomean(cpu_ratios):.2f}.",
    ]
    for title, names in (
        ("the interpreter programs (issue #2's set)", VM_PROGRAMS),
        ("the string and table library programs (issue #3's set)", STDLIB_PROGRAMS),
    ):
        wall = [r.wall / l.wall for n, l, r, st in results if n in names and st == "ok"]
        cpu = [
            r.cpu / l.cpu for n, l, r, st in results if n in names and st == "ok" and l.cpu > 0
        ]
        if wall:
            lines.append(
                f"Of {title}: wall {geomean(wall):.2f}, CPU {geomean(cpu):.2f} "
                f"({len(wall)} programs)."
            )
    lines += [
        "",
        "Idle runtime memory (max RSS of `-e \"\"`, smallest of "
        f"{args.repeat} runs, measured by GNU time): lua5.4 {fmt_mib(lua_idle)} MiB, "
        f"rupa {fmt_mib(rupa_idle)} MiB.",
        END,
    ]
    return "\n".join(lines) + "\n"


def write_report(path: Path, section: str) -> None:
    """Replace the marked section of `path`, or create the file around it."""
    if path.exists():
        text = path.read_text()
        start, end = text.find(START), text.find(END)
        if start != -1 and end > start:
            text = text[:start] + section + text[end + len(END) :].lstrip("\n")
        else:
            text = text.rstrip("\n") + "\n\n" + section
    else:
        text = (
            "# Performance\n\n"
            "Lua programs in `benches/lua/` run under the reference interpreter `lua5.4` and "
            "under rupa by `benches/run_lua.py`; the table below is regenerated by each run.\n\n"
            + section
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rupa", help="rupa executable (default: target/release/rupa in the repository)"
    )
    parser.add_argument("--lua", default="lua5.4", help="reference interpreter (default lua5.4)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per side (default 3)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per run")
    parser.add_argument(
        "--output",
        help="report to update (default: docs/performance.md in the repository; '-' prints it)",
    )
    parser.add_argument("programs", nargs="*", help="program names (default: all in benches/lua)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.rupa is None:
        args.rupa = str(ROOT / "target" / "release" / "rupa")
    if args.output is None:
        args.output = str(ROOT / "docs" / "performance.md")

    # Programs run with benches/lua as their directory, so paths given relative to the
    # caller's directory are made absolute first; bare names are looked up on PATH.
    for attr in ("rupa", "lua"):
        exe = getattr(args, attr)
        if os.sep in exe:
            exe = os.path.abspath(exe)
            setattr(args, attr, exe)
            if not os.access(exe, os.X_OK):
                parser.error(f"--{attr}: {exe} is not an executable file (build it first?)")
        elif shutil.which(exe) is None:
            parser.error(f"--{attr}: {exe} not found on PATH")

    names = args.programs or sorted(p.stem for p in LUA_DIR.glob("*.lua"))
    command = " ".join(["python3 benches/run_lua.py", shlex.join(argv)]).rstrip()

    results = []
    failed = False
    for name in names:
        script = name if name.endswith(".lua") else name + ".lua"
        if not (LUA_DIR / script).is_file():
            print(f"{name}: no such program in {LUA_DIR}", file=sys.stderr)
            failed = True
            continue
        lua, rupa = Side(), Side()
        for round_ in range(args.repeat):
            # A round runs both back to back (which goes first alternates), so the two see
            # the machine at the same moment; the ratio is the median of the rounds' ratios.
            if round_ % 2 == 0:
                lua.add(run_once([args.lua, script], LUA_DIR, args.timeout))
                rupa.add(run_once([args.rupa, script], LUA_DIR, args.timeout))
            else:
                rupa.add(run_once([args.rupa, script], LUA_DIR, args.timeout))
                lua.add(run_once([args.lua, script], LUA_DIR, args.timeout))
        if lua.failure:
            status = f"lua5.4 failed ({lua.failure})"
        elif rupa.failure:
            status = f"rupa failed ({rupa.failure})"
        elif len(set(lua.outputs + rupa.outputs)) != 1:
            status = "MISMATCH"
        else:
            status = "ok"
        if status != "ok":
            failed = True
        results.append((script[:-4], lua, rupa, status))
        ratio = f"{round_ratio(lua.walls, rupa.walls):.2f}" if status == "ok" else "—"
        print(f"{script[:-4]:16} lua5.4 {fmt_s(lua.wall):>7}  rupa {fmt_s(rupa.wall):>7}  "
              f"ratio {ratio:>5}  {status}", flush=True)
        if status == "MISMATCH":
            want = lua.outputs[0].decode("utf-8", "replace")
            got = next((o for o in rupa.outputs if o != lua.outputs[0]), b"")
            print(f"  lua5.4 printed: {want[:300]!r}\n  rupa printed:   "
                  f"{got.decode('utf-8', 'replace')[:300]!r}", file=sys.stderr)

    lua_idle = idle_rss(args.lua, args.repeat)
    rupa_idle = idle_rss(args.rupa, args.repeat)
    section = render(results, args, command, lua_idle, rupa_idle)
    if args.output == "-":
        sys.stdout.write(section)
    else:
        write_report(Path(args.output).resolve(), section)
        print(f"wrote {args.output}")
    print(f"idle max RSS: lua5.4 {fmt_mib(lua_idle)} MiB, rupa {fmt_mib(rupa_idle)} MiB")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
