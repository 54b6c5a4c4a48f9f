//! Limits of the embedding API: fuel, interrupts from another thread, the memory cap.

use std::time::Duration;

mod support;

use rupa::{Api, Error, Limits, LuaValue, Runtime};

fn int(rt: &Runtime, h: &rupa::Handle) -> i64 {
    match rt.value(h) {
        LuaValue::Integer(i) => i,
        other => panic!("expected an integer, got {other:?}"),
    }
}

#[test]
fn fuel_stops_an_endless_loop_and_the_runtime_stays_usable() {
    let mut rt = Runtime::with_limits(Limits {
        fuel: Some(100_000),
        memory: None,
    });
    let err = rt
        .exec(b"while true do end", "=loop")
        .expect_err("must run out of fuel");
    assert!(matches!(err, Error::OutOfFuel), "{err:?}");
    let out = rt
        .exec(b"return 6 * 7", "=after")
        .expect("runtime still works");
    assert_eq!(int(&rt, &out[0]), 42);
}

#[test]
fn fuel_is_enough_for_small_work() {
    let mut rt = Runtime::with_limits(Limits {
        fuel: Some(1_000_000),
        memory: None,
    });
    let out = rt
        .exec(
            b"local s = 0 for i = 1, 1000 do s = s + i end return s",
            "=sum",
        )
        .expect("fits");
    assert_eq!(int(&rt, &out[0]), 500_500);
}

#[test]
fn interrupt_from_another_thread_stops_the_script() {
    let mut rt = Runtime::new();
    let handle = rt.interrupt_handle();
    let stopper = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(100));
        handle.interrupt();
    });
    // pcall must not be able to swallow the interrupt.
    let err = rt
        .exec(
            b"while true do pcall(function() while true do end end) end",
            "=spin",
        )
        .expect_err("interrupted");
    stopper.join().expect("stopper thread");
    assert!(matches!(err, Error::Interrupted), "{err:?}");
    let out = rt
        .exec(b"return 1 + 1", "=after")
        .expect("usable after interrupt");
    assert_eq!(int(&rt, &out[0]), 2);
}

use support::capped;

/// Runs `code` under a 4 MiB cap: it must fail with "not enough memory" caught by pcall inside
/// the script, and the runtime must keep working afterwards.
fn stops_at_cap(code: &str) {
    let mut rt = support::refused_at_cap(code);
    rt.gc_collect();
    let out = rt
        .exec(
            b"local t = {} for i = 1, 100 do t[i] = i end return #t",
            "=after",
        )
        .expect("usable");
    assert_eq!(int(&rt, &out[0]), 100);
}

#[test]
fn memory_cap_stops_string_doubling() {
    stops_at_cap("local s = 'x' while true do s = s .. s end");
}

#[test]
fn memory_cap_stops_table_growth() {
    stops_at_cap("local t = {} local i = 1 while true do t[i] = i i = i + 1 end");
}

#[test]
fn memory_cap_stops_hash_growth() {
    stops_at_cap("local t = {} local i = 1 while true do t['k' .. i] = true i = i + 1 end");
}

#[test]
fn memory_cap_stops_concatenation_loops() {
    stops_at_cap(
        "local parts = {} local s = '' for i = 1, 1e9 do s = s .. 'abcdefgh' parts[i] = s end",
    );
}

#[test]
fn memory_error_outside_pcall_is_an_error_not_a_crash() {
    let mut rt = capped(2 << 20);
    let err = rt
        .exec(b"local s = 'x' while true do s = s .. s end", "=big")
        .expect_err("fails");
    assert!(matches!(err, Error::Memory), "{err:?}");
    let out = rt
        .exec(b"return 'still' .. ' here'", "=after")
        .expect("usable");
    assert_eq!(rt.value(&out[0]).as_str().as_deref(), Some("still here"));
}

#[test]
fn sandboxed_runtime_refuses_the_outside_world_but_computes() {
    let mut rt = Runtime::sandboxed(Limits::default());
    let out = rt
        .exec(
            b"local ok, e = pcall(io.open, 'x.txt', 'w')
              local ok2, e2 = pcall(os.getenv, 'HOME')
              return ok, e, ok2, e2, string.format('%d-%s', 7, ('x'):rep(3))",
            "=sandbox",
        )
        .expect("runs");
    assert!(matches!(rt.value(&out[0]), LuaValue::Boolean(false)));
    let msg = rt.value(&out[1]).as_str().expect("message").into_owned();
    assert!(msg.contains("not allowed in this sandbox"), "{msg}");
    assert!(matches!(rt.value(&out[2]), LuaValue::Boolean(false)));
    assert_eq!(rt.value(&out[4]).as_str().as_deref(), Some("7-xxx"));
}
