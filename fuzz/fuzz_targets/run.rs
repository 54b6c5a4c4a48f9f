//! Fuzz target: arbitrary bytes loaded and executed as a Lua chunk with the whole standard
//! library, on a sandboxed runtime (no files, processes or environment), under a fuel limit and
//! a memory cap.
//!
//! Every input must end in a result, a Lua error (syntax or runtime, including "not enough
//! memory") or running out of fuel. A panic, an abort, a stack overflow, a hang (caught by
//! libFuzzer's `-timeout`) or memory growing past the cap (caught by `-rss_limit_mb` /
//! `-malloc_limit_mb`) is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rupa::{Api, Error, Limits, Runtime};

/// Instructions one input may run: enough for loops of a few thousand iterations, small
/// enough to keep thousands of executions per second.
const FUEL: i64 = 200_000;

/// Bytes an input may allocate on top of a fresh state.
const MEMORY_CAP: usize = 32 * 1024 * 1024;

fuzz_target!(|data: &[u8]| {
    let mut rt = Runtime::sandboxed(Limits { fuel: Some(FUEL), memory: None });
    let base = rt.memory_used();
    rt.set_limits(Limits { fuel: Some(FUEL), memory: Some(base + MEMORY_CAP) });
    match rt.exec(data, "=fuzz") {
        // Building the error report (message, traceback) is part of what must not panic.
        Err(Error::Runtime { message, traceback, .. }) => {
            let _ = (message.len(), traceback.map(|t| t.len()));
        }
        _ => {}
    }
    // Closing runs pending finalizers under the same limits; it must end cleanly too.
    rt.close();
});
