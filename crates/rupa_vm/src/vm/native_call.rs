//! What the executor does with a native function's call: running it on its stack window
//! ([`invoke`]) and applying the [`NativeAction`] it returns: returning its results, calling a
//! function for it (protected or not, with a message handler, keeping its window), yielding.

use crate::call;
use crate::error::RuntimeError;
use crate::frame::{Frame, NativeFrame, ReturnTo};
use crate::function::{Function, FunctionKind};
use crate::native::{Continuation, NativeAction, NativeStack};
use crate::state::Context;
use crate::thread::{Thread, ThreadState, ThreadStatus};
use crate::value::Value;
use crate::vm::executor::{transfer_to_resumer, ErrorSite, ExecutorState, Work};

/// A native call whose action is being applied.
#[derive(Clone, Copy)]
pub(super) struct Pending<'gc> {
    pub(super) func: Function<'gc>,
    pub(super) base: usize,
    pub(super) ret: ReturnTo,
    pub(super) c_depth: u16,
    /// The native already has a frame (it is running a continuation).
    pub(super) in_frame: bool,
}

/// Calls `f` with the window `base..` of `thread`'s stack, without holding the thread's borrow
/// (so the native may inspect the thread).
pub(super) fn invoke<'gc>(
    ctx: Context<'gc>,
    thread: Thread<'gc>,
    base: usize,
    yieldable: bool,
    fuel: &mut i64,
    f: impl FnOnce(&mut NativeStack<'gc, '_>) -> Result<NativeAction<'gc>, RuntimeError<'gc>>,
) -> (
    Result<NativeAction<'gc>, RuntimeError<'gc>>,
    std::cell::RefMut<'gc, ThreadState<'gc>>,
) {
    let mut stack = std::mem::take(&mut thread.0.borrow_mut(ctx.mc).stack);
    ctx.state.fuel.set(*fuel);
    let r = {
        let mut ns = NativeStack::new(&mut stack, base, thread, yieldable);
        f(&mut ns)
    };
    *fuel = ctx.state.fuel.get();
    let mut ts = thread.0.borrow_mut(ctx.mc);
    ts.stack = stack;
    (r, ts)
}

/// Makes sure the native has a frame holding `cont`.
pub(super) fn set_frame<'gc>(
    ts: &mut ThreadState<'gc>,
    p: Pending<'gc>,
    cont: Option<Continuation<'gc>>,
    protected: bool,
    handler: Option<Value<'gc>>,
) {
    let nf = NativeFrame {
        func: p.func,
        base: p.base,
        cont,
        protected,
        handler,
        yieldable: true,
        ret: p.ret,
        c_depth: p.c_depth,
    };
    if p.in_frame {
        if let Some(f) = ts.frames.last_mut() {
            *f = Frame::Native(nf);
            return;
        }
    }
    ts.frames.push(Frame::Native(nf));
}

pub(super) fn apply_action<'gc>(
    ctx: Context<'gc>,
    st: &mut ExecutorState<'gc>,
    thread: Thread<'gc>,
    ts: &mut ThreadState<'gc>,
    action: NativeAction<'gc>,
    p: Pending<'gc>,
) -> Work<'gc> {
    let native_error = |e: RuntimeError<'gc>| Work::Error {
        error: e,
        site: ErrorSite::Native {
            func: p.func,
            ret: p.ret,
            in_frame: p.in_frame,
        },
    };
    match action {
        NativeAction::Return => {
            if p.in_frame {
                ts.frames.pop();
            }
            let n = ts.stack.len() - p.base;
            call::finish_return(ctx, ts, p.base - 1, p.base, n, p.ret)
        }
        NativeAction::Call {
            func,
            then,
            protected,
        } => {
            set_frame(ts, p, Some(then), protected, None);
            mark_yieldable(ctx, ts);
            call_from_native(ctx, ts, p, func)
        }
        NativeAction::CallKeep { at, then } => call_keep(ctx, ts, p, at, then),
        NativeAction::CallWithHandler {
            func,
            handler,
            then,
        } => {
            set_frame(ts, p, Some(then), true, Some(handler));
            mark_yieldable(ctx, ts);
            call_from_native(ctx, ts, p, func)
        }
        NativeAction::TailCall { func } => {
            if p.in_frame {
                ts.frames.pop();
            }
            ts.stack[p.base - 1] = func;
            call::start_call(ctx, ts, p.base - 1, p.ret, p.c_depth)
        }
        NativeAction::Yield { then } => {
            if st.threads.len() <= 1 {
                // Raised "in" the native, which has no line: no position.
                return native_error(RuntimeError::Plain(
                    "attempt to yield from outside a coroutine".into(),
                ));
            }
            // Message handlers are called without a continuation too (luaD_callnoyield).
            let across_c = p.ret == ReturnTo::Handler
                || ts.frames.iter().any(|f| match f {
                    Frame::Native(nf) => !nf.yieldable || nf.ret == ReturnTo::Handler,
                    Frame::Lua(lf) => lf.ret == ReturnTo::Handler,
                    _ => false,
                });
            if across_c {
                return native_error(RuntimeError::Plain(
                    "attempt to yield across a C-call boundary".into(),
                ));
            }
            set_frame(ts, p, then, false, None);
            let values: Vec<Value<'gc>> = ts.stack.drain(p.base..).collect();
            ts.status = ThreadStatus::Suspended;
            st.threads.pop();
            transfer_to_resumer(ctx, st, &values);
            Work::Continue { error: None }
        }
        NativeAction::Resume { thread: co, then } => {
            set_frame(ts, p, Some(then), false, None);
            let status = if co.ptr_eq(thread) {
                ThreadStatus::Running
            } else {
                co.status()
            };
            let msg = match status {
                ThreadStatus::Suspended => None,
                ThreadStatus::Dead => Some("cannot resume dead coroutine"),
                _ => Some("cannot resume non-suspended coroutine"),
            };
            if let Some(msg) = msg {
                ts.stack.truncate(p.base);
                return match ctx.new_string(msg.as_bytes()) {
                    Ok(s) => Work::Continue {
                        error: Some(Value::String(s)),
                    },
                    Err(e) => native_error(e),
                };
            }
            if p.c_depth + 1 >= call::MAX_C_DEPTH {
                ts.stack.truncate(p.base);
                return match ctx.new_string(b"C stack overflow") {
                    Ok(s) => Work::Continue {
                        error: Some(Value::String(s)),
                    },
                    Err(e) => native_error(e),
                };
            }
            let values: Vec<Value<'gc>> = ts.stack.drain(p.base..).collect();
            ts.status = ThreadStatus::Normal;
            let mut cts = co.0.borrow_mut(ctx.mc);
            cts.status = ThreadStatus::Running;
            st.threads.push(co);
            if cts.frames.is_empty() {
                cts.stack.extend_from_slice(&values);
                Work::Start {
                    c_depth: p.c_depth + 1,
                }
            } else {
                let base = match cts.frames.last() {
                    Some(Frame::Native(nf)) => nf.base,
                    _ => cts.stack.len(),
                };
                cts.stack.truncate(base);
                cts.stack.extend_from_slice(&values);
                Work::Continue { error: None }
            }
        }
    }
}

/// `NativeAction::CallKeep`: the path of every comparator call of a sort, so the native's
/// frame is updated in place rather than rebuilt.
pub(super) fn call_keep<'gc>(
    ctx: Context<'gc>,
    ts: &mut ThreadState<'gc>,
    p: Pending<'gc>,
    at: usize,
    then: Continuation<'gc>,
) -> Work<'gc> {
    let yieldable = !ctx.state.call_not_yieldable.take();
    match ts.frames.last_mut() {
        Some(Frame::Native(nf)) if p.in_frame => {
            nf.cont = Some(then);
            nf.protected = false;
            nf.handler = None;
            nf.yieldable = yieldable;
        }
        _ => {
            set_frame(ts, p, Some(then), false, None);
            if let Some(Frame::Native(nf)) = ts.frames.last_mut() {
                nf.yieldable = yieldable;
            }
        }
    }
    let func_slot = p.base + at;
    if ts.stack.len() <= func_slot {
        // Nothing to call there: calling nil raises the usual error.
        ts.stack.resize(func_slot + 1, Value::Nil);
    }
    call_in_window(ctx, ts, p, func_slot)
}

/// Enters Lua function `f` at `func_slot` for the native frame on top.
#[inline(always)]
pub(super) fn enter_lua_for_native<'gc>(
    ctx: Context<'gc>,
    ts: &mut ThreadState<'gc>,
    p: Pending<'gc>,
    f: crate::function::Closure<'gc>,
    cl: &crate::function::LuaClosure<'gc>,
    func_slot: usize,
) -> Work<'gc> {
    match call::enter_lua(ctx, ts, f, cl, func_slot, ReturnTo::Native, p.c_depth + 1) {
        Ok(()) => Work::RunLua,
        Err(e) => native_call_error(p, e),
    }
}

/// An error starting a call made for a native: raised in the native, which has no line, so
/// it carries no position.
pub(super) fn native_call_error<'gc>(p: Pending<'gc>, error: RuntimeError<'gc>) -> Work<'gc> {
    Work::Error {
        error: match error {
            RuntimeError::Message(m) => RuntimeError::Plain(m),
            e => e,
        },
        site: ErrorSite::Native {
            func: p.func,
            ret: p.ret,
            in_frame: true,
        },
    }
}

/// Records on the native frame on top whether the call it starts may be yielded across.
pub(super) fn mark_yieldable<'gc>(ctx: Context<'gc>, ts: &mut ThreadState<'gc>) {
    let not_yieldable = ctx.state.call_not_yieldable.take();
    if let Some(Frame::Native(nf)) = ts.frames.last_mut() {
        nf.yieldable = !not_yieldable;
    }
}

/// Calls `func` for a native frame: arguments are its window, results come back into it.
pub(super) fn call_from_native<'gc>(
    ctx: Context<'gc>,
    ts: &mut ThreadState<'gc>,
    p: Pending<'gc>,
    func: Value<'gc>,
) -> Work<'gc> {
    let need = ts.stack.len() + 1;
    if let Err(e) = call::ensure_stack(ctx, &mut ts.stack, need) {
        return Work::Error {
            error: e,
            site: ErrorSite::Native {
                func: p.func,
                ret: p.ret,
                in_frame: true,
            },
        };
    }
    ts.stack.insert(p.base, func);
    call_in_window(ctx, ts, p, p.base)
}

/// Calls `stack[func_slot]` (inside the window of the native frame on top) with the values
/// above it; its results come back from `func_slot` on.
#[inline]
pub(super) fn call_in_window<'gc>(
    ctx: Context<'gc>,
    ts: &mut ThreadState<'gc>,
    p: Pending<'gc>,
    func_slot: usize,
) -> Work<'gc> {
    // A Lua function (a comparator, a `gsub` replacement, a `pcall`ed function) is entered
    // here, without `start_call`'s detour.
    if let Value::Closure(f) = ts.stack[func_slot] {
        if let FunctionKind::Lua(cl) = &*f.0 {
            return enter_lua_for_native(ctx, ts, p, f, cl, func_slot);
        }
    }
    match call::start_call(ctx, ts, func_slot, ReturnTo::Native, p.c_depth + 1) {
        // "attempt to call a nil value" raised for a native has no position (the native is the
        // running function and has no line).
        Work::Error { error, .. } => native_call_error(p, error),
        w => w,
    }
}
