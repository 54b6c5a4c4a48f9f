//! `%a`/`%A`: hexadecimal floats as glibc prints them — a leading digit of 1 (0 for zero
//! and subnormals, which keep the exponent -1022), fraction digits rounded to the precision
//! with ties to even, and no renormalisation after rounding up (`%.0a` of 1.5 is `0x2p+0`).

/// Bits of an f64's fraction.
const FRAC_BITS: u32 = 52;
/// Hex digits of an f64's fraction.
const FRAC_DIGITS: usize = 13;

/// The text after `0x` for finite `a >= 0`: `1.8p+1` for 3.0.
pub(super) fn hex_body(a: f64, precision: Option<usize>, alt: bool, upper: bool) -> Vec<u8> {
    let bits = a.to_bits();
    let biased = (bits >> FRAC_BITS) & 0x7ff;
    let mut frac = bits & ((1 << FRAC_BITS) - 1);
    let (mut lead, exp) = match (biased, frac) {
        (0, 0) => (0u64, 0i64),
        (0, _) => (0, -1022),
        _ => (1, biased as i64 - 1023),
    };
    let mut ndigits = FRAC_DIGITS;
    match precision {
        Some(p) if p < FRAC_DIGITS => {
            let drop = 4 * (FRAC_DIGITS - p) as u32;
            let rest = frac & ((1 << drop) - 1);
            let half = 1 << (drop - 1);
            // Round the whole number (leading digit included) to `p` digits, ties to even.
            let mut kept = (lead << (4 * p)) | (frac >> drop);
            if rest > half || (rest == half && kept & 1 == 1) {
                kept += 1;
            }
            lead = kept >> (4 * p);
            frac = kept & ((1 << (4 * p)) - 1);
            ndigits = p;
        }
        Some(_) => {}
        None => {
            // Shortest exact form: drop trailing zero digits.
            while ndigits > 0 && frac & 0xf == 0 {
                frac >>= 4;
                ndigits -= 1;
            }
        }
    }
    let mut s = Vec::new();
    s.extend_from_slice(hex_digits(lead, 1, upper).as_bytes());
    let padding = precision.map_or(0, |p| p.saturating_sub(FRAC_DIGITS));
    if ndigits > 0 || padding > 0 || alt {
        s.push(b'.');
    }
    if ndigits > 0 {
        s.extend_from_slice(hex_digits(frac, ndigits, upper).as_bytes());
    }
    s.resize(s.len() + padding, b'0');
    s.push(if upper { b'P' } else { b'p' });
    s.extend_from_slice(format!("{exp:+}").as_bytes());
    s
}

fn hex_digits(n: u64, width: usize, upper: bool) -> String {
    if upper {
        format!("{n:0width$X}")
    } else {
        format!("{n:0width$x}")
    }
}
