"""Iterating a Lua table from Python (`_LuaIter`, native `__next__`): keys, values, items,
wrappers as keys and values, exhaustion, and sharing one iterator between threads."""

import threading


def test_keys_values_items(lua):
    t = lua.eval("{10, 20, 30, x = 'y', [true] = false}")
    assert sorted(map(repr, t.keys())) == sorted(map(repr, [1, 2, 3, "x", True]))
    assert sorted(map(repr, t.values())) == sorted(map(repr, [10, 20, 30, "y", False]))
    assert dict(t.items()) == {1: 10, 2: 20, 3: 30, "x": "y", True: False}
    assert list(iter(t)) == list(t.keys())


def test_table_values_are_wrapped(impl, lua):
    t = lua.eval("{a = {1, 2}, f = function() return 7 end}")
    d = dict(t.items())
    assert impl.lua_type(d["a"]) == "table" and list(d["a"].values()) == [1, 2]
    assert d["f"]() == 7


def test_exhausted_iterator_stays_exhausted(lua):
    it = lua.eval("{1}").values()
    assert list(it) == [1]
    assert list(it) == []


def test_repr(lua):
    t = lua.table()
    assert repr(t.items()).startswith("LuaIter(<Lua table at 0x")


def test_iterating_a_big_table(lua):
    t = lua.execute("local t = {} for i = 1, 10000 do t[i] = i * 2 end return t")
    assert sum(t.values()) == 10000 * 10001
    assert len(t) == 10000


def test_one_iterator_shared_by_threads(lua):
    t = lua.execute("local t = {} for i = 1, 2000 do t[i] = i end return t")
    it = t.values()
    got = []
    lock = threading.Lock()

    def drain():
        for v in it:
            with lock:
                got.append(v)

    threads = [threading.Thread(target=drain) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert sorted(got) == list(range(1, 2001))


def test_len(lua):
    assert len(lua.eval("{1, 2, 3, x = 1}")) == 3
    assert len(lua.table()) == 0
    assert len(lua.eval("function() end")) == 0
