//! The `Lua` type: owns the gc-arena holding one Lua state, runs calls in slices of fuel with
//! garbage collection between slices, and hands out `'static` handles ([`StashedValue`]) for
//! values the host keeps across mutations.
//!
//! Hosts (the `rupa` crate, the CLI) build on this; it knows nothing about files or Python.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use gc_arena::{DynamicRoot, Rootable};

use crate::gc::{self, LuaArena};

use std::rc::Rc;

use crate::error::{RuntimeError, SyntaxError};
use crate::native::{NativeAction, NativeStack};
use crate::proto::Proto;
use crate::state::{Context, GcRequest, State};
use crate::value::Value;
use crate::vm::executor::{Executor, StepResult};

mod embed;
pub use embed::CallValues;

/// Instructions run between two checks of the interrupt flag and two GC steps.
const SLICE_FUEL: i64 = 20_000;

/// A value held outside the arena; it stays alive until the handle is dropped.
#[derive(Clone)]
pub struct StashedValue(DynamicRoot<Rootable![Value<'_>]>);

impl std::fmt::Debug for StashedValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StashedValue")
    }
}

/// A running call, resumable slice by slice with [`Lua::execute`].
#[derive(Clone)]
pub struct Execution(DynamicRoot<Rootable![Executor<'_>]>);

/// An error that ended a call: its message as the `lua5.4` CLI prints it, the traceback from
/// the point where it was raised, and the error value itself.
#[derive(Clone)]
pub struct LuaErrorReport {
    pub message: String,
    pub traceback: Option<String>,
    pub value: Option<StashedValue>,
}

impl std::fmt::Debug for LuaErrorReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "LuaErrorReport({:?})", self.message)
    }
}

impl std::fmt::Display for LuaErrorReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for LuaErrorReport {}

/// How a slice of [`Lua::execute`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExecuteStatus {
    /// The call finished; collect its outcome with [`Lua::finish`].
    Finished,
    /// The fuel given ran out; call `execute` again to continue.
    OutOfFuel,
}

/// Stops a running script from any thread: the run ends at the next slice boundary with the
/// uncatchable error "interrupted".
#[derive(Clone, Debug, Default)]
pub struct InterruptHandle(Arc<AtomicBool>);

impl InterruptHandle {
    /// Asks the running script to stop.
    pub fn interrupt(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    /// Whether an interrupt is pending.
    pub fn is_set(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// How a host function fails.
#[derive(Debug, Clone)]
pub enum HostError {
    /// Raise this value unchanged (e.g. a wrapped Python exception).
    Value(StashedValue),
    /// Raise a message; it gets the caller's position like `luaL_error`.
    Message(String),
}

/// A host function: runs outside the arena with the whole state available, so it may call back
/// into Lua (nested execution).
pub type HostFn = Rc<dyn Fn(&mut Lua, Vec<StashedValue>) -> Result<Vec<StashedValue>, HostError>>;

/// A host function that reads its arguments ([`Lua::host_args`]) and writes its results
/// ([`Lua::host_return`]) inside the arena, creating no handles: the fast form for hosts that
/// convert values on every call. Returning `Ok` without calling `host_return` returns nothing.
pub type RawHostFn = Rc<dyn Fn(&mut Lua, &HostCall<'_>) -> Result<(), HostError>>;

/// The host call being run by a [`RawHostFn`].
pub struct HostCall<'a> {
    exec: &'a Execution,
    /// `host_return` delivered the results.
    returned: std::cell::Cell<bool>,
}

enum Host {
    Handles(HostFn),
    Raw(RawHostFn),
}

/// Most nested host calls (a host function calling Lua calling a host function...).
const MAX_HOST_DEPTH: usize = 200;

/// One Lua state.
///
/// One pointer wide: a host that parks the state while it runs its own code (the Python
/// bridge) swaps whole `Lua`s on every crossing, so a swap moves a pointer.
pub struct Lua(Box<Inner>);

/// What a [`Lua`] owns.
struct Inner {
    arena: LuaArena,
    interrupt: InterruptHandle,
    hosts: Vec<Host>,
    host_depth: usize,
    /// Finalizers are running (they are not re-entered from their own collections).
    finalizing: bool,
    /// Finished executions kept for [`Lua::start_with`] to reuse.
    idle: Vec<Execution>,
    /// Host calls since the collector last ran (see `execute_counting`).
    host_calls_since_collect: u32,
}

impl Default for Lua {
    fn default() -> Self {
        Lua::new()
    }
}

impl Lua {
    /// An empty state: no libraries, empty globals.
    pub fn new() -> Lua {
        Lua(Box::new(Inner {
            // A closure, not `State::new`: the arena needs a function generic over `'gc`.
            #[allow(clippy::redundant_closure)]
            arena: LuaArena::new(|mc| State::new(mc)),
            interrupt: InterruptHandle::default(),
            hosts: Vec::new(),
            host_depth: 0,
            finalizing: false,
            idle: Vec::new(),
            host_calls_since_collect: 0,
        }))
    }

    /// A Lua function value that runs `f` on the host side when called.
    pub fn create_host_function(&mut self, name: &'static str, f: HostFn) -> StashedValue {
        self.add_host_function(name, Host::Handles(f))
    }

    /// A Lua function value that runs `f` on the host side when called; `f` reads and writes
    /// values inside the arena (see [`RawHostFn`]).
    pub fn create_raw_host_function(&mut self, name: &'static str, f: RawHostFn) -> StashedValue {
        self.add_host_function(name, Host::Raw(f))
    }

    fn add_host_function(&mut self, name: &'static str, f: Host) -> StashedValue {
        let id = self.0.hosts.len();
        self.0.hosts.push(f);
        self.enter(|ctx| {
            let func = crate::function::Function::new_native(
                ctx.mc,
                name,
                host_trampoline,
                Box::new([Value::Integer(id as i64)]),
            );
            Lua::stash(ctx, Value::from(func))
        })
    }

    /// Runs host function `id` for the executor that asked for it.
    fn run_host_call(&mut self, exec: &Execution, id: usize) {
        let host = match self.0.hosts.get(id) {
            Some(Host::Handles(f)) => Some(Host::Handles(f.clone())),
            Some(Host::Raw(f)) => Some(Host::Raw(f.clone())),
            None => None,
        };
        if self.0.host_depth >= MAX_HOST_DEPTH {
            self.host_fail(exec, HostError::Message("C stack overflow".to_string()));
            return;
        }
        match host {
            Some(Host::Raw(f)) => {
                let call = HostCall {
                    exec,
                    returned: std::cell::Cell::new(false),
                };
                self.0.host_depth += 1;
                let r = f(self, &call);
                self.0.host_depth -= 1;
                if let Err(e) = r {
                    self.host_fail(exec, e);
                } else if !call.returned.get() {
                    // It returned without results.
                    self.enter(|ctx| {
                        let ex = *ctx.state.roots.fetch(&exec.0);
                        ex.host_return(ctx, Ok(&[]));
                    });
                }
            }
            Some(Host::Handles(f)) => {
                let args: Vec<StashedValue> = self.enter(|ctx| {
                    let ex = *ctx.state.roots.fetch(&exec.0);
                    ex.host_args(ctx)
                        .into_iter()
                        .map(|v| Lua::stash(ctx, v))
                        .collect()
                });
                self.0.host_depth += 1;
                let r = f(self, args);
                self.0.host_depth -= 1;
                match r {
                    Ok(vals) => self.enter(|ctx| {
                        let ex = *ctx.state.roots.fetch(&exec.0);
                        let vals: embed::CallValues<'_> =
                            vals.iter().map(|v| Lua::fetch(ctx, v)).collect();
                        ex.host_return(ctx, Ok(&vals));
                    }),
                    Err(e) => self.host_fail(exec, e),
                }
            }
            None => self.host_fail(
                exec,
                HostError::Message("unknown host function".to_string()),
            ),
        }
    }

    /// Ends the host call `exec` is waiting for with error `e`.
    fn host_fail(&mut self, exec: &Execution, e: HostError) {
        self.enter(|ctx| {
            let ex = *ctx.state.roots.fetch(&exec.0);
            let e = match e {
                HostError::Value(v) => RuntimeError::Value(Lua::fetch(ctx, &v)),
                HostError::Message(m) => RuntimeError::Message(m),
            };
            ex.host_return(ctx, Err(e));
        });
    }

    /// A state with the base and coroutine libraries.
    pub fn with_base() -> Lua {
        let lua = Lua::new();
        lua.enter(|ctx| {
            // Registering a few dozen functions in a fresh state cannot pass a memory cap
            // (none is set yet).
            crate::baselib::load_base(ctx).expect("no memory cap on a fresh state");
            crate::corolib::load_coroutine(ctx).expect("no memory cap on a fresh state");
        });
        lua
    }

    /// Runs `f` inside the arena (no collection can happen while it runs).
    pub fn enter<F, R>(&self, f: F) -> R
    where
        F: for<'gc> FnOnce(Context<'gc>) -> R,
    {
        self.0.arena.mutate(|mc, state| f(Context { mc, state }))
    }

    /// Keeps `v` alive outside the arena.
    pub fn stash<'gc>(ctx: Context<'gc>, v: Value<'gc>) -> StashedValue {
        StashedValue(ctx.state.roots.stash::<Rootable![Value<'_>]>(ctx.mc, v))
    }

    /// The value behind a handle.
    pub fn fetch<'gc>(ctx: Context<'gc>, v: &StashedValue) -> Value<'gc> {
        *ctx.state.roots.fetch(&v.0)
    }

    /// A handle to the interrupt flag, usable from other threads.
    pub fn interrupt_handle(&self) -> InterruptHandle {
        self.0.interrupt.clone()
    }

    /// The memory cap in bytes (`None`: unlimited).
    pub fn memory_limit(&self) -> Option<usize> {
        self.enter(|ctx| ctx.state.memory_limit.get())
    }

    /// Sets the memory cap in bytes.
    pub fn set_memory_limit(&self, limit: Option<usize>) {
        self.enter(|ctx| ctx.state.memory_limit.set(limit))
    }

    /// Bytes currently owned by the state.
    pub fn memory_used(&self) -> usize {
        self.0.arena.metrics().total_allocation()
    }

    /// Parses and compiles a chunk; the result is its main function (`_ENV` = globals).
    pub fn load(&mut self, source: &[u8], chunk_name: &str) -> Result<StashedValue, SyntaxError> {
        self.enter(|ctx| {
            crate::load::load_chunk(ctx, source, chunk_name, None)
                .map(|f| Lua::stash(ctx, Value::from(f)))
        })
    }

    /// Loads a compiled prototype as a function whose `_ENV` is the globals table.
    pub fn load_proto(&mut self, proto: &std::rc::Rc<Proto>) -> Result<StashedValue, SyntaxError> {
        self.enter(|ctx| {
            crate::load::closure_from_proto(ctx, proto, None)
                .map(|f| Lua::stash(ctx, Value::from(f)))
                .map_err(|_| SyntaxError {
                    message: "not enough memory".to_string(),
                })
        })
    }

    /// Starts calling `func(args...)`; run it with [`Lua::execute`].
    pub fn start(&mut self, func: &StashedValue, args: &[StashedValue]) -> Execution {
        self.enter(|ctx| {
            let f = Lua::fetch(ctx, func);
            let args: Vec<Value> = args.iter().map(|a| Lua::fetch(ctx, a)).collect();
            let ex = Executor::start(ctx, f, &args);
            Execution(ctx.state.roots.stash::<Rootable![Executor<'_>]>(ctx.mc, ex))
        })
    }

    /// Runs `exec` for at most `fuel` instructions (natives charge more), collecting garbage
    /// between slices. An interrupt ends the call with the error "interrupted".
    pub fn execute(&mut self, exec: &Execution, fuel: i64) -> ExecuteStatus {
        let (_, done) = self.execute_counting(exec, fuel);
        if done {
            ExecuteStatus::Finished
        } else {
            ExecuteStatus::OutOfFuel
        }
    }

    /// Runs like [`Lua::execute`] and returns the fuel used (finalizers included) and whether
    /// the execution finished.
    fn execute_counting(&mut self, exec: &Execution, fuel: i64) -> (i64, bool) {
        let mut left = fuel;
        loop {
            // A plain load first: the swap is an atomic write, paid on every slice and every
            // host call otherwise.
            if self.0.interrupt.0.load(Ordering::Relaxed)
                && self.0.interrupt.0.swap(false, Ordering::SeqCst)
            {
                if self.0.host_depth > 0 || self.0.finalizing {
                    // The outer runs must stop too: a host function must not be able to turn
                    // an interrupt into an ordinary (catchable) error.
                    self.0.interrupt.0.store(true, Ordering::SeqCst);
                }
                self.abort(exec, "interrupted");
                return (fuel - left, true);
            }
            if left <= 0 {
                return (fuel, false);
            }
            let slice = left.min(SLICE_FUEL);
            let mut budget = slice;
            let r = self.0.arena.mutate(|mc, state| {
                let ctx = Context { mc, state };
                let ex = *state.roots.fetch(&exec.0);
                ex.step(ctx, &mut budget)
            });
            // A native that charged more than was left (big string work) overdraws the budget:
            // the overdraft is charged too, so fuel bounds the work done.
            left -= slice - budget;
            if r == StepResult::OutOfFuel {
                // The slice is used up even if the count says otherwise.
                left -= budget.max(0);
            }
            if self.after_step(exec, r, &mut left) {
                return (fuel - left, true);
            }
        }
    }

    /// What follows a step of `exec`: the host call it asked for, or the collector's turn.
    /// Returns whether the execution finished.
    #[inline]
    fn after_step(&mut self, exec: &Execution, r: StepResult, left: &mut i64) -> bool {
        if let StepResult::HostCall(id) = r {
            self.run_host_call(exec, id);
            // A loop calling the host ends every slice here: without this the collector
            // would never run (and memory would grow) until the loop ended. Not after
            // every call: each collector step traces again whatever was written since
            // the last one (the list of finalizable objects, for one), so stepping as
            // often as the host is called would make that work grow with its square.
            self.0.host_calls_since_collect += 1;
            if self.0.host_calls_since_collect >= HOST_CALLS_PER_COLLECT {
                self.0.host_calls_since_collect = 0;
                self.collect(false, left);
            }
            return false;
        }
        self.collect(r == StepResult::GcRequested, left);
        r == StepResult::Done
    }

    /// Ends `exec` with an error message that no `pcall` can catch.
    fn abort(&mut self, exec: &Execution, message: &str) {
        self.0.arena.mutate(|mc, state| {
            let ctx = Context { mc, state };
            let ex = *state.roots.fetch(&exec.0);
            let msg = Value::String(crate::string::LuaString::new(mc, message.as_bytes()));
            ex.abort(ctx, msg);
        });
    }

    /// The outcome of a finished execution.
    pub fn finish(&mut self, exec: &Execution) -> Result<Vec<StashedValue>, LuaErrorReport> {
        let r = self.finish_raw(exec);
        self.describe_error(r)
    }

    /// lua.c's message handler: a non-string error with `__tostring` is shown through it.
    #[inline]
    fn describe_error<T>(&mut self, mut r: Result<T, LuaErrorReport>) -> Result<T, LuaErrorReport> {
        if let Err(report) = &mut r {
            self.describe_report(report);
        }
        r
    }

    /// [`Lua::describe_error`] for an error (out of line: calls from a host mostly succeed).
    #[inline(never)]
    fn describe_report(&mut self, report: &mut LuaErrorReport) {
        // lua.c's message handler: a non-string error with `__tostring` is shown through it.
        if let Some(v) = report.value.clone() {
            let tostring = self.enter(|ctx| {
                let v = Lua::fetch(ctx, &v);
                if let Value::String(_) | Value::Integer(_) | Value::Number(_) = v {
                    return None;
                }
                let tm = crate::metaops::metamethod(ctx, v, crate::meta::MetaEvent::ToString);
                (!tm.is_nil()).then(|| Lua::stash(ctx, tm))
            });
            if let Some(tm) = tostring {
                match self.call(&tm, &[v]) {
                    // lua.c's handler then handles the new error: its message is shown.
                    Err(inner) => {
                        report.message = inner.message;
                        report.traceback = inner.traceback;
                    }
                    Ok(out) => {
                        let text =
                            self.enter(|ctx| match out.first().map(|o| Lua::fetch(ctx, o)) {
                                Some(Value::String(s)) => Some(s.to_str_lossy().into_owned()),
                                _ => None,
                            });
                        if let Some(text) = text {
                            // lua.c prints such a message without a traceback.
                            report.message = text;
                            report.traceback = None;
                        }
                    }
                }
            }
        }
    }

    fn finish_raw(&mut self, exec: &Execution) -> Result<Vec<StashedValue>, LuaErrorReport> {
        self.enter(|ctx| {
            let ex = *ctx.state.roots.fetch(&exec.0);
            match ex.take_result(ctx) {
                None => Err(not_finished()),
                Some(Ok(vals)) => Ok(vals.into_iter().map(|v| Lua::stash(ctx, v)).collect()),
                Some(Err(v)) => Err(report_of(ctx, ex, v)),
            }
        })
    }

    /// Calls `func(args...)` to completion.
    pub fn call(
        &mut self,
        func: &StashedValue,
        args: &[StashedValue],
    ) -> Result<Vec<StashedValue>, LuaErrorReport> {
        let exec = self.start(func, args);
        while self.execute(&exec, i64::MAX) == ExecuteStatus::OutOfFuel {}
        self.finish(&exec)
    }

    /// Runs the `__gc` metamethods of objects the collector found dead (queued in
    /// `State::to_finalize`), each protected; errors are ignored as lua5.4 does with warnings
    /// off.
    pub fn run_finalizers(&mut self) {
        let mut unlimited = i64::MAX;
        self.run_finalizers_within(&mut unlimited);
    }

    /// [`Lua::run_finalizers`] charging their instructions to `fuel`: when it runs out, the
    /// running finalizer is abandoned (as if it failed) and the rest wait for the next
    /// collection, so a host bounding a script with fuel also bounds its finalizers.
    fn run_finalizers_within(&mut self, fuel: &mut i64) {
        if self.0.finalizing {
            return;
        }
        self.0.finalizing = true;
        while *fuel > 0 {
            // The next object with a `__gc`, started on a reused execution (no handles and no
            // executor allocated per finalizer).
            let next = self.start_with(|ctx, vals| loop {
                let Some(obj) = ctx.state.to_finalize.borrow_mut(ctx.mc).pop() else {
                    return Err(());
                };
                let gc = crate::metaops::metamethod(ctx, obj, crate::meta::MetaEvent::Gc);
                if !gc.is_nil() {
                    vals.push(gc);
                    vals.push(obj);
                    return Ok(());
                }
            });
            let Ok(exec) = next else { break };
            let (used, _) = self.execute_counting(&exec, *fuel);
            *fuel = fuel.saturating_sub(used);
            // A failing (or abandoned) finalizer is ignored, as lua5.4 does with warnings off.
            let _ = self.finish_with(exec, |_, _| ());
        }
        self.0.finalizing = false;
    }

    /// Closes the state as `lua_close` does: runs the finalizer of every object that has one,
    /// the most recently marked first.
    pub fn close(mut self) {
        gc::collect_full(&mut self.0.arena);
        self.run_finalizers();
        self.enter(gc::finalize_all);
        self.run_finalizers();
    }

    /// One garbage-collection step (or the full collection Lua asked for).
    fn collect(&mut self, requested: bool, fuel: &mut i64) {
        // One arena entry for the three questions: this runs at the end of every call.
        let (request, stopped) =
            self.enter(|ctx| (ctx.state.gc_request.take(), ctx.state.gc_stopped.get()));
        match request {
            Some(GcRequest::Full) => gc::collect_full(&mut self.0.arena),
            Some(GcRequest::Step(bytes)) => gc::step(&mut self.0.arena, bytes),
            None if !stopped && !requested => gc::collect_debt(&mut self.0.arena),
            None => {}
        }
        // Asked after collecting: the collection may have queued objects to finalize.
        let pending = self.enter(|ctx| !ctx.state.to_finalize.borrow().is_empty());
        if pending {
            self.run_finalizers_within(fuel);
        }
    }
}

/// Host calls between two collector steps in a loop that keeps calling the host.
const HOST_CALLS_PER_COLLECT: u32 = 64;

/// Executions kept for reuse: enough for a few levels of host calls into Lua.
const MAX_IDLE_EXECUTIONS: usize = 4;

fn not_finished() -> LuaErrorReport {
    LuaErrorReport {
        message: "execution has not finished".to_string(),
        traceback: None,
        value: None,
    }
}

/// The report of error `v` that ended `ex`.
fn report_of<'gc>(ctx: Context<'gc>, ex: Executor<'gc>, v: Value<'gc>) -> LuaErrorReport {
    LuaErrorReport {
        message: error_message(ctx, v),
        traceback: ex.traceback(),
        value: Some(Lua::stash(ctx, v)),
    }
}

/// The text the CLI prints for an error value (lua.c's `msghandler`).
pub fn error_message<'gc>(ctx: Context<'gc>, v: Value<'gc>) -> String {
    match v {
        Value::String(s) => s.to_str_lossy().into_owned(),
        Value::Integer(_) | Value::Number(_) => {
            crate::vm::coerce::number_to_string(v).unwrap_or_default()
        }
        _ => {
            let _ = ctx;
            format!("(error object is a {} value)", v.type_name())
        }
    }
}

/// The native behind every host function: asks the executor to end the slice and run the host
/// callback whose id is the upvalue.
fn host_trampoline<'gc>(
    ctx: Context<'gc>,
    upvalues: &[Value<'gc>],
    _stack: &mut NativeStack<'gc, '_>,
) -> Result<NativeAction<'gc>, RuntimeError<'gc>> {
    if let Some(Value::Integer(id)) = upvalues.first() {
        ctx.state.host_request.set(Some(*id as usize));
    }
    Ok(NativeAction::Return)
}

/// The id of host function `f`, if it is one (its native is the trampoline): the executor
/// then asks for the host call itself, without running the trampoline.
#[inline]
pub(crate) fn host_id(f: crate::function::Function<'_>) -> Option<usize> {
    let crate::function::Function::Closure(c) = f else {
        return None;
    };
    match &*c.0 {
        // Only the trampoline's address: no other native has its code, so identical code
        // folding cannot give one the same address; a miss would only take the slower path.
        crate::function::FunctionKind::Native(nc)
            if nc.func as *const () == host_trampoline as *const () =>
        {
            match nc.upvalues.first() {
                Some(Value::Integer(id)) => Some(*id as usize),
                _ => None,
            }
        }
        _ => None,
    }
}

impl Lua {
    /// A full collection cycle; then the finalizers of objects found dead run.
    pub fn collect_full(&mut self) {
        crate::gc::collect_full(&mut self.0.arena);
        self.run_finalizers();
    }
}
