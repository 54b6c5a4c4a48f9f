//! `Lua::call_detached`: a call from the host done in one arena entry when it is short, and
//! through the general run loop when it is not (a host call, a collection, finalizers, an
//! interrupt, more than one slice of work). Each way must give the same outcome.

use std::cell::Cell;

use rupa_vm::lua::{HostCall, HostError, Lua};
use rupa_vm::Value;

mod support;

use support::{global, run_chunk};

/// Calls global `name` with integer arguments through `call_detached`; the integer results
/// (-1 for any other value) or the error message, and how often `detach` ran.
fn call(lua: &mut Lua, name: &str, args: &[i64]) -> (Result<Vec<i64>, String>, usize) {
    let f = global(lua, name);
    let detached = Cell::new(0);
    let r = lua
        .call_detached(
            |ctx, vals| {
                vals.push(Lua::fetch(ctx, &f));
                vals.extend(args.iter().map(|&i| Value::Integer(i)));
                Ok::<_, ()>(())
            },
            |run| {
                detached.set(detached.get() + 1);
                run();
            },
            |_, out| {
                out.iter()
                    .map(|v| match v {
                        Value::Integer(i) => *i,
                        _ => -1,
                    })
                    .collect::<Vec<_>>()
            },
        )
        .expect("pushing integers cannot fail");
    (r.map_err(|e| e.message), detached.get())
}

fn get_int(lua: &mut Lua, name: &str) -> i64 {
    lua.enter(|ctx| {
        let k = rupa_vm::LuaString::new(ctx.mc, name.as_bytes());
        match ctx.state.globals.get_str(ctx, k) {
            Value::Integer(i) => i,
            _ => -1,
        }
    })
}

#[test]
fn a_short_call_runs_detached_once() {
    let mut lua = Lua::with_base();
    run_chunk(
        &mut lua,
        "function add(a, b) return a + b, a - b end
         function fail(a) error('bad ' .. a) end",
    );
    for i in 0..50 {
        assert_eq!(call(&mut lua, "add", &[i, 1]), (Ok(vec![i + 1, i - 1]), 1));
        let (r, n) = call(&mut lua, "fail", &[i]);
        assert!(r.expect_err("raises").ends_with(&format!("bad {i}")));
        assert_eq!(n, 1);
    }
}

#[test]
fn work_longer_than_a_slice_finishes() {
    let mut lua = Lua::with_base();
    run_chunk(
        &mut lua,
        "function sum(n) local s = 0 for i = 1, n do s = s + i end return s end",
    );
    let (r, n) = call(&mut lua, "sum", &[1_000_000]);
    assert_eq!(r, Ok(vec![500_000_500_000]));
    assert_eq!(n, 2, "the first slice, then the rest");
}

fn twice(lua: &mut Lua, call: &HostCall) -> Result<(), HostError> {
    let x = lua.host_args(call, |_, args| match args.first() {
        Some(Value::Integer(i)) => *i,
        _ => 0,
    });
    lua.host_return(call, |_, out| {
        out.push(Value::Integer(2 * x));
        Ok::<_, ()>(())
    })
    .map_err(|()| HostError::Message("cannot return".into()))
}

#[test]
fn a_host_call_goes_on_through_the_run_loop() {
    let mut lua = Lua::with_base();
    let f = lua.create_raw_host_function("twice", std::rc::Rc::new(twice));
    lua.enter(|ctx| {
        let k = rupa_vm::LuaString::new(ctx.mc, b"twice");
        ctx.state
            .globals
            .set_str(ctx, k, Lua::fetch(ctx, &f))
            .expect("memory");
    });
    run_chunk(
        &mut lua,
        "function f(n) local s = 0 for i = 1, n do s = s + twice(i) end return s end",
    );
    let (r, n) = call(&mut lua, "f", &[100]);
    assert_eq!(r, Ok(vec![10_100]));
    assert!(n >= 2, "the host call and the rest run detached too ({n})");
    // The execution is reused afterwards.
    assert_eq!(call(&mut lua, "f", &[3]).0, Ok(vec![12]));
}

#[test]
fn finalizers_due_at_the_end_run_before_the_results_are_read() {
    let mut lua = Lua::with_base();
    run_chunk(
        &mut lua,
        "finalized = 0
         function f()
           setmetatable({}, {__gc = function() finalized = finalized + 1 end})
           collectgarbage()
           return 7
         end",
    );
    let (r, _) = call(&mut lua, "f", &[]);
    assert_eq!(r, Ok(vec![7]));
    assert_eq!(get_int(&mut lua, "finalized"), 1);
}

#[test]
fn an_interrupt_ends_the_call_and_the_next_one_runs() {
    let mut lua = Lua::with_base();
    run_chunk(&mut lua, "function one() return 1 end");
    lua.interrupt_handle().interrupt();
    let (r, _) = call(&mut lua, "one", &[]);
    assert!(r.expect_err("interrupted").contains("interrupted"));
    assert_eq!(call(&mut lua, "one", &[]).0, Ok(vec![1]));
}

#[test]
fn a_failed_push_starts_nothing() {
    let mut lua = Lua::with_base();
    let r = lua.call_detached(
        |_, vals| {
            vals.push(Value::Nil);
            Err::<(), _>("refused")
        },
        |run| run(),
        |_, _| (),
    );
    assert_eq!(r.err(), Some("refused"));
    run_chunk(&mut lua, "function one() return 1 end");
    assert_eq!(call(&mut lua, "one", &[]), (Ok(vec![1]), 1));
}
