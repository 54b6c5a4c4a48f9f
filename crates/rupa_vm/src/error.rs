//! Runtime errors as they travel through the VM.

use gc_arena::Collect;

use crate::value::Value;

/// An error raised while running Lua.
#[derive(Collect, Clone, Debug)]
#[collect(no_drop)]
pub enum RuntimeError<'gc> {
    /// A message produced by the VM or a native function. When it is raised the interpreter
    /// prefixes it with the position of the innermost Lua frame (`chunk:line: `), as
    /// `luaG_runerror`/`luaL_error` do.
    Message(#[collect(require_static)] String),
    /// A message that already carries its position (or must not get one).
    Plain(#[collect(require_static)] String),
    /// An error value raised by `error(v)` or propagated from a callee: travels unchanged.
    Value(Value<'gc>),
    /// `error(v, level)`: when `v` is a string, the interpreter prefixes the position of the
    /// function at `level` (1 = the caller of the native that raised it), as `luaL_where` does;
    /// level 0 or a non-string value travels unchanged.
    AtLevel { value: Value<'gc>, level: usize },
    /// A bad argument to a native function. The interpreter renders it as lua5.4 does, with
    /// the function's name from the call site: "bad argument #1 to 'insert' (table expected,
    /// got nil)", or "calling 'xyz' on bad self" for method calls. `index` is 1-based.
    BadArgument { index: usize, message: String },
    /// Out of memory under the runtime's cap: Lua's "not enough memory".
    OutOfMemory,
}

impl<'gc> RuntimeError<'gc> {
    /// A message error that will get the current position.
    pub fn msg(s: impl Into<String>) -> Self {
        RuntimeError::Message(s.into())
    }
}

/// A syntax (or compile-time semantic) error: the complete message as lua5.4 words it,
/// position included, e.g. `[string "x = = 1"]:1: unexpected symbol near '='`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SyntaxError {}
