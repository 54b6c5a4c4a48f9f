//! Rebinding a closure's upvalue slot (what `debug.upvaluejoin` does): the new binding is
//! seen by calls, and the state forgets the slots of rebound closures once they are dead.

use rupa_vm::lua::Lua;
use rupa_vm::Value;

fn global_function<'gc>(
    ctx: rupa_vm::Context<'gc>,
    name: &str,
) -> rupa_vm::function::Function<'gc> {
    let k = Value::String(ctx.new_string(name.as_bytes()).expect("no cap"));
    match ctx.state.globals.get(ctx, k).as_function() {
        Some(f) => f,
        None => panic!("{name} is not a function"),
    }
}

#[test]
fn rebound_slots_are_used_and_forgotten_with_their_closure() {
    let mut lua = Lua::with_base();
    let chunk = lua
        .load(
            b"local a, b = 'a', 'b'\n\
              f = function() return a end\n\
              g = function() return b end\n\
              h = function() return a end",
            "=test",
        )
        .expect("valid chunk");
    lua.call(&chunk, &[]).expect("runs");
    lua.enter(|ctx| {
        let (f, g) = (global_function(ctx, "f"), global_function(ctx, "g"));
        let cell = g.upvalue(ctx, 0).expect("g has an upvalue");
        assert!(f.rebind_upvalue(ctx, 0, cell));
        assert!(!f.rebind_upvalue(ctx, 1, cell), "f has one slot");
        assert_eq!(ctx.state.rebound_upvalues.borrow().len(), 1);
    });
    let result = |lua: &mut Lua, name: &str| {
        let f = lua.enter(|ctx| Lua::stash(ctx, Value::from(global_function(ctx, name))));
        let r = lua.call(&f, &[]).expect("runs");
        lua.enter(|ctx| match Lua::fetch(ctx, &r[0]) {
            Value::String(s) => s.to_str_lossy().into_owned(),
            _ => String::new(),
        })
    };
    assert_eq!(result(&mut lua, "f"), "b");
    assert_eq!(
        result(&mut lua, "h"),
        "a",
        "closures sharing the old cell keep it"
    );
    lua.collect_full();
    lua.enter(|ctx| assert_eq!(ctx.state.rebound_upvalues.borrow().len(), 1));
    let clear = lua.load(b"f = nil", "=clear").expect("valid chunk");
    lua.call(&clear, &[]).expect("runs");
    lua.collect_full();
    lua.collect_full();
    lua.enter(|ctx| assert_eq!(ctx.state.rebound_upvalues.borrow().len(), 0));
}
