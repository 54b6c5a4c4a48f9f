//! Lua errors as Python exceptions, in one place: a Python exception that crossed Lua is
//! raised again unchanged; other errors become `LuaError` / `LuaSyntaxError` /
//! `LuaMemoryError` with lupa's message format (message, then the Lua traceback).

use pyo3::prelude::*;
use rupa_vm::lua::{Lua, LuaErrorReport};
use rupa_vm::Value;

use crate::core::Core;
use crate::pyobject;
use crate::registry::classes;

/// A broken invariant of this crate (never reachable from Lua or Python input).
pub(crate) fn bug(what: &str) -> ! {
    panic!("rupa bug: {what}")
}

/// The Python exception for an error that ended a Lua call.
pub(crate) fn from_report(core: &Core, py: Python<'_>, lua: &Lua, report: LuaErrorReport) -> PyErr {
    if let Some(v) = &report.value {
        if let pyobject::Seen::Object(obj, _) = pyobject::python_object(core, py, lua, v) {
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
        if !tb.is_empty() && has_debug_traceback(lua) {
            message.push('\n');
            message.push_str(&reorder_traceback(&tb));
        }
    }
    lua_error(py, message)
}

/// lupa adds the traceback through `debug.traceback`, so only while that exists.
fn has_debug_traceback(lua: &Lua) -> bool {
    lua.enter(|ctx| {
        let key = rupa_vm::LuaString::new(ctx.mc, b"debug");
        let Value::Table(debug) = ctx.state.globals.get_str(ctx, key) else {
            return false;
        };
        let key = rupa_vm::LuaString::new(ctx.mc, b"traceback");
        debug.get_str(ctx, key).is_function()
    })
}

/// lupa's order: the innermost call last, as Python prints tracebacks. The final `[C]: in ?`
/// is the host's own call into Lua, which lupa's traceback does not show.
fn reorder_traceback(tb: &str) -> String {
    let mut lines: Vec<&str> = tb.lines().collect();
    if lines.last().is_some_and(|l| l.trim() == "[C]: in ?") {
        lines.pop();
    }
    let mut out: Vec<&str> = Vec::with_capacity(lines.len());
    let mut start = 0;
    for line in lines {
        let trimmed = line.trim_start();
        let looks_like_frame = trimmed.len() < line.len() && trimmed.starts_with('[');
        if start > 0 && looks_like_frame {
            out.insert(start, line);
        } else {
            out.push(line);
            start = if line == "stack traceback:" {
                out.len()
            } else {
                0
            };
        }
    }
    out.join("\n")
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
