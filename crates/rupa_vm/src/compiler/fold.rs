//! Constant folding of arithmetic and bitwise operators on numeric constants, as 5.4's
//! `constfolding` does it: only operations that cannot raise an error are folded (no division or
//! modulo by zero, no bitwise operation on a float without an exact integer value), and a float
//! result that is NaN or zero (which could be -0.0) is left to run time. Strings are never
//! coerced here. Integer/float subtypes are kept exactly as the interpreter would produce them.

use crate::ast::{BinOp, UnOp};

/// A numeric constant.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Num {
    Int(i64),
    Flt(f64),
}

impl Num {
    fn to_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Flt(f) => f,
        }
    }

    /// The exact integer value (5.4's `luaV_tointegerns` with `F2Ieq`).
    fn to_int_exact(self) -> Option<i64> {
        match self {
            Num::Int(i) => Some(i),
            Num::Flt(f) => float_to_int(f),
        }
    }

    fn is_zero(self) -> bool {
        match self {
            Num::Int(i) => i == 0,
            Num::Flt(f) => f == 0.0,
        }
    }
}

/// A float with an exact integer value in range, as an integer.
fn float_to_int(f: f64) -> Option<i64> {
    // -2^63 is exact; 2^63 is out of range.
    if f.fract() == 0.0 && (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&f)
    {
        Some(f as i64)
    } else {
        None
    }
}

/// Folds `a op b` when that is safe; `None` leaves the operation to run time.
pub(super) fn binary(op: BinOp, a: Num, b: Num) -> Option<Num> {
    let r = match op {
        BinOp::BAnd | BinOp::BOr | BinOp::BXor | BinOp::Shl | BinOp::Shr => {
            let (x, y) = (a.to_int_exact()?, b.to_int_exact()?);
            Num::Int(match op {
                BinOp::BAnd => x & y,
                BinOp::BOr => x | y,
                BinOp::BXor => x ^ y,
                BinOp::Shl => shift_left(x, y),
                _ => shift_left(x, y.wrapping_neg()),
            })
        }
        BinOp::Div | BinOp::IDiv | BinOp::Mod if b.is_zero() => return None,
        BinOp::Div => Num::Flt(a.to_f64() / b.to_f64()),
        BinOp::Pow => Num::Flt(a.to_f64().powf(b.to_f64())),
        _ => match (a, b) {
            (Num::Int(x), Num::Int(y)) => Num::Int(match op {
                BinOp::Add => x.wrapping_add(y),
                BinOp::Sub => x.wrapping_sub(y),
                BinOp::Mul => x.wrapping_mul(y),
                BinOp::IDiv => int_floor_div(x, y),
                BinOp::Mod => int_mod(x, y),
                _ => return None,
            }),
            _ => {
                let (x, y) = (a.to_f64(), b.to_f64());
                Num::Flt(match op {
                    BinOp::Add => x + y,
                    BinOp::Sub => x - y,
                    BinOp::Mul => x * y,
                    BinOp::IDiv => (x / y).floor(),
                    BinOp::Mod => float_mod(x, y),
                    _ => return None,
                })
            }
        },
    };
    accept(r)
}

/// Folds `-a` or `~a` when that is safe.
pub(super) fn unary(op: UnOp, a: Num) -> Option<Num> {
    let r = match op {
        UnOp::Neg => match a {
            Num::Int(i) => Num::Int(i.wrapping_neg()),
            Num::Flt(f) => Num::Flt(-f),
        },
        UnOp::BNot => Num::Int(!a.to_int_exact()?),
        _ => return None,
    };
    accept(r)
}

/// Rejects float results that are NaN or zero (the sign of a zero is easy to lose).
fn accept(r: Num) -> Option<Num> {
    match r {
        Num::Flt(f) if f.is_nan() || f == 0.0 => None,
        r => Some(r),
    }
}

/// Logical shift left by `n` (right when negative); shifts of 64 or more give 0.
fn shift_left(x: i64, n: i64) -> i64 {
    if n <= -64 || n >= 64 {
        0
    } else if n >= 0 {
        ((x as u64) << n) as i64
    } else {
        ((x as u64) >> (-n)) as i64
    }
}

/// Integer floor division; `y` is not zero.
fn int_floor_div(x: i64, y: i64) -> i64 {
    if y == -1 {
        // Avoids the overflow of `i64::MIN / -1`.
        return x.wrapping_neg();
    }
    let q = x / y;
    if (x % y != 0) && ((x ^ y) < 0) {
        q - 1
    } else {
        q
    }
}

/// Integer modulo with the sign of the divisor; `y` is not zero.
fn int_mod(x: i64, y: i64) -> i64 {
    if y == -1 {
        return 0;
    }
    let r = x % y;
    if r != 0 && (r ^ y) < 0 {
        r + y
    } else {
        r
    }
}

/// Float modulo as 5.4's `luai_nummod`: `fmod` adjusted to the sign of the divisor.
fn float_mod(x: f64, y: f64) -> f64 {
    let m = x % y;
    if (m > 0.0 && y < 0.0) || (m < 0.0 && y > 0.0) {
        m + y
    } else {
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values checked with lua5.4 (`print(math.type(e), e)`).
    #[test]
    fn integer_arithmetic_wraps_and_floors() {
        assert_eq!(
            binary(BinOp::IDiv, Num::Int(-7), Num::Int(2)),
            Some(Num::Int(-4))
        );
        assert_eq!(
            binary(BinOp::Mod, Num::Int(-7), Num::Int(2)),
            Some(Num::Int(1))
        );
        assert_eq!(
            binary(BinOp::Mod, Num::Int(7), Num::Int(-2)),
            Some(Num::Int(-1))
        );
        assert_eq!(
            binary(BinOp::Add, Num::Int(i64::MAX), Num::Int(1)),
            Some(Num::Int(i64::MIN))
        );
        assert_eq!(
            binary(BinOp::IDiv, Num::Int(i64::MIN), Num::Int(-1)),
            Some(Num::Int(i64::MIN))
        );
        assert_eq!(
            binary(BinOp::Shl, Num::Int(1), Num::Int(64)),
            Some(Num::Int(0))
        );
        assert_eq!(
            binary(BinOp::Shr, Num::Int(-1), Num::Int(63)),
            Some(Num::Int(1))
        );
        assert_eq!(
            binary(BinOp::Shl, Num::Int(8), Num::Int(-2)),
            Some(Num::Int(2))
        );
    }

    #[test]
    fn unsafe_operations_are_not_folded() {
        assert_eq!(binary(BinOp::IDiv, Num::Int(1), Num::Int(0)), None);
        assert_eq!(binary(BinOp::Mod, Num::Int(1), Num::Int(0)), None);
        assert_eq!(binary(BinOp::Div, Num::Int(1), Num::Int(0)), None);
        assert_eq!(binary(BinOp::Div, Num::Flt(1.0), Num::Flt(0.0)), None);
        assert_eq!(binary(BinOp::BOr, Num::Flt(1.5), Num::Int(0)), None);
        assert_eq!(binary(BinOp::Sub, Num::Flt(1.0), Num::Flt(1.0)), None);
        assert_eq!(unary(UnOp::Neg, Num::Flt(0.0)), None);
        assert_eq!(unary(UnOp::BNot, Num::Flt(0.5)), None);
    }

    #[test]
    fn subtypes_are_exact() {
        assert_eq!(
            binary(BinOp::Div, Num::Int(4), Num::Int(2)),
            Some(Num::Flt(2.0))
        );
        assert_eq!(
            binary(BinOp::Pow, Num::Int(2), Num::Int(10)),
            Some(Num::Flt(1024.0))
        );
        assert_eq!(
            binary(BinOp::BOr, Num::Flt(2.0), Num::Int(1)),
            Some(Num::Int(3))
        );
        assert_eq!(
            binary(BinOp::IDiv, Num::Flt(7.0), Num::Int(2)),
            Some(Num::Flt(3.0))
        );
        assert_eq!(
            binary(BinOp::Mod, Num::Flt(-7.5), Num::Int(2)),
            Some(Num::Flt(0.5))
        );
        assert_eq!(unary(UnOp::BNot, Num::Int(0)), Some(Num::Int(-1)));
        assert_eq!(
            unary(UnOp::Neg, Num::Int(i64::MIN)),
            Some(Num::Int(i64::MIN))
        );
    }
}
