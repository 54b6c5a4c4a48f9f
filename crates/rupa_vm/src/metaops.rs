//! Metamethod dispatch: the slow paths of indexing, assignment, arithmetic, comparison,
//! concatenation, length and calls once the raw operation has missed.
//!
//! Nothing here calls a function: when a metamethod must run, the answer is a [`Meta::Call`]
//! the interpreter turns into a frame, so metamethods never recurse on the Rust stack. Errors
//! name the failing operand ([`OpError`]) so the interpreter can add "(local 'x')".

use std::sync::atomic::{AtomicU32, Ordering};

use crate::arith::{self as raw, ArithError, ArithOp};
use crate::error::RuntimeError;
use crate::meta::MetaEvent;
use crate::number;
use crate::state::Context;
use crate::table::Table;
use crate::value::Value;
use crate::vm::coerce;

/// The longest `__index`/`__newindex` chain followed (PUC Lua's MAXTAGLOOP).
const MAX_TAG_LOOP: usize = 2000;

/// The outcome of an operation that may need a metamethod call.
#[derive(Debug, Clone, Copy)]
pub enum Meta<'gc> {
    /// Done: the result.
    Value(Value<'gc>),
    /// Call `func` with `args[..nargs]`; its first result is the operation's result.
    Call {
        func: Value<'gc>,
        args: [Value<'gc>; 3],
        nargs: u8,
    },
}

impl<'gc> Meta<'gc> {
    fn call2(func: Value<'gc>, a: Value<'gc>, b: Value<'gc>) -> Meta<'gc> {
        Meta::Call {
            func,
            args: [a, b, Value::Nil],
            nargs: 2,
        }
    }
}

/// Why an operation failed.
#[derive(Debug, Clone)]
pub enum OpError<'gc> {
    /// "attempt to {op} a {type} value"; `operand` is 0 or 1 when the culprit is the
    /// instruction's first or second operand (the interpreter then names the variable).
    Type {
        op: &'static str,
        value: Value<'gc>,
        operand: Option<u8>,
    },
    /// "number has no integer representation", naming operand 0 or 1.
    NoInteger { operand: u8 },
    /// "attempt to compare ..." for two values.
    Compare { a: Value<'gc>, b: Value<'gc> },
    /// Any other error.
    Runtime(RuntimeError<'gc>),
}

impl<'gc> From<RuntimeError<'gc>> for OpError<'gc> {
    fn from(e: RuntimeError<'gc>) -> Self {
        OpError::Runtime(e)
    }
}

/// The metatable of any value (tables, userdata, and strings through the string metatable).
#[inline]
pub fn metatable<'gc>(ctx: Context<'gc>, v: Value<'gc>) -> Option<Table<'gc>> {
    match v {
        Value::Table(t) => t.metatable(),
        Value::UserData(u) => u.0.metatable.get(),
        Value::String(_) => ctx.state.string_metatable.get(),
        v => crate::state::State::type_slot(v).and_then(|i| ctx.state.type_metatables.get()[i]),
    }
}

/// The metamethod `event` of `v`, or nil.
#[inline]
pub fn metamethod<'gc>(ctx: Context<'gc>, v: Value<'gc>, event: MetaEvent) -> Value<'gc> {
    match metatable(ctx, v) {
        Some(mt) => mt.metamethod(ctx, event),
        None => Value::Nil,
    }
}

/// The type name used in error messages: `__name` of the metatable when it is a string.
pub fn type_name_for_error<'gc>(ctx: Context<'gc>, v: Value<'gc>) -> String {
    if let Value::Table(_) | Value::UserData(_) = v {
        if let Some(mt) = metatable(ctx, v) {
            if let Value::String(s) = mt.get_str(ctx, ctx.meta_name(MetaEvent::Name)) {
                return s.to_str_lossy().into_owned();
            }
        }
    }
    v.type_name().to_string()
}

/// `obj[key]` with `__index`.
pub fn index<'gc>(
    ctx: Context<'gc>,
    mut obj: Value<'gc>,
    key: Value<'gc>,
) -> Result<Meta<'gc>, OpError<'gc>> {
    for step in 0..MAX_TAG_LOOP {
        let tm = if let Value::Table(t) = obj {
            let v = t.get(ctx, key);
            if !v.is_nil() {
                return Ok(Meta::Value(v));
            }
            match t.metatable() {
                None => return Ok(Meta::Value(Value::Nil)),
                Some(mt) => {
                    let tm = mt.metamethod(ctx, MetaEvent::Index);
                    if tm.is_nil() {
                        return Ok(Meta::Value(Value::Nil));
                    }
                    tm
                }
            }
        } else {
            let tm = metamethod(ctx, obj, MetaEvent::Index);
            if tm.is_nil() {
                return Err(OpError::Type {
                    op: "index",
                    value: obj,
                    operand: (step == 0).then_some(0),
                });
            }
            tm
        };
        if tm.is_function() {
            return Ok(Meta::call2(tm, obj, key));
        }
        obj = tm;
    }
    Err(OpError::Runtime(RuntimeError::msg(
        "'__index' chain too long; possible loop",
    )))
}

/// `t[key]` for a table whose raw lookup already missed and that has a metatable.
#[inline]
pub fn index_miss<'gc>(
    ctx: Context<'gc>,
    t: Table<'gc>,
    key: Value<'gc>,
) -> Result<Meta<'gc>, OpError<'gc>> {
    let tm = match t.metatable() {
        Some(mt) => mt.metamethod(ctx, MetaEvent::Index),
        None => Value::Nil,
    };
    match tm {
        Value::Nil => Ok(Meta::Value(Value::Nil)),
        Value::Closure(_) | Value::LightFunction(_) => Ok(Meta::call2(tm, Value::Table(t), key)),
        Value::Table(next) => {
            let v = next.get(ctx, key);
            if !v.is_nil() || next.metatable().is_none() {
                Ok(Meta::Value(v))
            } else {
                index(ctx, tm, key)
            }
        }
        other => index(ctx, other, key),
    }
}

/// `obj[key] = value` with `__newindex`: `None` when the assignment is done.
pub fn new_index<'gc>(
    ctx: Context<'gc>,
    mut obj: Value<'gc>,
    key: Value<'gc>,
    value: Value<'gc>,
) -> Result<Option<Meta<'gc>>, OpError<'gc>> {
    for step in 0..MAX_TAG_LOOP {
        let tm = if let Value::Table(t) = obj {
            let tm = match t.metatable() {
                None => Value::Nil,
                Some(mt) => {
                    let tm = mt.metamethod(ctx, MetaEvent::NewIndex);
                    if !tm.is_nil() && !t.get(ctx, key).is_nil() {
                        // An existing key is assigned raw.
                        Value::Nil
                    } else {
                        tm
                    }
                }
            };
            if tm.is_nil() {
                t.set(ctx, key, value)?;
                return Ok(None);
            }
            tm
        } else {
            let tm = metamethod(ctx, obj, MetaEvent::NewIndex);
            if tm.is_nil() {
                return Err(OpError::Type {
                    op: "index",
                    value: obj,
                    operand: (step == 0).then_some(0),
                });
            }
            tm
        };
        if tm.is_function() {
            return Ok(Some(Meta::Call {
                func: tm,
                args: [obj, key, value],
                nargs: 3,
            }));
        }
        obj = tm;
    }
    Err(OpError::Runtime(RuntimeError::msg(
        "'__newindex' chain too long; possible loop",
    )))
}

/// `a op b` (unary operators: `a op a`) once the number fast path missed: string coercion,
/// then `__add` & co.
pub fn arith<'gc>(
    ctx: Context<'gc>,
    op: ArithOp,
    a: Value<'gc>,
    b: Value<'gc>,
) -> Result<Meta<'gc>, OpError<'gc>> {
    match raw::arith(op, a, b) {
        Ok(Some(v)) => return Ok(Meta::Value(v)),
        Ok(None) => {}
        Err(ArithError::NoIntegerRep) => {
            let operand = if raw::tointeger_value(a).is_none() {
                0
            } else {
                1
            };
            return Err(OpError::NoInteger { operand });
        }
        // With a string operand lua5.4 computes inside the string library's metamethod, a
        // C function, so the error has no position.
        Err(e) if matches!(a, Value::String(_)) || matches!(b, Value::String(_)) => {
            return Err(OpError::Runtime(RuntimeError::Plain(
                e.message().to_string(),
            )))
        }
        Err(e) => return Err(OpError::Runtime(RuntimeError::msg(e.message()))),
    }
    let event = op.event();
    let mut tm = metamethod(ctx, a, event);
    if tm.is_nil() {
        tm = metamethod(ctx, b, event);
    }
    if !tm.is_nil() {
        return Ok(Meta::call2(tm, a, b));
    }
    let is_num = |v: Value<'gc>| matches!(v, Value::Integer(_) | Value::Number(_));
    if op.is_bitwise() {
        if is_num(a) && is_num(b) {
            let operand = if raw::tointeger_value(a).is_none() {
                0
            } else {
                1
            };
            return Err(OpError::NoInteger { operand });
        }
        let (value, operand) = if !is_num(a) { (a, 0) } else { (b, 1) };
        return Err(OpError::Type {
            op: "perform bitwise operation on",
            value,
            operand: Some(operand),
        });
    }
    let na = coerce::to_number(a).is_some();
    let (value, operand) = if !na { (a, 0) } else { (b, 1) };
    Err(OpError::Type {
        op: "perform arithmetic on",
        value,
        operand: Some(operand),
    })
}

/// `#a`.
pub fn len<'gc>(ctx: Context<'gc>, a: Value<'gc>) -> Result<Meta<'gc>, OpError<'gc>> {
    match a {
        Value::String(s) => return Ok(Meta::Value(Value::Integer(s.len() as i64))),
        Value::Table(t) => {
            let tm = match t.metatable() {
                Some(mt) => mt.metamethod(ctx, MetaEvent::Len),
                None => Value::Nil,
            };
            if tm.is_nil() {
                return Ok(Meta::Value(Value::Integer(t.length())));
            }
            return Ok(Meta::call2(tm, a, a));
        }
        _ => {}
    }
    let tm = metamethod(ctx, a, MetaEvent::Len);
    if tm.is_nil() {
        return Err(OpError::Type {
            op: "get length of",
            value: a,
            operand: Some(0),
        });
    }
    Ok(Meta::call2(tm, a, a))
}

/// `a == b`.
pub fn equal<'gc>(ctx: Context<'gc>, a: Value<'gc>, b: Value<'gc>) -> Meta<'gc> {
    match (a, b) {
        (Value::Table(_), Value::Table(_)) | (Value::UserData(_), Value::UserData(_)) => {
            if a.raw_equal(&b) {
                return Meta::Value(Value::Boolean(true));
            }
            let mut tm = metamethod(ctx, a, MetaEvent::Eq);
            if tm.is_nil() {
                tm = metamethod(ctx, b, MetaEvent::Eq);
            }
            if tm.is_nil() {
                Meta::Value(Value::Boolean(false))
            } else {
                Meta::call2(tm, a, b)
            }
        }
        _ => Meta::Value(Value::Boolean(a.raw_equal(&b))),
    }
}

/// `a < b` (`le == false`) or `a <= b` (`le == true`). The flag says the metamethod's result
/// must be negated (`a <= b` computed as `not (b < a)`, lua5.4's LUA_COMPAT_LT_LE fallback).
pub fn compare<'gc>(
    ctx: Context<'gc>,
    a: Value<'gc>,
    b: Value<'gc>,
    le: bool,
) -> Result<(Meta<'gc>, bool), OpError<'gc>> {
    let r = match (a, b) {
        (Value::Integer(x), Value::Integer(y)) => Some(if le { x <= y } else { x < y }),
        (Value::Number(x), Value::Number(y)) => Some(if le { x <= y } else { x < y }),
        (Value::Integer(x), Value::Number(y)) => Some(if le {
            number::int_le_float(x, y)
        } else {
            number::int_lt_float(x, y)
        }),
        (Value::Number(x), Value::Integer(y)) => Some(if le {
            number::float_le_int(x, y)
        } else {
            number::float_lt_int(x, y)
        }),
        _ => None,
    };
    if let Some(r) = r {
        return Ok((Meta::Value(Value::Boolean(r)), false));
    }
    if let (Value::String(x), Value::String(y)) = (a, b) {
        let (x, y) = (x.as_bytes(), y.as_bytes());
        let r = if le { x <= y } else { x < y };
        return Ok((Meta::Value(Value::Boolean(r)), false));
    }
    let event = if le { MetaEvent::Le } else { MetaEvent::Lt };
    let mut tm = metamethod(ctx, a, event);
    if tm.is_nil() {
        tm = metamethod(ctx, b, event);
    }
    if tm.is_nil() {
        if le {
            // 5.4 is built with LUA_COMPAT_LT_LE: without `__le`, try `not (b < a)`.
            let mut lt = metamethod(ctx, b, MetaEvent::Lt);
            if lt.is_nil() {
                lt = metamethod(ctx, a, MetaEvent::Lt);
            }
            if !lt.is_nil() {
                return Ok((Meta::call2(lt, b, a), true));
            }
        }
        return Err(OpError::Compare { a, b });
    }
    Ok((Meta::call2(tm, a, b), false))
}

/// Where `__call` was last found in a metatable's hash part: a guess tried before hashing
/// (a program calling objects usually calls objects of one metatable: a host's proxies, a
/// class's instances). Shared by every state and thread; a wrong guess is only a miss, as it
/// is checked against the key found there, so relaxed reads and writes suffice.
static CALL_HINT: AtomicU32 = AtomicU32::new(0);

/// The `__call` handler of a non-function value, if any.
#[inline]
pub fn call_handler<'gc>(ctx: Context<'gc>, v: Value<'gc>) -> Option<Value<'gc>> {
    let mt = metatable(ctx, v)?;
    let guess = CALL_HINT.load(Ordering::Relaxed);
    let hint = std::cell::Cell::new(guess);
    let tm = mt.metamethod_hinted(ctx, MetaEvent::Call, &hint);
    if hint.get() != guess {
        CALL_HINT.store(hint.get(), Ordering::Relaxed);
    }
    (!tm.is_nil()).then_some(tm)
}

/// The message for a failed comparison.
pub fn compare_message<'gc>(ctx: Context<'gc>, a: Value<'gc>, b: Value<'gc>) -> String {
    let t1 = type_name_for_error(ctx, a);
    let t2 = type_name_for_error(ctx, b);
    if t1 == t2 {
        format!("attempt to compare two {t1} values")
    } else {
        format!("attempt to compare {t1} with {t2}")
    }
}
