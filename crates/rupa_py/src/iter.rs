//! `_TableIter`: raw traversal of a Lua table (`next`) for `_LuaTable.keys/values/items`,
//! one step per call under the runtime lock, so threads sharing an iterator share its place.

use std::sync::{Arc, Mutex};

use pyo3::prelude::*;
use rupa_vm::lua::Lua;
use rupa_vm::Value;

use crate::convert;
use crate::core::Core;
use crate::errors;

/// Where a traversal is: the table and the last key, both held in slots.
#[pyclass(frozen, module = "rupa._rupa", name = "_TableIter")]
pub(crate) struct TableIter {
    core: Arc<Core>,
    table: usize,
    /// Slot of the last key returned; `None` before the first step. `Some(None)`-like end
    /// state is `done`.
    key: Mutex<(Option<usize>, bool)>,
}

impl TableIter {
    pub(crate) fn new(core: Arc<Core>, table: usize) -> TableIter {
        TableIter {
            core,
            table,
            key: Mutex::new((None, false)),
        }
    }
}

impl Drop for TableIter {
    fn drop(&mut self) {
        self.core.forget(self.table);
        let key = self.key.lock().unwrap_or_else(|e| e.into_inner()).0;
        if let Some(k) = key {
            self.core.forget(k);
        }
    }
}

#[pymethods]
impl TableIter {
    /// The next `(key, value)` pair, or `None` at the end (and ever after).
    fn step(&self, py: Python<'_>) -> PyResult<Option<(PyObject, PyObject)>> {
        let core = &self.core;
        core.with_lua(py, |lua| {
            let mut state = self.key.lock().unwrap_or_else(|e| e.into_inner());
            if state.1 {
                return Ok(None);
            }
            let Some(table) = core.held(self.table) else {
                return Err(errors::lua_error(py, "lost reference".to_string()));
            };
            let prev = state.0.and_then(|k| core.held(k));
            let found = lua.enter(|ctx| {
                let Value::Table(t) = Lua::fetch(ctx, &table) else {
                    return Err("cannot iterate over non-table".to_string());
                };
                let key = prev.as_ref().map_or(Value::Nil, |k| Lua::fetch(ctx, k));
                match t.next(ctx, key) {
                    Ok(Some((k, v))) => Ok(Some((Lua::stash(ctx, k), Lua::stash(ctx, v)))),
                    Ok(None) => Ok(None),
                    Err(_) => Err("invalid key to 'next'".to_string()),
                }
            });
            drop(prev);
            if let Some(old) = state.0.take() {
                core.forget(old);
            }
            match found {
                Ok(Some((k, v))) => {
                    let out = convert::from_lua(core, py, lua, &[k.clone(), v])?;
                    state.0 = Some(core.hold(k));
                    let mut out = out.into_iter();
                    match (out.next(), out.next()) {
                        (Some(k), Some(v)) => Ok(Some((k, v))),
                        _ => Ok(None),
                    }
                }
                Ok(None) => {
                    state.1 = true;
                    Ok(None)
                }
                Err(m) => {
                    state.1 = true;
                    Err(pyo3::exceptions::PyTypeError::new_err(m))
                }
            }
        })
    }
}
