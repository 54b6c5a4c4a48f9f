//! `_LuaTableBase`: what only tables have, natively — item and attribute assignment and
//! deletion as slots (so `t[k] = v` and `t.name = v` run without a Python frame) and
//! attribute reads with names encoded by the runtime's source encoding.

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::object::{LuaObject, Pending};

/// Base class of `_LuaTable`: item assignment and deletion as slots of a native class, so
/// `t[k] = v` runs without a Python frame. (Only tables have them, as in lupa.)
#[pyclass(frozen, subclass, extends = LuaObject, module = "rupa._rupa", name = "_LuaTableBase")]
pub(crate) struct LuaTableBase;

#[pymethods]
impl LuaTableBase {
    #[new]
    fn new(pending: &Bound<'_, Pending>) -> (Self, LuaObject) {
        (LuaTableBase, LuaObject::new(pending))
    }

    /// `t[key] = value`, honouring `__newindex`.
    fn __setitem__(
        slf: PyRef<'_, Self>,
        key: &Bound<'_, PyAny>,
        value: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        // The base class without a second type check (`downcast` would make one).
        let this: &LuaObject = slf.as_super();
        this.set_item(slf.py(), key, value).map(|_| ())
    }

    /// `t.name` (the facade's `_LuaTable.__getattr__`): the name encoded with the runtime's
    /// source encoding; dunder names are not table keys.
    fn _attr_get(slf: PyRef<'_, Self>, name: &Bound<'_, PyAny>) -> PyResult<PyObject> {
        let py = slf.py();
        let this: &LuaObject = slf.as_super();
        let Some(key) = attr_key(this, name)? else {
            return Err(pyo3::exceptions::PyAttributeError::new_err(
                name.clone().unbind(),
            ));
        };
        this._get(py, &key)
    }

    /// `t.name = value`: the name encoded with the runtime's source encoding; dunder names
    /// are set on the Python object. A slot, so `_LuaTable` runs it without a Python frame.
    fn __setattr__(
        slf: PyRef<'_, Self>,
        name: &Bound<'_, PyAny>,
        value: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        let py = slf.py();
        let this: &LuaObject = slf.as_super();
        match attr_key(this, name)? {
            Some(key) => this.set_item(py, &key, value).map(|_| ()),
            None => {
                object_type(py)?.call_method1(intern!(py, "__setattr__"), (&slf, name, value))?;
                Ok(())
            }
        }
    }

    /// `del t.name`.
    fn __delattr__(slf: &Bound<'_, Self>, name: &Bound<'_, PyAny>) -> PyResult<()> {
        let py = slf.py();
        let this = slf.downcast::<LuaObject>()?.get();
        match attr_key(this, name)? {
            Some(key) => {
                let args = PyTuple::new_bound(py, [key, py.None().into_bound(py)]);
                this._helper(py, "setindex", &args, true, false, false, true)?;
                Ok(())
            }
            None => {
                object_type(py)?.call_method1(intern!(py, "__delattr__"), (slf, name))?;
                Ok(())
            }
        }
    }

    /// `del t[key]`. Works above the memory cap, as deleting allocates nothing in lua5.4.
    fn __delitem__(slf: &Bound<'_, Self>, key: &Bound<'_, PyAny>) -> PyResult<()> {
        let py = slf.py();
        let this = slf.downcast::<LuaObject>()?.get();
        let args = PyTuple::new_bound(py, [key.clone(), py.None().into_bound(py)]);
        this._helper(py, "setindex", &args, true, false, false, true)?;
        Ok(())
    }
}

/// The table key for attribute `name`: a `str` encoded with the runtime's source encoding,
/// anything else as is; `None` for a dunder name (an attribute of the Python object).
fn attr_key<'py>(
    this: &LuaObject,
    name: &Bound<'py, PyAny>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let py = name.py();
    if let Ok(s) = name.downcast::<pyo3::types::PyString>() {
        let text = s.to_cow()?;
        if text.starts_with("__") && text.ends_with("__") {
            return Ok(None);
        }
        if this.core.source_utf8 {
            // The same Lua string as the encoded bytes would give, and the `str` keeps its
            // hash for the string cache.
            if this.core.utf8 {
                return Ok(Some(name.clone()));
            }
            return Ok(Some(
                pyo3::types::PyBytes::new_bound(py, text.as_bytes()).into_any(),
            ));
        }
        return Ok(Some(s.call_method1(
            intern!(py, "encode"),
            (this.core.source_encoding.as_str(),),
        )?));
    }
    if let Ok(b) = name.downcast::<pyo3::types::PyBytes>() {
        let b = b.as_bytes();
        if b.starts_with(b"__") && b.ends_with(b"__") {
            return Ok(None);
        }
    }
    Ok(Some(name.clone()))
}

/// Python's `object` (its `__setattr__`/`__delattr__` for dunder names).
fn object_type(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    static OBJECT: pyo3::sync::GILOnceCell<Py<PyAny>> = pyo3::sync::GILOnceCell::new();
    Ok(OBJECT
        .get_or_try_init(py, || {
            Ok::<_, PyErr>(py.import_bound("builtins")?.getattr("object")?.unbind())
        })?
        .bind(py))
}
