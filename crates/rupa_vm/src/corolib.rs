//! The coroutine library: `create`, `resume`, `yield`, `status`, `isyieldable`, `running`,
//! `wrap` and `close`, on the executor's `Resume`/`Yield` actions.
//!
//! `close` runs the pending `__close` metamethods of a suspended coroutine itself, one
//! protected call at a time through continuations, then resets the thread to dead.

use crate::baselib::args::{meta_field, type_error};
use crate::baselib::register_module;
use crate::error::RuntimeError;
use crate::function::Function;
use crate::meta::MetaEvent;
use crate::native::{CallStatus, Continuation, NativeAction, NativeDef, NativeStack};
use crate::state::Context;
use crate::table::Table;
use crate::thread::{Thread, ThreadStatus};
use crate::value::Value;

type R<'gc> = Result<NativeAction<'gc>, RuntimeError<'gc>>;

/// Installs the `coroutine` table into the globals.
pub fn load_coroutine(ctx: Context<'_>) -> Result<(), RuntimeError<'_>> {
    let co = Table::with_exact_capacity(ctx, FUNCS.len())?;
    for (key, def) in &FUNCS {
        let f = Value::from(Function::light(def));
        co.set_str(ctx, ctx.new_string(key.as_bytes())?, f)?;
    }
    ctx.state
        .globals
        .set_str(ctx, ctx.new_string(b"coroutine")?, Value::Table(co))?;
    register_module(ctx, "coroutine", co)?;
    Ok(())
}

/// The library's fields and their functions, light natives named as messages name them.
static FUNCS: [(&str, NativeDef); 8] = [
    ("create", NativeDef::new("coroutine.create", create)),
    ("resume", NativeDef::new("coroutine.resume", resume)),
    ("yield", NativeDef::new("coroutine.yield", yield_)),
    ("status", NativeDef::new("coroutine.status", status)),
    (
        "isyieldable",
        NativeDef::new("coroutine.isyieldable", isyieldable),
    ),
    ("running", NativeDef::new("coroutine.running", running)),
    ("wrap", NativeDef::new("coroutine.wrap", wrap)),
    ("close", NativeDef::new("coroutine.close", close)),
];

fn check_thread<'gc>(
    ctx: Context<'gc>,
    stack: &NativeStack<'gc, '_>,
    i: usize,
) -> Result<Thread<'gc>, RuntimeError<'gc>> {
    match stack.get(i) {
        Value::Thread(t) => Ok(t),
        _ => Err(type_error(ctx, stack, i, "thread")),
    }
}

fn check_function<'gc>(
    ctx: Context<'gc>,
    stack: &NativeStack<'gc, '_>,
    i: usize,
) -> Result<Value<'gc>, RuntimeError<'gc>> {
    match stack.get(i) {
        f @ (Value::Closure(_) | Value::LightFunction(_)) => Ok(f),
        _ => Err(type_error(ctx, stack, i, "function")),
    }
}

/// The status `coroutine.status` reports for `co`, seen from the running thread `current`.
fn status_of<'gc>(co: Thread<'gc>, current: Thread<'gc>) -> ThreadStatus {
    if co.ptr_eq(current) {
        return ThreadStatus::Running;
    }
    match co.status() {
        // Another thread marked running belongs to an outer execution: from here it waits.
        ThreadStatus::Running => ThreadStatus::Normal,
        s => s,
    }
}

fn status_name(s: ThreadStatus) -> &'static str {
    match s {
        ThreadStatus::Suspended => "suspended",
        ThreadStatus::Running => "running",
        ThreadStatus::Normal => "normal",
        ThreadStatus::Dead => "dead",
    }
}

/// `coroutine.create(f)`.
fn create<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let f = check_function(ctx, stack, 0)?;
    ctx.reserve(std::mem::size_of::<crate::thread::ThreadState>() + 64)?;
    stack.replace(&[Value::Thread(Thread::new(ctx.mc, f))]);
    Ok(NativeAction::Return)
}

/// `coroutine.resume(co, ...)`.
fn resume<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let co = check_thread(ctx, stack, 0)?;
    stack.pop_front();
    Ok(NativeAction::Resume {
        thread: co,
        then: Continuation {
            func: resume_done,
            data: Value::Nil,
        },
    })
}

fn resume_done<'gc>(
    _: Context<'gc>,
    _: Value<'gc>,
    status: CallStatus<'gc>,
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    match status {
        CallStatus::Ok => stack.push_front(Value::Boolean(true)),
        CallStatus::Err(e) => stack.replace(&[Value::Boolean(false), e]),
    }
    Ok(NativeAction::Return)
}

/// `coroutine.yield(...)`: the executor refuses it outside a coroutine.
fn yield_<'gc>(_: Context<'gc>, _: &[Value<'gc>], _: &mut NativeStack<'gc, '_>) -> R<'gc> {
    Ok(NativeAction::Yield { then: None })
}

/// `coroutine.status(co)`.
fn status<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let co = check_thread(ctx, stack, 0)?;
    let name = status_name(status_of(co, stack.thread));
    stack.replace(&[Value::String(ctx.new_string(name.as_bytes())?)]);
    Ok(NativeAction::Return)
}

/// `coroutine.isyieldable([co])`.
fn isyieldable<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let yieldable = if stack.get(0).is_nil() {
        stack.yieldable && !inside_c_call(stack.thread)
    } else {
        let co = check_thread(ctx, stack, 0)?;
        if co.ptr_eq(stack.thread) {
            stack.yieldable && !inside_c_call(stack.thread)
        } else {
            // A suspended or dead thread is a coroutine, hence yieldable. A thread waiting for
            // the one it resumed may be a coroutine (yieldable) or an execution's main thread
            // (not); nothing tells them apart here, so it is reported as not yieldable.
            matches!(co.status(), ThreadStatus::Suspended | ThreadStatus::Dead)
        }
    };
    stack.replace(&[Value::Boolean(yieldable)]);
    Ok(NativeAction::Return)
}

/// Whether the running code was called without a continuation (a `sort` comparator, a
/// `__tostring` from `tostring`...), where 5.4 counts the thread as not yieldable.
fn inside_c_call(thread: Thread<'_>) -> bool {
    use crate::frame::{Frame, ReturnTo};
    thread.0.borrow().frames.iter().any(|f| match f {
        Frame::Native(nf) => !nf.yieldable || nf.ret == ReturnTo::Handler,
        Frame::Lua(lf) => lf.ret == ReturnTo::Handler,
        _ => false,
    })
}

/// `coroutine.running()`: the running thread and whether it is the main one.
fn running<'gc>(_: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    // Only the bottom thread of an execution cannot yield (outside nested, non-yieldable runs).
    let is_main = !stack.yieldable;
    let t = stack.thread;
    stack.replace(&[Value::Thread(t), Value::Boolean(is_main)]);
    Ok(NativeAction::Return)
}

/// `coroutine.wrap(f)`.
fn wrap<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let f = check_function(ctx, stack, 0)?;
    ctx.reserve(std::mem::size_of::<crate::thread::ThreadState>() + 64)?;
    let co = Value::Thread(Thread::new(ctx.mc, f));
    let w = Function::new_native(ctx.mc, "wrap", wrapped, Box::new([co]));
    stack.replace(&[Value::from(w)]);
    Ok(NativeAction::Return)
}

/// The function `coroutine.wrap` returns: resumes its coroutine with its arguments.
fn wrapped<'gc>(_: Context<'gc>, up: &[Value<'gc>], _: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let Some(&Value::Thread(co)) = up.first() else {
        return Err(RuntimeError::msg("wrap: lost its coroutine"));
    };
    Ok(NativeAction::Resume {
        thread: co,
        then: Continuation {
            func: wrapped_done,
            data: Value::Thread(co),
        },
    })
}

/// An error of a wrapped coroutine propagates; a string gets the caller's position prefixed,
/// as lua5.4's `auxwrap` does with `luaL_where(L, 1)`. When the error killed the coroutine,
/// its pending to-be-closed variables are closed first (a `__close` error replaces it).
fn wrapped_done<'gc>(
    ctx: Context<'gc>,
    data: Value<'gc>,
    status: CallStatus<'gc>,
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let e = match status {
        CallStatus::Ok => return Ok(NativeAction::Return),
        CallStatus::Err(e) => e,
    };
    let Value::Thread(co) = data else {
        return Err(RuntimeError::AtLevel { value: e, level: 1 });
    };
    // A coroutine that died by this error keeps it; "cannot resume dead coroutine" and the
    // like leave nothing to close.
    let killed = {
        let mut ts = co.0.borrow_mut(ctx.mc);
        if ts.status == ThreadStatus::Dead && ts.error.is_some() {
            ts.close_upvalues(ctx.mc, 0);
            ts.error.take()
        } else {
            None
        }
    };
    match killed {
        Some(error) => {
            stack.clear();
            close_next(ctx, co, Some(error), CloseFor::Wrap, stack)
        }
        None => Err(RuntimeError::AtLevel { value: e, level: 1 }),
    }
}

/// Who closes a coroutine, which decides how the outcome is reported.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CloseFor {
    /// `coroutine.close`: returns `true` or `false, error`.
    Close,
    /// A wrapped coroutine's error: raised, as `coroutine.wrap`'s function does.
    Wrap,
}

/// `coroutine.close(co)`: closes the pending to-be-closed variables of a suspended or dead
/// coroutine and kills it. Returns `true`, or `false` and the error (the one that killed the
/// coroutine, or one raised by a `__close`).
fn close<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let co = check_thread(ctx, stack, 0)?;
    let st = status_of(co, stack.thread);
    if !matches!(st, ThreadStatus::Suspended | ThreadStatus::Dead) {
        return Err(RuntimeError::msg(format!(
            "cannot close a {} coroutine",
            status_name(st)
        )));
    }
    let error = {
        let mut ts = co.0.borrow_mut(ctx.mc);
        ts.close_upvalues(ctx.mc, 0);
        ts.error.take()
    };
    close_next(ctx, co, error, CloseFor::Close, stack)
}

/// Calls the `__close` of the coroutine's innermost pending variable, or finishes.
fn close_next<'gc>(
    ctx: Context<'gc>,
    co: Thread<'gc>,
    error: Option<Value<'gc>>,
    mode: CloseFor,
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let pending = {
        let mut ts = co.0.borrow_mut(ctx.mc);
        match ts.tbc.pop() {
            Some(i) => Some(ts.stack.get(i).copied().unwrap_or(Value::Nil)),
            None => {
                ts.stack.clear();
                ts.frames.clear();
                ts.open_upvalues.clear();
                ts.status = ThreadStatus::Dead;
                None
            }
        }
    };
    let Some(v) = pending else {
        if mode == CloseFor::Wrap {
            let value = error.unwrap_or(Value::Nil);
            return Err(RuntimeError::AtLevel { value, level: 1 });
        }
        match error {
            None => stack.replace(&[Value::Boolean(true)]),
            Some(e) => stack.replace(&[Value::Boolean(false), e]),
        }
        return Ok(NativeAction::Return);
    };
    let mm = meta_field(ctx, v, MetaEvent::Close);
    // The state carried to the next step: the coroutine and the current error, if any.
    let carry = Table::new(ctx.mc);
    carry.set_int(ctx, 1, Value::Thread(co))?;
    if let Some(e) = error {
        carry.set_int(ctx, 2, e)?;
        carry.set_int(ctx, 3, Value::Boolean(true))?;
    }
    carry.set_int(ctx, 4, Value::Boolean(mode == CloseFor::Wrap))?;
    stack.replace(&[v, error.unwrap_or(Value::Nil)]);
    // lua_closethread runs `__close` handlers without a continuation.
    Ok(NativeAction::lua_pcall(
        ctx,
        mm,
        Continuation {
            func: close_step_done,
            data: Value::Table(carry),
        },
    ))
}

fn close_step_done<'gc>(
    ctx: Context<'gc>,
    data: Value<'gc>,
    status: CallStatus<'gc>,
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let Value::Table(carry) = data else {
        return Err(RuntimeError::msg("close: lost its state"));
    };
    let Value::Thread(co) = carry.get_int(ctx, 1) else {
        return Err(RuntimeError::msg("close: lost its coroutine"));
    };
    let error = match status {
        // A `__close` error replaces the current one for the variables still to close.
        CallStatus::Err(e) => Some(e),
        CallStatus::Ok => carry
            .get_int(ctx, 3)
            .is_truthy()
            .then(|| carry.get_int(ctx, 2)),
    };
    let mode = if carry.get_int(ctx, 4).is_truthy() {
        CloseFor::Wrap
    } else {
        CloseFor::Close
    };
    stack.clear();
    close_next(ctx, co, error, mode, stack)
}
