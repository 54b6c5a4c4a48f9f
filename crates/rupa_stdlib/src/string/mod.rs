//! The VM-independent core of Lua 5.4's string library, over byte slices: patterns
//! ([`pattern`]), `string.format` ([`format`](mod@format)), `string.pack`/`unpack` ([`pack`]), and here
//! the small helpers of `sub`, `byte`, `char`, `rep`, `reverse`, `lower` and `upper`.
//!
//! Nothing in this module knows about Lua values; errors are enums whose `Display` is
//! lua5.4's message, and each says whether lua5.4 raises it as a bad argument.

pub mod format;
mod meta;
mod natives;
pub mod pack;
pub mod pattern;

pub use natives::load_string;

use std::fmt;
use std::ops::Range;

/// The largest size lua5.4's string library lets `rep` and `packsize` produce (`MAXSIZE`
/// in lstrlib.c, which is `INT_MAX` on 64-bit hosts).
pub const MAX_STRING_SIZE: usize = i32::MAX as usize;

/// Errors of the simple string helpers.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum StrError {
    /// `rep` would make a string longer than [`MAX_STRING_SIZE`] (raised with `luaL_error`).
    ResultTooLarge,
    /// `byte` asked for `INT_MAX` values or more (raised with `luaL_error`).
    SliceTooLong,
    /// A `char` argument outside 0..=255: a bad argument, at the argument's index.
    ValueOutOfRange,
}

impl fmt::Display for StrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            StrError::ResultTooLarge => "resulting string too large",
            StrError::SliceTooLong => "string slice too long",
            StrError::ValueOutOfRange => "value out of range",
        })
    }
}

impl std::error::Error for StrError {}

/// A start position argument made absolute (lua5.4's `posrelatI`): negative counts from the
/// end, 0 and anything before the start become 1. The result is 1-based and may exceed
/// `len` (callers check that).
pub fn start_index(pos: i64, len: usize) -> usize {
    if pos > 0 {
        usize::try_from(pos).unwrap_or(usize::MAX)
    } else if pos == 0 || pos.unsigned_abs() > len as u64 {
        1
    } else {
        // -len <= pos < 0
        len - pos.unsigned_abs() as usize + 1
    }
}

/// An end position argument made absolute (lua5.4's `getendpos`): clamped to `0..=len`,
/// negative counts from the end. 1-based (0 means "before the first byte").
pub fn end_index(pos: i64, len: usize) -> usize {
    if pos >= 0 {
        usize::try_from(pos).map_or(len, |p| p.min(len))
    } else if pos.unsigned_abs() > len as u64 {
        0
    } else {
        len - pos.unsigned_abs() as usize + 1
    }
}

/// The 0-based byte range of `string.sub(s, i, j)` for a string of `len` bytes (`j`
/// defaults to -1 in Lua). Empty when the positions cross.
pub fn sub_range(len: usize, i: i64, j: i64) -> Range<usize> {
    let start = start_index(i, len);
    let end = end_index(j, len);
    if start <= end {
        start - 1..end
    } else {
        0..0
    }
}

/// The 0-based byte range whose codes `string.byte(s, i, j)` returns (`i` defaults to 1 and
/// `j` to `i` in Lua). lua5.4 refuses `INT_MAX` or more results; the wrapper must still
/// check that its stack can take them ("string slice too long" too).
pub fn byte_range(len: usize, i: i64, j: i64) -> Result<Range<usize>, StrError> {
    let start = start_index(i, len);
    let end = end_index(j, len);
    if start > end {
        return Ok(0..0);
    }
    if end - start >= MAX_STRING_SIZE {
        return Err(StrError::SliceTooLong);
    }
    Ok(start - 1..end)
}

/// One argument of `string.char` as a byte: values outside 0..=255 are a bad argument.
pub fn char_code(code: i64) -> Result<u8, StrError> {
    u8::try_from(code).map_err(|_| StrError::ValueOutOfRange)
}

/// The length of `string.rep` of a `len`-byte string `n` times with a `sep_len`-byte
/// separator, or [`StrError::ResultTooLarge`] past [`MAX_STRING_SIZE`] (checked as lua5.4
/// does, so the same calls fail). 0 when `n <= 0`.
pub fn rep_len(len: usize, n: i64, sep_len: usize) -> Result<usize, StrError> {
    if n <= 0 {
        return Ok(0);
    }
    let n = n.unsigned_abs();
    let unit = (len as u64)
        .checked_add(sep_len as u64)
        .ok_or(StrError::ResultTooLarge)?;
    if unit > MAX_STRING_SIZE as u64 / n {
        return Err(StrError::ResultTooLarge);
    }
    // unit * n <= MAX_STRING_SIZE, so none of this overflows.
    Ok((n * len as u64 + (n - 1) * sep_len as u64) as usize)
}

/// `string.rep(s, n, sep)`. The caller should check [`rep_len`] against its memory limit
/// first; this allocates the whole result.
pub fn rep(s: &[u8], n: i64, sep: &[u8]) -> Result<Vec<u8>, StrError> {
    let total = rep_len(s.len(), n, sep.len())?;
    let mut out = Vec::with_capacity(total);
    // With an empty string and separator the result is empty whatever `n` is: do not loop
    // `n` times for nothing (lua5.4 does, and can hang on `("").rep("", 1e18)`).
    if total > 0 {
        for k in 0..n {
            if k > 0 {
                out.extend_from_slice(sep);
            }
            out.extend_from_slice(s);
        }
    }
    Ok(out)
}

/// `string.reverse`.
pub fn reverse(s: &[u8]) -> Vec<u8> {
    s.iter().rev().copied().collect()
}

/// `string.lower` in the C locale: only ASCII letters change.
pub fn lower(s: &[u8]) -> Vec<u8> {
    s.to_ascii_lowercase()
}

/// `string.upper` in the C locale: only ASCII letters change.
pub fn upper(s: &[u8]) -> Vec<u8> {
    s.to_ascii_uppercase()
}

#[cfg(test)]
mod tests;
