"""Python <-> Lua conversions (docs/conversion.md)."""

import pytest

import rupa


@pytest.mark.parametrize(
    "value", [0, -1, 2**63 - 1, -(2**63), 1.5, float("inf"), "text", "ünï", True, False, None]
)
def test_round_trip(lua, value):
    assert lua.eval("function(x) return x end")(value) == value


def test_types_seen_by_lua(lua):
    f = lua.eval("function(x) return math.type(x) or type(x) end")
    assert f(1) == "integer"
    assert f(1.0) == "float"
    assert f("s") == "string"
    assert f(b"s") == "string"
    assert f(None) == "nil"
    assert f(True) == "boolean"
    assert f([1]) == "userdata"


def test_bytes_and_encoding(impl):
    lua = impl.LuaRuntime(encoding=None)
    assert lua.eval("'abc'") == b"abc"
    assert lua.eval("function(x) return x end")(b"\xff") == b"\xff"
    lua = impl.LuaRuntime(encoding="latin-1")
    assert lua.eval("'\\xe9'") == "\xe9"


def test_invalid_utf8_raises(lua):
    with pytest.raises(UnicodeDecodeError):
        lua.eval("'\\xff'")


def test_integer_overflow(impl, lua):
    f = lua.eval("function(x) return x end")
    with pytest.raises(OverflowError):
        f(2**64)
    lua.set_overflow_handler(float)
    assert f(2**64) == float(2**64)


def test_overflow_handler_in_lua(lua):
    lua.execute("python.set_overflow_handler(function(o) return 'big' end)")
    assert lua.eval("function(x) return x end")(2**70) == "big"


def test_same_object_same_userdata(lua):
    same = lua.eval("function(a, b) return rawequal(a, b) end")
    o = object()
    assert same(o, o) is True
    assert same(o, object()) is False


def test_identity_cache_never_returns_another_object():
    # Objects die and their addresses are reused; each must still come back as itself.
    lua = rupa.LuaRuntime()
    keep = lua.eval("function(x) last = x return x end")
    for i in range(2000):
        o = [i]
        assert keep(o) is o
        del o
        if i % 100 == 0:
            lua.gccollect()


def test_python_objects_come_back_unchanged(lua):
    o = {"a": 1}
    assert lua.eval("function(x) return x end")(o) is o


def test_tuple_results(impl):
    lua = impl.LuaRuntime(unpack_returned_tuples=True)
    assert lua.eval("function(f) return select('#', f()) end")(lambda: (1, 2, 3)) == 3
    lua = impl.LuaRuntime()
    assert lua.eval("function(f) return select('#', f()) end")(lambda: (1, 2, 3)) == 1


def test_none_in_tables(lua):
    t = lua.table()
    t[None] = 1
    assert t[None] == 1
    assert lua.eval("function(t) return t[python.none] end")(t) == 1
