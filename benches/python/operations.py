"""The bridge operations benchmarked by run.py, each written once for both libraries.

An operation builds, for one module (``rupa`` or ``lupa.lua54``), a zero-argument callable
that does the work once; run.py times it. ``units`` says how many of the reported unit the
callable does (1000 callbacks in one Lua loop, say), so every row reads "time per unit".
``check`` must hold for the callable's result on both sides before anything is timed.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Any, Callable

BIG = 100_000
"""Entries in the large table and list operations."""
LOOP = 1_000
"""Bridge crossings per call in the loop operations (callbacks, table get/set)."""


@dataclass(frozen=True)
class Operation:
    """One benchmarked bridge operation."""

    name: str
    """Row label in the report."""
    unit: str
    """What one reported time covers."""
    make: Callable[[ModuleType], Callable[[], Any]]
    """Builds the timed callable for a module (setup is not timed)."""
    check: Callable[[Any], bool]
    """Holds for a correct result of the timed callable."""
    number: int
    """Calls per timing sample (before --quick scales it down)."""
    units: int = 1
    """Reported units done by one call."""


def _create(m: ModuleType) -> Callable[[], Any]:
    return m.LuaRuntime


def _eval(m: ModuleType) -> Callable[[], Any]:
    lua = m.LuaRuntime()
    return lambda: lua.eval("1+1")


def _call(m: ModuleType) -> Callable[[], Any]:
    add = m.LuaRuntime().eval("function(a, b) return a + b end")
    return lambda: add(1, 2)


def _callback(m: ModuleType) -> Callable[[], Any]:
    loop = m.LuaRuntime().eval(
        "function(f, n) local s = 0 for i = 1, n do s = s + f(i) end return s end"
    )

    def identity(x):
        return x

    return lambda: loop(identity, LOOP)


def _table_set(m: ModuleType) -> Callable[[], Any]:
    t = m.LuaRuntime().table()

    def fill():
        for i in range(1, LOOP + 1):
            t[i] = i
        return t

    return fill


def _table_get(m: ModuleType) -> Callable[[], Any]:
    t = m.LuaRuntime().table_from(list(range(1, LOOP + 1)))

    def total():
        s = 0
        for i in range(1, LOOP + 1):
            s += t[i]
        return s

    return total


def _iterate(m: ModuleType) -> Callable[[], Any]:
    t = m.LuaRuntime().table_from(list(range(BIG)))

    def total():
        s = 0
        for _, v in t.items():
            s += v
        return s

    return total


def _table_from(m: ModuleType) -> Callable[[], Any]:
    lua = m.LuaRuntime()
    data = list(range(BIG))
    return lambda: lua.table_from(data)


def _list_sum(m: ModuleType) -> Callable[[], Any]:
    total = m.LuaRuntime().eval(
        "function(l) local s = 0 for v in python.iter(l) do s = s + v end return s end"
    )
    data = list(range(BIG))
    return lambda: total(data)


OPERATIONS = [
    Operation("create a runtime", "per runtime (created and dropped)", _create,
              lambda lua: lua.eval("1+1") == 2, number=200),
    Operation("eval('1+1')", "per eval", _eval, lambda r: r == 2, number=20_000),
    Operation("Python -> Lua call", "per call of a Lua function(a, b)", _call,
              lambda r: r == 3, number=50_000),
    Operation("Lua -> Python callback", "per call of a Python function from a Lua loop",
              _callback, lambda r: r == LOOP * (LOOP + 1) // 2, number=50, units=LOOP),
    Operation("table set from Python", "per t[i] = i", _table_set,
              lambda t: len(t) == LOOP and t[LOOP] == LOOP, number=50, units=LOOP),
    Operation("table get from Python", "per t[i]", _table_get,
              lambda r: r == LOOP * (LOOP + 1) // 2, number=50, units=LOOP),
    Operation("iterate a 100k-entry table", "per table, items()", _iterate,
              lambda r: r == BIG * (BIG - 1) // 2, number=5),
    Operation("table_from(100k list)", "per table", _table_from,
              lambda t: len(t) == BIG and t[BIG] == BIG - 1, number=5),
    Operation("100k list summed in Lua", "per list, python.iter", _list_sum,
              lambda r: r == BIG * (BIG - 1) // 2, number=5),
]
"""Every operation, in report order."""
