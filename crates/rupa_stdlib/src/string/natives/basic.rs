//! The simple string functions: `byte char dump len lower rep reverse sub upper`.

use rupa_vm::baselib::args::{arg_error, check_integer, check_string, opt_integer, type_error};
use rupa_vm::native::{NativeAction, NativeStack};
use rupa_vm::{Context, RuntimeError, Value};

use super::{charge_bytes, R};
use crate::string::{self as core, StrError};

/// `string.len(s)`.
pub fn len<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let s = check_string(ctx, stack, 0)?;
    stack.replace(&[Value::Integer(s.len() as i64)]);
    Ok(NativeAction::Return)
}

/// `string.sub(s, i [, j])`.
pub fn sub<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let s = check_string(ctx, stack, 0)?;
    let i = check_integer(ctx, stack, 1)?;
    let j = opt_integer(ctx, stack, 2, -1)?;
    let range = core::sub_range(s.len(), i, j);
    let result = if range.len() == s.len() {
        s
    } else {
        charge_bytes(ctx, range.len());
        ctx.new_string(&s.as_bytes()[range])?
    };
    stack.replace(&[Value::String(result)]);
    Ok(NativeAction::Return)
}

/// `string.byte(s [, i [, j]])`: the codes of `s[i..=j]` (`i` defaults to 1, `j` to `i`).
pub fn byte<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let s = check_string(ctx, stack, 0)?;
    let i = opt_integer(ctx, stack, 1, 1)?;
    let j = opt_integer(ctx, stack, 2, i)?;
    let range = core::byte_range(s.len(), i, j).map_err(str_error)?;
    super::check_results(stack, range.len(), "string slice too long")?;
    // Each result is a 16-byte stack slot.
    ctx.reserve(range.len().saturating_mul(16))?;
    charge_bytes(ctx, range.len());
    let bytes = &s.as_bytes()[range];
    stack.clear();
    for &b in bytes {
        stack.push(Value::Integer(i64::from(b)));
    }
    Ok(NativeAction::Return)
}

/// `string.char(...)`: the string of the given byte codes.
pub fn char<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let mut out = Vec::with_capacity(stack.len());
    for i in 0..stack.len() {
        let code = check_integer(ctx, stack, i)?;
        out.push(core::char_code(code).map_err(|e| arg_error(i, e.to_string()))?);
    }
    charge_bytes(ctx, out.len());
    let s = ctx.new_string(&out)?;
    stack.replace(&[Value::String(s)]);
    Ok(NativeAction::Return)
}

/// `string.rep(s, n [, sep])`: checks the result's size against lua5.4's limit and the
/// memory cap before building it.
pub fn rep<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let s = check_string(ctx, stack, 0)?;
    let n = check_integer(ctx, stack, 1)?;
    let sep = if stack.get(2).is_nil() {
        None
    } else {
        Some(check_string(ctx, stack, 2)?)
    };
    let sep_bytes = sep.map_or(&[][..], |s| s.as_bytes());
    let total = core::rep_len(s.len(), n, sep_bytes.len()).map_err(str_error)?;
    let result = if n == 1 {
        s
    } else {
        // The buffer being built and the string made from it live side by side a moment.
        ctx.reserve(total.saturating_mul(2))?;
        charge_bytes(ctx, total);
        let bytes = core::rep(s.as_bytes(), n, sep_bytes).map_err(str_error)?;
        ctx.new_string(&bytes)?
    };
    stack.replace(&[Value::String(result)]);
    Ok(NativeAction::Return)
}

/// `string.reverse(s)`.
pub fn reverse<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    map_bytes(ctx, stack, core::reverse)
}

/// `string.lower(s)` (C locale).
pub fn lower<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    map_bytes(ctx, stack, core::lower)
}

/// `string.upper(s)` (C locale).
pub fn upper<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    map_bytes(ctx, stack, core::upper)
}

/// `string.dump(f [, strip])`: rupa has no binary chunk format, so every function is one
/// lua5.4 would refuse to dump (after the same type check).
pub fn dump<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    match stack.get(0) {
        Value::Closure(_) | Value::LightFunction(_) => {
            Err(RuntimeError::msg("unable to dump given function"))
        }
        _ => Err(type_error(ctx, stack, 0, "function")),
    }
}

/// Replaces argument 1 by `f` of its bytes.
fn map_bytes<'gc>(
    ctx: Context<'gc>,
    stack: &mut NativeStack<'gc, '_>,
    f: fn(&[u8]) -> Vec<u8>,
) -> R<'gc> {
    let s = check_string(ctx, stack, 0)?;
    ctx.reserve(s.len().saturating_mul(2))?;
    charge_bytes(ctx, s.len());
    let out = ctx.new_string(&f(s.as_bytes()))?;
    stack.replace(&[Value::String(out)]);
    Ok(NativeAction::Return)
}

/// A helper error raised with `luaL_error` (the caller's position).
fn str_error<'gc>(e: StrError) -> RuntimeError<'gc> {
    RuntimeError::msg(e.to_string())
}
