#!/usr/bin/env python3
"""Differential test runner: every ``tests/lua/**/*.lua`` through ``lua5.4`` and through rupa.

Each file is run twice from the repository root, with the same relative path
(``tests/lua/<area>/<name>.lua``) so that chunk names in error messages match:
once with the reference interpreter (``--lua``, default ``lua5.4``) and once with
rupa.  The two runs must agree on

* stdout, byte for byte;
* the exit status;
* when the script fails (non-zero status), the error message: stderr up to the
  line ``stack traceback:``, with the leading program name (``lua5.4: `` or
  ``rupa: ``) removed from its first line.  Tracebacks are not compared.

A run that exceeds ``--timeout`` seconds is killed and counts as a failure.
There is no allow-list: every difference is a failure.

Usage::

    python3 tests/difftest.py                         # target/release/rupa
    python3 tests/difftest.py --rupa target/debug/rupa --filter meta/
    python3 tests/difftest.py --sample 50 \\
        --runner "wasmtime run --dir=. {rupa}" --rupa target/wasm32-wasip1/release/rupa.wasm

Options:

``--rupa PATH``
    the rupa program (default ``target/release/rupa``, relative to the repository root).
``--runner TEMPLATE``
    how to start rupa, as a command template split like a shell line.  ``{rupa}``
    is replaced by the ``--rupa`` path and ``{file}`` by the Lua file; when the
    template has no ``{file}``, the file is appended.  The default is
    ``{rupa} {file}``.  For a wasm build: ``--runner "wasmtime run --dir=. {rupa}"``
    (``--dir=.`` lets the guest read the file, since the working directory is the
    repository root).
``--lua PATH``
    the reference interpreter (default ``lua5.4``).  If it cannot be found the
    runner stops with a clear message and exit status 2.
``--jobs N``
    parallel files (default: CPU count).
``--timeout SECONDS``
    per run (default 20).
``--filter SUBSTR``
    only files whose path (``tests/lua/<area>/<name>.lua``) contains SUBSTR,
    e.g. ``meta/`` or ``gc_``.
``--sample N``
    a deterministic sample of N files (chosen by a hash of each path, so the same
    files are picked on every machine and adding a file rarely changes the pick).
``-v``
    also print passing files and the commands used.

Exit status: 0 when every file agrees, 1 on any difference, 2 on a setup error
(missing interpreter, no files selected).
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import os
import shlex
import shutil
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Sequence

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "lua"
TRACEBACK = b"stack traceback:"
# Names a Lua front end may print before its error message.
KNOWN_PROGRAM_NAMES = ("lua5.4", "lua", "rupa", "rupa.wasm")
DIFF_LINES = 30


@dataclass
class Outcome:
    """What one interpreter did with one file."""

    stdout: bytes
    stderr: bytes
    status: Optional[int]  # None when killed by the timeout
    argv0: str


@dataclass
class Result:
    """The comparison of the two runs of one file."""

    path: str
    problems: List[str]


def find_files(filter_text: Optional[str], sample: Optional[int]) -> List[str]:
    """Relative paths (from the repository root) of the selected corpus files."""
    files = sorted(p.relative_to(ROOT).as_posix() for p in CORPUS.rglob("*.lua"))
    if filter_text:
        files = [f for f in files if filter_text in f]
    if sample is not None and sample < len(files):
        def key(path: str) -> str:
            return hashlib.sha256(path.encode()).hexdigest()

        files = sorted(sorted(files, key=key)[:sample])
    return files


def clean_env() -> dict:
    """The environment for both interpreters: no LUA_INIT, fixed locale."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LUA_")}
    env["LC_ALL"] = "C"
    return env


def run(argv: Sequence[str], timeout: float, env: dict) -> Outcome:
    """Run one command from the repository root, killing its process group on timeout."""
    try:
        proc = subprocess.Popen(
            list(argv),
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            start_new_session=True,
        )
    except OSError as exc:
        return Outcome(b"", f"difftest: cannot start: {exc}\n".encode(), 127, argv[0])
    try:
        out, err = proc.communicate(timeout=timeout)
        status: Optional[int] = proc.returncode
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = proc.communicate()
        status = None
    return Outcome(out, err, status, argv[0])


def error_message(outcome: Outcome) -> bytes:
    """stderr up to the traceback, without the leading program name.

    The newline that ends the message's last line is dropped, so a message
    followed by a traceback and one printed without a traceback compare equal.
    """
    text = outcome.stderr.replace(b"\r\n", b"\n")
    if text.startswith(TRACEBACK):
        text = b""
    else:
        cut = text.find(b"\n" + TRACEBACK)
        if cut >= 0:
            text = text[: cut + 1]
    if text.endswith(b"\n"):
        text = text[:-1]
    names = [outcome.argv0, os.path.basename(outcome.argv0)]
    names += list(KNOWN_PROGRAM_NAMES)
    for name in names:
        prefix = name.encode() + b": "
        if name and text.startswith(prefix):
            return text[len(prefix):]
    return text


def short_diff(label: str, expected: bytes, actual: bytes) -> str:
    """A unified diff of two byte strings, cut to DIFF_LINES lines."""
    exp = expected.decode("utf-8", "backslashreplace").splitlines(keepends=True)
    act = actual.decode("utf-8", "backslashreplace").splitlines(keepends=True)
    lines = list(
        difflib.unified_diff(exp, act, f"lua5.4 {label}", f"rupa {label}", n=2)
    )
    if len(lines) > DIFF_LINES:
        lines = lines[:DIFF_LINES] + [f"... ({len(lines) - DIFF_LINES} more diff lines)\n"]
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
        for line in lines
    )


def compare(path: str, lua: Outcome, rupa: Outcome, timeout: float) -> Result:
    """All differences between the reference run and the rupa run of a file."""
    problems = []
    if lua.status is None:
        problems.append(f"lua5.4 timed out after {timeout}s (corpus file is broken)\n")
    if rupa.status is None:
        problems.append(f"rupa timed out after {timeout}s\n")
    if lua.stdout != rupa.stdout:
        problems.append("stdout differs\n" + short_diff("stdout", lua.stdout, rupa.stdout))
    if lua.status is not None and rupa.status is not None:
        if lua.status != rupa.status:
            problems.append(f"exit status differs: lua5.4 {lua.status}, rupa {rupa.status}\n")
        elif lua.status != 0:
            exp, act = error_message(lua), error_message(rupa)
            if exp != act:
                problems.append(
                    "error message differs\n" + short_diff("error", exp + b"\n", act + b"\n")
                )
    return Result(path, problems)


def rupa_argv(template: str, rupa: str, path: str) -> List[str]:
    """Expand the --runner template for one file."""
    words = shlex.split(template)
    has_file = any("{file}" in w for w in words)
    argv = [w.replace("{rupa}", rupa).replace("{file}", path) for w in words]
    if not has_file:
        argv.append(path)
    return argv


def resolve_program(name: str) -> Optional[str]:
    """A runnable path for NAME (searched on PATH or relative to the repository root)."""
    if os.sep in name or "/" in name:
        candidate = Path(name)
        if not candidate.is_absolute():
            candidate = ROOT / candidate
        return str(candidate) if candidate.is_file() else None
    return shutil.which(name)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Run tests/lua through lua5.4 and rupa and compare the results.",
        epilog="See the module docstring for details.",
    )
    parser.add_argument("--rupa", default="target/release/rupa", help="rupa program")
    parser.add_argument("--lua", default="lua5.4", help="reference interpreter")
    parser.add_argument(
        "--runner",
        default="{rupa} {file}",
        help='command template, e.g. "wasmtime run --dir=. {rupa}"',
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--timeout", type=float, default=20.0)
    parser.add_argument("--filter", help="only paths containing this substring")
    parser.add_argument("--sample", type=int, help="deterministic sample of N files")
    parser.add_argument("-v", "--verbose", action="store_true")
    return parser.parse_args(argv)


def main(argv: Sequence[str]) -> int:
    args = parse_args(argv)
    lua = resolve_program(args.lua)
    if lua is None:
        print(
            f"difftest: reference interpreter '{args.lua}' not found; install lua5.4 "
            "(e.g. apt-get install lua5.4) or pass --lua PATH",
            file=sys.stderr,
        )
        return 2
    rupa = args.rupa
    # With a runner template the path may be a file for the runner (a .wasm module),
    # so it only has to exist.
    resolved = resolve_program(rupa)
    if resolved is None:
        print(
            f"difftest: rupa program '{rupa}' not found (build it or pass --rupa PATH)",
            file=sys.stderr,
        )
        return 2
    starter = rupa_argv(args.runner, resolved, "x.lua")[0]
    if resolve_program(starter) is None:
        print(f"difftest: runner program '{starter}' not found", file=sys.stderr)
        return 2
    files = find_files(args.filter, args.sample)
    if not files:
        print("difftest: no corpus files selected", file=sys.stderr)
        return 2
    env = clean_env()

    def one(path: str) -> Result:
        ref_argv = [lua, path]
        new_argv = rupa_argv(args.runner, resolved, path)
        if args.verbose:
            print(f"run: {shlex.join(ref_argv)} | {shlex.join(new_argv)}", flush=True)
        ref = run(ref_argv, args.timeout, env)
        new = run(new_argv, args.timeout, env)
        return compare(path, ref, new, args.timeout)

    failed = 0
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for result in pool.map(one, files):
            if result.problems:
                failed += 1
                for problem in result.problems:
                    head, _, rest = problem.partition("\n")
                    print(f"FAIL {result.path}: {head}")
                    if rest:
                        print(rest, end="")
            elif args.verbose:
                print(f"ok   {result.path}")
    total = len(files)
    print(f"{total} files, {total - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
