//! Debug hooks (`debug.sethook`): count and line events, run by stepping the interpreter one
//! instruction at a time while a thread has a hook. The bytecode loop itself carries no hook
//! check: a thread without a hook runs exactly as before (the executor tests one `Option` per
//! entry into the loop), so hooks cost nothing when unused.

use gc_arena::Collect;

use crate::call;
use crate::debug_info;
use crate::frame::{Frame, ReturnTo};
use crate::function::{Function, FunctionKind};
use crate::state::Context;
use crate::thread::{Thread, ThreadState};
use crate::value::Value;
use crate::vm::exec;
use crate::vm::executor::Work;

/// A thread's hook, as `debug.sethook` installs it.
#[derive(Collect, Debug, Clone)]
#[collect(no_drop)]
pub struct Hook<'gc> {
    /// The function called with `(event, line)`.
    pub func: Value<'gc>,
    /// Which of call (`c`), return (`r`), line (`l`) events were asked for; only line and
    /// count events are delivered.
    #[collect(require_static)]
    pub mask: String,
    /// Instructions between count events (0: none).
    pub count: u32,
    counter: u32,
    /// Frame count and function of the last instruction seen, and its index (`L->oldpc`).
    depth: usize,
    last_func: Option<Function<'gc>>,
    old_pc: usize,
    /// Frame count when the hook function was called: deeper frames belong to the hook, which
    /// runs without hooks.
    inside: Option<usize>,
    #[collect(require_static)]
    resume: Resume,
    /// Frame count and pc of the instruction `resume` is about (an error in the hook may
    /// leave the hooked frame for good).
    resume_at: (usize, usize),
}

/// What to do at the instruction a hook call returned to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Resume {
    Check,
    /// Run it: its events were delivered.
    Skip,
    /// Deliver the line event that came with a count event, then run it.
    Line(u32),
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
            resume: Resume::Check,
            resume_at: (0, 0),
        }
    }

    fn wants_lines(&self) -> bool {
        self.mask.contains('l')
    }
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
        let Some(hook) = ts.hook.as_mut() else {
            return exec::run_lua(ctx, thread, ts, fuel);
        };
        if let Some(d) = hook.inside {
            if depth <= d {
                hook.inside = None;
            }
        }
        if hook.inside.is_none() {
            if hook.resume_at != (depth, f.pc) {
                hook.resume = Resume::Check;
            }
            let event = match hook.resume {
                Resume::Skip => {
                    hook.resume = Resume::Check;
                    None
                }
                Resume::Line(line) => {
                    hook.resume = Resume::Skip;
                    Some(("line", Value::Integer(i64::from(line))))
                }
                Resume::Check => events(hook, f.func, f.pc, depth),
            };
            if let Some((name, arg)) = event {
                hook.resume_at = (depth, f.pc);
                let func = hook.func;
                hook.inside = Some(depth);
                // The hooked instruction counts as current while the hook runs (its line is
                // `currentline`); `Reexecute` steps back to it afterwards.
                if let Some(Frame::Lua(top)) = ts.frames.last_mut() {
                    top.pc += 1;
                }
                let ev = match ctx.new_string(name.as_bytes()) {
                    Ok(s) => Value::String(s),
                    Err(e) => return Work::vm_error(e),
                };
                match call::call_meta(ctx, ts, func, &[ev, arg], ReturnTo::Reexecute) {
                    Work::RunLua => continue,
                    w => return w,
                }
            }
        }
        if *fuel <= 0 {
            return Work::OutOfFuel;
        }
        *fuel -= 1;
        let mut one = 1;
        match exec::run_lua(ctx, thread, ts, &mut one) {
            Work::OutOfFuel | Work::RunLua => {}
            w => return w,
        }
    }
}

/// The events due before instruction `pc` of `func` at frame count `depth`, updating the
/// hook's position: a count event, and a line event when the instruction starts a new line
/// or a loop jumped back (lua5.4's `luaG_traceexec`).
fn events<'gc>(
    hook: &mut Hook<'gc>,
    func: Function<'gc>,
    pc: usize,
    depth: usize,
) -> Option<(&'static str, Value<'gc>)> {
    let FunctionKind::Lua(cl) = &*func.0 else {
        return None;
    };
    let proto = &cl.proto.proto;
    let same_func = hook.last_func.is_some_and(|g| g.ptr_eq(func));
    if depth > hook.depth || (depth == hook.depth && !same_func) {
        hook.old_pc = 0;
    } else if depth < hook.depth {
        // Back in a caller: it last ran the call instruction.
        hook.old_pc = pc.saturating_sub(1);
    }
    hook.depth = depth;
    hook.last_func = Some(func);
    let mut count_due = false;
    if hook.count > 0 {
        hook.counter = hook.counter.saturating_sub(1);
        if hook.counter == 0 {
            hook.counter = hook.count;
            count_due = true;
        }
    }
    let mut line = None;
    if hook.wants_lines() {
        let old = if hook.old_pc < proto.code.len() {
            hook.old_pc
        } else {
            0
        };
        let new_line = debug_info::line_of(proto, pc);
        // A count hook that just ran left lua5.4's `oldpc` at this instruction, which then
        // always counts as a new line.
        if count_due || pc <= old || debug_info::line_of(proto, old) != new_line {
            line = Some(new_line);
        }
        hook.old_pc = pc;
    }
    match (count_due, line) {
        (true, Some(l)) => {
            hook.resume = Resume::Line(l);
            Some(("count", Value::Nil))
        }
        (true, None) => {
            hook.resume = Resume::Skip;
            Some(("count", Value::Nil))
        }
        (false, Some(l)) => {
            hook.resume = Resume::Skip;
            Some(("line", Value::Integer(i64::from(l))))
        }
        (false, None) => None,
    }
}
