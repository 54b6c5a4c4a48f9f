//! The executor: drives a stack of threads (the running coroutine on top) through units of
//! [`Work`], calling natives, applying their [`NativeAction`]s, switching threads on resume and
//! yield, and unwinding errors to the nearest protected call.
//!
//! It runs in slices: [`Executor::step`] returns when fuel runs out, when Lua asked for a
//! collection, or when the call finished; everything needed to continue is kept in the
//! executor, so a slice boundary can fall anywhere.

use gc_arena::{lock::RefLock, Collect, Gc};

use crate::call;
use crate::debug_info;
use crate::error::RuntimeError;
use crate::frame::{Frame, NativeFrame, ReturnTo, UnwindFrame};
use crate::function::Function;
use crate::native::{CallStatus, NativeAction};
use crate::state::Context;
use crate::thread::{Thread, ThreadState, ThreadStatus};
use crate::value::Value;
use crate::vm::exec;
use crate::vm::native_call::{apply_action, invoke, Pending};

/// The next thing the executor does.
#[derive(Collect, Debug)]
#[collect(no_drop)]
pub enum Work<'gc> {
    /// Run the Lua frame on top of the current thread.
    RunLua,
    /// Call a native with the window `func_slot + 1 ..`.
    CallNative {
        func: Function<'gc>,
        func_slot: usize,
        #[collect(require_static)]
        ret: ReturnTo,
        c_depth: u16,
    },
    /// Run the continuation of the native frame on top (with the error of a protected call).
    Continue { error: Option<Value<'gc>> },
    /// An error was raised here.
    Error {
        error: RuntimeError<'gc>,
        site: ErrorSite<'gc>,
    },
    /// Unwind an error value to the nearest protected call (`handled`: the message handler,
    /// if any, has run).
    Unwind { error: Value<'gc>, handled: bool },
    /// The top frame is a `CloseUnwind`: close the next variable or finish unwinding.
    ContinueUnwind,
    /// The current thread's first call returned; its results are the whole stack.
    ThreadDone,
    /// The current thread is fresh: call `stack[0]` with `stack[1..]`.
    Start { c_depth: u16 },
    /// Fuel ran out in the Lua loop.
    OutOfFuel,
    /// The current coroutine died with an error (its resumer gets it).
    ThreadFailed { error: Value<'gc> },
}

/// Where an error was raised, for its position and the name in "bad argument" messages.
#[derive(Collect, Debug, Clone, Copy)]
#[collect(no_drop)]
pub enum ErrorSite<'gc> {
    /// By an instruction of the Lua frame on top.
    Vm,
    /// By a native: called directly (`in_frame == false`) or as the continuation of the top
    /// native frame.
    Native {
        func: Function<'gc>,
        #[collect(require_static)]
        ret: ReturnTo,
        in_frame: bool,
    },
}

impl<'gc> Work<'gc> {
    /// An error raised by the instruction being executed.
    pub fn vm_error(e: RuntimeError<'gc>) -> Work<'gc> {
        Work::Error {
            error: e,
            site: ErrorSite::Vm,
        }
    }
}

/// How a slice ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepResult {
    /// The call finished; take the result with [`Executor::take_result`].
    Done,
    /// Fuel ran out; step again to continue.
    OutOfFuel,
    /// Lua asked for a garbage collection (`State::gc_request`): collect, then step again.
    GcRequested,
    /// A host function (id) was called: run it with [`Executor::host_args`], hand its outcome
    /// to [`Executor::host_return`], then step again.
    HostCall(usize),
}

/// A host function being called (after [`StepResult::HostCall`]): it has no frame, as it
/// runs outside the executor; its arguments are the running thread's stack from `base`.
#[derive(Collect, Clone, Copy)]
#[collect(no_drop)]
pub struct HostPending<'gc> {
    func: Function<'gc>,
    /// Where the arguments start (the function sits just below).
    pub base: usize,
    #[collect(require_static)]
    ret: ReturnTo,
}

/// The state of an executor.
#[derive(Collect)]
#[collect(no_drop)]
pub struct ExecutorState<'gc> {
    /// The resume chain: the bottom thread first, the running coroutine last.
    pub threads: Vec<Thread<'gc>>,
    /// The host call waiting for [`Executor::host_return`], if any.
    pub host: Option<HostPending<'gc>>,
    pending: Option<Work<'gc>>,
    result: Option<Result<Vec<Value<'gc>>, Value<'gc>>>,
    /// lua5.4-style traceback of the error that ended the run, if it ended with one.
    #[collect(require_static)]
    pub traceback: Option<String>,
}

/// Runs one function call (and every coroutine it resumes) to completion, in slices.
#[derive(Collect, Clone, Copy)]
#[collect(no_drop)]
pub struct Executor<'gc>(pub Gc<'gc, RefLock<ExecutorState<'gc>>>);

impl<'gc> Executor<'gc> {
    /// An executor that will call `func(args...)`.
    pub fn start(ctx: Context<'gc>, func: Value<'gc>, args: &[Value<'gc>]) -> Executor<'gc> {
        let thread = Thread::new_main(ctx.mc);
        {
            let mut ts = thread.0.borrow_mut(ctx.mc);
            ts.stack.push(func);
            ts.stack.extend_from_slice(args);
        }
        Executor(Gc::new(
            ctx.mc,
            RefLock::new(ExecutorState {
                threads: vec![thread],
                host: None,
                // Under lua.c a chunk starts two C levels deep (`pmain` and the protected call
                // of the chunk); starting there makes "C stack overflow" hit at the same depth.
                pending: Some(Work::Start { c_depth: 2 }),
                result: None,
                traceback: None,
            }),
        ))
    }

    /// Makes a finished executor (its result taken) call `func(args...)` afresh, reusing its
    /// allocations, so an embedder calling many short functions allocates no executor per
    /// call. Returns `false`, changing nothing, when it cannot be reused: it has not finished,
    /// or its thread keeps state a fresh thread would not have (open upvalues, pending
    /// to-be-closed variables, a hook).
    pub fn restart(self, ctx: Context<'gc>, func: Value<'gc>, args: &[Value<'gc>]) -> bool {
        let mut st = self.0.borrow_mut(ctx.mc);
        if st.pending.is_some() || st.result.is_some() || st.threads.len() != 1 {
            return false;
        }
        let thread = st.threads[0];
        let Ok(mut ts) = thread.0.try_borrow_mut(ctx.mc) else {
            return false;
        };
        if !ts.open_upvalues.is_empty() || !ts.tbc.is_empty() || ts.hook.is_some() {
            return false;
        }
        ts.stack.clear();
        ts.frames.clear();
        ts.status = ThreadStatus::Running;
        ts.error = None;
        ts.error_zone = 0;
        ts.stack.push(func);
        ts.stack.extend_from_slice(args);
        // What `Work::Start` would do at the first step, done now: one turn of the step loop
        // less per call from the host.
        st.pending = Some(call::start_call(ctx, &mut ts, 0, ReturnTo::Bottom, 2));
        st.host = None;
        st.traceback = None;
        true
    }

    /// Whether the call has finished.
    pub fn is_done(self) -> bool {
        self.0.borrow().result.is_some()
    }

    /// The results (or the error value) once [`StepResult::Done`] was returned.
    pub fn take_result(self, ctx: Context<'gc>) -> Option<Result<Vec<Value<'gc>>, Value<'gc>>> {
        self.0.borrow_mut(ctx.mc).result.take()
    }

    /// Ends the run with `error`, whatever it was doing (interrupts: no `pcall` sees it).
    pub fn abort(self, ctx: Context<'gc>, error: Value<'gc>) {
        let mut st = self.0.borrow_mut(ctx.mc);
        for t in &st.threads {
            if let Ok(mut ts) = t.0.try_borrow_mut(ctx.mc) {
                ts.status = ThreadStatus::Dead;
            }
        }
        st.pending = None;
        st.host = None;
        st.traceback = None;
        st.result = Some(Err(error));
    }

    /// The arguments of the host function being called (after [`StepResult::HostCall`]).
    pub fn host_args(self, ctx: Context<'gc>) -> Vec<Value<'gc>> {
        let _ = ctx;
        let st = self.0.borrow();
        let (Some(h), Some(thread)) = (st.host, st.threads.last()) else {
            return Vec::new();
        };
        let ts = thread.0.borrow();
        ts.stack.get(h.base..).unwrap_or(&[]).to_vec()
    }

    /// Completes a host call: its results are returned to the caller, or its error raised.
    pub fn host_return(self, ctx: Context<'gc>, outcome: Result<&[Value<'gc>], RuntimeError<'gc>>) {
        let mut st = self.0.borrow_mut(ctx.mc);
        let Some(HostPending { func, base, ret }) = st.host.take() else {
            return;
        };
        let error_site = ErrorSite::Native {
            func,
            ret,
            in_frame: false,
        };
        let thread = *st.threads.last().expect("an executor always has a thread");
        let mut ts = thread.0.borrow_mut(ctx.mc);
        let func_slot = base - 1;
        let w = match outcome {
            Ok(vals) => match call::ensure_stack(ctx, &mut ts.stack, func_slot + vals.len()) {
                Ok(()) => {
                    // The results go straight to the function's slot, where the caller
                    // takes them.
                    ts.stack.truncate(func_slot);
                    match vals {
                        [v] => ts.stack.push(*v),
                        vals => ts.stack.extend_from_slice(vals),
                    }
                    // Returned at once: the next step goes straight back to the caller's code.
                    call::finish_return(ctx, &mut ts, func_slot, func_slot, vals.len(), ret)
                }
                Err(error) => {
                    ts.stack.truncate(base);
                    Work::Error {
                        error,
                        site: error_site,
                    }
                }
            },
            Err(error) => {
                ts.stack.truncate(base);
                Work::Error {
                    error,
                    site: error_site,
                }
            }
        };
        // Nothing pending already means running the caller's code.
        if !matches!(w, Work::RunLua) {
            st.pending = Some(w);
        }
    }

    /// The traceback of the error that ended the run.
    pub fn traceback(self) -> Option<String> {
        self.0.borrow().traceback.clone()
    }

    /// Runs until the call finishes, `fuel` (instructions; natives charge more) runs out, or a
    /// collection is requested.
    pub fn step(self, ctx: Context<'gc>, fuel: &mut i64) -> StepResult {
        let mut st = self.0.borrow_mut(ctx.mc);
        if st.result.is_some() {
            return StepResult::Done;
        }
        let mut work = st.pending.take().unwrap_or(Work::RunLua);
        loop {
            let thread = *st.threads.last().expect("an executor always has a thread");
            work = match work {
                Work::RunLua => {
                    let mut ts = thread.0.borrow_mut(ctx.mc);
                    if ts.hook.is_some() {
                        crate::hook::run_hooked(ctx, thread, &mut ts, fuel)
                    } else {
                        exec::run_lua(ctx, thread, &mut ts, fuel)
                    }
                }
                Work::OutOfFuel => {
                    st.pending = Some(Work::RunLua);
                    return StepResult::OutOfFuel;
                }
                Work::Start { c_depth } => {
                    let mut ts = thread.0.borrow_mut(ctx.mc);
                    ts.status = ThreadStatus::Running;
                    call::start_call(ctx, &mut ts, 0, ReturnTo::Bottom, c_depth)
                }
                Work::CallNative {
                    func,
                    func_slot,
                    ret,
                    c_depth,
                } => {
                    *fuel -= 1;
                    if let Some(w) = crate::hook::native_call(ctx, thread, func, ret, func_slot) {
                        work = w;
                        continue;
                    }
                    if let Some(id) = crate::lua::host_id(func) {
                        // A host function: no need to run its trampoline native (which would
                        // only ask for this).
                        ctx.state.call_not_yieldable.set(false);
                        st.host = Some(HostPending {
                            func,
                            base: func_slot + 1,
                            ret,
                        });
                        return StepResult::HostCall(id);
                    }
                    let yieldable = st.threads.len() > 1;
                    let (r, mut ts) = invoke(ctx, thread, func_slot + 1, yieldable, fuel, |ns| {
                        let Some(nc) = func.as_native() else {
                            crate::vm_bug!("CallNative holds a native function")
                        };
                        (nc.func)(ctx, nc.upvalues, ns)
                    });
                    if !matches!(
                        r,
                        Ok(NativeAction::Call { .. }
                            | NativeAction::CallKeep { .. }
                            | NativeAction::CallWithHandler { .. })
                    ) {
                        ctx.state.call_not_yieldable.set(false);
                    }
                    if let Some(id) = ctx.state.host_request.take() {
                        // The host callback runs between slices (see `HostPending`).
                        st.host = Some(HostPending {
                            func,
                            base: func_slot + 1,
                            ret,
                        });
                        return StepResult::HostCall(id);
                    }
                    let returned = matches!(r, Ok(NativeAction::Return));
                    let results = (returned && ts.hook.is_some())
                        .then(|| ts.stack.get(func_slot + 1..).unwrap_or(&[]).to_vec());
                    let w = match r {
                        Ok(action) => apply_action(
                            ctx,
                            &mut st,
                            thread,
                            &mut ts,
                            action,
                            Pending {
                                func,
                                base: func_slot + 1,
                                ret,
                                c_depth,
                                in_frame: false,
                            },
                        ),
                        Err(error) => Work::Error {
                            error,
                            site: ErrorSite::Native {
                                func,
                                ret,
                                in_frame: false,
                            },
                        },
                    };
                    let w = match results {
                        Some(res) => {
                            crate::hook::native_return(ctx, &mut ts, func, ret, w, &res, true)
                        }
                        None => w,
                    };
                    if ctx.state.gc_request.get().is_some() {
                        st.pending = Some(w);
                        return StepResult::GcRequested;
                    }
                    // Back to the same thread's Lua code: keep the borrow we hold.
                    run_here(ctx, &st, thread, &mut ts, fuel, w)
                }
                Work::Continue { error } => {
                    let nf = {
                        let ts = thread.0.borrow();
                        match ts.frames.last() {
                            Some(Frame::Native(nf)) => *nf,
                            Some(Frame::Lua(_)) => {
                                work = Work::RunLua;
                                continue;
                            }
                            _ => crate::vm_bug!("Continue needs a native frame on top"),
                        }
                    };
                    match nf.cont {
                        None => {
                            let mut ts = thread.0.borrow_mut(ctx.mc);
                            ts.frames.pop();
                            let n = ts.stack.len() - nf.base;
                            call::finish_return(ctx, &mut ts, nf.base - 1, nf.base, n, nf.ret)
                        }
                        Some(cont) => {
                            *fuel -= 1;
                            let status = match error {
                                None => CallStatus::Ok,
                                Some(e) => {
                                    thread.0.borrow_mut(ctx.mc).stack.truncate(nf.base);
                                    CallStatus::Err(e)
                                }
                            };
                            let yieldable = st.threads.len() > 1;
                            let (r, mut ts) = invoke(ctx, thread, nf.base, yieldable, fuel, |ns| {
                                (cont.func)(ctx, cont.data, status, ns)
                            });
                            let returned = matches!(r, Ok(NativeAction::Return));
                            let results = (returned && ts.hook.is_some())
                                .then(|| ts.stack.get(nf.base..).unwrap_or(&[]).to_vec());
                            let w = match r {
                                Ok(action) => apply_action(
                                    ctx,
                                    &mut st,
                                    thread,
                                    &mut ts,
                                    action,
                                    Pending {
                                        func: nf.func,
                                        base: nf.base,
                                        ret: nf.ret,
                                        c_depth: nf.c_depth,
                                        in_frame: true,
                                    },
                                ),
                                Err(error) => {
                                    // The frame's protection covered the call it made; an
                                    // error the continuation raises itself goes to its callers.
                                    if let Some(Frame::Native(f)) = ts.frames.last_mut() {
                                        f.protected = false;
                                        f.handler = None;
                                    }
                                    Work::Error {
                                        error,
                                        site: ErrorSite::Native {
                                            func: nf.func,
                                            ret: nf.ret,
                                            in_frame: true,
                                        },
                                    }
                                }
                            };
                            let w = match results {
                                Some(res) => crate::hook::native_return(
                                    ctx, &mut ts, nf.func, nf.ret, w, &res, false,
                                ),
                                None => w,
                            };
                            if ctx.state.gc_request.get().is_some() {
                                st.pending = Some(w);
                                return StepResult::GcRequested;
                            }
                            // A continuation that called Lua (a comparator, a metamethod): run
                            // it under the borrow we hold.
                            run_here(ctx, &st, thread, &mut ts, fuel, w)
                        }
                    }
                }
                Work::Error { error, site } => {
                    let mut ts = thread.0.borrow_mut(ctx.mc);
                    let value = error_value(ctx, &ts, error, site);
                    let protected = st.threads.len() > 1
                        || ts
                            .frames
                            .iter()
                            .any(|f| matches!(f, Frame::Native(nf) if nf.protected));
                    if !protected {
                        let running = match site {
                            ErrorSite::Native {
                                func,
                                ret,
                                in_frame: false,
                            } => Some((func, ret)),
                            _ => None,
                        };
                        st.traceback = Some(debug_info::traceback(ctx, &ts, None, running, true));
                    }
                    // The raising native stays on the stack while the error is handled, as in
                    // lua5.4: a message handler's traceback starts "[C]: in function 'error'",
                    // and a coroutine killed by it keeps it among its frames.
                    if let ErrorSite::Native {
                        func,
                        ret,
                        in_frame: false,
                    } = site
                    {
                        let c_depth = ts.frames.last().map_or(0, |f| f.c_depth());
                        let base = ts.stack.len();
                        ts.frames.push(Frame::Native(NativeFrame {
                            func,
                            base,
                            cont: None,
                            protected: false,
                            handler: None,
                            yieldable: true,
                            ret,
                            c_depth,
                        }));
                    }
                    Work::Unwind {
                        error: value,
                        handled: false,
                    }
                }
                Work::Unwind { error, handled } => {
                    let mut ts = thread.0.borrow_mut(ctx.mc);
                    unwind(ctx, &mut ts, error, handled, st.threads.len() == 1)
                }
                Work::ContinueUnwind => {
                    let mut ts = thread.0.borrow_mut(ctx.mc);
                    let Some(Frame::CloseUnwind(u)) = ts.frames.last().copied() else {
                        crate::vm_bug!("ContinueUnwind needs an unwind frame on top")
                    };
                    match ts.tbc.last() {
                        Some(&idx) if idx >= u.level => {
                            crate::vm::tbc::close_one(ctx, &mut ts, u.error, ReturnTo::Discard)
                        }
                        _ => {
                            ts.frames.pop();
                            ts.close_upvalues(ctx.mc, u.level);
                            ts.stack.truncate(u.level);
                            if ts.frames.is_empty() {
                                drop(ts);
                                match thread_failed(ctx, &mut st, thread, u.error) {
                                    Some(w) => w,
                                    None => return StepResult::Done,
                                }
                            } else {
                                Work::Continue {
                                    error: Some(u.error),
                                }
                            }
                        }
                    }
                }
                Work::ThreadFailed { error } => match thread_failed(ctx, &mut st, thread, error) {
                    Some(w) => w,
                    None => return StepResult::Done,
                },
                Work::ThreadDone => {
                    let mut ts = thread.0.borrow_mut(ctx.mc);
                    ts.status = ThreadStatus::Dead;
                    let values = std::mem::take(&mut ts.stack);
                    drop(ts);
                    if st.threads.len() == 1 {
                        st.result = Some(Ok(values));
                        return StepResult::Done;
                    }
                    st.threads.pop();
                    transfer_to_resumer(ctx, &st, &values);
                    Work::Continue { error: None }
                }
            };
        }
    }
}

/// Runs `w` at once when it is unhooked Lua code of the running thread, whose borrow the caller
/// holds (going back through the loop would borrow the thread again); other work is returned.
#[inline]
fn run_here<'gc>(
    ctx: Context<'gc>,
    st: &ExecutorState<'gc>,
    thread: Thread<'gc>,
    ts: &mut ThreadState<'gc>,
    fuel: &mut i64,
    w: Work<'gc>,
) -> Work<'gc> {
    match w {
        Work::RunLua
            if ts.hook.is_none() && st.threads.last().is_some_and(|t| t.ptr_eq(thread)) =>
        {
            exec::run_lua(ctx, thread, ts, fuel)
        }
        w => w,
    }
}

/// Moves values into the window of the native frame on top of the (new) current thread, which
/// is waiting in `coroutine.resume`.
pub(super) fn transfer_to_resumer<'gc>(
    ctx: Context<'gc>,
    st: &ExecutorState<'gc>,
    values: &[Value<'gc>],
) {
    let resumer = *st.threads.last().expect("a coroutine has a resumer");
    let mut rts = resumer.0.borrow_mut(ctx.mc);
    rts.status = ThreadStatus::Running;
    let base = match rts.frames.last() {
        Some(Frame::Native(nf)) => nf.base,
        _ => rts.stack.len(),
    };
    rts.stack.truncate(base);
    rts.stack.extend_from_slice(values);
}

/// The current thread died with `error`: end the run, or hand the error to the resumer.
fn thread_failed<'gc>(
    ctx: Context<'gc>,
    st: &mut ExecutorState<'gc>,
    thread: Thread<'gc>,
    error: Value<'gc>,
) -> Option<Work<'gc>> {
    {
        let mut ts = thread.0.borrow_mut(ctx.mc);
        ts.status = ThreadStatus::Dead;
        ts.error = Some(error);
    }
    if st.threads.len() == 1 {
        st.result = Some(Err(error));
        return None;
    }
    st.threads.pop();
    transfer_to_resumer(ctx, st, &[]);
    Some(Work::Continue { error: Some(error) })
}

fn error_in_handling<'gc>(ctx: Context<'gc>, fallback: Value<'gc>) -> Value<'gc> {
    match ctx.new_string(b"error in error handling") {
        Ok(s) => Value::String(s),
        Err(_) => fallback,
    }
}

/// Finds where `error` is caught and starts unwinding to it.
fn unwind<'gc>(
    ctx: Context<'gc>,
    ts: &mut ThreadState<'gc>,
    mut error: Value<'gc>,
    mut handled: bool,
    bottom_thread: bool,
) -> Work<'gc> {
    let mut target = None;
    for i in (0..ts.frames.len()).rev() {
        match ts.frames[i] {
            Frame::Lua(f) if f.ret == ReturnTo::Handler => {
                error = error_in_handling(ctx, error);
                handled = true;
            }
            Frame::Native(nf) if nf.ret == ReturnTo::Handler => {
                error = error_in_handling(ctx, error);
                handled = true;
            }
            Frame::Native(nf) if nf.protected => {
                if let (Some(h), false) = (nf.handler, handled) {
                    ts.error_zone = call::ERROR_ZONE;
                    return match call::call_meta(ctx, ts, h, &[error], ReturnTo::Handler) {
                        // The handler cannot even start: give up on it.
                        Work::Error { .. } => Work::Unwind {
                            error: error_in_handling(ctx, error),
                            handled: true,
                        },
                        w => w,
                    };
                }
                ts.error_zone = 0;
                target = Some((i, nf.base, nf.c_depth));
                break;
            }
            Frame::CloseUnwind(mut u) => {
                // An error inside a `__close` replaces the one being unwound.
                u.error = error;
                ts.frames.truncate(i);
                ts.frames.push(Frame::CloseUnwind(u));
                return Work::ContinueUnwind;
            }
            _ => {}
        }
    }
    let (keep, level, c_depth) = match target {
        Some(t) => (t.0 + 1, t.1, t.2),
        None if bottom_thread => (0, 0, 0),
        None => {
            // A coroutine dies keeping its frames (for tracebacks); its resumer gets the error.
            ts.status = ThreadStatus::Dead;
            ts.error = Some(error);
            return Work::ThreadFailed { error };
        }
    };
    ts.frames.truncate(keep);
    ts.frames.push(Frame::CloseUnwind(UnwindFrame {
        error,
        level,
        c_depth,
    }));
    Work::ContinueUnwind
}

/// The error value a raised error becomes, with its position prefix.
fn error_value<'gc>(
    ctx: Context<'gc>,
    ts: &ThreadState<'gc>,
    error: RuntimeError<'gc>,
    site: ErrorSite<'gc>,
) -> Value<'gc> {
    // Index of the frame at `level` (1 = the function that raised it, or the caller of the
    // raising native).
    let frame_at = |level: usize| -> Option<&Frame<'gc>> {
        let top = match site {
            ErrorSite::Vm => ts.frames.len().checked_sub(1)?,
            ErrorSite::Native { in_frame: true, .. } => ts.frames.len().checked_sub(2)?,
            ErrorSite::Native {
                in_frame: false, ..
            } => ts.frames.len().checked_sub(1)?,
        };
        let i = top.checked_sub(level.checked_sub(1)?)?;
        ts.frames.get(i)
    };
    let position = |level: usize| -> String {
        match frame_at(level) {
            Some(Frame::Lua(f)) => debug_info::frame_position(f)
                .map(|p| format!("{p} "))
                .unwrap_or_default(),
            _ => String::new(),
        }
    };
    let text = |s: String| -> Value<'gc> {
        // Messages are short; a failure to allocate one is reported as memory exhaustion.
        match ctx.new_string(s.as_bytes()) {
            Ok(s) => Value::String(s),
            Err(_) => Value::String(crate::string::LuaString::new(ctx.mc, b"not enough memory")),
        }
    };
    match error {
        RuntimeError::Value(v) => v,
        RuntimeError::OutOfMemory => {
            Value::String(crate::string::LuaString::new(ctx.mc, b"not enough memory"))
        }
        RuntimeError::Plain(s) => text(s),
        RuntimeError::Message(s) => text(format!("{}{s}", position(1))),
        RuntimeError::AtLevel { value, level } => match value {
            Value::String(s) if level > 0 => {
                text(format!("{}{}", position(level), s.to_str_lossy()))
            }
            v => v,
        },
        RuntimeError::BadArgument { index, message } => {
            let (func, ret, in_frame) = match site {
                ErrorSite::Native {
                    func,
                    ret,
                    in_frame,
                } => (Some(func), ret, in_frame),
                ErrorSite::Vm => (None, ReturnTo::Discard, false),
            };
            let caller = if in_frame {
                ts.frames.len().saturating_sub(1)
            } else {
                ts.frames.len()
            };
            let name = debug_info::caller_name(&ts.frames, caller, ret);
            let mut index = index;
            if let Some(("method", n)) = &name {
                index -= 1;
                if index == 0 {
                    return text(format!(
                        "{}calling '{n}' on bad self ({message})",
                        position(1)
                    ));
                }
            }
            let name = match name {
                Some((_, n)) => n,
                None => func
                    .and_then(|f| debug_info::global_func_name(ctx, f))
                    .unwrap_or_else(|| "?".to_string()),
            };
            text(format!(
                "{}bad argument #{index} to '{name}' ({message})",
                position(1)
            ))
        }
    }
}
