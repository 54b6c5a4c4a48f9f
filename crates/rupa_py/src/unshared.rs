//! [`Unshared`]: the one place this crate vouches for thread safety by hand.
//!
//! A Lua state (`rupa_vm::lua::Lua`) and the handles into it (`StashedValue`) hold `Rc`s, so
//! Rust will not let them cross threads. A `LuaRuntime` is usable from any Python thread, so its
//! state has to move between threads, and it may do so only under the runtime lock
//! ([`crate::lock::RuntimeLock`]). This module owns that promise and nothing else.

/// A value that may move to another thread because every access to it, and to every `Rc` it
/// shares, happens while the owning runtime's lock is held by the accessing thread.
pub(crate) struct Unshared<T>(pub(crate) T);

// SAFETY: `Unshared` wraps only a runtime's Lua state, the bridge's handles into it and values
// taken out of them for one call. The `Rc`s inside (gc-arena
// roots, host closures) are shared only among these values, all of which belong to one
// runtime; they are created, cloned, dropped and read only by the thread that holds that
// runtime's `RuntimeLock` (every path into `Core` takes the lock first, or is the owner's own
// nested entry; wrappers dropped on other threads only queue an integer slot id, drained under
// the lock). So no two threads ever touch the same `Rc` count at once: moving the values
// between threads is sound, sharing `&T` is never done.
#[expect(
    unsafe_code,
    reason = "the Lua state moves between threads under the runtime lock"
)]
unsafe impl<T> Send for Unshared<T> {}

impl<T> Unshared<T> {
    /// The value (taking the wrapper whole, so closures capture all of it, not its fields).
    pub(crate) fn into_inner(self) -> T {
        self.0
    }
}
