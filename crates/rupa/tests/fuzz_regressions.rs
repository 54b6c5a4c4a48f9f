//! Inputs the fuzzers found (`fuzz/regressions/`), replayed under the `run` target's limits:
//! every one must end — with a result or an error — instead of hanging or crashing.

use rupa::{Api, Limits, Runtime};

#[test]
fn fuzz_regressions_end_under_fuel_and_memory_caps() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions");
    let mut seen = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("fuzz/regressions exists")
        .map(|e| e.expect("readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "lua"))
        .collect();
    entries.sort();
    for path in entries {
        let source = std::fs::read(&path).expect("readable regression input");
        let mut rt = Runtime::with_limits(Limits {
            fuel: Some(200_000),
            memory: Some(32 << 20),
        });
        // The outcome does not matter; ending does (a hang fails the test run by timeout).
        let _ = rt.exec(&source, "=regression");
        rt.close();
        seen += 1;
    }
    assert!(
        seen >= 3,
        "expected the recorded regression inputs, found {seen}"
    );
}
