//! Runs a Lua file with only `setmetatable` defined and reports the wall time: the
//! interpreter's speed without the libraries. `cargo run --release --example run_bench f.lua`
use rupa_vm::error::RuntimeError;
use rupa_vm::function::Function;
use rupa_vm::lua::Lua;
use rupa_vm::native::{NativeAction, NativeStack};
use rupa_vm::{Context, Value};

fn setmetatable<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    s: &mut NativeStack<'gc, '_>,
) -> Result<NativeAction<'gc>, RuntimeError<'gc>> {
    if let (Value::Table(t), Value::Table(m)) = (s.get(0), s.get(1)) {
        t.set_metatable(ctx.mc, Some(m));
    }
    s.resize(1);
    Ok(NativeAction::Return)
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: run_bench FILE");
    let src = std::fs::read(&path).expect("readable file");
    let mut lua = Lua::new();
    lua.enter(|ctx| {
        let f = Function::new_native(ctx.mc, "setmetatable", setmetatable, Box::new([]));
        let k = Value::String(ctx.new_string(b"setmetatable").expect("no cap"));
        ctx.state
            .globals
            .set(ctx, k, Value::from(f))
            .expect("no cap");
    });
    let f = lua.load(&src, &format!("@{path}")).expect("compiles");
    let t = std::time::Instant::now();
    if let Err(e) = lua.call(&f, &[]) {
        eprintln!("error: {e}");
    }
    println!("{path}: {:.2}s", t.elapsed().as_secs_f64());
}
