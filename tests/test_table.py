"""_LuaTable: item and attribute access (raw and through metamethods), iteration, length."""

import pytest

import rupa


def test_get_set_plain(lua):
    t = lua.table()
    t["a"] = 1
    t.b = 2
    t[1] = "x"
    assert (t["a"], t.b, t[1], t["missing"]) == (1, 2, "x", None)
    del t["a"]
    del t.b
    assert t.a is None and t["b"] is None


def test_metamethods_are_honoured(lua):
    t = lua.eval(
        "setmetatable({}, {__index = function(t, k) return k .. '!' end,"
        " __newindex = function(t, k, v) rawset(t, k, v * 2) end})"
    )
    assert t.hello == "hello!"
    t.x = 5
    assert t.x == 10


def test_nan_key():
    # lupa aborts the process here (lua_settable outside a protected call); rupa raises.
    t = rupa.LuaRuntime().table()
    with pytest.raises(rupa.LuaError, match="NaN"):
        t[float("nan")] = 1


def test_iteration(lua):
    t = lua.eval("{10, 20, 30, x = 'y'}")
    assert list(t) == [1, 2, 3, "x"]
    assert list(t.values()) == [10, 20, 30, "y"]
    assert dict(t.items()) == {1: 10, 2: 20, 3: 30, "x": "y"}
    assert len(t) == 3


def test_iteration_of_modified_values(lua):
    t = lua.eval("{1, 2, 3}")
    for k in t:
        t[k] = None
    assert list(t) == []


def test_functions_have_no_items(lua):
    f = lua.eval("print")
    with pytest.raises(TypeError):
        f["x"]
    with pytest.raises(AttributeError):
        f.x
    with pytest.raises(TypeError):
        iter(f)


def test_repr_and_str(lua):
    t = lua.eval("{}")
    assert repr(t).startswith("<Lua table at 0x")
    assert str(lua.eval("setmetatable({}, {__tostring = function() return 'T!' end})")) == "T!"
