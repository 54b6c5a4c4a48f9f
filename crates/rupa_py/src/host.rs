//! The host functions behind the metatable of Python objects and the `python` table: each
//! reads its Lua arguments inside the arena, runs Python with the Lua state parked (so the
//! Python code may call back into this runtime), and writes its results inside the arena.
//!
//! Calling a Python object (`__call`) is done here natively; the other operations call the
//! facade's `rupa._bridge.Bridge` method of the same name.

use std::cell::{OnceCell, Ref, RefCell};
use std::rc::Rc;
use std::sync::{Arc, Weak};

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyTuple, PyType};
use rupa_vm::lua::{HostCall, HostError, Lua, RawHostFn};
use rupa_vm::Value;
use smallvec::{smallvec, SmallVec};

use crate::convert::{self, Failure, FromLua, ToLua};
use crate::core::Core;
use crate::pyiter::ENUMERATOR;
use crate::pyobject::{self, ProtocolWrapper, Seen, AS_INDEX};
use crate::roots::Roots;
use crate::seqiter::{self, SeqIter};

/// A host call's arguments as Python objects (inline for a short call: no allocation).
pub(crate) type PyArgs = SmallVec<[PyObject; 4]>;
/// What Python gives back to Lua from a host call (inline when short).
pub(crate) type PyResults<'py> = SmallVec<[Bound<'py, PyAny>; 4]>;

/// The host operations behind the metatable and the `python` table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
}

impl Op {
    pub(crate) const ALL: [Op; 11] = [
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
        }
    }
}

/// What the host functions of one runtime share (lock owner only, like the Lua state that
/// holds them): the bridge root, once the runtime is initialised, and the runtime itself.
///
/// The runtime is held strongly only from the first host call of an outermost entry until
/// that entry ends ([`HostShared::end_entry`], called by `Core::with_state`): a loop calling
/// Python from Lua upgrades the weak reference once, not once per call (two atomic operations
/// each), and no reference cycle outlives the entry.
pub(crate) struct HostShared {
    core: Weak<Core>,
    roots: OnceCell<Roots>,
    entered: RefCell<Option<Arc<Core>>>,
}

impl HostShared {
    pub(crate) fn new(core: Weak<Core>) -> Rc<HostShared> {
        Rc::new(HostShared {
            core,
            roots: OnceCell::new(),
            entered: RefCell::new(None),
        })
    }

    /// Makes the runtime usable from Lua: its bridge root is known.
    pub(crate) fn set_roots(&self, roots: Roots) {
        let _ = self.roots.set(roots);
    }

    /// The runtime, held until the current outermost entry ends; `None` once it is gone.
    fn core(&self) -> Option<Ref<'_, Arc<Core>>> {
        if let Ok(held) = self.entered.try_borrow() {
            if let Ok(core) = Ref::filter_map(held, Option::as_ref) {
                return Some(core);
            }
        }
        let strong = self.core.upgrade()?;
        // Not borrowed: a borrow lasts for a host call, and this is the first of the entry.
        *self.entered.try_borrow_mut().ok()? = Some(strong);
        Ref::filter_map(self.entered.try_borrow().ok()?, Option::as_ref).ok()
    }

    /// Lets go of the runtime at the end of an outermost entry (no host call is running).
    /// The caller holds its own reference, so this never drops the runtime itself.
    pub(crate) fn end_entry(&self) {
        if let Ok(mut held) = self.entered.try_borrow_mut() {
            if held.is_some() {
                *held = None;
            }
        }
    }
}

/// The Lua function for `op` on the runtime whose host functions share `shared`.
pub(crate) fn host(shared: Rc<HostShared>, op: Op) -> RawHostFn {
    Rc::new(move |lua: &mut Lua, call: &HostCall| {
        // The root first: before it is set (initialisation), no entry would release the
        // runtime taken below.
        let Some(roots) = shared.roots.get() else {
            return Err(HostError::Message(
                "the runtime is not initialised".to_string(),
            ));
        };
        let Some(core) = shared.core() else {
            return Err(HostError::Message("the Lua runtime was closed".to_string()));
        };
        Python::with_gil(|py| {
            core.touch();
            if let Some(keys) = core.dead.take() {
                pyobject::release(&core, py, lua, keys);
            }
            // The commonest call on its own path (`run` is the general one).
            if op == Op::Call {
                call_python(&core, py, lua, roots, call)
            } else {
                run(&core, py, lua, roots, op, call)
            }
        })
    })
}

/// What a host call's arguments are.
enum Read {
    /// Nothing for Python to do.
    Done,
    /// The Python object the operation is on (none for `python.args`) and the other
    /// arguments.
    Args(Option<(PyObject, u8)>, PyArgs),
    /// A step of a list or tuple iterator, taken (its item, `None` at the end; the flags).
    SeqStep(Option<PyObject>, u8),
}

/// Why reading the arguments failed.
enum Bad {
    Message(String),
    Py(PyErr),
}

/// Every host call but `__call` (see [`call_python`]), once the runtime's epoch advanced and
/// collected objects were released.
fn run(
    core: &Arc<Core>,
    py: Python<'_>,
    lua: &mut Lua,
    roots: &Roots,
    op: Op,
    call: &HostCall,
) -> Result<(), HostError> {
    let read = lua.host_args(call, |ctx, args| {
        if op == Op::SetOverflow {
            let v = args.first().copied().unwrap_or(Value::Nil);
            roots.get(ctx).set_overflow(ctx, v);
            core.has_overflow
                .store(!v.is_nil(), std::sync::atomic::Ordering::Relaxed);
            return Ok(Read::Done);
        }
        let conv = FromLua::new(core, py, ctx, roots);
        let (target, rest) = if op == Op::Args {
            (None, args)
        } else {
            let first = match args.first() {
                Some(Value::UserData(ud)) => pyobject::seen_data(core, py, &*ud.0.data),
                _ => Seen::Other,
            };
            match first {
                Seen::Object(obj, flags) if op == Op::IterNext && flags & ENUMERATOR == 0 => {
                    if let Ok(it) = obj.bind(py).downcast::<SeqIter>() {
                        let item = it.get().next_item(py);
                        if item.is_some() {
                            let conv = ToLua::new(core, py, ctx, roots);
                            seqiter::read_ahead(&conv, args[0], it.get(), &core.epoch);
                        }
                        return Ok(Read::SeqStep(item.map(Bound::unbind), flags));
                    }
                    (Some((obj, flags)), &args[1..])
                }
                Seen::Object(obj, flags) => (Some((obj, flags)), &args[1..]),
                Seen::Deleted => return Err(bad_first(op, "deleted python object")),
                Seen::Other => return Err(bad_first(op, "not a python object")),
            }
        };
        let mut pyargs = PyArgs::with_capacity(rest.len());
        for v in rest {
            pyargs.push(conv.value(*v).map_err(Bad::Py)?);
        }
        Ok(Read::Args(target, pyargs))
    });
    let (target, args) = match read {
        Ok(Read::Done) => return Ok(()),
        Ok(Read::SeqStep(item, flags)) => {
            let item = item.map(|i| i.into_bound(py));
            return match crate::pyiter::values(py, item, flags, &[]) {
                Ok(results) => give_back(core, py, lua, roots, call, &results),
                Err(e) => Err(raise(core, py, lua, roots, e)),
            };
        }
        Ok(Read::Args(target, args)) => (target, args),
        Err(Bad::Message(m)) => return Err(HostError::Message(m)),
        Err(Bad::Py(e)) => return Err(raise(core, py, lua, roots, e)),
    };
    let outcome = match (op, target) {
        (Op::Check, _) => return Ok(()),
        (Op::AsAttr | Op::AsItem, Some((obj, _))) => {
            let flags = if op == Op::AsItem { AS_INDEX } else { 0 };
            Bound::new(py, ProtocolWrapper { obj, flags }).map(|w| smallvec![w.into_any()])
        }
        (Op::MakeIter, Some((obj, _))) => core.run_python(py, lua, || {
            crate::pyiter::make_iter(py, core.unpack_tuples, obj, &args)
        }),
        (Op::IterNext, Some((it, flags))) => core.run_python(py, lua, || {
            match crate::pyiter::iter_next(py, &it, flags, &args) {
                Some(r) => r,
                None => call_bridge(core, py, op, Some((it, flags)), args),
            }
        }),
        (Op::Index | Op::NewIndex, Some(target)) if core.plain_index => {
            core.run_python(py, lua, || index_object(core, py, op, target, args))
        }
        (op, target) => core.run_python(py, lua, || call_bridge(core, py, op, target, args)),
    };
    match outcome {
        Ok(results) => give_back(core, py, lua, roots, call, &results),
        Err(e) => Err(raise(core, py, lua, roots, e)),
    }
}

fn bad_first(op: Op, why: &str) -> Bad {
    Bad::Message(format!("bad argument #1 to '{}' ({why})", op.name()))
}

/// Returns `results` to Lua as the host call's values.
fn give_back(
    core: &Arc<Core>,
    py: Python<'_>,
    lua: &mut Lua,
    roots: &Roots,
    call: &HostCall,
    results: &[Bound<'_, PyAny>],
) -> Result<(), HostError> {
    let fast = if let [one] = results {
        lua.host_return_one(call, |ctx| {
            ToLua::new(core, py, ctx, roots).value(one, false)
        })
    } else {
        lua.host_return(call, |ctx, out| {
            let conv = ToLua::new(core, py, ctx, roots);
            out.reserve_exact(results.len());
            for r in results {
                out.push(conv.value(r, false)?);
            }
            Ok(())
        })
    };
    match fast {
        Ok(()) => Ok(()),
        Err(Failure::Py(e)) => Err(raise(core, py, lua, roots, e)),
        // An `int` for the overflow handler (Lua code): through handles.
        Err(Failure::Overflow) => match convert::to_lua(core, py, lua, roots, results, false) {
            Ok(vals) => {
                let _ = lua.host_return(call, |ctx, out| {
                    out.extend(vals.iter().map(|v| Lua::fetch(ctx, v)));
                    Ok::<_, ()>(())
                });
                Ok(())
            }
            Err(e) => Err(raise(core, py, lua, roots, e)),
        },
    }
}

/// `__call` on a Python object, the commonest host call: the arguments become the call's
/// tuple as they are read, and a single result goes back without an intermediate list.
fn call_python(
    core: &Arc<Core>,
    py: Python<'_>,
    lua: &mut Lua,
    roots: &Roots,
    call: &HostCall,
) -> Result<(), HostError> {
    let read = lua.host_args(call, |ctx, args| {
        let f = match args.first() {
            Some(Value::UserData(ud)) => pyobject::seen_data(core, py, &*ud.0.data),
            _ => Seen::Other,
        };
        let f = match f {
            Seen::Object(f, _) => f,
            Seen::Deleted => return Err(bad_first(Op::Call, "deleted python object")),
            Seen::Other => return Err(bad_first(Op::Call, "not a python object")),
        };
        let conv = FromLua::new(core, py, ctx, roots);
        let rest = args.get(1..).unwrap_or(&[]);
        // Only a userdata can hold what `python.args` makes.
        let with_userdata = rest.iter().any(|v| matches!(v, Value::UserData(_)));
        match args_tuple(py, &conv, rest) {
            Ok(tuple) => Ok((f, tuple, with_userdata)),
            Err(e) => Err(Bad::Py(e)),
        }
    });
    let (f, args, with_userdata) = match read {
        Ok(read) => read,
        Err(Bad::Message(m)) => return Err(HostError::Message(m)),
        Err(Bad::Py(e)) => return Err(raise(core, py, lua, roots, e)),
    };
    let result = core.run_python(py, lua, || call_object(core, py, f, args, with_userdata));
    match result {
        Ok(CallResult::One(r)) => {
            let fast = lua.host_return_one(call, |ctx| {
                ToLua::new(core, py, ctx, roots).value(&r, false)
            });
            match fast {
                Ok(()) => Ok(()),
                Err(Failure::Py(e)) => Err(raise(core, py, lua, roots, e)),
                // An overflow handler to call: the general way.
                Err(Failure::Overflow) => {
                    give_back(core, py, lua, roots, call, std::slice::from_ref(&r))
                }
            }
        }
        Ok(CallResult::Many(rs)) => give_back(core, py, lua, roots, call, &rs),
        Err(e) => Err(raise(core, py, lua, roots, e)),
    }
}

/// The tuple of a call's arguments, converted from Lua. A short one is built by pyo3's tuple
/// conversions, which fill a new tuple directly (the general path checks an iterator's length).
fn args_tuple<'py, 'gc>(
    py: Python<'py>,
    conv: &FromLua<'_, 'py, 'gc>,
    args: &[Value<'gc>],
) -> PyResult<Bound<'py, PyTuple>> {
    let tuple: Py<PyTuple> = match args {
        [] => return Ok(PyTuple::empty_bound(py)),
        [a] => (conv.value(*a)?,).into_py(py),
        [a, b] => (conv.value(*a)?, conv.value(*b)?).into_py(py),
        [a, b, c] => (conv.value(*a)?, conv.value(*b)?, conv.value(*c)?).into_py(py),
        _ => {
            let items = args
                .iter()
                .map(|v| conv.value(*v))
                .collect::<PyResult<PyArgs>>()?;
            return Ok(PyTuple::new_bound(py, items));
        }
    };
    Ok(tuple.into_bound(py))
}

/// What a Python call gives back to Lua.
enum CallResult<'py> {
    /// The common case: one value.
    One(Bound<'py, PyAny>),
    /// A tuple's items (with `unpack_returned_tuples`), or the bridge's results.
    Many(PyResults<'py>),
}

/// `types.MethodType` and the facade's `_PyArguments` (what `python.args` makes).
fn call_types(py: Python<'_>) -> PyResult<&'static (Py<PyType>, Py<PyType>)> {
    static TYPES: GILOnceCell<(Py<PyType>, Py<PyType>)> = GILOnceCell::new();
    TYPES.get_or_try_init(py, || {
        let method = py.import_bound("types")?.getattr("MethodType")?;
        let arguments = py.import_bound("rupa._bridge")?.getattr("_PyArguments")?;
        Ok((
            method.downcast_into::<PyType>()?.unbind(),
            arguments.downcast_into::<PyType>()?.unbind(),
        ))
    })
}

/// `f(*args)` for Lua: a bound method called as `obj:m(...)` does not get `obj` twice, and a
/// tuple result is several values with `unpack_returned_tuples`. Arguments built with
/// `python.args` go through the facade.
fn call_object<'py>(
    core: &Arc<Core>,
    py: Python<'py>,
    f: PyObject,
    args: Bound<'py, PyTuple>,
    with_userdata: bool,
) -> PyResult<CallResult<'py>> {
    let (method, arguments) = call_types(py)?;
    // Types compared by address: `get_type` would take and drop a reference each time.
    let arguments = arguments.as_ptr().cast::<pyo3::ffi::PyTypeObject>();
    if with_userdata && args.iter().any(|a| a.get_type_ptr() == arguments) {
        let args = args.iter().map(Bound::unbind).collect();
        return call_bridge(core, py, Op::Call, Some((f, 0)), args).map(CallResult::Many);
    }
    let mut f = f.into_bound(py);
    if f.get_type_ptr() == method.as_ptr().cast::<pyo3::ffi::PyTypeObject>() {
        if let Ok(first) = args.get_item(0) {
            if f.getattr(intern!(py, "__self__"))?.is(&first) {
                f = f.getattr(intern!(py, "__func__"))?;
            }
        }
    }
    let result = f.call1(args)?;
    if core.unpack_tuples {
        if let Ok(t) = result.downcast::<PyTuple>() {
            return Ok(CallResult::Many(t.iter().collect()));
        }
    }
    Ok(CallResult::One(result))
}

/// `obj[key]`, `obj.key` and their assignments for a runtime without attribute filter or
/// handlers: the bridge's `index`/`newindex` done natively. A key that is not a string on an
/// attribute object goes to the bridge (for Python's own error).
fn index_object<'py>(
    core: &Arc<Core>,
    py: Python<'py>,
    op: Op,
    target: (PyObject, u8),
    args: PyArgs,
) -> PyResult<PyResults<'py>> {
    let (obj, flags) = target;
    let obj = obj.into_bound(py);
    let mut args = args.into_iter().map(|a| a.into_bound(py));
    let key = args.next().unwrap_or_else(|| py.None().into_bound(py));
    let value = args.next();
    if flags & AS_INDEX != 0 {
        return match (op, value) {
            (Op::NewIndex, value) => {
                obj.set_item(key, value.unwrap_or_else(|| py.None().into_bound(py)))?;
                Ok(PyResults::new())
            }
            _ => Ok(smallvec![obj.get_item(key)?]),
        };
    }
    let name = match key.downcast::<pyo3::types::PyBytes>() {
        Ok(b) => Some(
            b.call_method1(intern!(py, "decode"), (core.source_encoding.as_str(),))?
                .downcast_into::<pyo3::types::PyString>()?,
        ),
        Err(_) => key.downcast::<pyo3::types::PyString>().ok().cloned(),
    };
    let Some(name) = name else {
        let mut all = smallvec![key.unbind()];
        all.extend(value.map(Bound::unbind));
        return call_bridge(core, py, op, Some((obj.unbind(), flags)), all);
    };
    match (op, value) {
        (Op::NewIndex, value) => {
            obj.setattr(&name, value.unwrap_or_else(|| py.None().into_bound(py)))?;
            Ok(PyResults::new())
        }
        _ => Ok(smallvec![obj.getattr(&name)?]),
    }
}

/// Calls the bridge method for `op` with `(obj, flags, *args)` (or `(*args)`); it returns the
/// tuple of results.
fn call_bridge<'py>(
    core: &Arc<Core>,
    py: Python<'py>,
    op: Op,
    target: Option<(PyObject, u8)>,
    args: PyArgs,
) -> PyResult<PyResults<'py>> {
    let mut pyargs = PyArgs::with_capacity(args.len() + 2);
    if let Some((obj, flags)) = target {
        pyargs.push(obj);
        pyargs.push(flags.into_py(py));
    }
    pyargs.extend(args);
    let out = core
        .bridge
        .bind(py)
        .call_method1(op.name(), PyTuple::new_bound(py, pyargs))?;
    let out = out.downcast_into::<PyTuple>()?;
    Ok(out.iter().collect())
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
