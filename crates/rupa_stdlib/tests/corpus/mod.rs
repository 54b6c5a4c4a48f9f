//! The escaping of the differential corpus files in tests/data: bytes outside 0x20..=0x7e
//! and the backslash are written as `\xHH`, everything else as itself. Also the reference
//! `string.format` driver the format tests share.

// Each test binary includes this module and uses a different part of it.
#![allow(dead_code)]

/// Decodes a field of a corpus file.
pub fn decode(field: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(field.len());
    let mut i = 0;
    while i < field.len() {
        if field[i] == b'\\' && field.get(i + 1) == Some(&b'x') {
            let hex = std::str::from_utf8(&field[i + 2..i + 4]).expect("hex digits");
            out.push(u8::from_str_radix(hex, 16).expect("hex escape"));
            i += 4;
        } else {
            out.push(field[i]);
            i += 1;
        }
    }
    out
}

/// Encodes bytes as a corpus field.
pub fn encode(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    for &b in bytes {
        if (0x20..=0x7e).contains(&b) && b != b'\\' {
            out.push(b);
        } else {
            out.extend_from_slice(format!("\\x{b:02x}").as_bytes());
        }
    }
    out
}

use rupa_stdlib::string::format::{
    float_to_string, format_char, format_float, format_int, format_pointer, format_str,
    quote_float, quote_integer, quote_string, segments, FormatError, Segment,
};

/// A `string.format` argument, already a Lua value of one of these types.
#[derive(Clone, Copy, Debug)]
pub enum Arg<'a> {
    I(i64),
    F(f64),
    S(&'a [u8]),
    B(bool),
    Nil,
}

impl Arg<'_> {
    fn type_name(&self) -> &'static str {
        match self {
            Arg::I(_) | Arg::F(_) => "number",
            Arg::S(_) => "string",
            Arg::B(_) => "boolean",
            Arg::Nil => "nil",
        }
    }
}

/// lua5.4's `tostring` of a float.
pub fn lua_float_to_string(x: f64) -> Vec<u8> {
    let mut out = Vec::new();
    float_to_string(x, &mut out);
    out
}

/// `string.format(fmt, args...)` under pcall, the way a native wrapper would drive the
/// library (argument checks in lua5.4's order), rendered as the result or `E:` + message.
pub fn format_with(fmt: &[u8], args: &[Arg<'_>]) -> Vec<u8> {
    match try_format(fmt, args) {
        Ok(v) => v,
        Err(e) => [b"E:".as_slice(), &e].concat(),
    }
}

fn bad_arg(n: usize, msg: &[u8]) -> Vec<u8> {
    [
        format!("bad argument #{n} to 'string.format' (").as_bytes(),
        msg,
        b")",
    ]
    .concat()
}

fn try_format(fmt: &[u8], args: &[Arg<'_>]) -> Result<Vec<u8>, Vec<u8>> {
    let mut out = Vec::new();
    let mut next = 0;
    let fe = |e: FormatError| e.message();
    for seg in segments(fmt) {
        let item = match seg.map_err(fe)? {
            Segment::Literal(l) => {
                out.extend_from_slice(l);
                continue;
            }
            Segment::Item(item) => item,
        };
        let argn = next + 2;
        let arg = *args.get(next).ok_or_else(|| bad_arg(argn, b"no value"))?;
        next += 1;
        let int = |a: Arg<'_>| match a {
            Arg::I(i) => Ok(i),
            Arg::F(x)
                if x.fract() == 0.0
                    && (-9.223372036854776e18..9.223372036854776e18).contains(&x) =>
            {
                Ok(x as i64)
            }
            Arg::F(_) => Err(bad_arg(argn, b"number has no integer representation")),
            other => Err(bad_arg(
                argn,
                format!("number expected, got {}", other.type_name()).as_bytes(),
            )),
        };
        let num = |a: Arg<'_>| match a {
            Arg::I(i) => Ok(i as f64),
            Arg::F(x) => Ok(x),
            other => Err(bad_arg(
                argn,
                format!("number expected, got {}", other.type_name()).as_bytes(),
            )),
        };
        match item.conversion() {
            b'c' => {
                let spec = item.spec().map_err(fe)?;
                format_char(&mut out, &spec, int(arg)?);
            }
            b'd' | b'i' | b'u' | b'o' | b'x' | b'X' => {
                let n = int(arg)?;
                format_int(&mut out, &item.spec().map_err(fe)?, n);
            }
            b'a' | b'A' | b'e' | b'E' | b'f' | b'g' | b'G' => {
                let x = num(arg)?;
                format_float(&mut out, &item.spec().map_err(fe)?, x);
            }
            b'p' => {
                let spec = item.spec().map_err(fe)?;
                format_pointer(&mut out, &spec, None);
            }
            b'q' => {
                item.check_quote().map_err(fe)?;
                match arg {
                    Arg::S(s) => quote_string(&mut out, s),
                    Arg::I(i) => quote_integer(&mut out, i),
                    Arg::F(x) => quote_float(&mut out, x),
                    Arg::B(b) => out.extend_from_slice(if b { b"true" } else { b"false" }),
                    Arg::Nil => out.extend_from_slice(b"nil"),
                }
            }
            b's' => {
                let text = match arg {
                    Arg::S(s) => s.to_vec(),
                    Arg::I(i) => i.to_string().into_bytes(),
                    Arg::F(x) => lua_float_to_string(x),
                    Arg::B(b) => b.to_string().into_bytes(),
                    Arg::Nil => b"nil".to_vec(),
                };
                format_str(&mut out, &item, &text).map_err(|e| match e {
                    FormatError::ContainsZeros => bad_arg(argn, &e.message()),
                    e => e.message(),
                })?;
            }
            _ => return Err(item.spec().err().map(fe).unwrap_or_default()),
        }
    }
    Ok(out)
}
