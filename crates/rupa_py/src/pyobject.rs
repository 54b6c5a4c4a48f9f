//! Python objects inside Lua: userdata holding the object (released when the collector frees
//! the userdata), one metatable (`__index`, `__newindex`, `__call`, `__tostring`) whose
//! behaviour follows the protocol flags stored with the object (as lupa's one `POBJECT`
//! metatable does), and an identity cache so the same object and protocol always give the
//! same userdata. The functions behind the metatable and the `python` table are `host.rs`'s.

use gc_arena::lock::Lock;
use gc_arena::Gc;
use pyo3::prelude::*;
use pyo3::sync::GILProtected;
use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use rupa_vm::error::RuntimeError;
use rupa_vm::lua::{Lua, StashedValue};
use rupa_vm::native::{NativeAction, NativeStack};
use rupa_vm::userdata::{UserData, UserDataObj};
use rupa_vm::{Context, Value};

use crate::core::Core;
use crate::roots::BridgeRoot;

/// Item access (`obj[key]`) instead of attribute access.
pub(crate) const AS_INDEX: u8 = 1;

/// What a userdata made for a Python object holds: the key of the object in the runtime's
/// `pyrefs` (not a reference: see `Core::pyrefs`), whether its `__gc` has run, and where that
/// `__gc` queues the key.
pub(crate) struct PyObjData {
    pub(crate) key: i64,
    pub(crate) flags: u8,
    pub(crate) alive: std::cell::Cell<bool>,
    dead: Arc<DeadKeys>,
}

/// Keys of Python objects whose userdata's `__gc` ran: the references are dropped later by a
/// thread holding the lock and the GIL (`Core::release_dead`); `__gc` itself runs inside the
/// collector, where Python cannot be called.
#[derive(Default)]
pub(crate) struct DeadKeys {
    keys: Mutex<Vec<i64>>,
    any: AtomicBool,
}

impl DeadKeys {
    fn push(&self, key: i64) {
        self.keys
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(key);
        self.any.store(true, Ordering::Release);
    }

    /// The queued keys, if any (cheap when there are none).
    pub(crate) fn take(&self) -> Option<Vec<i64>> {
        if !self.any.load(Ordering::Relaxed) || !self.any.swap(false, Ordering::Acquire) {
            return None;
        }
        Some(std::mem::take(
            &mut *self.keys.lock().unwrap_or_else(|e| e.into_inner()),
        ))
    }
}

/// `__gc` of a Python object's userdata, a native function: marks the userdata deleted and
/// queues its key (no host call per collected object).
pub(crate) fn gc_native<'gc>(
    _ctx: Context<'gc>,
    _upvalues: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> Result<NativeAction<'gc>, RuntimeError<'gc>> {
    if let Value::UserData(ud) = stack.get(0) {
        if let Some(d) = ud.0.data.downcast_ref::<PyObjData>() {
            if d.alive.get() {
                d.alive.set(false);
                d.dead.push(d.key);
            }
        }
    }
    stack.clear();
    Ok(NativeAction::Return)
}

/// The name of the functions `python.as_function` makes.
const AS_FUNCTION: &str = "python.as_function";

/// `python.as_function(obj)`, a native whose upvalue is the metatable of Python objects: a
/// native closure over `obj` that calls it ([`as_function_call`]). Being native, it is known
/// again when it goes back to Python, which gets `obj` itself, as from lupa.
pub(crate) fn as_function_native<'gc>(
    ctx: Context<'gc>,
    upvalues: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> Result<NativeAction<'gc>, RuntimeError<'gc>> {
    let o = stack.get(0);
    let why = match o {
        Value::UserData(ud) => {
            let ours = match (ud.0.metatable.get(), upvalues.first()) {
                (Some(m), Some(Value::Table(meta))) => Gc::ptr_eq(m.0, meta.0),
                _ => false,
            };
            match ud.0.data.downcast_ref::<PyObjData>() {
                Some(d) if ours && !d.alive.get() => Some("deleted python object"),
                Some(_) if ours => None,
                _ => Some("not a python object"),
            }
        }
        _ => Some("not a python object"),
    };
    if let Some(why) = why {
        return Err(RuntimeError::BadArgument {
            index: 1,
            message: why.to_string(),
        });
    }
    let f = rupa_vm::function::Function::new_native(
        ctx.mc,
        AS_FUNCTION,
        as_function_call,
        Box::new([o]),
    );
    stack.replace(&[Value::from(f)]);
    Ok(NativeAction::Return)
}

/// The function `python.as_function(obj)` makes: calls `obj` with its arguments.
fn as_function_call<'gc>(
    _ctx: Context<'gc>,
    upvalues: &[Value<'gc>],
    _stack: &mut NativeStack<'gc, '_>,
) -> Result<NativeAction<'gc>, RuntimeError<'gc>> {
    Ok(NativeAction::TailCall {
        func: upvalues.first().copied().unwrap_or(Value::Nil),
    })
}

/// The Python object's userdata behind a function `python.as_function` made, if `f` is one.
pub(crate) fn as_function_target<'gc>(f: rupa_vm::function::Closure<'gc>) -> Option<Value<'gc>> {
    match rupa_vm::function::Function::Closure(f).as_native() {
        Some(n)
            // The name as well: identical code folding could give another native this address.
            if n.func as *const () == as_function_call as *const () && n.name == AS_FUNCTION =>
        {
            n.upvalues.first().copied()
        }
        _ => None,
    }
}

/// What a Lua value is, seen as a Python object.
pub(crate) enum Seen {
    /// A live Python object with its protocol flags.
    Object(Py<PyAny>, u8),
    /// A Python object's userdata whose `__gc` already ran.
    Deleted,
    /// Not a Python object.
    Other,
}

/// Shards of the identity cache (see `init::bridge_tables`).
const CACHE_SHARDS: i64 = 64;

/// The identity cache's shard for `key` (an address: its low bits are alignment), made on
/// first use as a weak-valued table (`cache[0]` is the shared weak metatable).
fn shard<'gc>(ctx: Context<'gc>, root: BridgeRoot<'gc>, key: i64) -> Option<rupa_vm::Table<'gc>> {
    let i = ((key >> 7) ^ (key >> 13)).rem_euclid(CACHE_SHARDS) + 1;
    if let Value::Table(t) = root.cache.get_int(ctx, i) {
        return Some(t);
    }
    let Value::Table(weak) = root.cache.get_int(ctx, 0) else {
        return None;
    };
    let t = rupa_vm::Table::new(ctx.mc);
    rupa_vm::gc::register(ctx, Value::Table(t), Some(weak)).ok()?;
    t.set_metatable(ctx.mc, Some(weak));
    root.cache.set_int(ctx, i, Value::Table(t)).ok()?;
    Some(t)
}

/// The key of `obj` under protocol `flags` in `pyrefs` and in the identity cache.
fn key_of(obj: *mut pyo3::ffi::PyObject, flags: u8) -> i64 {
    ((obj as usize as i64) << 3) | i64::from(flags)
}

/// The Python object behind a userdata's data, if it is one of ours.
pub(crate) fn seen_data(core: &Core, py: Python<'_>, data: &dyn std::any::Any) -> Seen {
    let Some(d) = data.downcast_ref::<PyObjData>() else {
        return Seen::Other;
    };
    if !d.alive.get() {
        return Seen::Deleted;
    }
    if let Some(obj) = core.last_seen.get(py, d.key) {
        return Seen::Object(obj, d.flags);
    }
    let obj = match core.refs().get(&d.key) {
        Some((obj, _)) => obj.clone_ref(py),
        None => return Seen::Deleted,
    };
    core.last_seen.set(py, d.key, &obj);
    Seen::Object(obj, d.flags)
}

/// The object Lua last used through a userdata, by key: a loop calling one Python function
/// (or indexing one object) finds it without locking `Core::pyrefs` and hashing each time.
///
/// It never disagrees with `pyrefs`: an entry leaves when its key leaves `pyrefs` or gets
/// another object there. It is emptied at the end of each outermost entry, so outside entries
/// every reference the runtime holds is one its `__traverse__` shows. Lock owner only (the
/// GIL held): no atomic operation.
pub(crate) struct LastSeen(GILProtected<RefCell<Option<Remembered>>>);

/// A key of `pyrefs` and its object.
type Remembered = (i64, Py<PyAny>);

impl LastSeen {
    pub(crate) fn new() -> LastSeen {
        LastSeen(GILProtected::new(RefCell::new(None)))
    }

    /// The object under `key`, if it is the one remembered.
    fn get(&self, py: Python<'_>, key: i64) -> Option<Py<PyAny>> {
        match &*self.0.get(py).try_borrow().ok()? {
            Some((k, obj)) if *k == key => Some(obj.clone_ref(py)),
            _ => None,
        }
    }

    fn set(&self, py: Python<'_>, key: i64, obj: &Py<PyAny>) {
        let old = match self.0.get(py).try_borrow_mut() {
            Ok(mut last) => last.replace((key, obj.clone_ref(py))),
            Err(_) => None,
        };
        // Dropped after the borrow: `pyrefs` still holds it, so this is never the last
        // reference, but a drop must not run with the cell borrowed all the same.
        drop(old);
    }

    /// Forgets the object of `key` (every object with `None`), handing back the reference
    /// for the caller to drop where running Python code is safe.
    pub(crate) fn forget(&self, py: Python<'_>, key: Option<i64>) -> Option<Py<PyAny>> {
        let mut last = self.0.get(py).try_borrow_mut().ok()?;
        match &*last {
            Some((k, _)) if key.is_none_or(|key| key == *k) => last.take().map(|(_, o)| o),
            _ => None,
        }
    }
}

/// An object with the protocol Lua should use on it (`as_attrgetter` / `as_itemgetter`).
#[pyclass(frozen, module = "rupa._rupa", name = "_PyProtocolWrapper")]
pub(crate) struct ProtocolWrapper {
    pub(crate) obj: Py<PyAny>,
    pub(crate) flags: u8,
}

#[pymethods]
impl ProtocolWrapper {
    #[new]
    fn new() -> PyResult<Self> {
        Err(pyo3::exceptions::PyTypeError::new_err(
            "Type cannot be instantiated from Python",
        ))
    }
}

/// `obj` with protocol `flags` (for the facade: `as_attrgetter`, `as_itemgetter`, and
/// `python.none`, which is `None` kept as an object).
#[pyfunction]
#[pyo3(name = "_wrap")]
pub(crate) fn wrap_protocol(obj: Py<PyAny>, flags: u8) -> ProtocolWrapper {
    ProtocolWrapper { obj, flags }
}

/// The userdata for `obj` under protocol `flags`: the cached one if it still lives.
pub(crate) fn userdata<'gc>(
    core: &Core,
    ctx: Context<'gc>,
    py: Python<'_>,
    root: BridgeRoot<'gc>,
    obj: &Bound<'_, PyAny>,
    flags: u8,
) -> Value<'gc> {
    let key = key_of(obj.as_ptr(), flags);
    let mut refs = core.refs();
    let cache = shard(ctx, root, key);
    let cached = cache.map_or(Value::Nil, |c| c.get(ctx, Value::Integer(key)));
    if let Value::UserData(ud) = cached {
        if let Some(d) = ud.0.data.downcast_ref::<PyObjData>() {
            // The key is an address; checking the held object means a reused address can
            // never hand back another object.
            let same = refs
                .get(&key)
                .is_some_and(|(o, _)| o.as_ptr() == obj.as_ptr());
            if d.alive.get() && same {
                return Value::UserData(ud);
            }
        }
    }
    // A replaced entry is dropped after the lock: releasing a Python object may run code.
    let replaced = match refs.get_mut(&key) {
        Some((o, n)) if o.as_ptr() == obj.as_ptr() => {
            *n += 1;
            None
        }
        _ => refs.insert(key, (obj.clone().unbind(), 1)),
    };
    drop(refs);
    let forgotten = replaced
        .as_ref()
        .and_then(|_| core.last_seen.forget(py, Some(key)));
    drop(replaced);
    drop(forgotten);
    let _ = py;
    let meta = root.meta;
    let ud = UserData(Gc::new(
        ctx.mc,
        UserDataObj {
            metatable: Lock::new(Some(meta)),
            user_value: Lock::new(Value::Nil),
            data: Box::new(PyObjData {
                key,
                flags,
                alive: std::cell::Cell::new(true),
                dead: core.dead.clone(),
            }),
        },
    ));
    // Registers the `__gc` that releases the object; only fails on a weak-table conversion,
    // which a userdata never needs.
    let _ = rupa_vm::gc::register(ctx, Value::UserData(ud), Some(meta));
    // A full cache only costs identity, never correctness.
    if let Some(c) = cache {
        let _ = c.set(ctx, Value::Integer(key), Value::UserData(ud));
    }
    Value::UserData(ud)
}

/// Lua no longer holds the objects of `keys` through the userdata that were collected: each
/// count goes down, and the last reference is dropped with the state parked (releasing a
/// Python object may run code, even code that calls into this runtime).
pub(crate) fn release(core: &Core, py: Python<'_>, lua: &mut Lua, keys: Vec<i64>) {
    let mut refs = core.refs();
    let mut removed = Vec::new();
    for key in keys {
        let gone = match refs.get_mut(&key) {
            Some((_, n)) => {
                *n = n.saturating_sub(1);
                *n == 0
            }
            None => false,
        };
        if gone {
            removed.extend(refs.remove(&key));
            if let Some(o) = core.last_seen.forget(py, Some(key)) {
                removed.push((o, 0));
            }
        }
    }
    drop(refs);
    if !removed.is_empty() {
        core.run_python(py, lua, || drop(removed));
    }
}

/// The Python object (and protocol flags) behind a Lua value, if it is one.
pub(crate) fn python_object(core: &Core, py: Python<'_>, lua: &Lua, v: &StashedValue) -> Seen {
    lua.enter(|ctx| match Lua::fetch(ctx, v) {
        Value::UserData(ud) => seen_data(core, py, &*ud.0.data),
        _ => Seen::Other,
    })
}
