from typing import Any, Callable, Iterator, Optional, Tuple, TypeVar

from ._errors import LuaError as LuaError
from ._errors import LuaMemoryError as LuaMemoryError
from ._errors import LuaSyntaxError as LuaSyntaxError
from ._wrappers import _LuaCoroutineFunction as _LuaCoroutineFunction
from ._wrappers import _LuaFunction as _LuaFunction
from ._wrappers import _LuaIter as _LuaIter
from ._wrappers import _LuaObject as _LuaObject
from ._wrappers import _LuaTable as _LuaTable
from ._wrappers import _LuaThread as _LuaThread
from ._runtime import LuaRuntime as LuaRuntime

_F = TypeVar("_F", bound=Callable[..., Any])

__version__: str
LUA_VERSION: Tuple[int, int]
LUA_MAXINTEGER: int
LUA_MININTEGER: int
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

def lua_type(obj: Any) -> Optional[str]: ...
def as_attrgetter(obj: Any) -> Any: ...
def as_itemgetter(obj: Any) -> Any: ...
def unpacks_lua_table(func: _F) -> _F: ...
def unpacks_lua_table_method(meth: _F) -> _F: ...
def install_as_lupa() -> Any: ...
