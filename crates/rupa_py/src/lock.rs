//! [`RuntimeLock`]: the lock around one runtime's state. The outermost entry of a thread holds
//! it for the whole operation; it is waited for with the GIL released. A thread that already
//! holds it (Python called from Lua calling Lua again) gets `None` and uses the state its host
//! function parked (`core.rs`).
//!
//! Taking and releasing it happen with the GIL held (a `Python` token is needed to lock, and
//! the holder drops it before giving the GIL up for good), so its state is a `RefCell` that
//! the GIL guards (`GILProtected`): an uncontended crossing costs no atomic read-modify-write.
//! The holder may release the GIL while it holds the lock (Lua runs without it); a thread
//! that finds the lock taken sleeps on a condition variable, with the GIL released, until the
//! holder's release bumps the generation.

use std::cell::{Cell, RefCell, RefMut};
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

use pyo3::sync::GILProtected;
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
    data: GILProtected<RefCell<Unshared<T>>>,
    /// The thread holding `data` (0: none). Written only with the GIL held, by that thread.
    owner: AtomicU64,
    /// Threads waiting for the lock (only touched on contention).
    waiting: AtomicUsize,
    /// Releases so far, and the sleep of the waiters.
    released: Mutex<u64>,
    wake: Condvar,
}

impl<T> RuntimeLock<T> {
    pub(crate) fn new(v: T) -> Self {
        RuntimeLock {
            data: GILProtected::new(RefCell::new(Unshared(v))),
            owner: AtomicU64::new(0),
            waiting: AtomicUsize::new(0),
            released: Mutex::new(0),
            wake: Condvar::new(),
        }
    }

    /// Locks the state for this thread, waiting with the GIL released if another thread
    /// holds it; `None` if this thread holds it already (a nested entry).
    pub(crate) fn lock<'py>(&'py self, py: Python<'py>) -> Option<Held<'py, T>> {
        let me = me();
        if self.owner.load(Ordering::Relaxed) == me {
            return None;
        }
        let cell = self.data.get(py);
        loop {
            if let Ok(guard) = cell.try_borrow_mut() {
                self.owner.store(me, Ordering::Relaxed);
                return Some(Held { lock: self, guard });
            }
            // Taken by another thread, which runs with the GIL released: sleep until it
            // releases (the generation is read with the GIL held, so a release after this
            // point changes it).
            self.waiting.fetch_add(1, Ordering::SeqCst);
            let seen = *self.generation();
            py.allow_threads(|| {
                let mut g = self.generation();
                while *g == seen {
                    g = self.wake.wait(g).unwrap_or_else(|e| e.into_inner());
                }
            });
            self.waiting.fetch_sub(1, Ordering::SeqCst);
        }
    }

    fn generation(&self) -> std::sync::MutexGuard<'_, u64> {
        self.released.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether the current thread holds the lock.
    pub(crate) fn held_here(&self) -> bool {
        self.owner.load(Ordering::Relaxed) == me()
    }
}

/// The locked state; unlocks when dropped (with the GIL held, as it was taken).
pub(crate) struct Held<'a, T> {
    lock: &'a RuntimeLock<T>,
    guard: RefMut<'a, Unshared<T>>,
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
        // Before the borrow ends (the guard field drops after this); the waiters are woken
        // after it, below, so none of them can miss it.
        self.lock.owner.store(0, Ordering::Relaxed);
        if self.lock.waiting.load(Ordering::SeqCst) > 0 {
            *self.lock.generation() += 1;
            self.lock.wake.notify_all();
        }
    }
}
