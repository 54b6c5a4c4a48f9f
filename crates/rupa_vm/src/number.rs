//! Lua number semantics: string<->number conversion, `%.14g` formatting, and the integer/float
//! arithmetic rules of 5.4 (floor division, modulo, shifts, float->integer conversion,
//! comparisons between integers and floats).
//!
//! IMPLEMENTATION PENDING (number agent): signatures are the contract.

/// Exact equality of an integer and a float (no rounding: `2^53 + 1 ~= 2^53 + 1.0`).
pub fn int_eq_float(i: i64, f: f64) -> bool {
    todo!("{i} {f}")
}
