//! `python.iter` over a `list` or `tuple`, batched: the loop's steps are served by a native
//! function from Lua values read ahead, so most steps neither call the host nor take the GIL.
//!
//! Behaviour stays that of Python's list iterator, which reads `seq[i]` and checks the length
//! at every step (lupa calls it at every step): the values read ahead are only used while no
//! Python code has run on this thread since they were read. Every host call and every entry
//! from Python advances the runtime's epoch (`Core::touch`), and a batch read under another
//! epoch is dropped. Python code on another thread that does not enter the runtime is not
//! ordered with the loop in lupa either; reading ahead is one of the orders it allows.
//!
//! Reading ahead stops at the first item that is not a plain value (an exact `int` that fits,
//! `float`, `bool`, `bytes`, or `str` under a UTF-8 encoding): converting anything else may
//! run Python code or fail, which must happen at its own step. Reading ahead never ends the
//! iterator: only a step Lua takes past the last item does.

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;

use gc_arena::lock::Lock;
use gc_arena::Gc;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyFloat, PyList, PyLong, PyString, PyTuple};
use rupa_vm::error::RuntimeError;
use rupa_vm::lua::{Lua, StashedValue};
use rupa_vm::native::{NativeAction, NativeStack};
use rupa_vm::userdata::{UserData, UserDataObj};
use rupa_vm::{Context, Table, Value};

use crate::convert::ToLua;

/// Most items read ahead at once (the batch doubles up to it while batches are used whole).
const MAX_BATCH: u32 = 1024;

/// Where an iteration over a sequence stands, shared by its [`SeqIter`] and the batch.
#[derive(Default)]
struct SeqPos {
    /// The next item's index.
    index: AtomicUsize,
    /// Ended (as a list iterator, it stays ended even if the sequence grows).
    done: AtomicBool,
}

/// The iterator `python.iter` makes for an exact `list` or `tuple`: Python's list iterator
/// semantics, with a position the batch can advance without the GIL.
#[pyclass(frozen, module = "rupa._rupa", name = "_SeqIter")]
pub(crate) struct SeqIter {
    seq: Py<PyAny>,
    pos: Arc<SeqPos>,
}

impl SeqIter {
    /// An iterator over `obj` if it is exactly a `list` or a `tuple`.
    pub(crate) fn over(obj: &Bound<'_, PyAny>) -> Option<SeqIter> {
        (obj.is_exact_instance_of::<PyList>() || obj.is_exact_instance_of::<PyTuple>()).then(|| {
            SeqIter {
                seq: obj.clone().unbind(),
                pos: Arc::default(),
            }
        })
    }

    /// The item at `i` if the sequence has one (no exception made past the end).
    fn item<'py>(&self, py: Python<'py>, i: usize) -> Option<Bound<'py, PyAny>> {
        let seq = self.seq.bind(py);
        if let Ok(l) = seq.downcast::<PyList>() {
            return if i < l.len() {
                l.get_item(i).ok()
            } else {
                None
            };
        }
        let t = seq.downcast::<PyTuple>().ok()?;
        if i < t.len() {
            t.get_item(i).ok()
        } else {
            None
        }
    }

    /// The next item, advancing; `None` once the sequence is exhausted.
    pub(crate) fn next_item<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyAny>> {
        if self.pos.done.load(Ordering::Relaxed) {
            return None;
        }
        let i = self.pos.index.load(Ordering::Relaxed);
        match self.item(py, i) {
            Some(v) => {
                self.pos.index.store(i + 1, Ordering::Relaxed);
                Some(v)
            }
            None => {
                self.pos.done.store(true, Ordering::Relaxed);
                None
            }
        }
    }
}

#[pymethods]
impl SeqIter {
    #[new]
    fn new() -> PyResult<Self> {
        Err(pyo3::exceptions::PyTypeError::new_err(
            "Type cannot be instantiated from Python",
        ))
    }

    fn __iter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyAny>> {
        self.next_item(py)
    }

    /// Items left (as the list iterator's `__length_hint__`).
    fn __length_hint__(&self, py: Python<'_>) -> PyResult<usize> {
        if self.pos.done.load(Ordering::Relaxed) {
            return Ok(0);
        }
        let len = self.seq.bind(py).len()?;
        Ok(len.saturating_sub(self.pos.index.load(Ordering::Relaxed)))
    }
}

/// A batch read ahead for one iteration: the data of a userdata kept as the user value of the
/// iterator's userdata, whose own user value is the table of values (`1..=end`).
struct Batch {
    /// The runtime's epoch (see the module header).
    epoch: Arc<AtomicU64>,
    /// The epoch the values were read in.
    seen: Cell<u64>,
    /// The index in the sequence of the first value.
    base: Cell<usize>,
    /// Values handed out / read.
    next: Cell<u32>,
    end: Cell<u32>,
    /// Values to read next time.
    size: Cell<u32>,
    pos: Arc<SeqPos>,
}

/// The loop function of `python.iter`/`python.iterex`: the next value of a batch if one is
/// ready and still valid, else the host's `iter_next` (tail-called with the same arguments).
/// Its upvalue is that host function.
fn step_native<'gc>(
    ctx: Context<'gc>,
    upvalues: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> Result<NativeAction<'gc>, RuntimeError<'gc>> {
    if let Some(v) = batched(ctx, stack.get(0)) {
        stack.replace(&[v]);
        return Ok(NativeAction::Return);
    }
    Ok(NativeAction::TailCall {
        func: upvalues.first().copied().unwrap_or(Value::Nil),
    })
}

/// The next read-ahead value for the iterator `state`, if valid (and advances past it).
fn batched<'gc>(ctx: Context<'gc>, state: Value<'gc>) -> Option<Value<'gc>> {
    let Value::UserData(ud) = state else {
        return None;
    };
    let Value::UserData(ctl) = ud.0.user_value.get() else {
        return None;
    };
    let b = ctl.0.data.downcast_ref::<Batch>()?;
    let n = b.next.get();
    let at = b.base.get() + n as usize;
    if n >= b.end.get()
        || b.seen.get() != b.epoch.load(Ordering::Relaxed)
        || b.pos.index.load(Ordering::Relaxed) != at
        || b.pos.done.load(Ordering::Relaxed)
    {
        return None;
    }
    let Value::Table(buf) = ctl.0.user_value.get() else {
        return None;
    };
    b.next.set(n + 1);
    b.pos.index.store(at + 1, Ordering::Relaxed);
    Some(buf.get_int(ctx, i64::from(n) + 1))
}

/// Wraps the host function `iter_next` in the batching loop function.
pub(crate) fn stepper(lua: &Lua, host_fn: StashedValue) -> StashedValue {
    lua.enter(|ctx| {
        let f = rupa_vm::function::Function::new_native(
            ctx.mc,
            "iter_next",
            step_native,
            Box::new([Lua::fetch(ctx, &host_fn)]),
        );
        Lua::stash(ctx, Value::from(f))
    })
}

/// After the host took a step of `it` (whose userdata is `state`): reads the next items ahead
/// into the state's batch, as many as the batch size allows and plain values reach.
pub(crate) fn read_ahead<'gc>(
    conv: &ToLua<'_, '_, 'gc>,
    state: Value<'gc>,
    it: &SeqIter,
    epoch: &Arc<AtomicU64>,
) {
    let Value::UserData(ud) = state else { return };
    let ctx = conv.ctx;
    let ctl = match ud.0.user_value.get() {
        Value::UserData(ctl) => ctl,
        Value::Nil => {
            let ctl = UserData(Gc::new(
                ctx.mc,
                UserDataObj {
                    metatable: Lock::new(None),
                    user_value: Lock::new(Value::Table(Table::new(ctx.mc))),
                    data: Box::new(Batch {
                        epoch: epoch.clone(),
                        seen: Cell::new(0),
                        base: Cell::new(0),
                        next: Cell::new(0),
                        end: Cell::new(0),
                        size: Cell::new(0),
                        pos: it.pos.clone(),
                    }),
                },
            ));
            gc_arena::barrier::field!(Gc::write(ctx.mc, ud.0), UserDataObj, user_value)
                .unlock()
                .set(Value::UserData(ctl));
            ctl
        }
        _ => return,
    };
    let Some(b) = Gc::as_ref(ctl.0).data.downcast_ref::<Batch>() else {
        return;
    };
    let Value::Table(buf) = ctl.0.user_value.get() else {
        return;
    };
    // A batch dropped unused means Python runs between steps: stop reading ahead (it would be
    // dropped again); one used whole means it pays: read twice as far.
    let size = if b.next.get() < b.end.get() {
        0
    } else {
        (b.size.get() * 2).clamp(1, MAX_BATCH)
    };
    let py = conv.py;
    let base = it.pos.index.load(Ordering::Relaxed);
    let mut n = 0;
    while n < size {
        let Some(item) = it.item(py, base + n as usize) else {
            break;
        };
        let Some(v) = plain(conv, &item) else { break };
        if buf.set_int(ctx, i64::from(n) + 1, v).is_err() {
            break;
        }
        n += 1;
    }
    b.size.set(size);
    b.base.set(base);
    b.next.set(0);
    b.end.set(n);
    b.seen.set(epoch.load(Ordering::Relaxed));
}

/// `item` as a Lua value if converting it runs no Python code and cannot fail.
fn plain<'gc>(conv: &ToLua<'_, '_, 'gc>, item: &Bound<'_, PyAny>) -> Option<Value<'gc>> {
    if item.is_exact_instance_of::<PyLong>() {
        return item.extract::<i64>().ok().map(Value::Integer);
    }
    if let Ok(f) = item.downcast_exact::<PyFloat>() {
        return Some(Value::Number(f.value()));
    }
    if let Ok(b) = item.downcast_exact::<PyBool>() {
        return Some(Value::Boolean(b.is_true()));
    }
    let text = item.is_exact_instance_of::<PyString>() && conv.core.utf8;
    if text || item.is_exact_instance_of::<PyBytes>() {
        return conv.value(item, false).ok();
    }
    None
}
