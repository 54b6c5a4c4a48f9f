//! `string.gsub`: string replacements are expanded in one pass; table and function
//! replacements may call Lua (`__index`, the function), so the loop is a state machine
//! that returns a `NativeAction::Call` and resumes in a continuation for each such call.

use rupa_vm::baselib::args::{check_string, opt_integer, type_error};
use rupa_vm::metaops::{self, Meta, OpError};
use rupa_vm::native::{CallStatus, Continuation, NativeAction, NativeStack};
use rupa_vm::{Context, LuaString, RuntimeError, Table, Value};

use super::{
    capture_value, charge_bytes, charge_steps, new_state, pattern_budget, pattern_error,
    with_state, R,
};
use crate::string::pattern::{self, Budget, Gsub};

/// `string.gsub(s, pattern, repl [, n])`.
pub fn gsub<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let s = check_string(ctx, stack, 0)?;
    let p = check_string(ctx, stack, 1)?;
    let max = opt_integer(ctx, stack, 3, s.len() as i64 + 1)?;
    let repl = stack.get(2);
    match repl {
        Value::String(_) | Value::Integer(_) | Value::Number(_) => {
            let r = check_string(ctx, stack, 2)?;
            let start = pattern_budget(s.len());
            let mut budget = start;
            let res = pattern::gsub_str(s.as_bytes(), p.as_bytes(), r.as_bytes(), max, &mut budget);
            charge_steps(ctx, &start, &budget);
            let (out, count) = res.map_err(pattern_error)?;
            charge_bytes(ctx, out.len());
            let result = if count == 0 { s } else { ctx.new_string(&out)? };
            stack.replace(&[Value::String(result), Value::Integer(count)]);
            Ok(NativeAction::Return)
        }
        Value::Table(_) | Value::Closure(_) | Value::LightFunction(_) => {
            let state = State {
                gsub: Gsub::new(max),
                budget: pattern_budget(s.len()),
                out: Vec::with_capacity(s.len()),
                copied: 0,
                current: (0, 0),
                changed: false,
            };
            let data = Table::new(ctx.mc);
            data.set_int(ctx, 1, Value::String(s))?;
            data.set_int(ctx, 2, Value::String(p))?;
            data.set_int(ctx, 3, repl)?;
            data.set_int(ctx, 4, new_state(ctx, state))?;
            run(ctx, data, stack)
        }
        _ => Err(type_error(ctx, stack, 2, "string/function/table")),
    }
}

/// The loop's state between calls into Lua.
struct State {
    gsub: Gsub,
    budget: Budget,
    /// The result so far.
    out: Vec<u8>,
    /// Subject bytes before this offset are in `out` (or replaced).
    copied: usize,
    /// The match whose replacement is being computed (0-based range).
    current: (usize, usize),
    /// Whether any match was replaced by a value (lua5.4 returns the subject itself when
    /// nothing changed).
    changed: bool,
}

/// The strings and the replacement, kept in the continuation's data table.
struct Parts<'gc> {
    subject: LuaString<'gc>,
    pattern: LuaString<'gc>,
    repl: Value<'gc>,
    state: Value<'gc>,
}

fn parts<'gc>(ctx: Context<'gc>, data: Table<'gc>) -> Result<Parts<'gc>, RuntimeError<'gc>> {
    match (data.get_int(ctx, 1), data.get_int(ctx, 2)) {
        (Value::String(subject), Value::String(pattern)) => Ok(Parts {
            subject,
            pattern,
            repl: data.get_int(ctx, 3),
            state: data.get_int(ctx, 4),
        }),
        _ => Err(RuntimeError::msg("gsub: lost its state")),
    }
}

/// Runs matches until one needs a call into Lua, or the subject is done.
fn run<'gc>(ctx: Context<'gc>, data: Table<'gc>, stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let Parts {
        subject,
        pattern,
        repl,
        state,
    } = parts(ctx, data)?;
    let bytes = subject.as_bytes();
    loop {
        let found = with_state(state, |st: &mut State| {
            let start = st.budget;
            let m = st
                .gsub
                .next_match(bytes, pattern.as_bytes(), &mut st.budget);
            charge_steps(ctx, &start, &st.budget);
            if let Ok(Some(m)) = &m {
                st.out.extend_from_slice(&bytes[st.copied..m.start]);
                st.copied = m.end;
                st.current = (m.start, m.end);
            }
            (m, st.out.len())
        })?;
        let (found, out_len) = found;
        let Some(m) = found.map_err(pattern_error)? else {
            return finish(ctx, subject, state, stack);
        };
        // The buffer is outside the arena's accounting until it becomes a string.
        ctx.reserve(out_len)?;
        let value = match repl {
            Value::Table(t) => {
                let key = capture_value(ctx, subject, m.capture(0).map_err(pattern_error)?)?;
                match metaops::index(ctx, Value::Table(t), key).map_err(op_error(ctx))? {
                    Meta::Value(v) => v,
                    Meta::Call { func, args, nargs } => {
                        stack.replace(&args[..usize::from(nargs)]);
                        return Ok(call(ctx, func, data));
                    }
                }
            }
            func => {
                stack.clear();
                super::find::push_captures(ctx, stack, subject, &m, true)?;
                return Ok(call(ctx, func, data));
            }
        };
        add_value(subject, state, value)?;
    }
}

/// The call of a replacement function or `__index`: lua5.4's `gsub` makes it with `lua_call`,
/// without a continuation, so a yield inside fails.
fn call<'gc>(ctx: Context<'gc>, func: Value<'gc>, data: Table<'gc>) -> NativeAction<'gc> {
    NativeAction::lua_call(
        ctx,
        func,
        Continuation {
            func: resume,
            data: Value::Table(data),
        },
    )
}

/// Continues after the function (or `__index`) returned the replacement.
fn resume<'gc>(
    ctx: Context<'gc>,
    data: Value<'gc>,
    _: CallStatus<'gc>,
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let Value::Table(data) = data else {
        return Err(RuntimeError::msg("gsub: lost its state"));
    };
    let p = parts(ctx, data)?;
    add_value(p.subject, p.state, stack.get(0))?;
    run(ctx, data, stack)
}

/// Appends the replacement `v` for the current match: false or nil keep the original
/// text, strings and numbers replace it, anything else is an error.
fn add_value<'gc>(
    subject: LuaString<'gc>,
    state: Value<'gc>,
    v: Value<'gc>,
) -> Result<(), RuntimeError<'gc>> {
    let text: Option<Vec<u8>> = match v {
        Value::Nil | Value::Boolean(false) => None,
        Value::String(s) => Some(s.as_bytes().to_vec()),
        Value::Integer(_) | Value::Number(_) => {
            Some(rupa_vm::baselib::args::number_to_string(v).into_bytes())
        }
        other => {
            return Err(RuntimeError::msg(format!(
                "invalid replacement value (a {})",
                other.type_name()
            )))
        }
    };
    with_state(state, |st: &mut State| {
        let (a, b) = st.current;
        match &text {
            Some(t) => {
                st.out.extend_from_slice(t);
                st.changed = true;
            }
            None => st.out.extend_from_slice(&subject.as_bytes()[a..b]),
        }
    })
}

/// Copies the rest of the subject and returns the result and the match count.
fn finish<'gc>(
    ctx: Context<'gc>,
    subject: LuaString<'gc>,
    state: Value<'gc>,
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let (out, count, changed) = with_state(state, |st: &mut State| {
        st.out.extend_from_slice(&subject.as_bytes()[st.copied..]);
        (std::mem::take(&mut st.out), st.gsub.count(), st.changed)
    })?;
    charge_bytes(ctx, out.len());
    let result = if changed {
        ctx.new_string(&out)?
    } else {
        subject
    };
    stack.replace(&[Value::String(result), Value::Integer(count)]);
    Ok(NativeAction::Return)
}

/// Turns an indexing failure inside the replacement table's `__index` chain into its error.
fn op_error<'gc>(ctx: Context<'gc>) -> impl Fn(OpError<'gc>) -> RuntimeError<'gc> {
    move |e| match e {
        OpError::Type { op, value, .. } => RuntimeError::msg(format!(
            "attempt to {op} a {} value",
            metaops::type_name_for_error(ctx, value)
        )),
        OpError::Runtime(e) => e,
        OpError::NoInteger { .. } => RuntimeError::msg("number has no integer representation"),
        OpError::Compare { .. } => RuntimeError::msg("attempt to compare values"),
    }
}
