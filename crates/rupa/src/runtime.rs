//! [`Runtime`]: one Lua state with its libraries and limits.

use std::rc::Rc;

use rupa_vm::lua::{
    ExecuteStatus, HostError, HostFn, InterruptHandle, Lua, LuaErrorReport, StashedValue,
};
use rupa_vm::{LuaString, RuntimeError, Table, Value};

use crate::error::Error;
use crate::value::{Handle, LuaValue};

/// Limits applied to every call a runtime makes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Limits {
    /// Instruction budget per call (`None`: unlimited). Natives charge fuel in proportion to
    /// their work; a call that runs out fails with [`Error::OutOfFuel`].
    pub fuel: Option<i64>,
    /// Memory cap in bytes for the whole runtime (`None`: unlimited). An allocation that would
    /// pass it fails with Lua's "not enough memory" before it happens. Limit: the empty tables
    /// a library function makes for its own bookkeeping (a few hundred bytes each) are counted
    /// but not checked one by one, so usage can pass the cap by what one such call creates;
    /// the next checked allocation (any growth, string, closure or table constructor) fails.
    pub memory: Option<usize>,
}

/// One Lua state.
pub struct Runtime {
    lua: Lua,
    limits: Limits,
}

impl Default for Runtime {
    fn default() -> Self {
        Runtime::new()
    }
}

impl Runtime {
    /// A runtime with the libraries the VM provides (base and coroutine).
    pub fn new() -> Runtime {
        Runtime::with_limits(Limits::default())
    }

    /// A runtime with the given limits.
    pub fn with_limits(limits: Limits) -> Runtime {
        Runtime::with_host(limits, Rc::new(rupa_stdlib::host::StdHost::new()))
    }

    /// A sandboxed runtime: every library is loaded, but everything that would touch the world
    /// outside the VM (files, processes, environment, clock, stdin/stdout) goes to a host that
    /// refuses it with a Lua error ("io.open: file access is not allowed in this sandbox").
    pub fn sandboxed(limits: Limits) -> Runtime {
        Runtime::with_host(limits, Rc::new(rupa_stdlib::host::DenyHost))
    }

    /// A runtime whose outside-world capabilities go through `host`.
    pub fn with_host(limits: Limits, host: Rc<dyn rupa_stdlib::host::Host>) -> Runtime {
        let lua = Lua::new();
        lua.enter(|ctx| {
            rupa_stdlib::open_libs(ctx, host)
                .expect("a fresh state has room for the standard libraries");
        });
        let mut rt = Runtime {
            lua,
            limits: Limits::default(),
        };
        rt.set_limits(limits);
        rt
    }

    /// The limits in force.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Changes the limits; a memory cap below current use only stops new allocations.
    pub fn set_limits(&mut self, limits: Limits) {
        self.lua.set_memory_limit(limits.memory);
        self.limits = limits;
    }

    /// Bytes the runtime owns now.
    pub fn memory_used(&self) -> usize {
        self.lua.memory_used()
    }

    /// A handle that stops the running call from any thread (error "interrupted").
    pub fn interrupt_handle(&self) -> InterruptHandle {
        self.lua.interrupt_handle()
    }

    /// Sets the collector mode `collectgarbage` reports (`lua_gc` with `LUA_GCGEN` or
    /// `LUA_GCINC`). A runtime starts incremental, like `luaL_newstate`; the `rupa` program
    /// switches to generational at start-up, as lua.c does.
    pub fn set_generational_gc(&mut self, generational: bool) {
        self.lua.enter(|ctx| {
            rupa_vm::baselib::set_generational_mode(ctx, generational)
                .expect("the settings table already holds the mode slot")
        });
    }

    /// A full garbage collection (finalizers included).
    pub fn gc_collect(&mut self) {
        self.lua.collect_full();
    }

    /// Makes a Lua function that runs `f` on the host side. `f` gets a [`Nested`] view of
    /// this runtime, so it can call back into Lua (nested execution on the same state, sharing
    /// live locals with the suspended caller). An `Err` from `f` is raised in Lua: a runtime
    /// error's value travels unchanged, other errors as their message.
    pub fn create_function<F>(&mut self, name: &'static str, f: F) -> Handle
    where
        F: Fn(&mut Nested<'_>, Vec<Handle>) -> Result<Vec<Handle>, Error> + 'static,
    {
        let host: HostFn = Rc::new(move |lua: &mut Lua, args: Vec<StashedValue>| {
            let mut nested = Nested { lua };
            let args = args.into_iter().map(Handle).collect();
            match f(&mut nested, args) {
                Ok(out) => Ok(out.into_iter().map(|h| h.0).collect()),
                Err(Error::Runtime { value: Some(v), .. }) => Err(HostError::Value(v.0)),
                Err(e) => Err(HostError::Message(e.to_string())),
            }
        });
        Handle(self.lua.create_host_function(name, host))
    }

    /// Turns Lua warnings (`warn`) on, as `lua5.4 -W` does; they start off.
    pub fn enable_warnings(&mut self) {
        self.lua.enter(|ctx| {
            // Only fails when the memory cap leaves no room for the name string.
            let _ = rupa_stdlib::warn::warnings_on(ctx);
        });
    }

    /// Closes the state as `lua_close` does: every pending `__gc` finalizer runs.
    pub fn close(self) {
        self.lua.close();
    }
}

impl Api for Runtime {
    fn vm(&mut self) -> &mut Lua {
        &mut self.lua
    }

    fn vm_ref(&self) -> &Lua {
        &self.lua
    }

    fn fuel(&self) -> Option<i64> {
        self.limits.fuel
    }
}

/// The runtime as seen from inside a host function: the same operations, run nested on the
/// state of the suspended call.
pub struct Nested<'a> {
    lua: &'a mut Lua,
}

impl Api for Nested<'_> {
    fn vm(&mut self) -> &mut Lua {
        self.lua
    }

    fn vm_ref(&self) -> &Lua {
        self.lua
    }

    fn fuel(&self) -> Option<i64> {
        None
    }
}

/// Operations on a Lua state shared by [`Runtime`] and [`Nested`] (import this trait to use
/// them).
pub trait Api {
    /// The underlying VM, for what this API does not cover.
    fn vm(&mut self) -> &mut Lua;
    /// The underlying VM, read-only.
    fn vm_ref(&self) -> &Lua;
    /// Instruction budget for each call made through this view (`None`: unlimited).
    fn fuel(&self) -> Option<i64>;

    /// Compiles `source` as a chunk named `chunk_name` (`"=stdin"`, `"@file.lua"`, or any text,
    /// shown as `[string "..."]`). Returns the chunk's main function.
    fn load(&mut self, source: &[u8], chunk_name: &str) -> Result<Handle, Error> {
        self.vm()
            .load(source, chunk_name)
            .map(Handle)
            .map_err(|e| Error::Syntax(e.message))
    }

    /// Calls `func(args...)` under the runtime's limits and returns its results.
    fn call(&mut self, func: &Handle, args: &[Handle]) -> Result<Vec<Handle>, Error> {
        let args: Vec<_> = args.iter().map(|h| h.0.clone()).collect();
        let exec = self.vm().start(&func.0, &args);
        match self.fuel() {
            None => while self.vm().execute(&exec, i64::MAX) == ExecuteStatus::OutOfFuel {},
            Some(fuel) => {
                if self.vm().execute(&exec, fuel) == ExecuteStatus::OutOfFuel {
                    return Err(Error::OutOfFuel);
                }
            }
        }
        match self.vm().finish(&exec) {
            Ok(vals) => Ok(vals.into_iter().map(Handle).collect()),
            Err(report) => Err(runtime_error(report)),
        }
    }

    /// Loads and runs a chunk, returning what it returns.
    fn exec(&mut self, source: &[u8], chunk_name: &str) -> Result<Vec<Handle>, Error> {
        let f = self.load(source, chunk_name)?;
        self.call(&f, &[])
    }

    /// Copies a value out of the VM.
    fn value(&self, h: &Handle) -> LuaValue {
        self.vm_ref().enter(|ctx| match Lua::fetch(ctx, &h.0) {
            Value::Nil => LuaValue::Nil,
            Value::Boolean(b) => LuaValue::Boolean(b),
            Value::Integer(i) => LuaValue::Integer(i),
            Value::Number(n) => LuaValue::Number(n),
            Value::String(s) => LuaValue::String(s.as_bytes().to_vec()),
            Value::Table(_) => LuaValue::Table(h.clone()),
            Value::Closure(_) | Value::LightFunction(_) => LuaValue::Function(h.clone()),
            Value::Thread(_) => LuaValue::Thread(h.clone()),
            Value::UserData(_) => LuaValue::UserData(h.clone()),
        })
    }

    /// Puts a value into the VM (strings are copied; checked against the memory cap).
    fn create(&mut self, v: &LuaValue) -> Result<Handle, Error> {
        self.vm().enter(|ctx| {
            let value = match v {
                LuaValue::Nil => Value::Nil,
                LuaValue::Boolean(b) => Value::Boolean(*b),
                LuaValue::Integer(i) => Value::Integer(*i),
                LuaValue::Number(n) => Value::Number(*n),
                LuaValue::String(b) => Value::String(ctx.new_string(b).map_err(|_| Error::Memory)?),
                LuaValue::Table(h)
                | LuaValue::Function(h)
                | LuaValue::Thread(h)
                | LuaValue::UserData(h) => Lua::fetch(ctx, &h.0),
            };
            Ok(Handle(Lua::stash(ctx, value)))
        })
    }

    /// A new empty table.
    fn new_table(&mut self) -> Result<Handle, Error> {
        self.vm().enter(|ctx| {
            let t = Table::with_capacity(ctx, 0, 0).map_err(|_| Error::Memory)?;
            Ok(Handle(Lua::stash(ctx, Value::Table(t))))
        })
    }

    /// Raw `t[key] = value` (no metamethods).
    fn raw_set(&mut self, table: &Handle, key: &Handle, value: &Handle) -> Result<(), Error> {
        self.vm().enter(|ctx| {
            let Value::Table(t) = Lua::fetch(ctx, &table.0) else {
                return Err(plain_error("table expected".to_string()));
            };
            t.set(ctx, Lua::fetch(ctx, &key.0), Lua::fetch(ctx, &value.0))
                .map_err(|e| match e {
                    RuntimeError::OutOfMemory => Error::Memory,
                    RuntimeError::Message(m) | RuntimeError::Plain(m) => plain_error(m),
                    other => plain_error(format!("{other:?}")),
                })
        })
    }

    /// The global variable `name` (raw access to the globals table).
    fn global(&self, name: &str) -> Handle {
        self.vm_ref().enter(|ctx| {
            let key = LuaString::new(ctx.mc, name.as_bytes());
            Handle(Lua::stash(ctx, ctx.state.globals.get_str(ctx, key)))
        })
    }

    /// Sets the global variable `name` (raw access to the globals table).
    fn set_global(&mut self, name: &str, value: &Handle) -> Result<(), Error> {
        let key = self.create(&LuaValue::from(name))?;
        let globals = self
            .vm_ref()
            .enter(|ctx| Handle(Lua::stash(ctx, Value::Table(ctx.state.globals))));
        self.raw_set(&globals, &key, value)
    }
}

/// A runtime error raised by this API itself (no Lua value, no traceback).
fn plain_error(message: String) -> Error {
    Error::Runtime {
        message,
        traceback: None,
        value: None,
    }
}

/// Sorts a VM error report into the host's error kinds.
fn runtime_error(report: LuaErrorReport) -> Error {
    // The VM raises these two with exactly these texts and no position; a script's own
    // `error("not enough memory")` gets a position prefix and stays a runtime error.
    match report.message.as_str() {
        "not enough memory" => Error::Memory,
        "interrupted" => Error::Interrupted,
        _ => Error::Runtime {
            message: report.message,
            traceback: report.traceback,
            value: report.value.map(Handle),
        },
    }
}
