"""rupa: lupa's API (Lua inside Python) on rupa, a Lua 5.4 VM written in safe Rust.

    >>> import rupa
    >>> lua = rupa.LuaRuntime()
    >>> lua.eval('1 + 1')
    2
"""

from __future__ import annotations

import sys
import types

from . import _rupa
from ._errors import LuaError, LuaMemoryError, LuaSyntaxError
from ._wrappers import (
    _LuaCoroutineFunction,
    _LuaFunction,
    _LuaIter,
    _LuaObject,
    _LuaTable,
    _LuaThread,
)

_rupa._register(
    LuaError,
    LuaSyntaxError,
    LuaMemoryError,
    _LuaTable,
    _LuaFunction,
    _LuaThread,
    _LuaCoroutineFunction,
    _LuaObject,

)

from ._runtime import (  # noqa: E402  (the classes must be registered first)
    LuaRuntime,
    as_attrgetter,
    as_itemgetter,
    lua_type,
    unpacks_lua_table,
    unpacks_lua_table_method,
)

__version__ = "0.1.0"
LUA_VERSION = (5, 4)
LUA_MAXINTEGER = _rupa.LUA_MAXINTEGER
LUA_MININTEGER = _rupa.LUA_MININTEGER

__all__ = [
    "LUA_VERSION",
    "LUA_MAXINTEGER",
    "LUA_MININTEGER",
    "LuaRuntime",
    "LuaError",
    "LuaSyntaxError",
    "LuaMemoryError",
    "as_itemgetter",
    "as_attrgetter",
    "lua_type",
    "unpacks_lua_table",
    "unpacks_lua_table_method",
    "install_as_lupa",
]

_LUPA_ALIASES = ("lua51", "lua52", "lua53", "lua54", "lua55", "luajit20", "luajit21")


def install_as_lupa() -> types.ModuleType:
    """Registers rupa as the ``lupa`` module (and ``lupa.lua54``, ``lupa.lua52``, ... as
    aliases), so code written for lupa runs unchanged. Returns the ``lupa`` module."""
    lupa = types.ModuleType("lupa", "rupa, installed as lupa")
    for name in __all__ + ["__version__", "_LuaTable", "_LuaFunction", "_LuaThread",
                           "_LuaObject", "_LuaCoroutineFunction", "_LuaIter"]:
        setattr(lupa, name, globals()[name])
    lupa.__path__ = []  # a package, so `import lupa.lua54` resolves through sys.modules
    sys.modules["lupa"] = lupa
    for alias in _LUPA_ALIASES:
        mod = types.ModuleType("lupa." + alias, "rupa, installed as lupa." + alias)
        for name in __all__ + ["__version__"]:
            setattr(mod, name, globals()[name])
        sys.modules["lupa." + alias] = mod
        setattr(lupa, alias, mod)
    return lupa
