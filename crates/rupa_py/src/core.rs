//! [`Core`]: one runtime's shared state — the Lua state, the bridge's root in it, the lock,
//! and the moves that let Python code called from Lua use the same state (nested).
//!
//! How nesting works without a borrow across the Python call: a host function gets the state
//! as `&mut Lua`; before running Python it swaps that state with a spare empty `Lua` (one
//! pointer each) and parks the real one on the runtime's stack of parked states, where a
//! nested call finds it; afterwards it swaps back. Only the thread holding the runtime lock
//! parks or nests, and always with the GIL held, so the stack is guarded by the GIL: no
//! atomic operation and no thread-local lookup per crossing.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use pyo3::prelude::*;
use pyo3::sync::GILProtected;
use rupa_vm::lua::{CallValues, Lua, LuaErrorReport};
use rupa_vm::{Context, Value};

use crate::errors;
use crate::host::HostShared;
use crate::lock::RuntimeLock;
use crate::pyobject::DeadKeys;
use crate::roots::Roots;
use crate::unshared::Unshared;

/// The Python objects Lua holds: key (address and protocol) -> object and userdata count.
pub(crate) type PyRefs = HashMap<i64, (Py<PyAny>, usize), BuildHasherDefault<KeyHasher>>;

/// Hashes `PyRefs` keys, which are addresses: one multiplication spreads them well, where
/// the default SipHash costs more than the whole lookup.
#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }

    fn write_i64(&mut self, i: i64) {
        self.0 = (i as u64 ^ (i as u64 >> 29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// The collector's debt (bytes) an entry from Python pays before it returns (see
/// `Core::with_state`); a smaller one waits for the next entry or call.
const ENTRY_DEBT: usize = 64 * 1024;

/// The part of a runtime only the lock owner may touch.
pub(crate) struct VmState {
    /// The Lua state (one pointer: parking it moves a pointer).
    lua: Lua,
    /// The bridge's values in the state; `None` until the runtime is initialised.
    roots: Option<Roots>,
    /// What the host functions share; released at the end of each outermost entry.
    host: Option<Rc<HostShared>>,
}

/// A runtime's parking (see the module header): the states parked by host functions while
/// Python code runs, innermost last (`None` while a nested call is using it), and empty
/// states to swap in.
#[derive(Default)]
struct Parking {
    stack: Vec<Option<Lua>>,
    spares: Vec<Lua>,
}

/// One runtime, shared by the `Runtime` object, its wrappers and its host functions.
pub(crate) struct Core {
    state: RuntimeLock<VmState>,
    /// The states parked by this runtime's host functions; lock owner only.
    parking: GILProtected<RefCell<Unshared<Parking>>>,
    /// The bridge root for nested entries (which cannot reach `VmState`); lock owner only.
    nested_roots: Mutex<Unshared<Option<Roots>>>,
    /// Slot ids of wrappers dropped on any thread, freed by the next lock owner.
    dropped: Mutex<Vec<usize>>,
    /// Whether `dropped` may be non-empty (checked without its mutex on every entry).
    any_dropped: AtomicBool,
    /// Whether a memory cap was ever set (only then is the state checked for being above it).
    pub(crate) capped: AtomicBool,
    /// Keys of Python objects whose userdata were collected (see `pyobject::DeadKeys`).
    pub(crate) dead: Arc<DeadKeys>,
    /// Whether an overflow handler is set (read while converting, outside the arena).
    pub(crate) has_overflow: AtomicBool,
    /// The Python side of the bridge (`rupa._bridge.Bridge`): protocol callbacks and settings.
    pub(crate) bridge: Py<PyAny>,
    /// The Python objects Lua holds, by identity-and-protocol key, with the number of live
    /// userdata for each. Userdata hold only the key, so the runtime holds the one reference
    /// to each object and can show it to Python's cycle collector (`Runtime.__traverse__`).
    pub(crate) pyrefs: Mutex<PyRefs>,
    /// The object Lua last used, found again without `pyrefs` (see `LastSeen`).
    pub(crate) last_seen: crate::pyobject::LastSeen,
    /// Text encoding of Lua strings; `None` keeps them as `bytes`.
    pub(crate) encoding: Option<String>,
    /// Whether `encoding` is UTF-8 (decoded natively).
    pub(crate) utf8: bool,
    /// Encoding of Lua source and of attribute names.
    pub(crate) source_encoding: String,
    /// Whether `source_encoding` is UTF-8 (encoded natively).
    pub(crate) source_utf8: bool,
    /// Return Python tuples to Lua as several values.
    pub(crate) unpack_tuples: bool,
    /// No attribute filter or handlers: Lua indexes Python objects natively.
    pub(crate) plain_index: bool,
    /// Advanced whenever Python code may have run since Lua last did (every entry and every
    /// host call): values Lua read ahead from Python are valid within one epoch
    /// (`seqiter.rs`). Written by the lock owner only.
    pub(crate) epoch: Arc<AtomicU64>,
}

impl Core {
    pub(crate) fn new(
        lua: Lua,
        bridge: Py<PyAny>,
        encoding: Option<String>,
        source_encoding: String,
        unpack_tuples: bool,
        plain_index: bool,
    ) -> Core {
        Core {
            state: RuntimeLock::new(VmState {
                lua,
                roots: None,
                host: None,
            }),
            parking: GILProtected::new(RefCell::new(Unshared(Parking::default()))),
            nested_roots: Mutex::new(Unshared(None)),
            dropped: Mutex::new(Vec::new()),
            any_dropped: AtomicBool::new(false),
            capped: AtomicBool::new(false),
            has_overflow: AtomicBool::new(false),
            dead: Arc::new(DeadKeys::default()),
            bridge,
            pyrefs: Mutex::new(PyRefs::default()),
            last_seen: crate::pyobject::LastSeen::new(),
            utf8: encoding.as_deref().is_some_and(is_utf8),
            source_utf8: is_utf8(&source_encoding),
            encoding,
            source_encoding,
            unpack_tuples,
            plain_index,
            epoch: Arc::default(),
        }
    }

    /// Starts a new epoch (see `Core::epoch`).
    pub(crate) fn touch(&self) {
        // Only the lock owner writes: a load and a store, not a locked add.
        let e = self.epoch.load(Ordering::Relaxed);
        self.epoch.store(e.wrapping_add(1), Ordering::Relaxed);
    }

    fn nested_roots(&self) -> MutexGuard<'_, Unshared<Option<Roots>>> {
        self.nested_roots.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Makes the runtime usable: its bridge root is known.
    pub(crate) fn set_roots(&self, py: Python<'_>, roots: Roots, host: Rc<HostShared>) {
        self.nested_roots().0 = Some(roots.clone());
        host.set_roots(roots.clone());
        if let Some(mut st) = self.state.lock(py) {
            st.roots = Some(roots);
            st.host = Some(host);
        }
    }

    /// Runs `f` on the Lua state under the runtime lock (nested if this thread is already
    /// running Lua on it).
    pub(crate) fn with_lua<R>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&mut Lua, &Roots) -> PyResult<R>,
    ) -> PyResult<R> {
        self.with_state(py, |lua, roots| match roots {
            Some(roots) => f(lua, roots),
            None => Err(errors::lua_error(
                py,
                "the runtime is not initialised".to_string(),
            )),
        })
    }

    /// [`Core::with_lua`], also before the bridge's root exists (initialisation).
    pub(crate) fn with_state<R>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&mut Lua, Option<&Roots>) -> PyResult<R>,
    ) -> PyResult<R> {
        let Some(mut st) = self.state.lock(py) else {
            self.touch();
            return self.nested(py, f);
        };
        self.touch();
        let VmState { lua, roots, host } = &mut *st;
        if let Some(roots) = roots.as_ref() {
            // A plain load first: the swap is an atomic write, paid on every entry otherwise.
            if self.any_dropped.load(Ordering::Relaxed)
                && self.any_dropped.swap(false, Ordering::Acquire)
            {
                let dropped =
                    std::mem::take(&mut *self.dropped.lock().unwrap_or_else(|e| e.into_inner()));
                lua.enter(|ctx| {
                    let root = roots.get(ctx);
                    for id in dropped {
                        root.release(ctx, id);
                    }
                });
            }
        }
        if let Some(keys) = self.dead.take() {
            crate::pyobject::release(self, py, lua, keys);
        }
        // lua5.4 collects garbage when an allocation would fail; the VM does not yet, so a
        // runtime left above its cap (after `set_max_memory` lowered it) collects first.
        if self.capped.load(Ordering::Relaxed)
            && lua.memory_limit().is_some_and(|l| lua.memory_used() > l)
        {
            lua.collect_full();
        }
        let initialising = roots.is_none();
        let used = lua.memory_used();
        let r = f(lua, roots.as_ref());
        // What Python made in the arena (tables from `table_from`, values set from Python) is
        // paid for here, as lua5.4 steps its collector on allocation: a loop that only builds
        // tables would otherwise grow without bound until Lua code next runs. Not after the
        // initialisation: its debt is everything just built, all of it live. An entry that
        // left the heap no bigger owes nothing new (the last outermost entry settled what was
        // owed before it), and reading the debt costs more than reading the heap size.
        if !initialising && lua.memory_used() > used {
            lua.collect_debt(ENTRY_DEBT);
        }
        // Objects whose userdata Lua collected during the call are released before the lock
        // is: `collectgarbage()` from Python has the effect lupa's has.
        if let Some(keys) = self.dead.take() {
            crate::pyobject::release(self, py, lua, keys);
        }
        if let Some(host) = host {
            host.end_entry();
        }
        drop(self.last_seen.forget(py, None));
        r
    }

    /// An entry on the thread already running Lua on this runtime: it uses the state a host
    /// function parked (none is parked while the outer entry converts values: busy then).
    fn nested<R>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&mut Lua, Option<&Roots>) -> PyResult<R>,
    ) -> PyResult<R> {
        let parking = self.parking.get(py);
        // The innermost parked state; none (busy) if it is in use.
        let (depth, lua) = {
            let mut p = parking.borrow_mut();
            let depth = p.0.stack.len().wrapping_sub(1);
            (depth, p.0.stack.last_mut().and_then(Option::take))
        };
        let Some(mut lua) = lua else {
            return Err(pyo3::exceptions::PyRuntimeError::new_err(
                "the Lua runtime is busy in this thread",
            ));
        };
        let roots = self.nested_roots().0.clone();
        let r = f(&mut lua, roots.as_ref());
        match parking.borrow_mut().0.stack.get_mut(depth) {
            Some(slot @ None) => *slot = Some(lua),
            _ => errors::bug("the parking stack changed under a nested call"),
        }
        r
    }

    /// The table of Python objects held by Lua.
    pub(crate) fn refs(&self) -> MutexGuard<'_, PyRefs> {
        self.pyrefs.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether this thread holds the runtime lock.
    pub(crate) fn held_here(&self) -> bool {
        self.state.held_here()
    }

    /// Queues slot `id` for release; safe from any thread, with or without the lock.
    pub(crate) fn forget(&self, id: usize) {
        self.dropped
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(id);
        self.any_dropped.store(true, Ordering::Release);
    }

    /// Calls a function to completion with the GIL released while Lua runs: `push` writes the
    /// function and its arguments (inside the arena, GIL held), `ok` reads the results
    /// (likewise). A short call is one arena entry (`Lua::call_detached`).
    pub(crate) fn call_with<E, R>(
        py: Python<'_>,
        lua: &mut Lua,
        push: impl for<'gc> FnOnce(Context<'gc>, &mut CallValues<'gc>) -> Result<(), E>,
        ok: impl for<'gc> FnOnce(Context<'gc>, &[Value<'gc>]) -> R,
    ) -> Result<Result<R, LuaErrorReport>, E> {
        lua.call_detached(
            push,
            |run| {
                // `allow_threads` runs the closure on this thread, which holds the lock.
                let carrier = Unshared(run);
                py.allow_threads(move || (carrier.into_inner())());
            },
            ok,
        )
    }

    /// Runs Python code `f` from inside a host function whose state is `lua`: the state is
    /// parked where nested calls find it, and put back afterwards.
    pub(crate) fn run_python<R>(&self, py: Python<'_>, lua: &mut Lua, f: impl FnOnce() -> R) -> R {
        let parking = self.parking.get(py);
        {
            let mut p = parking.borrow_mut();
            let mut parked = p.0.spares.pop().unwrap_or_default();
            std::mem::swap(lua, &mut parked);
            p.0.stack.push(Some(parked));
        }
        let r = f();
        let mut p = parking.borrow_mut();
        match p.0.stack.pop() {
            Some(Some(mut parked)) => {
                std::mem::swap(lua, &mut parked);
                p.0.spares.push(parked);
            }
            _ => errors::bug("a nested call did not return the Lua state"),
        }
        r
    }
}

/// Whether `enc` names UTF-8 (as Python's codec registry spells it).
pub(crate) fn is_utf8(enc: &str) -> bool {
    matches!(
        enc.to_ascii_lowercase().as_str(),
        "utf-8" | "utf8" | "u8" | "utf_8" | "utf" | "cp65001"
    )
}
