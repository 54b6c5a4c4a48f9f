//! The `Lua` type's limits and reports: fuel slices, interrupts from another thread, the memory
//! cap, deep tail calls, and tracebacks in lua5.4's format.

mod support;

use std::time::Duration;

use rupa_vm::lua::{ExecuteStatus, Lua};

fn load(lua: &mut Lua, src: &str) -> rupa_vm::lua::StashedValue {
    lua.load(src.as_bytes(), "=test").expect("compiles")
}

#[test]
fn fuel_runs_in_slices_and_finishes() {
    let mut lua = support::new_lua();
    let f = load(
        &mut lua,
        "local n = 0 for i = 1, 100000 do n = n + i end return n",
    );
    let exec = lua.start(&f, &[]);
    let mut slices = 0;
    while lua.execute(&exec, 1000) == ExecuteStatus::OutOfFuel {
        slices += 1;
        assert!(slices < 10_000, "the loop must finish");
    }
    assert!(
        slices > 100,
        "100000 iterations take more than 100 slices of 1000"
    );
    let r = lua.finish(&exec).expect("no error");
    let v = lua.enter(|ctx| match Lua::fetch(ctx, &r[0]) {
        rupa_vm::Value::Integer(i) => i,
        _ => -1,
    });
    assert_eq!(v, 5000050000);
}

/// A loop whose body is longer than a slice's budget: fuel is charged per loop body at the
/// backward jump, after the jump, so every slice still runs at least one iteration.
#[test]
fn slices_smaller_than_a_loop_body_still_make_progress() {
    let mut lua = support::new_lua();
    let body = "x = x + 1 ".repeat(200);
    let src = format!("local x = 0 for i = 1, 50 do {body} end return x");
    let f = load(&mut lua, &src);
    let exec = lua.start(&f, &[]);
    let mut slices = 0;
    while lua.execute(&exec, 10) == ExecuteStatus::OutOfFuel {
        slices += 1;
        assert!(slices < 10_000, "the loop must finish");
    }
    assert!(
        slices >= 49,
        "each iteration costs more than a slice: {slices} slices"
    );
    let r = lua.finish(&exec).expect("no error");
    let v = lua.enter(|ctx| match Lua::fetch(ctx, &r[0]) {
        rupa_vm::Value::Integer(i) => i,
        _ => -1,
    });
    assert_eq!(v, 10_000);
}

/// Straight-line code is paid for when its activation returns: a long function called in a
/// loop costs its length per call, not one unit.
#[test]
fn straight_line_code_is_paid_for_on_return() {
    let mut lua = support::new_lua();
    let body = "x = x + 1 ".repeat(500);
    let src =
        format!("local x = 0 local function f() {body} end for i = 1, 100 do f() end return x");
    let f = load(&mut lua, &src);
    let exec = lua.start(&f, &[]);
    // 100 calls of about 2,000 instructions each do not fit in 100,000.
    assert_eq!(lua.execute(&exec, 100_000), ExecuteStatus::OutOfFuel);
    while lua.execute(&exec, 100_000) == ExecuteStatus::OutOfFuel {}
    let r = lua.finish(&exec).expect("no error");
    let v = lua.enter(|ctx| match Lua::fetch(ctx, &r[0]) {
        rupa_vm::Value::Integer(i) => i,
        _ => -1,
    });
    assert_eq!(v, 50_000);
}

/// Endless tail calls have no backward jump: entering each callee checks the fuel.
#[test]
fn endless_tail_calls_run_out_of_fuel() {
    let mut lua = support::new_lua();
    let f = load(
        &mut lua,
        "local function f(n) return f(n + 1) end return f(0)",
    );
    let exec = lua.start(&f, &[]);
    assert_eq!(lua.execute(&exec, 50_000), ExecuteStatus::OutOfFuel);
    lua.interrupt_handle().interrupt();
    assert_eq!(lua.execute(&exec, 50_000), ExecuteStatus::Finished);
}

#[test]
fn infinite_loop_is_out_of_fuel_then_interruptible() {
    let mut lua = support::new_lua();
    let f = load(&mut lua, "while true do end");
    let exec = lua.start(&f, &[]);
    assert_eq!(lua.execute(&exec, 50_000), ExecuteStatus::OutOfFuel);
    assert_eq!(lua.execute(&exec, 50_000), ExecuteStatus::OutOfFuel);
    lua.interrupt_handle().interrupt();
    assert_eq!(lua.execute(&exec, 50_000), ExecuteStatus::Finished);
    let err = lua.finish(&exec).expect_err("interrupted");
    assert_eq!(err.message, "interrupted");
}

#[test]
fn interrupt_from_another_thread_is_not_catchable() {
    let mut lua = support::new_lua();
    let handle = lua.interrupt_handle();
    let f = load(
        &mut lua,
        "while true do pcall(function() while true do end end) end",
    );
    let t = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(50));
        handle.interrupt();
    });
    let err = lua.call(&f, &[]).expect_err("interrupted");
    t.join().expect("interrupter thread");
    assert_eq!(err.message, "interrupted");
}

#[test]
fn memory_cap_stops_concatenation_before_allocating() {
    let mut lua = support::new_lua();
    lua.set_memory_limit(Some(lua.memory_used() + 10 * 1024 * 1024));
    let f = load(
        &mut lua,
        "local ok, e = pcall(function() local s = 'x' for i = 1, 40 do s = s .. s end end) \
         return ok, e",
    );
    let r = lua.call(&f, &[]).expect("pcall catches it");
    let (ok, e) = lua.enter(|ctx| {
        (
            format!("{:?}", Lua::fetch(ctx, &r[0])),
            match Lua::fetch(ctx, &r[1]) {
                rupa_vm::Value::String(s) => s.to_str_lossy().into_owned(),
                v => format!("{v:?}"),
            },
        )
    });
    assert_eq!(ok, "Boolean(false)");
    assert_eq!(e, "not enough memory");
    assert!(lua.memory_used() < 12 * 1024 * 1024 + 1_000_000);
}

#[test]
fn memory_cap_stops_table_growth() {
    let mut lua = support::new_lua();
    lua.set_memory_limit(Some(lua.memory_used() + 4 * 1024 * 1024));
    let f = load(&mut lua, "local t = {} for i = 1, 1e8 do t[i] = i end");
    let err = lua.call(&f, &[]).expect_err("over the cap");
    assert_eq!(err.message, "not enough memory");
}

#[test]
fn deep_recursion_is_a_lua_error() {
    let mut lua = support::new_lua();
    let f = load(&mut lua, "local function f() return 1 + f() end f()");
    let err = lua.call(&f, &[]).expect_err("stack overflow");
    assert_eq!(err.message, "test:1: stack overflow");
}

#[test]
fn tail_calls_run_in_constant_space() {
    let mut lua = support::new_lua();
    let f = load(
        &mut lua,
        "local function f(n) if n == 0 then return 'done' end return f(n - 1) end \
         return f(3000000)",
    );
    assert!(lua.call(&f, &[]).is_ok());
}

#[test]
fn traceback_matches_lua54() {
    // Expected text captured from `lua5.4 tb.lua` with this script in tb.lua.
    let src = "local function inner(x)
  error(\"boom \" .. x)
end
function glob(x)
  inner(x)
end
local t = {}
function t.field(x) glob(x) end
function t:meth(x) t.field(x) end
local co = setmetatable({}, {__index = function(_, k) t:meth(k) end})
local function tail(x) return co[x] end
local _ = tail(\"k\")
";
    let mut lua = support::new_lua();
    let f = lua.load(src.as_bytes(), "@tb.lua").expect("compiles");
    let err = lua.call(&f, &[]).expect_err("raises");
    assert_eq!(err.message, "tb.lua:2: boom k");
    assert_eq!(
        err.traceback.as_deref(),
        Some(
            "stack traceback:
\t[C]: in function 'error'
\ttb.lua:2: in upvalue 'inner'
\ttb.lua:5: in function 'glob'
\ttb.lua:8: in field 'field'
\ttb.lua:9: in method 'meth'
\ttb.lua:10: in metamethod 'index'
\ttb.lua:11: in local 'tail'
\ttb.lua:12: in main chunk
\t[C]: in ?"
        )
    );
}

#[test]
fn traceback_of_a_vm_error() {
    let src = "local t = nil\nlocal function f() return t.x end\nf()\n";
    let mut lua = support::new_lua();
    let f = lua.load(src.as_bytes(), "@tb2.lua").expect("compiles");
    let err = lua.call(&f, &[]).expect_err("raises");
    assert_eq!(
        err.message,
        "tb2.lua:2: attempt to index a nil value (upvalue 't')"
    );
    assert_eq!(
        err.traceback.as_deref(),
        Some(
            "stack traceback:\n\ttb2.lua:2: in local 'f'\n\ttb2.lua:3: in main chunk\n\t[C]: in ?"
        )
    );
}

#[test]
fn fuel_bounds_vararg_copying() {
    // Each call copies all its varargs: without charging for them, the work for a fixed fuel
    // grew with its square (found by the `run` fuzz target).
    let mut lua = support::new_lua();
    let f = load(&mut lua, "local function f(...) return f(1, ...) end f()");
    let exec = lua.start(&f, &[]);
    let t = std::time::Instant::now();
    let status = lua.execute(&exec, 200_000);
    assert_eq!(status, ExecuteStatus::OutOfFuel);
    assert!(t.elapsed() < Duration::from_secs(20), "{:?}", t.elapsed());
}

#[test]
fn fuel_bounds_finalizers() {
    let mut lua = Lua::with_base();
    let f = load(
        &mut lua,
        "setmetatable({}, {__gc = function() while true do end end}) collectgarbage() \
         return 'after'",
    );
    let exec = lua.start(&f, &[]);
    let mut rounds = 0;
    while lua.execute(&exec, 100_000) == ExecuteStatus::OutOfFuel {
        rounds += 1;
        assert!(rounds < 1000, "the finalizer must not run forever");
    }
    assert!(lua.finish(&exec).is_ok());
}
