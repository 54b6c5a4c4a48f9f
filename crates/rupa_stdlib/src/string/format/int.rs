//! Integer conversions of `string.format` (`%d %i %u %o %x %X %c`), laid out as C's printf
//! does with `%lld`-style arguments.

use super::{pad, Spec};

/// Appends integer `n` formatted by `spec` (conversion `d`, `i`, `u`, `o`, `x` or `X`;
/// `u`, `o` and `x` see `n` as unsigned 64-bit, as lua5.4 does).
pub fn format_int(out: &mut Vec<u8>, spec: &Spec, n: i64) {
    let (negative, magnitude) = match spec.conv {
        b'd' | b'i' => (n < 0, n.unsigned_abs()),
        _ => (false, n as u64),
    };
    let mut digits = match spec.conv {
        b'o' => format!("{magnitude:o}"),
        b'x' => format!("{magnitude:x}"),
        b'X' => format!("{magnitude:X}"),
        _ => magnitude.to_string(),
    }
    .into_bytes();
    if let Some(p) = spec.precision {
        if p == 0 && magnitude == 0 {
            digits.clear();
        } else if digits.len() < p {
            let mut padded = vec![b'0'; p - digits.len()];
            padded.extend_from_slice(&digits);
            digits = padded;
        }
    }
    let mut head: Vec<u8> = Vec::new();
    if negative {
        head.push(b'-');
    } else if spec.plus {
        head.push(b'+');
    } else if spec.space {
        head.push(b' ');
    }
    if spec.alt {
        match spec.conv {
            // '#' makes sure an octal number starts with 0 (even "%#.0o" of 0 prints "0").
            b'o' if digits.first() != Some(&b'0') => digits.insert(0, b'0'),
            b'x' if magnitude != 0 => head.extend_from_slice(b"0x"),
            b'X' if magnitude != 0 => head.extend_from_slice(b"0X"),
            _ => {}
        }
    }
    // A precision turns off zero padding for integers.
    let zeros = spec.zero && spec.precision.is_none();
    pad(out, spec, &head, &digits, zeros);
}

/// Appends `%c` of integer `n`: the byte `n` modulo 256 (C converts to `int`, then to
/// `unsigned char`), padded with spaces.
pub fn format_char(out: &mut Vec<u8>, spec: &Spec, n: i64) {
    let byte = n as u8;
    pad(out, spec, &[], &[byte], false);
}
