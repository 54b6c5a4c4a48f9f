//! The `string` library as native functions: argument checking with lua5.4's messages, and
//! the glue between Lua values and the byte-level algorithms of the parent module.
//!
//! Owns `load_string` (the `string` table, its registration in `package.loaded`, and the
//! string metatable through [`super::meta`]) and the helpers the natives share: fuel
//! charging, pattern budgets, capture values and per-call state kept in userdata. Anything
//! that calls Lua (`gsub` with a function, `format`'s `__tostring`) goes through a
//! continuation, never through Rust recursion.

mod basic;
mod find;
mod format_native;
mod gsub;
mod pack_native;

use std::cell::RefCell;

use gc_arena::{lock::Lock, Gc};
use rupa_vm::baselib::register_module;
use rupa_vm::native::{NativeAction, NativeDef, NativeStack};
use rupa_vm::userdata::{UserData, UserDataObj};
use rupa_vm::{Context, LuaString, RuntimeError, Value};

use super::pattern::{Budget, Capture, PatternError};

/// What a native returns.
pub(crate) type R<'gc> = Result<NativeAction<'gc>, RuntimeError<'gc>>;

/// Creates the `string` table in the globals (and in `package.loaded`), and installs the
/// string metatable (`__index = string` and the arithmetic metamethods), as lua5.4's
/// `luaopen_string` does.
pub fn load_string(ctx: Context<'_>) -> Result<(), RuntimeError<'_>> {
    static FUNCS: [NativeDef; 17] = [
        NativeDef::new("byte", basic::byte),
        NativeDef::new("char", basic::char),
        NativeDef::new("dump", basic::dump),
        NativeDef::new("find", find::find),
        NativeDef::new("format", format_native::format),
        NativeDef::new("gmatch", find::gmatch),
        NativeDef::new("gsub", gsub::gsub),
        NativeDef::new("len", basic::len),
        NativeDef::new("lower", basic::lower),
        NativeDef::new("match", find::match_),
        NativeDef::new("rep", basic::rep),
        NativeDef::new("reverse", basic::reverse),
        NativeDef::new("sub", basic::sub),
        NativeDef::new("upper", basic::upper),
        NativeDef::new("pack", pack_native::pack),
        NativeDef::new("packsize", pack_native::packsize),
        NativeDef::new("unpack", pack_native::unpack),
    ];
    let lib = rupa_vm::baselib::new_library(ctx, &FUNCS, 0)?;
    let g = ctx.state.globals;
    g.set_str(ctx, ctx.new_string(b"string")?, Value::Table(lib))?;
    register_module(ctx, "string", lib)?;
    super::meta::install(ctx, lib)
}

/// Takes `units` of fuel from the running slice: natives pay for work proportional to
/// their input, so a host's instruction limit also bounds string work. One unit is about
/// the cost of a VM instruction; `bytes` are charged at 16 per unit.
pub(crate) fn charge_bytes(ctx: Context<'_>, bytes: usize) {
    let units = i64::try_from(bytes / 16).unwrap_or(i64::MAX);
    let fuel = &ctx.state.fuel;
    fuel.set(fuel.get().saturating_sub(units));
}

/// Takes the matcher steps a pattern operation used from the slice's fuel (8 steps per
/// unit: a step is a byte comparison or a pattern item tried).
pub(crate) fn charge_steps(ctx: Context<'_>, start: &Budget, now: &Budget) {
    let steps = start.remaining().saturating_sub(now.remaining());
    let units = i64::try_from(steps / 8).unwrap_or(i64::MAX);
    let fuel = &ctx.state.fuel;
    fuel.set(fuel.get().saturating_sub(units));
}

/// The matcher budget for one pattern operation over a subject of `len` bytes. lua5.4 has
/// no such limit, so it is generous (far more than any sensible pattern needs, about a
/// second of matching); it only stops patterns whose backtracking would run for hours.
pub(crate) fn pattern_budget(len: usize) -> Budget {
    let per_byte = (len as u64).saturating_mul(256);
    Budget::new(per_byte.saturating_add(200_000_000))
}

/// A pattern error as the Lua error lua5.4 raises (`luaL_error`, with the caller's
/// position). A budget that ran out reads as lua5.4's own limit on patterns.
pub(crate) fn pattern_error<'gc>(e: PatternError) -> RuntimeError<'gc> {
    match e {
        PatternError::OutOfFuel => RuntimeError::msg("pattern too complex"),
        other => RuntimeError::msg(other.to_string()),
    }
}

/// The Lua value of a capture of `subject`: a substring, or a 1-based position.
pub(crate) fn capture_value<'gc>(
    ctx: Context<'gc>,
    subject: LuaString<'gc>,
    c: Capture,
) -> Result<Value<'gc>, RuntimeError<'gc>> {
    match c {
        Capture::Position(p) => Ok(Value::Integer(p as i64 + 1)),
        Capture::Range(a, b) if a == 0 && b == subject.len() => Ok(Value::String(subject)),
        Capture::Range(a, b) => {
            let bytes = subject.as_bytes().get(a..b).unwrap_or_default();
            Ok(Value::String(ctx.new_string(bytes)?))
        }
    }
}

/// Fails as lua5.4's `luaL_checkstack` does ("stack overflow (`what`)") when `n` more
/// results would not fit the thread's stack limit. Only this call's window is counted,
/// not the frames below it, so the limit is approximate by a few slots.
pub(crate) fn check_results<'gc>(
    stack: &NativeStack<'gc, '_>,
    n: usize,
    what: &str,
) -> Result<(), RuntimeError<'gc>> {
    if n.saturating_add(stack.len()) > rupa_vm::call::MAX_STACK {
        Err(RuntimeError::msg(format!("stack overflow ({what})")))
    } else {
        Ok(())
    }
}

/// A userdata holding native-only state `T` across calls or continuations (no metatable:
/// Lua code never sees it).
pub(crate) fn new_state<'gc, T: 'static>(ctx: Context<'gc>, state: T) -> Value<'gc> {
    Value::UserData(UserData(Gc::new(
        ctx.mc,
        UserDataObj {
            metatable: Lock::new(None),
            user_value: Lock::new(Value::Nil),
            data: Box::new(RefCell::new(state)),
        },
    )))
}

/// Runs `f` on the state in a userdata made by [`new_state`]; an error if `v` is not one
/// (only reachable through a bug, but reported rather than panicking).
pub(crate) fn with_state<'gc, T: 'static, O>(
    v: Value<'gc>,
    f: impl FnOnce(&mut T) -> O,
) -> Result<O, RuntimeError<'gc>> {
    let cell = match v {
        Value::UserData(u) => Gc::as_ref(u.0).data.downcast_ref::<RefCell<T>>(),
        _ => None,
    };
    let cell = cell.ok_or_else(|| RuntimeError::msg("string library: lost its state"))?;
    let mut guard = cell
        .try_borrow_mut()
        .map_err(|_| RuntimeError::msg("string library: state in use"))?;
    Ok(f(&mut guard))
}

#[cfg(test)]
mod tests;
