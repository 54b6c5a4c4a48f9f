//! The arena root (`State`) and the `Context` every VM operation receives.
//!
//! `State` holds what is global to one Lua state: globals, registry, metamethod names, the
//! string metatable and the memory cap. `Context` pairs it with the arena's `Mutation` so VM
//! code passes one `Copy` value around.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gc_arena::{
    lock::{Lock, RefLock},
    Collect, DynamicRootSet, Gc, GcWeak, Mutation,
};

use crate::error::RuntimeError;
use crate::meta::MetaEvent;
use crate::string::{LuaString, STRING_OVERHEAD};
use crate::table::{Table, TableState};
use crate::userdata::UserDataObj;
use crate::value::Value;

/// The root of a Lua state's arena.
#[derive(Collect)]
#[collect(no_drop)]
pub struct State<'gc> {
    pub globals: Table<'gc>,
    pub registry: Table<'gc>,
    /// Interned metamethod names, indexed by `MetaEvent as usize`.
    pub meta_names: Box<[LuaString<'gc>]>,
    /// The metatable shared by all strings (set by the string library).
    pub string_metatable: Gc<'gc, Lock<Option<Table<'gc>>>>,
    /// The metatables of the other types without one of their own (`debug.setmetatable`),
    /// indexed by [`State::type_slot`]: nil, boolean, number, function, thread.
    pub type_metatables: Gc<'gc, Lock<[Option<Table<'gc>>; 5]>>,
    /// Memory cap in bytes (`None`: unlimited), checked before every large allocation.
    #[collect(require_static)]
    pub memory_limit: Cell<Option<usize>>,
    /// A collection asked for by Lua code (`collectgarbage`); the executor ends its slice and
    /// performs it outside the mutation (gc-arena can only collect between mutations).
    #[collect(require_static)]
    pub gc_request: Cell<Option<GcRequest>>,
    /// `collectgarbage("stop")` is in effect.
    #[collect(require_static)]
    pub gc_stopped: Cell<bool>,
    /// Whether the last `GcRequest::Step` finished a collection cycle (what
    /// `collectgarbage("step")` returns).
    #[collect(require_static)]
    pub gc_step_finished: Cell<bool>,
    // The three GC lists sit behind their own `Gc` so they can be mutated through `&State`
    // with a write barrier (a `RefLock` stored inline in the root cannot be, safely).
    /// Objects whose metatable had `__gc` when it was set (held weakly; see `gc.rs`).
    pub finalizable: Gc<'gc, RefLock<Vec<Finalizable<'gc>>>>,
    /// Objects found dead and resurrected, waiting for their `__gc` to run (held strongly), in
    /// the order they were registered: run them from the end (`pop`), as 5.4 calls finalizers
    /// in the reverse order of registration.
    pub to_finalize: Gc<'gc, RefLock<Vec<Value<'gc>>>>,
    /// The slots of closures rebound by `debug.upvaluejoin` (see `function.rs`).
    pub rebound_upvalues: crate::function::ReboundUpvalues<'gc>,
    /// Tables whose metatable had `__mode` when it was set (held weakly; swept after marking).
    pub weak_tables: Gc<'gc, RefLock<Vec<GcWeak<'gc, RefLock<TableState<'gc>>>>>>,
    /// Fuel left in the current slice while a native runs: natives doing work proportional to
    /// their input (e.g. `string.rep`) subtract from it; the executor reads it back.
    #[collect(require_static)]
    pub fuel: Cell<i64>,
    /// Handles for values held outside the arena (`Lua::stash`).
    pub roots: DynamicRootSet<'gc>,
    /// The embedder's host capabilities, installed by the standard library
    /// (`rupa_stdlib::host`); `None` until then. Not traced: it holds no GC values.
    #[collect(require_static)]
    pub host: RefCell<Option<Rc<dyn HostHook>>>,
    /// Set by a host function's trampoline: the executor ends its slice so the host callback
    /// (id) runs outside the arena with `&mut Lua` (see `lua.rs`).
    #[collect(require_static)]
    pub host_request: Cell<Option<usize>>,
    /// Set by a native right before it returns `NativeAction::Call`/`CallWithHandler` to make
    /// that call behave like C's `lua_call` (no continuation): a yield inside it fails with
    /// "attempt to yield across a C-call boundary" (`tostring`'s `__tostring`, `__gc`,
    /// `table.sort` comparators, `gsub` callbacks...). The executor clears it.
    #[collect(require_static)]
    pub call_not_yieldable: Cell<bool>,
}

/// What the VM itself needs from the host the standard library installs: a place for `print`
/// to write, shared with `io.write` so their output keeps its order. The library downcasts
/// through `as_any` to reach the rest of its host.
pub trait HostHook: 'static {
    /// Writes `bytes` to the standard output, flushing it when `flush` is set. `Err` carries
    /// the message of a Lua error to raise (for example, output refused by a sandbox).
    fn write_stdout(&self, bytes: &[u8], flush: bool) -> Result<(), String>;
    /// The concrete host object.
    fn as_any(&self) -> &dyn Any;
}

/// A collection requested from Lua.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GcRequest {
    /// `collectgarbage("collect")`: a full cycle, finalizers included.
    Full,
    /// `collectgarbage("step", n)`: collection work as if `n` bytes had been allocated
    /// (0: one basic step, which also starts a cycle when the collector sleeps).
    Step(usize),
}

/// An object registered for finalization.
#[derive(Collect, Clone, Copy)]
#[collect(no_drop)]
pub enum Finalizable<'gc> {
    Table(GcWeak<'gc, RefLock<TableState<'gc>>>),
    UserData(GcWeak<'gc, UserDataObj<'gc>>),
}

/// What every VM operation needs: the arena mutation handle and the state root.
#[derive(Clone, Copy)]
pub struct Context<'gc> {
    pub mc: &'gc Mutation<'gc>,
    pub state: &'gc State<'gc>,
}

impl<'gc> State<'gc> {
    /// The slot of `v`'s type in [`State::type_metatables`] (`None` for tables, userdata and
    /// strings, which keep their metatable elsewhere).
    pub fn type_slot(v: Value<'_>) -> Option<usize> {
        match v {
            Value::Nil => Some(0),
            Value::Boolean(_) => Some(1),
            Value::Integer(_) | Value::Number(_) => Some(2),
            Value::Closure(_) | Value::LightFunction(_) => Some(3),
            Value::Thread(_) => Some(4),
            Value::Table(_) | Value::UserData(_) | Value::String(_) => None,
        }
    }

    /// A fresh state with empty globals and registry.
    pub fn new(mc: &Mutation<'gc>) -> State<'gc> {
        State {
            globals: Table::new(mc),
            registry: Table::new(mc),
            meta_names: MetaEvent::ALL
                .iter()
                .map(|e| LuaString::new(mc, e.name().as_bytes()))
                .collect(),
            string_metatable: Gc::new(mc, Lock::new(None)),
            type_metatables: Gc::new(mc, Lock::new([None; 5])),
            memory_limit: Cell::new(None),
            gc_request: Cell::new(None),
            gc_stopped: Cell::new(false),
            gc_step_finished: Cell::new(false),
            finalizable: Gc::new(mc, RefLock::new(Vec::new())),
            to_finalize: Gc::new(mc, RefLock::new(Vec::new())),
            weak_tables: Gc::new(mc, RefLock::new(Vec::new())),
            rebound_upvalues: Gc::new(mc, RefLock::new(Vec::new())),
            fuel: Cell::new(0),
            roots: DynamicRootSet::new(mc),
            host: RefCell::new(None),
            host_request: Cell::new(None),
            call_not_yieldable: Cell::new(false),
        }
    }
}

impl<'gc> Context<'gc> {
    /// Bytes currently owned by the arena (GC objects and buffers allocated through it).
    pub fn memory_used(self) -> usize {
        self.mc.metrics().total_allocation()
    }

    /// Fails with "not enough memory" if allocating `bytes` more would pass the cap.
    #[inline]
    pub fn reserve(self, bytes: usize) -> Result<(), RuntimeError<'gc>> {
        match self.state.memory_limit.get() {
            Some(limit) if self.memory_used().saturating_add(bytes) > limit => {
                Err(RuntimeError::OutOfMemory)
            }
            _ => Ok(()),
        }
    }

    /// A new string, checked against the memory cap.
    pub fn new_string(self, bytes: &[u8]) -> Result<LuaString<'gc>, RuntimeError<'gc>> {
        self.reserve(bytes.len() + STRING_OVERHEAD)?;
        Ok(LuaString::new(self.mc, bytes))
    }

    /// Writes `print` output: through the installed host, or straight to the process's standard
    /// output when there is none.
    pub fn write_stdout(self, bytes: &[u8], flush: bool) -> Result<(), RuntimeError<'gc>> {
        let hook = self.state.host.borrow().clone();
        match hook {
            Some(h) => h.write_stdout(bytes, flush).map_err(RuntimeError::Message),
            None => {
                use std::io::Write;
                let mut out = std::io::stdout().lock();
                let _ = out.write_all(bytes);
                if flush {
                    let _ = out.flush();
                }
                Ok(())
            }
        }
    }

    /// The interned name of a metamethod event.
    #[inline]
    pub fn meta_name(self, event: MetaEvent) -> LuaString<'gc> {
        self.state.meta_names[event as usize]
    }
}
