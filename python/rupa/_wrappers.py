"""Wrappers of Lua values as lupa has them: ``_LuaObject`` (userdata), ``_LuaTable``,
``_LuaFunction``, ``_LuaCoroutineFunction``, ``_LuaThread`` and the table iterator.

Each wrapper is a ``_rupa._LuaObjectBase``: it holds a slot of its runtime, never a pointer.
The native base gives ``_call``, ``_helper`` (runs one of the runtime's Lua helpers on the
value), ``_lua_type`` and ``_address``; everything lupa-shaped is here.
"""

from __future__ import annotations

from typing import Any, Iterator

from . import _rupa
from ._errors import LuaError

_KEYS, _VALUES, _ITEMS = 1, 2, 3


def _is_dunder(name: Any) -> bool:
    if isinstance(name, str):
        return name.startswith("__") and name.endswith("__")
    if isinstance(name, bytes):
        return name.startswith(b"__") and name.endswith(b"__")
    return False


def _as_text(value: Any) -> str:
    if isinstance(value, bytes):
        try:
            return value.decode("UTF-8")
        except UnicodeDecodeError:
            return value.decode("ISO-8859-1")
    return str(value)


class _LuaObject(_rupa._LuaObjectBase):
    """A wrapper around a Lua object such as a table or function."""

    __slots__ = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("Type cannot be instantiated manually")

    def __bool__(self) -> bool:
        return True

    def __iter__(self) -> Iterator[Any]:
        raise TypeError("iteration is only supported for tables")

    def __repr__(self) -> str:
        return "<Lua %s at 0x%x>" % (self._lua_type(), self._address())

    def __str__(self) -> str:
        result = self._helper("tostring", (), all_results=True)
        if result and result[0] is True:
            text = result[1] if len(result) > 1 else None
            if isinstance(text, (str, bytes)):
                return _as_text(text)
            if isinstance(text, (int, float)) and not isinstance(text, bool):
                return str(text)
            raise TypeError("__tostring returned non-string object")
        return repr(self)

    def __getattr__(self, name: Any) -> Any:
        if _is_dunder(name):
            raise AttributeError(name)
        if isinstance(name, str):
            name = name.encode(self._source_encoding)
        return self._getitem(name, True)

    def _getitem(self, name: Any, is_attr_access: bool) -> Any:
        return self._helper("index", (name,))


class _LuaTable(_rupa._LuaTableBase, _LuaObject):
    """A Lua table."""

    __slots__ = ()

    def __iter__(self) -> _LuaIter:
        return _LuaIter(self, _KEYS)

    def keys(self) -> _LuaIter:
        """An iterator over the keys of the table. Same as ``iter(table)``."""
        return _LuaIter(self, _KEYS)

    def values(self) -> _LuaIter:
        """An iterator over the values of the table."""
        return _LuaIter(self, _VALUES)

    def items(self) -> _LuaIter:
        """An iterator over the key-value pairs of the table."""
        return _LuaIter(self, _ITEMS)

    def _getitem(self, name: Any, is_attr_access: bool) -> Any:
        # table[nil] is an error in Lua, so None goes in as python.none.
        return self._get(name)

    # Natively (`_LuaTableBase`, which also has `__setattr__`/`__delattr__` as slots): the
    # name encoded with the runtime's source encoding, a dunder name left to the Python object.
    __getattr__ = _rupa._LuaTableBase._attr_get  # type: ignore[assignment]


class _LuaFunction(_LuaObject):
    """A Lua function (which may become a coroutine)."""

    __slots__ = ()

    def _getitem(self, name: Any, is_attr_access: bool) -> Any:
        raise (AttributeError if is_attr_access else TypeError)(
            "item/attribute access not supported on functions"
        )

    def coroutine(self, *args: Any) -> _LuaThread:
        """Creates a Lua coroutine from this function; ``args`` start it."""
        thread = self._helper("cocreate", (), keep_threads=True)
        if not isinstance(thread, _LuaThread):
            raise TypeError("Lua object is not a function")
        object.__setattr__(thread, "_arguments", args)
        return thread


class _LuaCoroutineFunction(_LuaFunction):
    """A function that returns a new coroutine when called."""

    __slots__ = ()

    def __call__(self, *args: Any) -> _LuaThread:
        return self.coroutine(*args)


class _LuaThread(_LuaObject):
    """A Lua thread (coroutine), usable as a Python generator."""

    __slots__ = ("_arguments", "_closed")

    def _getitem(self, name: Any, is_attr_access: bool) -> Any:
        raise (AttributeError if is_attr_access else TypeError)(
            "item/attribute access not supported on functions"
        )

    def __iter__(self) -> _LuaThread:
        return self

    def __next__(self) -> Any:
        args = getattr(self, "_arguments", None)
        if args is not None:
            object.__setattr__(self, "_arguments", None)
        return self._resume(args)

    def send(self, value: Any) -> Any:
        """Sends a value into the coroutine (a tuple is sent as several values)."""
        arguments = getattr(self, "_arguments", None)
        if value is not None:
            if arguments is not None:
                raise TypeError("can't send non-None value to a just-started generator")
            if not isinstance(value, tuple):
                value = (value,)
        elif arguments is not None:
            value = arguments
            object.__setattr__(self, "_arguments", None)
        return self._resume(value)

    def throw(self, typ: Any, val: Any = None, tb: Any = None) -> Any:
        """Raises an exception at the coroutine's current point (not resumable in Lua: the
        coroutine is closed and the exception raised here)."""
        if isinstance(typ, BaseException):
            exc = typ
        elif val is None:
            exc = typ()
        elif isinstance(val, BaseException):
            exc = val
        else:
            exc = typ(val)
        self.close()
        if tb is not None:
            exc = exc.with_traceback(tb)
        raise exc

    def close(self) -> None:
        """Ends the coroutine; later ``next()`` raises ``StopIteration``."""
        object.__setattr__(self, "_arguments", None)
        object.__setattr__(self, "_closed", True)

    def __bool__(self) -> bool:
        if getattr(self, "_closed", False):
            return False
        return self._helper("costatus", ()) != "dead"

    def _resume(self, args: Any) -> Any:
        if getattr(self, "_closed", False):
            raise StopIteration
        if self._helper("costatus", ()) == "dead":
            raise StopIteration
        result = self._helper("coresume", tuple(args or ()), all_results=True)
        if not result[0]:
            error = result[1] if len(result) > 1 else None
            if isinstance(error, BaseException):
                raise error
            raise _error_from_value(error)
        values = result[1:]
        if not values:
            if self._helper("costatus", ()) == "dead":
                raise StopIteration
            return None
        if len(values) == 1:
            return values[0]
        return values


def _error_from_value(error: Any) -> LuaError:
    from ._errors import LuaMemoryError

    if isinstance(error, (str, bytes)):
        message = _as_text(error)
    elif isinstance(error, (int, float)) and not isinstance(error, bool):
        message = str(error)
    elif error is None:
        message = "nil"
    else:
        message = "(error object is a %s value)" % _rupa_type(error)
    if "not enough memory" in message:
        return LuaMemoryError(message)
    return LuaError(message)


def _rupa_type(value: Any) -> str:
    if isinstance(value, _LuaObject):
        return value._lua_type()
    if isinstance(value, bool):
        return "boolean"
    return "userdata"


class _LuaIter(_rupa._TableIter):
    """Iterator over a Lua table's keys, values or items (raw ``next`` order). Each step is
    one call under the runtime lock, so threads sharing an iterator share one position."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "LuaIter(%r)" % (self._obj,)
