//! [`RuntimeLock`]: one re-entrant lock per runtime, owned by a thread, waited for with the
//! GIL released. It guards no data itself: it decides which thread may use the runtime's state
//! (see `unshared.rs` for why that matters).

use std::sync::{Condvar, Mutex};
use std::thread::ThreadId;

use pyo3::Python;

#[derive(Default)]
struct Owner {
    thread: Option<ThreadId>,
    depth: usize,
    /// Threads waiting for the lock (a release wakes one only if there is one: a condvar
    /// notification is a system call).
    waiting: usize,
}

/// A re-entrant lock: the owning thread may take it again (Python called from Lua calling Lua).
#[derive(Default)]
pub(crate) struct RuntimeLock {
    owner: Mutex<Owner>,
    freed: Condvar,
}

impl RuntimeLock {
    /// Takes the lock, waiting with the GIL released if another thread holds it.
    pub(crate) fn acquire(&self, py: Python<'_>) -> LockGuard<'_> {
        let me = std::thread::current().id();
        if !self.try_take(me) {
            py.allow_threads(|| {
                let mut o = self.owner.lock().unwrap_or_else(|e| e.into_inner());
                o.waiting += 1;
                while o.thread.is_some_and(|t| t != me) {
                    o = self.freed.wait(o).unwrap_or_else(|e| e.into_inner());
                }
                o.waiting -= 1;
                o.thread = Some(me);
                o.depth += 1;
            });
        }
        LockGuard { lock: self }
    }

    /// Takes the lock if it is free or already ours.
    fn try_take(&self, me: ThreadId) -> bool {
        let mut o = self.owner.lock().unwrap_or_else(|e| e.into_inner());
        if o.thread.is_some_and(|t| t != me) {
            return false;
        }
        o.thread = Some(me);
        o.depth += 1;
        true
    }

    /// Whether the current thread holds the lock.
    pub(crate) fn held_here(&self) -> bool {
        let o = self.owner.lock().unwrap_or_else(|e| e.into_inner());
        o.thread == Some(std::thread::current().id())
    }

    fn release(&self) {
        let mut o = self.owner.lock().unwrap_or_else(|e| e.into_inner());
        o.depth = o.depth.saturating_sub(1);
        if o.depth == 0 {
            o.thread = None;
            if o.waiting > 0 {
                self.freed.notify_one();
            }
        }
    }
}

/// Releases one level of the lock when dropped.
pub(crate) struct LockGuard<'a> {
    lock: &'a RuntimeLock,
}

impl Drop for LockGuard<'_> {
    fn drop(&mut self) {
        self.lock.release();
    }
}
