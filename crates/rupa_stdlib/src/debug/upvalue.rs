//! `debug.getupvalue`, `setupvalue`, `upvalueid` and `upvaluejoin`: the upvalues of Lua
//! closures and the captured values of natives (which have the name "").

use gc_arena::{lock::Lock, Gc};
use rupa_vm::baselib::args::{arg_error, check_any, check_integer, type_error};
use rupa_vm::function::Function;
use rupa_vm::introspect;
use rupa_vm::native::{NativeAction, NativeStack};
use rupa_vm::userdata::{UserData, UserDataObj};
use rupa_vm::{Context, RuntimeError, Table, Value};

use super::str_value;

type R<'gc> = Result<NativeAction<'gc>, RuntimeError<'gc>>;

/// A function argument with an upvalue index: `luaL_checkinteger` then `luaL_checktype`.
fn check_upvalue_args<'gc>(
    ctx: Context<'gc>,
    stack: &NativeStack<'gc, '_>,
    fi: usize,
    ni: usize,
) -> Result<(Function<'gc>, i64), RuntimeError<'gc>> {
    let n = check_integer(ctx, stack, ni)?;
    match stack.get(fi).as_function() {
        Some(f) => Ok((f, n)),
        None => Err(type_error(ctx, stack, fi, "function")),
    }
}

/// `debug.getupvalue(f, n)`.
pub fn getupvalue<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let (f, n) = check_upvalue_args(ctx, stack, 0, 1)?;
    match introspect::get_upvalue(ctx, f, n, stack.thread, stack.whole_stack()) {
        Some((name, v)) => {
            let name = str_value(ctx, &name)?;
            stack.replace(&[name, v]);
        }
        None => stack.clear(),
    }
    Ok(NativeAction::Return)
}

/// `debug.setupvalue(f, n, value)`.
pub fn setupvalue<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    check_any(stack, 2)?;
    let (f, n) = check_upvalue_args(ctx, stack, 0, 1)?;
    let v = stack.get(2);
    let thread = stack.thread;
    match introspect::set_upvalue(ctx, f, n, v, thread, stack.whole_stack_mut()) {
        Some(name) => {
            let name = str_value(ctx, &name)?;
            stack.replace(&[name]);
        }
        None => stack.clear(),
    }
    Ok(NativeAction::Return)
}

/// The registry key of the table caching `upvalueid` identities.
const UPVALUE_IDS: &[u8] = b"rupa.debug.upvalueids";

/// `debug.upvalueid(f, n)`: a userdata standing for the upvalue cell, the same one for every
/// closure sharing it (lua5.4 returns a light userdata, which rupa does not have).
pub fn upvalueid<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let (f, n) = check_upvalue_args(ctx, stack, 0, 1)?;
    let Some(id) = introspect::upvalue_id(ctx, f, n) else {
        stack.replace(&[Value::Nil]);
        return Ok(NativeAction::Return);
    };
    let key = ctx.new_string(UPVALUE_IDS)?;
    let cache = match ctx.state.registry.get_str(ctx, key) {
        Value::Table(t) => t,
        _ => {
            // Weak values: an identity nobody holds any more may be forgotten.
            let t = Table::new(ctx.mc);
            let mt = Table::new(ctx.mc);
            mt.set_str(ctx, ctx.new_string(b"__mode")?, str_value(ctx, "v")?)?;
            rupa_vm::gc::register(ctx, Value::Table(t), Some(mt))?;
            t.set_metatable(ctx.mc, Some(mt));
            ctx.state.registry.set_str(ctx, key, Value::Table(t))?;
            t
        }
    };
    let k = Value::Integer(id as i64);
    let ud = match cache.get(ctx, k) {
        v @ Value::UserData(_) => v,
        _ => {
            let ud = Value::UserData(UserData(Gc::new(
                ctx.mc,
                UserDataObj {
                    metatable: Lock::new(None),
                    user_value: Lock::new(Value::Nil),
                    data: Box::new(id),
                },
            )));
            cache.set(ctx, k, ud)?;
            ud
        }
    };
    stack.replace(&[ud]);
    Ok(NativeAction::Return)
}

/// `debug.upvaluejoin(f1, n1, f2, n2)`: makes upvalue `n1` of `f1` refer to the cell of
/// upvalue `n2` of `f2` (other closures sharing `f1`'s old cell keep it). Checked as lua5.4.
pub fn upvaluejoin<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let mut picked = Vec::with_capacity(2);
    for (fi, ni) in [(0, 1), (2, 3)] {
        let (f, n) = check_upvalue_args(ctx, stack, fi, ni)?;
        if introspect::upvalue_id(ctx, f, n).is_none() {
            return Err(arg_error(ni, "invalid upvalue index"));
        }
        picked.push((f, n));
    }
    for (fi, (f, _)) in [0, 2].into_iter().zip(&picked) {
        if f.is_native() {
            return Err(arg_error(fi, "Lua function expected"));
        }
    }
    let (f1, n1) = picked[0];
    let (f2, n2) = picked[1];
    // Both indices were checked above.
    let cell = f2
        .upvalue(ctx, n2 as usize - 1)
        .ok_or_else(|| arg_error(3, "invalid upvalue index"))?;
    if !f1.rebind_upvalue(ctx, n1 as usize - 1, cell) {
        return Err(arg_error(1, "invalid upvalue index"));
    }
    stack.clear();
    Ok(NativeAction::Return)
}
