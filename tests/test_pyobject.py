"""Python objects inside Lua: the metatable protocols, the python table, exceptions."""

import sys

import pytest

import rupa


class Obj:
    x = 5

    def __init__(self):
        self.items = {"k": 1}

    def method(self, a):
        return a + self.x

    def __str__(self):
        return "Obj!"


def test_attribute_and_item_access(lua):
    o = Obj()
    assert lua.eval("function(o) return o.x end")(o) == 5
    assert lua.eval("function(o) return o:method(1) end")(o) == 6
    assert lua.eval("function(d) return d.k end")(o.items) == 1
    lua.eval("function(o) o.y = 7 end")(o)
    assert o.y == 7
    lua.eval("function(d) d.z = 3 end")(o.items)
    assert o.items["z"] == 3


def test_tostring(lua):
    assert lua.eval("function(o) return tostring(o) end")(Obj()) == "Obj!"


def test_protocol_wrappers(impl, lua):
    d = {"items": 1}
    assert lua.eval("function(d) return python.as_attrgetter(d).items end")(d) is not None
    assert lua.eval("function(d) return python.as_itemgetter(d).items end")(d) == 1
    assert lua.eval("function(d) return d.items end")(impl.as_itemgetter(d)) == 1


def test_python_table(lua):
    assert lua.eval("python.eval('1+2')") == 3
    assert lua.eval("python.builtins.len('abc')") == 3
    assert lua.eval("python.none") is None
    assert lua.eval("type(python.none)") == "userdata"
    lua.execute(
        "s = 0 for x in python.iter(python.builtins.range(4)) do s = s + x end"
    )
    assert lua.eval("s") == 6
    lua.execute(
        "r = {} for i, v in python.enumerate(python.eval('[\"a\", \"b\"]')) do r[i] = v end"
    )
    assert lua.eval("r[0] .. r[1]") == "ab"


def test_as_function_gives_the_object_back(lua):
    def f(x):
        return x + 1

    assert lua.eval("python.as_function")(f) is f
    af, r, kind = lua.eval(
        "function(f) local af = python.as_function(f) return af, af(1), type(af) end"
    )(f)
    assert af is f and r == 2 and kind == "function"
    # A new function each time, as lupa makes one.
    assert lua.eval("function(f) return python.as_function(f) == python.as_function(f) end")(f) is False
    ok, err = lua.eval('function(f) return pcall(python.as_function(f), "x") end')(f)
    assert ok is False and isinstance(err, TypeError)
    ok, msg = lua.eval("function() return pcall(python.as_function, 1) end")()
    assert ok is False
    assert msg == "bad argument #1 to 'python.as_function' (not a python object)"


def test_python_iteration(lua):
    total = lua.eval(
        "function(l) local s = 0 for v in python.iter(l) do s = s + v end return s end"
    )
    assert total(list(range(1000))) == 499500
    assert total(x * 2 for x in range(10)) == 90
    collect = lua.eval(
        "function(how, ...) local r = {}"
        " for a, b in python[how](...) do r[#r + 1] = tostring(a) .. '/' .. tostring(b) end"
        " return table.concat(r, ' ') end"
    )
    pairs = [(1, "a"), (None, "b"), (3, None)]
    assert collect("iterex", pairs) == "1/a None/b 3/nil"
    assert collect("iter", pairs) == "(1, 'a')/nil (None, 'b')/nil (3, None)/nil"
    assert collect("iter", [None, 2]) == "None/nil 2/nil"
    assert collect("enumerate", ["x", None], 5) == "5/x 6/nil"
    # A generator may call back into the same runtime while Lua iterates over it.
    double = lua.eval("function(x) return 2 * x end")
    assert total(double(x) for x in range(4)) == 12
    with pytest.raises(TypeError):
        total(object())


def test_registration_flags(impl):
    lua = impl.LuaRuntime(register_eval=False, register_builtins=False)
    assert lua.eval("python.eval") is None
    assert lua.eval("python.builtins") is None


def test_python_args(lua):
    def f(*args, **kwargs):
        return repr((args, sorted(kwargs.items())))

    assert lua.eval("function(f) return f(python.args{1, 2, a=3}) end")(f) == repr(
        ((1, 2), [("a", 3)])
    )


def test_attribute_filter(impl):
    def attr_filter(obj, name, setting):
        if name.startswith("_"):
            raise AttributeError("not allowed")
        return name

    lua = impl.LuaRuntime(attribute_filter=attr_filter)
    o = Obj()
    assert lua.eval("function(o) return o.x end")(o) == 5
    with pytest.raises(AttributeError):
        lua.eval("function(o) return o.__class__ end")(o)


def test_attribute_handlers(impl):
    def getter(obj, name):
        return "got " + name

    def setter(obj, name, value):
        obj[name] = value

    lua = impl.LuaRuntime(attribute_handlers=(getter, setter))
    d = {}
    assert lua.eval("function(o) return o.abc end")(d) == "got abc"
    lua.eval("function(o) o.k = 1 end")(d)
    assert d == {"k": 1}


class Boom(Exception):
    pass


def raiser():
    raise Boom("bang")


def test_exception_passes_through_unchanged(lua):
    with pytest.raises(Boom) as e:
        lua.eval("function(f) f() end")(raiser)
    assert str(e.value) == "bang"
    # The traceback reaches into the Python callback.
    assert e.traceback[-1].name == "raiser"


def test_pcall_catches_python_exceptions(lua):
    ok, msg = lua.eval(
        "function(f) local ok, e = pcall(f) return ok, tostring(e) end"
    )(raiser)
    assert ok is False
    assert "bang" in msg


def test_exception_through_coroutine():
    # lupa loses the exception here; rupa raises the same object.
    lua = rupa.LuaRuntime()
    co = lua.eval("function(f) coroutine.yield(1) f() end").coroutine(raiser)
    assert next(co) == 1
    with pytest.raises(Boom):
        next(co)


def test_deleted_python_object(lua):
    f = lua.eval(
        """function(obj, f)
            local t
            t = setmetatable({obj = obj}, {__gc = function(t_) t = t_ end})
            obj = nil t = nil collectgarbage()
            local ok, ret = pcall(f, t.obj)
            return ok, tostring(ret)
        end"""
    )
    ok, msg = f({}, print)
    assert ok is False
    assert "deleted python object" in msg


def test_method_call_self_not_duplicated(lua):
    o = Obj()
    assert lua.eval("function(o) return o.method(o, 2) end")(o) == 7


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="refcount semantics")
def test_reference_cycles_collected(impl):
    import gc

    gc.collect()
    before = len(gc.get_objects())
    for _ in range(50):
        lua = impl.LuaRuntime()

        def use():
            return lua.eval("1")

        lua.globals().use = use
        assert lua.eval("use()") == 1
        del lua, use
    gc.collect()
    assert len(gc.get_objects()) - before < 50


def test_release_runs_python_code_that_uses_the_runtime():
    lua = rupa.LuaRuntime()
    log = []

    class D:
        def __del__(self):
            log.append(lua.eval("1 + 1"))

    lua.execute("x = ...", D())
    lua.execute("x = nil collectgarbage() collectgarbage()")
    assert log == [2]


def test_attribute_filter_guards_every_index_on_attribute_objects(impl):
    # In Lua `o[k]` and `o.k` are the same operation: on an object with the attribute
    # protocol both go through the filter; item-protocol objects are indexed without it.
    calls = []

    def filt(obj, name, is_setting):
        calls.append((name, is_setting))
        if isinstance(name, str) and name.startswith("_"):
            raise AttributeError("denied")
        return name

    class C:
        x = 1
        _secret = 2

    lua = impl.LuaRuntime(attribute_filter=filt)
    get = lua.eval("function(o, k) return o[k] end")
    dot = lua.eval("function(o) return o.x end")
    c = C()
    assert get(c, "x") == 1 and dot(c) == 1
    with pytest.raises(AttributeError):
        get(c, "_secret")
    d = {"_b": 2}
    assert get(d, "_b") == 2
    with pytest.raises(AttributeError):
        get(impl.as_attrgetter(d), "_b")
    lua.eval("function(o) o.y = 5 end")(c)
    assert c.y == 5
    assert calls == [("x", False), ("x", False), ("_secret", False), ("_b", False), ("y", True)]


def test_errors_name_python_objects_pobject_as_lupa():
    # lupa's metatable of Python objects has __name "POBJECT", which Lua's messages use.
    lua = rupa.LuaRuntime()

    class Plain:
        pass

    f = lua.eval("function(o) return pcall(function() return o + 1 end) end")
    ok, msg = f(Plain())
    assert ok is False
    assert "attempt to perform arithmetic on a POBJECT value (upvalue 'o')" in msg
