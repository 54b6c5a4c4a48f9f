//! `collectgarbage([opt [, ...]])`: every option of lua5.4.
//!
//! A collection cannot run inside a mutation, so "collect" and "step" only set
//! `State::gc_request`; the executor ends its slice, collects (running finalizers) and goes on.
//! "step" does incremental work as if `n` KiB had been allocated (`gc::step`), and learns
//! whether that finished a cycle in a continuation that runs after the collection.
//!
//! The parameters of the two modes are recorded and returned as lua5.4 does, and each change
//! sets gc-arena's pacing from them (`gc::pacing`). gc-arena has a single incremental
//! collector: in generational mode a step is an incremental step and reports false, as 5.4's
//! generational steps always do, and the major multiplier paces whole cycles. Until a script
//! sets a parameter or a mode, gc-arena's default pacing is kept.

use crate::error::RuntimeError;
use crate::function::Function;
use crate::native::{CallStatus, Continuation, NativeAction, NativeDef, NativeStack};
use crate::state::{Context, GcRequest};
use crate::table::Table;
use crate::value::Value;

use super::args::{arg_error, opt_integer, opt_string};

type R<'gc> = Result<NativeAction<'gc>, RuntimeError<'gc>>;

// Slots of the settings table (the closure's upvalue).
const SLOT_GENERATIONAL: i64 = 1;
const SLOT_PAUSE: i64 = 2;
const SLOT_STEPMUL: i64 = 3;
const SLOT_STEPSIZE: i64 = 4;
const SLOT_MINORMUL: i64 = 5;
const SLOT_MAJORMUL: i64 = 6;

/// lua5.4's defaults for `setpause` and `setstepmul` (LUAI_GCPAUSE, LUAI_GCMUL).
const DEFAULT_PAUSE: i64 = 200;
const DEFAULT_STEPMUL: i64 = 100;
/// lua5.4's defaults for the step size (LUAI_GCSTEPSIZE, log2 bytes) and the generational
/// multipliers (LUAI_GENMINORMUL, LUAI_GENMAJORMUL).
const DEFAULT_STEPSIZE: i64 = 13;
const DEFAULT_MINORMUL: i64 = 20;
const DEFAULT_MAJORMUL: i64 = 100;

/// Registry key of the settings table, so the host can change the mode without going through
/// a global the script may have replaced.
const REGISTRY_KEY: &[u8] = b"rupa.gcsettings";

/// The settings table `collectgarbage` keeps its mode and parameters in, also recorded in the
/// registry. The state starts in incremental mode, as a library state does (the `lua5.4`
/// program switches to generational at start-up: see [`set_generational_mode`]).
pub fn new_settings<'gc>(ctx: Context<'gc>) -> Result<Table<'gc>, RuntimeError<'gc>> {
    let t = Table::with_capacity(ctx, SLOT_MAJORMUL as usize, 0)?;
    t.set_int(ctx, SLOT_GENERATIONAL, Value::Boolean(false))?;
    t.set_int(ctx, SLOT_PAUSE, Value::Integer(DEFAULT_PAUSE))?;
    t.set_int(ctx, SLOT_STEPMUL, Value::Integer(DEFAULT_STEPMUL))?;
    t.set_int(ctx, SLOT_STEPSIZE, Value::Integer(DEFAULT_STEPSIZE))?;
    t.set_int(ctx, SLOT_MINORMUL, Value::Integer(DEFAULT_MINORMUL))?;
    t.set_int(ctx, SLOT_MAJORMUL, Value::Integer(DEFAULT_MAJORMUL))?;
    let key = ctx.new_string(REGISTRY_KEY)?;
    ctx.state.registry.set_str(ctx, key, Value::Table(t))?;
    Ok(t)
}

/// Records the collector mode `collectgarbage` reports, as `lua_gc(L, LUA_GCGEN/LUA_GCINC)`
/// does; the standalone interpreter calls it with `true` at start-up, like lua.c. Does nothing
/// before the base library is loaded.
pub fn set_generational_mode<'gc>(
    ctx: Context<'gc>,
    generational: bool,
) -> Result<(), RuntimeError<'gc>> {
    if let Value::Table(t) = ctx.state.registry.get_field(ctx, REGISTRY_KEY) {
        t.set_int(ctx, SLOT_GENERATIONAL, Value::Boolean(generational))?;
    }
    Ok(())
}

/// `collectgarbage`: a light native (no upvalues, as lua5.4's), keeping its settings in the
/// table [`new_settings`] records in the registry.
pub fn collectgarbage<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let settings = match ctx.state.registry.get_field(ctx, REGISTRY_KEY) {
        Value::Table(t) => t,
        // A script removed it through `debug.getregistry()`: start again from the defaults.
        _ => new_settings(ctx)?,
    };
    let opt = opt_string(ctx, stack, 0)?;
    let opt = opt.map_or(&b"collect"[..], |s| s.as_bytes());
    let state = ctx.state;
    let result = match opt {
        b"collect" => {
            state.gc_request.set(Some(GcRequest::Full));
            Value::Integer(0)
        }
        b"stop" => {
            state.gc_stopped.set(true);
            Value::Integer(0)
        }
        b"restart" => {
            state.gc_stopped.set(false);
            Value::Integer(0)
        }
        b"count" => Value::Number(ctx.memory_used() as f64 / 1024.0),
        b"step" => {
            let n = opt_integer(ctx, stack, 1, 0)?;
            // A negative amount lowers lua5.4's debt: no work, no finished cycle.
            if n < 0 {
                Value::Boolean(false)
            } else {
                let bytes = usize::try_from(n)
                    .unwrap_or(usize::MAX)
                    .saturating_mul(1024);
                state.gc_request.set(Some(GcRequest::Step(bytes)));
                let generational = settings.get_int(ctx, SLOT_GENERATIONAL).is_truthy();
                // The collection happens once this native has returned its action: an empty
                // call lets the verdict be read afterwards.
                stack.clear();
                return Ok(NativeAction::Call {
                    func: Value::from(Function::light(&NOTHING)),
                    then: Continuation {
                        func: step_done,
                        data: Value::Boolean(generational),
                    },
                    protected: false,
                });
            }
        }
        b"isrunning" => Value::Boolean(!state.gc_stopped.get()),
        b"setpause" => swap(ctx, stack, settings, SLOT_PAUSE)?,
        b"setstepmul" => swap(ctx, stack, settings, SLOT_STEPMUL)?,
        b"incremental" | b"generational" => {
            let generational = opt == b"generational";
            let slots: &[(i64, bool)] = if generational {
                &[(SLOT_MINORMUL, false), (SLOT_MAJORMUL, true)]
            } else {
                &[
                    (SLOT_PAUSE, true),
                    (SLOT_STEPMUL, true),
                    (SLOT_STEPSIZE, false),
                ]
            };
            let mut values = Vec::with_capacity(slots.len());
            for i in 1..=slots.len() {
                values.push(opt_integer(ctx, stack, i, 0)?);
            }
            // Zero keeps a parameter as it is.
            for (&(slot, scaled), v) in slots.iter().zip(values) {
                if v != 0 {
                    let v = if scaled { stored_param(v) } else { v };
                    settings.set_int(ctx, slot, Value::Integer(v))?;
                }
            }
            let was = settings.get_int(ctx, SLOT_GENERATIONAL).is_truthy();
            settings.set_int(ctx, SLOT_GENERATIONAL, Value::Boolean(generational))?;
            apply_pacing(ctx, settings);
            let name: &[u8] = if was { b"generational" } else { b"incremental" };
            Value::String(ctx.new_string(name)?)
        }
        other => {
            return Err(arg_error(
                0,
                format!("invalid option '{}'", String::from_utf8_lossy(other)),
            ))
        }
    };
    stack.replace(&[result]);
    Ok(NativeAction::Return)
}

/// Sets a parameter from argument #2 (default 0) and returns its previous value.
fn swap<'gc>(
    ctx: Context<'gc>,
    stack: &NativeStack<'gc, '_>,
    settings: Table<'gc>,
    slot: i64,
) -> Result<Value<'gc>, RuntimeError<'gc>> {
    let new = opt_integer(ctx, stack, 1, 0)?;
    let old = settings.get_int(ctx, slot);
    settings.set_int(ctx, slot, Value::Integer(stored_param(new)))?;
    apply_pacing(ctx, settings);
    Ok(old)
}

/// Gives gc-arena the pacing the recorded mode and parameters ask for.
fn apply_pacing<'gc>(ctx: Context<'gc>, settings: Table<'gc>) {
    let get = |slot: i64, default: i64| match settings.get_int(ctx, slot) {
        Value::Integer(n) => n,
        _ => default,
    };
    let generational = settings.get_int(ctx, SLOT_GENERATIONAL).is_truthy();
    let pause = if generational {
        get(SLOT_MAJORMUL, DEFAULT_MAJORMUL)
    } else {
        get(SLOT_PAUSE, DEFAULT_PAUSE)
    };
    let pacing = crate::gc::pacing(
        generational,
        pause,
        get(SLOT_STEPMUL, DEFAULT_STEPMUL),
        get(SLOT_STEPSIZE, DEFAULT_STEPSIZE),
    );
    ctx.mc.metrics().set_pacing(pacing);
}

/// The empty function `step` calls so that its continuation runs after the collection.
static NOTHING: NativeDef = NativeDef::new("collectgarbage", nothing);

fn nothing<'gc>(_: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    stack.clear();
    Ok(NativeAction::Return)
}

/// After a step: whether it finished a cycle (never in generational mode, as in 5.4).
fn step_done<'gc>(
    ctx: Context<'gc>,
    generational: Value<'gc>,
    _: CallStatus<'gc>,
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let finished = ctx.state.gc_step_finished.get() && !generational.is_truthy();
    stack.replace(&[Value::Boolean(finished)]);
    Ok(NativeAction::Return)
}

/// The value lua5.4 reads back after storing a pause or step multiplier: it keeps an `int`
/// divided by 4 in a byte, so `setpause(150)` then reads 148.
fn stored_param(v: i64) -> i64 {
    i64::from(((v as i32) / 4) as u8) * 4
}

#[cfg(test)]
mod tests {
    use super::stored_param;

    #[test]
    fn parameters_read_back_as_lua54_stores_them() {
        // Values read back from lua5.4 after collectgarbage("setpause", v).
        assert_eq!(stored_param(150), 148);
        assert_eq!(stored_param(200), 200);
        assert_eq!(stored_param(300), 300);
        assert_eq!(stored_param(2000), 976);
        assert_eq!(stored_param(0), 0);
        assert_eq!(stored_param(-8), 1016);
    }
}
