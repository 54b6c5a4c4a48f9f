//! Float conversions of `string.format` (`%e %E %f %g %G %a %A`), laid out as glibc's
//! printf does. Decimal digits come from Rust's float formatting with an explicit precision,
//! which is exact (correctly rounded, ties to even on exact halves) like glibc's; the layout
//! around them (exponent form, `%g`'s choice and trimming, flags, padding) is done here.

use super::{hexfloat, pad, Spec};

/// Appends float `x` formatted by `spec` (conversion `e`, `E`, `f`, `g`, `G`, `a` or `A`).
/// Infinities and NaNs print as `inf`/`nan` (upper case for upper-case conversions), with
/// their sign (a NaN with the sign bit set prints `-nan`, as glibc does) and never with
/// zero padding.
pub fn format_float(out: &mut Vec<u8>, spec: &Spec, x: f64) {
    let upper = spec.conv.is_ascii_uppercase();
    let mut head: Vec<u8> = Vec::new();
    if x.is_sign_negative() {
        head.push(b'-');
    } else if spec.plus {
        head.push(b'+');
    } else if spec.space {
        head.push(b' ');
    }
    if !x.is_finite() {
        let word: &[u8] = match (x.is_nan(), upper) {
            (true, false) => b"nan",
            (true, true) => b"NAN",
            (false, false) => b"inf",
            (false, true) => b"INF",
        };
        pad(out, spec, &head, word, false);
        return;
    }
    let a = x.abs();
    let body = match spec.conv.to_ascii_lowercase() {
        b'e' => exponent_form(a, spec.precision.unwrap_or(6), spec.alt, upper),
        b'f' => fixed_form(a, spec.precision.unwrap_or(6), spec.alt),
        b'g' => general_form(a, spec.precision.unwrap_or(6), spec.alt, upper),
        _ => {
            head.extend_from_slice(if upper { b"0X" } else { b"0x" });
            hexfloat::hex_body(a, spec.precision, spec.alt, upper)
        }
    };
    pad(out, spec, &head, &body, spec.zero);
}

/// A float as Lua's `tostring` writes it (`LUAI_NUMFFORMAT` "%.14g"), with ".0" added
/// when the result would read back as an integer: `1.0`, `0.1`, `1e+15`, `-inf`, `-nan`.
pub fn float_to_string(x: f64, out: &mut Vec<u8>) {
    let spec = Spec {
        precision: Some(14),
        conv: b'g',
        ..Spec::default()
    };
    let start = out.len();
    format_float(out, &spec, x);
    if out[start..].iter().all(|c| b"-0123456789".contains(c)) {
        out.extend_from_slice(b".0");
    }
}

/// `%e` of a finite `a >= 0`: `d.ddde+XX` with `prec` fraction digits.
fn exponent_form(a: f64, prec: usize, alt: bool, upper: bool) -> Vec<u8> {
    let (mantissa, exp) = rust_exponent(a, prec);
    let mut s = mantissa.into_bytes();
    if prec == 0 && alt {
        s.push(b'.');
    }
    push_exponent(&mut s, exp, upper);
    s
}

/// `%f` of a finite `a >= 0`.
fn fixed_form(a: f64, prec: usize, alt: bool) -> Vec<u8> {
    let mut s = format!("{a:.prec$}").into_bytes();
    if prec == 0 && alt {
        s.push(b'.');
    }
    s
}

/// `%g` of a finite `a >= 0`: `prec` significant digits, in `%f` form when the exponent
/// is in `-4..prec`, else `%e` form; trailing fraction zeros removed unless `alt`.
fn general_form(a: f64, prec: usize, alt: bool, upper: bool) -> Vec<u8> {
    let p = prec.max(1);
    // The exponent after rounding to `p` digits decides the form.
    let (mantissa, exp) = rust_exponent(a, p - 1);
    let p_i = p as i64;
    let mut s = if exp < p_i && exp >= -4 {
        // The same `p` rounded digits, with the point moved: no second formatting pass.
        let digits: Vec<u8> = mantissa.bytes().filter(|&c| c != b'.').collect();
        let mut fixed = Vec::with_capacity(p + 6);
        if exp >= 0 {
            let int_len = exp as usize + 1;
            fixed.extend_from_slice(&digits[..int_len]);
            if int_len < digits.len() {
                fixed.push(b'.');
                fixed.extend_from_slice(&digits[int_len..]);
            }
        } else {
            fixed.extend_from_slice(b"0.");
            fixed.resize(fixed.len() + (-exp - 1) as usize, b'0');
            fixed.extend_from_slice(&digits);
        }
        fixed
    } else {
        mantissa.into_bytes()
    };
    let has_point = s.contains(&b'.');
    if alt {
        if !has_point {
            s.push(b'.');
        }
    } else if has_point {
        while s.last() == Some(&b'0') {
            s.pop();
        }
        if s.last() == Some(&b'.') {
            s.pop();
        }
    }
    if !(exp < p_i && exp >= -4) {
        push_exponent(&mut s, exp, upper);
    }
    s
}

/// Rust's exact `{:.prec$e}` of `a`, split into mantissa text and decimal exponent.
fn rust_exponent(a: f64, prec: usize) -> (String, i64) {
    let s = format!("{a:.prec$e}");
    let (mantissa, exp) = s.split_once('e').expect("`{:e}` output has an exponent");
    let exp = exp.parse().expect("`{:e}` exponent is an integer");
    (mantissa.to_string(), exp)
}

/// C's exponent suffix: `e`, a sign, at least two digits.
fn push_exponent(s: &mut Vec<u8>, exp: i64, upper: bool) {
    s.push(if upper { b'E' } else { b'e' });
    s.push(if exp < 0 { b'-' } else { b'+' });
    s.extend_from_slice(format!("{:02}", exp.unsigned_abs()).as_bytes());
}
