"""python -m rupa and install_as_lupa()."""

import subprocess
import sys

import rupa


def _run(*args):
    return subprocess.run(
        [sys.executable, "-m", "rupa", *args], capture_output=True, text=True, timeout=60
    )


def test_execute_code():
    r = _run("-e", "print(1 + 1, python.builtins.len('abc'))")
    assert r.returncode == 0
    assert r.stdout == "2\t3\n"


def test_run_file(tmp_path):
    script = tmp_path / "s.lua"
    script.write_text("#!/usr/bin/env lua\nprint(select('#', ...), ..., #arg, arg[0] ~= nil)\n")
    r = _run(str(script), "x", "y")
    assert r.returncode == 0
    assert r.stdout == "2\tx\t2\ttrue\n"  # as lua5.4 prints it


def test_error_status(tmp_path):
    script = tmp_path / "e.lua"
    script.write_text("error('bad')\n")
    r = _run(str(script))
    assert r.returncode == 1
    assert "e.lua:1: bad" in r.stderr


def test_install_as_lupa(monkeypatch):
    for name in [n for n in sys.modules if n == "lupa" or n.startswith("lupa.")]:
        monkeypatch.delitem(sys.modules, name)
    lupa = rupa.install_as_lupa()
    import lupa as again
    import lupa.lua54

    assert again is lupa
    assert lupa.LuaRuntime is rupa.LuaRuntime
    assert lupa.lua54.LuaRuntime is rupa.LuaRuntime
    lupa.tests = "settable"
