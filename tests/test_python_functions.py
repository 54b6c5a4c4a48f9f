"""The argument checks of `python.iter`, `iterex`, `enumerate`, `args` and
`set_overflow_handler` (natives in pylib.rs): what they accept and lupa's error messages,
named from the call site. Each test runs on rupa and on lupa.lua54."""

import pytest


def error_of(lua, code):
    with pytest.raises(Exception) as info:
        lua.execute(code)
    assert type(info.value).__name__ == "LuaError"
    return str(info.value).splitlines()[0]


@pytest.mark.parametrize(
    "code, message",
    [
        ("python.args()", "bad argument #1 to 'args' (table expected, got no value)"),
        ("python.args(1)", "bad argument #1 to 'args' (table expected, got number)"),
        ("local f = python.args; f(3)", "bad argument #1 to 'f' (table expected, got number)"),
        ("python.iter()", "bad argument #1 to 'iter' (not a python object)"),
        ("python.iter({})", "bad argument #1 to 'iter' (not a python object)"),
        ("python.iterex(1)", "bad argument #1 to 'iterex' (not a python object)"),
        ("python.iter(python.builtins.list(), 1)", "bad argument #2 to 'iter' (invalid arguments)"),
        ("python.enumerate()", "bad argument #1 to 'enumerate' (not a python object)"),
        ("python.enumerate({}, 'x')", "bad argument #1 to 'enumerate' (not a python object)"),
        (
            "python.enumerate(python.builtins.list(), 1, 2)",
            "bad argument #3 to 'enumerate' (invalid arguments)",
        ),
        (
            "python.set_overflow_handler(1)",
            "bad argument #1 to 'set_overflow_handler' (not a python object)",
        ),
    ],
)
def test_bad_arguments_name_the_call_site(lua, code, message):
    assert error_of(lua, code) == '[string "<python>"]:1: ' + message


def test_enumerate_start_must_be_an_integer(lua):
    # lupa raises the bare message, without a position.
    assert error_of(lua, "python.enumerate(python.builtins.list(), 'x')") == (
        "Could not convert string to string"
    )
    pairs = lua.eval(
        "function(l, s) local r = {} for i, v in python.enumerate(l, s) do r[#r + 1] = i .. '=' .. v end"
        " return table.concat(r, ' ') end"
    )
    assert pairs([5, 6], "3") == "3=5 4=6"
    assert pairs([5, 6], 2.0) == "2=5 3=6"
    # An explicit nil is an argument too.
    with pytest.raises(Exception, match="Could not convert nil to string"):
        pairs([5, 6], None)
    assert lua.eval("function(l) local n = 0 for i in python.enumerate(l) do n = i end return n end")(
        [5, 6]
    ) == 1


def test_iterators_give_three_values_and_accept_as_function(lua):
    assert lua.eval("select('#', python.iter(python.builtins.list()))") == 3
    assert lua.eval("select(3, python.enumerate(python.builtins.list(), 7))") == 6
    total = lua.eval(
        "function(l) local s = 0 for x in python.iter(python.as_function(l)) do s = s + x end"
        " return s end"
    )
    assert total([1, 2, 3]) == 6


def test_args_and_overflow_handler_reach_python(lua):
    f = lua.eval("function(f) return f(python.args{1, 2, a=3}) end")
    assert f(lambda *a, **k: (a, k)) == ((1, 2), {"a": 3})
    lua.execute("python.set_overflow_handler(function(x) return 'big' end)")
    assert lua.eval("function(x) return x end")(2**70) == "big"
    lua.execute("python.set_overflow_handler(nil)")
    with pytest.raises(OverflowError):
        lua.eval("function(x) return x end")(2**70)


def test_python_is_a_module(lua):
    assert lua.eval("require('python') == python and package.loaded.python == python")
