//! The interpreter's fast paths (inline Lua calls, string-key fields through `__index`
//! tables, mixed number arithmetic) against output captured from `lua5.4`
//! (`lua5.4 tests/perf/fast_paths.lua > tests/perf/fast_paths.out`).

mod support;

use std::path::Path;

#[test]
fn fast_paths_match_lua54() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/perf");
    let src = std::fs::read(dir.join("fast_paths.lua")).expect("readable script");
    let expected =
        std::fs::read_to_string(dir.join("fast_paths.out")).expect("readable expected output");
    let got = support::run_script(&src, "@fast_paths.lua");
    assert_eq!(got, expected);
}
