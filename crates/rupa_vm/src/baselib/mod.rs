//! The base library (`print`, `pcall`, `setmetatable`, `load`, `collectgarbage`, ...): the
//! global functions the language and its tests rely on, written against the native protocol
//! so none of them recurses on the Rust stack. `dofile`, `loadfile` and `warn` need host
//! capabilities and belong to the standard library crate.

pub mod args;
mod basic;
mod collect;
mod load;

pub use collect::set_generational_mode;
pub mod tostring;

use crate::error::RuntimeError;
use crate::function::Function;
use crate::native::NativeFn;
use crate::state::Context;
use crate::table::Table;
use crate::value::Value;

/// Installs the base functions, `_G` and `_VERSION` into the globals table.
pub fn load_base(ctx: Context<'_>) -> Result<(), RuntimeError<'_>> {
    let g = ctx.state.globals;
    // Room for every global the standard libraries make, so installing them never rehashes.
    g.reserve_hash(ctx, STANDARD_GLOBALS)?;
    ctx.state.registry.reserve_hash(ctx, REGISTRY_FIELDS)?;
    let plain: [(&'static str, NativeFn); 17] = [
        ("assert", basic::assert),
        ("error", basic::error),
        ("getmetatable", basic::getmetatable),
        ("load", load::load),
        ("pcall", basic::pcall),
        ("print", tostring::print),
        ("rawequal", basic::rawequal),
        ("rawget", basic::rawget),
        ("rawlen", basic::rawlen),
        ("rawset", basic::rawset),
        ("select", basic::select),
        ("setmetatable", basic::setmetatable),
        ("tonumber", basic::tonumber),
        ("tostring", tostring::tostring),
        ("type", basic::type_),
        ("xpcall", basic::xpcall),
        ("next", basic::next),
    ];
    for (name, f) in plain {
        set_native(ctx, g, name, f, Box::new([]))?;
    }
    let next = g.get_field(ctx, b"next");
    set_native(ctx, g, "pairs", basic::pairs, Box::new([next]))?;
    let aux = Value::Function(Function::new_native(
        ctx.mc,
        "ipairs_aux",
        basic::ipairs_aux,
        Box::new([]),
    ));
    set_native(ctx, g, "ipairs", basic::ipairs, Box::new([aux]))?;
    let settings = Value::Table(collect::new_settings(ctx)?);
    set_native(
        ctx,
        g,
        "collectgarbage",
        collect::collectgarbage,
        Box::new([settings]),
    )?;
    g.set_str(ctx, ctx.new_string(b"_G")?, Value::Table(g))?;
    register_module(ctx, "_G", g)?;
    let version = Value::String(ctx.new_string(b"Lua 5.4")?);
    g.set_str(ctx, ctx.new_string(b"_VERSION")?, version)?;
    Ok(())
}

/// Globals after every standard library is loaded (lua5.4 has 37; a host adds a few).
const STANDARD_GLOBALS: usize = 40;

/// Registry fields the standard libraries make (`_LOADED`, `_PRELOAD`, the file metatable,
/// the default files, the collector settings; a host adds a few).
const REGISTRY_FIELDS: usize = 8;

/// Libraries in `_LOADED` after every standard library is loaded (lua5.4 has 10; a host adds
/// a few).
const STANDARD_MODULES: usize = 12;

/// A library table holding `funcs` as native functions, with room for exactly `extra` more
/// fields: a library's fields are all known when it is made, so filling it never rehashes and
/// leaves no unused room.
pub fn new_library<'gc>(
    ctx: Context<'gc>,
    funcs: &[(&'static str, NativeFn)],
    extra: usize,
) -> Result<Table<'gc>, RuntimeError<'gc>> {
    let lib = Table::with_exact_capacity(ctx, funcs.len() + extra)?;
    for &(name, f) in funcs {
        set_native(ctx, lib, name, f, Box::new([]))?;
    }
    Ok(lib)
}

/// Sets `table[name]` to a native closure named `name` (the name messages use).
pub fn set_native<'gc>(
    ctx: Context<'gc>,
    table: Table<'gc>,
    name: &'static str,
    func: NativeFn,
    upvalues: Box<[Value<'gc>]>,
) -> Result<(), RuntimeError<'gc>> {
    let f = Function::new_native(ctx.mc, name, func, upvalues);
    table.set_str(ctx, ctx.new_string(name.as_bytes())?, Value::Function(f))
}

/// Records a loaded library in `registry._LOADED[name]` (created on first use), as
/// `luaL_requiref` does: `require` finds it there, and messages name functions through it
/// ("bad argument #1 to 'coroutine.resume'").
pub fn register_module<'gc>(
    ctx: Context<'gc>,
    name: &str,
    module: Table<'gc>,
) -> Result<(), RuntimeError<'gc>> {
    let registry = ctx.state.registry;
    let loaded = match registry.get_field(ctx, b"_LOADED") {
        Value::Table(t) => t,
        _ => {
            let t = Table::with_capacity(ctx, 0, STANDARD_MODULES)?;
            registry.set_str(ctx, ctx.new_string(b"_LOADED")?, Value::Table(t))?;
            t
        }
    };
    loaded.set_str(ctx, ctx.new_string(name.as_bytes())?, Value::Table(module))
}
