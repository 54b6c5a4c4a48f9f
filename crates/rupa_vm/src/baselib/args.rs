//! Argument checking for native functions, worded as lua5.4's `luaL_check*` family: the
//! messages become "bad argument #n to 'name' (...)" once the interpreter adds the call site.
//!
//! Indices here are 0-based positions in the native's window; messages use 1-based numbers.

use crate::error::RuntimeError;
use crate::meta::MetaEvent;
use crate::metaops;
use crate::native::NativeStack;
use crate::number::{self, NumberValue};
use crate::state::Context;
use crate::string::LuaString;
use crate::table::Table;
use crate::value::Value;

/// A `BadArgument` error for the argument at window position `i`.
pub fn arg_error<'gc>(i: usize, message: impl Into<String>) -> RuntimeError<'gc> {
    RuntimeError::BadArgument {
        index: i + 1,
        message: message.into(),
    }
}

/// A field of a value's metatable (raw), nil when there is none (`luaL_getmetafield`).
pub fn meta_field<'gc>(ctx: Context<'gc>, v: Value<'gc>, event: MetaEvent) -> Value<'gc> {
    match metaops::metatable(ctx, v) {
        Some(mt) => mt.get_str(ctx, ctx.meta_name(event)),
        None => Value::Nil,
    }
}

/// The type name used in messages about a value: its metatable's `__name` when that is a
/// string, else its type (`luaL_typeerror`'s choice).
pub fn type_name_of<'gc>(ctx: Context<'gc>, v: Value<'gc>) -> String {
    match meta_field(ctx, v, MetaEvent::Name) {
        Value::String(s) => s.to_str_lossy().into_owned(),
        _ => v.type_name().to_string(),
    }
}

/// "`expected` expected, got `actual`" for the argument at `i` (absent: "got no value").
pub fn type_error<'gc>(
    ctx: Context<'gc>,
    stack: &NativeStack<'gc, '_>,
    i: usize,
    expected: &str,
) -> RuntimeError<'gc> {
    let got = if i >= stack.len() {
        "no value".to_string()
    } else {
        type_name_of(ctx, stack.get(i))
    };
    arg_error(i, format!("{expected} expected, got {got}"))
}

/// Any value, present (nil counts): "value expected" otherwise.
pub fn check_any<'gc>(
    stack: &NativeStack<'gc, '_>,
    i: usize,
) -> Result<Value<'gc>, RuntimeError<'gc>> {
    if i < stack.len() {
        Ok(stack.get(i))
    } else {
        Err(arg_error(i, "value expected"))
    }
}

/// A table argument.
pub fn check_table<'gc>(
    ctx: Context<'gc>,
    stack: &NativeStack<'gc, '_>,
    i: usize,
) -> Result<Table<'gc>, RuntimeError<'gc>> {
    match stack.get(i) {
        Value::Table(t) => Ok(t),
        _ => Err(type_error(ctx, stack, i, "table")),
    }
}

/// Converts a value to a number as arithmetic does: numbers, and strings holding numerals.
pub fn to_number<'gc>(v: Value<'gc>) -> Option<Value<'gc>> {
    match v {
        Value::Integer(_) | Value::Number(_) => Some(v),
        Value::String(s) => number::str_to_number(s.as_bytes()).map(|n| match n {
            NumberValue::Integer(i) => Value::Integer(i),
            NumberValue::Float(f) => Value::Number(f),
        }),
        _ => None,
    }
}

/// An integer argument (`luaL_checkinteger`): integers, integral floats and numeric strings.
pub fn check_integer<'gc>(
    ctx: Context<'gc>,
    stack: &NativeStack<'gc, '_>,
    i: usize,
) -> Result<i64, RuntimeError<'gc>> {
    match to_number(stack.get(i)) {
        Some(Value::Integer(n)) => Ok(n),
        Some(Value::Number(f)) => number::float_to_int(f)
            .ok_or_else(|| arg_error(i, "number has no integer representation")),
        _ => Err(type_error(ctx, stack, i, "number")),
    }
}

/// An optional integer argument: `default` when absent or nil.
pub fn opt_integer<'gc>(
    ctx: Context<'gc>,
    stack: &NativeStack<'gc, '_>,
    i: usize,
    default: i64,
) -> Result<i64, RuntimeError<'gc>> {
    if stack.get(i).is_nil() {
        Ok(default)
    } else {
        check_integer(ctx, stack, i)
    }
}

/// A number argument (`luaL_checknumber`), as an integer or float `Value`.
pub fn check_number<'gc>(
    ctx: Context<'gc>,
    stack: &NativeStack<'gc, '_>,
    i: usize,
) -> Result<Value<'gc>, RuntimeError<'gc>> {
    to_number(stack.get(i)).ok_or_else(|| type_error(ctx, stack, i, "number"))
}

/// A string argument (`luaL_checklstring`): numbers are converted (and the argument replaced
/// by the string, as the C API does in place).
pub fn check_string<'gc>(
    ctx: Context<'gc>,
    stack: &mut NativeStack<'gc, '_>,
    i: usize,
) -> Result<LuaString<'gc>, RuntimeError<'gc>> {
    match stack.get(i) {
        Value::String(s) => Ok(s),
        v @ (Value::Integer(_) | Value::Number(_)) => {
            let s = ctx.new_string(number_to_string(v).as_bytes())?;
            stack.set(i, Value::String(s));
            Ok(s)
        }
        _ => Err(type_error(ctx, stack, i, "string")),
    }
}

/// An optional string argument: `None` when absent or nil.
pub fn opt_string<'gc>(
    ctx: Context<'gc>,
    stack: &mut NativeStack<'gc, '_>,
    i: usize,
) -> Result<Option<LuaString<'gc>>, RuntimeError<'gc>> {
    if stack.get(i).is_nil() {
        Ok(None)
    } else {
        check_string(ctx, stack, i).map(Some)
    }
}

/// The text of a number value: `%d` for integers, `%.14g` (with `.0` for integral values) for
/// floats; empty for anything else.
pub fn number_to_string(v: Value<'_>) -> String {
    crate::vm::coerce::number_to_string(v).unwrap_or_default()
}
