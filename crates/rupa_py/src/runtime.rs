//! `Runtime`: the native half of `LuaRuntime` — creates the Lua state with its libraries and
//! the `python` table, loads chunks, and exposes what the facade needs (globals, new tables,
//! helpers, garbage collection, memory). Argument checking and lupa's API shape are the
//! facade's (`rupa/_runtime.py`).

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use pyo3::{PyTraverseError, PyVisit};
use rupa_vm::lua::Lua;
use rupa_vm::{Context, Table, Value};

use crate::convert::{self, Failure, ToLua};
use crate::core::Core;
use crate::errors;
use crate::host::{host, HostShared, Op};
use crate::init::{bridge_tables, init_proto, load_libraries};
use crate::object::{call_value, CallMode, Target};
use crate::registry::classes;
use crate::roots::Roots;

/// A Lua state for one `LuaRuntime`.
#[pyclass(module = "rupa._rupa", name = "Runtime")]
pub(crate) struct Runtime {
    core: Arc<Core>,
}

#[pymethods]
impl Runtime {
    /// A new state with the standard libraries and the `python` table; `bridge` is the Python
    /// object answering for Python objects in Lua, `encoding` the text encoding of strings,
    /// `source_encoding` that of attribute names.
    #[new]
    /// `python_extras` are set in the `python` table (`none`, `eval`, `builtins`);
    /// `plain_index` says there is no attribute filter or handler (indexing is native then).
    #[pyo3(signature = (bridge, encoding, source_encoding, unpack_returned_tuples=false, python_extras=Vec::new(), plain_index=false))]
    fn new(
        py: Python<'_>,
        bridge: Py<PyAny>,
        encoding: Option<String>,
        source_encoding: String,
        unpack_returned_tuples: bool,
        python_extras: Vec<(String, Bound<'_, PyAny>)>,
        plain_index: bool,
    ) -> PyResult<Self> {
        let lua = Lua::new();
        // Nothing made while setting up is garbage yet: collecting now would only trace it.
        lua.enter(|ctx| ctx.state.gc_stopped.set(true));
        load_libraries(&lua);
        let core = Arc::new(Core::new(
            lua,
            bridge,
            encoding,
            source_encoding,
            unpack_returned_tuples,
            plain_index,
        ));
        let shared = HostShared::new(Arc::downgrade(&core));
        let roots = core.with_state(py, |lua, _| {
            let hosts: Vec<_> = Op::ALL
                .iter()
                .map(|&op| {
                    let f = lua.create_raw_host_function(op.name(), host(shared.clone(), op));
                    // Steps of a list or tuple are served natively when read ahead.
                    if op == Op::IterNext {
                        crate::seqiter::stepper(lua, f)
                    } else {
                        f
                    }
                })
                .collect();
            let init = lua
                .load_proto(&init_proto()?)
                .map_err(|e| errors::syntax_error(py, e.message))?;
            let out = lua
                .call(&init, &[])
                .map_err(|r| errors::from_report(&core, py, lua, r))?;
            lua.enter(|ctx| {
                let helpers = match out.first().map(|v| Lua::fetch(ctx, v)) {
                    Some(Value::Table(t)) => t,
                    _ => {
                        return Err(errors::lua_error(
                            py,
                            "the runtime could not be initialised".to_string(),
                        ))
                    }
                };
                let hosts: Vec<Value> = hosts.iter().map(|h| Lua::fetch(ctx, h)).collect();
                let (m, c, p) = bridge_tables(ctx, &hosts).map_err(|_| no_memory_error(py))?;
                let h = helpers;
                let roots = Roots::new(ctx, m, c, h);
                let conv = ToLua::new(&core, py, ctx, &roots);
                for (name, obj) in &python_extras {
                    let v = match conv.value(obj, false) {
                        Ok(v) => v,
                        Err(Failure::Py(e)) => return Err(e),
                        Err(Failure::Overflow) => continue,
                    };
                    let k = rupa_vm::LuaString::new(ctx.mc, name.as_bytes());
                    p.set_str(ctx, k, v).map_err(|_| no_memory_error(py))?;
                }
                ctx.state.gc_stopped.set(false);
                Ok(roots)
            })
        })?;
        core.set_roots(py, roots, shared);
        Ok(Runtime { core })
    }

    /// Compiles `code` as a chunk named `name`; returns the function or raises
    /// `LuaSyntaxError` with the bare message.
    fn load(&self, py: Python<'_>, code: &[u8], name: &str) -> PyResult<PyObject> {
        let core = &self.core;
        core.with_lua(py, |lua, roots| {
            let slot = lua.enter(|ctx| {
                crate::chunks::load(ctx, code, name)
                    .map(|f| roots.get(ctx).hold(ctx, Value::from(f)))
            });
            match slot {
                Ok(slot) => convert::new_wrapper(core, py, &classes(py)?.function, slot),
                Err(e) => Err(errors::syntax_error(py, e.message)),
            }
        })
    }

    /// Compiles `code` and calls the chunk with `args` (`eval`/`execute` in one crossing);
    /// raises `LuaSyntaxError` with lupa's "error loading code: " prefix when it does not
    /// compile.
    fn run(
        &self,
        py: Python<'_>,
        code: &[u8],
        name: &str,
        args: &Bound<'_, PyTuple>,
    ) -> PyResult<PyObject> {
        call_value(
            &self.core,
            py,
            Target::Chunk(code, name),
            args,
            CallMode::default(),
        )
    }

    /// Calls `func(*args)` (a wrapper or any value Lua can call).
    fn call(
        &self,
        py: Python<'_>,
        func: &Bound<'_, PyAny>,
        args: &Bound<'_, PyTuple>,
    ) -> PyResult<PyObject> {
        call_value(
            &self.core,
            py,
            Target::Python(func),
            args,
            CallMode::default(),
        )
    }

    /// The globals table.
    fn globals(&self, py: Python<'_>) -> PyResult<PyObject> {
        let core = &self.core;
        core.with_lua(py, |lua, roots| {
            let slot = lua.enter(|ctx| roots.get(ctx).hold(ctx, Value::Table(ctx.state.globals)));
            convert::new_wrapper(core, py, &classes(py)?.table, slot)
        })
    }

    /// A new table (or `target`, a table wrapper, filled); `items` go to 1..n, then `pairs`
    /// (key, value) are set raw.
    #[pyo3(signature = (items, pairs, target=None))]
    fn table(
        &self,
        py: Python<'_>,
        items: &Bound<'_, PyAny>,
        pairs: Vec<(Bound<'_, PyAny>, Bound<'_, PyAny>)>,
        target: Option<Bound<'_, PyAny>>,
    ) -> PyResult<PyObject> {
        let core = &self.core;
        // The items as a tuple (a list copied by one C call): each is then read borrowed,
        // without a reference taken and dropped (two C calls) per item.
        let items = match items.downcast::<pyo3::types::PyList>() {
            Ok(l) => l.to_tuple(),
            Err(_) => match items.downcast::<PyTuple>() {
                Ok(t) => t.clone(),
                Err(_) => PyTuple::new_bound(py, items.iter()?.collect::<PyResult<Vec<_>>>()?),
            },
        };
        let n = items.len();
        core.with_lua(py, |lua, roots| {
            let fast = lua.enter(|ctx| {
                let conv = ToLua::new(core, py, ctx, roots);
                let t = table_target(&conv, target.as_ref(), n, pairs.len())?;
                // In chunks: one table write (borrow and barrier) per chunk, not per item.
                let mut chunk = smallvec::SmallVec::<[Value<'_>; 64]>::new();
                let mut start = 1;
                for i in 0..n {
                    let item = items.get_borrowed_item(i).map_err(Failure::Py)?;
                    chunk.push(conv.value(&item, false)?);
                    if chunk.len() == chunk.inline_size() || i + 1 == n {
                        t.set_list(ctx, start, &chunk).map_err(|_| no_memory(py))?;
                        start += chunk.len() as i64;
                        chunk.clear();
                    }
                }
                for (k, v) in &pairs {
                    let k = conv.value(k, true)?;
                    let v = conv.value(v, false)?;
                    if !k.is_nil() {
                        t.set(ctx, k, v).map_err(|_| no_memory(py))?;
                    }
                }
                Ok(conv.root.hold(ctx, Value::Table(t)))
            });
            let slot = match fast {
                Ok(slot) => slot,
                Err(Failure::Py(e)) => return Err(e),
                Err(Failure::Overflow) => {
                    let items = items.iter().collect::<Vec<_>>();
                    table_with_handles(core, py, lua, roots, &items, &pairs, target.as_ref())?
                }
            };
            convert::new_wrapper(core, py, &classes(py)?.table, slot)
        })
    }

    /// Sets the handler for Python integers too large for Lua (`None`: none).
    fn set_overflow_handler(&self, py: Python<'_>, handler: &Bound<'_, PyAny>) -> PyResult<()> {
        let core = &self.core;
        core.with_lua(py, |lua, roots| {
            lua.enter(|ctx| {
                let v = match ToLua::new(core, py, ctx, roots).value(handler, false) {
                    Ok(v) => v,
                    Err(Failure::Py(e)) => return Err(e),
                    Err(Failure::Overflow) => Value::Nil,
                };
                roots.get(ctx).set_overflow(ctx, v);
                core.has_overflow
                    .store(!v.is_nil(), std::sync::atomic::Ordering::Relaxed);
                Ok(())
            })
        })
    }

    /// Runs a full garbage collection.
    fn gc_collect(&self, py: Python<'_>) -> PyResult<()> {
        self.core.with_lua(py, |lua, _| {
            lua.collect_full();
            Ok(())
        })
    }

    /// Stops (`true`) or restarts the collector; returns whether it was stopped.
    fn gc_stop(&self, py: Python<'_>, stop: bool) -> PyResult<bool> {
        self.core.with_lua(py, |lua, _| {
            Ok(lua.enter(|ctx| ctx.state.gc_stopped.replace(stop)))
        })
    }

    /// Bytes the state owns now.
    fn memory_used(&self, py: Python<'_>) -> PyResult<usize> {
        self.core.with_lua(py, |lua, _| Ok(lua.memory_used()))
    }

    /// Sets the memory cap in bytes (`None`: no cap).
    #[pyo3(signature = (limit=None))]
    fn set_memory_limit(&self, py: Python<'_>, limit: Option<usize>) -> PyResult<()> {
        if limit.is_some() {
            self.core
                .capped
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
        self.core.with_lua(py, |lua, _| {
            lua.set_memory_limit(limit);
            Ok(())
        })
    }

    /// Shows Python's cycle collector the objects this runtime holds: the bridge and every
    /// Python object Lua references (skipped while another thread changes them, which only
    /// makes the collector keep them).
    fn __traverse__(&self, visit: PyVisit<'_>) -> Result<(), PyTraverseError> {
        visit.call(&self.core.bridge)?;
        if let Ok(refs) = self.core.pyrefs.try_lock() {
            for (obj, _) in refs.values() {
                visit.call(obj)?;
            }
        }
        Ok(())
    }

    /// Breaks a reference cycle: Lua's Python objects become deleted objects.
    fn __clear__(&mut self) {
        let taken = std::mem::take(&mut *self.core.refs());
        drop(taken);
    }

    /// Whether the current thread is running Lua code of this runtime.
    fn held_here(&self) -> bool {
        self.core.held_here()
    }
}

fn no_memory_error(py: Python<'_>) -> PyErr {
    errors::lua_error(py, "not enough memory".to_string())
}

fn no_memory(py: Python<'_>) -> Failure {
    Failure::Py(errors::lua_error(py, "not enough memory".to_string()))
}

/// The table `Runtime.table` fills: `target`'s, or a new one sized for the entries.
fn table_target<'gc>(
    conv: &ToLua<'_, '_, 'gc>,
    target: Option<&Bound<'_, PyAny>>,
    items: usize,
    pairs: usize,
) -> Result<Table<'gc>, Failure> {
    match target {
        Some(t) => match conv.value(t, false)? {
            Value::Table(t) => Ok(t),
            _ => Err(Failure::Py(pyo3::exceptions::PyTypeError::new_err(
                "not a Lua table",
            ))),
        },
        None => Table::with_capacity(conv.ctx, items, pairs).map_err(|_| no_memory(conv.py)),
    }
}

/// `Runtime.table` when an `int` needs the overflow handler: values converted to handles
/// first (the handler is Lua code), then set.
fn table_with_handles(
    core: &Arc<Core>,
    py: Python<'_>,
    lua: &mut Lua,
    roots: &Roots,
    items: &[Bound<'_, PyAny>],
    pairs: &[(Bound<'_, PyAny>, Bound<'_, PyAny>)],
    target: Option<&Bound<'_, PyAny>>,
) -> PyResult<usize> {
    let target = match target {
        Some(t) => convert::to_lua(core, py, lua, roots, std::slice::from_ref(t), false)?.pop(),
        None => None,
    };
    let vals = convert::to_lua(core, py, lua, roots, items, false)?;
    let mut flat = Vec::with_capacity(pairs.len() * 2);
    for (k, v) in pairs {
        flat.extend(convert::to_lua(
            core,
            py,
            lua,
            roots,
            std::slice::from_ref(k),
            true,
        )?);
        flat.extend(convert::to_lua(
            core,
            py,
            lua,
            roots,
            std::slice::from_ref(v),
            false,
        )?);
    }
    let built = lua.enter(|ctx: Context<'_>| {
        let t = match target.as_ref().map(|t| Lua::fetch(ctx, t)) {
            Some(Value::Table(t)) => t,
            Some(_) => return Err(()),
            None => Table::with_capacity(ctx, vals.len(), pairs.len()).map_err(|_| ())?,
        };
        for (i, v) in vals.iter().enumerate() {
            t.set_int(ctx, i as i64 + 1, Lua::fetch(ctx, v))
                .map_err(|_| ())?;
        }
        for kv in flat.chunks(2) {
            let k = Lua::fetch(ctx, &kv[0]);
            if k.is_nil() {
                continue;
            }
            t.set(ctx, k, Lua::fetch(ctx, &kv[1])).map_err(|_| ())?;
        }
        Ok(roots.get(ctx).hold(ctx, Value::Table(t)))
    });
    built.map_err(|()| errors::lua_error(py, "not enough memory".to_string()))
}
