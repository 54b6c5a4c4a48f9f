//! End-to-end checks of the compiler: the Lua scripts in `tests/compiler/` are compiled and
//! run on the interpreter (with the small native library of `support`), and their output must
//! equal the `.out` files captured from `lua5.4` (`lua5.4 NAME.lua > NAME.out 2>&1`).

mod support;

use std::path::Path;

#[test]
fn compiler_scripts_match_lua54() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/compiler");
    let mut scripts: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/compiler exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "lua"))
        .collect();
    scripts.sort();
    assert!(!scripts.is_empty());
    let mut failures = Vec::new();
    for path in scripts {
        let src = std::fs::read(&path).expect("readable script");
        let expected =
            std::fs::read_to_string(path.with_extension("out")).expect("expected output");
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
