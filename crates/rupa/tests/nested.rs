//! Host functions and nested execution: a host function called from Lua calls back into Lua on
//! the same state, including closures that share live locals with the suspended caller.

use rupa::{Api, Error, LuaValue, Runtime};

#[test]
fn host_function_calls_back_into_a_closure_sharing_the_callers_local() {
    let mut rt = Runtime::new();
    let twice = rt.create_function("twice", |lua, args| {
        let f = args.into_iter().next().expect("one argument");
        lua.call(&f, &[])?;
        lua.call(&f, &[])
    });
    rt.set_global("twice", &twice).expect("global");
    let out = rt
        .exec(
            b"local n = 10
              local function bump() n = n + 1 return n end
              local last = twice(bump)
              return n, last",
            "=nested",
        )
        .expect("runs");
    assert!(matches!(rt.value(&out[0]), LuaValue::Integer(12)));
    assert!(matches!(rt.value(&out[1]), LuaValue::Integer(12)));
}

#[test]
fn errors_cross_host_functions_in_both_directions() {
    let mut rt = Runtime::new();
    let call = rt.create_function("call", |lua, args| {
        let f = args.into_iter().next().expect("one argument");
        lua.call(&f, &[])
    });
    rt.set_global("call", &call).expect("global");
    // A Lua error inside the nested call reaches the outer pcall with its value unchanged.
    let out = rt
        .exec(
            b"local ok, e = pcall(call, function() error({tag = 'x'}) end) return ok, e.tag",
            "=e",
        )
        .expect("runs");
    assert!(matches!(rt.value(&out[0]), LuaValue::Boolean(false)));
    assert_eq!(rt.value(&out[1]).as_str().as_deref(), Some("x"));
}

#[test]
fn unbounded_host_recursion_is_a_lua_error() {
    let mut rt = Runtime::new();
    let call = rt.create_function("call", |lua, args| {
        let f = args.into_iter().next().expect("one argument");
        lua.call(&f, std::slice::from_ref(&f))
    });
    rt.set_global("call", &call).expect("global");
    let err = rt
        .exec(
            b"local function f(self) return call(self) end return call(f)",
            "=deep",
        )
        .expect_err("must overflow");
    match err {
        Error::Runtime { message, .. } => assert!(message.contains("stack overflow"), "{message}"),
        other => panic!("unexpected {other:?}"),
    }
}
