//! `math.min` and `math.max`: lua5.4 compares the arguments with `lua_compare` (`<`, so
//! strings compare with strings and `__lt` metamethods are called, without a continuation).
//! When a metamethod is needed the arguments are saved in a table and the scan resumes in a
//! continuation after the call.

use rupa_vm::baselib::args::arg_error;
use rupa_vm::metaops::{self, Meta};
use rupa_vm::native::{CallStatus, Continuation, NativeAction, NativeStack};
use rupa_vm::{Context, RuntimeError, Table, Value};

use crate::table::machine::op_error;

type R<'gc> = Result<NativeAction<'gc>, RuntimeError<'gc>>;

// Slots of the saved-state table besides the arguments at 1..=n.
const NARGS: i64 = 0;
const NEXT: i64 = -1;
const BEST: i64 = -2;
const MAX: i64 = -3;
const NEGATE: i64 = -4;

/// `math.max` (`max == true`) or `math.min`: the first argument no other is greater (less) than.
pub fn min_max<'gc>(ctx: Context<'gc>, stack: &mut NativeStack<'gc, '_>, max: bool) -> R<'gc> {
    if stack.is_empty() {
        return Err(arg_error(0, "value expected"));
    }
    scan(ctx, stack, 1, 0, max)
}

/// Compares arguments `next..` against the best so far (index `best`).
fn scan<'gc>(
    ctx: Context<'gc>,
    stack: &mut NativeStack<'gc, '_>,
    next: usize,
    mut best: usize,
    max: bool,
) -> R<'gc> {
    for i in next..stack.len() {
        let (v, b) = (stack.get(i), stack.get(best));
        // min: is v < best?  max: is best < v?
        let (x, y) = if max { (b, v) } else { (v, b) };
        match metaops::compare(ctx, x, y, false).map_err(|e| op_error(ctx, e))? {
            (Meta::Value(r), negate) => {
                if r.is_truthy() != negate {
                    best = i;
                }
            }
            (Meta::Call { func, args, nargs }, negate) => {
                let saved = Table::new(ctx.mc);
                for (k, &a) in stack.as_slice().iter().enumerate() {
                    saved.set_int(ctx, k as i64 + 1, a)?;
                }
                let int = |n: usize| Value::Integer(n as i64);
                saved.set_int(ctx, NARGS, int(stack.len()))?;
                saved.set_int(ctx, NEXT, int(i))?;
                saved.set_int(ctx, BEST, int(best))?;
                saved.set_int(ctx, MAX, Value::Boolean(max))?;
                saved.set_int(ctx, NEGATE, Value::Boolean(negate))?;
                stack.replace(&args[..usize::from(nargs)]);
                return Ok(NativeAction::lua_call(
                    ctx,
                    func,
                    Continuation {
                        func: compared,
                        data: Value::Table(saved),
                    },
                ));
            }
        }
    }
    let b = stack.get(best);
    stack.replace(&[b]);
    Ok(NativeAction::Return)
}

/// After a `__lt` call: takes its verdict, restores the arguments and scans on.
fn compared<'gc>(
    ctx: Context<'gc>,
    data: Value<'gc>,
    _: CallStatus<'gc>,
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let Value::Table(saved) = data else {
        return Err(RuntimeError::msg("math.min/max: lost its saved state"));
    };
    let index = |k: i64| match saved.get_int(ctx, k) {
        Value::Integer(n) => usize::try_from(n).unwrap_or(0),
        _ => 0,
    };
    let verdict = stack.get(0).is_truthy() != saved.get_int(ctx, NEGATE).is_truthy();
    let (n, i, mut best) = (index(NARGS), index(NEXT), index(BEST));
    let max = saved.get_int(ctx, MAX).is_truthy();
    if verdict {
        best = i;
    }
    stack.clear();
    for k in 1..=n {
        stack.push(saved.get_int(ctx, k as i64));
    }
    scan(ctx, stack, i + 1, best, max)
}
