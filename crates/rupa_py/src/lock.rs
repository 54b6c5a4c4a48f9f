//! [`RuntimeLock`]: one re-entrant lock per runtime, owned by a thread, waited for with the
//! GIL released. It guards no data itself: it decides which thread may use the runtime's state
//! (see `unshared.rs` for why that matters).
//!
//! Uncontended, taking and releasing it is one atomic operation each: the owner is an atomic
//! thread number, and the mutex and condvar are only used by threads that have to wait.

use std::cell::Cell;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

use pyo3::Python;

/// This thread's number for lock ownership (never 0, which means "no owner").
fn me() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    thread_local! {
        static ME: Cell<u64> = const { Cell::new(0) };
    }
    ME.with(|m| {
        if m.get() == 0 {
            m.set(NEXT.fetch_add(1, Ordering::Relaxed));
        }
        m.get()
    })
}

/// A re-entrant lock: the owning thread may take it again (Python called from Lua calling Lua).
#[derive(Default)]
pub(crate) struct RuntimeLock {
    /// The owning thread's number, 0 when free.
    owner: AtomicU64,
    /// How many times the owner holds it; only the owner reads or writes it.
    depth: AtomicUsize,
    /// Threads waiting for the lock (a release wakes one only if there is one).
    waiting: AtomicUsize,
    gate: Mutex<()>,
    freed: Condvar,
}

impl RuntimeLock {
    /// Takes the lock, waiting with the GIL released if another thread holds it.
    pub(crate) fn acquire(&self, py: Python<'_>) -> LockGuard<'_> {
        let me = me();
        if self.owner.load(Ordering::Relaxed) == me {
            self.depth.fetch_add(1, Ordering::Relaxed);
        } else if self
            .owner
            .compare_exchange(0, me, Ordering::SeqCst, Ordering::Relaxed)
            .is_err()
        {
            py.allow_threads(|| self.wait_for(me));
        }
        LockGuard { lock: self }
    }

    /// Blocks until the lock is ours (`depth` then 1).
    fn wait_for(&self, me: u64) {
        let mut gate = self.gate.lock().unwrap_or_else(|e| e.into_inner());
        self.waiting.fetch_add(1, Ordering::SeqCst);
        // A release between our failed attempt and this point saw `waiting` > 0 only after
        // we took `gate`, so its notification cannot be lost: it has to take `gate` first.
        while self
            .owner
            .compare_exchange(0, me, Ordering::SeqCst, Ordering::Relaxed)
            .is_err()
        {
            gate = self.freed.wait(gate).unwrap_or_else(|e| e.into_inner());
        }
        self.waiting.fetch_sub(1, Ordering::SeqCst);
    }

    /// Whether the current thread holds the lock.
    pub(crate) fn held_here(&self) -> bool {
        self.owner.load(Ordering::Relaxed) == me()
    }

    fn release(&self) {
        if self.depth.load(Ordering::Relaxed) > 0 {
            self.depth.fetch_sub(1, Ordering::Relaxed);
            return;
        }
        self.owner.store(0, Ordering::SeqCst);
        if self.waiting.load(Ordering::SeqCst) > 0 {
            let _gate = self.gate.lock().unwrap_or_else(|e| e.into_inner());
            self.freed.notify_one();
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
