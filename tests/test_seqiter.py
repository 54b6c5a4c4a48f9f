"""`python.iter` over lists and tuples, which rupa reads ahead in batches (seqiter.rs): every
result must be what lupa's step-by-step list iterator gives, however the sequence changes
while Lua iterates. Each test runs on rupa and on lupa.lua54."""

import pytest

COLLECT = (
    "function(l, f, at) local r = {} for v in python.iter(l) do r[#r + 1] = v"
    " if f and (at == nil or v == at) then f(v) end end return r end"
)


def collected(lua, seq, f=None, at=None):
    """The items Lua sees; `f(v)` is called from the loop at item `at` (every item if None),
    after items were read ahead (the batch grows while no Python code runs)."""
    return list(lua.eval(COLLECT)(seq, f, at).values())


def test_plain_and_other_items(lua):
    class Box:
        pass

    box = Box()
    items = [1, 2.5, "text", b"bytes", True, False, None, (1, 2), box, 10**3] * 30
    got = collected(lua, items)
    assert got == [b.decode() if isinstance(b, bytes) else b for b in items]
    assert collected(lua, tuple(range(3000))) == list(range(3000))


def test_appending_while_iterating(lua):
    data = list(range(5))

    def grow(v):
        if v < 3:
            data.append(v + 100)

    assert collected(lua, data, grow) == [0, 1, 2, 3, 4, 100, 101, 102]
    data = list(range(1000))
    assert collected(lua, data, lambda v: data.append(-1), at=999) == list(range(1000)) + [-1]


def test_changes_seen_at_the_next_step(lua):
    data = list(range(2000))

    def change(v):
        if v == 500:
            data[501] = "changed"
            del data[600:]

    got = collected(lua, data, change, at=500)
    assert got == list(range(501)) + ["changed"] + list(range(502, 600))
    data = list(range(2000))
    got = collected(lua, data, lambda v: data.clear(), at=700)
    assert got == list(range(701))


def test_changes_made_outside_lua_between_resumes(lua):
    # The loop runs in a coroutine that yields to Python every 100 items.
    loop = lua.eval(
        "coroutine.wrap(function(l) local s = 0 local n = 0"
        " for v in python.iter(l) do s = s + v n = n + 1"
        " if n % 100 == 0 then coroutine.yield(s) end end return -s end)"
    )
    data = [1] * 1000
    assert loop(data) == 100
    data[100:] = [2] * 200
    assert loop() == 300
    assert loop() == 500
    assert loop() == -500


def test_exhausted_iterator_stays_exhausted(lua):
    data = list(range(300))
    f, s = lua.eval(
        "function(l) local f, s = python.iter(l) local n = 0"
        " while f(s) ~= nil do n = n + 1 end return f, s end"
    )(data)
    data.append(1)
    assert f(s) is None


def test_early_break_then_manual_steps(lua):
    data = list(range(1000))
    f, s, first = lua.eval(
        "function(l) local f, s = python.iter(l) local v"
        " for i = 1, 200 do v = f(s) end return f, s, v end"
    )(data)
    assert first == 199
    data[200] = "new"
    assert f(s) == "new"
    assert f(s) == 201


def test_error_at_its_own_step(lua):
    seen = []
    data = list(range(50)) + [2**70] + [1]
    with pytest.raises(OverflowError):
        lua.eval(COLLECT)(data, seen.append, None)
    assert seen == list(range(50))


def test_strings_without_encoding(impl):
    lua = impl.LuaRuntime(encoding=None)
    got = lua.eval(COLLECT)(["a", b"b", 3])
    assert list(got.values()) == ["a", b"b", 3]


def test_list_subclass_uses_its_iterator(lua):
    class Reversed(list):
        def __iter__(self):
            return iter(list.copy(self)[::-1])

    assert collected(lua, Reversed([1, 2, 3])) == [3, 2, 1]


def test_iterex_over_a_list(lua):
    f = lua.eval(
        "function(l) local r = {} for a, b in python.iterex(l) do"
        " r[#r + 1] = tostring(a) .. '/' .. tostring(b) end return table.concat(r, ' ') end"
    )
    assert f([1, (2, 3), "x", (None, 4)] * 3) == "1/nil 2/3 x/nil None/4 " * 2 + "1/nil 2/3 x/nil None/4"
