//! Host functions: callbacks that run outside the arena with `&mut Lua`, calling back into Lua
//! on the same state (nested execution).

mod support;

use std::rc::Rc;

use rupa_vm::lua::{HostError, Lua, StashedValue};
use rupa_vm::Value;

fn int(lua: &Lua, v: &StashedValue) -> i64 {
    lua.enter(|ctx| match Lua::fetch(ctx, v) {
        Value::Integer(i) => i,
        _ => -1,
    })
}

fn set_global(lua: &mut Lua, name: &str, v: &StashedValue) {
    lua.enter(|ctx| {
        let k = Value::String(ctx.new_string(name.as_bytes()).expect("no cap"));
        let v = Lua::fetch(ctx, v);
        ctx.state.globals.set(ctx, k, v).expect("no cap");
    });
}

#[test]
fn host_function_calls_back_into_lua_sharing_upvalues() {
    let mut lua = support::new_lua();
    // call_n(f, n): calls f n times from the host, returns the sum of its results.
    let call_n = lua.create_host_function(
        "call_n",
        Rc::new(|lua: &mut Lua, args: Vec<StashedValue>| {
            let n = int(lua, &args[1]);
            let mut sum = 0;
            for _ in 0..n {
                let r = lua
                    .call(&args[0], &[])
                    .map_err(|e| HostError::Message(e.message))?;
                sum += int(lua, &r[0]);
            }
            let v = lua.enter(|ctx| Lua::stash(ctx, Value::Integer(sum)));
            Ok(vec![v])
        }),
    );
    set_global(&mut lua, "call_n", &call_n);
    let f = lua
        .load(
            b"local counter = 0
              local function bump() counter = counter + 1 return counter end
              local sum = call_n(bump, 5)
              return sum, counter",
            "=test",
        )
        .expect("compiles");
    let r = lua.call(&f, &[]).expect("runs");
    assert_eq!(int(&lua, &r[0]), 15);
    assert_eq!(int(&lua, &r[1]), 5);
}

#[test]
fn host_errors_are_lua_errors() {
    let mut lua = support::new_lua();
    let fail = lua.create_host_function(
        "fail",
        Rc::new(|_: &mut Lua, _| Err(HostError::Message("host says no".into()))),
    );
    set_global(&mut lua, "fail", &fail);
    let f = lua
        .load(
            b"local ok, e = pcall(function() fail() end) return e",
            "=test",
        )
        .expect("compiles");
    let r = lua.call(&f, &[]).expect("runs");
    let msg = lua.enter(|ctx| match Lua::fetch(ctx, &r[0]) {
        Value::String(s) => s.to_str_lossy().into_owned(),
        _ => String::new(),
    });
    assert_eq!(msg, "test:1: host says no");
}

#[test]
fn runaway_host_recursion_is_a_lua_error() {
    // Deep nesting uses the Rust stack; give it room as the CLI's main thread has.
    let t = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(|| {
            let mut lua = support::new_lua();
            let recurse = lua.create_host_function(
                "recurse",
                Rc::new(|lua: &mut Lua, args: Vec<StashedValue>| {
                    lua.call(&args[0], &args)
                        .map_err(|e| HostError::Message(e.message))
                }),
            );
            set_global(&mut lua, "recurse", &recurse);
            let f = lua
                .load(
                    b"local function f(g) return recurse(g) end return f(f)",
                    "=test",
                )
                .expect("compiles");
            let err = lua.call(&f, &[]).expect_err("too deep");
            assert!(err.message.ends_with("C stack overflow"), "{}", err.message);
        })
        .expect("thread starts");
    t.join().expect("no panic");
}

#[test]
fn yield_across_a_non_yieldable_native_call_fails() {
    // lua5.4: a yield inside `__tostring` called by `tostring` (a `lua_call`) gives
    // "attempt to yield across a C-call boundary"; `callnoyield` makes such a call.
    let mut lua = support::new_lua();
    let f = lua
        .load(
            b"local co = coroutine.create(function()
                return callnoyield(function() coroutine.yield(1) end)
              end)
              local ok, e = coroutine.resume(co)
              local co2 = coroutine.create(function()
                return pcall(function() coroutine.yield(2) return 3 end)
              end)
              local _, y = coroutine.resume(co2)
              return e, y",
            "=test",
        )
        .expect("compiles");
    let r = lua.call(&f, &[]).expect("runs");
    let (e, y) = lua.enter(|ctx| {
        let e = match Lua::fetch(ctx, &r[0]) {
            Value::String(s) => s.to_str_lossy().into_owned(),
            v => format!("{v:?}"),
        };
        let y = match Lua::fetch(ctx, &r[1]) {
            Value::Integer(i) => i,
            _ => -1,
        };
        (e, y)
    });
    assert_eq!(e, "attempt to yield across a C-call boundary");
    assert_eq!(y, 2, "pcall stays yieldable");
}

#[test]
fn host_calls_return_where_the_caller_wants_them() {
    // A host call has no frame of its own (the executor keeps it aside): its results must land
    // like any call's, whether one, several or none are wanted, through `__call`, inside a
    // coroutine and inside `pcall`.
    let mut lua = support::new_lua();
    let pair = lua.create_host_function(
        "pair",
        Rc::new(|lua: &mut Lua, args: Vec<StashedValue>| {
            let n = args.last().map_or(0, |a| int(lua, a));
            let vals = lua.enter(|ctx| {
                vec![
                    Lua::stash(ctx, Value::Integer(n)),
                    Lua::stash(ctx, Value::Integer(n * 10)),
                ]
            });
            Ok(vals)
        }),
    );
    set_global(&mut lua, "pair", &pair);
    let f = lua
        .load(
            b"local obj = setmetatable({}, {__call = pair})
              local a = pair(1) + obj(2)
              local b, c, d = pair(3)
              local t = {pair(4), pair(5)}
              local co = coroutine.wrap(function(x) local y = obj(x) coroutine.yield(y) return pair(y) end)
              local e = co(6)
              local f, g = co()
              local ok, h, i = pcall(pair, 7)
              pair(8)
              return a, b, c, d, #t, t[3], e, f, g, ok, h, i",
            "=test",
        )
        .expect("compiles");
    let r = lua.call(&f, &[]).expect("runs");
    let got: Vec<i64> = r.iter().map(|v| int(&lua, v)).collect();
    // `d` is nil and `ok` is true: neither is an integer.
    assert_eq!(got, [3, 3, 30, -1, 3, 50, 6, 6, 60, -1, 7, 70]);
}

#[test]
fn host_error_traceback_names_the_host_function() {
    let mut lua = support::new_lua();
    let fail = lua.create_host_function(
        "fail",
        Rc::new(|_: &mut Lua, _| Err(HostError::Message("host says no".into()))),
    );
    set_global(&mut lua, "fail", &fail);
    let f = lua
        .load(b"local x = 1\nfail(x)\nreturn x", "=test")
        .expect("compiles");
    let err = lua.call(&f, &[]).expect_err("fails");
    assert_eq!(err.message, "test:2: host says no");
    let tb = err.traceback.unwrap_or_default();
    assert!(tb.contains("[C]: in"), "{tb}");
    assert!(tb.contains("test:2:"), "{tb}");
}
