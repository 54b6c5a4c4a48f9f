//! `require`: looks the module up in `package.loaded`, else asks each of `package.searchers`
//! in turn and calls the loader found, all through continuations (searchers and loaders are
//! ordinary calls that may error or yield). The "module not found" message gathers what the
//! searchers said, as lua5.4's `findloader` does.

use rupa_vm::baselib::args::check_string;
use rupa_vm::native::{CallStatus, Continuation, NativeAction, NativeStack};
use rupa_vm::{Context, RuntimeError, Table, Value};

use super::{loaded_table, R};

// Slots of the table `require` carries between searcher and loader calls.
const SLOT_NAME: i64 = 1;
const SLOT_INDEX: i64 = 2;
const SLOT_SEARCHERS: i64 = 3;
const SLOT_LOADED: i64 = 4;
const SLOT_EXTRA: i64 = 5;
/// Searcher messages are kept at SLOT_MESSAGES + 1, + 2, ...
const SLOT_MESSAGES: i64 = 100;

/// `require(name)`.
pub fn require<'gc>(
    ctx: Context<'gc>,
    up: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let name = check_string(ctx, stack, 0)?;
    let loaded = loaded_table(ctx)?;
    let have = loaded.get_str(ctx, name);
    if have.is_truthy() {
        stack.replace(&[have]);
        return Ok(NativeAction::Return);
    }
    let searchers = match up.first() {
        Some(Value::Table(p)) => p.get_str(ctx, ctx.new_string(b"searchers")?),
        _ => Value::Nil,
    };
    let Value::Table(searchers) = searchers else {
        return Err(RuntimeError::msg("'package.searchers' must be a table"));
    };
    let st = Table::new(ctx.mc);
    st.set_int(ctx, SLOT_NAME, Value::String(name))?;
    st.set_int(ctx, SLOT_INDEX, Value::Integer(0))?;
    st.set_int(ctx, SLOT_SEARCHERS, Value::Table(searchers))?;
    st.set_int(ctx, SLOT_LOADED, Value::Table(loaded))?;
    next_searcher(ctx, st, stack)
}

fn slot_int<'gc>(ctx: Context<'gc>, st: Table<'gc>, slot: i64) -> i64 {
    match st.get_int(ctx, slot) {
        Value::Integer(i) => i,
        _ => 0,
    }
}

/// Calls the next searcher, or raises "module 'x' not found:" with what they said.
fn next_searcher<'gc>(
    ctx: Context<'gc>,
    st: Table<'gc>,
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let i = slot_int(ctx, st, SLOT_INDEX) + 1;
    st.set_int(ctx, SLOT_INDEX, Value::Integer(i))?;
    let name = st.get_int(ctx, SLOT_NAME);
    let searcher = match st.get_int(ctx, SLOT_SEARCHERS) {
        Value::Table(s) => s.get_int(ctx, i),
        _ => Value::Nil,
    };
    if searcher.is_nil() {
        let mut msg = b"module '".to_vec();
        if let Value::String(n) = name {
            msg.extend_from_slice(n.as_bytes());
        }
        msg.extend_from_slice(b"' not found:");
        for k in 1..i {
            if let Value::String(s) = st.get_int(ctx, SLOT_MESSAGES + k) {
                msg.extend_from_slice(b"\n\t");
                msg.extend_from_slice(s.as_bytes());
            }
        }
        return Err(RuntimeError::msg(
            String::from_utf8_lossy(&msg).into_owned(),
        ));
    }
    stack.replace(&[name]);
    // ll_require calls searchers and loaders with lua_call: no yield inside.
    Ok(NativeAction::lua_call(
        ctx,
        searcher,
        Continuation {
            func: searcher_returned,
            data: Value::Table(st),
        },
    ))
}

fn state_table<'gc>(data: Value<'gc>) -> Result<Table<'gc>, RuntimeError<'gc>> {
    match data {
        Value::Table(t) => Ok(t),
        _ => Err(RuntimeError::msg("require: lost its state")),
    }
}

fn searcher_returned<'gc>(
    ctx: Context<'gc>,
    data: Value<'gc>,
    _: CallStatus<'gc>,
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let st = state_table(data)?;
    let i = slot_int(ctx, st, SLOT_INDEX);
    match stack.get(0) {
        loader @ (Value::Closure(_) | Value::LightFunction(_)) => {
            let extra = stack.get(1);
            st.set_int(ctx, SLOT_EXTRA, extra)?;
            let name = st.get_int(ctx, SLOT_NAME);
            stack.replace(&[name, extra]);
            Ok(NativeAction::lua_call(
                ctx,
                loader,
                Continuation {
                    func: loader_returned,
                    data: Value::Table(st),
                },
            ))
        }
        v @ (Value::String(_) | Value::Integer(_) | Value::Number(_)) => {
            let s = match v {
                Value::String(s) => s,
                _ => ctx.new_string(rupa_vm::baselib::args::number_to_string(v).as_bytes())?,
            };
            st.set_int(ctx, SLOT_MESSAGES + i, Value::String(s))?;
            next_searcher(ctx, st, stack)
        }
        _ => next_searcher(ctx, st, stack),
    }
}

fn loader_returned<'gc>(
    ctx: Context<'gc>,
    data: Value<'gc>,
    _: CallStatus<'gc>,
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let st = state_table(data)?;
    let Value::Table(loaded) = st.get_int(ctx, SLOT_LOADED) else {
        return Err(RuntimeError::msg("require: lost its state"));
    };
    let name = st.get_int(ctx, SLOT_NAME);
    let result = stack.get(0);
    if !result.is_nil() {
        loaded.set(ctx, name, result)?;
    }
    let mut value = loaded.get(ctx, name);
    if value.is_nil() {
        value = Value::Boolean(true);
        loaded.set(ctx, name, value)?;
    }
    stack.replace(&[value, st.get_int(ctx, SLOT_EXTRA)]);
    Ok(NativeAction::Return)
}
