//! The Lua 5.4 lexer: turns source bytes into tokens, one at a time, on demand.
//!
//! It owns everything lexical: whitespace and comments, long brackets, string escapes, numerals,
//! line counting (`\n`, `\r`, `\r\n` and `\n\r` each count as one newline, as in lua5.4) and the
//! wording of lexical errors, which matches lua5.4's byte for byte. It knows nothing of grammar.
//! It works on bytes and allocates only for names and string literals.

mod numeral;
mod strings;
mod token;

use crate::error::SyntaxError;
use token::quote_text;
pub use token::{near_text, syntax_error, token_name, Lexeme, Quote, Token};

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

/// The line and the "near" text lua5.4 gives for an error while the token at byte `pos` of
/// `src` is the current one: the line the lexer has reached after reading that token, and the
/// token as lua5.4 quotes it (`None` for a NUL byte, which lua5.4 takes for "no token").
pub fn token_at(src: &[u8], pos: u32) -> (u32, Option<String>) {
    let start = usize::try_from(pos).map_or(src.len(), |p| p.min(src.len()));
    let mut lexer = Lexer::new(src, "");
    lexer.pos = start;
    let (end, near) = match lexer.next_token() {
        Ok(lexeme) if lexeme.token == Token::Char(0) => (lexeme.end, None),
        Ok(lexeme) => (lexeme.end, Some(near_text(src, &lexeme))),
        // The parser read this token without error, so this is not reached; no text then.
        Err(_) => (start, None),
    };
    (count_lines(&src[..end]), near)
}

/// The line reached at the end of `text`: 1 plus its newlines, counted as the lexer does.
fn count_lines(text: &[u8]) -> u32 {
    let mut line: u32 = 1;
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        if c == b'\n' || c == b'\r' {
            line = line.saturating_add(1);
            if let Some(&d @ (b'\n' | b'\r')) = text.get(i + 1) {
                if d != c {
                    i += 1;
                }
            }
        }
        i += 1;
    }
    line
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

    /// The byte offset the lexer has reached: the end of the last token read.
    pub fn offset(&self) -> usize {
        self.pos
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
    // Kept out of line: inlined into the recursive parser it would bloat every frame.
    #[inline(never)]
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
