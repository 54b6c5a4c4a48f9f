//! Python objects inside Lua: userdata holding the object (released when the collector frees
//! the userdata), one metatable (`__index`, `__newindex`, `__call`, `__tostring`) whose
//! behaviour follows the protocol flags stored with the object, an identity cache so the same
//! object and protocol always give the same userdata, and the host functions behind the
//! `python` table. What each operation does in Python is the facade's (`rupa/_bridge.py`).

use std::rc::Rc;
use std::sync::{Arc, Weak};

use gc_arena::lock::Lock;
use gc_arena::Gc;
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use rupa_vm::lua::{HostError, HostFn, Lua, StashedValue};
use rupa_vm::userdata::{UserData, UserDataObj};
use rupa_vm::{Context, Value};

use crate::convert;
use crate::core::Core;
use crate::roots::{BridgeRoot, Roots};

/// Item access (`obj[key]`) instead of attribute access.
pub(crate) const AS_INDEX: u8 = 1;

/// What a userdata made for a Python object holds: the key of the object in the runtime's
/// `pyrefs` (not a reference: see `Core::pyrefs`), and whether its `__gc` has run.
pub(crate) struct PyObjData {
    pub(crate) key: i64,
    pub(crate) flags: u8,
    pub(crate) alive: std::cell::Cell<bool>,
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
    match core.refs().get(&d.key) {
        Some((obj, _)) => Seen::Object(obj.clone_ref(py), d.flags),
        None => Seen::Deleted,
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
    if let Value::UserData(ud) = root.cache.get(ctx, Value::Integer(key)) {
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
    drop(replaced);
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
            }),
        },
    ));
    // Registers the `__gc` that releases the object; only fails on a weak-table conversion,
    // which a userdata never needs.
    let _ = rupa_vm::gc::register(ctx, Value::UserData(ud), Some(meta));
    // A full cache only costs identity, never correctness.
    let _ = root
        .cache
        .set(ctx, Value::Integer(key), Value::UserData(ud));
    Value::UserData(ud)
}

/// `__gc` of a Python object's userdata: Lua no longer holds the object through it.
fn release(core: &Core, lua: &mut Lua, v: &StashedValue) {
    let key = lua.enter(|ctx| match Lua::fetch(ctx, v) {
        Value::UserData(ud) => match ud.0.data.downcast_ref::<PyObjData>() {
            Some(d) if d.alive.get() => {
                d.alive.set(false);
                Some(d.key)
            }
            _ => None,
        },
        _ => None,
    });
    if let Some(key) = key {
        let mut refs = core.refs();
        let gone = match refs.get_mut(&key) {
            Some((_, n)) => {
                *n = n.saturating_sub(1);
                *n == 0
            }
            None => false,
        };
        let removed = if gone { refs.remove(&key) } else { None };
        // Dropped after the lock, with the state parked: releasing a Python object may run
        // code, even code that calls into this runtime.
        drop(refs);
        if removed.is_some() {
            core.run_python(lua, || drop(removed));
        }
    }
}

/// The Python object (and protocol flags) behind a Lua value, if it is one.
pub(crate) fn python_object(core: &Core, py: Python<'_>, lua: &Lua, v: &StashedValue) -> Seen {
    lua.enter(|ctx| match Lua::fetch(ctx, v) {
        Value::UserData(ud) => seen_data(core, py, &*ud.0.data),
        _ => Seen::Other,
    })
}

/// The host operations behind the metatable and the `python` table.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Op {
    Index,
    NewIndex,
    Call,
    ToString,
    AsAttr,
    AsItem,
    Check,
    MakeIter,
    IterNext,
    Args,
    SetOverflow,
    Gc,
}

impl Op {
    pub(crate) const ALL: [Op; 12] = [
        Op::Index,
        Op::NewIndex,
        Op::Call,
        Op::ToString,
        Op::AsAttr,
        Op::AsItem,
        Op::Check,
        Op::MakeIter,
        Op::IterNext,
        Op::Args,
        Op::SetOverflow,
        Op::Gc,
    ];

    /// The function's name in Lua error messages, and the bridge method it calls.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Op::Index => "index",
            Op::NewIndex => "newindex",
            Op::Call => "call",
            Op::ToString => "tostring",
            Op::AsAttr => "as_attrgetter",
            Op::AsItem => "as_itemgetter",
            Op::Check => "check",
            Op::MakeIter => "make_iter",
            Op::IterNext => "iter_next",
            Op::Args => "args",
            Op::SetOverflow => "set_overflow_handler",
            Op::Gc => "__gc",
        }
    }
}

/// The Lua function for `op` on the runtime `core`.
pub(crate) fn host(core: Weak<Core>, op: Op) -> HostFn {
    Rc::new(move |lua: &mut Lua, args: Vec<StashedValue>| {
        let Some(core) = core.upgrade() else {
            return Err(HostError::Message("the Lua runtime was closed".to_string()));
        };
        let roots = core.st().0.roots.clone();
        let Some(roots) = roots else {
            return Err(HostError::Message(
                "the runtime is not initialised".to_string(),
            ));
        };
        Python::with_gil(|py| run(&core, py, lua, &roots, op, args))
    })
}

fn run(
    core: &Arc<Core>,
    py: Python<'_>,
    lua: &mut Lua,
    roots: &Roots,
    op: Op,
    mut args: Vec<StashedValue>,
) -> Result<Vec<StashedValue>, HostError> {
    if let Op::Gc = op {
        if let Some(v) = args.first() {
            release(core, lua, v);
        }
        return Ok(Vec::new());
    }
    if let Op::SetOverflow = op {
        let set = lua.enter(|ctx| {
            let v = args.first().map_or(Value::Nil, |v| Lua::fetch(ctx, v));
            roots.get(ctx).set_overflow(ctx, v);
            !v.is_nil()
        });
        core.has_overflow
            .store(set, std::sync::atomic::Ordering::Relaxed);
        return Ok(Vec::new());
    }
    let target = if let Op::Args = op {
        None
    } else {
        let first = match args.first() {
            Some(v) => python_object(core, py, lua, v),
            None => Seen::Other,
        };
        let problem = match first {
            Seen::Object(obj, flags) => {
                args.remove(0);
                Ok(Some((obj, flags)))
            }
            Seen::Deleted => Err("deleted python object"),
            Seen::Other => Err("not a python object"),
        };
        match problem {
            Ok(t) => t,
            Err(why) => {
                return Err(HostError::Message(format!(
                    "bad argument #1 to '{}' ({why})",
                    op.name()
                )))
            }
        }
    };
    let outcome = match (op, target) {
        (Op::Check, _) => Ok(Vec::new()),
        (Op::AsAttr, Some((obj, _))) => {
            let w = ProtocolWrapper { obj, flags: 0 };
            to_values(
                core,
                py,
                lua,
                roots,
                &[Bound::new(py, w).map(Bound::into_any)],
            )
        }
        (Op::AsItem, Some((obj, _))) => {
            let w = ProtocolWrapper {
                obj,
                flags: AS_INDEX,
            };
            to_values(
                core,
                py,
                lua,
                roots,
                &[Bound::new(py, w).map(Bound::into_any)],
            )
        }
        (op, target) => call_bridge(core, py, lua, roots, op, target, &args),
    };
    outcome.map_err(|e| raise(core, py, lua, roots, e))
}

fn to_values(
    core: &Arc<Core>,
    py: Python<'_>,
    lua: &mut Lua,
    roots: &Roots,
    objs: &[PyResult<Bound<'_, PyAny>>],
) -> PyResult<Vec<StashedValue>> {
    let mut v = Vec::with_capacity(objs.len());
    for o in objs {
        match o {
            Ok(o) => v.push(o.clone()),
            Err(e) => return Err(e.clone_ref(py)),
        }
    }
    convert::to_lua(core, py, lua, roots, &v, false)
}

/// Calls the bridge method for `op` with `(obj, flags, *args)` (or `(*args)`) and converts
/// the tuple it returns into the function's results.
fn call_bridge(
    core: &Arc<Core>,
    py: Python<'_>,
    lua: &mut Lua,
    roots: &Roots,
    op: Op,
    target: Option<(Py<PyAny>, u8)>,
    args: &[StashedValue],
) -> PyResult<Vec<StashedValue>> {
    let mut pyargs = Vec::with_capacity(args.len() + 2);
    if let Some((obj, flags)) = target {
        pyargs.push(obj);
        pyargs.push(flags.into_py(py));
    }
    pyargs.extend(convert::from_lua(core, py, lua, roots, args)?);
    let bridge = core.bridge.bind(py);
    let out = core.run_python(lua, || {
        bridge.call_method1(op.name(), PyTuple::new_bound(py, pyargs))
    })?;
    let out = out.downcast_into::<PyTuple>()?;
    let items: Vec<Bound<'_, PyAny>> = out.iter().collect();
    convert::to_lua(core, py, lua, roots, &items, false)
}

/// A Python exception as a Lua error value: the exception object itself, so `pcall` sees it
/// and the Python caller gets it back unchanged.
pub(crate) fn raise(
    core: &Arc<Core>,
    py: Python<'_>,
    lua: &mut Lua,
    roots: &Roots,
    e: PyErr,
) -> HostError {
    let value = e.into_value(py).into_bound(py).into_any();
    match convert::to_lua(core, py, lua, roots, &[value], false) {
        Ok(mut v) if !v.is_empty() => HostError::Value(v.remove(0)),
        _ => HostError::Message("error during Python call".to_string()),
    }
}
