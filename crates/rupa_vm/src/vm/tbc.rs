//! To-be-closed variables (`local x <close>`) in the interpreter: marking one, and starting the
//! `__close` of the innermost pending one.

use crate::call;
use crate::debug_info;
use crate::error::RuntimeError;
use crate::frame::ReturnTo;
use crate::meta::MetaEvent;
use crate::metaops;
use crate::state::Context;
use crate::thread::ThreadState;
use crate::value::Value;
use crate::vm::executor::Work;

/// Starts the `__close` of the innermost pending to-be-closed variable (`err` is the error
/// being unwound, or nil); `ret` says what happens after it (re-executing the instruction that
/// closes, or continuing to unwind).
pub(crate) fn close_one<'gc>(
    ctx: Context<'gc>,
    ts: &mut ThreadState<'gc>,
    err: Value<'gc>,
    ret: ReturnTo,
) -> Work<'gc> {
    let idx = ts.tbc.pop().expect("close_one needs a pending variable");
    ts.close_upvalues(ctx.mc, idx);
    let v = ts.stack.get(idx).copied().unwrap_or(Value::Nil);
    let tm = metaops::metamethod(ctx, v, MetaEvent::Close);
    if tm.is_nil() {
        // The metamethod was removed after the variable was marked.
        return Work::vm_error(RuntimeError::msg(
            "attempt to call a nil value (metamethod 'close')",
        ));
    }
    call::call_meta(ctx, ts, tm, &[v, err], ret)
}

/// Registers stack slot `at` as a to-be-closed variable.
pub(super) fn mark_tbc<'gc>(
    ctx: Context<'gc>,
    ts: &mut ThreadState<'gc>,
    at: usize,
    v: Value<'gc>,
    proto: &crate::proto::Proto,
    pc: usize,
    reg: u8,
) -> Result<(), RuntimeError<'gc>> {
    if !v.is_truthy() {
        return Ok(());
    }
    if metaops::metamethod(ctx, v, MetaEvent::Close).is_nil() {
        let name = debug_info::local_name(proto, reg, pc + 1).unwrap_or("?");
        return Err(RuntimeError::msg(format!(
            "variable '{name}' got a non-closable value"
        )));
    }
    ts.tbc.push(at);
    Ok(())
}
