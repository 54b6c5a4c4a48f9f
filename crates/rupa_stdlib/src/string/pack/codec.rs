//! Writing and reading the values of `string.pack` items, and the complete `unpack`,
//! `packsize` and (for typed values) `pack` loops.

use std::ops::Range;

use super::{Kind, PackError, PackFormat, PackItem};
use crate::string::{start_index, MAX_STRING_SIZE};

/// Bytes of a Lua integer.
const INT_BYTES: usize = 8;

/// Writes integer `n` as `size` bytes (1..=16). Sizes under 8 bytes are range-checked:
/// signed items against [`PackError::IntegerOverflow`], unsigned ones (seeing `n` as a
/// 64-bit unsigned value) against [`PackError::UnsignedOverflow`]. Wider sizes are
/// extended with 0xff bytes for negative `n` in signed items, zeros otherwise.
pub fn pack_int(
    out: &mut Vec<u8>,
    n: i64,
    size: usize,
    little: bool,
    signed: bool,
) -> Result<(), PackError> {
    if size < INT_BYTES {
        let bits = 8 * size as u32;
        if signed {
            let lim = 1i64 << (bits - 1);
            if !(-lim..lim).contains(&n) {
                return Err(PackError::IntegerOverflow);
            }
        } else if (n as u64) >= 1u64 << bits {
            return Err(PackError::UnsignedOverflow);
        }
    }
    let fill = if signed && n < 0 { 0xff } else { 0 };
    let le = n.to_le_bytes();
    let bytes = (0..size).map(|i| le.get(i).copied().unwrap_or(fill));
    if little {
        out.extend(bytes);
    } else {
        let start = out.len();
        out.extend(bytes);
        out[start..].reverse();
    }
    Ok(())
}

/// Writes float `x` as 4 bytes (`size == 4`, rounded to single precision) or 8.
pub fn pack_float(out: &mut Vec<u8>, x: f64, size: usize, little: bool) {
    let start = out.len();
    if size == 4 {
        out.extend_from_slice(&(x as f32).to_le_bytes());
    } else {
        out.extend_from_slice(&x.to_le_bytes());
    }
    if !little {
        out[start..].reverse();
    }
}

/// Writes `s` as a fixed-size `c[size]` field, padded with zero bytes.
pub fn pack_char(out: &mut Vec<u8>, s: &[u8], size: usize) -> Result<(), PackError> {
    if s.len() > size {
        return Err(PackError::StringLongerThanSize);
    }
    out.extend_from_slice(s);
    out.resize(out.len() + (size - s.len()), 0);
    Ok(())
}

/// Writes `s` preceded by its length as a `size`-byte unsigned integer.
pub fn pack_string(
    out: &mut Vec<u8>,
    s: &[u8],
    size: usize,
    little: bool,
) -> Result<(), PackError> {
    if size < INT_BYTES && (s.len() as u64) >= 1u64 << (8 * size) {
        return Err(PackError::LengthDoesNotFit);
    }
    pack_int(out, s.len() as i64, size, little, false)?;
    out.extend_from_slice(s);
    Ok(())
}

/// Writes `s` and a terminating zero byte.
pub fn pack_zstr(out: &mut Vec<u8>, s: &[u8]) -> Result<(), PackError> {
    if s.contains(&0) {
        return Err(PackError::ContainsZeros);
    }
    out.extend_from_slice(s);
    out.push(0);
    Ok(())
}

/// A value to pack, already converted to what its item takes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PackValue<'a> {
    /// For integer items.
    Int(i64),
    /// For `f`, `d` and `n`.
    Num(f64),
    /// For `c`, `s` and `z`.
    Str(&'a [u8]),
}

/// `string.pack` of already-converted values, in order. Numbers convert as Lua's do: an
/// integer where a float is packed, a float with an exact integer value where an integer
/// is. An error comes with the 0-based index of the value it blames (meaningful for
/// [`super::ErrorSite::Value`]); running out of values, or a value that does not convert,
/// is reported as `Err((None, index))`.
pub fn pack_values(
    fmt: &[u8],
    values: &[PackValue<'_>],
) -> Result<Vec<u8>, (Option<PackError>, usize)> {
    let mut out = Vec::new();
    let mut format = PackFormat::new(fmt);
    let mut next = 0;
    while let Some(item) = format.next_item(out.len()).map_err(|e| (Some(e), next))? {
        out.resize(out.len() + item.padding, 0);
        let index = next;
        let fail = |e: PackError| (Some(e), index);
        if item.kind == Kind::Padding {
            out.push(0);
        }
        if !item.kind.takes_value() {
            continue;
        }
        let value = *values.get(next).ok_or((None, next))?;
        next += 1;
        match (item.kind, value) {
            (Kind::Int { signed }, PackValue::Int(n)) => {
                pack_int(&mut out, n, item.size, item.little, signed).map_err(fail)?
            }
            (Kind::Int { signed }, PackValue::Num(x)) => {
                let n = float_to_int(x).ok_or((None, index))?;
                pack_int(&mut out, n, item.size, item.little, signed).map_err(fail)?
            }
            (Kind::Float | Kind::Double, PackValue::Num(x)) => {
                pack_float(&mut out, x, item.size, item.little)
            }
            (Kind::Float | Kind::Double, PackValue::Int(n)) => {
                pack_float(&mut out, n as f64, item.size, item.little)
            }
            (Kind::Char, PackValue::Str(s)) => pack_char(&mut out, s, item.size).map_err(fail)?,
            (Kind::String, PackValue::Str(s)) => {
                pack_string(&mut out, s, item.size, item.little).map_err(fail)?
            }
            (Kind::Zstr, PackValue::Str(s)) => pack_zstr(&mut out, s).map_err(fail)?,
            _ => return Err((None, index)),
        }
    }
    Ok(out)
}

/// `x` as an integer if it has an exact integer value in range.
fn float_to_int(x: f64) -> Option<i64> {
    // -2^63 is exact as a float; 2^63 is the first value out of range.
    const TWO_63: f64 = 9_223_372_036_854_775_808.0;
    let in_range = (-TWO_63..TWO_63).contains(&x);
    (in_range && x.fract() == 0.0).then_some(x as i64)
}

/// A value read by `unpack`.
#[derive(Clone, Debug, PartialEq)]
pub enum Unpacked {
    /// An integer.
    Int(i64),
    /// A float.
    Num(f64),
    /// A string: this range of the data (0-based).
    Str(Range<usize>),
}

/// Reads a `size`-byte integer from the start of `bytes`.
fn read_int(bytes: &[u8], size: usize, little: bool, signed: bool) -> Result<i64, PackError> {
    let at = |i: usize| {
        if little {
            bytes[i]
        } else {
            bytes[size - 1 - i]
        }
    };
    let limit = size.min(INT_BYTES);
    let mut v: u64 = 0;
    for i in (0..limit).rev() {
        v = (v << 8) | u64::from(at(i));
    }
    if size < INT_BYTES {
        if signed {
            let mask = 1u64 << (8 * size - 1);
            v = (v ^ mask).wrapping_sub(mask);
        }
    } else if size > INT_BYTES {
        // The extra bytes must be a pure extension of the 64-bit value.
        let fill = if signed && (v as i64) < 0 { 0xff } else { 0 };
        if (limit..size).any(|i| at(i) != fill) {
            return Err(PackError::IntegerDoesNotFit(size));
        }
    }
    Ok(v as i64)
}

/// `string.unpack(fmt, data, init)`: the values read and the 1-based position after the
/// last byte read (Lua's last result). `init` is Lua's third argument (default 1).
pub fn unpack(fmt: &[u8], data: &[u8], init: i64) -> Result<(Vec<Unpacked>, usize), PackError> {
    let len = data.len();
    let mut pos = start_index(init, len) - 1;
    if pos > len {
        return Err(PackError::PositionOutOfString);
    }
    let mut values = Vec::new();
    let mut format = PackFormat::new(fmt);
    while let Some(PackItem {
        kind,
        size,
        padding,
        little,
    }) = format.next_item(pos)?
    {
        if padding + size > len - pos {
            return Err(PackError::DataTooShort);
        }
        pos += padding;
        let here = &data[pos..];
        match kind {
            Kind::Int { signed } => {
                values.push(Unpacked::Int(read_int(here, size, little, signed)?))
            }
            Kind::Float | Kind::Double => {
                let mut b = [0u8; 8];
                b[..size].copy_from_slice(&here[..size]);
                if !little {
                    b[..size].reverse();
                }
                let x = if size == 4 {
                    f64::from(f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                } else {
                    f64::from_le_bytes(b)
                };
                values.push(Unpacked::Num(x));
            }
            Kind::Char => values.push(Unpacked::Str(pos..pos + size)),
            Kind::String => {
                let n = read_int(here, size, little, false)? as u64;
                if n > (len - pos - size) as u64 {
                    return Err(PackError::DataTooShort);
                }
                let n = n as usize;
                values.push(Unpacked::Str(pos + size..pos + size + n));
                pos += n;
            }
            Kind::Zstr => {
                let n = here
                    .iter()
                    .position(|&c| c == 0)
                    .ok_or(PackError::UnfinishedZ)?;
                values.push(Unpacked::Str(pos..pos + n));
                pos += n + 1;
            }
            Kind::Padding | Kind::PadAlign | Kind::Nop => {}
        }
        pos += size;
    }
    Ok((values, pos + 1))
}

/// `string.packsize(fmt)`: the size of any string `pack(fmt, ...)` makes.
pub fn packsize(fmt: &[u8]) -> Result<usize, PackError> {
    let mut total = 0usize;
    let mut format = PackFormat::new(fmt);
    while let Some(item) = format.next_item(total)? {
        if matches!(item.kind, Kind::String | Kind::Zstr) {
            return Err(PackError::VariableLength);
        }
        let size = item.size + item.padding;
        if total > MAX_STRING_SIZE.saturating_sub(size) || size > MAX_STRING_SIZE {
            return Err(PackError::ResultTooLarge);
        }
        total += size;
    }
    Ok(total)
}
