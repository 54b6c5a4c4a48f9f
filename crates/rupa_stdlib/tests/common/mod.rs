//! Shared by the integration tests: a state with every library, as a runtime has them.

use std::rc::Rc;

use rupa_vm::lua::Lua;

/// Every library loaded (`rupa_stdlib::open_libs`) with the standard host.
pub fn full_state() -> Lua {
    let lua = Lua::new();
    lua.enter(|ctx| {
        rupa_stdlib::open_libs(ctx, Rc::new(rupa_stdlib::host::StdHost::new()))
            .expect("room for the libraries");
    });
    lua
}
