//! Lua errors as Python exceptions, in one place: a Python exception that crossed Lua is
//! raised again unchanged; other errors become `LuaError` / `LuaSyntaxError` /
//! `LuaMemoryError` with lupa's message format (message, then the Lua traceback).

use pyo3::prelude::*;
use rupa_vm::lua::{Lua, LuaErrorReport};

use crate::pyobject;
use crate::registry::classes;

/// A broken invariant of this crate (never reachable from Lua or Python input).
pub(crate) fn bug(what: &str) -> ! {
    panic!("rupa bug: {what}")
}

/// The Python exception for an error that ended a Lua call.
pub(crate) fn from_report(py: Python<'_>, lua: &Lua, report: LuaErrorReport) -> PyErr {
    if let Some(v) = &report.value {
        if let Some((obj, _)) = pyobject::python_object(py, lua, v) {
            if obj
                .bind(py)
                .is_instance_of::<pyo3::exceptions::PyBaseException>()
            {
                return PyErr::from_value_bound(obj.into_bound(py));
            }
        }
    }
    let mut message = report.message;
    if let Some(tb) = report.traceback {
        if !tb.is_empty() {
            message.push('\n');
            message.push_str(&tb);
        }
    }
    lua_error(py, message)
}

/// `LuaError(message)`, or `LuaMemoryError` for "not enough memory".
pub(crate) fn lua_error(py: Python<'_>, message: String) -> PyErr {
    match classes(py) {
        Ok(c) => {
            let cls = if message.contains("not enough memory") {
                &c.memory_error
            } else {
                &c.lua_error
            };
            PyErr::from_type_bound(cls.bind(py).clone(), (message,))
        }
        Err(e) => e,
    }
}

/// `LuaSyntaxError(message)` (or `LuaMemoryError` when loading ran out of memory).
pub(crate) fn syntax_error(py: Python<'_>, message: String) -> PyErr {
    match classes(py) {
        Ok(c) if message.contains("not enough memory") => {
            PyErr::from_type_bound(c.memory_error.bind(py).clone(), (message,))
        }
        Ok(c) => PyErr::from_type_bound(c.syntax_error.bind(py).clone(), (message,)),
        Err(e) => e,
    }
}
