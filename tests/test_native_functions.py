"""Lua's native functions (light natives in rupa, light C functions in lupa) seen from
Python: wrappers call them, they keep their identity through Python, and they work as table
keys and as coroutine bodies. Every expectation is checked against lupa by the ``impl``
fixture."""


def test_wrapped_natives_call(lua):
    assert lua.eval("string.format")("%d-%s", 3, "x") == "3-x"
    assert lua.globals().math.floor(2.5) == 2
    assert lua.globals().type(lua.table()) == "table"
    assert lua.eval("select")("#", 1, 2, 3) == 3


def test_natives_keep_their_identity_through_python(lua):
    same = lua.eval("function(a, b) return rawequal(a, b) end")
    g = lua.globals()
    assert same(lua.eval("print"), g.print) is True
    assert same(g.print, g.type) is False
    assert lua.eval("function(f) return f == next end")(lua.eval("(pairs({}))")) is True


def test_natives_as_table_keys_from_python(lua):
    t = lua.table()
    t[lua.eval("print")] = "print"
    t[lua.globals().type] = "type"
    assert t[lua.globals().print] == "print"
    assert t[lua.eval("type")] == "type"
    assert t[lua.eval("tostring")] is None
    assert len(list(t.keys())) == 2


def test_native_as_a_coroutine_body(lua):
    assert lua.eval("coroutine.resume(coroutine.create(select), '#', 1, 2)") == (True, 2)
    wrapped = lua.eval("coroutine.wrap(tostring)")
    assert wrapped(12) == "12"


def test_native_errors_name_the_native(impl, lua):
    insert = lua.globals().table.insert
    try:
        insert(1, 2)
    except impl.LuaError as e:
        assert str(e).startswith(
            "bad argument #1 to 'table.insert' (table expected, got number)"
        )
    else:
        raise AssertionError("table.insert(1, 2) did not fail")
