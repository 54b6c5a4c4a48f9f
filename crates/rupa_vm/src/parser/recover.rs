//! The earliest error of a chunk with a syntax error.
//!
//! lua5.4 compiles while it parses, so a compile error (too many locals or registers, a
//! `goto` with no label, an assignment to a `<const>`) raised before the parser reaches a
//! syntax error is the error it reports. rupa compiles a finished tree, so when parsing fails
//! at some token, the chunk is parsed again with that token read as `<eof>` and everything
//! still expected there taken as present: the tree of what lua5.4 had seen. Compiling it tells
//! whether a compile error comes first. The compiler knows, for each error, the token lua5.4
//! would be looking at when raising it (see [`crate::ast::TokPos`]); positions the truncated
//! tree invents lie past the failure, so errors found only there do not count.

use super::{Failure, Parser};
use crate::error::SyntaxError;

/// The error lua5.4 reports for a chunk whose parse failed with `error` at `failure`.
pub(super) fn earliest_error(
    source: &[u8],
    chunk_name: &str,
    error: SyntaxError,
    failure: Failure,
) -> SyntaxError {
    // The recovery parse follows the failed one up to the stop, so it does not fail; if it
    // did, the syntax error stands.
    let Ok(mut parser) = Parser::new(source, chunk_name, Some(failure.pos)) else {
        return error;
    };
    let Ok(chunk) = parser.chunk(source) else {
        return error;
    };
    match crate::compiler::first_error(&chunk, chunk_name) {
        Some((compile_error, at)) => {
            let at = usize::try_from(at).unwrap_or(usize::MAX);
            // A lexical error is raised on the way to the token at `pos`: nothing lua5.4
            // does while looking at that token happens.
            let first = if failure.lexical {
                at < failure.pos
            } else {
                at <= failure.pos
            };
            if first {
                compile_error
            } else {
                error
            }
        }
        None => error,
    }
}
