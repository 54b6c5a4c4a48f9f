//! Installing a library: its table in the globals and in `package.loaded` (the registry's
//! `_LOADED`, which also gives functions their names in messages: 'table.insert').

use rupa_vm::function::Function;
use rupa_vm::native::NativeFn;
use rupa_vm::{Context, RuntimeError, Table, Value};

/// Creates the library table `name` with `funcs`, sets `_G[name]` and `_LOADED[name]`, and
/// returns the table (for fields that are not functions).
pub fn register_lib<'gc>(
    ctx: Context<'gc>,
    name: &str,
    funcs: &[(&'static str, NativeFn)],
) -> Result<Table<'gc>, RuntimeError<'gc>> {
    let lib = Table::with_capacity(ctx, 0, funcs.len() + 4)?;
    for &(fname, f) in funcs {
        let func = Function::new_native(ctx.mc, fname, f, Box::new([]));
        lib.set_str(
            ctx,
            ctx.new_string(fname.as_bytes())?,
            Value::Function(func),
        )?;
    }
    let key = ctx.new_string(name.as_bytes())?;
    ctx.state.globals.set_str(ctx, key, Value::Table(lib))?;
    loaded_table(ctx)?.set_str(ctx, key, Value::Table(lib))?;
    Ok(lib)
}

/// The registry's `_LOADED` table, created when missing with `_G` in it (as `luaL_openlibs`
/// leaves it: messages name base functions through `_LOADED._G`).
pub fn loaded_table<'gc>(ctx: Context<'gc>) -> Result<Table<'gc>, RuntimeError<'gc>> {
    let key = ctx.new_string(b"_LOADED")?;
    match ctx.state.registry.get_str(ctx, key) {
        Value::Table(t) => Ok(t),
        _ => {
            let t = Table::new(ctx.mc);
            let g = ctx.state.globals;
            t.set_str(ctx, ctx.new_string(b"_G")?, Value::Table(g))?;
            ctx.state.registry.set_str(ctx, key, Value::Table(t))?;
            Ok(t)
        }
    }
}

/// Sets a field of a library table.
pub fn set_field<'gc>(
    ctx: Context<'gc>,
    lib: Table<'gc>,
    name: &str,
    v: Value<'gc>,
) -> Result<(), RuntimeError<'gc>> {
    lib.set_str(ctx, ctx.new_string(name.as_bytes())?, v)
}
