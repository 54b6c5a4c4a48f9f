//! The interpreter's inline numeric operations: integer/float arithmetic as 5.4 defines it,
//! kept here so the loop's fast paths stay small. String coercion and number parsing are the
//! number module's business; this file only handles values that already are numbers.

use crate::value::Value;

/// Arithmetic and bitwise operators, in `MetaEvent` order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArOp {
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
}

impl ArOp {
    /// Whether this is a bitwise operator (operands must have an integer representation).
    pub fn is_bitwise(self) -> bool {
        matches!(
            self,
            ArOp::BAnd | ArOp::BOr | ArOp::BXor | ArOp::Shl | ArOp::Shr
        )
    }

    /// The metamethod event of this operator.
    pub fn event(self) -> crate::meta::MetaEvent {
        use crate::meta::MetaEvent as E;
        match self {
            ArOp::Add => E::Add,
            ArOp::Sub => E::Sub,
            ArOp::Mul => E::Mul,
            ArOp::Mod => E::Mod,
            ArOp::Pow => E::Pow,
            ArOp::Div => E::Div,
            ArOp::IDiv => E::IDiv,
            ArOp::BAnd => E::BAnd,
            ArOp::BOr => E::BOr,
            ArOp::BXor => E::BXor,
            ArOp::Shl => E::Shl,
            ArOp::Shr => E::Shr,
        }
    }
}

/// Why a numeric operation failed on numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumError {
    /// Integer `//` by zero.
    IDivZero,
    /// Integer `%` by zero.
    ModZero,
    /// A float without integer representation in a bitwise operation.
    NoInteger,
}

impl NumError {
    /// The message lua5.4 raises.
    pub fn message(self) -> &'static str {
        match self {
            NumError::IDivZero => "attempt to perform 'n//0'",
            NumError::ModZero => "attempt to perform 'n%0'",
            NumError::NoInteger => "number has no integer representation",
        }
    }
}

/// Float to integer when the float has an exact integer value in range.
#[inline]
pub fn float_to_int(f: f64) -> Option<i64> {
    // -2^63 is exact; 2^63 is the first float past the range.
    if f >= -9223372036854775808.0 && f < 9223372036854775808.0 {
        let i = f as i64;
        if i as f64 == f {
            return Some(i);
        }
    }
    None
}

#[inline]
pub fn int_floor_div(a: i64, b: i64) -> i64 {
    if b == -1 {
        return a.wrapping_neg();
    }
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

#[inline]
pub fn int_mod(a: i64, b: i64) -> i64 {
    if b == -1 {
        return 0;
    }
    let r = a % b;
    if r != 0 && ((r ^ b) < 0) {
        r + b
    } else {
        r
    }
}

#[inline]
pub fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if (m > 0.0 && b < 0.0) || (m < 0.0 && b > 0.0) {
        m + b
    } else {
        m
    }
}

#[inline]
pub fn shift_left(x: i64, n: i64) -> i64 {
    if n <= -64 || n >= 64 {
        0
    } else if n >= 0 {
        ((x as u64) << n) as i64
    } else {
        ((x as u64) >> (-n)) as i64
    }
}

/// Integer operands of a bitwise operation; `None` when one is not a number.
#[inline]
fn to_int(v: Value<'_>) -> Option<Result<i64, NumError>> {
    match v {
        Value::Integer(i) => Some(Ok(i)),
        Value::Number(f) => Some(float_to_int(f).ok_or(NumError::NoInteger)),
        _ => None,
    }
}

/// `a op b` when both are numbers: `None` when an operand is not a number (strings and
/// metamethods are handled by the caller).
pub fn arith<'gc>(op: ArOp, a: Value<'gc>, b: Value<'gc>) -> Option<Result<Value<'gc>, NumError>> {
    if op.is_bitwise() {
        let x = match to_int(a)? {
            Ok(x) => x,
            Err(e) => return Some(Err(e)),
        };
        let y = match to_int(b)? {
            Ok(y) => y,
            Err(e) => return Some(Err(e)),
        };
        let r = match op {
            ArOp::BAnd => x & y,
            ArOp::BOr => x | y,
            ArOp::BXor => x ^ y,
            ArOp::Shl => shift_left(x, y),
            _ => shift_left(x, y.wrapping_neg()),
        };
        return Some(Ok(Value::Integer(r)));
    }
    if let (Value::Integer(x), Value::Integer(y)) = (a, b) {
        let r = match op {
            ArOp::Add => x.wrapping_add(y),
            ArOp::Sub => x.wrapping_sub(y),
            ArOp::Mul => x.wrapping_mul(y),
            ArOp::Mod => {
                if y == 0 {
                    return Some(Err(NumError::ModZero));
                }
                int_mod(x, y)
            }
            ArOp::IDiv => {
                if y == 0 {
                    return Some(Err(NumError::IDivZero));
                }
                int_floor_div(x, y)
            }
            ArOp::Pow => return Some(Ok(Value::Number((x as f64).powf(y as f64)))),
            ArOp::Div => return Some(Ok(Value::Number(x as f64 / y as f64))),
            _ => unreachable!("bitwise handled above"),
        };
        return Some(Ok(Value::Integer(r)));
    }
    let x = match a {
        Value::Integer(i) => i as f64,
        Value::Number(f) => f,
        _ => return None,
    };
    let y = match b {
        Value::Integer(i) => i as f64,
        Value::Number(f) => f,
        _ => return None,
    };
    Some(Ok(Value::Number(float_arith(op, x, y))))
}

/// A float operation (`op` is not bitwise).
#[inline]
pub fn float_arith(op: ArOp, x: f64, y: f64) -> f64 {
    match op {
        ArOp::Add => x + y,
        ArOp::Sub => x - y,
        ArOp::Mul => x * y,
        ArOp::Div => x / y,
        ArOp::Mod => {
            if y.is_infinite() && x.is_finite() {
                if (x >= 0.0) == (y > 0.0) {
                    x
                } else {
                    y
                }
            } else {
                float_mod(x, y)
            }
        }
        ArOp::IDiv => (x / y).floor(),
        ArOp::Pow => {
            if y == 2.0 {
                x * x
            } else {
                x.powf(y)
            }
        }
        _ => unreachable!("float_arith on a bitwise operator"),
    }
}

/// `i < f` exactly.
pub fn int_lt_float(i: i64, f: f64) -> bool {
    if f.is_nan() {
        return false;
    }
    // Compare against the integer part of f, rounding toward the right side.
    if f >= 9223372036854775808.0 {
        true
    } else if f > -9223372036854775808.0 {
        let c = f.ceil();
        // i < f  <=>  i < ceil(f)
        i < c as i64
    } else {
        false
    }
}

/// `i <= f` exactly.
pub fn int_le_float(i: i64, f: f64) -> bool {
    if f.is_nan() {
        return false;
    }
    if f >= 9223372036854775808.0 {
        true
    } else if f >= -9223372036854775808.0 {
        i <= f.floor() as i64
    } else {
        false
    }
}

/// `f < i` exactly.
pub fn float_lt_int(f: f64, i: i64) -> bool {
    if f.is_nan() {
        return false;
    }
    if f >= 9223372036854775808.0 {
        false
    } else if f >= -9223372036854775808.0 {
        (f.floor() as i64) < i
    } else {
        true
    }
}

/// `f <= i` exactly.
pub fn float_le_int(f: f64, i: i64) -> bool {
    if f.is_nan() {
        return false;
    }
    if f >= 9223372036854775808.0 {
        false
    } else if f > -9223372036854775808.0 {
        (f.ceil() as i64) <= i
    } else {
        true
    }
}

/// `a < b` for two numbers; `None` if either is not a number.
#[inline]
pub fn num_lt(a: Value<'_>, b: Value<'_>) -> Option<bool> {
    Some(match (a, b) {
        (Value::Integer(x), Value::Integer(y)) => x < y,
        (Value::Number(x), Value::Number(y)) => x < y,
        (Value::Integer(x), Value::Number(y)) => int_lt_float(x, y),
        (Value::Number(x), Value::Integer(y)) => float_lt_int(x, y),
        _ => return None,
    })
}

/// `a <= b` for two numbers; `None` if either is not a number.
#[inline]
pub fn num_le(a: Value<'_>, b: Value<'_>) -> Option<bool> {
    Some(match (a, b) {
        (Value::Integer(x), Value::Integer(y)) => x <= y,
        (Value::Number(x), Value::Number(y)) => x <= y,
        (Value::Integer(x), Value::Number(y)) => int_le_float(x, y),
        (Value::Number(x), Value::Integer(y)) => float_le_int(x, y),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_division_and_modulo() {
        assert_eq!(int_floor_div(-7, 2), -4);
        assert_eq!(int_mod(-7, 2), 1);
        assert_eq!(int_mod(7, -2), -1);
        assert_eq!(int_floor_div(i64::MIN, -1), i64::MIN);
        assert_eq!(float_mod(-7.0, 2.0), 1.0);
        assert_eq!(shift_left(1, 64), 0);
        assert_eq!(shift_left(-1, -63), 1);
    }

    #[test]
    fn mixed_comparisons_are_exact() {
        assert!(int_lt_float(1, 1.5));
        assert!(!int_lt_float(2, 1.5));
        assert!(int_le_float(i64::MAX, 9223372036854775808.0));
        assert!(float_lt_int(-0.5, 0));
        assert!(!float_le_int(f64::NAN, 0));
        assert!(float_le_int(2.0, 2));
        assert_eq!(float_to_int(3.0), Some(3));
        assert_eq!(float_to_int(9223372036854775808.0), None);
    }
}
