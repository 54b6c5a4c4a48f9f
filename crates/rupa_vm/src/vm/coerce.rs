//! Conversions the interpreter applies implicitly, adapted from `number.rs` and `arith.rs`:
//! numbers to strings for concatenation and numeric `for` operands.

use crate::number;
use crate::value::Value;

/// The number a value stands for (`"0x10"` reads as 16); `None` for non-numbers.
#[inline]
pub fn to_number<'gc>(v: Value<'gc>) -> Option<Value<'gc>> {
    crate::arith::tonumber_value(v)
}

/// A number as `tostring` writes it.
pub fn number_to_string(v: Value<'_>) -> Option<String> {
    match v {
        Value::Integer(i) => Some(number::fmt_integer(i)),
        Value::Number(f) => Some(number::fmt_float(f)),
        _ => None,
    }
}
