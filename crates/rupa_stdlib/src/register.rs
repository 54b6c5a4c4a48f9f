//! Installing a library: its table in the globals and in `package.loaded` (the registry's
//! `_LOADED`, which also gives functions their names in messages: 'table.insert').

use rupa_vm::native::NativeDef;
use rupa_vm::{Context, RuntimeError, Table, Value};

/// Creates the library table `name` with `funcs` as light natives, sets `_G[name]` and `_LOADED[name]`, and
/// returns the table (for fields that are not functions).
pub fn register_lib<'gc>(
    ctx: Context<'gc>,
    name: &str,
    funcs: &'static [NativeDef],
) -> Result<Table<'gc>, RuntimeError<'gc>> {
    register_lib_with(ctx, name, funcs, 0)
}

/// [`register_lib`] with room for exactly `extra` fields besides `funcs` (set by the caller
/// with [`set_field`]).
pub fn register_lib_with<'gc>(
    ctx: Context<'gc>,
    name: &str,
    funcs: &'static [NativeDef],
    extra: usize,
) -> Result<Table<'gc>, RuntimeError<'gc>> {
    let lib = rupa_vm::baselib::new_library(ctx, funcs, extra)?;
    let key = ctx.new_string(name.as_bytes())?;
    ctx.state.globals.set_str(ctx, key, Value::Table(lib))?;
    loaded_table(ctx)?.set_str(ctx, key, Value::Table(lib))?;
    Ok(lib)
}

/// The registry's `_LOADED` table, created when missing with `_G` in it (as `luaL_openlibs`
/// leaves it: messages name base functions through `_LOADED._G`).
pub fn loaded_table<'gc>(ctx: Context<'gc>) -> Result<Table<'gc>, RuntimeError<'gc>> {
    match ctx.state.registry.get_field(ctx, b"_LOADED") {
        Value::Table(t) => Ok(t),
        _ => {
            // `register_module` makes it, sized for the standard libraries.
            rupa_vm::baselib::register_module(ctx, "_G", ctx.state.globals)?;
            match ctx.state.registry.get_field(ctx, b"_LOADED") {
                Value::Table(t) => Ok(t),
                _ => Err(RuntimeError::msg("registry._LOADED is not a table")),
            }
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
