//! `_LuaObjectBase`: what every wrapper of a Lua value is built on. It holds the runtime and a
//! slot id (never a GC pointer); dropping it on any thread only queues the slot for release.
//! The lupa behaviour of the wrappers (`_LuaTable`, `_LuaFunction`, ...) is Python, in the
//! facade's `_wrappers.py`, built on the few operations here.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use rupa_vm::lua::Lua;
use rupa_vm::Value;

use crate::convert::{self, Failure, FromLua, ToLua};
use crate::core::Core;
use crate::errors;
use crate::roots::Roots;

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

/// What to call. Resolved under the runtime lock, inside the arena.
#[derive(Clone, Copy)]
pub(crate) enum Target<'a, 'py> {
    /// The value in a wrapper's slot.
    Slot(usize),
    /// A runtime helper (see `init::INIT`).
    Helper(&'a str),
    /// Any Python value Lua can call.
    Python(&'a Bound<'py, PyAny>),
    /// A chunk to compile (source, name): `eval`/`execute` in one crossing. A syntax error
    /// raises `LuaSyntaxError("error loading code: ...")`.
    Chunk(&'a [u8], &'a str),
}

/// How to call: the value whose slot goes first (a helper's subject), and how results come
/// back.
#[derive(Clone, Copy, Default)]
pub(crate) struct CallMode {
    /// The slot of a value passed before the arguments.
    pub(crate) this: Option<usize>,
    /// The first argument `None` goes in as `python.none` (a table key).
    pub(crate) wrap_none: bool,
    /// Always return a tuple.
    pub(crate) all_results: bool,
    /// A coroutine not started yet comes back as a thread.
    pub(crate) keep_threads: bool,
}

/// Calls `target(this, args...)` on the runtime and converts the results as lupa does.
pub(crate) fn call_value(
    core: &Arc<Core>,
    py: Python<'_>,
    target: Target<'_, '_>,
    args: &Bound<'_, PyTuple>,
    mode: CallMode,
) -> PyResult<PyObject> {
    core.with_lua(py, |lua, roots| {
        let first = Core::call_with(
            py,
            lua,
            |ctx, stack| {
                let conv = ToLua::new(core, py, ctx, roots);
                stack.push(resolve(&conv, target)?);
                if let Some(slot) = mode.this {
                    stack.push(held(&conv, slot)?);
                }
                for (i, a) in args.iter().enumerate() {
                    stack.push(conv.value(&a, mode.wrap_none && i == 0)?);
                }
                Ok(())
            },
            |ctx, out| convert_results(core, py, ctx, roots, out, mode),
        );
        let outcome = match first {
            Ok(outcome) => outcome,
            Err(Failure::Py(e)) => return Err(e),
            // An `int` for the overflow handler: convert through handles, then call.
            Err(Failure::Overflow) => {
                let func = lua.enter(|ctx| {
                    let conv = ToLua::new(core, py, ctx, roots);
                    let mut head = vec![Lua::stash(ctx, resolve(&conv, target)?)];
                    if let Some(slot) = mode.this {
                        head.push(Lua::stash(ctx, held(&conv, slot)?));
                    }
                    Ok::<_, Failure>(head)
                });
                let mut all = match func {
                    Ok(h) => h,
                    Err(Failure::Py(e)) => return Err(e),
                    Err(Failure::Overflow) => {
                        return Err(pyo3::exceptions::PyOverflowError::new_err(
                            "Python int too large to convert to Lua integer",
                        ))
                    }
                };
                let items: Vec<Bound<'_, PyAny>> = args.iter().collect();
                all.extend(convert::to_lua(
                    core,
                    py,
                    lua,
                    roots,
                    &items,
                    mode.wrap_none,
                )?);
                let r = Core::call_with(
                    py,
                    lua,
                    |ctx, stack| {
                        stack.extend(all.iter().map(|v| Lua::fetch(ctx, v)));
                        Ok::<_, ()>(())
                    },
                    |ctx, out| convert_results(core, py, ctx, roots, out, mode),
                );
                match r {
                    Ok(outcome) => outcome,
                    Err(()) => errors::bug("pushing handles cannot fail"),
                }
            }
        };
        match outcome {
            Ok(r) => r,
            Err(report) => Err(errors::from_report(core, py, lua, report)),
        }
    })
}

fn convert_results<'gc>(
    core: &Arc<Core>,
    py: Python<'_>,
    ctx: rupa_vm::Context<'gc>,
    roots: &Roots,
    out: &[Value<'gc>],
    mode: CallMode,
) -> PyResult<PyObject> {
    let mut conv = FromLua::new(core, py, ctx, roots);
    conv.keep_threads = mode.keep_threads;
    if mode.all_results {
        conv.tuple(out)
    } else {
        conv.results(out)
    }
}

/// The Lua value `target` names.
fn resolve<'gc>(conv: &ToLua<'_, '_, 'gc>, target: Target<'_, '_>) -> Result<Value<'gc>, Failure> {
    match target {
        Target::Slot(slot) => held(conv, slot),
        Target::Helper(name) => {
            let key = rupa_vm::LuaString::new(conv.ctx.mc, name.as_bytes());
            match conv.root.helpers.get_str(conv.ctx, key) {
                Value::Nil => Err(Failure::Py(errors::lua_error(
                    conv.py,
                    format!("no helper {name}"),
                ))),
                v => Ok(v),
            }
        }
        Target::Python(obj) => conv.value(obj, false),
        Target::Chunk(code, name) => match crate::chunks::load(conv.ctx, code, name) {
            Ok(f) => Ok(Value::from(f)),
            Err(e) if e.message.contains("not enough memory") => {
                Err(Failure::Py(errors::syntax_error(conv.py, e.message)))
            }
            Err(e) => Err(Failure::Py(errors::syntax_error(
                conv.py,
                format!("error loading code: {}", e.message),
            ))),
        },
    }
}

/// The value in `slot`, or the "lost reference" error.
fn held<'gc>(conv: &ToLua<'_, '_, 'gc>, slot: usize) -> Result<Value<'gc>, Failure> {
    conv.root
        .held(slot)
        .ok_or_else(|| Failure::Py(errors::lua_error(conv.py, "lost reference".to_string())))
}

/// How a native table write went.
enum Write {
    Done,
    NotTable,
    /// Through Lua: a metatable, an `int` for the overflow handler, or a key Lua refuses.
    Slow,
}

impl LuaObject {
    /// `t[key] = value` if this is a table (raw when it has no metatable, else through Lua);
    /// `false` if it is not a table.
    pub(crate) fn set_item(
        &self,
        py: Python<'_>,
        key: &Bound<'_, PyAny>,
        value: &Bound<'_, PyAny>,
    ) -> PyResult<bool> {
        let core = &self.core;
        let how = self.with_value(py, |ctx, roots, t| {
            let Value::Table(t) = t else {
                return Ok(Write::NotTable);
            };
            if t.metatable().is_some() {
                return Ok(Write::Slow);
            }
            let conv = ToLua::new(core, py, ctx, roots);
            let (k, v) = match (conv.value(key, true), conv.value(value, false)) {
                (Ok(k), Ok(v)) => (k, v),
                (Err(Failure::Py(e)), _) | (_, Err(Failure::Py(e))) => return Err(e),
                _ => return Ok(Write::Slow),
            };
            match t.set(ctx, k, v) {
                Ok(()) => Ok(Write::Done),
                Err(rupa_vm::RuntimeError::OutOfMemory) => {
                    Err(errors::lua_error(py, "not enough memory".to_string()))
                }
                // Lua's own messages (`table index is NaN`) come from the slow path.
                Err(_) => Ok(Write::Slow),
            }
        })?;
        match how {
            Write::Done => Ok(true),
            Write::NotTable => Ok(false),
            Write::Slow => {
                let args = PyTuple::new_bound(py, [key, value]);
                self._helper(py, "setindex", &args, true, false, false, false)?;
                Ok(true)
            }
        }
    }

    /// `t[key]` read natively if this is a table without metatable (`None` otherwise).
    fn get_plain(&self, py: Python<'_>, key: &Bound<'_, PyAny>) -> PyResult<Option<PyObject>> {
        let core = &self.core;
        self.with_value(py, |ctx, roots, t| {
            let Value::Table(t) = t else { return Ok(None) };
            if t.metatable().is_some() {
                return Ok(None);
            }
            let k = match ToLua::new(core, py, ctx, roots).value(key, true) {
                Ok(k) => k,
                Err(Failure::Py(e)) => return Err(e),
                Err(Failure::Overflow) => return Ok(None),
            };
            FromLua::new(core, py, ctx, roots)
                .value(t.get(ctx, k))
                .map(Some)
        })
    }

    /// Runs `f` on this wrapper's value inside the arena, under the runtime lock.
    fn with_value<R>(
        &self,
        py: Python<'_>,
        f: impl for<'gc> FnOnce(rupa_vm::Context<'gc>, &Roots, Value<'gc>) -> PyResult<R>,
    ) -> PyResult<R> {
        self.core.with_lua(py, |lua, roots| {
            lua.enter(|ctx| match roots.get(ctx).held(self.slot) {
                Some(v) => f(ctx, roots, v),
                None => Err(errors::lua_error(py, "lost reference".to_string())),
            })
        })
    }
}

#[pymethods]
impl LuaObject {
    #[new]
    pub(crate) fn new(pending: &Bound<'_, Pending>) -> Self {
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

    /// `obj[key]`: a table without metatable is read natively; everything else goes to the
    /// facade's `_getitem` (per wrapper class). A slot of this base class, so the wrapper
    /// classes (which do not override it) index without a Python frame.
    fn __getitem__(slf: &Bound<'_, Self>, key: &Bound<'_, PyAny>) -> PyResult<PyObject> {
        let py = slf.py();
        match slf.get().get_plain(py, key)? {
            Some(v) => Ok(v),
            None => Ok(slf
                .call_method1(pyo3::intern!(py, "_getitem"), (key, false))?
                .unbind()),
        }
    }

    /// `len(obj)`: the raw length of a table or string, else 0 (as lupa).
    fn __len__(&self, py: Python<'_>) -> PyResult<usize> {
        self.with_value(py, |_, _, v| {
            Ok(match v {
                Value::Table(t) => usize::try_from(t.length()).unwrap_or(0),
                Value::String(s) => s.as_bytes().len(),
                _ => 0,
            })
        })
    }

    /// Calls the wrapped value with `args`.
    fn _call(&self, py: Python<'_>, args: &Bound<'_, PyTuple>) -> PyResult<PyObject> {
        call_value(
            &self.core,
            py,
            Target::Slot(self.slot),
            args,
            CallMode::default(),
        )
    }

    /// Calls runtime helper `name` with this value and `args`; `wrap_none` maps a `None`
    /// first argument to `python.none`; `all_results` always returns a tuple.
    /// `uncapped` lifts the memory cap for the call (deleting a key must work even above the
    /// cap, as it allocates nothing in lua5.4).
    #[pyo3(signature = (name, args, wrap_none=false, all_results=false, keep_threads=false, uncapped=false))]
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn _helper(
        &self,
        py: Python<'_>,
        name: &str,
        args: &Bound<'_, PyTuple>,
        wrap_none: bool,
        all_results: bool,
        keep_threads: bool,
        uncapped: bool,
    ) -> PyResult<PyObject> {
        let core = &self.core;
        let mode = CallMode {
            this: Some(self.slot),
            wrap_none,
            all_results,
            keep_threads,
        };
        if uncapped {
            let limit = core.with_lua(py, |lua, _| {
                let limit = lua.memory_limit();
                lua.set_memory_limit(None);
                Ok(limit)
            })?;
            let out = call_value(core, py, Target::Helper(name), args, mode);
            core.with_lua(py, |lua, _| {
                lua.set_memory_limit(limit);
                Ok(())
            })?;
            return out;
        }
        call_value(core, py, Target::Helper(name), args, mode)
    }

    /// `t[key]` for a table: raw when it has no metatable (no Lua call), else through Lua.
    pub(crate) fn _get(&self, py: Python<'_>, key: &Bound<'_, PyAny>) -> PyResult<PyObject> {
        match self.get_plain(py, key)? {
            Some(v) => Ok(v),
            None => self._helper(
                py,
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
        &self,
        py: Python<'_>,
        key: &Bound<'_, PyAny>,
        value: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        self.set_item(py, key, value).map(|_| ())
    }

    /// The Lua type name of the wrapped value.
    fn _lua_type(&self, py: Python<'_>) -> PyResult<&'static str> {
        self.with_value(py, |_, _, v| Ok(v.type_name()))
    }

    /// The address of the wrapped object (for `repr`).
    fn _address(&self, py: Python<'_>) -> PyResult<usize> {
        self.with_value(py, |_, _, v| Ok(v.address().unwrap_or(0)))
    }

    /// The runtime's source encoding (for attribute names).
    #[getter]
    fn _source_encoding(&self) -> &str {
        &self.core.source_encoding
    }

    /// The runtime's encoding, UTF-8 if it has none (for `str()`).
    #[getter]
    fn _text_encoding(&self) -> &str {
        self.core.encoding.as_deref().unwrap_or("UTF-8")
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
        self.with_value(py, |ctx, roots, a| {
            Ok(roots.get(ctx).held(o.slot).is_some_and(|b| a.raw_equal(&b)))
        })
    }
}
