//! The Lua 5.4 parser: a recursive-descent parser from tokens to the tree in `ast.rs`.
//!
//! It owns the grammar, the checks lua5.4 makes while parsing (assignment targets, call
//! statements, `...` outside vararg functions, local attributes) with lua5.4's exact messages,
//! and lua5.4's nesting limit, which also keeps this parser and the compiler's walk over the
//! tree off the end of the Rust stack. Left-associative chains (`a+b+c`, `a.b.c`, `f()()`) are
//! parsed in loops without limit, as lua5.4 does: everything that walks the tree walks such
//! chains with loops (see the `Drop` of [`crate::ast::Expr`]). It does not resolve names, check `goto`s, count locals or fold
//! constants: the compiler does. The parser mirrors lua5.4's own structure so that errors come
//! out in the same order, on the same line, near the same token.

mod expr;
mod stat;

use crate::ast::{Chunk, TokPos};
use crate::error::SyntaxError;
use crate::lexer::{near_text, syntax_error, token_name, Lexeme, Lexer, Token};

/// lua5.4's `LUAI_MAXCCALLS`: the C stack levels shared by C calls and syntactic nesting.
const MAX_C_CALLS: u32 = 200;

/// C levels lua5.4 has already used when `load` is called from a script's main chunk (the C
/// calls of `lua.c` above it). The exact limit depends on the caller in lua5.4; we reproduce
/// this most common case.
const C_LEVELS_IN_USE: u32 = 2;

/// The message lua5.4 gives when syntactic nesting exhausts its C levels (no position).
const NESTING_MESSAGE: &str = "C stack overflow";

/// Parses a whole chunk. `chunk_name` is the name given to `load` (`=stdin`, `@file.lua`, or
/// the source text itself); messages use [`crate::chunkname::short_source`] of it. The source
/// is taken as is: call [`crate::lexer::skip_shebang`] first for files.
pub fn parse(source: &[u8], chunk_name: &str) -> std::result::Result<Chunk, SyntaxError> {
    let mut parser = Parser::new(source, chunk_name)?;
    parser.chunk(source)
}

/// Parser state: the lexer, the current token and at most one token of lookahead.
struct Parser<'s> {
    lex: Lexer<'s>,
    current: Lexeme,
    ahead: Option<Lexeme>,
    /// Line of the last token consumed (lua5.4's `lastline`).
    last_line: u32,
    /// Syntactic nesting levels entered, counted where lua5.4 counts C levels.
    level: u32,
    /// Whether the function being parsed is vararg.
    vararg: bool,
}

type Result<T> = std::result::Result<T, SyntaxError>;

impl<'s> Parser<'s> {
    fn new(source: &'s [u8], chunk_name: &'s str) -> Result<Self> {
        let mut lex = Lexer::new(source, chunk_name);
        let current = lex.next_token()?;
        Ok(Parser {
            lex,
            current,
            ahead: None,
            last_line: 1,
            level: 0,
            vararg: true,
        })
    }

    fn chunk(&mut self, source: &[u8]) -> Result<Chunk> {
        let block = self.block()?;
        self.check(&Token::Eof)?;
        Ok(Chunk {
            block,
            end_line: self.last_line,
            eof: self.pos(),
            source: source.into(),
        })
    }

    /// The position of the current token.
    fn pos(&self) -> TokPos {
        // Sources past 4 GiB cannot be loaded (strings are smaller): saturating is enough.
        TokPos::try_from(self.current.start).unwrap_or(TokPos::MAX)
    }

    /// The current token.
    fn tok(&self) -> &Token {
        &self.current.token
    }

    fn is(&self, token: &Token) -> bool {
        self.current.token == *token
    }

    fn is_char(&self, c: u8) -> bool {
        self.current.token == Token::Char(c)
    }

    /// The lexer's current line, which lua5.4 uses both in messages and for most positions.
    fn line(&self) -> u32 {
        self.lex.line()
    }

    /// Moves to the next token.
    fn advance(&mut self) -> Result<()> {
        self.last_line = self.lex.line();
        self.current = match self.ahead.take() {
            Some(lexeme) => lexeme,
            None => self.lex.next_token()?,
        };
        Ok(())
    }

    /// The token after the current one.
    fn peek_ahead(&mut self) -> Result<&Token> {
        if self.ahead.is_none() {
            self.ahead = Some(self.lex.next_token()?);
        }
        Ok(&self.ahead.as_ref().expect("just filled").token)
    }

    /// Consumes the current token if it is `token`.
    fn test_next(&mut self, token: &Token) -> Result<bool> {
        if self.is(token) {
            self.advance()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// Fails with "X expected" unless the current token is `token`.
    fn check(&self, token: &Token) -> Result<()> {
        if self.is(token) {
            Ok(())
        } else {
            Err(self.error_expected(token))
        }
    }

    /// Consumes `token` or fails with "X expected".
    fn check_next(&mut self, token: &Token) -> Result<()> {
        self.check(token)?;
        self.advance()
    }

    /// Consumes the closing `what` of a construct opened by `who` at line `line`.
    fn check_match(&mut self, what: &Token, who: &Token, line: u32) -> Result<()> {
        if self.test_next(what)? {
            return Ok(());
        }
        Err(self.error_unmatched(what, who, line))
    }

    #[cold]
    #[inline(never)]
    fn error_unmatched(&self, what: &Token, who: &Token, line: u32) -> SyntaxError {
        if line == self.line() {
            self.error_expected(what)
        } else {
            let msg = format!(
                "{} expected (to close {} at line {})",
                token_name(what),
                token_name(who),
                line
            );
            self.error(&msg)
        }
    }

    /// Consumes a name.
    fn check_name(&mut self) -> Result<String> {
        if let Token::Name(name) = &mut self.current.token {
            let name = std::mem::take(name);
            self.advance()?;
            Ok(name)
        } else {
            Err(self.error_expected(&Token::Name(String::new())))
        }
    }

    /// An error at the current token: `chunk:line: msg near 'tok'`.
    #[cold]
    #[inline(never)]
    fn error(&self, msg: &str) -> SyntaxError {
        // lua5.4 tests the token code for "is there a token": a NUL byte is token 0, so none.
        if self.current.token == Token::Char(0) {
            return self.error_plain(msg);
        }
        let near = near_text(self.lex.source(), &self.current);
        syntax_error(self.lex.chunk_name(), self.line(), msg, Some(&near))
    }

    /// An error with a position but no "near" part (lua5.4's `luaK_semerror`).
    #[cold]
    #[inline(never)]
    fn error_plain(&self, msg: &str) -> SyntaxError {
        syntax_error(self.lex.chunk_name(), self.line(), msg, None)
    }

    #[cold]
    #[inline(never)]
    fn error_expected(&self, token: &Token) -> SyntaxError {
        self.error(&format!("{} expected", token_name(token)))
    }

    /// Enters a syntactic level where lua5.4 enters a C level.
    fn enter_level(&mut self) -> Result<()> {
        self.level += 1;
        if self.level + C_LEVELS_IN_USE >= MAX_C_CALLS {
            return Err(nesting_error());
        }
        Ok(())
    }

    fn leave_level(&mut self) {
        self.level -= 1;
    }
}

#[cold]
#[inline(never)]
fn nesting_error() -> SyntaxError {
    SyntaxError {
        message: NESTING_MESSAGE.to_owned(),
    }
}

#[cfg(test)]
mod tests;
