//! `string.pack`, `string.unpack` and `string.packsize`: reading the format string into
//! items (with endianness and alignment), and lua5.4's errors.
//!
//! Packing is driven by the wrapper, which alone can turn Lua values into integers, numbers
//! and strings: call [`PackFormat::next_item`] with the output length so far, write
//! [`PackItem::padding`] zero bytes, then by [`PackItem::kind`] take one argument
//! (`luaL_checkinteger` for [`Kind::Int`], `luaL_checknumber` for floats,
//! `luaL_checklstring` for strings; none for padding and no-ops) and call the matching
//! writer in `codec`. [`pack_values`] does all of that for already-typed values.
//! [`unpack`] and [`packsize`] need no Lua values and are complete here.
//!
//! Sizes come from the format: `string.pack("c214748364", "")` makes a 214 MB string from
//! an 11-byte format, so a wrapper under a memory cap should charge `padding + size` (plus
//! the string length for `s` and `z`) before each write.

mod codec;

use std::fmt;

pub use codec::{pack_char, pack_float, pack_int, pack_string, pack_values, pack_zstr};
pub use codec::{packsize, unpack, PackValue, Unpacked};

/// Largest integer size, in bytes, of `i[n]`/`I[n]`/`s[n]`/`!n` (lua5.4's `MAXINTSIZE`).
pub const MAX_INT_SIZE: usize = 16;

/// Default maximum alignment set by a bare `!`: the native alignment of doubles and
/// 64-bit integers.
const NATIVE_ALIGN: usize = 8;

/// Which argument of the Lua call an error blames.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorSite {
    /// Not a bad-argument error: raised with `luaL_error` (gets a position prefix).
    Plain,
    /// Bad argument #1, the format string.
    Format,
    /// Bad argument at the value being packed (`pack`'s argument for the item).
    Value,
    /// Bad argument #2 of `unpack`, the data string.
    Data,
    /// Bad argument #3 of `unpack`, the initial position.
    Position,
}

/// Why packing, unpacking or sizing failed. `Display` is lua5.4's message;
/// [`PackError::site`] says how lua5.4 raises it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PackError {
    /// An unknown option byte.
    InvalidOption(u8),
    /// `i`, `I`, `s` or `!` with a size outside 1..=16.
    SizeOutOfLimits(u32),
    /// `c` without a size.
    MissingCharSize,
    /// `X` at the end, or followed by `c` or an option with no alignment.
    InvalidNextForX,
    /// An alignment (after capping at the maximum) that is not a power of 2.
    AlignNotPowerOf2,
    /// `packsize` of a format with `s` or `z`.
    VariableLength,
    /// `packsize` over `MAX_STRING_SIZE`.
    ResultTooLarge,
    /// A signed integer that does not fit its size.
    IntegerOverflow,
    /// An unsigned integer that does not fit its size.
    UnsignedOverflow,
    /// A string longer than its `c` size.
    StringLongerThanSize,
    /// A string whose length does not fit the `s[n]` length prefix.
    LengthDoesNotFit,
    /// A `z` string containing a NUL byte.
    ContainsZeros,
    /// `unpack` ran past the end of the data.
    DataTooShort,
    /// `unpack` found no NUL ending a `z` string.
    UnfinishedZ,
    /// `unpack`'s initial position is past the end of the data.
    PositionOutOfString,
    /// `unpack` of an integer wider than 8 bytes whose value does not fit 64 bits; holds
    /// the size.
    IntegerDoesNotFit(usize),
}

impl PackError {
    /// How lua5.4 raises this error.
    pub fn site(&self) -> ErrorSite {
        use PackError::*;
        match self {
            InvalidOption(_) | SizeOutOfLimits(_) | MissingCharSize | IntegerDoesNotFit(_) => {
                ErrorSite::Plain
            }
            InvalidNextForX | AlignNotPowerOf2 | VariableLength | ResultTooLarge => {
                ErrorSite::Format
            }
            IntegerOverflow | UnsignedOverflow | StringLongerThanSize | LengthDoesNotFit
            | ContainsZeros => ErrorSite::Value,
            DataTooShort | UnfinishedZ => ErrorSite::Data,
            PositionOutOfString => ErrorSite::Position,
        }
    }

    /// The message as bytes (an invalid option byte may be any byte).
    pub fn message(&self) -> Vec<u8> {
        match self {
            PackError::InvalidOption(c) => {
                [b"invalid format option '".as_slice(), &[*c], b"'"].concat()
            }
            other => other.to_string().into_bytes(),
        }
    }
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use PackError::*;
        match self {
            InvalidOption(c) => write!(f, "invalid format option '{}'", char::from(*c)),
            SizeOutOfLimits(n) => {
                write!(f, "integral size ({n}) out of limits [1,{MAX_INT_SIZE}]")
            }
            MissingCharSize => f.write_str("missing size for format option 'c'"),
            InvalidNextForX => f.write_str("invalid next option for option 'X'"),
            AlignNotPowerOf2 => f.write_str("format asks for alignment not power of 2"),
            VariableLength => f.write_str("variable-length format"),
            ResultTooLarge => f.write_str("format result too large"),
            IntegerOverflow => f.write_str("integer overflow"),
            UnsignedOverflow => f.write_str("unsigned overflow"),
            StringLongerThanSize => f.write_str("string longer than given size"),
            LengthDoesNotFit => f.write_str("string length does not fit in given size"),
            ContainsZeros => f.write_str("string contains zeros"),
            DataTooShort => f.write_str("data string too short"),
            UnfinishedZ => f.write_str("unfinished string for format 'z'"),
            PositionOutOfString => f.write_str("initial position out of string"),
            IntegerDoesNotFit(n) => write!(f, "{n}-byte integer does not fit into Lua Integer"),
        }
    }
}

impl std::error::Error for PackError {}

/// What an item packs or unpacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An integer of `size` bytes (`b h l j i[n]` signed, `B H L J T I[n]` unsigned).
    Int {
        /// Whether the integer is signed.
        signed: bool,
    },
    /// A 4-byte float (`f`).
    Float,
    /// An 8-byte float (`d`, `n`).
    Double,
    /// A fixed-size string of `size` bytes (`c[n]`), padded with zeros.
    Char,
    /// A string preceded by its length as an unsigned integer of `size` bytes (`s[n]`).
    String,
    /// A zero-terminated string (`z`).
    Zstr,
    /// One zero byte (`x`).
    Padding,
    /// Alignment only (`X[op]`); takes no value.
    PadAlign,
    /// Endianness, alignment setting or space; takes no value.
    Nop,
}

impl Kind {
    /// Whether the item consumes a value when packing (and produces one when unpacking).
    pub fn takes_value(self) -> bool {
        !matches!(self, Kind::Padding | Kind::PadAlign | Kind::Nop)
    }
}

/// One item of a format string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PackItem {
    /// What it is.
    pub kind: Kind,
    /// Its fixed size in bytes (the length prefix for [`Kind::String`], 0 for `z`).
    pub size: usize,
    /// Zero bytes to put (or skip) before it for alignment.
    pub padding: usize,
    /// Whether multi-byte values are little-endian.
    pub little: bool,
}

/// A format string being read item by item.
#[derive(Clone, Debug)]
pub struct PackFormat<'a> {
    rest: &'a [u8],
    little: bool,
    max_align: usize,
}

impl<'a> PackFormat<'a> {
    /// Reading starts little-endian (the native order here) with maximum alignment 1. A NUL
    /// byte ends the format, as in lua5.4.
    pub fn new(fmt: &'a [u8]) -> Self {
        let end = fmt.iter().position(|&c| c == 0).unwrap_or(fmt.len());
        PackFormat {
            rest: &fmt[..end],
            little: true,
            max_align: 1,
        }
    }

    /// The next item, or `None` at the end. `offset` is the number of bytes packed (or the
    /// unpack position) so far, from which the alignment padding is computed.
    pub fn next_item(&mut self, offset: usize) -> Result<Option<PackItem>, PackError> {
        if self.rest.is_empty() {
            return Ok(None);
        }
        let (kind, size) = self.option()?;
        let mut align = size;
        if kind == Kind::PadAlign {
            // 'X' aligns as the option after it, which it consumes.
            if self.rest.is_empty() {
                return Err(PackError::InvalidNextForX);
            }
            let (next, next_size) = self.option()?;
            if next == Kind::Char || next_size == 0 {
                return Err(PackError::InvalidNextForX);
            }
            align = next_size;
        }
        let padding = if align <= 1 || kind == Kind::Char {
            0
        } else {
            let align = align.min(self.max_align);
            if !align.is_power_of_two() {
                return Err(PackError::AlignNotPowerOf2);
            }
            (align - (offset & (align - 1))) & (align - 1)
        };
        Ok(Some(PackItem {
            kind,
            size,
            padding,
            little: self.little,
        }))
    }

    /// Reads one option and its size.
    fn option(&mut self) -> Result<(Kind, usize), PackError> {
        let (&c, rest) = self.rest.split_first().expect("caller checked non-empty");
        self.rest = rest;
        let int = |signed| Kind::Int { signed };
        Ok(match c {
            b'b' => (int(true), 1),
            b'B' => (int(false), 1),
            b'h' => (int(true), 2),
            b'H' => (int(false), 2),
            b'l' | b'j' => (int(true), 8),
            b'L' | b'J' | b'T' => (int(false), 8),
            b'f' => (Kind::Float, 4),
            b'd' | b'n' => (Kind::Double, 8),
            b'i' => (int(true), self.int_size(4)?),
            b'I' => (int(false), self.int_size(4)?),
            b's' => (Kind::String, self.int_size(8)?),
            b'c' => match self.number() {
                Some(n) => (Kind::Char, n as usize),
                None => return Err(PackError::MissingCharSize),
            },
            b'z' => (Kind::Zstr, 0),
            b'x' => (Kind::Padding, 1),
            b'X' => (Kind::PadAlign, 0),
            b' ' => (Kind::Nop, 0),
            b'<' | b'=' => {
                self.little = true;
                (Kind::Nop, 0)
            }
            b'>' => {
                self.little = false;
                (Kind::Nop, 0)
            }
            b'!' => {
                self.max_align = self.int_size(NATIVE_ALIGN)?;
                (Kind::Nop, 0)
            }
            other => return Err(PackError::InvalidOption(other)),
        })
    }

    /// An optional decimal number. Like lua5.4 it stops taking digits once the value
    /// passes 214748363, so that it stays below `INT_MAX`; later digits are read as options.
    fn number(&mut self) -> Option<u32> {
        let first = *self.rest.first().filter(|c| c.is_ascii_digit())?;
        let mut n = u32::from(first - b'0');
        self.rest = &self.rest[1..];
        while let Some(&c) = self.rest.first().filter(|c| c.is_ascii_digit()) {
            if n > (i32::MAX as u32 - 9) / 10 {
                break;
            }
            n = n * 10 + u32::from(c - b'0');
            self.rest = &self.rest[1..];
        }
        Some(n)
    }

    /// An optional size in 1..=16, `default` when absent.
    fn int_size(&mut self, default: usize) -> Result<usize, PackError> {
        match self.number() {
            None => Ok(default),
            Some(n) if (1..=MAX_INT_SIZE as u32).contains(&n) => Ok(n as usize),
            Some(n) => Err(PackError::SizeOutOfLimits(n)),
        }
    }
}

#[cfg(test)]
mod tests;
