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
use crate::native::{NativeDef, NativeFn};
use crate::state::Context;
use crate::table::Table;
use crate::value::Value;

/// Installs the base functions, `_G` and `_VERSION` into the globals table.
pub fn load_base(ctx: Context<'_>) -> Result<(), RuntimeError<'_>> {
    let g = ctx.state.globals;
    // Room for every global the standard libraries make, so installing them never rehashes.
    g.reserve_hash(ctx, STANDARD_GLOBALS)?;
    ctx.state.registry.reserve_hash(ctx, REGISTRY_FIELDS)?;
    install(ctx, g, &BASE)?;
    set_light(ctx, g, &NEXT)?;
    collect::new_settings(ctx)?;
    g.set_str(ctx, ctx.new_string(b"_G")?, Value::Table(g))?;
    register_module(ctx, "_G", g)?;
    let version = Value::String(ctx.new_string(b"Lua 5.4")?);
    g.set_str(ctx, ctx.new_string(b"_VERSION")?, version)?;
    Ok(())
}

/// The base functions without upvalues, as light natives.
static BASE: [NativeDef; 19] = [
    NativeDef::new("assert", basic::assert),
    NativeDef::new("error", basic::error),
    NativeDef::new("getmetatable", basic::getmetatable),
    NativeDef::new("load", load::load),
    NativeDef::new("pcall", basic::pcall),
    NativeDef::new("print", tostring::print),
    NativeDef::new("rawequal", basic::rawequal),
    NativeDef::new("rawget", basic::rawget),
    NativeDef::new("rawlen", basic::rawlen),
    NativeDef::new("rawset", basic::rawset),
    NativeDef::new("select", basic::select),
    NativeDef::new("setmetatable", basic::setmetatable),
    NativeDef::new("tonumber", basic::tonumber),
    NativeDef::new("tostring", tostring::tostring),
    NativeDef::new("type", basic::type_),
    NativeDef::new("xpcall", basic::xpcall),
    NativeDef::new("pairs", basic::pairs),
    NativeDef::new("ipairs", basic::ipairs),
    NativeDef::new("collectgarbage", collect::collectgarbage),
];

/// `next`, which `pairs` also returns.
pub(crate) static NEXT: NativeDef = NativeDef::new("next", basic::next);

/// The iterator `ipairs` returns.
pub(crate) static IPAIRS_AUX: NativeDef = NativeDef::new("ipairs_aux", basic::ipairs_aux);

/// Globals after every standard library is loaded (lua5.4 has 37; a host adds a few).
const STANDARD_GLOBALS: usize = 40;

/// Registry fields the standard libraries make (`_LOADED`, `_PRELOAD`, the file metatable,
/// the default files, the collector settings; a host adds a few).
const REGISTRY_FIELDS: usize = 8;

/// Libraries in `_LOADED` after every standard library is loaded (lua5.4 has 10; a host adds
/// a few).
const STANDARD_MODULES: usize = 12;

/// A library table holding `funcs` as light natives, with room for exactly `extra` more
/// fields: a library's fields are all known when it is made, so filling it never rehashes and
/// leaves no unused room.
pub fn new_library<'gc>(
    ctx: Context<'gc>,
    funcs: &'static [NativeDef],
    extra: usize,
) -> Result<Table<'gc>, RuntimeError<'gc>> {
    let lib = Table::with_exact_capacity(ctx, funcs.len() + extra)?;
    install(ctx, lib, funcs)?;
    Ok(lib)
}

/// Sets `table[def.name]` to the light native of each of `defs`.
pub fn install<'gc>(
    ctx: Context<'gc>,
    table: Table<'gc>,
    defs: &'static [NativeDef],
) -> Result<(), RuntimeError<'gc>> {
    for def in defs {
        set_light(ctx, table, def)?;
    }
    Ok(())
}

/// Sets `table[def.name]` to the light native of `def` (no allocation but the key's).
pub fn set_light<'gc>(
    ctx: Context<'gc>,
    table: Table<'gc>,
    def: &'static NativeDef,
) -> Result<(), RuntimeError<'gc>> {
    let key = ctx.new_string(def.name.as_bytes())?;
    table.set_str(ctx, key, Value::from(Function::light(def)))
}

/// Sets `table[name]` to a native closure named `name` (the name messages use) holding
/// `upvalues`; a native without upvalues is better installed light, with [`set_light`].
pub fn set_native<'gc>(
    ctx: Context<'gc>,
    table: Table<'gc>,
    name: &'static str,
    func: NativeFn,
    upvalues: Box<[Value<'gc>]>,
) -> Result<(), RuntimeError<'gc>> {
    let f = Function::new_native(ctx.mc, name, func, upvalues);
    table.set_str(ctx, ctx.new_string(name.as_bytes())?, Value::from(f))
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
