//! `string.format`: walks the format string with the core's item checks and layouts, taking
//! arguments from the native's window. A `%s` of a value with `__tostring` calls it through
//! a continuation: the arguments and the position reached wait in a table meanwhile.

use rupa_vm::baselib::args::{arg_error, check_integer, check_number, check_string};
use rupa_vm::baselib::tostring::{check_result, convert, Conversion};
use rupa_vm::native::{CallStatus, Continuation, NativeAction, NativeStack};
use rupa_vm::{Context, LuaString, RuntimeError, Table, Value};

use super::{charge_bytes, new_state, with_state, R};
use crate::string::format::{self as fmt, FormatError, Item, Segment};

/// Where the walk is: output so far, byte offset in the format string, and the window
/// index of the last argument taken.
struct Walk {
    out: Vec<u8>,
    pos: usize,
    arg: usize,
}

/// `string.format(fmt, ...)`.
pub fn format<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let f = check_string(ctx, stack, 0)?;
    let walk = Walk {
        out: Vec::with_capacity(f.len() + 16),
        pos: 0,
        arg: 0,
    };
    run(ctx, f, walk, stack)
}

/// What one step of the walk needs.
enum Next<'gc> {
    Done(Walk),
    /// `__tostring` must run on this value for the `%s` item at `walk.pos`.
    ToString(Walk, Value<'gc>, Value<'gc>),
}

/// Walks from `walk.pos` to the end, or to a `%s` that needs `__tostring`.
fn run<'gc>(
    ctx: Context<'gc>,
    f: LuaString<'gc>,
    walk: Walk,
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    match walk_items(ctx, f, walk, stack)? {
        Next::Done(walk) => {
            charge_bytes(ctx, walk.out.len());
            let s = ctx.new_string(&walk.out)?;
            stack.replace(&[Value::String(s)]);
            Ok(NativeAction::Return)
        }
        Next::ToString(walk, mm, v) => {
            let saved = Table::new(ctx.mc);
            saved.set_int(ctx, 0, new_state(ctx, walk))?;
            for (i, &a) in stack.as_slice().iter().enumerate() {
                saved.set_int(ctx, i as i64 + 1, a)?;
            }
            saved.set_int(ctx, -1, Value::Integer(stack.len() as i64))?;
            stack.replace(&[v]);
            // luaL_tolstring calls `__tostring` without a continuation.
            Ok(NativeAction::lua_call(
                ctx,
                mm,
                Continuation {
                    func: resume,
                    data: Value::Table(saved),
                },
            ))
        }
    }
}

/// Continues after `__tostring` returned: formats its result for the pending `%s` item,
/// restores the arguments to the window and walks on.
fn resume<'gc>(
    ctx: Context<'gc>,
    data: Value<'gc>,
    _: CallStatus<'gc>,
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let Value::Table(saved) = data else {
        return Err(RuntimeError::msg("format: lost its state"));
    };
    let text = check_result(ctx, stack.get(0))?;
    let n = match saved.get_int(ctx, -1) {
        Value::Integer(n) => n,
        _ => 0,
    };
    stack.clear();
    for i in 1..=n {
        stack.push(saved.get_int(ctx, i));
    }
    let Value::String(f) = stack.get(0) else {
        return Err(RuntimeError::msg("format: lost its state"));
    };
    let mut walk = with_state(saved.get_int(ctx, 0), |w: &mut Walk| Walk {
        out: std::mem::take(&mut w.out),
        pos: w.pos,
        arg: w.arg,
    })?;
    let Some(Ok(Segment::Item(item))) = fmt::segments(&f.as_bytes()[walk.pos..]).next() else {
        return Err(RuntimeError::msg("format: lost its state"));
    };
    fmt::format_str(&mut walk.out, &item, text.as_bytes())
        .map_err(|e| format_error(e, walk.arg))?;
    walk.pos += item.form().len();
    run(ctx, f, walk, stack)
}

fn walk_items<'gc>(
    ctx: Context<'gc>,
    f: LuaString<'gc>,
    mut walk: Walk,
    stack: &mut NativeStack<'gc, '_>,
) -> Result<Next<'gc>, RuntimeError<'gc>> {
    let bytes = f.as_bytes();
    for seg in fmt::segments(&bytes[walk.pos..]) {
        let item = match seg {
            Ok(Segment::Literal(lit)) => {
                // `%%` comes out as one `%` but spans two bytes.
                walk.pos += if bytes[walk.pos] == b'%' {
                    2
                } else {
                    lit.len()
                };
                walk.out.extend_from_slice(lit);
                continue;
            }
            Ok(Segment::Item(item)) => Some(item),
            Err(_) => None,
        };
        walk.arg += 1;
        if walk.arg >= stack.len() {
            return Err(arg_error(walk.arg, "no value"));
        }
        let Some(item) = item else {
            return Err(format_error(FormatError::TooLong, walk.arg));
        };
        if item.conversion() == b's' {
            let v = stack.get(walk.arg);
            match convert(ctx, v)? {
                Conversion::Text(s) => fmt::format_str(&mut walk.out, &item, s.as_bytes())
                    .map_err(|e| format_error(e, walk.arg))?,
                Conversion::Call(mm) => return Ok(Next::ToString(walk, mm, v)),
            }
        } else {
            one_item(ctx, stack, &item, walk.arg, &mut walk.out)?;
        }
        walk.pos += item.form().len();
        // The buffer is outside the arena's accounting until it becomes a string.
        ctx.reserve(walk.out.len())?;
    }
    Ok(Next::Done(walk))
}

/// Formats one non-`%s` item with argument `arg`, checking in lua5.4's order.
fn one_item<'gc>(
    ctx: Context<'gc>,
    stack: &mut NativeStack<'gc, '_>,
    item: &Item<'_>,
    arg: usize,
    out: &mut Vec<u8>,
) -> Result<(), RuntimeError<'gc>> {
    let err = |e: FormatError| format_error(e, arg);
    match item.conversion() {
        b'c' => {
            let spec = item.spec().map_err(err)?;
            let n = check_integer(ctx, stack, arg)?;
            fmt::format_char(out, &spec, n);
        }
        b'd' | b'i' | b'u' | b'o' | b'x' | b'X' => {
            let n = check_integer(ctx, stack, arg)?;
            let spec = item.spec().map_err(err)?;
            fmt::format_int(out, &spec, n);
        }
        b'a' | b'A' => {
            let spec = item.spec().map_err(err)?;
            let x = as_float(check_number(ctx, stack, arg)?);
            fmt::format_float(out, &spec, x);
        }
        b'e' | b'E' | b'f' | b'g' | b'G' => {
            let x = as_float(check_number(ctx, stack, arg)?);
            let spec = item.spec().map_err(err)?;
            fmt::format_float(out, &spec, x);
        }
        b'p' => {
            let spec = item.spec().map_err(err)?;
            fmt::format_pointer(out, &spec, stack.get(arg).address());
        }
        b'q' => {
            item.check_quote().map_err(err)?;
            match stack.get(arg) {
                Value::String(s) => fmt::quote_string(out, s.as_bytes()),
                Value::Integer(n) => fmt::quote_integer(out, n),
                Value::Number(x) => fmt::quote_float(out, x),
                Value::Nil => out.extend_from_slice(b"nil"),
                Value::Boolean(b) => out.extend_from_slice(if b { b"true" } else { b"false" }),
                _ => return Err(arg_error(arg, "value has no literal form")),
            }
        }
        _ => {
            // Unknown conversions: the spec check reports them.
            item.spec().map_err(err)?;
        }
    }
    Ok(())
}

fn as_float(v: Value<'_>) -> f64 {
    match v {
        Value::Integer(i) => i as f64,
        Value::Number(x) => x,
        _ => f64::NAN,
    }
}

/// A format error as lua5.4 raises it: a bad argument at `arg`, or a positioned message.
fn format_error<'gc>(e: FormatError, arg: usize) -> RuntimeError<'gc> {
    let text = String::from_utf8_lossy(&e.message()).into_owned();
    if e.is_bad_argument() {
        arg_error(arg, text)
    } else {
        RuntimeError::msg(text)
    }
}
