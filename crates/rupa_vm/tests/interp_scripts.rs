//! Runs the Lua scripts in `tests/interp/` and compares their output with the `.out` files
//! captured from `lua5.4` (regenerate with `tests/interp/regen.sh`).
//!
//! The VM is tested without the real libraries: a handful of natives defined here (`print`,
//! `pcall`, `error`, `coroutine.*`, ...) exercise the native protocol the way the base library
//! does.

mod support;

use std::path::Path;

#[test]
fn scripts_match_lua54() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interp");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/interp exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "lua"))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.as_encoded_bytes()[0].is_ascii_digit())
        })
        .collect();
    entries.sort();
    assert!(!entries.is_empty());
    let mut failures = Vec::new();
    for path in entries {
        let src = std::fs::read(&path).expect("readable script");
        let expected = std::fs::read_to_string(path.with_extension("out")).unwrap_or_default();
        let name = path
            .file_name()
            .expect("file name")
            .to_string_lossy()
            .into_owned();
        let got = support::run_script(&src, &format!("@{name}"));
        if got != expected {
            failures.push(format!(
                "--- {name}\n=== expected\n{expected}=== got\n{got}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
