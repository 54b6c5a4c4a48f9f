//! Fuzz target: arbitrary bytes through the parser and the compiler.
//!
//! Any input must end in `Ok` or a `SyntaxError`; a panic, an abort or a stack overflow is a
//! bug. Deeply nested input (`((((...`, `a.b.c...`, `{{{{...`) is the usual way to find the
//! last one, so the seeds and the dictionary are rich in brackets.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(chunk) = rupa_vm::parse(data, "=fuzz") {
        // Syntax errors the parser leaves to the compiler (goto, break, too many locals or
        // registers) are fine too; only the absence of a panic is checked.
        let _ = rupa_vm::compile(&chunk, "=fuzz");
    }
});
