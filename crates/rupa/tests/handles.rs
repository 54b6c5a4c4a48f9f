//! Handles: values kept by the host across calls and collections.

use rupa::{Api, Error, LuaValue, Runtime};

#[test]
fn handles_survive_collections_and_can_be_called() {
    let mut rt = Runtime::new();
    let out = rt
        .exec(
            b"local n = 0 return function(k) n = n + k return n end",
            "=counter",
        )
        .expect("chunk runs");
    let counter = out[0].clone();
    rt.gc_collect();
    // Garbage in between must not disturb the kept closure.
    rt.exec(
        b"for i = 1, 10000 do local t = {i, tostring(i)} end",
        "=garbage",
    )
    .expect("runs");
    rt.gc_collect();
    let five = rt.create(&LuaValue::Integer(5)).expect("int");
    for expected in [5, 10, 15] {
        let r = rt
            .call(&counter, std::slice::from_ref(&five))
            .expect("call");
        assert!(matches!(rt.value(&r[0]), LuaValue::Integer(n) if n == expected));
    }
}

#[test]
fn globals_and_tables_from_the_host() {
    let mut rt = Runtime::new();
    let t = rt.new_table().expect("table");
    let k = rt.create(&LuaValue::from("answer")).expect("key");
    let v = rt.create(&LuaValue::Integer(42)).expect("value");
    rt.raw_set(&t, &k, &v).expect("set");
    rt.set_global("config", &t).expect("global");
    let out = rt.exec(b"return config.answer + 1", "=use").expect("runs");
    assert!(matches!(rt.value(&out[0]), LuaValue::Integer(43)));
    assert!(matches!(rt.value(&rt.global("config")), LuaValue::Table(_)));
}

#[test]
fn errors_carry_message_traceback_and_value() {
    let mut rt = Runtime::new();
    match rt.exec(b"local x\nreturn x.y", "=t") {
        Err(Error::Runtime {
            message, traceback, ..
        }) => {
            assert_eq!(message, "t:2: attempt to index a nil value (local 'x')");
            assert!(traceback
                .expect("traceback")
                .starts_with("stack traceback:"));
        }
        other => panic!("unexpected {other:?}"),
    }
    match rt.exec(b"error({code = 7})", "=t") {
        Err(Error::Runtime { value: Some(v), .. }) => {
            assert!(matches!(rt.value(&v), LuaValue::Table(_)))
        }
        other => panic!("unexpected {other:?}"),
    }
    match rt.load(b"x = = 1", "=t") {
        Err(Error::Syntax(m)) => assert_eq!(m, "t:1: unexpected symbol near '='"),
        other => panic!("unexpected {other:?}"),
    }
}
