"""examples/: the mandelbrot example `make run` runs, at small sizes so it cannot rot.

Pixel counts were checked against lupa.lua54 running the same Lua code; where lupa is installed
the images are also compared with lupa's byte for byte.
"""

import importlib
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

import rupa

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "mandelbrot.py"


def _load_example():
    spec = importlib.util.spec_from_file_location("mandelbrot_example", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


mandelbrot = _load_example()


def _lupa():
    try:
        return importlib.import_module("lupa.lua54")
    except ImportError:
        return None


@pytest.mark.parametrize(
    "size, threads, inside",
    [(64, 2, 1626), (37, 3, 546), (8, 8, 27), (1, 1, 0)],
)
def test_render_counts_and_layout(size, threads, inside):
    pixels = mandelbrot.render(size, threads, rupa).pixels
    assert len(pixels) == (size + 7) // 8 * size
    assert mandelbrot.count_inside(pixels) == inside


@pytest.mark.parametrize("size, threads", [(64, 2), (37, 3), (20, 7)])
def test_bands_join_into_the_single_thread_image(size, threads):
    assert mandelbrot.render(size, threads, rupa).pixels == mandelbrot.render(size, 1, rupa).pixels


@pytest.mark.parametrize("size, threads", [(64, 2), (37, 3)])
def test_same_image_as_lupa(size, threads):
    lupa = _lupa()
    if lupa is None:
        pytest.skip("lupa 2.8 is not installed")
    assert mandelbrot.render(size, threads, rupa).pixels == mandelbrot.render(size, threads, lupa).pixels


def test_bands_cover_every_row_once():
    for size in range(1, 30):
        for threads in range(1, size + 1):
            rows = [y for first, last in mandelbrot.bands(size, threads) for y in range(first, last + 1)]
            assert rows == list(range(size))


def test_render_rejects_impossible_splits():
    with pytest.raises(ValueError):
        mandelbrot.render(4, 5, rupa)
    with pytest.raises(ValueError):
        mandelbrot.render(0, 1, rupa)


def test_script_writes_the_pbm_and_says_what_it_did(tmp_path):
    out = tmp_path / "sub" / "m.pbm"
    done = subprocess.run(
        [sys.executable, str(EXAMPLE), "--size", "64", "--threads", "2", "--output", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    lines = done.stdout.splitlines()
    assert lines[0].startswith("mandelbrot: 64x64 pixels, 50 iterations per point, 2 thread(s)")
    assert "rows 0-31, 32-63" in lines[0]
    assert lines[1].startswith("rendered in ")
    assert lines[2] == "1626 of 4096 points are in the set"
    assert lines[3] == f"wrote {out} (521 bytes, binary PBM)"
    data = out.read_bytes()
    assert data.startswith(b"P4\n64 64\n")
    assert len(data) == len(b"P4\n64 64\n") + 8 * 64


def test_script_rejects_bad_arguments(tmp_path):
    done = subprocess.run(
        [sys.executable, str(EXAMPLE), "--size", "4", "--threads", "9", "--output", str(tmp_path / "x")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "1 <= --threads <= --size" in done.stderr
    assert not (tmp_path / "x").exists()
