//! Threads (coroutines): a value stack, call frames, the open upvalues into that stack and the
//! pending to-be-closed variables.
//!
//! A thread does not run itself: an executor (`vm::executor`) drives a stack of threads. This
//! module owns the data and the small operations on it (creating a thread, finding or closing
//! open upvalues).

use gc_arena::{
    lock::{Lock, RefLock},
    Collect, Gc, Mutation,
};

use crate::frame::Frame;
use crate::function::{UpValue, UpValueState};
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
    /// Active calls, innermost last.
    pub frames: Vec<Frame<'gc>>,
    /// Open upvalues sorted by stack index (ascending); each points into `stack`.
    pub open_upvalues: Vec<(usize, UpValue<'gc>)>,
    /// Stack indices of live to-be-closed variables, ascending.
    pub tbc: Vec<usize>,
    /// Where this thread is in its life.
    #[collect(require_static)]
    pub status: ThreadStatus,
    /// The error that killed the thread, kept for `coroutine.close`.
    pub error: Option<Value<'gc>>,
    /// Extra stack slots allowed beyond the normal cap while a message handler runs (so the
    /// handler of a stack overflow has room, as 5.4's error zone gives it).
    pub error_zone: usize,
    /// The debug hook (`debug.sethook`), if any: the executor steps hooked threads.
    pub hook: Option<Box<crate::hook::Hook<'gc>>>,
}

/// The status `coroutine.status` reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ThreadStatus {
    /// Created or yielded, can be resumed.
    #[default]
    Suspended,
    /// Currently running.
    Running,
    /// Active but not running (it resumed another coroutine).
    Normal,
    /// Finished or stopped by an error.
    Dead,
}

impl<'gc> Thread<'gc> {
    /// A new suspended coroutine that will call `func` when first resumed.
    pub fn new(mc: &Mutation<'gc>, func: Value<'gc>) -> Thread<'gc> {
        Thread(Gc::new(
            mc,
            RefLock::new(ThreadState {
                stack: vec![func],
                ..ThreadState::default()
            }),
        ))
    }

    /// A thread with an empty stack, used as the bottom thread of an executor.
    pub fn new_main(mc: &Mutation<'gc>) -> Thread<'gc> {
        Thread(Gc::new(
            mc,
            RefLock::new(ThreadState {
                status: ThreadStatus::Running,
                ..ThreadState::default()
            }),
        ))
    }

    /// The status `coroutine.status` reports. A thread whose state is borrowed right now is
    /// the one running.
    pub fn status(self) -> ThreadStatus {
        match self.0.try_borrow() {
            Ok(ts) => ts.status,
            Err(_) => ThreadStatus::Running,
        }
    }

    /// Whether this is the same thread as `other`.
    #[inline]
    pub fn ptr_eq(self, other: Thread<'gc>) -> bool {
        Gc::ptr_eq(self.0, other.0)
    }
}

impl<'gc> ThreadState<'gc> {
    /// The upvalue for stack slot `index`, creating it if no closure captured it yet.
    pub fn find_upvalue(
        &mut self,
        mc: &Mutation<'gc>,
        thread: Thread<'gc>,
        index: usize,
    ) -> UpValue<'gc> {
        match self.open_upvalues.binary_search_by(|(i, _)| i.cmp(&index)) {
            Ok(at) => self.open_upvalues[at].1,
            Err(at) => {
                let uv = UpValue(Gc::new(mc, Lock::new(UpValueState::Open { thread, index })));
                self.open_upvalues.insert(at, (index, uv));
                uv
            }
        }
    }

    /// Closes every open upvalue at or above stack slot `level`: the value moves into the cell.
    #[inline]
    pub fn close_upvalues(&mut self, mc: &Mutation<'gc>, level: usize) {
        while let Some(&(index, uv)) = self.open_upvalues.last() {
            if index < level {
                break;
            }
            let v = self.stack.get(index).copied().unwrap_or(Value::Nil);
            uv.0.set(mc, UpValueState::Closed(v));
            self.open_upvalues.pop();
        }
    }
}
