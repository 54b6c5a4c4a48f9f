//! Runs the Lua scripts in `tests/baselib/` with the real base and coroutine libraries and
//! compares their output with the `.out` files captured from `lua5.4`
//! (regenerate with `tests/baselib/regen.sh`).
//!
//! Scripts named `pending_*` (none at present) wait for support not merged yet; they run
//! only with `BASELIB_PENDING=1`.
//!
//! `print` writes to the process's stdout, so each script runs in a child process: this test
//! binary re-executes itself with `BASELIB_SCRIPT` set, and the child's output between two
//! markers is the script's.

use std::path::Path;
use std::process::Command;

use rupa_vm::lua::Lua;

const BEGIN: &str = "<<<baselib script begin>>>";
const END: &str = "<<<baselib script end>>>";

/// Child side: runs the script named by `BASELIB_SCRIPT`, if any.
#[test]
fn child_runs_script() {
    let Ok(path) = std::env::var("BASELIB_SCRIPT") else {
        return;
    };
    let src = std::fs::read(&path).expect("readable script");
    let name = Path::new(&path)
        .file_name()
        .expect("file name")
        .to_string_lossy()
        .into_owned();
    println!("{BEGIN}");
    let mut lua = Lua::new();
    lua.enter(|ctx| {
        rupa_vm::baselib::load_base(ctx).expect("base library loads");
        rupa_vm::corolib::load_coroutine(ctx).expect("coroutine library loads");
    });
    match lua.load(&src, &format!("@{name}")) {
        Err(e) => println!("syntax: {}", e.message),
        Ok(f) => {
            if let Err(e) = lua.call(&f, &[]) {
                println!("error: {}", e.message);
            }
        }
    }
    println!("{END}");
}

fn run_child(path: &Path) -> String {
    let exe = std::env::current_exe().expect("test binary path");
    let out = Command::new(exe)
        .args([
            "--exact",
            "child_runs_script",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("BASELIB_SCRIPT", path)
        .output()
        .expect("child runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    match (text.find(BEGIN), text.find(END)) {
        (Some(b), Some(e)) if b < e => text[b + BEGIN.len() + 1..e].to_string(),
        _ => format!(
            "child failed: {}\n{}",
            text,
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

#[test]
fn scripts_match_lua54() {
    if std::env::var("BASELIB_SCRIPT").is_ok() {
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/baselib");
    let filter = std::env::var("BASELIB_FILTER").unwrap_or_default();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/baselib exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "lua"))
        .filter(|p| p.to_string_lossy().contains(&filter))
        .filter(|p| {
            let pending = p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("pending_"));
            !pending || std::env::var("BASELIB_PENDING").is_ok()
        })
        .collect();
    entries.sort();
    assert!(!entries.is_empty());
    let mut failures = Vec::new();
    for path in entries {
        let expected = std::fs::read_to_string(path.with_extension("out")).unwrap_or_default();
        let got = run_child(&path);
        if got != expected {
            let name = path.file_name().expect("file name").to_string_lossy();
            failures.push(format!(
                "--- {name}\n=== expected\n{expected}=== got\n{got}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
