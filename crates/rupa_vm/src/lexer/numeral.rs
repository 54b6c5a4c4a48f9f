//! Conversion of numeral text, as the lexer collected it, to an integer or a float.
//!
//! Only what can appear in Lua source is handled here (no sign, no surrounding spaces): the
//! general string-to-number conversion of `tonumber` lives in `number.rs`. The rules are
//! lua5.4's: decimal integers that overflow become floats, hexadecimal integers wrap around
//! modulo 2^64, floats (hexadecimal ones included) are correctly rounded.

/// A converted numeral.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    Int(i64),
    Float(f64),
}

/// Converts a whole numeral, or returns `None` when it is malformed.
pub fn convert(text: &[u8]) -> Option<Number> {
    match text {
        [b'0', b'x' | b'X', rest @ ..] => convert_hex(rest),
        _ => convert_decimal(text),
    }
}

fn convert_decimal(text: &[u8]) -> Option<Number> {
    if !text.is_empty() && text.iter().all(u8::is_ascii_digit) {
        let mut value: i64 = 0;
        let fits = text.iter().try_for_each(|&d| {
            value = value.checked_mul(10)?.checked_add(i64::from(d - b'0'))?;
            Some(())
        });
        if fits.is_some() {
            return Some(Number::Int(value));
        }
    }
    // Rust's float grammar equals strtod's on what the lexer can collect (which never starts
    // with a letter, so "inf" and "nan" cannot appear), and its conversion is correctly rounded.
    let text = std::str::from_utf8(text).ok()?;
    text.parse::<f64>().ok().map(Number::Float)
}

/// Converts what follows `0x`.
fn convert_hex(text: &[u8]) -> Option<Number> {
    let mut i = 0;
    // Mantissa bits kept, with `sticky` recording nonzero digits dropped beyond them.
    let mut mantissa: u64 = 0;
    let mut sticky = false;
    let mut exponent: i64 = 0;
    let mut digits = 0usize;
    let mut seen_dot = false;
    while let Some(&c) = text.get(i) {
        if c == b'.' {
            if seen_dot {
                break;
            }
            seen_dot = true;
        } else if let Some(d) = char::from(c).to_digit(16) {
            digits += 1;
            if mantissa < (1 << 60) {
                mantissa = mantissa * 16 + u64::from(d);
                if seen_dot {
                    exponent -= 4;
                }
            } else {
                sticky |= d != 0;
                if !seen_dot {
                    exponent += 4;
                }
            }
        } else {
            break;
        }
        i += 1;
    }
    if digits == 0 {
        return None;
    }
    let mut has_exponent = false;
    if let Some(b'p' | b'P') = text.get(i) {
        has_exponent = true;
        i += 1;
        let negative = match text.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let exp_start = i;
        let mut value: i64 = 0;
        while let Some(&c) = text.get(i).filter(|c| c.is_ascii_digit()) {
            // Saturate: far beyond this the result is 0 or infinity anyway.
            value = (value * 10 + i64::from(c - b'0')).min(1 << 40);
            i += 1;
        }
        if i == exp_start {
            return None;
        }
        exponent += if negative { -value } else { value };
    }
    if i != text.len() {
        return None;
    }
    if !seen_dot && !has_exponent {
        // A hexadecimal integer: wrap around modulo 2^64.
        let wrapped = text.iter().fold(0u64, |acc, &c| {
            let d = char::from(c).to_digit(16).expect("checked above");
            acc.wrapping_mul(16).wrapping_add(u64::from(d))
        });
        return Some(Number::Int(wrapped as i64));
    }
    Some(Number::Float(scale_binary(mantissa, sticky, exponent)))
}

/// `mantissa * 2^exponent`, correctly rounded (ties to even); `sticky` means the true
/// mantissa is slightly larger than `mantissa`.
fn scale_binary(mantissa: u64, sticky: bool, exponent: i64) -> f64 {
    if mantissa == 0 {
        return 0.0;
    }
    let zeros = i64::from(mantissa.leading_zeros());
    let m = u128::from(mantissa << zeros);
    // Exponent of the leading bit.
    let top = exponent - zeros + 63;
    if top > 1023 {
        return f64::INFINITY;
    }
    // Significant bits the result can hold: 53, fewer for subnormals.
    let keep = if top >= -1022 { 53 } else { top + 1075 };
    if keep < 0 {
        return 0.0;
    }
    let shift = 64 - keep;
    let mut q = m >> shift;
    let rem = m & ((1u128 << shift) - 1);
    let half = 1u128 << (shift - 1);
    if rem > half || (rem == half && (sticky || q & 1 == 1)) {
        q += 1;
    }
    let lsb_exponent = exponent - zeros + shift;
    (q as f64) * pow2(lsb_exponent)
}

/// 2^k for -1074 <= k <= 1023.
fn pow2(k: i64) -> f64 {
    if k >= -1022 {
        f64::from_bits(((k + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (k + 1074))
    }
}

#[cfg(test)]
mod tests {
    use super::{convert, Number};

    fn int(s: &str) -> i64 {
        match convert(s.as_bytes()) {
            Some(Number::Int(i)) => i,
            other => panic!("{s}: {other:?}"),
        }
    }

    fn float(s: &str) -> f64 {
        match convert(s.as_bytes()) {
            Some(Number::Float(f)) => f,
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn integers() {
        assert_eq!(int("0"), 0);
        assert_eq!(int("08"), 8);
        assert_eq!(int("9223372036854775807"), i64::MAX);
        assert_eq!(int("0x7fffffffffffffff"), i64::MAX);
        assert_eq!(int("0xffffffffffffffff"), -1);
        assert_eq!(int("0x10000000000000000"), 0);
        assert_eq!(int("0x1e"), 30);
        assert_eq!(int("0XaBc"), 0xabc);
    }

    #[test]
    fn decimal_floats() {
        assert_eq!(float("9223372036854775808"), 9223372036854775808.0);
        assert_eq!(float("1e308"), 1e308);
        assert_eq!(float("1e309"), f64::INFINITY);
        assert_eq!(float(".5"), 0.5);
        assert_eq!(float("3."), 3.0);
        assert_eq!(float("1.e5"), 1e5);
        assert_eq!(float("1E+2"), 100.0);
        assert_eq!(float("2.5e-3"), 0.0025);
        assert_eq!(float("1e-400"), 0.0);
    }

    #[test]
    fn hex_floats() {
        assert_eq!(float("0x1p4"), 16.0);
        assert_eq!(float("0x.8"), 0.5);
        assert_eq!(float("0xA.8p-1"), 5.25);
        assert_eq!(float("0x.1p1"), 0.125);
        assert_eq!(float("0x1."), 1.0);
        assert_eq!(float("0x1P+2"), 4.0);
        assert_eq!(float("0x1p-1074"), f64::from_bits(1));
        assert_eq!(float("0x1p-1075"), 0.0);
        assert_eq!(float("0x1.8p-1075"), f64::from_bits(1));
        assert_eq!(float("0x3p-1076"), f64::from_bits(1));
        assert_eq!(float("0x1p1023"), 2f64.powi(1023));
        assert_eq!(float("0x1p1024"), f64::INFINITY);
        assert_eq!(float("0x1p99999999999999999999"), f64::INFINITY);
        assert_eq!(float("0x1p-99999999999999999999"), 0.0);
        assert_eq!(float("0x.0p5"), 0.0);
        // 2^53 + 1 rounds to even; 2^53 + 3 rounds up.
        assert_eq!(float("0x20000000000001p0"), 9007199254740992.0);
        assert_eq!(float("0x20000000000003p0"), 9007199254740996.0);
        // Exactly half an ulp (2^-4 at 2^49) plus a digit beyond the kept ones: rounds up.
        assert_eq!(float("0x200000000000010000001p-32"), 2f64.powi(49) + 0.125);
        assert_eq!(float("0x20000000000001p-4"), 2f64.powi(49));
        assert_eq!(float("0xffffffffffffffffff.8p0"), 2f64.powi(72));
    }

    #[test]
    fn malformed() {
        for s in [
            "0x", "0x.", "0x.p1", "0x1p", "0x1p+", "1e", "1e+", "1..2", "3x", ".0x5", "0x1.2.3",
            "1f", "0xg", "1_", "0x1pA",
        ] {
            assert_eq!(convert(s.as_bytes()), None, "{s}");
        }
    }
}
