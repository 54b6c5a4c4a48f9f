//! Conversion between Python and Lua values, in one place (docs/conversion.md is its table).
//!
//! Python -> Lua: `None` -> nil (or `python.none` where nil cannot go), `bool`, `int` (an
//! overflow handler or `OverflowError` past 64 bits), `float`, `bytes`, `str` (encoded with the
//! runtime's encoding; wrapped as an object when the encoding is `None`), wrappers of this
//! runtime -> their value, anything else -> userdata holding the object.
//! Lua -> Python: nil -> `None`, booleans, integers -> `int`, floats -> `float`, strings ->
//! `str` (or `bytes` without an encoding), Python objects -> themselves, tables, functions,
//! threads and other userdata -> wrappers holding a slot.

use std::sync::Arc;

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyFloat, PyLong, PyString, PyType};
use rupa_vm::lua::{Lua, StashedValue};
use rupa_vm::Value;

use crate::core::Core;
use crate::errors;
use crate::object::{LuaObject, Pending};
use crate::pyobject::{self, ProtocolWrapper, Seen, AS_INDEX};
use crate::registry::classes;

/// A Python value on its way into Lua (taken apart while Python may run, built inside the
/// arena in one go).
enum Prep {
    Nil,
    Bool(bool),
    Int(i64),
    Num(f64),
    Bytes(Vec<u8>),
    Held(StashedValue),
    Py(Py<PyAny>, u8),
    /// An `int` past 64 bits, for the overflow handler.
    Overflow(Py<PyAny>),
}

fn prep(core: &Arc<Core>, o: &Bound<'_, PyAny>, wrap_none: bool) -> PyResult<Prep> {
    let py = o.py();
    if o.is_none() {
        return Ok(if wrap_none {
            Prep::Py(o.clone().unbind(), 0)
        } else {
            Prep::Nil
        });
    }
    if let Ok(b) = o.downcast_exact::<PyBool>() {
        return Ok(Prep::Bool(b.is_true()));
    }
    if let Ok(f) = o.downcast_exact::<PyFloat>() {
        return Ok(Prep::Num(f.value()));
    }
    if o.is_instance_of::<PyLong>() {
        return match o.extract::<i64>() {
            Ok(i) => Ok(Prep::Int(i)),
            Err(e) if e.is_instance_of::<pyo3::exceptions::PyOverflowError>(py) => {
                if core.st().0.overflow.is_some() {
                    Ok(Prep::Overflow(o.clone().unbind()))
                } else {
                    Err(e)
                }
            }
            Err(e) => Err(e),
        };
    }
    if let Ok(b) = o.downcast::<PyBytes>() {
        return Ok(Prep::Bytes(b.as_bytes().to_vec()));
    }
    if let Ok(s) = o.downcast::<PyString>() {
        return match &core.encoding {
            None => Ok(Prep::Py(o.clone().unbind(), 0)),
            Some(enc) if is_utf8(enc) => Ok(Prep::Bytes(s.to_cow()?.as_bytes().to_vec())),
            Some(enc) => {
                let b = s.call_method1(intern!(py, "encode"), (enc.as_str(),))?;
                Ok(Prep::Bytes(b.downcast::<PyBytes>()?.as_bytes().to_vec()))
            }
        };
    }
    if let Ok(w) = o.downcast::<LuaObject>() {
        let w = w.get();
        if !Arc::ptr_eq(&w.core, core) {
            return Err(errors::lua_error(
                py,
                "cannot mix objects from different Lua runtimes".to_string(),
            ));
        }
        return match core.held(w.slot) {
            Some(v) => Ok(Prep::Held(v)),
            None => Err(errors::lua_error(py, "lost reference".to_string())),
        };
    }
    if let Ok(f) = o.downcast::<PyFloat>() {
        return Ok(Prep::Num(f.value()));
    }
    if let Ok(w) = o.downcast::<ProtocolWrapper>() {
        let w = w.get();
        return Ok(Prep::Py(w.obj.clone_ref(py), w.flags));
    }
    let flags = if o.hasattr(intern!(py, "__getitem__"))? {
        AS_INDEX
    } else {
        0
    };
    Ok(Prep::Py(o.clone().unbind(), flags))
}

fn is_utf8(enc: &str) -> bool {
    matches!(
        enc.to_ascii_lowercase().as_str(),
        "utf-8" | "utf8" | "u8" | "utf_8"
    )
}

/// Converts Python values into Lua values of this runtime. `wrap_none_first` maps a leading
/// `None` to `python.none` (table keys cannot be nil).
pub(crate) fn to_lua(
    core: &Arc<Core>,
    py: Python<'_>,
    lua: &mut Lua,
    objs: &[Bound<'_, PyAny>],
    wrap_none_first: bool,
) -> PyResult<Vec<StashedValue>> {
    let mut preps = Vec::with_capacity(objs.len());
    for (i, o) in objs.iter().enumerate() {
        preps.push(prep(core, o, wrap_none_first && i == 0)?);
    }
    let (meta, cache) = {
        let st = core.st();
        (st.0.meta.clone(), st.0.cache.clone())
    };
    let mut overflows = Vec::new();
    let built = lua.enter(|ctx| {
        let meta = meta.map(|m| Lua::fetch(ctx, &m));
        let cache = cache.map(|c| Lua::fetch(ctx, &c));
        let (Some(Value::Table(meta)), Some(Value::Table(cache))) = (meta, cache) else {
            return Err("the runtime is not initialised");
        };
        let mut out = Vec::with_capacity(preps.len());
        for (i, p) in preps.into_iter().enumerate() {
            let v = match p {
                Prep::Nil => Value::Nil,
                Prep::Bool(b) => Value::Boolean(b),
                Prep::Int(n) => Value::Integer(n),
                Prep::Num(n) => Value::Number(n),
                Prep::Bytes(b) => {
                    Value::String(ctx.new_string(&b).map_err(|_| "not enough memory")?)
                }
                Prep::Held(h) => Lua::fetch(ctx, &h),
                Prep::Py(obj, flags) => pyobject::userdata(core, ctx, py, meta, cache, &obj, flags),
                Prep::Overflow(obj) => {
                    overflows.push(i);
                    pyobject::userdata(core, ctx, py, meta, cache, &obj, 0)
                }
            };
            out.push(Lua::stash(ctx, v));
        }
        Ok(out)
    });
    let mut vals = match built {
        Ok(v) => v,
        Err(m) => return Err(errors::lua_error(py, m.to_string())),
    };
    for i in overflows {
        let handler = core.st().0.overflow.clone();
        let converted = match handler {
            Some(h) => Core::call(py, lua, &h, vec![vals[i].clone()])
                .ok()
                .and_then(|r| r.into_iter().next()),
            None => None,
        };
        match converted {
            Some(v) => vals[i] = v,
            None => {
                return Err(pyo3::exceptions::PyOverflowError::new_err(
                    "Python int too large to convert to Lua integer",
                ))
            }
        }
    }
    Ok(vals)
}

/// What a Lua value becomes in Python.
enum Got {
    Ready(PyObject),
    Wrap(usize),
    /// A coroutine not started yet: its function, wrapped as a coroutine function (lupa).
    Unstarted(StashedValue),
}

/// Converts Lua values of this runtime into Python objects.
pub(crate) fn from_lua(
    core: &Arc<Core>,
    py: Python<'_>,
    lua: &Lua,
    vals: &[StashedValue],
) -> PyResult<Vec<PyObject>> {
    from_lua_with(core, py, lua, vals, false)
}

/// [`from_lua`]; with `keep_threads`, a coroutine not started yet stays a thread.
pub(crate) fn from_lua_with(
    core: &Arc<Core>,
    py: Python<'_>,
    lua: &Lua,
    vals: &[StashedValue],
    keep_threads: bool,
) -> PyResult<Vec<PyObject>> {
    let got: PyResult<Vec<Got>> = lua.enter(|ctx| {
        vals.iter()
            .map(|h| {
                Ok(match Lua::fetch(ctx, h) {
                    Value::Nil => Got::Ready(py.None()),
                    Value::Boolean(b) => Got::Ready(b.into_py(py)),
                    Value::Integer(i) => Got::Ready(i.into_py(py)),
                    Value::Number(n) => Got::Ready(n.into_py(py)),
                    Value::String(s) => Got::Ready(decode(core, py, s.as_bytes())?),
                    Value::Table(_) => Got::Wrap(0),
                    Value::Function(_) => Got::Wrap(1),
                    Value::Thread(_) if keep_threads => Got::Wrap(2),
                    Value::Thread(t) => match unstarted_function(t) {
                        Some(f) => Got::Unstarted(Lua::stash(ctx, f)),
                        None => Got::Wrap(2),
                    },
                    Value::UserData(ud) => match pyobject::seen_data(core, py, &*ud.0.data) {
                        Seen::Object(obj, _) => Got::Ready(obj),
                        Seen::Deleted => {
                            return Err(pyo3::exceptions::PyReferenceError::new_err(
                                "deleted python object",
                            ))
                        }
                        Seen::Other => Got::Wrap(3),
                    },
                })
            })
            .collect()
    });
    let got = got?;
    let mut out = Vec::with_capacity(got.len());
    for (g, h) in got.into_iter().zip(vals) {
        out.push(match g {
            Got::Ready(o) => o,
            Got::Wrap(kind) => {
                let c = classes(py)?;
                let cls = match kind {
                    0 => &c.table,
                    1 => &c.function,
                    2 => &c.thread,
                    _ => &c.object,
                };
                wrap(core, py, cls, h.clone())?
            }
            Got::Unstarted(f) => wrap(core, py, &classes(py)?.coroutine_function, f)?,
        });
    }
    Ok(out)
}

/// The function of a coroutine that was created but never resumed.
fn unstarted_function<'gc>(t: rupa_vm::thread::Thread<'gc>) -> Option<Value<'gc>> {
    let ts = t.0.try_borrow().ok()?;
    let fresh = ts.status == rupa_vm::thread::ThreadStatus::Suspended
        && ts.frames.is_empty()
        && ts.stack.len() == 1;
    fresh.then(|| ts.stack[0])
}

/// A wrapper of class `cls` holding `v`.
pub(crate) fn wrap(
    core: &Arc<Core>,
    py: Python<'_>,
    cls: &Py<PyType>,
    v: StashedValue,
) -> PyResult<PyObject> {
    let slot = core.hold(v);
    let token = Bound::new(
        py,
        Pending {
            core: core.clone(),
            slot,
        },
    )?;
    let cls = cls.bind(py);
    Ok(cls
        .call_method1(intern!(py, "__new__"), (cls, token))?
        .unbind())
}

/// A Lua string as Python sees it.
pub(crate) fn decode(core: &Core, py: Python<'_>, b: &[u8]) -> PyResult<PyObject> {
    match &core.encoding {
        None => Ok(PyBytes::new_bound(py, b).into_any().unbind()),
        Some(enc) => {
            if is_utf8(enc) {
                if let Ok(s) = std::str::from_utf8(b) {
                    return Ok(PyString::new_bound(py, s).into_any().unbind());
                }
            }
            Ok(PyBytes::new_bound(py, b)
                .call_method1(intern!(py, "decode"), (enc.as_str(),))?
                .unbind())
        }
    }
}

/// Lua results as lupa returns them: `None` for none, the value for one, a tuple for more.
pub(crate) fn results(py: Python<'_>, mut vals: Vec<PyObject>) -> PyObject {
    match vals.len() {
        0 => py.None(),
        1 => vals.pop().unwrap_or_else(|| py.None()),
        _ => pyo3::types::PyTuple::new_bound(py, vals)
            .into_any()
            .unbind(),
    }
}
