//! The text conversions of `string.format`: `%s`, `%p`, and `%q` (a value written back as a
//! Lua literal that reads back to the same value).

use super::{format_float, pad, FormatError, Item, Spec};

/// Appends `%s` of `s` (the argument after `luaL_tolstring`). A bare `%s` copies any bytes;
/// with modifiers a NUL byte is [`FormatError::ContainsZeros`] (checked before the spec,
/// as in lua5.4), and without a precision a string of 100 bytes or more is copied whole.
pub fn format_str(out: &mut Vec<u8>, item: &Item<'_>, s: &[u8]) -> Result<(), FormatError> {
    if item.is_bare() {
        out.extend_from_slice(s);
        return Ok(());
    }
    if s.contains(&0) {
        return Err(FormatError::ContainsZeros);
    }
    let spec = item.spec()?;
    let body = match spec.precision {
        Some(p) => &s[..p.min(s.len())],
        None => s,
    };
    pad(out, &spec, &[], body, false);
    Ok(())
}

/// Appends `%p` of a value's identity: `Some(address)` prints as `0x` plus lower-case hex
/// (glibc's `%p`); `None` (numbers, booleans, nil: values without one) prints `(null)`.
pub fn format_pointer(out: &mut Vec<u8>, spec: &Spec, address: Option<usize>) {
    match address {
        Some(a) => pad(out, spec, &[], format!("{a:#x}").as_bytes(), false),
        None => pad(out, spec, &[], b"(null)", false),
    }
}

/// Appends `%q` of a string: double-quoted, with `"`, `\` and newline escaped by a
/// backslash and other control bytes as decimal escapes (three digits when a digit
/// follows). Other bytes, 128..=255 included, are copied.
pub fn quote_string(out: &mut Vec<u8>, s: &[u8]) {
    out.push(b'"');
    for (i, &c) in s.iter().enumerate() {
        if c == b'"' || c == b'\\' || c == b'\n' {
            out.push(b'\\');
            out.push(c);
        } else if c.is_ascii_control() {
            let next_is_digit = s.get(i + 1).is_some_and(u8::is_ascii_digit);
            let esc = if next_is_digit {
                format!("\\{c:03}")
            } else {
                format!("\\{c}")
            };
            out.extend_from_slice(esc.as_bytes());
        } else {
            out.push(c);
        }
    }
    out.push(b'"');
}

/// Appends `%q` of an integer: decimal, except the minimum integer, which has no decimal
/// literal and is written `0x8000000000000000`.
pub fn quote_integer(out: &mut Vec<u8>, n: i64) {
    if n == i64::MIN {
        out.extend_from_slice(b"0x8000000000000000");
    } else {
        out.extend_from_slice(n.to_string().as_bytes());
    }
}

/// Appends `%q` of a float: a hex float (`0x1p+0`), or `1e9999`, `-1e9999`, `(0/0)` for
/// the values without a literal.
pub fn quote_float(out: &mut Vec<u8>, x: f64) {
    if x.is_nan() {
        out.extend_from_slice(b"(0/0)");
    } else if x.is_infinite() {
        out.extend_from_slice(if x > 0.0 { b"1e9999" } else { b"-1e9999" });
    } else {
        let spec = Spec {
            conv: b'a',
            ..Spec::default()
        };
        format_float(out, &spec, x);
    }
}
