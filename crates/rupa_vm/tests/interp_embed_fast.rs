//! The handle-free embedding entry points: `Lua::start_with` / `run` / `finish_with` (calls
//! whose arguments and results stay inside the arena, reusing finished executions) and raw
//! host functions (`create_raw_host_function`, `host_args`, `host_return`).

use std::rc::Rc;

use rupa_vm::lua::{HostCall, HostError, Lua};
use rupa_vm::Value;

mod support;

use support::{global, run_chunk};

/// Calls global `name` with integer arguments; the integer results, or the error message.
fn call_ints(lua: &mut Lua, name: &str, args: &[i64]) -> Result<Vec<i64>, String> {
    let f = global(lua, name);
    let exec = lua
        .start_with(|ctx, vals| {
            vals.push(Lua::fetch(ctx, &f));
            vals.extend(args.iter().map(|&i| Value::Integer(i)));
            Ok::<_, ()>(())
        })
        .expect("pushing integers cannot fail");
    lua.run(&exec);
    lua.finish_with(exec, |_, out| {
        out.iter()
            .map(|v| match v {
                Value::Integer(i) => *i,
                _ => -1,
            })
            .collect()
    })
    .map_err(|e| e.message)
}

#[test]
fn calls_without_handles_return_results_and_errors() {
    let mut lua = Lua::with_base();
    run_chunk(
        &mut lua,
        "function add(a, b) return a + b, a - b end
         function fail(a) error('bad ' .. a) end",
    );
    for i in 0..100 {
        assert_eq!(call_ints(&mut lua, "add", &[i, 1]), Ok(vec![i + 1, i - 1]));
        let e = call_ints(&mut lua, "fail", &[i]).expect_err("raises");
        assert!(e.ends_with(&format!("bad {i}")), "{e}");
    }
}

#[test]
fn a_failed_push_starts_nothing() {
    let mut lua = Lua::with_base();
    let r = lua.start_with(|_, vals| {
        vals.push(Value::Nil);
        Err::<(), _>("refused")
    });
    assert_eq!(r.err(), Some("refused"));
    run_chunk(&mut lua, "function one() return 1 end");
    assert_eq!(call_ints(&mut lua, "one", &[]), Ok(vec![1]));
}

#[test]
fn reuse_never_shares_a_stack_with_a_live_closure() {
    // A call that ends with an error while a closure still captures its local must not lend
    // that stack to the next call (the closure's upvalue would read the next call's values).
    let mut lua = Lua::with_base();
    run_chunk(
        &mut lua,
        "function make() local x = 41 keep = function() x = x + 1 return x end error('x') end
         function get() return keep() end
         function noise(a, b, c) return a end",
    );
    assert!(call_ints(&mut lua, "make", &[]).is_err());
    assert_eq!(call_ints(&mut lua, "noise", &[7, 8, 9]), Ok(vec![7]));
    assert_eq!(call_ints(&mut lua, "get", &[]), Ok(vec![42]));
    assert_eq!(call_ints(&mut lua, "noise", &[1, 2, 3]), Ok(vec![1]));
    assert_eq!(call_ints(&mut lua, "get", &[]), Ok(vec![43]));
}

#[test]
fn coroutines_left_suspended_do_not_break_reuse() {
    let mut lua = Lua::with_base();
    run_chunk(
        &mut lua,
        "function start() co = coroutine.create(function(a) local b = coroutine.yield(a + 1) return b * 2 end)
           local _, v = coroutine.resume(co, 1) return v end
         function finish(b) local _, v = coroutine.resume(co, b) return v end",
    );
    assert_eq!(call_ints(&mut lua, "start", &[]), Ok(vec![2]));
    assert_eq!(call_ints(&mut lua, "finish", &[5]), Ok(vec![10]));
}

fn raw_sum(lua: &mut Lua, call: &HostCall) -> Result<(), HostError> {
    let (sum, count) = lua.host_args(call, |_, args| {
        let mut sum = 0;
        for a in args {
            match a {
                Value::Integer(i) => sum += i,
                _ => return Err(HostError::Message("integers only".to_string())),
            }
        }
        Ok((sum, args.len() as i64))
    })?;
    lua.host_return(call, |_, out| {
        out.push(Value::Integer(sum));
        out.push(Value::Integer(count));
        Ok::<_, ()>(())
    })
    .map_err(|()| HostError::Message("unreachable".to_string()))
}

#[test]
fn raw_host_functions_read_and_write_inside_the_arena() {
    let mut lua = Lua::with_base();
    let sum = lua.create_raw_host_function("sum", Rc::new(raw_sum));
    let quiet = lua.create_raw_host_function("quiet", Rc::new(|_: &mut Lua, _: &HostCall| Ok(())));
    lua.enter(|ctx| {
        for (name, f) in [("sum", &sum), ("quiet", &quiet)] {
            let k = rupa_vm::LuaString::new(ctx.mc, name.as_bytes());
            ctx.state
                .globals
                .set(ctx, Value::String(k), Lua::fetch(ctx, f))
                .expect("no cap");
        }
    });
    run_chunk(
        &mut lua,
        "function total() local s, n = sum(1, 2, 3) return s, n, select('#', quiet()) end
         function bad() return pcall(sum, 1, 'x') end",
    );
    assert_eq!(call_ints(&mut lua, "total", &[]), Ok(vec![6, 3, 0]));
    let f = global(&lua, "bad");
    let out = lua.call(&f, &[]).expect("pcall catches");
    let msg = lua.enter(|ctx| match Lua::fetch(ctx, &out[1]) {
        Value::String(s) => s.to_str_lossy().into_owned(),
        _ => String::new(),
    });
    assert!(msg.ends_with("integers only"), "{msg}");
}

#[test]
fn raw_host_function_may_run_lua_before_returning() {
    let mut lua = Lua::with_base();
    run_chunk(&mut lua, "function double(x) return x * 2 end");
    let twice = lua.create_raw_host_function(
        "twice",
        Rc::new(|lua: &mut Lua, call: &HostCall| {
            let x = lua.host_args(call, |_, args| match args.first() {
                Some(Value::Integer(i)) => *i,
                _ => 0,
            });
            let r = call_ints(lua, "double", &[x]).map_err(HostError::Message)?;
            let r = call_ints(lua, "double", &r).map_err(HostError::Message)?;
            lua.host_return(call, |_, out| {
                out.push(Value::Integer(r[0]));
                Ok::<_, ()>(())
            })
            .map_err(|()| HostError::Message("unreachable".to_string()))
        }),
    );
    lua.enter(|ctx| {
        let k = rupa_vm::LuaString::new(ctx.mc, b"twice");
        ctx.state
            .globals
            .set(ctx, Value::String(k), Lua::fetch(ctx, &twice))
            .expect("no cap");
    });
    run_chunk(&mut lua, "function quad(x) return twice(x) + 1 end");
    assert_eq!(call_ints(&mut lua, "quad", &[5]), Ok(vec![21]));
}

#[test]
fn the_collector_keeps_pace_with_a_loop_calling_the_host() {
    // Every host call ends an execution slice; garbage must still be collected while such a
    // loop runs, not only when it ends.
    let mut lua = Lua::with_base();
    let mk = lua.create_raw_host_function(
        "mk",
        Rc::new(|lua: &mut Lua, call: &HostCall| {
            lua.host_return(call, |ctx, out| {
                let t = rupa_vm::Table::new(ctx.mc);
                for i in 1..=8 {
                    t.set_int(ctx, i, Value::Integer(i)).map_err(|_| ())?;
                }
                out.push(Value::Table(t));
                Ok::<_, ()>(())
            })
            .map_err(|()| HostError::Message("not enough memory".to_string()))
        }),
    );
    lua.enter(|ctx| {
        let k = rupa_vm::LuaString::new(ctx.mc, b"mk");
        ctx.state
            .globals
            .set(ctx, Value::String(k), Lua::fetch(ctx, &mk))
            .expect("no cap");
    });
    let f = lua
        .load(
            b"local peak = 0
              for i = 1, 200000 do
                local t = mk()
                if i % 1000 == 0 then local c = collectgarbage('count') if c > peak then peak = c end end
              end
              return peak",
            "=test",
        )
        .expect("compiles");
    let out = lua.call(&f, &[]).expect("runs");
    let peak_kb = lua.enter(|ctx| match Lua::fetch(ctx, &out[0]) {
        Value::Number(n) => n,
        Value::Integer(i) => i as f64,
        _ => f64::MAX,
    });
    // 200000 live tables would take tens of megabytes.
    assert!(peak_kb < 8192.0, "peak {peak_kb} KB");
}
