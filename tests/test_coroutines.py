"""Coroutines as generators (_LuaThread)."""

import pytest

import rupa

GEN = "function(n) for i = 1, n do coroutine.yield(i) end return 'done' end"


def test_iterate(lua):
    assert list(lua.eval(GEN).coroutine(3)) == [1, 2, 3, "done"]


def test_coroutine_function(impl, lua):
    co = lua.eval("coroutine.create(%s)" % GEN)
    assert impl.lua_type(co) == "function"
    assert list(co(2)) == [1, 2, "done"]


def test_send(lua):
    f = lua.eval("function() local s = 0 while true do s = s + coroutine.yield(s) end end")
    gen = f.coroutine()
    assert gen.send(None) == 0
    assert gen.send(5) == 5
    assert gen.send(2) == 7


def test_send_to_new_generator_fails(lua):
    gen = lua.eval(GEN).coroutine(2)
    with pytest.raises(TypeError):
        gen.send(1)


def test_bool_and_exhaustion(lua):
    gen = lua.eval(GEN).coroutine(1)
    assert bool(gen)
    assert list(gen) == [1, "done"]
    assert not gen
    with pytest.raises(StopIteration):
        next(gen)


def test_error_in_coroutine(impl, lua):
    gen = lua.eval("function() coroutine.yield(1) error('oops') end").coroutine()
    assert next(gen) == 1
    with pytest.raises(impl.LuaError, match="oops"):
        next(gen)


def test_throw_and_close():
    lua = rupa.LuaRuntime()
    gen = lua.eval(GEN).coroutine(5)
    assert next(gen) == 1
    with pytest.raises(KeyError):
        gen.throw(KeyError("k"))
    with pytest.raises(StopIteration):
        next(gen)
    gen = lua.eval(GEN).coroutine(5)
    next(gen)
    gen.close()
    assert not gen
