"""Run a WASI build of `rupa` under wasmtime (from PyPI), like a native command.

Usage: python3 tests/wasm_run.py path/to/rupa.wasm [rupa arguments...]

The current directory is preopened as `.` (so relative script paths work and chunk names match
a native run) and `/tmp` as `/tmp` (for scripts that test file I/O). stdin, stdout and stderr are inherited; the exit status is the program's. The
compiled module is cached next to the .wasm file (`.cwasm`), keyed by the .wasm's size and mtime,
so running many scripts does not recompile each time.
"""

import os
import sys

import wasmtime


def load_module(engine: wasmtime.Engine, path: str) -> wasmtime.Module:
    st = os.stat(path)
    cache = f"{path}.{st.st_size}.{int(st.st_mtime)}.cwasm"
    if os.path.exists(cache):
        try:
            return wasmtime.Module.deserialize_file(engine, cache)
        except Exception:  # a stale or foreign cache entry: rebuild it
            pass
    module = wasmtime.Module.from_file(engine, path)
    tmp = f"{cache}.{os.getpid()}.tmp"
    with open(tmp, "wb") as f:
        f.write(module.serialize())
    os.replace(tmp, cache)
    return module


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    wasm = sys.argv[1]
    engine = wasmtime.Engine()
    module = load_module(engine, wasm)
    linker = wasmtime.Linker(engine)
    linker.define_wasi()
    store = wasmtime.Store(engine)
    wasi = wasmtime.WasiConfig()
    wasi.argv = ["rupa", *sys.argv[2:]]
    wasi.preopen_dir(".", ".")
    # Scripts that test file I/O use /tmp, as they do natively.
    wasi.preopen_dir("/tmp", "/tmp")
    wasi.inherit_stdin()
    wasi.inherit_stdout()
    wasi.inherit_stderr()
    store.set_wasi(wasi)
    instance = linker.instantiate(store, module)
    start = instance.exports(store)["_start"]
    try:
        start(store)
    except wasmtime.ExitTrap as e:
        return e.code
    except wasmtime.Trap as e:
        print(f"rupa.wasm trapped: {e}", file=sys.stderr)
        return 134
    return 0


if __name__ == "__main__":
    sys.exit(main())
