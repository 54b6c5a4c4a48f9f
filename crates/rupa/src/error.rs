//! Errors a host sees: load errors, Lua runtime errors, limits.

use crate::value::Handle;

/// Why a load or a call failed.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Error {
    /// The chunk did not compile: the full message, position included, as lua5.4 words it.
    Syntax(String),
    /// A Lua error ended the call.
    Runtime {
        /// The message as `lua5.4` prints it (non-string error values are described).
        message: String,
        /// lua5.4's "stack traceback:" text from where the error was raised, when known.
        traceback: Option<String>,
        /// The error value itself (any Lua value).
        value: Option<Handle>,
    },
    /// The memory cap was reached ("not enough memory"); the runtime stays usable.
    Memory,
    /// The instruction budget given to the call ran out before it finished.
    OutOfFuel,
    /// The call was stopped through an [`crate::InterruptHandle`].
    Interrupted,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Syntax(m) => f.write_str(m),
            Error::Runtime { message, .. } => f.write_str(message),
            Error::Memory => f.write_str("not enough memory"),
            Error::OutOfFuel => f.write_str("instruction limit reached"),
            Error::Interrupted => f.write_str("interrupted"),
        }
    }
}

impl std::error::Error for Error {}
