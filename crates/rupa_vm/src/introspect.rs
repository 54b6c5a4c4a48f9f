//! Introspection of threads for the `debug` library: the call stack as lua5.4 numbers its
//! levels, what `debug.getinfo` reports about a function or an activation, the local
//! variables of an activation (named, temporary and vararg) and the upvalues of a closure.
//!
//! This is the stable surface the library calls; it reads frames and stacks but never runs
//! code. While a native runs, its thread's stack is out of the thread (in the native's
//! [`NativeStack`](crate::native::NativeStack)), so callers hand the frames and the stack
//! separately as a [`ThreadView`].

use std::borrow::Cow;

use crate::chunkname::short_source;
use crate::debug_info;
use crate::frame::Frame;
use crate::function::{Function, UpValue, UpValueState};
use crate::state::Context;
use crate::string::LuaString;
use crate::thread::Thread;
use crate::value::Value;

/// The call stack of one thread, as seen by a native inspecting it.
#[derive(Clone, Copy)]
pub struct ThreadView<'a, 'gc> {
    /// The thread's frames, outermost first.
    pub frames: &'a [Frame<'gc>],
    /// The thread's whole value stack.
    pub stack: &'a [Value<'gc>],
    /// For the running thread: the stack slot of the native asking (its function value), which
    /// is level 0; `None` for a thread that is not running.
    pub running_slot: Option<usize>,
    /// Whether a host call sits below the bottom frame (the main thread of a run): it is a
    /// level of its own, a C function without a name, as lua.c's `pmain` is under lua5.4.
    pub host_bottom: bool,
    /// The thread's debug hook, if any (for the transfer values of a hooked activation).
    pub hook: Option<&'a crate::hook::Hook<'gc>>,
}

/// One level of a call stack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// The native doing the introspection (level 0 of the running thread).
    Running,
    /// `frames[i]`.
    Frame(usize),
    /// The host's call below the bottom frame.
    Host,
}

/// What `debug.getinfo` says about an activation beyond its function.
#[derive(Clone, Debug)]
pub struct ActivationInfo<'gc> {
    pub func: Function<'gc>,
    /// The line being run, -1 for a native.
    pub current_line: i64,
    /// How the caller named the function: `("local", "f")`, `("method", "m")`...
    pub name: Option<(&'static str, String)>,
    /// Whether it was entered by a tail call (`istailcall`).
    pub is_tail: bool,
    /// `ftransfer` and `ntransfer`: the values a call or return hook running for this
    /// activation can read with `debug.getlocal`; 0 and 0 otherwise.
    pub transfer: (u16, u16),
}

/// What `debug.getinfo` says about a function (options `S` and `u`).
#[derive(Clone, Debug)]
pub struct FuncInfo<'gc> {
    /// The chunk name (`source`); `None` for a native (`"=[C]"`).
    pub source: Option<LuaString<'gc>>,
    pub short_src: String,
    /// `"Lua"`, `"main"` or `"C"`.
    pub what: &'static str,
    pub line_defined: i64,
    pub last_line_defined: i64,
    pub nparams: u8,
    pub is_vararg: bool,
    pub nups: usize,
}

impl<'a, 'gc> ThreadView<'a, 'gc> {
    /// The levels of the stack, innermost (level 0) first.
    pub fn levels(&self) -> Vec<Level> {
        let mut out = Vec::with_capacity(self.frames.len() + 1);
        if self.running_slot.is_some() {
            out.push(Level::Running);
        }
        for i in (0..self.frames.len()).rev() {
            if !matches!(self.frames[i], Frame::CloseUnwind(_)) {
                out.push(Level::Frame(i));
            }
        }
        if self.host_bottom {
            out.push(Level::Host);
        }
        out
    }

    /// Level `n` (0 = innermost), or `None` past the bottom.
    pub fn level(&self, n: i64) -> Option<Level> {
        let n = usize::try_from(n).ok()?;
        self.levels().get(n).copied()
    }

    /// The function running at `level`.
    pub fn function(&self, level: Level) -> Option<Function<'gc>> {
        match level {
            Level::Running => match self.stack.get(self.running_slot?) {
                Some(v) => v.as_function(),
                _ => None,
            },
            Level::Frame(i) => match self.frames.get(i)? {
                Frame::Lua(f) => Some(Function::Closure(f.func)),
                Frame::Native(f) => Some(f.func),
                Frame::CloseUnwind(_) => None,
            },
            Level::Host => None,
        }
    }

    /// Line, function and call-site name of the activation at `level`.
    pub fn activation(&self, level: Level) -> Option<ActivationInfo<'gc>> {
        let func = self.function(level)?;
        let (current_line, name) = match level {
            Level::Running => {
                // The asking native was called by the frame on top, at its current instruction.
                let name = debug_info::caller_name(
                    self.frames,
                    self.frames.len(),
                    crate::frame::ReturnTo::Call { wanted: 0 },
                );
                (-1, name)
            }
            Level::Frame(i) => {
                let line = match &self.frames[i] {
                    Frame::Lua(f) => match f.func.as_lua() {
                        Some(cl) => {
                            i64::from(debug_info::line_of(&cl.proto.proto, f.pc.saturating_sub(1)))
                        }
                        None => -1,
                    },
                    _ => -1,
                };
                (line, debug_info::frame_call_name(self.frames, i))
            }
            Level::Host => return None,
        };
        let is_tail = match level {
            Level::Frame(i) => matches!(self.frames.get(i), Some(Frame::Lua(f)) if f.tail),
            _ => false,
        };
        let transfer = match (level, self.hook) {
            (Level::Frame(i), Some(h)) => h.transfer_of(i),
            _ => (0, 0),
        };
        Some(ActivationInfo {
            func,
            current_line,
            name,
            is_tail,
            transfer,
        })
    }

    /// The stack slot where the registers usable by the activation at `frames[i]` end: the
    /// slot of the function it is calling.
    fn limit(&self, i: usize) -> usize {
        match self.frames.get(i + 1) {
            // lua5.4 moves a vararg function above its arguments: its slot (where the
            // caller's registers end) is past every argument.
            Some(Frame::Lua(f)) => match f.func.as_lua() {
                Some(cl) if cl.proto.proto.is_vararg => {
                    f.func_slot + 1 + cl.proto.proto.num_params as usize + f.n_varargs
                }
                _ => f.func_slot,
            },
            Some(Frame::Native(f)) => f.base.saturating_sub(1),
            Some(Frame::CloseUnwind(u)) => u.level,
            None => self.running_slot.unwrap_or(self.stack.len()),
        }
    }

    /// Local `n` of the activation at `level` (`debug.getlocal`'s numbering: positive for
    /// locals and temporaries, negative for varargs): its name and stack slot.
    pub fn local(&self, level: Level, n: i64) -> Option<(Cow<'static, str>, usize)> {
        let Level::Frame(i) = level else {
            return None;
        };
        match &self.frames[i] {
            Frame::Lua(f) => {
                let cl = f.func.as_lua()?;
                let proto = &cl.proto.proto;
                if n < 0 {
                    let k = usize::try_from(n.unsigned_abs()).ok()?;
                    if proto.is_vararg && k <= f.n_varargs {
                        return Some((Cow::Borrowed("(vararg)"), f.base - f.n_varargs + k - 1));
                    }
                    return None;
                }
                let reg = usize::try_from(n).ok()?.checked_sub(1)?;
                if let Ok(r) = u8::try_from(reg) {
                    if let Some(name) = debug_info::local_name(proto, r, f.pc.saturating_sub(1)) {
                        return Some((Cow::Owned(name.to_string()), f.base + reg));
                    }
                }
                let limit = self.limit(i).min(self.stack.len());
                if limit.saturating_sub(f.base) > reg {
                    return Some((Cow::Borrowed("(temporary)"), f.base + reg));
                }
                None
            }
            Frame::Native(nf) => {
                let reg = usize::try_from(n).ok()?.checked_sub(1)?;
                let limit = self.limit(i).min(self.stack.len());
                if limit.saturating_sub(nf.base) > reg {
                    return Some((Cow::Borrowed("(C temporary)"), nf.base + reg));
                }
                None
            }
            Frame::CloseUnwind(_) => None,
        }
    }
}

/// What `debug.getinfo` reports for the host's call (a C function rupa has no value for).
pub fn host_info<'gc>() -> FuncInfo<'gc> {
    FuncInfo {
        source: None,
        short_src: "[C]".to_string(),
        what: "C",
        line_defined: -1,
        last_line_defined: -1,
        nparams: 0,
        is_vararg: true,
        nups: 0,
    }
}

/// Source, kind, lines, parameters and upvalue count of a function.
pub fn func_info<'gc>(f: Function<'gc>) -> FuncInfo<'gc> {
    match f.as_lua() {
        Some(cl) => {
            let p = &cl.proto.proto;
            FuncInfo {
                source: Some(cl.proto.source),
                short_src: short_source(&p.source),
                what: if p.line_defined == 0 { "main" } else { "Lua" },
                line_defined: i64::from(p.line_defined),
                last_line_defined: i64::from(p.last_line_defined),
                nparams: p.num_params,
                is_vararg: p.is_vararg,
                nups: cl.num_upvalues(),
            }
        }
        None => FuncInfo {
            source: None,
            short_src: "[C]".to_string(),
            what: "C",
            line_defined: -1,
            last_line_defined: -1,
            nparams: 0,
            is_vararg: true,
            nups: f.native_upvalues().len(),
        },
    }
}

/// The lines holding code of a Lua function, ascending (`activelines`); `None` for a native.
pub fn active_lines(f: Function<'_>) -> Option<Vec<u32>> {
    let cl = f.as_lua()?;
    let mut lines = cl.proto.proto.lines.clone();
    lines.sort_unstable();
    lines.dedup();
    Some(lines)
}

/// The name of parameter `n` (1-based) of a Lua function (`debug.getlocal(f, n)`).
pub fn param_name(f: Function<'_>, n: i64) -> Option<String> {
    let cl = f.as_lua()?;
    let reg = u8::try_from(n.checked_sub(1)?).ok()?;
    debug_info::local_name(&cl.proto.proto, reg, 0).map(str::to_string)
}

/// Reads an upvalue cell; `running` is the thread whose stack is `stack` (out of its state).
pub fn read_upvalue<'gc>(
    uv: UpValue<'gc>,
    running: Thread<'gc>,
    stack: &[Value<'gc>],
) -> Value<'gc> {
    crate::vm::upvalues::read_upvalue(uv, running, stack)
}

/// The name and value of upvalue `n` (1-based) of `f`: native upvalues have the name "".
pub fn get_upvalue<'gc>(
    ctx: Context<'gc>,
    f: Function<'gc>,
    n: i64,
    running: Thread<'gc>,
    stack: &[Value<'gc>],
) -> Option<(String, Value<'gc>)> {
    let i = usize::try_from(n.checked_sub(1)?).ok()?;
    match f.as_lua() {
        Some(cl) => {
            let uv = f.upvalue(ctx, i)?;
            let name = match cl.proto.proto.upvalues.get(i) {
                Some(d) if !d.name.is_empty() => d.name.clone(),
                _ => "(no name)".to_string(),
            };
            Some((name, read_upvalue(uv, running, stack)))
        }
        None => f.native_upvalues().get(i).map(|v| (String::new(), *v)),
    }
}

/// Sets upvalue `n` of a Lua function and returns its name; natives' captured values cannot
/// change here (they are immutable in rupa), so only their name is returned.
pub fn set_upvalue<'gc>(
    ctx: Context<'gc>,
    f: Function<'gc>,
    n: i64,
    v: Value<'gc>,
    running: Thread<'gc>,
    stack: &mut [Value<'gc>],
) -> Option<String> {
    let i = usize::try_from(n.checked_sub(1)?).ok()?;
    match f.as_lua() {
        Some(cl) => {
            let uv = f.upvalue(ctx, i)?;
            crate::vm::upvalues::write_upvalue(ctx, uv, running, stack, v);
            let name = match cl.proto.proto.upvalues.get(i) {
                Some(d) if !d.name.is_empty() => d.name.clone(),
                _ => "(no name)".to_string(),
            };
            Some(name)
        }
        None => f.native_upvalues().get(i).map(|_| String::new()),
    }
}

/// An identity for upvalue `n` of `f` (`debug.upvalueid`): equal for shared cells.
pub fn upvalue_id<'gc>(ctx: Context<'gc>, f: Function<'gc>, n: i64) -> Option<usize> {
    let i = usize::try_from(n.checked_sub(1)?).ok()?;
    match f.as_lua() {
        Some(_) => f
            .upvalue(ctx, i)
            .map(|uv| gc_arena::Gc::as_ptr(uv.0) as usize),
        None => f
            .native_upvalues()
            .get(i)
            .map(|v| v as *const Value as usize),
    }
}

/// Whether upvalue cell `uv` is still open (its variable is live on a stack).
pub fn upvalue_is_open(uv: UpValue<'_>) -> bool {
    matches!(uv.0.get(), UpValueState::Open { .. })
}
