//! Helpers shared by the embedding API's integration tests.

use rupa::{Api, Limits, LuaValue, Runtime};

/// A runtime with a memory cap of `bytes` and no fuel limit.
pub fn capped(bytes: usize) -> Runtime {
    Runtime::with_limits(Limits {
        fuel: None,
        memory: Some(bytes),
    })
}

/// Runs `code` (a function body) under a 4 MiB cap and checks that it fails with "not enough
/// memory", caught by `pcall` inside the script, without the runtime's use passing the cap.
/// Returns the runtime for further checks.
pub fn refused_at_cap(code: &str) -> Runtime {
    let mut rt = capped(4 << 20);
    let wrapped = format!("local ok, err = pcall(function() {code} end) return ok, err");
    let out = rt
        .exec(wrapped.as_bytes(), "=capped")
        .expect("pcall catches the memory error");
    assert!(
        matches!(rt.value(&out[0]), LuaValue::Boolean(false)),
        "{code}: must fail"
    );
    assert_eq!(
        rt.value(&out[1]).as_str().as_deref(),
        Some("not enough memory"),
        "{code}"
    );
    assert!(
        rt.memory_used() <= 4 << 20,
        "used {} bytes",
        rt.memory_used()
    );
    rt
}
