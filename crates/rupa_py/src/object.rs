//! `_LuaObjectBase`: what every wrapper of a Lua value is built on. It holds the runtime and a
//! slot id (never a GC pointer); dropping it on any thread only queues the slot for release.
//! The lupa behaviour of the wrappers (`_LuaTable`, `_LuaFunction`, ...) is Python, in the
//! facade's `_wrappers.py`, built on the few operations here.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use rupa_vm::lua::{Lua, StashedValue};
use rupa_vm::Value;

use crate::convert;
use crate::core::Core;
use crate::errors;

/// A wrapper's claim on a slot, handed to `__new__` (not constructible from Python).
#[pyclass(frozen, module = "rupa._rupa", name = "_Pending")]
pub(crate) struct Pending {
    pub(crate) core: Arc<Core>,
    pub(crate) slot: usize,
}

/// Base class of the wrappers of Lua values.
#[pyclass(frozen, subclass, module = "rupa._rupa", name = "_LuaObjectBase")]
pub(crate) struct LuaObject {
    pub(crate) core: Arc<Core>,
    pub(crate) slot: usize,
}

impl Drop for LuaObject {
    fn drop(&mut self) {
        self.core.forget(self.slot);
    }
}

/// What to call. Resolved under the runtime lock: handles are only cloned or dropped there.
pub(crate) enum Target<'a, 'py> {
    /// The value in a wrapper's slot.
    Slot(usize),
    /// A runtime helper (see `runtime::INIT`).
    Helper(&'a str),
    /// Any Python value Lua can call.
    Python(&'a Bound<'py, PyAny>),
}

/// The Lua value `target` names (the lock must be held).
fn resolve(
    core: &Arc<Core>,
    py: Python<'_>,
    lua: &mut Lua,
    target: Target<'_, '_>,
) -> PyResult<StashedValue> {
    let found = match target {
        Target::Slot(slot) => core.held(slot).ok_or_else(|| "lost reference".to_string()),
        Target::Helper(name) => helper(core, lua, name),
        Target::Python(obj) => {
            let mut v = convert::to_lua(core, py, lua, std::slice::from_ref(obj), false)?;
            v.pop().ok_or_else(|| "nothing to call".to_string())
        }
    };
    found.map_err(|m| errors::lua_error(py, m))
}

/// Calls `target(args...)` on the runtime and converts the results as lupa does.
pub(crate) fn call_value(
    core: &Arc<Core>,
    py: Python<'_>,
    target: Target<'_, '_>,
    args: &Bound<'_, PyTuple>,
    wrap_none_first: bool,
    all_results: bool,
    keep_threads: bool,
) -> PyResult<PyObject> {
    let args: Vec<Bound<'_, PyAny>> = args.iter().collect();
    core.with_lua(py, |lua| {
        let func = resolve(core, py, lua, target)?;
        let argv = convert::to_lua(core, py, lua, &args, wrap_none_first)?;
        match Core::call(py, lua, &func, argv) {
            Ok(out) => {
                let vals = convert::from_lua_with(core, py, lua, &out, keep_threads)?;
                if all_results {
                    Ok(PyTuple::new_bound(py, vals).into_any().unbind())
                } else {
                    Ok(convert::results(py, vals))
                }
            }
            Err(report) => Err(errors::from_report(core, py, lua, report)),
        }
    })
}

/// Helper `name` from the runtime's helper table.
pub(crate) fn helper(core: &Core, lua: &Lua, name: &str) -> Result<StashedValue, String> {
    let helpers = core.st().0.helpers.clone();
    let Some(helpers) = helpers else {
        return Err("the runtime is not initialised".to_string());
    };
    lua.enter(|ctx| match Lua::fetch(ctx, &helpers) {
        Value::Table(t) => {
            let key = rupa_vm::LuaString::new(ctx.mc, name.as_bytes());
            match t.get_str(ctx, key) {
                Value::Nil => Err(format!("no helper {name}")),
                v => Ok(Lua::stash(ctx, v)),
            }
        }
        _ => Err("the runtime is not initialised".to_string()),
    })
}

impl LuaObject {
    /// Runs `f` on this wrapper's value under the runtime lock.
    fn with_value<R>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&mut Lua, &StashedValue) -> R,
    ) -> PyResult<R> {
        self.core
            .with_lua(py, |lua| match self.core.held(self.slot) {
                Some(v) => Ok(f(lua, &v)),
                None => Err(errors::lua_error(py, "lost reference".to_string())),
            })
    }
}

#[pymethods]
impl LuaObject {
    #[new]
    fn new(pending: &Bound<'_, Pending>) -> Self {
        let p = pending.get();
        LuaObject {
            core: p.core.clone(),
            slot: p.slot,
        }
    }

    /// Calls the wrapped value (`__call__` natively: no Python frame on the hot path).
    #[pyo3(signature = (*args))]
    fn __call__(&self, py: Python<'_>, args: &Bound<'_, PyTuple>) -> PyResult<PyObject> {
        self._call(py, args)
    }

    /// Calls the wrapped value with `args`.
    fn _call(&self, py: Python<'_>, args: &Bound<'_, PyTuple>) -> PyResult<PyObject> {
        let core = self.core.clone();
        call_value(
            &core,
            py,
            Target::Slot(self.slot),
            args,
            false,
            false,
            false,
        )
    }

    /// Calls runtime helper `name` with this value and `args`; `wrap_none` maps a `None`
    /// first argument to `python.none`; `all_results` always returns a tuple.
    /// `uncapped` lifts the memory cap for the call (deleting a key must work even above the
    /// cap, as it allocates nothing in lua5.4).
    #[pyo3(signature = (name, args, wrap_none=false, all_results=false, keep_threads=false, uncapped=false))]
    #[allow(clippy::too_many_arguments)]
    fn _helper(
        slf: &Bound<'_, Self>,
        name: &str,
        args: &Bound<'_, PyTuple>,
        wrap_none: bool,
        all_results: bool,
        keep_threads: bool,
        uncapped: bool,
    ) -> PyResult<PyObject> {
        let py = slf.py();
        let this = slf.get();
        let core = this.core.clone();
        if uncapped {
            let limit = core.with_lua(py, |lua| {
                let limit = lua.memory_limit();
                lua.set_memory_limit(None);
                Ok(limit)
            })?;
            let out = Self::_helper(slf, name, args, wrap_none, all_results, keep_threads, false);
            core.with_lua(py, |lua| {
                lua.set_memory_limit(limit);
                Ok(())
            })?;
            return out;
        }
        let func = Target::Helper(name);
        let mut all: Vec<Bound<'_, PyAny>> = vec![slf.clone().into_any()];
        all.extend(args.iter());
        let all = PyTuple::new_bound(py, all);
        if wrap_none {
            // The first argument is this object; `wrap_none` is about the one after it.
            let key_none = args.len() > 0 && args.get_item(0)?.is_none();
            if key_none {
                let mut items: Vec<Bound<'_, PyAny>> = all.iter().collect();
                items[1] = Bound::new(py, crate::pyobject::wrap_protocol(py.None(), 0))?.into_any();
                let all = PyTuple::new_bound(py, items);
                return call_value(&core, py, func, &all, false, all_results, keep_threads);
            }
        }
        call_value(&core, py, func, &all, false, all_results, keep_threads)
    }

    /// `t[key]` for a table: raw when it has no metatable (no Lua call), else through Lua.
    fn _get(slf: &Bound<'_, Self>, key: &Bound<'_, PyAny>) -> PyResult<PyObject> {
        let py = slf.py();
        let this = slf.get();
        let core = &this.core;
        let fast = this.with_value(py, |lua, t| -> PyResult<Option<PyObject>> {
            let plain = lua.enter(
                |ctx| matches!(Lua::fetch(ctx, t), Value::Table(t) if t.metatable().is_none()),
            );
            if !plain {
                return Ok(None);
            }
            let k = convert::to_lua(core, py, lua, std::slice::from_ref(key), true)?;
            let v = lua.enter(|ctx| match (Lua::fetch(ctx, t), k.first()) {
                (Value::Table(t), Some(k)) => Lua::stash(ctx, t.get(ctx, Lua::fetch(ctx, k))),
                _ => Lua::stash(ctx, Value::Nil),
            });
            let mut out = convert::from_lua(core, py, lua, &[v])?;
            Ok(out.pop())
        })??;
        match fast {
            Some(v) => Ok(v),
            None => Self::_helper(
                slf,
                "index",
                &PyTuple::new_bound(py, [key]),
                true,
                false,
                false,
                false,
            ),
        }
    }

    /// `t[key] = value` for a table: raw when it has no metatable, else through Lua.
    fn _set(
        slf: &Bound<'_, Self>,
        key: &Bound<'_, PyAny>,
        value: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        let py = slf.py();
        let this = slf.get();
        let core = &this.core;
        let done = this.with_value(py, |lua, t| -> PyResult<bool> {
            let plain = lua.enter(
                |ctx| matches!(Lua::fetch(ctx, t), Value::Table(t) if t.metatable().is_none()),
            );
            if !plain {
                return Ok(false);
            }
            let k = convert::to_lua(core, py, lua, std::slice::from_ref(key), true)?;
            let v = convert::to_lua(core, py, lua, std::slice::from_ref(value), false)?;
            let r = lua.enter(|ctx| match (Lua::fetch(ctx, t), k.first(), v.first()) {
                (Value::Table(t), Some(k), Some(v)) => t
                    .set(ctx, Lua::fetch(ctx, k), Lua::fetch(ctx, v))
                    .map_err(|e| match e {
                        rupa_vm::RuntimeError::OutOfMemory => "not enough memory".to_string(),
                        other => format!("{other:?}"),
                    }),
                _ => Ok(()),
            });
            match r {
                Ok(()) => Ok(true),
                // Lua's own messages (`table index is NaN`) come from the slow path.
                Err(m) if m == "not enough memory" => Err(errors::lua_error(py, m)),
                Err(_) => Ok(false),
            }
        })??;
        if !done {
            Self::_helper(
                slf,
                "setindex",
                &PyTuple::new_bound(py, [key, value]),
                true,
                false,
                false,
                false,
            )?;
        }
        Ok(())
    }

    /// A raw traversal of the wrapped table.
    fn _iter(&self, py: Python<'_>) -> PyResult<crate::iter::TableIter> {
        let slot = self.with_value(py, |_, v| self.core.hold(v.clone()))?;
        Ok(crate::iter::TableIter::new(self.core.clone(), slot))
    }

    /// The Lua type name of the wrapped value.
    fn _lua_type(&self, py: Python<'_>) -> PyResult<&'static str> {
        self.with_value(py, |lua, v| lua.enter(|ctx| Lua::fetch(ctx, v).type_name()))
    }

    /// The address of the wrapped object (for `repr`).
    fn _address(&self, py: Python<'_>) -> PyResult<usize> {
        self.with_value(py, |lua, v| {
            lua.enter(|ctx| Lua::fetch(ctx, v).address().unwrap_or(0))
        })
    }

    /// Whether `other` wraps a value of the same runtime.
    fn _same_runtime(&self, other: &Bound<'_, LuaObject>) -> bool {
        Arc::ptr_eq(&self.core, &other.get().core)
    }

    /// Whether both wrap the same Lua value (raw equality).
    fn _raw_equal(&self, py: Python<'_>, other: &Bound<'_, LuaObject>) -> PyResult<bool> {
        let o = other.get();
        if !Arc::ptr_eq(&self.core, &o.core) {
            return Ok(false);
        }
        self.core.with_lua(py, |lua| {
            match (self.core.held(self.slot), self.core.held(o.slot)) {
                (Some(a), Some(b)) => {
                    Ok(lua.enter(|ctx| Lua::fetch(ctx, &a).raw_equal(&Lua::fetch(ctx, &b))))
                }
                _ => Ok(false),
            }
        })
    }
}
