"""``LuaRuntime``: lupa's runtime class on the rupa VM, with lupa's argument checks."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from functools import wraps
from typing import Any, Callable, Optional

from . import _rupa
from ._bridge import Bridge, unpack_table
from ._errors import LuaError, LuaMemoryError, LuaSyntaxError
from ._wrappers import _LuaObject, _LuaTable

_DEFAULT_NAME = "<python>"


def _ascii_or_none(s: Any) -> Optional[str]:
    if s is None:
        return None
    if isinstance(s, str):
        return s.encode("ascii").decode("ascii")
    if isinstance(s, bytearray):
        s = bytes(s)
    elif not isinstance(s, bytes):
        raise ValueError("expected string, got %s" % type(s))
    if any(c & 0x80 for c in s):
        raise ValueError("byte string input has unknown encoding, only ASCII is allowed")
    return s.decode("ascii")


class _LuaNoGC:
    """A context manager that stops the Lua garbage collector while it is active."""

    def __init__(self, runtime: LuaRuntime) -> None:
        self._runtime = runtime
        self._was_stopped = False

    def __enter__(self) -> None:
        self._was_stopped = self._runtime._rt.gc_stop(True)

    def __exit__(self, *exc: Any) -> None:
        self._runtime._rt.gc_stop(self._was_stopped)


class LuaRuntime:
    """The main entry point to the Lua runtime.

    Keyword arguments as lupa 2.8: ``encoding``, ``source_encoding``, ``attribute_filter``,
    ``attribute_handlers``, ``register_eval``, ``unpack_returned_tuples``,
    ``register_builtins``, ``overflow_handler``, ``max_memory``.

    Example usage::

      >>> from rupa import LuaRuntime
      >>> lua = LuaRuntime()

      >>> lua.eval('1+1')
      2

      >>> lua_func = lua.eval('function(f, n) return f(n) end')

      >>> def py_add1(n): return n+1
      >>> lua_func(py_add1, 2)
      3
    """

    def __init__(
        self,
        encoding: Any = "UTF-8",
        source_encoding: Any = None,
        attribute_filter: Optional[Callable] = None,
        attribute_handlers: Any = None,
        register_eval: bool = True,
        unpack_returned_tuples: bool = False,
        register_builtins: bool = True,
        overflow_handler: Optional[Callable] = None,
        max_memory: Optional[int] = None,
        string_hash_seed: Optional[int] = None,
    ) -> None:
        self._encoding = _ascii_or_none(encoding)
        self._source_encoding = _ascii_or_none(source_encoding) or self._encoding or "UTF-8"
        if attribute_filter is not None and not callable(attribute_filter):
            raise ValueError("attribute_filter must be callable")
        getter = setter = None
        if attribute_handlers:
            bad = False
            try:
                getter, setter = attribute_handlers
            except (ValueError, TypeError):
                bad = True
            else:
                if (getter is not None and not callable(getter)) or (
                    setter is not None and not callable(setter)
                ):
                    bad = True
            if bad:
                raise ValueError("attribute_handlers must be a sequence of two callables")
            if attribute_filter and (getter is not None or setter is not None):
                raise ValueError("attribute_filter and attribute_handlers are mutually exclusive")
        if max_memory is not None:
            max_memory = int(max_memory)
            if max_memory < 0:
                raise OverflowError("can't convert negative value to size_t")
        self._bridge = Bridge(
            self._encoding,
            self._source_encoding,
            attribute_filter,
            getter,
            setter,
            bool(unpack_returned_tuples),
        )
        extras = [("none", _rupa._wrap(None, 0))]
        if register_eval:
            extras.append(("eval", _rupa._wrap(builtins.eval, 0)))
        if register_builtins:
            extras.append(("builtins", _rupa._wrap(builtins, 0)))
        self._rt = _rupa.Runtime(
            self._bridge,
            self._encoding,
            self._source_encoding,
            bool(unpack_returned_tuples),
            extras,
            attribute_filter is None and getter is None and setter is None,
        )
        if overflow_handler is not None:
            self.set_overflow_handler(overflow_handler)
        # None: no limit can ever be set; 0: no limit now.
        self._max_memory: Optional[int] = max_memory
        self._base_usage = 0
        if max_memory is not None:
            # Garbage from initialisation would otherwise count as base usage.
            self._rt.gc_collect()
            self._base_usage = self._rt.memory_used()
        self._apply_memory_limit(max_memory or 0, total=False)

    # -- memory ---------------------------------------------------------------------------

    def _apply_memory_limit(self, max_memory: int, total: bool) -> None:
        if self._max_memory is None:
            return
        if max_memory == 0:
            self._limit = 0
            self._rt.set_memory_limit(None)
        else:
            self._limit = max_memory if total else self._base_usage + max_memory
            self._rt.set_memory_limit(self._limit)

    def get_max_memory(self, total: bool = False) -> Optional[int]:
        """Maximum memory allowed to be used by this LuaRuntime: 0 means no limit, None that
        no limit was asked for at creation (``set_max_memory()`` cannot be used)."""
        if self._max_memory is None:
            return None
        if self._limit == 0:
            return 0
        if total:
            return self._limit
        return self._limit - self._base_usage

    def get_memory_used(self, total: bool = False) -> Optional[int]:
        """Memory currently in use (None without ``max_memory``)."""
        if self._max_memory is None:
            return None
        used = self._rt.memory_used()
        if total:
            return used
        return max(0, used - self._base_usage)

    def set_max_memory(self, max_memory: int, total: bool = False) -> None:
        """Sets the maximum memory for this LuaRuntime (0: no limit). Needs ``max_memory`` at
        creation."""
        max_memory = int(max_memory)
        if max_memory < 0:
            raise OverflowError("can't convert negative value to size_t")
        if self._max_memory is None:
            raise RuntimeError("max_memory must be set on LuaRuntime creation")
        self._apply_memory_limit(max_memory, total)

    # -- versions -------------------------------------------------------------------------

    @property
    def lua_version(self) -> tuple:
        """The Lua language version as a tuple, ``(5, 4)``."""
        return (5, 4)

    @property
    def lua_implementation(self) -> str:
        """The Lua implementation version string, ``"Lua 5.4"``."""
        return self.eval(
            "(function () "
            "    if type(jit) == 'table' then return jit.version else return _VERSION end "
            "end)()"
        )

    # -- running code ---------------------------------------------------------------------

    def _source_encode(self, string: Any) -> bytes:
        if isinstance(string, str):
            return string.encode(self._source_encoding)
        if isinstance(string, bytes):
            return string
        if isinstance(string, bytearray):
            return bytes(string)
        raise TypeError(f"Expected string, got {type(string)}")

    def _chunk_name(self, name: Any) -> str:
        if name is None:
            return _DEFAULT_NAME
        return self._source_encode(name).decode("UTF-8", "replace")

    def _check_mode(self, code: bytes, mode: Any) -> None:
        mode_s = _ascii_or_none(mode)
        if mode_s is not None:
            is_binary = code[:1] == b"\x1b"
            if is_binary and "b" not in mode_s:
                raise LuaSyntaxError(
                    "attempt to load a binary chunk (mode is '%s')" % mode_s
                )
            if not is_binary and "t" not in mode_s:
                raise LuaSyntaxError("attempt to load a text chunk (mode is '%s')" % mode_s)

    def _load(self, code: bytes, name: Any, mode: Any) -> Any:
        chunk_name = self._chunk_name(name)
        self._check_mode(code, mode)
        return self._rt.load(code, chunk_name)

    def eval(self, lua_code: Any, *args: Any, name: Any = None, mode: Any = None) -> Any:
        """Evaluates a Lua expression passed in a string."""
        if type(lua_code) is str and name is None and mode is None:
            code = b"return " + lua_code.encode(self._source_encoding)
            return self._rt.run(code, _DEFAULT_NAME, args)
        return self._run(b"return " + self._source_encode(lua_code), name, mode, args)

    def execute(self, lua_code: Any, *args: Any, name: Any = None, mode: Any = None) -> Any:
        """Executes a Lua program passed in a string."""
        return self._run(self._source_encode(lua_code), name, mode, args)

    def _run(self, code: bytes, name: Any, mode: Any, args: tuple) -> Any:
        if mode is not None:
            try:
                self._check_mode(code, mode)
            except LuaSyntaxError as e:
                raise LuaSyntaxError("error loading code: " + str(e)) from None
        return self._rt.run(code, self._chunk_name(name), args)

    def compile(self, lua_code: Any, name: Any = None, mode: Any = None) -> Any:
        """Compiles a Lua program into a callable Lua function."""
        return self._load(self._source_encode(lua_code), name, mode)

    def require(self, modulename: Any) -> Any:
        """Loads a Lua library into the runtime."""
        if not isinstance(modulename, (bytes, str)):
            raise TypeError("modulename must be a string")
        require = self._rt.globals()[b"require"]
        if require is None:
            raise LuaError("require is not defined")
        return self._rt.call(require, (modulename,))

    def globals(self) -> _LuaTable:
        """The globals of this runtime, as a Lua table."""
        return self._rt.globals()

    def table(self, *items: Any, **kwargs: Any) -> _LuaTable:
        """A new table: positional arguments in order, keyword arguments as key-value pairs."""
        return self.table_from(items, kwargs)

    def table_from(self, *args: Any, recursive: bool = False) -> _LuaTable:
        """A new table from Python mappings and iterables (nested ones are converted too
        with ``recursive=True``, the same object always to the same table)."""
        return self._table_from(args, {} if recursive else None)

    def _table_from(
        self, args: tuple, mapped: Optional[dict], target: Optional[_LuaTable] = None
    ) -> _LuaTable:
        if mapped is not None:
            if target is None:
                target = self._rt.table([], [])
            for obj in args:
                # Every argument becomes this table (lupa's rule), kept with the object so its
                # id cannot be reused while converting.
                mapped.setdefault(id(obj), (target, obj))
        items: list = []
        pairs: list = []
        if mapped is None:
            if len(args) == 1 and type(args[0]) in (list, tuple):
                return self._rt.table(args[0], [], target)
            for obj in args:
                if isinstance(obj, dict):
                    pairs.extend(obj.items())
                elif isinstance(obj, _LuaTable):
                    pairs.extend(obj.items())
                elif isinstance(obj, Mapping):
                    pairs.extend((key, obj[key]) for key in obj)
                else:
                    items.extend(obj)
            return self._rt.table(items, pairs, target)
        conv = self._converter(mapped)
        for obj in args:
            if isinstance(obj, dict):
                for key, value in obj.items():
                    pairs.append((conv(key), conv(value)))
            elif isinstance(obj, _LuaTable):
                for key, value in obj.items():
                    pairs.append((key, value))
            elif isinstance(obj, Mapping):
                for key in obj:
                    pairs.append((conv(key), conv(obj[key])))
            else:
                for value in obj:
                    items.append(conv(value))
        return self._rt.table(items, pairs, target)

    def _converter(self, mapped: Optional[dict]) -> Callable[[Any], Any]:
        if mapped is None:
            return lambda v: v

        def conv(value: Any) -> Any:
            if isinstance(value, (str, bytes, bytearray, _LuaObject)) or not isinstance(
                value, (list, dict, Sequence, Mapping)
            ):
                return value
            known = mapped.get(id(value))
            if known is not None:
                return known[0]
            return self._table_from((value,), mapped)

        return conv

    # -- garbage collection -----------------------------------------------------------------

    def nogc(self) -> _LuaNoGC:
        """A context manager that stops the Lua garbage collector while it is active."""
        return _LuaNoGC(self)

    def gccollect(self) -> None:
        """Runs a full pass of the Lua garbage collector."""
        self._rt.gc_collect()

    def set_overflow_handler(self, overflow_handler: Optional[Callable]) -> None:
        """Sets the function called for Python integers too large for Lua."""
        if overflow_handler is not None and not callable(overflow_handler):
            raise ValueError("overflow_handler must be callable")
        self._rt.set_overflow_handler(overflow_handler)


def lua_type(obj: Any) -> Optional[str]:
    """The Lua type name of a wrapped Lua object, or None for other objects."""
    if isinstance(obj, _LuaObject):
        return obj._lua_type()
    return None


def as_attrgetter(obj: Any) -> Any:
    """Marks ``obj`` for attribute access (``obj.name``) from Lua."""
    return _rupa._wrap(obj, 0)


def as_itemgetter(obj: Any) -> Any:
    """Marks ``obj`` for item access (``obj[key]``) from Lua."""
    return _rupa._wrap(obj, 1)


def _fix_args_kwargs(args: tuple) -> tuple:
    if len(args) != 1:
        return args, {}
    arg = args[0]
    if not isinstance(arg, _LuaTable):
        return args, {}
    return unpack_table(arg, "UTF-8")


def unpacks_lua_table(func: Callable) -> Callable:
    """Makes ``func`` receive keyword arguments when Lua calls it with one table:
    ``func(foo, bar)``, ``func{foo=foo, bar=bar}`` and ``func{foo, bar=bar}`` all work."""

    @wraps(func)
    def wrapper(*args: Any) -> Any:
        args, kwargs = _fix_args_kwargs(args)
        return func(*args, **kwargs)

    return wrapper


def unpacks_lua_table_method(meth: Callable) -> Callable:
    """:func:`unpacks_lua_table` for methods (it knows about ``self``)."""

    @wraps(meth)
    def wrapper(self: Any, *args: Any) -> Any:
        args, kwargs = _fix_args_kwargs(args)
        return meth(self, *args, **kwargs)

    return wrapper
