"""Making ``import lupa`` mean the implementation under test, and ``lupa.tests`` upstream's tests.

Two targets:

- ``rupa``: ``import rupa; rupa.install_as_lupa()``. The contract (issue #4) is that this
  registers rupa in ``sys.modules`` as ``lupa`` and as ``lupa.lua54``, ``lupa.lua52``, ... aliases.
- ``lupa``: the real lupa 2.8 from PyPI, with its top-level ``lupa`` module pinned to
  ``lupa.lua54`` (upstream picks the newest Lua it ships, 5.5), so that both targets run the
  suite against a Lua 5.4 engine.

Upstream keeps its tests inside the package (``lupa/tests``), which neither target ships, so the
staged ``lupa/tests`` is loaded by hand as the ``lupa.tests`` submodule.
"""

import importlib
import importlib.util
import sys

from _sdist import LUPA_VERSION

# The versioned module names the README and the suite import.
REQUIRED_ALIASES = ("lupa.lua54", "lupa.lua52")


class TargetError(Exception):
    """The implementation under test is missing or does not honour its contract."""


def _install_rupa():
    try:
        import rupa
    except ImportError as exc:
        raise TargetError(
            "cannot import the `rupa` package "
            f"({exc}).\nBuild and install it first (`pip install .` at the repository root), "
            "or run against the real lupa with `--impl lupa`."
        ) from exc
    install = getattr(rupa, "install_as_lupa", None)
    if install is None:
        raise TargetError(f"rupa ({rupa.__file__}) has no install_as_lupa()")
    # A real lupa imported earlier would otherwise linger in submodule entries.
    for name in [n for n in sys.modules if n == "lupa" or n.startswith("lupa.")]:
        del sys.modules[name]
    install()
    lupa = sys.modules.get("lupa")
    if lupa is None:
        raise TargetError("rupa.install_as_lupa() did not register a `lupa` module")
    if getattr(lupa, "LuaRuntime", None) is not getattr(rupa, "LuaRuntime", object()):
        raise TargetError("after rupa.install_as_lupa(), lupa.LuaRuntime is not rupa.LuaRuntime")
    for alias in REQUIRED_ALIASES:
        try:
            module = importlib.import_module(alias)
        except ImportError as exc:
            raise TargetError(f"rupa.install_as_lupa() did not make `{alias}` importable: {exc}")
        if getattr(module, "LuaRuntime", None) is not rupa.LuaRuntime:
            raise TargetError(f"{alias}.LuaRuntime is not rupa.LuaRuntime")
    return lupa, f"rupa {getattr(rupa, '__version__', '?')} ({rupa.__file__})"


def _install_lupa(backend):
    try:
        import lupa
    except ImportError as exc:
        raise TargetError(
            f"cannot import the real lupa ({exc}); install it with `pip install lupa=={LUPA_VERSION}`"
        ) from exc
    version = getattr(lupa, "__version__", None)
    if version != LUPA_VERSION:
        raise TargetError(
            f"lupa {version} is installed ({lupa.__file__}); the suite is lupa {LUPA_VERSION}'s: "
            f"`pip install lupa=={LUPA_VERSION}`"
        )
    try:
        engine = importlib.import_module(f"lupa.{backend}")
    except ImportError as exc:
        raise TargetError(f"the installed lupa has no `lupa.{backend}` module: {exc}") from exc
    # lupa's __init__ resolves its top-level names through _newest_lib; pinning it before any
    # name is looked up makes `lupa.LuaRuntime` the chosen engine's.
    lupa._newest_lib = engine
    for alias in REQUIRED_ALIASES:
        importlib.import_module(alias)
    implementation = engine.LuaRuntime().lua_implementation
    return lupa, f"lupa {version} ({lupa.__file__}), `lupa` pinned to lupa.{backend}: {implementation}"


def install(impl, stage_root, lupa_backend="lua54"):
    """Install the target as ``lupa`` and attach upstream's tests as ``lupa.tests``.

    Returns ``(lupa_module, test_module, description)``.
    """
    if impl == "rupa":
        lupa, description = _install_rupa()
    elif impl == "lupa":
        lupa, description = _install_lupa(lupa_backend)
    else:
        raise TargetError(f"unknown implementation {impl!r}")

    tests_dir = stage_root / "lupa" / "tests"
    spec = importlib.util.spec_from_file_location(
        "lupa.tests", tests_dir / "__init__.py", submodule_search_locations=[str(tests_dir)]
    )
    if spec is None or spec.loader is None:
        raise TargetError(f"cannot load upstream tests from {tests_dir}")
    tests_package = importlib.util.module_from_spec(spec)
    sys.modules["lupa.tests"] = tests_package
    spec.loader.exec_module(tests_package)
    # Set the attribute directly: a module-level __getattr__ (lupa's) must not answer for it.
    setattr(lupa, "tests", tests_package)
    test_module = importlib.import_module("lupa.tests.test")
    return lupa, test_module, description
