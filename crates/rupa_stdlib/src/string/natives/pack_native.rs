//! `string.pack`, `string.unpack` and `string.packsize`: Lua values in and out of the
//! core's binary layouts, with lua5.4's argument checks and error sites.

use rupa_vm::baselib::args::{arg_error, check_integer, check_number, check_string, opt_integer};
use rupa_vm::native::{NativeAction, NativeStack};
use rupa_vm::{Context, RuntimeError, Value};

use super::{charge_bytes, R};
use crate::string::pack::{self, ErrorSite, Kind, PackError, PackFormat, Unpacked};

/// `string.pack(fmt, v1, v2, ...)`.
pub fn pack<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let f = check_string(ctx, stack, 0)?;
    // lua5.4 pushes a nil after the arguments (a mark before its buffer), so the first
    // missing value is reported as "got nil", not "got no value".
    stack.push(Value::Nil);
    let mut format = PackFormat::new(f.as_bytes());
    let mut out = Vec::new();
    let mut arg = 0;
    while let Some(item) = format
        .next_item(out.len())
        .map_err(|e| pack_error(e, arg))?
    {
        // Sizes come from the format (`c2000000000`): check the cap before writing.
        ctx.reserve(out.len().saturating_add(item.padding + item.size))?;
        out.resize(out.len() + item.padding, 0);
        if item.kind == Kind::Padding {
            out.push(0);
        }
        if !item.kind.takes_value() {
            continue;
        }
        arg += 1;
        let err = |e: PackError| pack_error(e, arg);
        match item.kind {
            Kind::Int { signed } => {
                let n = check_integer(ctx, stack, arg)?;
                pack::pack_int(&mut out, n, item.size, item.little, signed).map_err(err)?;
            }
            Kind::Float | Kind::Double => {
                let x = match check_number(ctx, stack, arg)? {
                    Value::Integer(i) => i as f64,
                    Value::Number(x) => x,
                    _ => f64::NAN,
                };
                pack::pack_float(&mut out, x, item.size, item.little);
            }
            Kind::Char => {
                let s = check_string(ctx, stack, arg)?;
                pack::pack_char(&mut out, s.as_bytes(), item.size).map_err(err)?;
            }
            Kind::String => {
                let s = check_string(ctx, stack, arg)?;
                ctx.reserve(out.len().saturating_add(s.len() + item.size))?;
                pack::pack_string(&mut out, s.as_bytes(), item.size, item.little).map_err(err)?;
            }
            Kind::Zstr => {
                let s = check_string(ctx, stack, arg)?;
                ctx.reserve(out.len().saturating_add(s.len() + 1))?;
                pack::pack_zstr(&mut out, s.as_bytes()).map_err(err)?;
            }
            Kind::Padding | Kind::PadAlign | Kind::Nop => {}
        }
    }
    charge_bytes(ctx, out.len());
    let s = ctx.new_string(&out)?;
    stack.replace(&[Value::String(s)]);
    Ok(NativeAction::Return)
}

/// `string.packsize(fmt)`.
pub fn packsize<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let f = check_string(ctx, stack, 0)?;
    let size = pack::packsize(f.as_bytes()).map_err(|e| pack_error(e, 0))?;
    stack.replace(&[Value::Integer(size as i64)]);
    Ok(NativeAction::Return)
}

/// `string.unpack(fmt, s [, pos])`: the values read, then the position after them.
pub fn unpack<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let f = check_string(ctx, stack, 0)?;
    let data = check_string(ctx, stack, 1)?;
    let init = opt_integer(ctx, stack, 2, 1)?;
    let (values, next) =
        pack::unpack(f.as_bytes(), data.as_bytes(), init).map_err(|e| pack_error(e, 0))?;
    ctx.reserve(values.len().saturating_mul(16))?;
    stack.clear();
    let mut bytes = 0;
    for v in values {
        stack.push(match v {
            Unpacked::Int(n) => Value::Integer(n),
            Unpacked::Num(x) => Value::Number(x),
            Unpacked::Str(r) => {
                bytes += r.len();
                Value::String(ctx.new_string(&data.as_bytes()[r])?)
            }
        });
    }
    charge_bytes(ctx, bytes);
    stack.push(Value::Integer(next as i64));
    Ok(NativeAction::Return)
}

/// A pack error as lua5.4 raises it; `value_arg` is the window index of the value being
/// packed (for errors about it).
fn pack_error<'gc>(e: PackError, value_arg: usize) -> RuntimeError<'gc> {
    let text = String::from_utf8_lossy(&e.message()).into_owned();
    match e.site() {
        ErrorSite::Plain => RuntimeError::msg(text),
        ErrorSite::Format => arg_error(0, text),
        ErrorSite::Value => arg_error(value_arg, text),
        ErrorSite::Data => arg_error(1, text),
        ErrorSite::Position => arg_error(2, text),
    }
}
