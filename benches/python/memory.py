"""Memory per idle runtime: how much a process grows for each LuaRuntime that sits unused.

Each measurement is a fresh Python process (so neither library's allocations disturb the
other's): it imports the library, creates one runtime to pay the one-time costs (module
state, allocator arenas), reads its resident set size, creates `count` more default runtimes
(every standard library and the ``python`` table loaded) and keeps them alive, collects
garbage, and reads the RSS again. The growth divided by `count` is the cost of one runtime as
the operating system sees it: the Lua heap, the runtime's own structures, allocator overhead,
and the Python wrapper. tracemalloc would miss most of it (it sees only Python's allocator),
so it is not used. The Lua heap alone is read from each runtime's own counter,
``collectgarbage("count")``. The median of `repeat` processes is reported.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from dataclasses import dataclass

_PROBE = r"""
import gc, importlib, sys

def rss_kib():
    # The current resident set, not the peak: /proc on Linux; elsewhere the peak, which
    # only grows here, serves as well.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak

module = importlib.import_module(sys.argv[1])
count = int(sys.argv[2])
keep = [module.LuaRuntime()]
gc.collect()
before = rss_kib()
keep += [module.LuaRuntime() for _ in range(count)]
gc.collect()
after = rss_kib()
heap = sum(lua.eval('collectgarbage("count")') for lua in keep[1:]) / count
print((after - before) / count, heap)
"""


@dataclass(frozen=True)
class IdleMemory:
    """The cost of one idle runtime, in KiB."""

    rss_kib: float
    """Growth of the process's resident set per runtime (median over processes)."""
    lua_kib: float
    """The runtime's Lua heap by its own count, ``collectgarbage("count")``."""


def idle_runtime_memory(module: str, count: int, repeat: int = 3) -> IdleMemory:
    """Measure `module`'s idle runtime in `repeat` fresh processes of `count` runtimes each."""
    rss, heap = [], []
    for _ in range(repeat):
        done = subprocess.run(
            [sys.executable, "-c", _PROBE, module, str(count)],
            capture_output=True,
            text=True,
            timeout=600,
        )
        if done.returncode != 0:
            raise SystemExit(f"memory probe for {module} failed:\n{done.stderr}")
        per_runtime, lua_heap = done.stdout.split()
        rss.append(float(per_runtime))
        heap.append(float(lua_heap))
    return IdleMemory(statistics.median(rss), statistics.median(heap))
