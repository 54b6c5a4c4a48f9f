//! [`RuntimeLock`]: the lock around one runtime's state. The outermost entry of a thread holds
//! it for the whole operation (one atomic exchange to take, one to release); it is waited for
//! with the GIL released. A thread that already holds it (Python called from Lua calling
//! Lua again) gets `None` and uses the state its host function parked (`core.rs`).

use std::cell::Cell;
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, TryLockError};

use pyo3::Python;

use crate::unshared::Unshared;

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

/// A runtime's state behind its lock.
pub(crate) struct RuntimeLock<T> {
    data: Mutex<Unshared<T>>,
    /// The thread holding `data` (0: none). Written only by that thread while it holds the
    /// mutex, so a thread reading its own number here is the owner.
    owner: AtomicU64,
}

impl<T> RuntimeLock<T> {
    pub(crate) fn new(v: T) -> Self {
        RuntimeLock {
            data: Mutex::new(Unshared(v)),
            owner: AtomicU64::new(0),
        }
    }

    /// Locks the state for this thread, waiting with the GIL released if another thread
    /// holds it; `None` if this thread holds it already (a nested entry).
    pub(crate) fn lock(&self, py: Python<'_>) -> Option<Held<'_, T>> {
        let me = me();
        if self.owner.load(Ordering::Relaxed) == me {
            return None;
        }
        let guard = match self.data.try_lock() {
            Ok(g) => g,
            Err(TryLockError::Poisoned(e)) => e.into_inner(),
            Err(TryLockError::WouldBlock) => {
                // The guard comes back to the thread that locked it: `allow_threads` runs the
                // closure on the calling thread.
                py.allow_threads(|| Unshared(self.data.lock().unwrap_or_else(|e| e.into_inner())))
                    .into_inner()
            }
        };
        self.owner.store(me, Ordering::Relaxed);
        Some(Held {
            owner: &self.owner,
            guard,
        })
    }

    /// Whether the current thread holds the lock.
    pub(crate) fn held_here(&self) -> bool {
        self.owner.load(Ordering::Relaxed) == me()
    }
}

/// The locked state; unlocks when dropped.
pub(crate) struct Held<'a, T> {
    owner: &'a AtomicU64,
    guard: MutexGuard<'a, Unshared<T>>,
}

impl<T> Deref for Held<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.guard.0
    }
}

impl<T> DerefMut for Held<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.guard.0
    }
}

impl<T> Drop for Held<'_, T> {
    fn drop(&mut self) {
        // Before the mutex is released (the guard field drops after this).
        self.owner.store(0, Ordering::Relaxed);
    }
}
