//! `_TableIter`: raw traversal of a Lua table (`next`) behind `_LuaTable.keys/values/items`
//! (the facade's `_LuaIter` subclasses it). One step per `__next__` under the runtime lock,
//! so threads sharing an iterator share its place. The table and the last key live in slots.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use pyo3::prelude::*;
use rupa_vm::Value;

use crate::convert::FromLua;
use crate::core::Core;
use crate::errors;
use crate::object::LuaObject;

const KEYS: u8 = 1;
const VALUES: u8 = 2;

/// Where a traversal is: the table and the last key, both held in slots.
#[pyclass(frozen, subclass, module = "rupa._rupa", name = "_TableIter")]
pub(crate) struct TableIter {
    core: Arc<Core>,
    table: usize,
    /// Slot of the last key returned (nil before the first step).
    key: usize,
    /// 1: keys, 2: values, 3: items.
    what: u8,
    /// The traversal ended (it stays ended).
    done: AtomicBool,
    /// The wrapper iterated over (for `repr`).
    #[pyo3(get, name = "_obj")]
    obj: Py<PyAny>,
}

impl Drop for TableIter {
    fn drop(&mut self) {
        self.core.forget(self.table);
        self.core.forget(self.key);
    }
}

#[pymethods]
impl TableIter {
    /// An iterator over `obj` (a table wrapper) yielding keys (1), values (2) or items (3).
    #[new]
    fn new(py: Python<'_>, obj: &Bound<'_, LuaObject>, what: u8) -> PyResult<Self> {
        let o = obj.get();
        let core = o.core.clone();
        let (table, key) = core.with_lua(py, |lua, roots| {
            lua.enter(|ctx| {
                let root = roots.get(ctx);
                match root.held(o.slot) {
                    Some(v) => Ok((root.hold(ctx, v), root.hold(ctx, Value::Nil))),
                    None => Err(errors::lua_error(py, "lost reference".to_string())),
                }
            })
        })?;
        Ok(TableIter {
            core,
            table,
            key,
            what,
            done: AtomicBool::new(false),
            obj: obj.clone().into_any().unbind(),
        })
    }

    fn __iter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    /// The next key, value or `(key, value)`; `None` at the end (and ever after).
    fn __next__(&self, py: Python<'_>) -> PyResult<Option<PyObject>> {
        let core = &self.core;
        if self.done.load(Ordering::Relaxed) {
            return Ok(None);
        }
        let r = core.with_lua(py, |lua, roots| {
            lua.enter(|ctx| {
                let root = roots.get(ctx);
                let (Some(table), Some(prev)) = (root.held(self.table), root.held(self.key)) else {
                    return Err(errors::lua_error(py, "lost reference".to_string()));
                };
                let Value::Table(t) = table else {
                    return Err(pyo3::exceptions::PyTypeError::new_err(
                        "cannot iterate over non-table",
                    ));
                };
                match t.next(ctx, prev) {
                    Ok(Some((k, v))) => {
                        root.replace(ctx, self.key, k);
                        let conv = FromLua::new(core, py, ctx, roots);
                        let out = match self.what {
                            KEYS => conv.value(k)?,
                            VALUES => conv.value(v)?,
                            _ => (conv.value(k)?, conv.value(v)?).into_py(py),
                        };
                        Ok(Some(out))
                    }
                    Ok(None) => Ok(None),
                    Err(_) => Err(pyo3::exceptions::PyTypeError::new_err(
                        "invalid key to 'next'",
                    )),
                }
            })
        });
        if !matches!(r, Ok(Some(_))) {
            self.done.store(true, Ordering::Relaxed);
        }
        r
    }
}
