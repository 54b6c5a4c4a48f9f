//! Lua number semantics: string<->number conversion, `%.14g` formatting, and the integer/float
//! arithmetic rules of 5.4 (floor division, modulo, shifts, float->integer conversion,
//! comparisons between integers and floats).
//!
//! Everything here is a pure function on Rust numbers and byte strings: no GC, no values, no
//! errors (division by zero is the caller's to report). The reference for every result is the
//! `lua5.4` binary; the tests hold outputs captured from it.

/// A parsed Lua number, keeping its subtype.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumberValue {
    Integer(i64),
    Float(f64),
}

/// 2^63 as a float: the first float above every `i64`.
const TWO_POW_63: f64 = 9_223_372_036_854_775_808.0;

/// Largest magnitude below which every integer converts to a float exactly (2^53).
const MAX_EXACT_INT: i64 = 1 << 53;

/// C's `isspace` in the "C" locale, which is what lua5.4 uses to skip blanks around numerals.
#[inline]
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

fn trim_spaces(s: &[u8]) -> &[u8] {
    let start = s.iter().position(|&b| !is_space(b)).unwrap_or(s.len());
    let end = s
        .iter()
        .rposition(|&b| !is_space(b))
        .map_or(start, |e| e + 1);
    &s[start..end]
}

/// Converts a string to a number as `tonumber(s)` and the string->number coercions do
/// (`lua_stringtonumber`): blanks around, optional sign, decimal or hex integers (hex wraps
/// around, decimal overflow gives a float), decimal and hex floats. `inf`, `nan` and strings
/// holding a NUL byte are not numerals.
pub fn str_to_number(s: &[u8]) -> Option<NumberValue> {
    if s.contains(&0) {
        return None;
    }
    let s = trim_spaces(s);
    if let Some(i) = str_to_int(s) {
        return Some(NumberValue::Integer(i));
    }
    str_to_float(s).map(NumberValue::Float)
}

/// Splits an optional sign off a trimmed numeral: (negative, rest).
fn split_sign(s: &[u8]) -> (bool, &[u8]) {
    match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    }
}

fn hex_digit(b: u8) -> Option<u32> {
    (b as char).to_digit(16)
}

/// The integer reading of a trimmed numeral, or `None` when it is not an integer numeral or a
/// decimal one does not fit (it is then read as a float).
fn str_to_int(s: &[u8]) -> Option<i64> {
    let (neg, s) = split_sign(s);
    let mut acc: u64 = 0;
    if let Some(hex) = s.strip_prefix(b"0x").or_else(|| s.strip_prefix(b"0X")) {
        if hex.is_empty() {
            return None;
        }
        for &b in hex {
            acc = acc.wrapping_mul(16).wrapping_add(hex_digit(b)? as u64);
        }
    } else {
        if s.is_empty() {
            return None;
        }
        // Magnitudes up to 2^63 are accepted for negative numerals (math.mininteger).
        let max = if neg { 1u64 << 63 } else { i64::MAX as u64 };
        for &b in s {
            if !b.is_ascii_digit() {
                return None;
            }
            acc = acc.checked_mul(10)?.checked_add((b - b'0') as u64)?;
            if acc > max {
                return None;
            }
        }
    }
    let v = acc as i64;
    Some(if neg { v.wrapping_neg() } else { v })
}

/// The float reading of a trimmed numeral (what C's `strtod` accepts, minus `inf`/`nan`).
fn str_to_float(s: &[u8]) -> Option<f64> {
    let (neg, body) = split_sign(s);
    let v = if let Some(hex) = body
        .strip_prefix(b"0x")
        .or_else(|| body.strip_prefix(b"0X"))
    {
        hex_to_float(hex)?
    } else {
        dec_to_float(body)?
    };
    Some(if neg { -v } else { v })
}

/// Checks the decimal float syntax `digits [. digits] [(e|E) [sign] digits]` (at least one
/// mantissa digit) and lets Rust's correctly rounded parser compute the value, as glibc's
/// `strtod` is correctly rounded too.
fn dec_to_float(s: &[u8]) -> Option<f64> {
    let mut i = 0;
    let mut digits = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
        digits += 1;
    }
    if i < s.len() && s[i] == b'.' {
        i += 1;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
            digits += 1;
        }
    }
    if digits == 0 {
        return None;
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        i += 1;
        if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
            i += 1;
        }
        let exp_start = i;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp_start {
            return None;
        }
    }
    if i != s.len() {
        return None;
    }
    std::str::from_utf8(s).ok()?.parse::<f64>().ok()
}

/// Hex float `hexdigits [. hexdigits] [(p|P) [sign] digits]` after the `0x`, correctly rounded
/// to nearest-even as glibc's `strtod` does.
fn hex_to_float(s: &[u8]) -> Option<f64> {
    let mut i = 0;
    let mut mant: u64 = 0;
    let mut sticky = false;
    // Binary exponent to apply to `mant`.
    let mut exp: i64 = 0;
    let mut any_digit = false;
    let mut seen_dot = false;
    while i < s.len() {
        let b = s[i];
        if b == b'.' && !seen_dot {
            seen_dot = true;
        } else if let Some(d) = hex_digit(b) {
            any_digit = true;
            if mant >> 60 == 0 {
                mant = mant * 16 + d as u64;
                if seen_dot {
                    exp -= 4;
                }
            } else {
                // Digits beyond 60 significant bits only matter as a sticky bit.
                sticky |= d != 0;
                if !seen_dot {
                    exp += 4;
                }
            }
        } else {
            break;
        }
        i += 1;
    }
    if !any_digit {
        return None;
    }
    if i < s.len() && (s[i] == b'p' || s[i] == b'P') {
        i += 1;
        let (eneg, rest) = split_sign(&s[i..]);
        i = s.len() - rest.len();
        let start = i;
        let mut e: i64 = 0;
        while i < s.len() && s[i].is_ascii_digit() {
            // Saturate: any exponent this large already over- or underflows.
            e = (e * 10 + (s[i] - b'0') as i64).min(1 << 40);
            i += 1;
        }
        if i == start {
            return None;
        }
        exp += if eneg { -e } else { e };
    }
    if i != s.len() {
        return None;
    }
    Some(compose_float(mant, sticky, exp))
}

/// `mant * 2^exp` (plus a sticky "something below" bit) rounded to the nearest f64, ties to
/// even, with gradual underflow.
fn compose_float(mant: u64, sticky: bool, exp: i64) -> f64 {
    if mant == 0 {
        return 0.0;
    }
    let lz = mant.leading_zeros() as i64;
    let m = mant << lz; // top bit set: value = m * 2^(exp - lz)
    let e = exp - lz + 63; // value = 1.xxx * 2^e
    if e > 1023 {
        return f64::INFINITY;
    }
    // Number of significand bits the result can keep (53 for normals, fewer for subnormals).
    let keep: i64 = if e >= -1022 { 53 } else { 53 - (-1022 - e) };
    if keep <= 0 {
        // Below half the smallest subnormal (or exactly half: ties to even give zero),
        // except when above half.
        let half_point = keep == 0 && (m > 1 << 63 || (m == 1 << 63 && sticky));
        return if half_point { f64::from_bits(1) } else { 0.0 };
    }
    let drop = 64 - keep as u32;
    let mut top = m >> drop;
    let rest = m & ((1u64 << drop) - 1);
    let half = 1u64 << (drop - 1);
    if rest > half || (rest == half && (sticky || top & 1 == 1)) {
        top += 1;
    }
    // `top` has `keep` bits (or `keep + 1` after rounding up); scale it exactly.
    let scale = e - (keep - 1);
    let v = top as f64; // exact: at most 54 bits, and a power of two when 54
    v * pow2(scale)
}

/// 2^e as an f64 product that stays exact while the final result is representable.
fn pow2(e: i64) -> f64 {
    // Split so that no intermediate factor overflows or underflows prematurely.
    let mut v = 1.0f64;
    let mut e = e;
    while e > 1000 {
        v *= f64::from_bits(((1000 + 1023) as u64) << 52);
        e -= 1000;
    }
    while e < -1000 {
        v *= f64::from_bits(((-1000i64 + 1023) as u64) << 52);
        e += 1000;
    }
    v * f64::from_bits(((e + 1023) as u64) << 52)
}

/// `tonumber(s, base)`: an integer numeral in `base` (2..=36), letters in either case,
/// blanks around, optional sign; wraps around on overflow as lua5.4 does.
pub fn str_to_int_base(s: &[u8], base: u32) -> Option<i64> {
    if s.contains(&0) {
        return None;
    }
    let (neg, digits) = split_sign(trim_spaces(s));
    if digits.is_empty() {
        return None;
    }
    let mut acc: u64 = 0;
    for &b in digits {
        let d = (b as char).to_digit(36)?;
        if d >= base {
            return None;
        }
        acc = acc.wrapping_mul(base as u64).wrapping_add(d as u64);
    }
    Some(if neg { acc.wrapping_neg() } else { acc } as i64)
}

/// Formats an integer as `tostring` does.
pub fn fmt_integer(i: i64) -> String {
    i.to_string()
}

/// Formats a float as `tostring` does: C's `%.14g`, plus `.0` when the result looks like an
/// integer; `inf`, `-inf`, and `nan`/`-nan` by the sign bit as glibc prints them.
pub fn fmt_float(f: f64) -> String {
    let mut s = fmt_g14(f);
    if s.bytes().all(|b| b == b'-' || b.is_ascii_digit()) {
        s.push_str(".0");
    }
    s
}

/// C's `printf("%.14g", f)` with glibc's spelling of infinities and NaNs.
pub fn fmt_g14(f: f64) -> String {
    fmt_g(f, 14)
}

/// C's `printf("%.<precision>g", f)` (precision 0 counts as 1).
pub fn fmt_g(f: f64, precision: usize) -> String {
    let neg = f.is_sign_negative();
    if f.is_nan() {
        return if neg { "-nan" } else { "nan" }.to_string();
    }
    if f.is_infinite() {
        return if neg { "-inf" } else { "inf" }.to_string();
    }
    let p = precision.max(1);
    // Rust's exponent formatting is exact and rounds ties to even, like glibc.
    let e_form = format!("{:.*e}", p - 1, f.abs());
    let (mant, exp) = e_form
        .split_once('e')
        .expect("Rust's {:e} output always has an exponent");
    let exp: i64 = exp.parse().expect("Rust's exponent is a decimal integer");
    let digits: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
    let mut out = String::with_capacity(p + 8);
    if neg {
        out.push('-');
    }
    if exp < -4 || exp >= p as i64 {
        // Scientific notation, trailing zeros removed.
        out.push(digits[0] as char);
        let frac = trim_trailing_zeros(&digits[1..]);
        if !frac.is_empty() {
            out.push('.');
            out.extend(frac.iter().map(|&d| d as char));
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        let a = exp.unsigned_abs();
        if a < 10 {
            out.push('0');
        }
        out.push_str(&a.to_string());
    } else if exp < 0 {
        out.push_str("0.");
        for _ in 0..(-exp - 1) {
            out.push('0');
        }
        out.extend(trim_trailing_zeros(&digits).iter().map(|&d| d as char));
    } else {
        let int_len = exp as usize + 1;
        out.extend(digits[..int_len].iter().map(|&d| d as char));
        let frac = trim_trailing_zeros(&digits[int_len..]);
        if !frac.is_empty() {
            out.push('.');
            out.extend(frac.iter().map(|&d| d as char));
        }
    }
    out
}

fn trim_trailing_zeros(d: &[u8]) -> &[u8] {
    let end = d.iter().rposition(|&c| c != b'0').map_or(0, |i| i + 1);
    &d[..end]
}

/// The float's value as an integer when it is integral and in range (no rounding).
#[inline]
pub fn float_to_int(f: f64) -> Option<i64> {
    // The range test also rejects NaN.
    if (-TWO_POW_63..TWO_POW_63).contains(&f) {
        let i = f as i64;
        if i as f64 == f {
            return Some(i);
        }
    }
    None
}

/// `floor(f)` as an integer, when in range.
pub fn float_floor_to_int(f: f64) -> Option<i64> {
    float_to_int(f.floor())
}

/// `ceil(f)` as an integer, when in range.
pub fn float_ceil_to_int(f: f64) -> Option<i64> {
    float_to_int(f.ceil())
}

/// Exact equality of an integer and a float (no rounding: `2^53 + 1 ~= 2^53 + 1.0`).
#[inline]
pub fn int_eq_float(i: i64, f: f64) -> bool {
    float_to_int(f) == Some(i)
}

#[inline]
fn int_fits_float(i: i64) -> bool {
    (-MAX_EXACT_INT..=MAX_EXACT_INT).contains(&i)
}

/// Exact `i < f`.
#[inline]
pub fn int_lt_float(i: i64, f: f64) -> bool {
    if int_fits_float(i) {
        (i as f64) < f
    } else {
        // i < f  <=>  i < ceil(f)
        match float_ceil_to_int(f) {
            Some(c) => i < c,
            None => f > 0.0,
        }
    }
}

/// Exact `i <= f`.
#[inline]
pub fn int_le_float(i: i64, f: f64) -> bool {
    if int_fits_float(i) {
        (i as f64) <= f
    } else {
        // i <= f  <=>  i <= floor(f)
        match float_floor_to_int(f) {
            Some(c) => i <= c,
            None => f > 0.0,
        }
    }
}

/// Exact `f < i`.
#[inline]
pub fn float_lt_int(f: f64, i: i64) -> bool {
    if int_fits_float(i) {
        f < i as f64
    } else {
        // f < i  <=>  floor(f) < i
        match float_floor_to_int(f) {
            Some(c) => c < i,
            None => f < 0.0,
        }
    }
}

/// Exact `f <= i`.
#[inline]
pub fn float_le_int(f: f64, i: i64) -> bool {
    if int_fits_float(i) {
        f <= i as f64
    } else {
        // f <= i  <=>  ceil(f) <= i
        match float_ceil_to_int(f) {
            Some(c) => c <= i,
            None => f < 0.0,
        }
    }
}

/// Integer floor division `a // b`; `b` must not be zero (the caller raises
/// "attempt to perform 'n//0'"). Wraps for `mininteger // -1`.
#[inline]
pub fn int_idiv(a: i64, b: i64) -> i64 {
    if b == -1 {
        return a.wrapping_neg();
    }
    let q = a / b;
    if (a % b != 0) && ((a ^ b) < 0) {
        q - 1
    } else {
        q
    }
}

/// Integer modulo `a % b` with the sign of `b`; `b` must not be zero (the caller raises
/// "attempt to perform 'n%%0'").
#[inline]
pub fn int_mod(a: i64, b: i64) -> i64 {
    if b == -1 {
        return 0;
    }
    let r = a % b;
    if r != 0 && (r ^ b) < 0 {
        r + b
    } else {
        r
    }
}

/// Float modulo as 5.4 computes it: `fmod`, then corrected towards the divisor's sign.
#[inline]
pub fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if (m > 0.0 && b < 0.0) || (m < 0.0 && b > 0.0) {
        m + b
    } else {
        m
    }
}

/// Float floor division `floor(a / b)`.
#[inline]
pub fn float_idiv(a: f64, b: f64) -> f64 {
    (a / b).floor()
}

/// `x << n`: shifts of 64 or more give 0, negative shifts go right; right shifts are logical.
#[inline]
pub fn shift_left(x: i64, n: i64) -> i64 {
    if n <= -64 || n >= 64 {
        0
    } else if n >= 0 {
        ((x as u64) << n) as i64
    } else {
        ((x as u64) >> -n) as i64
    }
}

/// `x >> n`, logical (`shift_left(x, -n)`).
#[inline]
pub fn shift_right(x: i64, n: i64) -> i64 {
    // `wrapping_neg` keeps `i64::MIN` at `i64::MIN`, which still shifts everything out.
    shift_left(x, n.wrapping_neg())
}

/// The integer limit of a numeric `for` whose limit is the float `limit` (5.4's `forlimit`):
/// floored for a positive step, ceiled for a negative one, clipped to the integer range.
/// `None` when the loop must not run at all.
pub fn for_limit_from_float(init: i64, limit: f64, step: i64) -> Option<i64> {
    let rounded = if step < 0 {
        float_ceil_to_int(limit)
    } else {
        float_floor_to_int(limit)
    };
    let lim = match rounded {
        Some(l) => l,
        // Out of range (or NaN, which counts as below every integer).
        None if limit > 0.0 => {
            if step < 0 {
                return None;
            }
            i64::MAX
        }
        None => {
            if step > 0 {
                return None;
            }
            i64::MIN
        }
    };
    for_skip(init, lim, step).then_some(lim)
}

/// Whether an integer loop `for i = init, limit, step` runs at least once.
#[inline]
fn for_skip(init: i64, limit: i64, step: i64) -> bool {
    if step > 0 {
        init <= limit
    } else {
        init >= limit
    }
}

/// The number of iterations after the first of an integer `for` loop (5.4 precomputes it so
/// the loop cannot overflow), or `None` when the loop does not run. `step` must not be 0.
pub fn for_int_count(init: i64, limit: i64, step: i64) -> Option<u64> {
    if !for_skip(init, limit, step) {
        return None;
    }
    let span = if step > 0 {
        (limit as u64).wrapping_sub(init as u64)
    } else {
        (init as u64).wrapping_sub(limit as u64)
    };
    Some(if step > 0 {
        span / step as u64
    } else {
        // -(step + 1) + 1 avoids overflowing on `i64::MIN`.
        span / ((-(step + 1)) as u64 + 1)
    })
}

#[cfg(test)]
mod tests;
