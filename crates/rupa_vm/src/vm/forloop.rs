//! Preparing a numeric `for`: checking and converting its operands as lua5.4 does, and turning
//! an integer loop into an iteration count so that the loop instruction cannot overflow.

use crate::error::RuntimeError;
use crate::metaops;
use crate::number;
use crate::state::Context;
use crate::value::Value;

/// A numeric `for` operand converted to a number (strings are accepted, as in 5.4).
fn for_number<'gc>(
    ctx: Context<'gc>,
    v: Value<'gc>,
    what: &str,
) -> Result<Value<'gc>, RuntimeError<'gc>> {
    crate::vm::coerce::to_number(v).ok_or_else(|| {
        RuntimeError::msg(format!(
            "bad 'for' {what} (number expected, got {})",
            metaops::type_name_for_error(ctx, v)
        ))
    })
}

/// `ForPrep`: `Ok(true)` when the loop runs at least once.
pub(super) fn for_prep<'gc>(
    ctx: Context<'gc>,
    stack: &mut [Value<'gc>],
    at: usize,
) -> Result<bool, RuntimeError<'gc>> {
    let init = stack[at];
    let limit = stack[at + 1];
    let step = stack[at + 2];
    if let (Value::Integer(i), Value::Integer(s)) = (init, step) {
        if s == 0 {
            return Err(RuntimeError::msg("'for' step is zero"));
        }
        let lim = match limit {
            Value::Integer(l) => Some(l),
            other => match for_number(ctx, other, "limit")? {
                Value::Integer(l) => Some(l),
                Value::Number(f) => number::for_limit_from_float(i, f, s),
                _ => crate::vm_bug!("for_number returns numbers"),
            },
        };
        let Some(count) = lim.and_then(|l| number::for_int_count(i, l, s)) else {
            return Ok(false);
        };
        stack[at + 1] = Value::Integer(count as i64);
        stack[at + 3] = Value::Integer(i);
        return Ok(true);
    }
    let to_f = |v: Value<'gc>| match v {
        Value::Integer(i) => i as f64,
        Value::Number(f) => f,
        _ => crate::vm_bug!("for_number returns numbers"),
    };
    let l = to_f(for_number(ctx, limit, "limit")?);
    let s = to_f(for_number(ctx, step, "step")?);
    let i = to_f(for_number(ctx, init, "initial value")?);
    if s == 0.0 {
        return Err(RuntimeError::msg("'for' step is zero"));
    }
    if if s > 0.0 { l < i } else { i < l } {
        return Ok(false);
    }
    stack[at] = Value::Number(i);
    stack[at + 1] = Value::Number(l);
    stack[at + 2] = Value::Number(s);
    stack[at + 3] = Value::Number(i);
    Ok(true)
}
