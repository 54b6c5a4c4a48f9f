//! Threads (coroutines): a value stack, call frames and the open upvalues into that stack.

use gc_arena::{lock::RefLock, Collect, Gc};

use crate::value::Value;

/// A Lua thread (coroutine) value.
#[derive(Collect, Clone, Copy, Debug)]
#[collect(no_drop)]
pub struct Thread<'gc>(pub Gc<'gc, RefLock<ThreadState<'gc>>>);

/// The mutable state of a thread.
#[derive(Collect, Debug, Default)]
#[collect(no_drop)]
pub struct ThreadState<'gc> {
    /// The value stack: registers of every active frame.
    pub stack: Vec<Value<'gc>>,
}

/// The status `coroutine.status` reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThreadStatus {
    /// Created or yielded, can be resumed.
    Suspended,
    /// Currently running.
    Running,
    /// Active but not running (it resumed another coroutine).
    Normal,
    /// Finished or stopped by an error.
    Dead,
}
