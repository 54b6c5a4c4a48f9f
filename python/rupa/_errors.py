"""The exceptions rupa raises, defined in Python so ``LuaMemoryError`` can have two bases."""


class LuaError(Exception):
    """Base class for errors in the Lua runtime."""


class LuaSyntaxError(LuaError):
    """Syntax error in Lua code."""


class LuaMemoryError(LuaError, MemoryError):
    """Memory error in Lua code."""
