"""Python called from Lua (the host functions of `host.rs`): arguments and results in every
shape, errors, the overflow handler on results, nesting, and the identity of objects."""

import pytest


def test_callback_arguments_and_results(lua):
    seen = []

    def f(*args):
        seen.append(args)
        return args[-1] if args else None

    g = lua.eval("function(f) return f(), f(1), f(1, 'two', 3.5, true, nil), f(nil) end")
    assert g(f) == (None, 1, None, None)
    assert seen == [(), (1,), (1, "two", 3.5, True, None), (None,)]


def test_callback_returning_many_values(impl):
    lua = impl.LuaRuntime(unpack_returned_tuples=True)
    g = lua.eval("function(f) local a, b, c = f() return c, b, a end")
    assert g(lambda: (1, "x", None)) == (None, "x", 1)
    plain = impl.LuaRuntime()
    t = plain.eval("function(f) return f() end")(lambda: (1, 2))
    assert t == (1, 2)


def test_callback_error_reaches_caller_unchanged(lua):
    err = KeyError("k")

    def boom():
        raise err

    with pytest.raises(KeyError) as info:
        lua.eval("function(f) f() end")(boom)
    assert info.value is err


def test_callback_error_inside_pcall(lua):
    def boom():
        raise ValueError("bad")

    ok, e = lua.eval("function(f) return pcall(f) end")(boom)
    assert ok is False and isinstance(e, ValueError)
    # The runtime stays usable and the executors it reuses start clean.
    assert lua.eval("1 + 1") == 2


def test_many_callbacks_and_calls_in_a_row(impl, lua):
    # Calls reuse finished executors; errors in between must not leak into the next call.
    add = lua.eval("function(f, n) local s = 0 for i = 1, n do s = s + f(i) end return s end")
    fail = lua.eval("function() error('x') end")
    for n in range(50):
        assert add(lambda i: i, n) == n * (n + 1) // 2
        with pytest.raises(impl.LuaError):
            fail()


def test_closure_after_error_keeps_its_upvalue(lua):
    # A call that dies with a captured local still open must not lend its stack to the next.
    make = lua.eval(
        "function() local x = 41 local f = function() x = x + 1 return x end"
        " error(f) end"
    )
    ok, f = lua.eval("function(m) return pcall(m) end")(make)
    assert ok is False
    lua.eval("function(a, b, c) return a end")(1, 2, 3)
    assert f() == 42
    assert f() == 43


def test_result_overflow_goes_through_handler(impl):
    lua = impl.LuaRuntime(overflow_handler=lambda v: float(v))
    g = lua.eval("function(f) local v = f() return math.type(v), v end")
    assert g(lambda: 2**70) == ("float", float(2**70))


def test_result_overflow_without_handler(impl):
    lua = impl.LuaRuntime()
    g = lua.eval("function(f) return pcall(f) end")
    ok, err = g(lambda: 2**70)
    assert ok is False and isinstance(err, OverflowError)


def test_nested_python_lua_python(lua):
    inner = lua.eval("function(x) return x * 2 end")
    outer = lua.eval("function(f, x) return f(x) + 1 end")
    assert outer(lambda x: inner(x) + inner(x), 5) == 21


def test_nesting_across_two_runtimes(impl):
    # Lua in a calls Python, which runs Lua in b, which calls Python running Lua in a again:
    # each runtime finds its own parked state.
    a, b = impl.LuaRuntime(), impl.LuaRuntime()
    a.execute("x = 'a'")
    b.execute("x = 'b'")
    inner_a = a.eval("function() return x end")
    via_b = b.eval("function(f) return x .. f() end")
    outer = a.eval("function(f) return x .. f() .. x end")
    assert outer(lambda: via_b(lambda: inner_a())) == "abaa"


def test_same_object_twice_is_the_same_userdata(lua):
    o = object()
    assert lua.eval("function(a, b) return rawequal(a, b) end")(o, o) is True


def test_bound_method_called_with_colon(lua):
    class C:
        def __init__(self):
            self.n = 3

        def get(self, k=0):
            return self.n + k

    c = C()
    assert lua.eval("function(o) return o:get(), o.get(), o:get(4) end")(c) == (3, 3, 7)


def test_objects_made_during_a_long_call_are_released_during_it(lua):
    # Lua collects the userdata of objects it dropped while it runs; their Python references
    # must go too, not only when the call returns.
    import weakref

    class Obj:
        pass

    refs = []

    def make():
        o = Obj()
        refs.append(weakref.ref(o))
        return o

    def alive():
        return sum(r() is not None for r in refs)

    n = 20000
    during = lua.eval(
        "function(make, alive, n) for i = 1, n do local o = make() end return alive() end"
    )(make, alive, n)
    assert during < n
    lua.execute("collectgarbage() collectgarbage()")
    assert alive() == 0


def test_a_runtime_that_called_python_is_freed(impl):
    # The host functions hold their runtime strongly while an entry runs (one upgrade per
    # entry); once it ends nothing in Lua keeps the runtime, so dropping it frees what it holds.
    import gc
    import weakref

    class Held:
        def __call__(self, x):
            return x

    held = Held()
    ref = weakref.ref(held)
    lua = impl.LuaRuntime()
    lua.globals().kept = held
    assert lua.eval("function(f, n) local s = 0 for i = 1, n do s = s + f(i) end return s end")(
        held, 10
    ) == 55
    del lua, held
    gc.collect()
    assert ref() is None


def test_callback_argument_counts(lua):
    # Short argument lists are built on their own path; every length gives the same tuple.
    f = lua.eval(
        "function(f) return f(1, 2), f('a', nil, 3), f(1, 2, 3, 4), f(nil, nil) end"
    )
    assert f(lambda *a: len(a)) == (2, 3, 4, 2)
    assert lua.eval("function(f) return f(1, 'x') end")(lambda *a: a) == (1, "x")


def test_a_called_object_dropped_by_lua_is_released_during_the_call(lua):
    # The object a loop keeps calling is remembered between calls; once Lua drops and
    # collects its userdata it must go at once, as in lupa, not when the call returns.
    import weakref

    class F:
        def __call__(self, x):
            return x

    f = F()
    ref = weakref.ref(f)
    lua.globals().f = f
    del f
    run = lua.eval(
        "function(check) local s = 0 for i = 1, 3 do s = s + f(i) end "
        "f = nil collectgarbage() collectgarbage() return s, check() end"
    )
    assert run(lambda: ref() is None) == (6, True)


def test_calls_alternating_between_objects(lua):
    # Two Python callables and a Lua callable table, called in turn: each call reaches its
    # own object.
    run = lua.eval(
        "function(f, g) local t = setmetatable({}, {__call = function(_, x) return -x end}) "
        "local out = {} for i = 1, 4 do out[#out + 1] = f(i) + g(i) + t(i) end "
        "return table.unpack(out) end"
    )
    assert run(lambda x: 10 * x, lambda x: 100 * x) == (109, 218, 327, 436)


def test_deleted_object_called_from_lua(lua):
    class F:
        def __call__(self):
            return 1

    lua.globals().f = F()
    assert lua.eval("f()") == 1
    lua.execute("getmetatable(f).__gc(f)")
    with pytest.raises(Exception, match="deleted python object"):
        lua.eval("f()")


def test_a_call_hook_does_not_drop_arguments_of_python_calls(lua):
    # The call hook fires before `__call` reaches the Python object; the call then runs
    # again and must see every argument.
    f = lua.eval(
        "function(f) debug.sethook(function() end, 'cr') local r = f(1, 2, 3)"
        " debug.sethook() return r end"
    )
    assert f(lambda *a: len(a)) == 3
