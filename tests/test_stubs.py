"""The .pyi stubs match the package (mypy.stubtest), when mypy is installed."""

import importlib.util
import subprocess
import sys

import pytest


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy not installed")
def test_stubtest():
    r = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "rupa"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stdout + r.stderr
