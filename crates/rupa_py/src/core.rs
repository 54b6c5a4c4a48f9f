//! [`Core`]: one runtime's shared state — the Lua state, the slots that back Python wrappers,
//! the lock, and the moves that let Python code called from Lua use the same state (nested).
//!
//! How nesting works without a borrow across the Python call: a host function gets the state
//! as `&mut Lua`; before running Python it swaps that state with a spare empty `Lua` and parks
//! the real one in `VmState::lua`, where a nested call finds it; afterwards it swaps back.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

use pyo3::prelude::*;
use rupa_vm::lua::{ExecuteStatus, Lua, LuaErrorReport, StashedValue};

use crate::errors;
use crate::lock::RuntimeLock;
use crate::unshared::Unshared;

/// The part of a runtime only the lock owner may touch.
pub(crate) struct VmState {
    /// The Lua state, `None` while a call runs on it.
    pub(crate) lua: Option<Lua>,
    /// Empty states swapped in while Python code runs inside a host function.
    spares: Vec<Lua>,
    /// Values held by Python wrappers, by slot id.
    slots: Vec<Option<StashedValue>>,
    free: Vec<usize>,
    /// Handler for Python integers that do not fit a Lua integer (a Lua value, nil if none).
    pub(crate) overflow: Option<StashedValue>,
    /// The metatable of Python objects in Lua.
    pub(crate) meta: Option<StashedValue>,
    /// Weak-valued cache: object identity and protocol -> its userdata.
    pub(crate) cache: Option<StashedValue>,
    /// Lua helpers the wrappers call (`t[k]`, `#o`, iteration, coroutines): a table.
    pub(crate) helpers: Option<StashedValue>,
}

/// One runtime, shared by the `Runtime` object, its wrappers and its host functions.
pub(crate) struct Core {
    lock: RuntimeLock,
    state: Mutex<Unshared<VmState>>,
    /// Slot ids of wrappers dropped on any thread, freed by the next lock owner.
    dropped: Mutex<Vec<usize>>,
    /// The Python side of the bridge (`rupa._bridge.Bridge`): protocol callbacks and settings.
    pub(crate) bridge: Py<PyAny>,
    /// The Python objects Lua holds, by identity-and-protocol key, with the number of live
    /// userdata for each. Userdata hold only the key, so the runtime holds the one reference
    /// to each object and can show it to Python's cycle collector (`Runtime.__traverse__`).
    pub(crate) pyrefs: Mutex<HashMap<i64, (Py<PyAny>, usize)>>,
    /// Text encoding of Lua strings; `None` keeps them as `bytes`.
    pub(crate) encoding: Option<String>,
}

impl Core {
    pub(crate) fn new(lua: Lua, bridge: Py<PyAny>, encoding: Option<String>) -> Core {
        Core {
            lock: RuntimeLock::default(),
            state: Mutex::new(Unshared(VmState {
                lua: Some(lua),
                spares: Vec::new(),
                slots: Vec::new(),
                free: Vec::new(),
                overflow: None,
                meta: None,
                cache: None,
                helpers: None,
            })),
            dropped: Mutex::new(Vec::new()),
            bridge,
            pyrefs: Mutex::new(HashMap::new()),
            encoding,
        }
    }

    /// The lock owner's view of the state. Never held across Lua or Python code.
    pub(crate) fn st(&self) -> MutexGuard<'_, Unshared<VmState>> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs `f` on the Lua state under the runtime lock (nested if this thread is already
    /// running Lua on it).
    pub(crate) fn with_lua<R>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&mut Lua) -> PyResult<R>,
    ) -> PyResult<R> {
        let _guard = self.lock.acquire(py);
        let taken = {
            let mut st = self.st();
            let dropped =
                std::mem::take(&mut *self.dropped.lock().unwrap_or_else(|e| e.into_inner()));
            for id in dropped {
                st.0.release(id);
            }
            st.0.lua.take()
        };
        let Some(mut lua) = taken else {
            return Err(pyo3::exceptions::PyRuntimeError::new_err(
                "the Lua runtime is busy in this thread",
            ));
        };
        // lua5.4 collects garbage when an allocation would fail; the VM does not yet, so a
        // runtime left above its cap (after `set_max_memory` lowered it) collects first.
        if lua.memory_limit().is_some_and(|l| lua.memory_used() > l) {
            lua.collect_full();
        }
        let r = f(&mut lua);
        self.st().0.lua = Some(lua);
        r
    }

    /// The table of Python objects held by Lua.
    pub(crate) fn refs(&self) -> MutexGuard<'_, HashMap<i64, (Py<PyAny>, usize)>> {
        self.pyrefs.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether this thread holds the runtime lock.
    pub(crate) fn held_here(&self) -> bool {
        self.lock.held_here()
    }

    /// Keeps `v` for a wrapper; returns its slot id.
    pub(crate) fn hold(&self, v: StashedValue) -> usize {
        let mut st = self.st();
        let st = &mut st.0;
        match st.free.pop() {
            Some(id) => {
                st.slots[id] = Some(v);
                id
            }
            None => {
                st.slots.push(Some(v));
                st.slots.len() - 1
            }
        }
    }

    /// The value in slot `id`. Only under the runtime lock: cloning a handle touches an `Rc`
    /// shared with the running state.
    pub(crate) fn held(&self, id: usize) -> Option<StashedValue> {
        self.st().0.slots.get(id).cloned().flatten()
    }

    /// Queues slot `id` for release; safe from any thread, with or without the lock.
    pub(crate) fn forget(&self, id: usize) {
        self.dropped
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(id);
    }

    /// Calls `func(args...)` to completion with the GIL released.
    pub(crate) fn call(
        py: Python<'_>,
        lua: &mut Lua,
        func: &StashedValue,
        args: Vec<StashedValue>,
    ) -> Result<Vec<StashedValue>, LuaErrorReport> {
        let carrier = Unshared((lua, func.clone(), args));
        let out = py.allow_threads(move || {
            let (lua, func, args) = carrier.into_inner();
            let exec = lua.start(&func, &args);
            // The executor holds the arguments now; keeping our roots would keep them alive
            // after the callee drops them (lua5.4 frees an argument the callee sets to nil).
            drop(args);
            drop(func);
            while lua.execute(&exec, i64::MAX) == ExecuteStatus::OutOfFuel {}
            Unshared(lua.finish(&exec))
        });
        out.0
    }

    /// Runs Python code `f` from inside a host function whose state is `lua`: the state is
    /// parked where nested calls find it, and put back afterwards.
    pub(crate) fn run_python<R>(&self, lua: &mut Lua, f: impl FnOnce() -> R) -> R {
        let spare = self.st().0.spares.pop().unwrap_or_default();
        let real = std::mem::replace(lua, spare);
        self.st().0.lua = Some(real);
        let r = f();
        let back = self.st().0.lua.take();
        if let Some(real) = back {
            let spare = std::mem::replace(lua, real);
            self.st().0.spares.push(spare);
        } else {
            errors::bug("a nested call did not return the Lua state");
        }
        r
    }
}

impl VmState {
    fn release(&mut self, id: usize) {
        if let Some(slot) = self.slots.get_mut(id) {
            if slot.take().is_some() {
                self.free.push(id);
            }
        }
    }
}
