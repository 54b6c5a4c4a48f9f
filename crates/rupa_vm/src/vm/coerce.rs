//! Conversions the interpreter applies implicitly: strings to numbers for arithmetic, numbers
//! to strings for concatenation, and raw equality of numbers of either subtype.
//!
//! Parsing and formatting numbers belong to `number.rs`; this module only adapts them to the
//! shapes the interpreter needs.

use crate::value::Value;
use crate::vm::numeric::float_to_int;

/// The number a value stands for in arithmetic: numbers themselves, or strings that read as
/// numerals (`" 0x10 "`, `"1e3"`).
#[inline]
pub fn to_number<'gc>(v: Value<'gc>) -> Option<Value<'gc>> {
    match v {
        Value::Integer(_) | Value::Number(_) => Some(v),
        Value::String(s) => parse_number(s.as_bytes()),
        _ => None,
    }
}

/// Raw equality with exact integer/float comparison.
#[inline]
pub fn raw_equal<'gc>(a: Value<'gc>, b: Value<'gc>) -> bool {
    match (a, b) {
        (Value::Integer(i), Value::Number(f)) | (Value::Number(f), Value::Integer(i)) => {
            float_to_int(f) == Some(i)
        }
        _ => a.raw_equal(&b),
    }
}

/// A numeral as Lua's `tonumber` reads it (surrounding whitespace allowed), or `None`.
pub fn parse_number<'gc>(bytes: &[u8]) -> Option<Value<'gc>> {
    let s = std::str::from_utf8(bytes).ok()?;
    let s = s.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\u{b}');
    let (neg, body) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    if body.is_empty() {
        return None;
    }
    if let Some(hex) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
        return parse_hex(hex, neg);
    }
    if body.bytes().all(|c| c.is_ascii_digit()) {
        // Decimal integers that overflow become floats.
        return match body.parse::<i64>() {
            Ok(i) => Some(Value::Integer(if neg { i.wrapping_neg() } else { i })),
            Err(_) => body
                .parse::<f64>()
                .ok()
                .map(|f| Value::Number(if neg { -f } else { f })),
        };
    }
    let ok = body
        .bytes()
        .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'));
    if !ok || body.starts_with(['e', 'E']) || body == "." {
        return None;
    }
    body.parse::<f64>()
        .ok()
        .map(|f| Value::Number(if neg { -f } else { f }))
}

fn parse_hex<'gc>(hex: &str, neg: bool) -> Option<Value<'gc>> {
    let (mant, exp) = match hex.find(['p', 'P']) {
        Some(at) => (&hex[..at], Some(&hex[at + 1..])),
        None => (hex, None),
    };
    if exp.is_none() && !mant.contains('.') {
        if mant.is_empty() || !mant.bytes().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        // Hex integers wrap around.
        let mut v: u64 = 0;
        for c in mant.bytes() {
            v = v
                .wrapping_mul(16)
                .wrapping_add((c as char).to_digit(16)? as u64);
        }
        let i = v as i64;
        return Some(Value::Integer(if neg { i.wrapping_neg() } else { i }));
    }
    let mut f = 0.0f64;
    let mut scale = 0i32;
    let mut seen_dot = false;
    let mut any = false;
    for c in mant.bytes() {
        if c == b'.' {
            if seen_dot {
                return None;
            }
            seen_dot = true;
        } else {
            f = f * 16.0 + (c as char).to_digit(16)? as f64;
            any = true;
            if seen_dot {
                scale -= 4;
            }
        }
    }
    if !any {
        return None;
    }
    if let Some(e) = exp {
        scale += e.parse::<i32>().ok()?;
    }
    let f = f * 2f64.powi(scale);
    Some(Value::Number(if neg { -f } else { f }))
}

/// A number as `tostring` writes it (`%.14g` for floats, with `.0` when it looks integral).
pub fn number_to_string(v: Value<'_>) -> Option<String> {
    match v {
        Value::Integer(i) => Some(i.to_string()),
        Value::Number(f) => Some(fmt_float(f)),
        _ => None,
    }
}

/// `%.14g` plus Lua's `.0` suffix for integral floats.
pub fn fmt_float(f: f64) -> String {
    if f.is_nan() {
        return if f.is_sign_negative() { "-nan" } else { "nan" }.to_string();
    }
    if f.is_infinite() {
        return if f < 0.0 { "-inf" } else { "inf" }.to_string();
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0" } else { "0.0" }.to_string();
    }
    let exp = f.abs().log10().floor() as i32;
    let s = if !(-4..14).contains(&exp) {
        let s = format!("{:.13e}", f);
        let (m, e) = s.split_once('e').expect("exponent format has an 'e'");
        let m = if m.contains('.') {
            m.trim_end_matches('0').trim_end_matches('.')
        } else {
            m
        };
        let e: i32 = e.parse().expect("exponent is a number");
        format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
    } else {
        let decimals = (13 - exp).max(0) as usize;
        let s = format!("{:.*}", decimals, f);
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    };
    if s.bytes().all(|c| c.is_ascii_digit() || c == b'-') {
        format!("{s}.0")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        assert!(matches!(parse_number(b" 10 "), Some(Value::Integer(10))));
        assert!(matches!(parse_number(b"0x10"), Some(Value::Integer(16))));
        assert!(matches!(parse_number(b"1e2"), Some(Value::Number(f)) if f == 100.0));
        assert!(parse_number(b"abc").is_none());
        assert!(parse_number(b"1e").is_none());
    }

    #[test]
    fn float_format_matches_lua() {
        // Checked against lua5.4: print(1e15, 0.1, 100.0, 1/3, -2^63, 2^53)
        assert_eq!(fmt_float(1e15), "1e+15");
        assert_eq!(fmt_float(0.1), "0.1");
        assert_eq!(fmt_float(100.0), "100.0");
        assert_eq!(fmt_float(1.0 / 3.0), "0.33333333333333");
        assert_eq!(fmt_float(-9.2233720368547758e18), "-9.2233720368548e+18");
        assert_eq!(fmt_float(9007199254740992.0), "9.007199254741e+15");
    }
}
