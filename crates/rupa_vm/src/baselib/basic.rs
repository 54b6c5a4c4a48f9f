//! The small base functions: `type`, `tonumber`, `select`, the raw accessors, `next`, `pairs`,
//! `ipairs`, metatables, `assert`, `error`, `pcall` and `xpcall`.
//!
//! Each follows its lua5.4 counterpart in `lbaselib.c` for argument order, checks and messages.

use crate::error::RuntimeError;
use crate::function::Function;
use crate::meta::MetaEvent;
use crate::metaops::{self, Meta, OpError};
use crate::native::{CallStatus, Continuation, NativeAction, NativeStack};
use crate::number;
use crate::state::Context;
use crate::value::Value;

use super::args::{
    arg_error, check_any, check_integer, check_table, meta_field, opt_integer, type_error,
};

type R<'gc> = Result<NativeAction<'gc>, RuntimeError<'gc>>;

fn ret1<'gc>(stack: &mut NativeStack<'gc, '_>, v: Value<'gc>) -> R<'gc> {
    stack.replace(&[v]);
    Ok(NativeAction::Return)
}

/// `type(v)`.
pub fn type_<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let v = check_any(stack, 0)?;
    let s = ctx.new_string(v.type_name().as_bytes())?;
    ret1(stack, Value::String(s))
}

/// `tonumber(v [, base])`.
pub fn tonumber<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    if stack.get(1).is_nil() {
        let v = check_any(stack, 0)?;
        let n = match v {
            Value::Integer(_) | Value::Number(_) => v,
            Value::String(_) => super::args::to_number(v).unwrap_or(Value::Nil),
            _ => Value::Nil,
        };
        return ret1(stack, n);
    }
    let base = check_integer(ctx, stack, 1)?;
    let Value::String(s) = stack.get(0) else {
        return Err(type_error(ctx, stack, 0, "string"));
    };
    if !(2..=36).contains(&base) {
        return Err(arg_error(1, "base out of range"));
    }
    let n = number::str_to_int_base(s.as_bytes(), base as u32).map_or(Value::Nil, Value::Integer);
    ret1(stack, n)
}

/// `select(n, ...)` and `select('#', ...)`.
pub fn select<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    // `n` counts the selector too, as `lua_gettop` does in lbaselib.c.
    let n = stack.len() as i64;
    if let Value::String(s) = stack.get(0) {
        if s.as_bytes().first() == Some(&b'#') {
            return ret1(stack, Value::Integer(n - 1));
        }
    }
    let mut i = check_integer(ctx, stack, 0)?;
    if i < 0 {
        i += n;
    } else if i > n {
        i = n;
    }
    if i < 1 {
        return Err(arg_error(0, "index out of range"));
    }
    let rest = stack.as_slice()[i as usize..].to_vec();
    stack.replace(&rest);
    Ok(NativeAction::Return)
}

/// `rawget(t, k)`.
pub fn rawget<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let t = check_table(ctx, stack, 0)?;
    let k = check_any(stack, 1)?;
    let v = t.get(ctx, k);
    ret1(stack, v)
}

/// `rawset(t, k, v)`.
pub fn rawset<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let t = check_table(ctx, stack, 0)?;
    let k = check_any(stack, 1)?;
    let v = check_any(stack, 2)?;
    // lua_rawset raises through luaG_runerror from inside a C function, where no Lua frame is
    // current, so the message has no position.
    t.set(ctx, k, v).map_err(|e| match e {
        RuntimeError::Message(m) => RuntimeError::Plain(m),
        other => other,
    })?;
    ret1(stack, Value::Table(t))
}

/// `rawequal(a, b)`.
pub fn rawequal<'gc>(
    _: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let a = check_any(stack, 0)?;
    let b = check_any(stack, 1)?;
    ret1(stack, Value::Boolean(a.raw_equal(&b)))
}

/// `rawlen(v)`.
pub fn rawlen<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let n = match stack.get(0) {
        Value::Table(t) => t.length(),
        Value::String(s) => s.len() as i64,
        _ => return Err(type_error(ctx, stack, 0, "table or string")),
    };
    ret1(stack, Value::Integer(n))
}

/// `next(t [, k])`.
pub fn next<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let t = check_table(ctx, stack, 0)?;
    match t.next(ctx, stack.get(1))? {
        Some((k, v)) => stack.replace(&[k, v]),
        None => stack.replace(&[Value::Nil]),
    }
    Ok(NativeAction::Return)
}

/// `pairs(t)`: `__pairs(t)` truncated to three results, or `next, t, nil`. The closure's
/// upvalue is `next`.
pub fn pairs<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let t = check_any(stack, 0)?;
    let mm = meta_field(ctx, t, MetaEvent::Pairs);
    if mm.is_nil() {
        let next = Value::from(Function::light(&super::NEXT));
        stack.replace(&[next, t, Value::Nil]);
        return Ok(NativeAction::Return);
    }
    stack.replace(&[t]);
    Ok(NativeAction::Call {
        func: mm,
        then: Continuation {
            func: three_results,
            data: Value::Nil,
        },
        protected: false,
    })
}

fn three_results<'gc>(
    _: Context<'gc>,
    _: Value<'gc>,
    _: CallStatus<'gc>,
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    stack.resize(3);
    Ok(NativeAction::Return)
}

/// `ipairs(t)`: `ipairs_aux, t, 0`. The closure's upvalue is the iterator.
pub fn ipairs<'gc>(_: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let t = check_any(stack, 0)?;
    let aux = Value::from(Function::light(&super::IPAIRS_AUX));
    stack.replace(&[aux, t, Value::Integer(0)]);
    Ok(NativeAction::Return)
}

/// The `ipairs` iterator: `t[i + 1]` with `__index`, as 5.4's `lua_geti`.
pub fn ipairs_aux<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let i = check_integer(ctx, stack, 1)?.wrapping_add(1);
    let t = stack.get(0);
    let key = Value::Integer(i);
    match metaops::index(ctx, t, key) {
        Ok(Meta::Value(v)) => {
            if v.is_nil() {
                ret1(stack, Value::Nil)
            } else {
                stack.replace(&[key, v]);
                Ok(NativeAction::Return)
            }
        }
        Ok(Meta::Call { func, args, nargs }) => {
            stack.replace(&args[..nargs as usize]);
            // lua_geti calls `__index` without a continuation.
            Ok(NativeAction::lua_call(
                ctx,
                func,
                Continuation {
                    func: ipairs_index_done,
                    data: key,
                },
            ))
        }
        Err(e) => Err(op_error(e)),
    }
}

fn ipairs_index_done<'gc>(
    _: Context<'gc>,
    key: Value<'gc>,
    _: CallStatus<'gc>,
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let v = stack.get(0);
    if v.is_nil() {
        stack.replace(&[Value::Nil]);
    } else {
        stack.replace(&[key, v]);
    }
    Ok(NativeAction::Return)
}

/// An operation error raised inside a native: there is no variable to name.
fn op_error(e: OpError<'_>) -> RuntimeError<'_> {
    match e {
        OpError::Type { op, value, .. } => {
            RuntimeError::Plain(format!("attempt to {op} a {} value", value.type_name()))
        }
        OpError::NoInteger { .. } => {
            RuntimeError::Plain("number has no integer representation".to_string())
        }
        OpError::Compare { a, b } => RuntimeError::Plain(format!(
            "attempt to compare {} with {}",
            a.type_name(),
            b.type_name()
        )),
        OpError::Runtime(e) => e,
    }
}

/// `getmetatable(v)`: the `__metatable` field when present.
pub fn getmetatable<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let v = check_any(stack, 0)?;
    let r = match metaops::metatable(ctx, v) {
        None => Value::Nil,
        Some(mt) => match mt.get_str(ctx, ctx.meta_name(MetaEvent::Metatable)) {
            Value::Nil => Value::Table(mt),
            protected => protected,
        },
    };
    ret1(stack, r)
}

/// `setmetatable(t, mt)`; registers the table with the collector for `__gc` and `__mode`.
pub fn setmetatable<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let t = check_table(ctx, stack, 0)?;
    let mt = match stack.get(1) {
        Value::Table(mt) => Some(mt),
        Value::Nil if stack.len() >= 2 => None,
        _ => return Err(type_error(ctx, stack, 1, "nil or table")),
    };
    if !meta_field(ctx, Value::Table(t), MetaEvent::Metatable).is_nil() {
        return Err(RuntimeError::msg("cannot change a protected metatable"));
    }
    crate::gc::register(ctx, Value::Table(t), mt)?;
    t.set_metatable(ctx.mc, mt);
    ret1(stack, Value::Table(t))
}

/// `assert(v [, message, ...])`: on failure raises the message (default "assertion failed!")
/// as `error(message)` would, so a string gets the caller's position.
pub fn assert<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let v = check_any(stack, 0)?;
    if v.is_truthy() {
        return Ok(NativeAction::Return);
    }
    let value = if stack.len() < 2 {
        Value::String(ctx.new_string(b"assertion failed!")?)
    } else {
        stack.get(1)
    };
    Err(RuntimeError::AtLevel { value, level: 1 })
}

/// `error([v [, level]])`.
pub fn error<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let level = opt_integer(ctx, stack, 1, 1)?;
    Err(RuntimeError::AtLevel {
        value: stack.get(0),
        // A negative level names no function, like level 0.
        level: usize::try_from(level).unwrap_or(0),
    })
}

/// `pcall(f, ...)`.
pub fn pcall<'gc>(_: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    check_any(stack, 0)?;
    let f = stack.pop_front();
    Ok(NativeAction::Call {
        func: f,
        then: Continuation {
            func: protected_done,
            data: Value::Nil,
        },
        protected: true,
    })
}

/// `xpcall(f, msgh, ...)`.
pub fn xpcall<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let (Value::Closure(_) | Value::LightFunction(_)) = stack.get(1) else {
        return Err(type_error(ctx, stack, 1, "function"));
    };
    let f = stack.pop_front();
    let handler = stack.pop_front();
    Ok(NativeAction::CallWithHandler {
        func: f,
        handler,
        then: Continuation {
            func: protected_done,
            data: Value::Nil,
        },
    })
}

/// After the protected call of `pcall`/`xpcall`: `true, results...` or `false, error`.
fn protected_done<'gc>(
    _: Context<'gc>,
    _: Value<'gc>,
    status: CallStatus<'gc>,
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    match status {
        CallStatus::Ok => stack.push_front(Value::Boolean(true)),
        CallStatus::Err(e) => stack.replace(&[Value::Boolean(false), e]),
    }
    Ok(NativeAction::Return)
}
