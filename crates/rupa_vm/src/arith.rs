//! Raw arithmetic on values, without metamethods: the number crunching behind `+ - * / % ^ //`,
//! the bitwise operators and unary minus / not, plus the string->number coercions of 5.4.
//!
//! Owns: which subtype a result has (integer op when both operands are integers, float
//! otherwise), wrapping integer arithmetic, string coercion, and the three errors an
//! arithmetic operation can raise by itself. It does not look up metamethods or name operands in
//! messages: `Ok(None)` hands that to the interpreter.

use crate::meta::MetaEvent;
use crate::number::{self, NumberValue};
use crate::value::Value;

/// An arithmetic or bitwise operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
    Mod,
    Pow,
    Div,
    IDiv,
    BAnd,
    BOr,
    BXor,
    Shl,
    Shr,
    /// Unary minus (the second operand is ignored).
    Unm,
    /// Bitwise not (the second operand is ignored).
    BNot,
}

impl ArithOp {
    /// The metamethod event tried when raw arithmetic does not apply.
    pub fn event(self) -> MetaEvent {
        match self {
            ArithOp::Add => MetaEvent::Add,
            ArithOp::Sub => MetaEvent::Sub,
            ArithOp::Mul => MetaEvent::Mul,
            ArithOp::Mod => MetaEvent::Mod,
            ArithOp::Pow => MetaEvent::Pow,
            ArithOp::Div => MetaEvent::Div,
            ArithOp::IDiv => MetaEvent::IDiv,
            ArithOp::BAnd => MetaEvent::BAnd,
            ArithOp::BOr => MetaEvent::BOr,
            ArithOp::BXor => MetaEvent::BXor,
            ArithOp::Shl => MetaEvent::Shl,
            ArithOp::Shr => MetaEvent::Shr,
            ArithOp::Unm => MetaEvent::Unm,
            ArithOp::BNot => MetaEvent::BNot,
        }
    }

    /// Whether the operator works on integers only (`& | ~ << >>` and unary `~`).
    pub fn is_bitwise(self) -> bool {
        matches!(
            self,
            ArithOp::BAnd
                | ArithOp::BOr
                | ArithOp::BXor
                | ArithOp::Shl
                | ArithOp::Shr
                | ArithOp::BNot
        )
    }
}

/// An error raised by the arithmetic itself (operands were numbers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ArithError {
    /// Integer `//` by zero.
    DivByZero,
    /// Integer `%` by zero.
    ModByZero,
    /// A bitwise operator on a float without an exact integer value (both operands numbers).
    NoIntegerRep,
}

impl ArithError {
    /// The message lua5.4 raises; the interpreter adds the position. Two details are the
    /// interpreter's: when an operand was a string, lua5.4 raises the error from inside the
    /// string metamethod, so without a position; and for `NoIntegerRep` it names the first
    /// operand without an integer value, e.g. "number (local 'b') has no integer representation".
    pub fn message(self) -> &'static str {
        match self {
            ArithError::DivByZero => "attempt to divide by zero",
            ArithError::ModByZero => "attempt to perform 'n%0'",
            ArithError::NoIntegerRep => "number has no integer representation",
        }
    }
}

/// Raw `a op b` (for unary operators pass the operand twice).
///
/// - `Ok(Some(v))`: the result.
/// - `Ok(None)`: an operand is not a number or a numeric string (for bitwise operators: not a
///   number; 5.4 never coerces strings there); the interpreter tries metamethods and then raises
///   "attempt to perform arithmetic on a nil value (local 'x')" or the bitwise wording.
/// - `Err(e)`: integer division or modulo by zero, or a bitwise operator on a non-integral
///   float when both operands are numbers.
#[inline]
pub fn arith<'gc>(
    op: ArithOp,
    a: Value<'gc>,
    b: Value<'gc>,
) -> Result<Option<Value<'gc>>, ArithError> {
    if let (Value::Integer(x), Value::Integer(y)) = (a, b) {
        return int_arith(op, x, y).map(Some);
    }
    arith_mixed(op, a, b)
}

/// Integer-integer arithmetic (the interpreter's hot path).
#[inline]
pub fn int_arith<'gc>(op: ArithOp, x: i64, y: i64) -> Result<Value<'gc>, ArithError> {
    Ok(match op {
        ArithOp::Add => Value::Integer(x.wrapping_add(y)),
        ArithOp::Sub => Value::Integer(x.wrapping_sub(y)),
        ArithOp::Mul => Value::Integer(x.wrapping_mul(y)),
        ArithOp::Mod => {
            if y == 0 {
                return Err(ArithError::ModByZero);
            }
            Value::Integer(number::int_mod(x, y))
        }
        ArithOp::IDiv => {
            if y == 0 {
                return Err(ArithError::DivByZero);
            }
            Value::Integer(number::int_idiv(x, y))
        }
        ArithOp::Div => Value::Number(x as f64 / y as f64),
        ArithOp::Pow => Value::Number(float_pow(x as f64, y as f64)),
        ArithOp::BAnd => Value::Integer(x & y),
        ArithOp::BOr => Value::Integer(x | y),
        ArithOp::BXor => Value::Integer(x ^ y),
        ArithOp::Shl => Value::Integer(number::shift_left(x, y)),
        ArithOp::Shr => Value::Integer(number::shift_right(x, y)),
        ArithOp::Unm => Value::Integer(x.wrapping_neg()),
        ArithOp::BNot => Value::Integer(!x),
    })
}

/// Float-float arithmetic for the non-bitwise operators.
#[inline]
pub fn float_arith(op: ArithOp, x: f64, y: f64) -> f64 {
    match op {
        ArithOp::Add => x + y,
        ArithOp::Sub => x - y,
        ArithOp::Mul => x * y,
        ArithOp::Div => x / y,
        ArithOp::Mod => number::float_mod(x, y),
        ArithOp::IDiv => number::float_idiv(x, y),
        ArithOp::Pow => float_pow(x, y),
        ArithOp::Unm => -x,
        // Bitwise operators never reach float arithmetic; NaN marks the misuse harmlessly.
        _ => f64::NAN,
    }
}

/// `x ^ y` as 5.4 computes it (squares multiplied directly).
#[inline]
fn float_pow(x: f64, y: f64) -> f64 {
    if y == 2.0 {
        x * x
    } else {
        x.powf(y)
    }
}

/// Everything but integer-integer: floats, numeric strings, and non-numbers.
fn arith_mixed<'gc>(
    op: ArithOp,
    a: Value<'gc>,
    b: Value<'gc>,
) -> Result<Option<Value<'gc>>, ArithError> {
    if op.is_bitwise() {
        return bitwise_mixed(op, a, b);
    }
    let (Some(x), Some(y)) = (to_number(a), to_number(b)) else {
        return Ok(None);
    };
    match (x, y) {
        (NumberValue::Integer(x), NumberValue::Integer(y)) => int_arith(op, x, y).map(Some),
        _ => Ok(Some(Value::Number(float_arith(
            op,
            as_float(x),
            as_float(y),
        )))),
    }
}

fn bitwise_mixed<'gc>(
    op: ArithOp,
    a: Value<'gc>,
    b: Value<'gc>,
) -> Result<Option<Value<'gc>>, ArithError> {
    let int_of = |v: Value<'gc>| match v {
        Value::Integer(i) => Some(Some(i)),
        Value::Number(f) => Some(number::float_to_int(f)),
        _ => None,
    };
    match (int_of(a), int_of(b)) {
        (Some(Some(x)), Some(Some(y))) => int_arith(op, x, y).map(Some),
        (Some(_), Some(_)) => Err(ArithError::NoIntegerRep),
        _ => Ok(None),
    }
}

#[inline]
fn as_float(n: NumberValue) -> f64 {
    match n {
        NumberValue::Integer(i) => i as f64,
        NumberValue::Float(f) => f,
    }
}

/// A number or a string coerced to one (keeping the numeral's subtype).
#[inline]
fn to_number(v: Value<'_>) -> Option<NumberValue> {
    match v {
        Value::Integer(i) => Some(NumberValue::Integer(i)),
        Value::Number(f) => Some(NumberValue::Float(f)),
        Value::String(s) => number::str_to_number(s.as_bytes()),
        _ => None,
    }
}

/// `v` as a number value, converting numeric strings (`"0x10"` -> 16, `"1e2"` -> 100.0);
/// `None` for anything else. Used by `tonumber` and the numeric `for`.
pub fn tonumber_value<'gc>(v: Value<'gc>) -> Option<Value<'gc>> {
    match v {
        Value::Integer(_) | Value::Number(_) => Some(v),
        Value::String(s) => number::str_to_number(s.as_bytes()).map(|n| match n {
            NumberValue::Integer(i) => Value::Integer(i),
            NumberValue::Float(f) => Value::Number(f),
        }),
        _ => None,
    }
}

/// `v` as an integer without rounding (floats with an integral value, numeric strings of
/// either kind): what `math.tointeger` and integer arguments of library functions accept.
pub fn tointeger_value(v: Value<'_>) -> Option<i64> {
    match to_number(v)? {
        NumberValue::Integer(i) => Some(i),
        NumberValue::Float(f) => number::float_to_int(f),
    }
}

#[cfg(test)]
mod tests;
