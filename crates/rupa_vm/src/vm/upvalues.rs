//! Upvalue cells seen from the interpreter: reading and writing one (open cells point into a
//! thread's stack, possibly another thread's), and making a closure that captures the running
//! frame's locals.

use gc_arena::Gc;

use crate::error::RuntimeError;
use crate::function::{Closure, FunctionKind, LuaClosure, UpValue, UpValueState};
use crate::state::Context;
use crate::thread::{Thread, ThreadState};
use crate::value::Value;

/// Reads an upvalue cell.
#[inline]
pub(crate) fn read_upvalue<'gc>(
    uv: UpValue<'gc>,
    thread: Thread<'gc>,
    stack: &[Value<'gc>],
) -> Value<'gc> {
    match uv.0.get() {
        UpValueState::Closed(v) => v,
        UpValueState::Open { thread: t, index } => {
            if t.ptr_eq(thread) {
                stack.get(index).copied().unwrap_or(Value::Nil)
            } else {
                match t.0.try_borrow() {
                    Ok(ts) => ts.stack.get(index).copied().unwrap_or(Value::Nil),
                    Err(_) => Value::Nil,
                }
            }
        }
    }
}

/// Writes an upvalue cell.
#[inline]
pub(crate) fn write_upvalue<'gc>(
    ctx: Context<'gc>,
    uv: UpValue<'gc>,
    thread: Thread<'gc>,
    stack: &mut [Value<'gc>],
    v: Value<'gc>,
) {
    match uv.0.get() {
        UpValueState::Closed(_) => uv.0.set(ctx.mc, UpValueState::Closed(v)),
        UpValueState::Open { thread: t, index } => {
            if t.ptr_eq(thread) {
                if let Some(slot) = stack.get_mut(index) {
                    *slot = v;
                }
            } else if let Ok(mut ts) = t.0.try_borrow_mut(ctx.mc) {
                if let Some(slot) = ts.stack.get_mut(index) {
                    *slot = v;
                }
            }
        }
    }
}

/// A new closure of prototype `child`, capturing upvalues from the running frame.
pub(super) fn new_closure<'gc>(
    ctx: Context<'gc>,
    thread: Thread<'gc>,
    ts: &mut ThreadState<'gc>,
    inherited: &[UpValue<'gc>],
    child: Gc<'gc, crate::function::FunctionProto<'gc>>,
    base: usize,
) -> Result<Closure<'gc>, RuntimeError<'gc>> {
    let descs = &child.proto.upvalues;
    ctx.reserve(64 + descs.len() * 16)?;
    let upvalues: Box<[UpValue<'gc>]> = descs
        .iter()
        .map(|d| {
            if d.in_stack {
                ts.find_upvalue(ctx.mc, thread, base + d.index as usize)
            } else {
                inherited[d.index as usize]
            }
        })
        .collect();
    Ok(Closure(Gc::new(
        ctx.mc,
        FunctionKind::Lua(LuaClosure::new(child, upvalues)),
    )))
}
