//! The `..` operator over a run of registers, right-associative, with `__concat`.
//!
//! Strings and numbers are joined in one allocation whose size is checked against the memory
//! cap before anything is allocated. When a pair needs `__concat`, the metamethod is called as
//! a frame that returns into [`resume`], which carries on with the rest of the run.

use crate::call;
use crate::error::RuntimeError;
use crate::frame::{Frame, ReturnTo};
use crate::meta::MetaEvent;
use crate::metaops;
use crate::state::Context;
use crate::string::STRING_OVERHEAD;
use crate::thread::ThreadState;
use crate::value::Value;
use crate::vm::coerce;
use crate::vm::executor::Work;

fn is_stringish(v: Value<'_>) -> bool {
    matches!(v, Value::String(_) | Value::Integer(_) | Value::Number(_))
}

/// Concatenates `stack[first ..= last]` into `stack[first]`.
pub(crate) fn resume<'gc>(
    ctx: Context<'gc>,
    ts: &mut ThreadState<'gc>,
    first: usize,
    mut last: usize,
) -> Work<'gc> {
    while last > first {
        let a = ts.stack[last - 1];
        let b = ts.stack[last];
        if is_stringish(a) && is_stringish(b) {
            let mut start = last - 1;
            while start > first && is_stringish(ts.stack[start - 1]) {
                start -= 1;
            }
            match join(ctx, &ts.stack[start..=last]) {
                Ok(v) => ts.stack[start] = v,
                Err(e) => return Work::vm_error(e),
            }
            last = start;
        } else {
            let mut tm = metaops::metamethod(ctx, a, MetaEvent::Concat);
            if tm.is_nil() {
                tm = metaops::metamethod(ctx, b, MetaEvent::Concat);
            }
            if tm.is_nil() {
                let bad = if is_stringish(a) { last } else { last - 1 };
                return type_error(ctx, ts, bad);
            }
            return call::call_meta(
                ctx,
                ts,
                tm,
                &[a, b],
                ReturnTo::Concat {
                    slot: last - 1,
                    first,
                },
            );
        }
    }
    Work::RunLua
}

fn type_error<'gc>(ctx: Context<'gc>, ts: &ThreadState<'gc>, slot: usize) -> Work<'gc> {
    let v = ts.stack[slot];
    let mut msg = format!(
        "attempt to concatenate a {} value",
        metaops::type_name_for_error(ctx, v)
    );
    if let Some(Frame::Lua(f)) = ts.frames.last() {
        if slot >= f.base && slot - f.base < 256 {
            msg.push_str(&crate::debug_info::register_info(
                f,
                f.pc.saturating_sub(1),
                (slot - f.base) as u8,
            ));
        }
    }
    Work::vm_error(RuntimeError::msg(msg))
}

/// Joins strings and numbers into one new string.
fn join<'gc>(ctx: Context<'gc>, parts: &[Value<'gc>]) -> Result<Value<'gc>, RuntimeError<'gc>> {
    let mut total = 0usize;
    for v in parts {
        total = total.saturating_add(match v {
            Value::String(s) => s.len(),
            _ => 24,
        });
    }
    ctx.reserve(total.saturating_add(STRING_OVERHEAD))?;
    let mut buf = Vec::with_capacity(total);
    for v in parts {
        match v {
            Value::String(s) => buf.extend_from_slice(s.as_bytes()),
            v => buf.extend_from_slice(
                coerce::number_to_string(*v)
                    .expect("only strings and numbers are joined")
                    .as_bytes(),
            ),
        }
    }
    Ok(Value::String(ctx.new_string(&buf)?))
}
