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
mod recover;
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
///
/// The error is the one lua5.4 reports first: lua5.4 compiles while it parses, so a compile
/// error (a limit, a `goto`, a constant assignment) before a syntax error wins over it; see
/// `recover`.
pub fn parse(source: &[u8], chunk_name: &str) -> std::result::Result<Chunk, SyntaxError> {
    let mut parser = Parser::new(source, chunk_name, None)?;
    match parser.chunk(source) {
        Ok(chunk) => Ok(chunk),
        Err(error) => {
            let failure = parser.failure();
            Err(recover::earliest_error(source, chunk_name, error, failure))
        }
    }
}

/// Where a parse failed: the offset lua5.4's parser stood at when it raised the error.
#[derive(Clone, Copy, Debug)]
struct Failure {
    /// Byte offset: the current token's start, or for a lexical error the end of the last
    /// token read (the bad token was never current).
    pos: usize,
    /// A lexical error: lua5.4 raised it while moving past the token before `pos`, so what
    /// it would have done at `pos` did not happen.
    lexical: bool,
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
    /// Recovery mode: the offset where a first parse failed. Tokens from there on read as
    /// `<eof>`, and what was expected there is taken as present (see [`recover`]).
    stop: Option<usize>,
    /// In recovery mode, something expected at the stop was taken as present: positions from
    /// here on lie beyond the failure.
    past_stop: bool,
    /// The last error came from the lexer.
    lexical_error: bool,
    /// In recovery mode, whether the real token at the stop ends a block (`<eof>` reads it
    /// as one in any case).
    stop_ends_block: bool,
}

type Result<T> = std::result::Result<T, SyntaxError>;

impl<'s> Parser<'s> {
    fn new(source: &'s [u8], chunk_name: &'s str, stop: Option<usize>) -> Result<Self> {
        let lex = Lexer::new(source, chunk_name);
        let placeholder = Lexeme {
            token: Token::Eof,
            start: 0,
            end: 0,
        };
        let mut parser = Parser {
            lex,
            current: placeholder,
            ahead: None,
            last_line: 1,
            level: 0,
            vararg: true,
            stop,
            past_stop: false,
            lexical_error: false,
            stop_ends_block: true,
        };
        parser.current = parser.next_lexeme()?;
        Ok(parser)
    }

    fn chunk(&mut self, source: &[u8]) -> Result<Chunk> {
        let block = self.block()?;
        self.check(&Token::Eof)?;
        // A truncated chunk never reaches its end.
        let eof = if self.stop.is_some() {
            TokPos::MAX
        } else {
            self.pos()
        };
        Ok(Chunk {
            block,
            end_line: self.last_line,
            eof,
            source: source.into(),
        })
    }

    /// Where the last parse failed.
    fn failure(&self) -> Failure {
        Failure {
            pos: if self.lexical_error {
                self.current.end
            } else {
                self.current.start
            },
            lexical: self.lexical_error,
        }
    }

    /// The position of the current token.
    fn pos(&self) -> TokPos {
        if self.past_stop {
            return TokPos::MAX;
        }
        // Sources past 4 GiB cannot be loaded (strings are smaller): saturating is enough.
        TokPos::try_from(self.current.start).unwrap_or(TokPos::MAX)
    }

    /// The next token from the lexer; in recovery mode `<eof>` from the stop on.
    fn next_lexeme(&mut self) -> Result<Lexeme> {
        if let Some(stop) = self.stop {
            if self.lex.offset() >= stop {
                return Ok(stop_lexeme(stop));
            }
        }
        match self.lex.next_token() {
            Ok(lexeme) => match self.stop {
                Some(stop) if lexeme.start >= stop => {
                    self.stop_ends_block = matches!(
                        lexeme.token,
                        Token::Else | Token::Elseif | Token::End | Token::Eof
                    );
                    Ok(stop_lexeme(stop))
                }
                _ => Ok(lexeme),
            },
            Err(error) => {
                self.lexical_error = true;
                Err(error)
            }
        }
    }

    /// Whether a recovery parse is at its stop.
    fn is_stop(&self) -> bool {
        self.stop.is_some_and(|stop| self.current.start >= stop)
    }

    /// In recovery mode, at the stop: takes what was expected as present.
    fn at_stop(&mut self) -> bool {
        let at_stop = self.is_stop();
        if at_stop {
            self.past_stop = true;
        }
        at_stop
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
            None => self.next_lexeme()?,
        };
        Ok(())
    }

    /// The token after the current one.
    fn peek_ahead(&mut self) -> Result<&Token> {
        if self.ahead.is_none() {
            self.ahead = Some(self.next_lexeme()?);
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
    fn check(&mut self, token: &Token) -> Result<()> {
        if self.is(token) || self.at_stop() {
            Ok(())
        } else {
            Err(self.error_expected(token))
        }
    }

    /// Consumes `token` or fails with "X expected".
    fn check_next(&mut self, token: &Token) -> Result<()> {
        if self.is(token) {
            return self.advance();
        }
        self.check(token)
    }

    /// Consumes the closing `what` of a construct opened by `who` at line `line`.
    fn check_match(&mut self, what: &Token, who: &Token, line: u32) -> Result<()> {
        if self.test_next(what)? || self.at_stop() {
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
        } else if self.at_stop() {
            Ok(String::new())
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
        // A recovery parse goes one level deeper than the parse that failed, at most.
        if self.level + C_LEVELS_IN_USE >= MAX_C_CALLS && self.stop.is_none() {
            return Err(nesting_error());
        }
        Ok(())
    }

    fn leave_level(&mut self) {
        self.level -= 1;
    }
}

/// The `<eof>` a recovery parse reads at its stop.
fn stop_lexeme(stop: usize) -> Lexeme {
    Lexeme {
        token: Token::Eof,
        start: stop,
        end: stop,
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
