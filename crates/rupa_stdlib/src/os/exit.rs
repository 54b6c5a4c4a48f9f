//! `os.exit([code [, close]])`. With `close` true the state is closed first as `lua_close`
//! does: the pending to-be-closed variables of the main thread are closed (innermost first,
//! each `__close` getting the error of a failed previous one), then every object with a
//! `__gc` metamethod is finalized (newest first; errors ignored). Those calls are made one at
//! a time through continuations, without a continuation of their own (a yield inside fails),
//! and only then are the streams flushed and the host asked to end the process.

use rupa_vm::baselib::args::opt_integer;
use rupa_vm::meta::MetaEvent;
use rupa_vm::metaops::metamethod;
use rupa_vm::native::{CallStatus, Continuation, NativeAction, NativeStack};
use rupa_vm::{Context, RuntimeError, Table, Value};

use super::host_call;
use crate::host::with_host;

type R<'gc> = Result<NativeAction<'gc>, RuntimeError<'gc>>;

// Slots of the state table; the values to close are at 1..=COUNT.
const CODE: i64 = 0;
const COUNT: i64 = -1;
const NEXT: i64 = -2;
const ERROR: i64 = -3;
const FINALIZING: i64 = -4;

/// `os.exit`: `true` is status 0, `false` 1, otherwise an integer (default 0).
pub fn exit<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let code = match stack.get(0) {
        Value::Boolean(b) => i64::from(!b),
        _ => opt_integer(ctx, stack, 0, 0)?,
    };
    if !stack.get(1).is_truthy() {
        return leave(ctx, code, stack);
    }
    let state = Table::new(ctx.mc);
    state.set_int(ctx, CODE, Value::Integer(code))?;
    // lua_close closes the main thread's variables only: none when called in a coroutine
    // (which is exactly when the native may yield).
    let mut count = 0;
    if !stack.yieldable {
        let tbc: Vec<usize> = stack.thread.0.borrow().tbc.clone();
        for &slot in tbc.iter().rev() {
            if let Some(&v) = stack.whole_stack().get(slot) {
                count += 1;
                state.set_int(ctx, count, v)?;
            }
        }
    }
    state.set_int(ctx, COUNT, Value::Integer(count))?;
    state.set_int(ctx, NEXT, Value::Integer(1))?;
    step(ctx, state, stack)
}

/// Makes the next `__close` or `__gc` call, or leaves when none is left.
fn step<'gc>(ctx: Context<'gc>, state: Table<'gc>, stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let int = |k: i64| match state.get_int(ctx, k) {
        Value::Integer(n) => n,
        _ => 0,
    };
    let (count, mut next) = (int(COUNT), int(NEXT));
    while next <= count {
        let v = state.get_int(ctx, next);
        next += 1;
        state.set_int(ctx, NEXT, Value::Integer(next))?;
        let mm = metamethod(ctx, v, MetaEvent::Close);
        if !mm.is_nil() {
            stack.replace(&[v, state.get_int(ctx, ERROR)]);
            return Ok(call(ctx, mm, state));
        }
    }
    if !state.get_int(ctx, FINALIZING).is_truthy() {
        state.set_int(ctx, FINALIZING, Value::Boolean(true))?;
        rupa_vm::gc::finalize_all(ctx);
    }
    loop {
        let obj = ctx.state.to_finalize.borrow_mut(ctx.mc).pop();
        let Some(obj) = obj else { break };
        let mm = metamethod(ctx, obj, MetaEvent::Gc);
        if !mm.is_nil() {
            stack.replace(&[obj]);
            return Ok(call(ctx, mm, state));
        }
    }
    leave(ctx, int(CODE), stack)
}

fn call<'gc>(ctx: Context<'gc>, func: Value<'gc>, state: Table<'gc>) -> NativeAction<'gc> {
    NativeAction::lua_pcall(
        ctx,
        func,
        Continuation {
            func: called,
            data: Value::Table(state),
        },
    )
}

/// After a `__close` or `__gc`: a `__close` error is handed to the next ones, as
/// `luaD_closeprotected` does; a `__gc` error is dropped (a warning, off by default, in 5.4).
fn called<'gc>(
    ctx: Context<'gc>,
    data: Value<'gc>,
    status: CallStatus<'gc>,
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let Value::Table(state) = data else {
        return Err(RuntimeError::msg("os.exit: lost its state"));
    };
    if let CallStatus::Err(e) = status {
        if !state.get_int(ctx, FINALIZING).is_truthy() {
            state.set_int(ctx, ERROR, e)?;
        }
    }
    step(ctx, state, stack)
}

/// Flushes every stream and asks the host to end the process.
fn leave<'gc>(ctx: Context<'gc>, code: i64, stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let r = with_host(ctx, |h| {
        h.flush_all();
        h.host.exit(code as i32)
    });
    host_call("exit", r)?.map_err(|(msg, _)| RuntimeError::msg(msg))?;
    stack.clear();
    Ok(NativeAction::Return)
}
