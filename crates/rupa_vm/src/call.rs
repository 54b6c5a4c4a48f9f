//! Calls and returns on a thread's stack: setting up a Lua frame (fixed parameters, varargs),
//! resolving `__call`, and delivering a call's results where its [`ReturnTo`] says.
//!
//! These functions never run code: they arrange frames and tell the executor what to do next
//! ([`Work`]), which keeps every call stackless.

use crate::error::RuntimeError;
use crate::frame::{Frame, LuaFrame, ReturnTo};
use crate::function::{Closure, Function, FunctionKind, LuaClosure};
use crate::metaops;
use crate::state::Context;
use crate::thread::ThreadState;
use crate::value::Value;
use crate::vm::concat;
use crate::vm::executor::Work;

/// Most stack slots a thread may use (LUAI_MAXSTACK).
pub const MAX_STACK: usize = 1_000_000;
/// Stack slots a message handler may use past [`MAX_STACK`] (5.4's EXTRA_STACK error zone).
pub const ERROR_ZONE: usize = 5_000;
/// Most nested "C" calls (metamethods, calls made for natives, resumes): LUAI_MAXCCALLS.
pub const MAX_C_DEPTH: u16 = 200;

/// Why a call could not start.
pub(crate) enum CallError<'gc> {
    /// The called value is not callable and has no `__call`.
    NotCallable(Value<'gc>),
    Runtime(RuntimeError<'gc>),
}

impl<'gc> From<RuntimeError<'gc>> for CallError<'gc> {
    fn from(e: RuntimeError<'gc>) -> Self {
        CallError::Runtime(e)
    }
}

/// What the caller must do after [`precall`].
pub(crate) enum PreCall<'gc> {
    /// A Lua frame was pushed.
    Lua,
    /// The callee is native: invoke it with the window `func_slot + 1 ..`.
    Native(Function<'gc>),
}

/// Sets the stack length to `top`, filling new slots with nil (capacity must suffice for
/// speed, not for correctness).
#[inline(always)]
pub(crate) fn set_top(stack: &mut Vec<Value<'_>>, top: usize) {
    let len = stack.len();
    if len >= top {
        stack.truncate(top);
    } else {
        stack.resize(top, Value::Nil);
    }
}

/// Grows the stack to `len` slots, checking the cap and the memory limit.
#[inline]
pub(crate) fn ensure_stack<'gc>(
    ctx: Context<'gc>,
    stack: &mut Vec<Value<'gc>>,
    len: usize,
) -> Result<(), RuntimeError<'gc>> {
    ensure_stack_within(ctx, stack, len, MAX_STACK)
}

/// [`ensure_stack`] with an explicit cap on the number of slots.
#[inline]
pub(crate) fn ensure_stack_within<'gc>(
    ctx: Context<'gc>,
    stack: &mut Vec<Value<'gc>>,
    len: usize,
    max: usize,
) -> Result<(), RuntimeError<'gc>> {
    if len > stack.capacity() || len > max {
        if len > max {
            return Err(RuntimeError::msg("stack overflow"));
        }
        let extra = (len - stack.len()).max(stack.capacity());
        ctx.reserve(extra * std::mem::size_of::<Value>())?;
        stack.reserve(extra);
    }
    Ok(())
}

/// Starts a call of `stack[func_slot]` with the arguments `func_slot + 1 .. stack.len()`.
#[inline]
pub(crate) fn precall<'gc>(
    ctx: Context<'gc>,
    ts: &mut ThreadState<'gc>,
    func_slot: usize,
    ret: ReturnTo,
    c_depth: u16,
) -> Result<PreCall<'gc>, CallError<'gc>> {
    loop {
        match ts.stack[func_slot] {
            Value::Closure(f) => match &*f.0 {
                FunctionKind::Lua(cl) => {
                    enter_lua(ctx, ts, f, cl, func_slot, ret, c_depth)?;
                    return Ok(PreCall::Lua);
                }
                FunctionKind::Native(_) => return Ok(PreCall::Native(Function::Closure(f))),
            },
            Value::LightFunction(d) => return Ok(PreCall::Native(Function::Light(d))),
            v => match metaops::call_handler(ctx, v) {
                Some(h) => {
                    {
                        let need = ts.stack.len() + 1;
                        ensure_stack(ctx, &mut ts.stack, need)?;
                    }
                    ts.stack.insert(func_slot, h);
                }
                None => return Err(CallError::NotCallable(v)),
            },
        }
    }
}

/// Pushes a frame for Lua closure `f` (at `func_slot`, its arguments above it): the Lua half
/// of [`precall`], also taken directly by calls made for natives.
#[inline(always)]
pub(crate) fn enter_lua<'gc>(
    ctx: Context<'gc>,
    ts: &mut ThreadState<'gc>,
    f: Closure<'gc>,
    cl: &LuaClosure<'gc>,
    func_slot: usize,
    ret: ReturnTo,
    c_depth: u16,
) -> Result<(), RuntimeError<'gc>> {
    let p = &cl.proto.proto;
    let nargs = ts.stack.len() - func_slot - 1;
    let nparams = p.num_params as usize;
    let max_stack = p.max_stack as usize;
    if c_depth >= MAX_C_DEPTH {
        return Err(RuntimeError::msg("C stack overflow"));
    }
    let (base, n_varargs) = if p.is_vararg && nargs > nparams {
        let base = func_slot + 1 + nargs;
        let max = MAX_STACK + ts.error_zone;
        ensure_stack_within(ctx, &mut ts.stack, base + max_stack, max)?;
        ts.stack.resize(base + max_stack, Value::Nil);
        for i in 0..nparams {
            ts.stack[base + i] = ts.stack[func_slot + 1 + i];
        }
        (base, nargs - nparams)
    } else {
        // Registers past the parameters need no clearing: the compiler never
        // reads a register it did not write. Missing parameters are past the
        // old top, so growing fills them with nil.
        let base = func_slot + 1;
        let top = base + max_stack;
        // Growing within the capacity needs no check (and no call).
        if top > ts.stack.capacity() || top > MAX_STACK {
            let max = MAX_STACK + ts.error_zone;
            ensure_stack_within(ctx, &mut ts.stack, top, max)?;
        }
        let len = ts.stack.len();
        if len >= top {
            ts.stack.truncate(top);
        } else {
            // A plain loop, not `resize` (out of line): a call made for a native (a sort
            // comparator) grows the stack by a slot or two every time.
            for _ in len..top {
                ts.stack.push(Value::Nil);
            }
        }
        (base, 0)
    };
    ts.frames.push(Frame::Lua(LuaFrame {
        func: f,
        base,
        top: base + max_stack,
        func_slot,
        pc: 0,
        n_varargs,
        ret,
        c_depth,
        tail: false,
    }));
    Ok(())
}

/// Delivers results `stack[src .. src + n]` of a call whose frame was just popped, following
/// `ret`; `func_slot` is where the callee sat.
pub(crate) fn finish_return<'gc>(
    ctx: Context<'gc>,
    ts: &mut ThreadState<'gc>,
    func_slot: usize,
    src: usize,
    n: usize,
    ret: ReturnTo,
) -> Work<'gc> {
    match ret {
        ReturnTo::Call { wanted } => {
            move_results(&mut ts.stack, func_slot, src, n);
            if wanted == ReturnTo::MULTI {
                ts.stack.truncate(func_slot + n);
            } else {
                ts.stack.truncate(func_slot + n.min(wanted as usize));
                restore_frame_top(ts, func_slot + wanted as usize);
            }
            Work::RunLua
        }
        ReturnTo::Store { reg } => {
            let v = first(&ts.stack, src, n);
            ts.stack.truncate(func_slot);
            restore_frame_top(ts, 0);
            if let Some(Frame::Lua(f)) = ts.frames.last() {
                let at = f.base + reg as usize;
                ts.stack[at] = v;
            }
            Work::RunLua
        }
        ReturnTo::Compare { k } => {
            let v = first(&ts.stack, src, n);
            ts.stack.truncate(func_slot);
            restore_frame_top(ts, 0);
            if let Some(Frame::Lua(f)) = ts.frames.last_mut() {
                if v.is_truthy() != k {
                    f.pc += 1;
                }
            }
            Work::RunLua
        }
        ReturnTo::Discard => {
            ts.stack.truncate(func_slot);
            match ts.frames.last() {
                Some(Frame::CloseUnwind(_)) => Work::ContinueUnwind,
                Some(Frame::Native(_)) => Work::Continue { error: None },
                _ => Work::RunLua,
            }
        }
        ReturnTo::Reexecute => {
            ts.stack.truncate(func_slot);
            if let Some(Frame::Lua(f)) = ts.frames.last_mut() {
                f.pc -= 1;
            }
            Work::RunLua
        }
        ReturnTo::Concat { slot, first: start } => {
            let v = first(&ts.stack, src, n);
            ts.stack.truncate(func_slot);
            restore_frame_top(ts, 0);
            ts.stack[slot] = v;
            concat::resume(ctx, ts, start, slot)
        }
        ReturnTo::Native => {
            move_results(&mut ts.stack, func_slot, src, n);
            ts.stack.truncate(func_slot + n);
            Work::Continue { error: None }
        }
        ReturnTo::Bottom => {
            move_results(&mut ts.stack, 0, src, n);
            ts.stack.truncate(n);
            Work::ThreadDone
        }
        ReturnTo::Handler => {
            let v = first(&ts.stack, src, n);
            ts.stack.truncate(func_slot);
            ts.error_zone = 0;
            Work::Unwind {
                error: v,
                handled: true,
            }
        }
    }
}

#[inline]
fn first<'gc>(stack: &[Value<'gc>], src: usize, n: usize) -> Value<'gc> {
    if n > 0 {
        stack[src]
    } else {
        Value::Nil
    }
}

#[inline]
fn move_results(stack: &mut [Value<'_>], dst: usize, src: usize, n: usize) {
    if n == 1 {
        // The usual single result (a comparator's verdict): no call to memmove.
        stack[dst] = stack[src];
    } else if dst != src {
        stack.copy_within(src..src + n, dst);
    }
}

/// Pads the stack back to the frame size of the (Lua) frame now on top, and at least to `min`.
#[inline]
pub(crate) fn restore_frame_top(ts: &mut ThreadState<'_>, min: usize) {
    let top = match ts.frames.last() {
        Some(Frame::Lua(f)) => f.top,
        _ => 0,
    };
    let top = top.max(min);
    if ts.stack.len() < top {
        ts.stack.resize(top, Value::Nil);
    }
}

/// Calls metamethod `func` with `args` placed at the top of the stack; its results go where
/// `ret` says.
pub(crate) fn call_meta<'gc>(
    ctx: Context<'gc>,
    ts: &mut ThreadState<'gc>,
    func: Value<'gc>,
    args: &[Value<'gc>],
    ret: ReturnTo,
) -> Work<'gc> {
    let c_depth = ts.frames.last().map_or(0, |f| f.c_depth()) + 1;
    let func_slot = ts.stack.len();
    let max = MAX_STACK + ts.error_zone;
    if let Err(e) = ensure_stack_within(ctx, &mut ts.stack, func_slot + 1 + args.len(), max) {
        return Work::vm_error(e);
    }
    ts.stack.push(func);
    ts.stack.extend_from_slice(args);
    start_call(ctx, ts, func_slot, ret, c_depth)
}

/// [`precall`] turned into the next piece of work.
pub(crate) fn start_call<'gc>(
    ctx: Context<'gc>,
    ts: &mut ThreadState<'gc>,
    func_slot: usize,
    ret: ReturnTo,
    c_depth: u16,
) -> Work<'gc> {
    match precall(ctx, ts, func_slot, ret, c_depth) {
        Ok(PreCall::Lua) => Work::RunLua,
        Ok(PreCall::Native(func)) => Work::CallNative {
            func,
            func_slot,
            ret,
            c_depth,
        },
        Err(CallError::NotCallable(v)) => Work::vm_error(RuntimeError::msg(format!(
            "attempt to call a {} value",
            metaops::type_name_for_error(ctx, v)
        ))),
        Err(CallError::Runtime(e)) => Work::vm_error(e),
    }
}
