//! A minimal `lua`-like runner over the interpreter with the base and coroutine libraries:
//! `mini_lua FILE` (`--support` uses the test natives of `tests/support` instead). Prints an escaping error as
//! `rupa: <message>` and the traceback on stderr, exit status 1 — the CLI's behaviour, so the
//! differential corpus can exercise the VM before the libraries exist.
#[path = "../tests/support/mod.rs"]
mod support;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let with_support = args.iter().any(|a| a == "--support");
    let path = args
        .iter()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .expect("usage: mini_lua [--support] FILE")
        .clone();
    let src = std::fs::read(&path).expect("readable file");
    let src = rupa_vm::skip_shebang(&src);
    let mut lua = if with_support {
        support::new_lua()
    } else {
        rupa_vm::lua::Lua::with_base()
    };
    let f = match lua.load(src, &format!("@{path}")) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("rupa: {}", e.message);
            std::process::exit(1);
        }
    };
    let r = lua.call(&f, &[]);
    print!("{}", support::take_output());
    if let Err(e) = r {
        eprintln!("rupa: {}", e.message);
        if let Some(tb) = e.traceback {
            eprintln!("{tb}");
        }
        lua.close();
        std::process::exit(1);
    }
    lua.close();
}
