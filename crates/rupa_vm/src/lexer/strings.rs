//! String literals: quoted strings with their escapes, and long strings (and comments).

use super::token::{Quote, Token};
use super::{hex_value, is_space, Lexer, Sep};
use crate::error::SyntaxError;

impl Lexer<'_> {
    /// Reads a long string or comment from its second opening bracket. Returns the contents
    /// (empty for a comment).
    pub(super) fn read_long(
        &mut self,
        level: usize,
        is_string: bool,
    ) -> Result<Vec<u8>, SyntaxError> {
        let start_line = self.line;
        self.pos += 1;
        if self.at_newline() {
            self.newline();
        }
        let mut value = Vec::new();
        loop {
            let Some(c) = self.peek() else {
                let what = if is_string { "string" } else { "comment" };
                let msg = format!("unfinished long {what} (starting at line {start_line})");
                return Err(self.error_near_eof(&msg));
            };
            match c {
                b']' => {
                    let close_start = self.pos;
                    if self.skip_sep() == Sep::Long(level) {
                        self.pos += 1;
                        return Ok(value);
                    }
                    if is_string {
                        value.extend_from_slice(&self.src[close_start..self.pos]);
                    }
                }
                b'\n' | b'\r' => {
                    if is_string {
                        value.push(b'\n');
                    }
                    self.newline();
                }
                _ => {
                    // Copy the whole run of ordinary bytes at once.
                    let run_start = self.pos;
                    while let Some(b) = self.peek() {
                        if matches!(b, b']' | b'\n' | b'\r') {
                            break;
                        }
                        self.pos += 1;
                    }
                    if is_string {
                        value.extend_from_slice(&self.src[run_start..self.pos]);
                    }
                }
            }
        }
    }

    /// Reads a quoted string; the lexer is on the opening quote.
    pub(super) fn read_string(&mut self, quote: u8) -> Result<Token, SyntaxError> {
        self.pos += 1;
        let mut value = Vec::new();
        loop {
            let Some(c) = self.peek() else {
                return Err(self.error_near_eof("unfinished string"));
            };
            match c {
                b'\n' | b'\r' => {
                    let mut text = vec![quote];
                    text.extend_from_slice(&value);
                    return Err(self.error_near_text("unfinished string", &text));
                }
                b'\\' => self.read_escape(quote, &mut value)?,
                c if c == quote => {
                    self.pos += 1;
                    return Ok(Token::String {
                        value,
                        quote: Quote::Short(quote),
                    });
                }
                _ => {
                    let run_start = self.pos;
                    while let Some(b) = self.peek() {
                        if matches!(b, b'\n' | b'\r' | b'\\') || b == quote {
                            break;
                        }
                        self.pos += 1;
                    }
                    value.extend_from_slice(&self.src[run_start..self.pos]);
                }
            }
        }
    }

    /// Reads one escape sequence; the lexer is on the backslash.
    fn read_escape(&mut self, quote: u8, value: &mut Vec<u8>) -> Result<(), SyntaxError> {
        let backslash = self.pos;
        self.pos += 1;
        let Some(c) = self.peek() else {
            // The string loop reports the unfinished string.
            return Ok(());
        };
        let simple = match c {
            b'a' => Some(0x07),
            b'b' => Some(0x08),
            b'f' => Some(0x0c),
            b'n' => Some(b'\n'),
            b'r' => Some(b'\r'),
            b't' => Some(b'\t'),
            b'v' => Some(0x0b),
            b'\\' | b'"' | b'\'' => Some(c),
            _ => None,
        };
        if let Some(byte) = simple {
            self.pos += 1;
            value.push(byte);
            return Ok(());
        }
        // Errors show the string read so far, the escape, and the offending byte.
        let fail = |lexer: &Self, value: &[u8], msg: &str| {
            let mut text = vec![quote];
            text.extend_from_slice(value);
            let end = (lexer.pos + 1).min(lexer.src.len());
            text.extend_from_slice(&lexer.src[backslash..end]);
            lexer.error_near_text(msg, &text)
        };
        match c {
            b'\n' | b'\r' => {
                self.newline();
                value.push(b'\n');
            }
            b'z' => {
                self.pos += 1;
                while let Some(b) = self.peek() {
                    if !is_space(b) {
                        break;
                    }
                    if b == b'\n' || b == b'\r' {
                        self.newline();
                    } else {
                        self.pos += 1;
                    }
                }
            }
            b'x' => {
                let mut byte = 0u32;
                for _ in 0..2 {
                    self.pos += 1;
                    match self.peek() {
                        Some(d) if d.is_ascii_hexdigit() => byte = byte * 16 + hex_value(d),
                        _ => return Err(fail(self, value, "hexadecimal digit expected")),
                    }
                }
                self.pos += 1;
                value.push(byte as u8);
            }
            b'u' => {
                self.pos += 1;
                if !self.peek_is(b'{') {
                    return Err(fail(self, value, "missing '{'"));
                }
                self.pos += 1;
                let mut code = match self.peek() {
                    Some(d) if d.is_ascii_hexdigit() => hex_value(d),
                    _ => return Err(fail(self, value, "hexadecimal digit expected")),
                };
                loop {
                    self.pos += 1;
                    let Some(d) = self.peek().filter(u8::is_ascii_hexdigit) else {
                        break;
                    };
                    if code > (0x7FFF_FFFF >> 4) {
                        return Err(fail(self, value, "UTF-8 value too large"));
                    }
                    code = (code << 4) + hex_value(d);
                }
                if !self.peek_is(b'}') {
                    return Err(fail(self, value, "missing '}'"));
                }
                self.pos += 1;
                push_utf8(value, code);
            }
            b'0'..=b'9' => {
                let mut byte = 0u32;
                for _ in 0..3 {
                    match self.peek() {
                        Some(d) if d.is_ascii_digit() => {
                            byte = byte * 10 + u32::from(d - b'0');
                            self.pos += 1;
                        }
                        _ => break,
                    }
                }
                if byte > 255 {
                    return Err(fail(self, value, "decimal escape too large"));
                }
                value.push(byte as u8);
            }
            _ => return Err(fail(self, value, "invalid escape sequence")),
        }
        Ok(())
    }
}

/// Appends the generalized UTF-8 encoding of `x` (at most 0x7FFFFFFF, up to 6 bytes), as
/// lua5.4 encodes `\u{XXX}` escapes.
fn push_utf8(out: &mut Vec<u8>, x: u32) {
    if x < 0x80 {
        out.push(x as u8);
        return;
    }
    let mut tail = [0u8; 6];
    let mut n = 0;
    let mut rest = x;
    // Bits that still fit in the first byte shrink by one per continuation byte.
    let mut first_max = 0x3f;
    loop {
        tail[n] = 0x80 | (rest & 0x3f) as u8;
        n += 1;
        rest >>= 6;
        first_max >>= 1;
        if rest <= first_max {
            break;
        }
    }
    let lead_mark = (!first_max << 1) as u8;
    out.push(lead_mark | rest as u8);
    out.extend(tail[..n].iter().rev());
}
