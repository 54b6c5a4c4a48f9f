"""LuaRuntime: running code, globals, tables, errors, memory, collection."""

import pytest

import rupa


def test_eval_and_execute(lua):
    assert lua.eval("1+1") == 2
    assert lua.eval("...", 1, "a") == (1, "a")
    assert lua.execute("x = 5") is None
    assert lua.execute("return 1, 2") == (1, 2)
    assert lua.eval("x") == 5
    assert lua.globals().x == 5


def test_eval_results(lua):
    assert lua.eval("nil") is None
    assert lua.eval("1.5") == 1.5
    assert isinstance(lua.eval("3"), int)
    assert lua.eval("true") is True
    assert lua.eval("'abc'") == "abc"


def test_table_and_table_from(lua):
    t = lua.table(1, 2, a=3)
    assert list(t.items()) == [(1, 1), (2, 2), ("a", 3)]
    t = lua.table_from([1, 2], {"b": 4})
    assert t[1] == 1 and t[2] == 2 and t.b == 4
    assert len(t) == 2


def test_table_from_sequences_and_iterables(lua):
    # Lists are read from a copy, tuples and other iterables as they come: same values (as
    # lupa gives them; `None` leaves a hole).
    assert list(lua.table_from((x * 2 for x in [5, 6])).items()) == [(1, 10), (2, 12)]
    assert list(lua.table_from(range(3)).items()) == [(1, 0), (2, 1), (3, 2)]
    items = list(lua.table_from((1, "a", None, 2.5, [7])).items())
    assert items[:3] == [(1, 1), (2, "a"), (4, 2.5)] and items[3][1] == [7]
    assert list(lua.table_from([True, b"x", 3]).items()) == [(1, True), (2, "x"), (3, 3)]


def test_table_from_reads_the_list_as_it_was():
    # docs/differences.md: lupa also reads what Python code run by the conversion appended.
    lua = rupa.LuaRuntime()
    data: list = []

    class Grows:
        def __getattr__(self, name):
            if name == "__getitem__" and len(data) < 3:
                data.append(len(data))
            raise AttributeError(name)

    data.append(Grows())
    t = lua.table_from(data)
    assert len(t) == 1 and data[1:] == [1]


def test_table_from_recursive(lua):
    t = lua.table_from({"a": [1, 2, {"c": 3}]}, recursive=True)
    assert t.a[3].c == 3
    assert lua.eval("function(t) return #t.a end")(t) == 3


def test_table_from_recursive_shared_object():
    # lupa#297: a second reference to the same list became the wrong table in lupa.
    lua = rupa.LuaRuntime()
    shared = [1, 2]
    t = lua.table_from({"x": shared, "y": shared, "z": [9]}, recursive=True)
    assert list(t.x.values()) == [1, 2]
    assert list(t.z.values()) == [9]
    assert lua.eval("function(t) return rawequal(t.x, t.y) end")(t) is True


def test_table_from_recursive_cycle():
    lua = rupa.LuaRuntime()
    a = [1]
    a.append(a)
    t = lua.table_from(a, recursive=True)
    assert lua.eval("function(t) return rawequal(t, t[2]) end")(t) is True


def test_lua_error_message(impl, lua):
    with pytest.raises(impl.LuaError) as e:
        lua.execute("error('boom')")
    assert str(e.value).startswith('[string "<python>"]:1: boom')


def test_error_name(impl, lua):
    with pytest.raises(impl.LuaError) as e:
        lua.execute("error('boom')", name="mine")
    assert str(e.value).startswith('[string "mine"]:1: boom')


def test_syntax_error(impl, lua):
    with pytest.raises(impl.LuaSyntaxError) as e:
        lua.execute("x = ")
    assert str(e.value) == "error loading code: [string \"<python>\"]:1: unexpected symbol near <eof>"
    with pytest.raises(impl.LuaSyntaxError) as e:
        lua.compile("x = ")
    assert str(e.value) == "[string \"<python>\"]:1: unexpected symbol near <eof>"


def test_error_values_of_other_types(impl, lua):
    with pytest.raises(impl.LuaError) as e:
        lua.execute("error(12)")
    assert str(e.value).startswith("12")


def test_error_table_value_is_described():
    # lupa gives an empty message here; rupa describes the value as lua5.4 does.
    with pytest.raises(rupa.LuaError) as e:
        rupa.LuaRuntime().execute("error({})")
    assert str(e.value).startswith("(error object is a table value)")


def test_compile(lua):
    f = lua.compile("return ... + 1")
    assert f(41) == 42


def test_require(impl, lua):
    assert lua.require("string").upper("x") == "X"
    with pytest.raises(TypeError):
        lua.require(1)
    lua.execute("require = nil")
    with pytest.raises(impl.LuaError, match="require is not defined"):
        lua.require("string")


def test_python_module_via_require(lua):
    assert lua.eval("require('python') == python") is True


def test_versions(lua):
    assert lua.lua_version == (5, 4)
    assert lua.lua_implementation == "Lua 5.4"


def test_constructor_validation(impl):
    with pytest.raises(ValueError):
        impl.LuaRuntime(attribute_filter=1)
    with pytest.raises(ValueError):
        impl.LuaRuntime(attribute_handlers=(1, 2))
    with pytest.raises(ValueError):
        impl.LuaRuntime(attribute_filter=lambda *a: a, attribute_handlers=(lambda *a: 1, None))
    with pytest.raises(ValueError):
        impl.LuaRuntime(overflow_handler=1)


def test_nogc_and_gccollect(lua):
    with lua.nogc():
        lua.execute("t = {} for i = 1, 100 do t[i] = {} end")
    lua.gccollect()
    assert lua.eval("#t") == 100


def test_memory_limit_error_and_recovery(impl):
    lua = impl.LuaRuntime(max_memory=50000)
    with pytest.raises(impl.LuaMemoryError):
        lua.execute("x = ('a'):rep(100000)")
    assert issubclass(impl.LuaMemoryError, MemoryError)
    assert lua.eval("1+1") == 2


def test_memory_limit_in_a_table_loop(impl):
    lua = impl.LuaRuntime(max_memory=100000)
    with pytest.raises(impl.LuaMemoryError):
        lua.execute("local t = {} for i = 1, 1e7 do t[i] = {i} end")
    lua.gccollect()
    assert lua.eval("'still' .. ' usable'") == "still usable"


def test_memory_getters(impl):
    lua = impl.LuaRuntime(max_memory=10000)
    assert lua.get_max_memory() == 10000
    assert lua.get_max_memory(total=True) > 10000
    assert impl.LuaRuntime().get_max_memory() is None
    assert impl.LuaRuntime().get_memory_used() is None
    with pytest.raises(RuntimeError):
        impl.LuaRuntime().set_max_memory(100)


def test_max_memory_zero_means_no_limit():
    # lupa returns a wrapped-around size here; rupa answers 0 (docs/differences.md).
    lua = rupa.LuaRuntime(max_memory=0)
    assert lua.get_max_memory() == 0
    lua.execute("x = ('a'):rep(100000)")


def test_lua_type(impl, lua):
    assert impl.lua_type(lua.eval("{}")) == "table"
    assert impl.lua_type(lua.eval("print")) == "function"
    assert impl.lua_type(lua.eval("coroutine.create(print)")) == "function"
    assert impl.lua_type(lua.eval("(coroutine.running())")) == "thread"
    assert impl.lua_type(1) is None
    assert impl.lua_type(object()) is None


def test_mixing_runtimes(impl):
    a, b = impl.LuaRuntime(), impl.LuaRuntime()
    t = a.eval("{}")
    with pytest.raises(impl.LuaError, match="cannot mix objects from different Lua runtimes"):
        b.eval("function(x) return x end")(t)


def test_wrapper_outlives_runtime(lua):
    t = lua.eval("{1, 2}")
    del lua
    assert t[2] == 2


def test_mode(impl, lua):
    with pytest.raises(impl.LuaSyntaxError, match="attempt to load a text chunk"):
        lua.execute("x = 1", mode="b")
    lua.execute("x = 1", mode="t")


def test_repeated_eval_gives_fresh_closures(lua):
    # Compiled chunks are reused; every evaluation must still make its own closures.
    src = "(function() local n = 0 return function() n = n + 1 return n end end)()"
    a, b = lua.eval(src), lua.eval(src)
    assert (a(), a(), b()) == (1, 2, 1)
    assert lua.eval("...", 5) == 5 and lua.eval("...", 6) == 6


def test_repeated_eval_keeps_chunk_names_and_errors(impl, lua):
    for _ in range(2):
        with pytest.raises(impl.LuaError, match=r'\[string "one"\]:1: boom'):
            lua.execute("error('boom')", name="one")
        with pytest.raises(impl.LuaError, match=r'\[string "two"\]:1: boom'):
            lua.execute("error('boom')", name="two")
        with pytest.raises(impl.LuaSyntaxError, match="^error loading code: "):
            lua.eval("1 +")
    # The same snippet in another runtime is independent of the first.
    other = impl.LuaRuntime()
    lua.execute("x = 1")
    assert other.eval("x") is None and lua.eval("x") == 1
