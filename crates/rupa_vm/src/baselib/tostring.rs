//! `tostring` and `print`: converting any value to text as `luaL_tolstring` does (`__tostring`,
//! `__name`, `%.14g` floats, `table: 0x...` addresses), calling `__tostring` through the
//! executor so it may yield and never recurses on the Rust stack.

use crate::error::RuntimeError;
use crate::meta::MetaEvent;
use crate::native::{CallStatus, Continuation, NativeAction, NativeStack};
use crate::state::Context;
use crate::string::LuaString;
use crate::table::Table;
use crate::value::Value;

use super::args::{check_any, meta_field, number_to_string};

type R<'gc> = Result<NativeAction<'gc>, RuntimeError<'gc>>;

/// How a value becomes text.
pub enum Conversion<'gc> {
    /// Directly.
    Text(LuaString<'gc>),
    /// By calling this `__tostring` metamethod with the value.
    Call(Value<'gc>),
}

/// Converts `v` to text, or says which `__tostring` must be called for it.
pub fn convert<'gc>(
    ctx: Context<'gc>,
    v: Value<'gc>,
) -> Result<Conversion<'gc>, RuntimeError<'gc>> {
    let mm = meta_field(ctx, v, MetaEvent::ToString);
    if !mm.is_nil() {
        return Ok(Conversion::Call(mm));
    }
    Ok(Conversion::Text(plain(ctx, v)?))
}

/// The text of a value without `__tostring` (but with `__name`).
pub fn plain<'gc>(ctx: Context<'gc>, v: Value<'gc>) -> Result<LuaString<'gc>, RuntimeError<'gc>> {
    let text = match v {
        Value::String(s) => return Ok(s),
        Value::Nil => "nil".to_string(),
        Value::Boolean(b) => b.to_string(),
        Value::Integer(_) | Value::Number(_) => number_to_string(v),
        _ => {
            let name = match meta_field(ctx, v, MetaEvent::Name) {
                Value::String(s) => s.to_str_lossy().into_owned(),
                _ => v.type_name().to_string(),
            };
            // `%p` in lua5.4: lowercase hex with a 0x prefix.
            format!("{name}: {:#x}", v.address().unwrap_or(0))
        }
    };
    ctx.new_string(text.as_bytes())
}

/// Checks what `__tostring` returned: a string, or a number (converted, as `lua_isstring`
/// accepts it).
pub fn check_result<'gc>(
    ctx: Context<'gc>,
    v: Value<'gc>,
) -> Result<LuaString<'gc>, RuntimeError<'gc>> {
    match v {
        Value::String(s) => Ok(s),
        Value::Integer(_) | Value::Number(_) => ctx.new_string(number_to_string(v).as_bytes()),
        _ => Err(RuntimeError::msg("'__tostring' must return a string")),
    }
}

/// `tostring(v)`.
pub fn tostring<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let v = check_any(stack, 0)?;
    match convert(ctx, v)? {
        Conversion::Text(s) => {
            stack.replace(&[Value::String(s)]);
            Ok(NativeAction::Return)
        }
        Conversion::Call(mm) => {
            stack.replace(&[v]);
            // luaL_tolstring calls `__tostring` with lua_call: no yield inside.
            Ok(NativeAction::lua_call(
                ctx,
                mm,
                Continuation {
                    func: tostring_done,
                    data: Value::Nil,
                },
            ))
        }
    }
}

fn tostring_done<'gc>(
    ctx: Context<'gc>,
    _: Value<'gc>,
    _: CallStatus<'gc>,
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let s = check_result(ctx, stack.get(0))?;
    stack.replace(&[Value::String(s)]);
    Ok(NativeAction::Return)
}

/// `print(...)`: writes each argument as `tostring` would, tab-separated, then a newline. Text
/// is written as it is produced (a failing `__tostring` leaves the earlier arguments printed,
/// as in lua5.4).
pub fn print<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let args = stack.as_slice().to_vec();
    let mut out = Vec::new();
    for (i, &v) in args.iter().enumerate() {
        // The tab goes out only once the argument's text is known, as in lua5.4.
        let mark = out.len();
        if i > 0 {
            out.push(b'\t');
        }
        if write_simple(v, &mut out) {
            continue;
        }
        match convert(ctx, v)? {
            Conversion::Text(s) => out.extend_from_slice(s.as_bytes()),
            Conversion::Call(mm) => {
                ctx.write_stdout(&out[..mark], false)?;
                // The rest of the arguments wait in a table until `__tostring` returns.
                let pending = Table::new(ctx.mc);
                pending.set_int(ctx, 0, Value::Integer(i as i64 + 1))?;
                for (j, &a) in args.iter().enumerate().skip(i + 1) {
                    pending.set_int(ctx, j as i64 + 1, a)?;
                }
                pending.set_int(ctx, -1, Value::Integer(args.len() as i64))?;
                stack.replace(&[v]);
                return Ok(call_tostring(ctx, mm, pending));
            }
        }
    }
    out.push(b'\n');
    ctx.write_stdout(&out, true)?;
    stack.clear();
    Ok(NativeAction::Return)
}

fn call_tostring<'gc>(ctx: Context<'gc>, mm: Value<'gc>, pending: Table<'gc>) -> NativeAction<'gc> {
    // print's luaL_tolstring calls `__tostring` with lua_call: no yield inside.
    NativeAction::lua_call(
        ctx,
        mm,
        Continuation {
            func: print_resume,
            data: Value::Table(pending),
        },
    )
}

/// Continues `print` after a `__tostring` call. `data` holds the position reached (key 0,
/// 1-based), the argument count (key -1) and the arguments not printed yet.
fn print_resume<'gc>(
    ctx: Context<'gc>,
    data: Value<'gc>,
    _: CallStatus<'gc>,
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let Value::Table(pending) = data else {
        return Err(RuntimeError::msg("print: lost its state"));
    };
    let as_index = |v: Value<'gc>| match v {
        Value::Integer(i) => i,
        _ => 0,
    };
    let done = as_index(pending.get_int(ctx, 0));
    let n = as_index(pending.get_int(ctx, -1));
    let s = check_result(ctx, stack.get(0))?;
    let mut out = Vec::new();
    if done > 1 {
        out.push(b'\t');
    }
    out.extend_from_slice(s.as_bytes());
    for i in done + 1..=n {
        let mark = out.len();
        out.push(b'\t');
        let v = pending.get_int(ctx, i);
        if write_simple(v, &mut out) {
            continue;
        }
        match convert(ctx, v)? {
            Conversion::Text(s) => out.extend_from_slice(s.as_bytes()),
            Conversion::Call(mm) => {
                ctx.write_stdout(&out[..mark], false)?;
                pending.set_int(ctx, 0, Value::Integer(i))?;
                stack.replace(&[v]);
                return Ok(call_tostring(ctx, mm, pending));
            }
        }
    }
    out.push(b'\n');
    ctx.write_stdout(&out, true)?;
    stack.clear();
    Ok(NativeAction::Return)
}

/// Appends the text of a value that cannot have a metatable (no allocation); false for others.
fn write_simple(v: Value<'_>, out: &mut Vec<u8>) -> bool {
    match v {
        Value::Nil => out.extend_from_slice(b"nil"),
        Value::Boolean(b) => out.extend_from_slice(if b { b"true" } else { b"false" }),
        Value::Integer(_) | Value::Number(_) => {
            out.extend_from_slice(number_to_string(v).as_bytes())
        }
        _ => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gc::LuaArena;
    use crate::state::State;

    fn text<'gc>(ctx: Context<'gc>, v: Value<'gc>) -> String {
        match convert(ctx, v).expect("no cap") {
            Conversion::Text(s) => s.to_str_lossy().into_owned(),
            Conversion::Call(_) => "<call>".to_string(),
        }
    }

    #[test]
    fn formats_match_lua54() {
        #[allow(
            clippy::redundant_closure,
            reason = "the closure is needed for the higher-ranked lifetime"
        )]
        let arena = LuaArena::new(|mc| State::new(mc));
        arena.mutate(|mc, state| {
            let ctx = Context { mc, state };
            // Expected texts from lua5.4's tostring.
            assert_eq!(text(ctx, Value::Nil), "nil");
            assert_eq!(text(ctx, Value::Boolean(false)), "false");
            assert_eq!(text(ctx, Value::Integer(i64::MIN)), "-9223372036854775808");
            assert_eq!(text(ctx, Value::Number(1e15)), "1e+15");
            assert_eq!(text(ctx, Value::Number(-0.0)), "-0.0");
            assert_eq!(text(ctx, Value::Number(123.0)), "123.0");
            let t = Table::new(mc);
            let addr = Value::Table(t).address().expect("tables have addresses");
            assert_eq!(text(ctx, Value::Table(t)), format!("table: 0x{addr:x}"));
            let mt = Table::new(mc);
            let name = ctx.new_string(b"__name").expect("no cap");
            let my_type = ctx.new_string(b"MyType").expect("no cap");
            mt.set_str(ctx, name, Value::String(my_type))
                .expect("no cap");
            t.set_metatable(mc, Some(mt));
            assert_eq!(text(ctx, Value::Table(t)), format!("MyType: 0x{addr:x}"));
            // A non-string __name is ignored.
            mt.set_str(ctx, name, Value::Integer(5)).expect("no cap");
            assert_eq!(text(ctx, Value::Table(t)), format!("table: 0x{addr:x}"));
            let ts = ctx.new_string(b"__tostring").expect("no cap");
            mt.set_str(ctx, ts, Value::Boolean(true)).expect("no cap");
            assert_eq!(text(ctx, Value::Table(t)), "<call>");
            assert!(check_result(ctx, Value::Integer(42)).is_ok_and(|s| s.as_bytes() == b"42"));
            assert!(matches!(
                check_result(ctx, Value::Table(t)),
                Err(RuntimeError::Message(m)) if m == "'__tostring' must return a string"
            ));
        });
    }
}
