//! `string.format`: walking the format string, checking each `%` item as lua5.4 does, and
//! formatting one converted argument per item (C printf's number layout, reimplemented).
//!
//! The wrapper drives it: iterate [`segments`]; copy [`Segment::Literal`]s; for each
//! [`Segment::Item`] first check that an argument is left (lua5.4: "bad argument #n to
//! 'format' (no value)", before anything else about the item), then by
//! [`Item::conversion`]:
//!
//! | conversion | argument | order of checks in lua5.4 |
//! |---|---|---|
//! | `c` | integer | [`Item::spec`] first, then `luaL_checkinteger`; [`format_char`] |
//! | `d i u o x X` | integer | `luaL_checkinteger` first, then [`Item::spec`]; [`format_int`] |
//! | `a A e E f g G` | number | `luaL_checknumber` first, then [`Item::spec`]; [`format_float`] |
//! | `p` | pointer or none | [`Item::spec`]; [`format_pointer`] |
//! | `q` | any | [`Item::check_quote`] first; then [`quote_string`] / [`quote_integer`] / [`quote_float`], `nil`/booleans as their names, else "value has no literal form" (bad argument) |
//! | `s` | `luaL_tolstring` | [`format_str`] (checks zeros, then the spec) |
//! | other | — | [`Item::spec`] gives "invalid conversion" |

mod float;
mod hexfloat;
mod int;
mod text;

use std::fmt;

pub use float::{float_to_string, format_float};
pub use int::{format_char, format_int};
pub use text::{format_pointer, format_str, quote_float, quote_integer, quote_string};

/// lua5.4's `MAX_FORMAT`: an item's flags, digits and dots must stay under
/// `MAX_FORMAT - 10 - 1` bytes.
const MAX_FORMAT: usize = 32;

/// Why a format item failed. [`FormatError::message`] is lua5.4's text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FormatError {
    /// An item's flags, width and precision span 21 bytes or more ("invalid format (too
    /// long)", raised with `luaL_error`).
    TooLong,
    /// Unknown conversion letter: "invalid conversion '%y' to 'format'" (`luaL_error`).
    /// Holds the item text, `%` and conversion byte included.
    InvalidConversion(Vec<u8>),
    /// Flags, width or precision not allowed for the conversion, or more than two digits:
    /// "invalid conversion specification: '%10.123d'" (`luaL_error`).
    InvalidSpec(Vec<u8>),
    /// `%q` with flags, width or precision (`luaL_error`).
    QuoteModifiers,
    /// `%s` with modifiers, of a string with a NUL byte: a bad argument.
    ContainsZeros,
}

impl FormatError {
    /// Whether lua5.4 raises this as a bad argument (the item's argument) rather than with
    /// `luaL_error`.
    pub fn is_bad_argument(&self) -> bool {
        matches!(self, FormatError::ContainsZeros)
    }

    /// The message as bytes (an item's text may hold any byte). Like lua5.4, which prints
    /// the item as a C string, it stops at a NUL byte.
    pub fn message(&self) -> Vec<u8> {
        let quoted = |pre: &str, form: &[u8], post: &str| {
            let form = form.split(|&c| c == 0).next().unwrap_or_default();
            [pre.as_bytes(), form, post.as_bytes()].concat()
        };
        match self {
            FormatError::TooLong => b"invalid format (too long)".to_vec(),
            FormatError::InvalidConversion(form) => {
                quoted("invalid conversion '", form, "' to 'format'")
            }
            FormatError::InvalidSpec(form) => {
                quoted("invalid conversion specification: '", form, "'")
            }
            FormatError::QuoteModifiers => b"specifier '%q' cannot have modifiers".to_vec(),
            FormatError::ContainsZeros => b"string contains zeros".to_vec(),
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&String::from_utf8_lossy(&self.message()))
    }
}

impl std::error::Error for FormatError {}

/// A piece of a format string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    /// Bytes to copy as they are (`%%` comes out as a literal `%`).
    Literal(&'a [u8]),
    /// A `%` item that takes one argument.
    Item(Item<'a>),
}

/// One `%` item: its text from `%` through the conversion byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Item<'a> {
    form: &'a [u8],
}

/// A checked item: flags, width, precision and conversion.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Spec {
    /// `-`: pad on the right.
    pub left: bool,
    /// `+`: always a sign.
    pub plus: bool,
    /// ` `: a space where a `+` would go.
    pub space: bool,
    /// `#`: the alternate form.
    pub alt: bool,
    /// `0`: pad numbers with zeros.
    pub zero: bool,
    /// Minimum width in bytes (0..=99).
    pub width: usize,
    /// Precision (0..=99), if given; `%.f` means 0.
    pub precision: Option<usize>,
    /// The conversion letter.
    pub conv: u8,
}

/// The pieces of format string `fmt`, in order. An `Err` ends the walk.
pub fn segments(fmt: &[u8]) -> Segments<'_> {
    Segments { rest: fmt }
}

/// Iterator returned by [`segments`].
#[derive(Clone, Debug)]
pub struct Segments<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for Segments<'a> {
    type Item = Result<Segment<'a>, FormatError>;

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.rest;
        if rest.is_empty() {
            return None;
        }
        if rest[0] != b'%' {
            let n = rest.iter().position(|&c| c == b'%').unwrap_or(rest.len());
            self.rest = &rest[n..];
            return Some(Ok(Segment::Literal(&rest[..n])));
        }
        if rest.get(1) == Some(&b'%') {
            self.rest = &rest[2..];
            return Some(Ok(Segment::Literal(&rest[1..2])));
        }
        let span = rest[1..]
            .iter()
            .take_while(|c| b"-+ #0123456789.".contains(c))
            .count();
        if span + 1 >= MAX_FORMAT - 10 {
            self.rest = &[];
            return Some(Err(FormatError::TooLong));
        }
        // The conversion byte may be missing (format ends): the item is then cut short and
        // reports itself as an invalid conversion.
        let end = (span + 2).min(rest.len());
        self.rest = &rest[end..];
        Some(Ok(Segment::Item(Item { form: &rest[..end] })))
    }
}

impl<'a> Item<'a> {
    /// The item's text, `%` and conversion byte included.
    pub fn form(&self) -> &'a [u8] {
        self.form
    }

    /// The conversion byte (0 when the format string ended before it).
    pub fn conversion(&self) -> u8 {
        match self.form {
            [b'%', .., c] if self.form.len() >= 2 && !b"-+ #0123456789.".contains(c) => *c,
            _ => 0,
        }
    }

    /// Whether the item is a bare `%` plus conversion (no flags, width or precision).
    pub fn is_bare(&self) -> bool {
        self.form.len() == 2 && self.conversion() != 0
    }

    /// For `%q`: fails unless the item is exactly `%q`.
    pub fn check_quote(&self) -> Result<(), FormatError> {
        if self.is_bare() {
            Ok(())
        } else {
            Err(FormatError::QuoteModifiers)
        }
    }

    /// Checks the flags, width and precision against what the conversion allows (as
    /// lua5.4's `checkformat`) and returns them.
    pub fn spec(&self) -> Result<Spec, FormatError> {
        let conv = self.conversion();
        let (flags, precision): (&[u8], bool) = match conv {
            b'a' | b'A' | b'e' | b'E' | b'f' | b'g' | b'G' => (b"-+ #0", true),
            b'o' | b'x' | b'X' => (b"-#0", true),
            b'd' | b'i' => (b"-+ 0", true),
            b'u' => (b"-0", true),
            b'c' | b'p' => (b"-", false),
            b's' => (b"-", true),
            _ => return Err(FormatError::InvalidConversion(self.form.to_vec())),
        };
        let invalid = || FormatError::InvalidSpec(self.form.to_vec());
        let body = &self.form[1..self.form.len() - 1];
        let mut spec = Spec {
            conv,
            ..Spec::default()
        };
        let mut i = 0;
        while let Some(&c) = body.get(i).filter(|c| flags.contains(c)) {
            match c {
                b'-' => spec.left = true,
                b'+' => spec.plus = true,
                b' ' => spec.space = true,
                b'#' => spec.alt = true,
                _ => spec.zero = true,
            }
            i += 1;
        }
        // A width cannot start with '0' (that would be a flag this conversion refuses).
        if body.get(i) != Some(&b'0') {
            let (width, n) = two_digits(&body[i..]);
            spec.width = width;
            i += n;
            if precision && body.get(i) == Some(&b'.') {
                let (prec, n) = two_digits(&body[i + 1..]);
                spec.precision = Some(prec);
                i += 1 + n;
            }
        }
        if i == body.len() {
            Ok(spec)
        } else {
            Err(invalid())
        }
    }
}

/// Up to two leading decimal digits of `s`: their value and count.
fn two_digits(s: &[u8]) -> (usize, usize) {
    let mut value = 0;
    let mut n = 0;
    while n < 2 {
        match s.get(n) {
            Some(c) if c.is_ascii_digit() => value = value * 10 + usize::from(c - b'0'),
            _ => break,
        }
        n += 1;
    }
    (value, n)
}

/// Appends `body` (already signed and prefixed as `head`) padded to the spec's width:
/// spaces on the left, spaces on the right (`-`), or zeros between `head` and `body` when
/// `zeros` is set.
fn pad(out: &mut Vec<u8>, spec: &Spec, head: &[u8], body: &[u8], zeros: bool) {
    let len = head.len() + body.len();
    let fill = spec.width.saturating_sub(len);
    if spec.left {
        out.extend_from_slice(head);
        out.extend_from_slice(body);
        out.resize(out.len() + fill, b' ');
    } else if zeros {
        out.extend_from_slice(head);
        out.resize(out.len() + fill, b'0');
        out.extend_from_slice(body);
    } else {
        out.resize(out.len() + fill, b' ');
        out.extend_from_slice(head);
        out.extend_from_slice(body);
    }
}

#[cfg(test)]
mod tests;
