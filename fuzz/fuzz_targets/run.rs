//! Fuzz target: arbitrary bytes loaded and executed as a Lua chunk, with the base library and
//! `coroutine`, under a fuel limit and a memory cap.
//!
//! Every input must end in a result, a Lua error (syntax or runtime, including "not enough
//! memory") or running out of fuel. A panic, an abort, a stack overflow, a hang (caught by
//! libFuzzer's `-timeout`) or memory growing past the cap (caught by `-rss_limit_mb` /
//! `-malloc_limit_mb`) is a bug. `print` writes to the real stdout: run with
//! `-close_fd_mask=1` to keep libFuzzer's output readable.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rupa_vm::lua::{ExecuteStatus, Lua};

/// Instructions one input may run: enough for loops of a few thousand iterations, small
/// enough to keep thousands of executions per second.
const FUEL: i64 = 200_000;

/// Bytes an input may allocate on top of a fresh state.
const MEMORY_CAP: usize = 32 * 1024 * 1024;

fuzz_target!(|data: &[u8]| {
    let mut lua = Lua::with_base();
    lua.set_memory_limit(Some(lua.memory_used() + MEMORY_CAP));
    let Ok(main) = lua.load(data, "=fuzz") else {
        return;
    };
    let exec = lua.start(&main, &[]);
    if lua.execute(&exec, FUEL) == ExecuteStatus::Finished {
        // Building the error report (message, traceback) is part of what must not panic.
        if let Err(report) = lua.finish(&exec) {
            let _ = (report.message.len(), report.traceback.map(|t| t.len()));
        }
    }
    // Dropping a state in the middle of a run, with open upvalues, coroutines and pending
    // finalizers, must be clean too.
});
