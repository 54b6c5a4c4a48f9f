//! Conversion between Python and Lua values, in one place (docs/conversion.md is its table).
//!
//! Python -> Lua: `None` -> nil (or `python.none` where nil cannot go), `bool`, `int` (an
//! overflow handler or `OverflowError` past 64 bits), `float`, `bytes`, `str` (encoded with the
//! runtime's encoding; wrapped as an object when the encoding is `None`), wrappers of this
//! runtime -> their value, anything else -> userdata holding the object.
//! Lua -> Python: nil -> `None`, booleans, integers -> `int`, floats -> `float`, strings ->
//! `str` (or `bytes` without an encoding), Python objects -> themselves, tables, functions,
//! threads and other userdata -> wrappers holding a slot.
//!
//! Both directions work inside one arena mutation ([`ToLua`], [`FromLua`]), creating no
//! handles; [`to_lua`] is the handle-based form for the slow paths (the overflow handler).

use std::sync::atomic::Ordering;
use std::sync::Arc;

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyBool, PyBytes, PyFloat, PyLong, PyString, PyType};
use rupa_vm::lua::{Lua, StashedValue};
use rupa_vm::{Context, Value};

use crate::core::Core;
use crate::errors;
use crate::object::{LuaObject, Pending};
use crate::pyobject::{self, ProtocolWrapper, Seen, AS_INDEX};
use crate::registry::classes;
use crate::roots::{BridgeRoot, Roots, CACHED_STRING_MAX};

/// Why a Python value did not become a Lua value.
pub(crate) enum Failure {
    /// A Python error (raised as is).
    Py(PyErr),
    /// An `int` past 64 bits while an overflow handler is set: the handler (Lua code) must
    /// convert it, outside the mutation.
    Overflow,
}

impl From<PyErr> for Failure {
    fn from(e: PyErr) -> Failure {
        Failure::Py(e)
    }
}

/// Python -> Lua inside one mutation.
pub(crate) struct ToLua<'a, 'py, 'gc> {
    pub(crate) core: &'a Arc<Core>,
    pub(crate) py: Python<'py>,
    pub(crate) ctx: Context<'gc>,
    pub(crate) root: BridgeRoot<'gc>,
}

impl<'a, 'py, 'gc> ToLua<'a, 'py, 'gc> {
    pub(crate) fn new(
        core: &'a Arc<Core>,
        py: Python<'py>,
        ctx: Context<'gc>,
        roots: &Roots,
    ) -> Self {
        ToLua {
            core,
            py,
            ctx,
            root: roots.get(ctx),
        }
    }

    /// `o` as a Lua value; `wrap_none` maps `None` to `python.none` (table keys cannot be nil).
    #[inline]
    pub(crate) fn value(
        &self,
        o: &Bound<'py, PyAny>,
        wrap_none: bool,
    ) -> Result<Value<'gc>, Failure> {
        // The commonest values without the frame of the general conversion (an `int` that
        // does not fit goes there for its error or the overflow handler).
        if o.is_exact_instance_of::<PyLong>() {
            if let Ok(i) = o.extract::<i64>() {
                return Ok(Value::Integer(i));
            }
        } else if let Ok(f) = o.downcast_exact::<PyFloat>() {
            return Ok(Value::Number(f.value()));
        }
        self.any_value(o, wrap_none)
    }

    /// [`ToLua::value`] for any object.
    fn any_value(&self, o: &Bound<'py, PyAny>, wrap_none: bool) -> Result<Value<'gc>, Failure> {
        let py = self.py;
        if o.is_none() {
            return Ok(if wrap_none {
                self.object(o, 0)
            } else {
                Value::Nil
            });
        }
        if let Ok(b) = o.downcast_exact::<PyBool>() {
            return Ok(Value::Boolean(b.is_true()));
        }
        if let Ok(f) = o.downcast_exact::<PyFloat>() {
            return Ok(Value::Number(f.value()));
        }
        if o.is_instance_of::<PyLong>() {
            return match o.extract::<i64>() {
                Ok(i) => Ok(Value::Integer(i)),
                Err(e) if e.is_instance_of::<pyo3::exceptions::PyOverflowError>(py) => {
                    if self.core.has_overflow.load(Ordering::Relaxed) {
                        Err(Failure::Overflow)
                    } else {
                        Err(Failure::Py(e))
                    }
                }
                Err(e) => Err(Failure::Py(e)),
            };
        }
        if let Ok(s) = o.downcast::<PyString>() {
            return match &self.core.encoding {
                None => Ok(self.object(o, 0)),
                Some(_) if self.core.utf8 => self.short_string(o, s.to_cow()?.as_bytes()),
                Some(enc) => {
                    let b = s.call_method1(intern!(py, "encode"), (enc.as_str(),))?;
                    self.string(b.downcast::<PyBytes>().map_err(PyErr::from)?.as_bytes())
                }
            };
        }
        if let Ok(b) = o.downcast::<PyBytes>() {
            return self.short_string(o, b.as_bytes());
        }
        if let Ok(w) = o.downcast::<LuaObject>() {
            let w = w.get();
            if !Arc::ptr_eq(&w.core, self.core) {
                return Err(Failure::Py(errors::lua_error(
                    py,
                    "cannot mix objects from different Lua runtimes".to_string(),
                )));
            }
            return match self.root.held(w.slot) {
                Some(v) => Ok(v),
                None => Err(Failure::Py(errors::lua_error(
                    py,
                    "lost reference".to_string(),
                ))),
            };
        }
        if let Ok(f) = o.downcast::<PyFloat>() {
            return Ok(Value::Number(f.value()));
        }
        if let Ok(w) = o.downcast::<ProtocolWrapper>() {
            let w = w.get();
            return Ok(self.object(w.obj.bind(py), w.flags));
        }
        let flags = if has_getitem(o)? { AS_INDEX } else { 0 };
        Ok(self.object(o, flags))
    }

    /// A Lua string of `b`, the bytes of `o` (a `str` or `bytes`, whose hash Python keeps),
    /// from the cache when short.
    fn short_string(&self, o: &Bound<'py, PyAny>, b: &[u8]) -> Result<Value<'gc>, Failure> {
        if b.len() > CACHED_STRING_MAX {
            return self.string(b);
        }
        let hash = o.hash()?;
        if let Some(s) = self.root.cached_string(hash, b) {
            return Ok(Value::String(s));
        }
        let v = self.string(b)?;
        if let Value::String(s) = v {
            self.root.cache_string(self.ctx, hash, s);
        }
        Ok(v)
    }

    fn string(&self, b: &[u8]) -> Result<Value<'gc>, Failure> {
        match self.ctx.new_string(b) {
            Ok(s) => Ok(Value::String(s)),
            Err(_) => Err(Failure::Py(errors::lua_error(
                self.py,
                "not enough memory".to_string(),
            ))),
        }
    }

    /// The userdata of Python object `o` under protocol `flags`.
    pub(crate) fn object(&self, o: &Bound<'py, PyAny>, flags: u8) -> Value<'gc> {
        pyobject::userdata(self.core, self.ctx, self.py, self.root, o, flags)
    }
}

/// `hasattr(o, "__getitem__")`, through Python's own `hasattr`: it looks the name up without
/// creating the `AttributeError` that pyo3's `hasattr` makes (and drops) for a missing one.
fn has_getitem(o: &Bound<'_, PyAny>) -> PyResult<bool> {
    static HASATTR: GILOnceCell<Py<PyAny>> = GILOnceCell::new();
    let py = o.py();
    let hasattr = HASATTR.get_or_try_init(py, || {
        Ok::<_, PyErr>(py.import_bound("builtins")?.getattr("hasattr")?.unbind())
    })?;
    hasattr
        .bind(py)
        .call1((o, intern!(py, "__getitem__")))?
        .is_truthy()
}

/// Converts Python values into handles of this runtime's values (calling the overflow handler
/// for `int`s past 64 bits). `wrap_none_first` maps a leading `None` to `python.none`.
pub(crate) fn to_lua(
    core: &Arc<Core>,
    py: Python<'_>,
    lua: &mut Lua,
    roots: &Roots,
    objs: &[Bound<'_, PyAny>],
    wrap_none_first: bool,
) -> PyResult<Vec<StashedValue>> {
    let mut overflows = Vec::new();
    let built = lua.enter(|ctx| {
        let conv = ToLua::new(core, py, ctx, roots);
        let mut out = Vec::with_capacity(objs.len());
        for (i, o) in objs.iter().enumerate() {
            let v = match conv.value(o, wrap_none_first && i == 0) {
                Ok(v) => v,
                Err(Failure::Overflow) => {
                    overflows.push(i);
                    conv.object(o, 0)
                }
                Err(Failure::Py(e)) => return Err(e),
            };
            out.push(Lua::stash(ctx, v));
        }
        Ok((out, Lua::stash(ctx, conv.root.overflow())))
    });
    let (mut vals, handler) = built?;
    for i in overflows {
        let arg = vals[i].clone();
        let converted = Core::call_with(
            py,
            lua,
            |ctx, stack| {
                stack.push(Lua::fetch(ctx, &handler));
                stack.push(Lua::fetch(ctx, &arg));
                Ok::<_, ()>(())
            },
            |ctx, out| out.first().map(|v| Lua::stash(ctx, *v)),
        );
        match converted {
            Ok(Ok(Some(v))) => vals[i] = v,
            _ => {
                return Err(pyo3::exceptions::PyOverflowError::new_err(
                    "Python int too large to convert to Lua integer",
                ))
            }
        }
    }
    Ok(vals)
}

/// Lua -> Python inside one mutation.
pub(crate) struct FromLua<'a, 'py, 'gc> {
    pub(crate) core: &'a Arc<Core>,
    pub(crate) py: Python<'py>,
    pub(crate) ctx: Context<'gc>,
    pub(crate) root: BridgeRoot<'gc>,
    /// A coroutine not started yet stays a thread (else it becomes a coroutine function).
    pub(crate) keep_threads: bool,
}

impl<'a, 'py, 'gc> FromLua<'a, 'py, 'gc> {
    pub(crate) fn new(
        core: &'a Arc<Core>,
        py: Python<'py>,
        ctx: Context<'gc>,
        roots: &Roots,
    ) -> Self {
        FromLua {
            core,
            py,
            ctx,
            root: roots.get(ctx),
            keep_threads: false,
        }
    }

    /// `v` as a Python object.
    pub(crate) fn value(&self, v: Value<'gc>) -> PyResult<PyObject> {
        let py = self.py;
        Ok(match v {
            Value::Nil => py.None(),
            Value::Boolean(b) => b.into_py(py),
            Value::Integer(i) => i.into_py(py),
            Value::Number(n) => n.into_py(py),
            Value::String(s) => decode(self.core, py, s.as_bytes())?,
            Value::Table(_) => self.wrap(v, |c| &c.table)?,
            Value::Closure(f) => match pyobject::as_function_target(f) {
                // `python.as_function(obj)` comes back as `obj` itself, as in lupa.
                Some(o) => self.value(o)?,
                None => self.wrap(v, |c| &c.function)?,
            },
            Value::LightFunction(_) => self.wrap(v, |c| &c.function)?,
            Value::Thread(_) if self.keep_threads => self.wrap(v, |c| &c.thread)?,
            Value::Thread(t) => match unstarted_function(t) {
                Some(f) => self.wrap(f, |c| &c.coroutine_function)?,
                None => self.wrap(v, |c| &c.thread)?,
            },
            Value::UserData(ud) => match pyobject::seen_data(self.core, py, &*ud.0.data) {
                Seen::Object(obj, _) => obj,
                Seen::Deleted => {
                    return Err(pyo3::exceptions::PyReferenceError::new_err(
                        "deleted python object",
                    ))
                }
                Seen::Other => self.wrap(v, |c| &c.object)?,
            },
        })
    }

    /// Lua results as lupa returns them: `None` for none, the value for one, a tuple for more.
    pub(crate) fn results(&self, vals: &[Value<'gc>]) -> PyResult<PyObject> {
        match vals {
            [] => Ok(self.py.None()),
            [v] => self.value(*v),
            _ => Ok(self.tuple(vals)?.into_any()),
        }
    }

    /// All values as a tuple.
    pub(crate) fn tuple(&self, vals: &[Value<'gc>]) -> PyResult<PyObject> {
        let mut out = Vec::with_capacity(vals.len());
        for v in vals {
            out.push(self.value(*v)?);
        }
        Ok(pyo3::types::PyTuple::new_bound(self.py, out)
            .into_any()
            .unbind())
    }

    fn wrap(
        &self,
        v: Value<'gc>,
        cls: impl FnOnce(&'static crate::registry::Classes) -> &'static Py<PyType>,
    ) -> PyResult<PyObject> {
        let cls = cls(classes(self.py)?);
        let slot = self.root.hold(self.ctx, v);
        new_wrapper(self.core, self.py, cls, slot)
    }
}

/// The function of a coroutine that was created but never resumed.
fn unstarted_function<'gc>(t: rupa_vm::thread::Thread<'gc>) -> Option<Value<'gc>> {
    let ts = t.0.try_borrow().ok()?;
    let fresh = ts.status == rupa_vm::thread::ThreadStatus::Suspended
        && ts.frames.is_empty()
        && ts.stack.len() == 1;
    fresh.then(|| ts.stack[0])
}

/// A wrapper of class `cls` for the value in `slot` (which it then owns).
pub(crate) fn new_wrapper(
    core: &Arc<Core>,
    py: Python<'_>,
    cls: &Py<PyType>,
    slot: usize,
) -> PyResult<PyObject> {
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
            if core.utf8 {
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
