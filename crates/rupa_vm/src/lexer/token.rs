//! Tokens and how lua5.4 shows them in messages: `X expected` names and `near` texts.

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
    /// Byte offset of the token's first byte in the source.
    pub start: usize,
    /// Byte offset just past the token's last byte.
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
pub(super) fn quote_text(text: &[u8]) -> String {
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
