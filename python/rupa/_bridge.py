"""What Python objects do when Lua uses them: the callbacks behind their metatable
(``__index``, ``__newindex``, ``__call``, ``__tostring``) and behind the ``python`` table's
iterators and ``python.args``. The native side calls these with the object and its protocol
flags; each returns the tuple of values Lua gets back.
"""

from __future__ import annotations

import types
from typing import Any, Callable, Optional

from . import _rupa

AS_INDEX = 1
UNPACK_TUPLE = 2
ENUMERATOR = 4

_NONE = _rupa._wrap(None, 0)


class _PyArguments:
    """Positional and keyword arguments built in Lua by ``python.args{...}``."""

    __slots__ = ("args", "kwargs")

    def __init__(self, args: tuple, kwargs: dict) -> None:
        self.args = args
        self.kwargs = kwargs


def unpack_table(table: Any, source_encoding: str) -> tuple:
    """A Lua table as ``(args, kwargs)``: keys 1..#t are positional, string keys named."""
    length = len(table)
    args: list = [None] * length
    kwargs: dict = {}
    for key, value in table.items():
        if isinstance(key, int) and not isinstance(key, bool):
            if key < 1 or key > length:
                raise IndexError("table index out of range")
            args[key - 1] = value
        elif isinstance(key, bytes):
            kwargs[key.decode(source_encoding)] = value
        elif isinstance(key, str):
            kwargs[key] = value
        else:
            raise TypeError("table key is neither an integer nor a string")
    return tuple(args), kwargs


class Bridge:
    """The callbacks of one runtime, with its settings."""

    def __init__(
        self,
        encoding: Optional[str],
        source_encoding: str,
        attribute_filter: Optional[Callable],
        getter: Optional[Callable],
        setter: Optional[Callable],
        unpack_returned_tuples: bool,
    ) -> None:
        self.encoding = encoding
        self.source_encoding = source_encoding
        self.attribute_filter = attribute_filter
        self.getter = getter
        self.setter = setter
        self.unpack_returned_tuples = unpack_returned_tuples

    def index(self, obj: Any, flags: int, key: Any = None) -> tuple:
        if flags & AS_INDEX and self.getter is None:
            return (obj[key],)
        if self.getter is not None:
            return (self.getter(obj, key),)
        if self.attribute_filter is not None:
            key = self.attribute_filter(obj, key, False)
        if isinstance(key, bytes):
            key = key.decode(self.source_encoding)
        return (getattr(obj, key),)

    def newindex(self, obj: Any, flags: int, key: Any = None, value: Any = None) -> tuple:
        if flags & AS_INDEX and self.setter is None:
            obj[key] = value
            return ()
        if self.setter is not None:
            self.setter(obj, key, value)
            return ()
        if self.attribute_filter is not None:
            key = self.attribute_filter(obj, key, True)
        if isinstance(key, bytes):
            key = key.decode(self.source_encoding)
        setattr(obj, key, value)
        return ()

    def call(self, f: Any, flags: int, *args: Any) -> tuple:
        if not args:
            result = f()
        else:
            for a in args:
                if type(a) is _PyArguments:
                    return self._call_with_arguments(f, args)
            if type(f) is types.MethodType and f.__self__ is args[0]:
                # Lua's obj:m(a) passes obj again; the bound method adds it already.
                f = f.__func__
            result = f(*args)
        if self.unpack_returned_tuples and isinstance(result, tuple):
            return result
        return (result,)

    def _call_with_arguments(self, f: Any, args: tuple) -> tuple:
        kwargs: dict = {}
        plain: tuple = ()
        for a in args:
            if type(a) is _PyArguments:
                plain += a.args
                kwargs = dict(**kwargs, **a.kwargs)
            else:
                plain += (a,)
        if plain and type(f) is types.MethodType and f.__self__ is plain[0]:
            f = f.__func__
        result = f(*plain, **kwargs)
        if self.unpack_returned_tuples and isinstance(result, tuple):
            return result
        return (result,)

    def tostring(self, obj: Any, flags: int) -> tuple:
        s = str(obj)
        if isinstance(s, str):
            return (s.encode(self.encoding or "UTF-8"),)
        return (s,)

    def make_iter(self, obj: Any, flags: int, mode: int = 0) -> tuple:
        it = iter(obj)
        if self.unpack_returned_tuples:
            mode |= UNPACK_TUPLE
        return (_rupa._wrap(it, mode),)

    def iter_next(self, it: Any, flags: int, control: Any = None) -> tuple:
        try:
            obj = next(it)
        except StopIteration:
            return (None,)
        # A None first value would end Lua's for loop: it goes in as python.none.
        allow_nil = False
        out: tuple = ()
        if flags & ENUMERATOR:
            out = ((control or 0) + 1,)
            allow_nil = True
        if flags & UNPACK_TUPLE and isinstance(obj, tuple):
            values = obj
        else:
            values = (obj,)
        if values and values[0] is None and not allow_nil:
            values = (_NONE,) + values[1:]
        return out + values

    def args(self, table: Any = None) -> tuple:
        from ._wrappers import _LuaTable

        if not isinstance(table, _LuaTable):
            raise TypeError("python.args() expects a table")
        args, kwargs = unpack_table(table, self.source_encoding)
        return (_PyArguments(args, kwargs),)
