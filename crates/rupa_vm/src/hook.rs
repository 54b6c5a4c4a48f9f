//! Debug hooks (`debug.sethook`): call, return, line and count events, delivered by stepping
//! the interpreter one instruction at a time while a thread has a hook. The bytecode loop
//! itself carries no hook check: a thread without a hook runs exactly as before (the executor
//! tests one `Option` when it enters the loop and around native calls), so hooks cost nothing
//! when unused.
//!
//! A hook runs as a call made "before" the hooked instruction: the hooked frame's `pc` is
//! advanced while it runs (so `currentline` is the hooked line, as in lua5.4) and
//! `ReturnTo::Reexecute` steps back to the instruction afterwards. Natives have no frame while
//! they run, so their call and return events are delivered from the calling Lua frame.

use gc_arena::Collect;

use crate::call;
use crate::debug_info;
use crate::error::RuntimeError;
use crate::frame::{Frame, NativeFrame, ReturnTo};
use crate::function::{Closure, Function};
use crate::native::{CallStatus, Continuation, NativeAction, NativeStack};
use crate::opcode::Op;
use crate::state::Context;
use crate::thread::{Thread, ThreadState};
use crate::value::Value;
use crate::vm::exec;
use crate::vm::executor::Work;

/// An event for the hook function: its name, its line argument, and for call and return
/// events the values transferred (`debug.getinfo`'s `ftransfer`/`ntransfer`: the first
/// local index of the parameters or results in the hooked activation, and their number).
#[derive(Clone, Copy, Debug)]
struct Event {
    name: &'static str,
    line: Option<u32>,
    transfer: Option<(u16, u16)>,
}

impl Event {
    fn plain(name: &'static str, line: Option<u32>) -> Event {
        Event {
            name,
            line,
            transfer: None,
        }
    }
}

/// A local index or count as `lua_Debug` keeps it (an unsigned short).
fn short(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// A thread's hook, as `debug.sethook` installs it.
#[derive(Collect, Debug, Clone)]
#[collect(no_drop)]
pub struct Hook<'gc> {
    /// The function called with `(event, line)`.
    pub func: Value<'gc>,
    /// Which of call (`c`), return (`r`) and line (`l`) events were asked for.
    #[collect(require_static)]
    pub mask: String,
    /// Instructions between count events (0: none).
    pub count: u32,
    counter: u32,
    /// Frame count and function of the last instruction seen, and its index (`L->oldpc`).
    depth: usize,
    last_func: Option<Closure<'gc>>,
    old_pc: usize,
    /// Frame count when the hook function was called: deeper frames belong to the hook, which
    /// runs without hooks.
    inside: Option<usize>,
    /// Events still to deliver before the instruction at `at`, last first.
    #[collect(require_static)]
    pending: Vec<Event>,
    /// Whether the events of the instruction at `at` were worked out.
    checked: bool,
    at: (usize, usize),
    /// The frame count at which a tail call was just made.
    tail: Option<usize>,
    /// The call site (frame count, pc) whose native call event was delivered.
    native_done: Option<(usize, usize)>,
    /// The arguments of the native called last from a hooked Lua frame, so its return event
    /// can show them below its results, as a C function's stack does.
    native_args: Vec<Value<'gc>>,
    /// The frame index the running hook function was called for and its transfer values.
    #[collect(require_static)]
    transfer: Option<(usize, u16, u16)>,
}

impl<'gc> Hook<'gc> {
    /// A hook installed while `frames` are active (the instruction after the top Lua frame's
    /// current one fires a line event only if it starts a new line, as in lua5.4).
    pub fn new(func: Value<'gc>, mask: String, count: u32, frames: &[Frame<'gc>]) -> Hook<'gc> {
        let (depth, last_func, old_pc) = match frames.last() {
            Some(Frame::Lua(f)) => (frames.len(), Some(f.func), f.pc.saturating_sub(1)),
            _ => (0, None, 0),
        };
        Hook {
            func,
            mask,
            count,
            counter: count,
            depth,
            last_func,
            old_pc,
            inside: None,
            pending: Vec::new(),
            checked: false,
            at: (usize::MAX, 0),
            tail: None,
            native_done: None,
            native_args: Vec::new(),
            transfer: None,
        }
    }

    /// `ftransfer` and `ntransfer` of `frames[index]`: set while a call or return hook called
    /// for that activation runs, 0 otherwise.
    pub fn transfer_of(&self, index: usize) -> (u16, u16) {
        match self.transfer {
            Some((i, f, n)) if i == index && self.inside.is_some() => (f, n),
            _ => (0, 0),
        }
    }

    fn wants(&self, c: char) -> bool {
        self.mask.contains(c)
    }

    /// Whether the hook function is running at frame count `depth` (and forgets a hook call
    /// that has ended, normally or by an error).
    fn running_at(&mut self, depth: usize) -> bool {
        match self.inside {
            Some(d) if depth > d => true,
            _ => {
                self.inside = None;
                false
            }
        }
    }
}

/// Calls the hook function for `event` above the Lua frame on top; `ret` says how the frame
/// continues afterwards.
fn fire<'gc>(
    ctx: Context<'gc>,
    ts: &mut ThreadState<'gc>,
    event: Event,
    ret: ReturnTo,
) -> Work<'gc> {
    let depth = ts.frames.len();
    let Some(hook) = ts.hook.as_mut() else {
        return Work::RunLua;
    };
    hook.inside = Some(depth);
    hook.transfer = event.transfer.map(|(f, n)| (depth - 1, f, n));
    let func = hook.func;
    let name = match ctx.new_string(event.name.as_bytes()) {
        Ok(s) => Value::String(s),
        Err(e) => return Work::vm_error(e),
    };
    let line = event
        .line
        .map_or(Value::Nil, |l| Value::Integer(i64::from(l)));
    call::call_meta(ctx, ts, func, &[name, line], ret)
}

/// Calls the hook function for `event` of the native `native`, which gets a frame of its own
/// while the hook runs (so the hook sees it at level 2, as in lua5.4), holding `window` (its
/// arguments, or arguments and results) as its temporaries. When the hook returns, that frame
/// goes and the Lua frame below continues as `after` says.
fn fire_native<'gc>(
    ctx: Context<'gc>,
    ts: &mut ThreadState<'gc>,
    native: Function<'gc>,
    event: Event,
    window: &[Value<'gc>],
    after: ReturnTo,
) -> Work<'gc> {
    let depth = ts.frames.len();
    let c_depth = ts.frames.last().map_or(0, |f| f.c_depth()) + 1;
    let Some(hook) = ts.hook.as_mut() else {
        return Work::RunLua;
    };
    hook.inside = Some(depth);
    hook.transfer = event.transfer.map(|(f, n)| (depth, f, n));
    let func = hook.func;
    let name = match ctx.new_string(event.name.as_bytes()) {
        Ok(s) => Value::String(s),
        Err(e) => return Work::vm_error(e),
    };
    let need = ts.stack.len() + window.len() + 4;
    if let Err(e) = call::ensure_stack(ctx, &mut ts.stack, need) {
        return Work::vm_error(e);
    }
    ts.stack.push(Value::from(native));
    let base = ts.stack.len();
    ts.stack.extend_from_slice(window);
    ts.frames.push(Frame::Native(NativeFrame {
        func: native,
        base,
        cont: Some(Continuation {
            func: native_hook_done,
            data: Value::Nil,
        }),
        protected: false,
        handler: None,
        yieldable: true,
        ret: after,
        c_depth,
    }));
    call::call_meta(ctx, ts, func, &[name, Value::Nil], ReturnTo::Native)
}

/// The stand-in frame of a hooked native: once the hook returned, it returns nothing.
fn native_hook_done<'gc>(
    _: Context<'gc>,
    _: Value<'gc>,
    _: CallStatus<'gc>,
    stack: &mut NativeStack<'gc, '_>,
) -> Result<NativeAction<'gc>, RuntimeError<'gc>> {
    stack.clear();
    Ok(NativeAction::Return)
}

/// Runs the Lua frames on top of a thread that has a hook, one instruction at a time.
pub(crate) fn run_hooked<'gc>(
    ctx: Context<'gc>,
    thread: Thread<'gc>,
    ts: &mut ThreadState<'gc>,
    fuel: &mut i64,
) -> Work<'gc> {
    loop {
        let Some(Frame::Lua(f)) = ts.frames.last().copied() else {
            return Work::Continue { error: None };
        };
        let depth = ts.frames.len();
        let top = ts.stack.len();
        let Some(hook) = ts.hook.as_mut() else {
            return exec::run_lua(ctx, thread, ts, fuel);
        };
        let hooked = !hook.running_at(depth);
        if hooked {
            if hook.at != (depth, f.pc) {
                hook.checked = false;
            }
            if !hook.checked {
                hook.checked = true;
                hook.at = (depth, f.pc);
                let mut evs = events(hook, f.func, f.pc, depth, f.base, top);
                evs.reverse();
                hook.pending = evs;
            }
            if let Some(event) = hook.pending.pop() {
                if let Some(Frame::Lua(top)) = ts.frames.last_mut() {
                    top.pc += 1;
                }
                match fire(ctx, ts, event, ReturnTo::Reexecute) {
                    Work::RunLua => continue,
                    w => return w,
                }
            }
            hook.tail = matches!(code_at(f.func, f.pc), Some(Op::TailCall { .. })).then_some(depth);
        }
        if *fuel <= 0 {
            return Work::OutOfFuel;
        }
        *fuel -= 1;
        let mut one = 1;
        match exec::run_lua_step(ctx, thread, ts, &mut one) {
            Work::OutOfFuel | Work::RunLua => {
                // The hooked instruction ran: the next check (even at the same pc, a loop
                // jumping to itself) works its events out afresh.
                if let (true, Some(h)) = (hooked, ts.hook.as_mut()) {
                    h.checked = false;
                }
            }
            w => return w,
        }
    }
}

fn code_at(func: Closure<'_>, pc: usize) -> Option<Op> {
    func.as_lua()?.proto.proto.code.get(pc).copied()
}

/// The events due before instruction `pc` of `func` at frame count `depth`, in order,
/// updating the hook's position: call (on entry), count, line (a new line, or a loop jumping
/// back: lua5.4's `luaG_traceexec`) and return (before a `Return`).
fn events<'gc>(
    hook: &mut Hook<'gc>,
    func: Closure<'gc>,
    pc: usize,
    depth: usize,
    base: usize,
    top: usize,
) -> Vec<Event> {
    let mut out = Vec::new();
    let Some(cl) = func.as_lua() else {
        return out;
    };
    let proto = &cl.proto.proto;
    let same_func = hook.last_func.is_some_and(|g| g.ptr_eq(func));
    let tail = hook.tail == Some(depth) && pc == 0;
    let entered = depth > hook.depth || (depth == hook.depth && !same_func) || tail;
    if entered {
        hook.old_pc = 0;
        if pc == 0 && hook.wants('c') {
            out.push(Event {
                name: if tail { "tail call" } else { "call" },
                line: None,
                transfer: transfer(1, usize::from(proto.num_params)),
            });
        }
    } else if depth < hook.depth {
        // Back in a caller: it last ran the call instruction.
        hook.old_pc = pc.saturating_sub(1);
    }
    hook.tail = None;
    hook.depth = depth;
    hook.last_func = Some(func);
    let mut count_due = false;
    if hook.count > 0 {
        hook.counter = hook.counter.saturating_sub(1);
        if hook.counter == 0 {
            hook.counter = hook.count;
            count_due = true;
            out.push(Event::plain("count", None));
        }
    }
    if hook.wants('l') {
        let old = if hook.old_pc < proto.code.len() {
            hook.old_pc
        } else {
            0
        };
        let new_line = debug_info::line_of(proto, pc);
        // A count hook that just ran left lua5.4's `oldpc` at this instruction, which then
        // always counts as a new line.
        if count_due || pc <= old || debug_info::line_of(proto, old) != new_line {
            out.push(Event::plain("line", Some(new_line)));
        }
        hook.old_pc = pc;
    }
    if let (true, Some(&Op::Return { base: first, count })) = (hook.wants('r'), proto.code.get(pc))
    {
        let first = base + first as usize;
        let n = match count {
            0 => top.saturating_sub(first),
            c => c as usize - 1,
        };
        out.push(Event {
            name: "return",
            line: None,
            transfer: transfer(first - base + 1, n),
        });
    }
    out
}

/// Before a native called by a Lua `Call` instruction, its function at `func_slot`: the call
/// event, if one is due. The caller's `Call` runs again after the hook and this time calls
/// the native.
pub(crate) fn native_call<'gc>(
    ctx: Context<'gc>,
    thread: Thread<'gc>,
    native: Function<'gc>,
    ret: ReturnTo,
    func_slot: usize,
) -> Option<Work<'gc>> {
    // The common case, without a write barrier: no hook.
    thread.0.borrow().hook.as_ref()?;
    let mut ts = thread.0.borrow_mut(ctx.mc);
    let depth = ts.frames.len();
    let Some(Frame::Lua(f)) = ts.frames.last().copied() else {
        return None;
    };
    let args: Vec<Value<'gc>> = ts.stack.get(func_slot + 1..).unwrap_or(&[]).to_vec();
    let hook = ts.hook.as_mut()?;
    if !matches!(ret, ReturnTo::Call { .. }) || hook.running_at(depth) {
        return None;
    }
    if hook.wants('r') {
        hook.native_args.clone_from(&args);
    }
    if !hook.wants('c') || hook.native_done.take() == Some((depth, f.pc)) {
        return None;
    }
    hook.native_done = Some((depth, f.pc));
    // The call instruction runs again once the hook returns. If the callee was reached
    // through `__call`, its handler (or a chain of them) was inserted below the arguments;
    // a call with a fixed argument count would then read one argument too few, so the
    // insertions are undone and redone by the second run.
    if let Some(Op::Call { args: b, .. } | Op::TailCall { args: b, .. }) =
        f.pc.checked_sub(1).and_then(|pc| code_at(f.func, pc))
    {
        let window = ts.stack.len().saturating_sub(func_slot + 1);
        if b != 0 && window + 1 > b as usize {
            let inserted = window + 1 - b as usize;
            ts.stack.drain(func_slot..func_slot + inserted);
        }
    }
    let event = Event {
        name: "call",
        line: None,
        transfer: transfer(1, args.len()),
    };
    Some(fire_native(
        ctx,
        &mut ts,
        native,
        event,
        &args,
        ReturnTo::Reexecute,
    ))
}

/// After a native called by a Lua `Call` returned `results` (`w` is what the executor does
/// next): the return event, if one is due. `direct` says the native returned from its own
/// call rather than from a continuation: its arguments are then known and shown below the
/// results, where a C function leaves them.
pub(crate) fn native_return<'gc>(
    ctx: Context<'gc>,
    ts: &mut ThreadState<'gc>,
    native: Function<'gc>,
    ret: ReturnTo,
    w: Work<'gc>,
    results: &[Value<'gc>],
    direct: bool,
) -> Work<'gc> {
    let depth = ts.frames.len();
    let Some(hook) = ts.hook.as_mut() else {
        return w;
    };
    if !matches!(w, Work::RunLua)
        || !matches!(ret, ReturnTo::Call { .. })
        || !hook.wants('r')
        || hook.running_at(depth)
        || !matches!(ts.frames.last(), Some(Frame::Lua(_)))
    {
        return w;
    }
    let args = std::mem::take(&mut hook.native_args);
    let (window, first) = if direct {
        c_stack_at_return(native, args, results)
    } else {
        (results.to_vec(), 1)
    };
    let event = Event {
        name: "return",
        line: None,
        transfer: transfer(first, results.len()),
    };
    fire_native(ctx, ts, native, event, &window, ReturnTo::Discard)
}

/// The stack a C function would have when it returns `results` after being called with
/// `args`, and the index of the first result in it: results are pushed above the arguments,
/// except for the base functions that return (some of) their arguments in place.
fn c_stack_at_return<'gc>(
    native: Function<'gc>,
    mut args: Vec<Value<'gc>>,
    results: &[Value<'gc>],
) -> (Vec<Value<'gc>>, usize) {
    let name = native.as_native().map_or("", |n| n.name);
    let counting =
        matches!(args.first(), Some(Value::String(s)) if s.as_bytes().first() == Some(&b'#'));
    match name {
        "assert" | "setmetatable" | "rawset" => (results.to_vec(), 1),
        "select" if !counting && results.len() <= args.len() => {
            let first = args.len() - results.len() + 1;
            (args, first)
        }
        _ => {
            let first = args.len() + 1;
            args.extend_from_slice(results);
            (args, first)
        }
    }
}

/// Transfer information as `luaD_hook` records it: only when values are transferred.
fn transfer(first: usize, n: usize) -> Option<(u16, u16)> {
    (n > 0).then(|| (short(first), short(n)))
}
