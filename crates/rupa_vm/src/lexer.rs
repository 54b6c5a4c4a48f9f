//! The Lua 5.4 lexer: turns source bytes into tokens, one at a time, on demand.
//!
//! It owns everything lexical: whitespace and comments, long brackets, string escapes, numerals,
//! line counting (`\n`, `\r`, `\r\n` and `\n\r` each count as one newline, as in lua5.4) and the
//! wording of lexical errors, which matches lua5.4's byte for byte. It knows nothing of grammar.
//! It works on bytes and allocates only for names and string literals.

mod numeral;

use std::borrow::Cow;

use crate::chunkname::short_source;
use crate::error::SyntaxError;

/// A token. Single-character tokens, including bytes that are not Lua symbols (control
/// characters, `@`, `$`, bytes >= 0x80...), are `Char`: the parser decides what is unexpected.
#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    And,
    Break,
    Do,
    Else,
    Elseif,
    End,
    False,
    For,
    Function,
    Goto,
    If,
    In,
    Local,
    Nil,
    Not,
    Or,
    Repeat,
    Return,
    Then,
    True,
    Until,
    While,
    /// `//`
    IDiv,
    /// `..`
    Concat,
    /// `...`
    Dots,
    /// `==`
    Eq,
    /// `>=`
    Ge,
    /// `<=`
    Le,
    /// `~=`
    Ne,
    /// `<<`
    Shl,
    /// `>>`
    Shr,
    /// `::`
    DbColon,
    /// End of the source.
    Eof,
    /// A float numeral.
    Float(f64),
    /// An integer numeral (hexadecimal ones wrap around modulo 2^64).
    Int(i64),
    /// An identifier that is not a reserved word.
    Name(String),
    /// A string literal, escapes decoded.
    String {
        value: Vec<u8>,
        quote: Quote,
    },
    /// Any other single byte.
    Char(u8),
}

/// How a string literal was delimited, needed to show it in messages as lua5.4 does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quote {
    /// `"..."` or `'...'`: the quote byte.
    Short(u8),
    /// `[==[...]==]`: the number of `=`.
    Long(usize),
}

/// A token with the byte range of its source text (used to show numerals and names in messages).
#[derive(Debug, Clone, PartialEq)]
pub struct Lexeme {
    pub token: Token,
    pub start: usize,
    pub end: usize,
}

/// Formats a syntax error as lua5.4 does: `chunk:line: msg` plus ` near tok` when `near` is
/// given (already rendered, quotes included).
pub fn syntax_error(chunk_name: &str, line: u32, msg: &str, near: Option<&str>) -> SyntaxError {
    let source = short_source(chunk_name);
    let message = match near {
        Some(near) => format!("{source}:{line}: {msg} near {near}"),
        None => format!("{source}:{line}: {msg}"),
    };
    SyntaxError { message }
}

/// Quotes raw lexeme text for a message. Like lua5.4's `%s` formatting, the text stops at the
/// first NUL byte.
fn quote_text(text: &[u8]) -> String {
    let end = text.iter().position(|&b| b == 0).unwrap_or(text.len());
    format!("'{}'", String::from_utf8_lossy(&text[..end]))
}

/// How a token is named in "X expected" messages: `'end'`, `'='`, `<name>`, `<eof>`.
pub fn token_name(token: &Token) -> Cow<'static, str> {
    let fixed = match token {
        Token::And => "and",
        Token::Break => "break",
        Token::Do => "do",
        Token::Else => "else",
        Token::Elseif => "elseif",
        Token::End => "end",
        Token::False => "false",
        Token::For => "for",
        Token::Function => "function",
        Token::Goto => "goto",
        Token::If => "if",
        Token::In => "in",
        Token::Local => "local",
        Token::Nil => "nil",
        Token::Not => "not",
        Token::Or => "or",
        Token::Repeat => "repeat",
        Token::Return => "return",
        Token::Then => "then",
        Token::True => "true",
        Token::Until => "until",
        Token::While => "while",
        Token::IDiv => "//",
        Token::Concat => "..",
        Token::Dots => "...",
        Token::Eq => "==",
        Token::Ge => ">=",
        Token::Le => "<=",
        Token::Ne => "~=",
        Token::Shl => "<<",
        Token::Shr => ">>",
        Token::DbColon => "::",
        // Names, strings, numerals and the end are named by their class, unquoted.
        Token::Eof => return Cow::Borrowed("<eof>"),
        Token::Float(_) => return Cow::Borrowed("<number>"),
        Token::Int(_) => return Cow::Borrowed("<integer>"),
        Token::Name(_) => return Cow::Borrowed("<name>"),
        Token::String { .. } => return Cow::Borrowed("<string>"),
        Token::Char(c) => return Cow::Owned(char_name(*c)),
    };
    Cow::Owned(format!("'{fixed}'"))
}

/// A single byte as lua5.4 shows it: `'c'` when printable ASCII, `'<\N>'` otherwise.
fn char_name(c: u8) -> String {
    if (0x20..0x7f).contains(&c) {
        format!("'{}'", c as char)
    } else {
        format!("'<\\{c}>'")
    }
}

/// How the token in `lexeme` is shown after "near" in messages: names and numerals by their
/// source text, strings with their delimiters and decoded contents, the rest as in
/// [`token_name`].
pub fn near_text(source: &[u8], lexeme: &Lexeme) -> String {
    match &lexeme.token {
        Token::Name(_) | Token::Int(_) | Token::Float(_) => {
            quote_text(&source[lexeme.start..lexeme.end])
        }
        Token::String { value, quote } => {
            let mut text = Vec::with_capacity(value.len() + 8);
            match *quote {
                Quote::Short(q) => {
                    text.push(q);
                    text.extend_from_slice(value);
                    text.push(q);
                }
                Quote::Long(level) => {
                    text.push(b'[');
                    text.resize(level + 1, b'=');
                    text.push(b'[');
                    text.extend_from_slice(value);
                    text.push(b']');
                    text.resize(text.len() + level, b'=');
                    text.push(b']');
                }
            }
            quote_text(&text)
        }
        other => token_name(other).into_owned(),
    }
}

/// Skips what `lua5.4` skips at the start of a file but `load` does not: a UTF-8 byte order
/// mark, then a first line starting with `#` (a shebang). The newline ending that line is kept,
/// so line numbers stay right.
pub fn skip_shebang(source: &[u8]) -> &[u8] {
    let source = source.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(source);
    if source.first() != Some(&b'#') {
        return source;
    }
    match source.iter().position(|&b| b == b'\n') {
        Some(newline) => &source[newline..],
        None => &[],
    }
}

fn is_alpha(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

fn is_alnum(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// C's `isspace` in the "C" locale.
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// The value of a byte already checked to be a hexadecimal digit.
fn hex_value(c: u8) -> u32 {
    char::from(c)
        .to_digit(16)
        .expect("callers check is_ascii_hexdigit first")
}

fn reserved(word: &[u8]) -> Option<Token> {
    Some(match word {
        b"and" => Token::And,
        b"break" => Token::Break,
        b"do" => Token::Do,
        b"else" => Token::Else,
        b"elseif" => Token::Elseif,
        b"end" => Token::End,
        b"false" => Token::False,
        b"for" => Token::For,
        b"function" => Token::Function,
        b"goto" => Token::Goto,
        b"if" => Token::If,
        b"in" => Token::In,
        b"local" => Token::Local,
        b"nil" => Token::Nil,
        b"not" => Token::Not,
        b"or" => Token::Or,
        b"repeat" => Token::Repeat,
        b"return" => Token::Return,
        b"then" => Token::Then,
        b"true" => Token::True,
        b"until" => Token::Until,
        b"while" => Token::While,
        _ => return None,
    })
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

/// The lexer over one chunk.
pub struct Lexer<'s> {
    src: &'s [u8],
    pos: usize,
    /// Current line: the line of the last byte read, as lua5.4's `linenumber`.
    line: u32,
    chunk_name: &'s str,
}

impl<'s> Lexer<'s> {
    /// A lexer at the start of `src`, line 1. `chunk_name` is used for messages.
    pub fn new(src: &'s [u8], chunk_name: &'s str) -> Self {
        Lexer {
            src,
            pos: 0,
            line: 1,
            chunk_name,
        }
    }

    /// The current line (after the last token read), which lua5.4 puts in messages.
    pub fn line(&self) -> u32 {
        self.line
    }

    /// The source being read.
    pub fn source(&self) -> &'s [u8] {
        self.src
    }

    /// The chunk name given at creation.
    pub fn chunk_name(&self) -> &'s str {
        self.chunk_name
    }

    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn peek_is(&self, c: u8) -> bool {
        self.peek() == Some(c)
    }

    fn at_newline(&self) -> bool {
        matches!(self.peek(), Some(b'\n' | b'\r'))
    }

    /// Skips one newline: `\n`, `\r`, `\r\n` or `\n\r`.
    fn newline(&mut self) {
        let first = self.src[self.pos];
        self.pos += 1;
        if let Some(c @ (b'\n' | b'\r')) = self.peek() {
            if c != first {
                self.pos += 1;
            }
        }
        self.line = self.line.saturating_add(1);
    }

    fn error(&self, msg: &str, near: Option<&str>) -> SyntaxError {
        syntax_error(self.chunk_name, self.line, msg, near)
    }

    fn error_near_eof(&self, msg: &str) -> SyntaxError {
        self.error(msg, Some("<eof>"))
    }

    fn error_near_text(&self, msg: &str, text: &[u8]) -> SyntaxError {
        self.error(msg, Some(&quote_text(text)))
    }

    /// Reads the next token.
    pub fn next_token(&mut self) -> Result<Lexeme, SyntaxError> {
        loop {
            let start = self.pos;
            let Some(c) = self.peek() else {
                return Ok(self.lexeme(Token::Eof, start));
            };
            let token = match c {
                b'\n' | b'\r' => {
                    self.newline();
                    continue;
                }
                b' ' | b'\t' | 0x0b | 0x0c => {
                    self.pos += 1;
                    continue;
                }
                b'-' => {
                    self.pos += 1;
                    if !self.peek_is(b'-') {
                        Token::Char(b'-')
                    } else {
                        self.pos += 1;
                        self.skip_comment()?;
                        continue;
                    }
                }
                b'[' => match self.skip_sep() {
                    Sep::Long(level) => {
                        let value = self.read_long(level, true)?;
                        Token::String {
                            value,
                            quote: Quote::Long(level),
                        }
                    }
                    Sep::Bracket => Token::Char(b'['),
                    Sep::Invalid => {
                        let text = &self.src[start..self.pos];
                        return Err(self.error_near_text("invalid long string delimiter", text));
                    }
                },
                b'=' => self.one_or_two(b'=', Token::Eq, b'='),
                b'<' => {
                    self.pos += 1;
                    match self.peek() {
                        Some(b'=') => self.take(Token::Le),
                        Some(b'<') => self.take(Token::Shl),
                        _ => Token::Char(b'<'),
                    }
                }
                b'>' => {
                    self.pos += 1;
                    match self.peek() {
                        Some(b'=') => self.take(Token::Ge),
                        Some(b'>') => self.take(Token::Shr),
                        _ => Token::Char(b'>'),
                    }
                }
                b'/' => self.one_or_two(b'/', Token::IDiv, b'/'),
                b'~' => self.one_or_two(b'=', Token::Ne, b'~'),
                b':' => self.one_or_two(b':', Token::DbColon, b':'),
                b'"' | b'\'' => self.read_string(c)?,
                b'.' => {
                    self.pos += 1;
                    if self.peek_is(b'.') {
                        self.pos += 1;
                        if self.peek_is(b'.') {
                            self.take(Token::Dots)
                        } else {
                            Token::Concat
                        }
                    } else if self.peek().is_some_and(|d| d.is_ascii_digit()) {
                        self.read_numeral(start)?
                    } else {
                        Token::Char(b'.')
                    }
                }
                b'0'..=b'9' => self.read_numeral(start)?,
                c if is_alpha(c) => {
                    while self.peek().is_some_and(is_alnum) {
                        self.pos += 1;
                    }
                    let word = &self.src[start..self.pos];
                    match reserved(word) {
                        Some(token) => token,
                        None => {
                            let name = std::str::from_utf8(word)
                                .expect("identifiers are ASCII")
                                .to_owned();
                            Token::Name(name)
                        }
                    }
                }
                other => {
                    self.pos += 1;
                    Token::Char(other)
                }
            };
            return Ok(self.lexeme(token, start));
        }
    }

    fn lexeme(&self, token: Token, start: usize) -> Lexeme {
        Lexeme {
            token,
            start,
            end: self.pos,
        }
    }

    fn take(&mut self, token: Token) -> Token {
        self.pos += 1;
        token
    }

    /// Reads `c` or `c second`; the first byte has not been consumed yet.
    fn one_or_two(&mut self, second: u8, double: Token, single: u8) -> Token {
        self.pos += 1;
        if self.peek_is(second) {
            self.take(double)
        } else {
            Token::Char(single)
        }
    }

    /// Skips a comment; the `--` has been consumed.
    fn skip_comment(&mut self) -> Result<(), SyntaxError> {
        if self.peek_is(b'[') {
            if let Sep::Long(level) = self.skip_sep() {
                self.read_long(level, false)?;
                return Ok(());
            }
        }
        // A short comment, possibly after a `[` or `[==` that was not a long bracket.
        while let Some(c) = self.peek() {
            if c == b'\n' || c == b'\r' {
                break;
            }
            self.pos += 1;
        }
        Ok(())
    }

    /// Reads `[` or `]` followed by `=`s; stops on the byte after the `=`s.
    fn skip_sep(&mut self) -> Sep {
        let bracket = self.src[self.pos];
        self.pos += 1;
        let mut level = 0;
        while self.peek_is(b'=') {
            self.pos += 1;
            level += 1;
        }
        if self.peek_is(bracket) {
            Sep::Long(level)
        } else if level == 0 {
            Sep::Bracket
        } else {
            Sep::Invalid
        }
    }

    /// Reads a long string or comment from its second opening bracket. Returns the contents
    /// (empty for a comment).
    fn read_long(&mut self, level: usize, is_string: bool) -> Result<Vec<u8>, SyntaxError> {
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
    fn read_string(&mut self, quote: u8) -> Result<Token, SyntaxError> {
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

    /// Reads a numeral starting at `start` (a digit, or a `.` already consumed before a
    /// digit). Like lua5.4, it takes every byte that can continue a numeral, plus one letter
    /// touching it, and then converts the whole text or reports it malformed.
    fn read_numeral(&mut self, start: usize) -> Result<Token, SyntaxError> {
        let first = self.src[self.pos];
        self.pos += 1;
        let mut exponent = [b'e', b'E'];
        if first == b'0' && matches!(self.peek(), Some(b'x' | b'X')) {
            self.pos += 1;
            exponent = [b'p', b'P'];
        }
        while let Some(c) = self.peek() {
            if exponent.contains(&c) {
                self.pos += 1;
                if matches!(self.peek(), Some(b'+' | b'-')) {
                    self.pos += 1;
                }
            } else if c.is_ascii_hexdigit() || c == b'.' {
                self.pos += 1;
            } else {
                break;
            }
        }
        if self.peek().is_some_and(is_alpha) {
            self.pos += 1;
        }
        let text = &self.src[start..self.pos];
        match numeral::convert(text) {
            Some(numeral::Number::Int(i)) => Ok(Token::Int(i)),
            Some(numeral::Number::Float(f)) => Ok(Token::Float(f)),
            None => Err(self.error_near_text("malformed number", text)),
        }
    }
}

/// What follows a `[` or `]`.
#[derive(Debug, PartialEq, Eq)]
enum Sep {
    /// A long bracket of this level.
    Long(usize),
    /// A lone bracket.
    Bracket,
    /// `[=...` not closed by a second bracket.
    Invalid,
}

#[cfg(test)]
mod tests;
