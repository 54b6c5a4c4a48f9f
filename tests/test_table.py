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


def test_many_distinct_string_keys(lua):
    # Short Python strings map to cached Lua strings: slots shared by different strings must
    # never hand back the wrong one.
    t = lua.table()
    keys = ["k%d" % i for i in range(3000)] + [b"b%d" % i for i in range(500)]
    for i, k in enumerate(keys):
        t[k] = i
    assert [t[k] for k in keys] == list(range(len(keys)))
    long_key = "x" * 500
    t[long_key] = "long"
    assert t[long_key] == "long"
    assert lua.eval("function(t) return t.k17, t.b3 end")(t) == (17, 3000 + 3)


def test_attribute_names_use_source_encoding(impl):
    lua = impl.LuaRuntime(source_encoding="latin-1")
    t = lua.eval("{['\\xe9t\\xe9'] = 1}")
    assert getattr(t, "été") == 1
    setattr(t, "ça", 2)
    assert lua.eval("function(t) return t['\\xe7a'] end")(t) == 2


def test_item_assignment_only_on_tables(lua):
    f = lua.eval("function() end")
    with pytest.raises(TypeError):
        f["x"] = 1
    with pytest.raises(TypeError):
        del f["x"]
    assert not hasattr(f.coroutine(), "__setitem__")


def test_attribute_access_on_tables(impl, lua):
    t = lua.table(a=1)
    assert t.a == 1 and t.missing is None
    t.b = "x"
    assert t["b"] == "x"
    del t.a
    assert t["a"] is None
    assert t.__class__.__name__ == "_LuaTable"
    with pytest.raises(AttributeError):
        t.__nothing__
    # Dunder names go to `object.__setattr__`, which refuses them here (as in lupa).
    with pytest.raises(TypeError, match="can't apply this __setattr__"):
        t.__nothing__ = 1
    with pytest.raises(TypeError, match="can't apply this __delattr__"):
        del t.__nothing__
    mt = lua.eval("setmetatable({}, {__index = function(t, k) return k .. '?' end})")
    assert mt.hello == "hello?"


def test_tables_built_from_python_are_collected(impl):
    # No Lua code runs in this loop: the collector must still step as the tables are made
    # (about 160 MB in all, under a 40 MB cap).
    lua = impl.LuaRuntime(max_memory=40 * 2**20)
    data = list(range(100_000))
    for _ in range(100):
        lua.table_from(data)
    assert lua.get_memory_used() < 40 * 2**20


def test_values_set_from_python_are_collected(impl):
    # Each assignment makes a new 50 KB string and drops the last one; no Lua code runs, so
    # the entries themselves must pay the collector (about 100 MB in all, under a 40 MB cap).
    lua = impl.LuaRuntime(max_memory=40 * 2**20)
    t = lua.table()
    chunk = "x" * 50_000
    for i in range(2000):
        t[1] = chunk + str(i)
    assert t[1] == chunk + "1999"
    assert lua.get_memory_used() < 40 * 2**20
