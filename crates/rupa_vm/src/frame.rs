//! Call frames: what the interpreter keeps per active call, and what it must do with a call's
//! results when the call returns ([`ReturnTo`]). Keeping the "what next" in the callee's frame
//! is what makes metamethods, iterators and native continuations stackless.

use gc_arena::Collect;

use crate::function::{Closure, Function};
use crate::native::Continuation;
use crate::opcode::Reg;
use crate::value::Value;

/// An active call.
#[derive(Collect, Debug, Clone, Copy)]
#[collect(no_drop)]
pub enum Frame<'gc> {
    /// A Lua function running bytecode.
    Lua(LuaFrame<'gc>),
    /// A native function waiting for a call it asked for (its continuation runs afterwards).
    Native(NativeFrame<'gc>),
    /// Error unwinding paused to run `__close` metamethods; resumes when they are done.
    CloseUnwind(UnwindFrame<'gc>),
}

/// A Lua call.
#[derive(Collect, Debug, Clone, Copy)]
#[collect(no_drop)]
pub struct LuaFrame<'gc> {
    /// Always a Lua closure.
    pub func: Closure<'gc>,
    /// Stack index of register 0.
    pub base: usize,
    /// `base` plus the prototype's frame size: the stack length while this frame runs.
    pub top: usize,
    /// Stack index where results go (the called value's slot).
    pub func_slot: usize,
    /// Index of the next instruction.
    pub pc: usize,
    /// Number of extra arguments stored just below `base`.
    pub n_varargs: usize,
    #[collect(require_static)]
    pub ret: ReturnTo,
    /// Calls made "from C" (metamethods, natives) below and including this one.
    pub c_depth: u16,
    /// Entered by a tail call: the caller's call site does not name it (`istailcall`, and
    /// "(...tail calls...)" in tracebacks).
    pub tail: bool,
}

/// A native call suspended while a call it requested runs.
#[derive(Collect, Clone, Copy)]
#[collect(no_drop)]
pub struct NativeFrame<'gc> {
    pub func: Function<'gc>,
    /// Start of the native's argument/result window.
    pub base: usize,
    /// `None` only for a `Yield` without continuation: resuming returns the resume values.
    pub cont: Option<Continuation<'gc>>,
    /// Errors below this frame are caught and given to the continuation.
    pub protected: bool,
    /// `xpcall`'s message handler.
    pub handler: Option<Value<'gc>>,
    /// A yield below this frame may suspend it (false for `lua_call`-like calls).
    pub yieldable: bool,
    #[collect(require_static)]
    pub ret: ReturnTo,
    pub c_depth: u16,
}

/// Unwinding an error down to `target` frames, closing pending to-be-closed variables first.
#[derive(Collect, Debug, Clone, Copy)]
#[collect(no_drop)]
pub struct UnwindFrame<'gc> {
    pub error: Value<'gc>,
    /// Stack level: to-be-closed variables at or above it are closed.
    pub level: usize,
    pub c_depth: u16,
}

/// What the interpreter does with a call's results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReturnTo {
    /// A `Call`/`TForCall` of a Lua frame: results to the called value's slot, `wanted` of them
    /// (padded with nil), or all of them with `wanted == MULTI` (setting top).
    Call { wanted: u8 },
    /// A metamethod whose first result goes to register `reg` of the calling Lua frame.
    Store { reg: Reg },
    /// A comparison metamethod: skip the following jump when `truthy(result) != k`.
    Compare { k: bool },
    /// Results are dropped (`__newindex`, `__close` while unwinding).
    Discard,
    /// Results are dropped and the calling Lua frame re-executes its current instruction
    /// (`__close` from `Return`/`Close`, which then closes the next variable).
    Reexecute,
    /// A `__concat` result goes to stack slot `slot`; the concatenation of `first..=slot`
    /// then continues.
    Concat { slot: usize, first: usize },
    /// Back into a native frame: results become its window, then its continuation runs.
    Native,
    /// The thread's first call: returning ends the thread.
    Bottom,
    /// An xpcall message handler: its first result becomes the error being unwound.
    Handler,
}

impl ReturnTo {
    /// `Call::wanted` meaning "all results".
    pub const MULTI: u8 = u8::MAX;
}

impl<'gc> Frame<'gc> {
    /// How deep in "C calls" this frame is.
    pub fn c_depth(&self) -> u16 {
        match self {
            Frame::Lua(f) => f.c_depth,
            Frame::Native(f) => f.c_depth,
            Frame::CloseUnwind(f) => f.c_depth,
        }
    }
}

impl std::fmt::Debug for NativeFrame<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "NativeFrame(base {}, protected {})",
            self.base, self.protected
        )
    }
}
