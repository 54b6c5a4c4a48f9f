//! A minimal `lua`-like runner over the interpreter with the test natives of
//! `tests/support` (no standard library): `mini_lua FILE`. Prints an escaping error as
//! `rupa: <message>` and the traceback on stderr, exit status 1 — the CLI's behaviour, so the
//! differential corpus can exercise the VM before the libraries exist.
#[path = "../tests/support/mod.rs"]
mod support;

fn main() {
    let path = std::env::args().nth(1).expect("usage: mini_lua FILE");
    let src = std::fs::read(&path).expect("readable file");
    let src = rupa_vm::skip_shebang(&src);
    let mut lua = support::new_lua();
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
