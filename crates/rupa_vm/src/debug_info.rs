//! Debug information derived from bytecode: the line of an instruction, the symbolic name of a
//! register ("local 'x'", "global 'print'", "method 'm'") found by scanning the code as PUC
//! Lua's `getobjname` does, the name of a called function from its call site, and tracebacks
//! in lua5.4's format.

use crate::chunkname::short_source;
use crate::frame::{Frame, LuaFrame, ReturnTo};
use crate::function::Function;
use crate::opcode::{Op, Reg, Rk};
use crate::proto::{Constant, Proto};
use crate::state::Context;
use crate::thread::ThreadState;
use crate::value::Value;

/// The source line of instruction `pc` (0 when unknown).
pub fn line_of(proto: &Proto, pc: usize) -> u32 {
    proto.lines.get(pc).copied().unwrap_or(0)
}

/// The name of the `reg`-th active local variable at instruction `pc`.
pub fn local_name(proto: &Proto, reg: Reg, pc: usize) -> Option<&str> {
    let mut n = reg as usize;
    for lv in &proto.local_vars {
        if lv.start_pc as usize > pc {
            break;
        }
        if pc < lv.end_pc as usize {
            if n == 0 {
                return Some(&lv.name);
            }
            n -= 1;
        }
    }
    None
}

fn upvalue_name(proto: &Proto, up: u8) -> &str {
    proto
        .upvalues
        .get(up as usize)
        .map_or("?", |u| u.name.as_str())
}

fn const_str(proto: &Proto, k: usize) -> Option<String> {
    match proto.constants.get(k) {
        Some(Constant::String(s)) => Some(String::from_utf8_lossy(s).into_owned()),
        _ => None,
    }
}

/// The register an instruction sets for [`find_set_reg`]'s purposes.
fn sets_reg(op: &Op, reg: Reg) -> bool {
    let a = match *op {
        Op::Move { dst, .. }
        | Op::LoadK { dst, .. }
        | Op::LoadI { dst, .. }
        | Op::LoadF { dst, .. }
        | Op::LoadBool { dst, .. }
        | Op::LoadFalseSkip { dst }
        | Op::GetUpval { dst, .. }
        | Op::GetTabUp { dst, .. }
        | Op::GetTable { dst, .. }
        | Op::GetField { dst, .. }
        | Op::GetInt { dst, .. }
        | Op::NewTable { dst, .. }
        | Op::SelfOp { dst, .. }
        | Op::Add { dst, .. }
        | Op::Sub { dst, .. }
        | Op::Mul { dst, .. }
        | Op::Mod { dst, .. }
        | Op::Pow { dst, .. }
        | Op::Div { dst, .. }
        | Op::IDiv { dst, .. }
        | Op::BAnd { dst, .. }
        | Op::BOr { dst, .. }
        | Op::BXor { dst, .. }
        | Op::Shl { dst, .. }
        | Op::Shr { dst, .. }
        | Op::Unm { dst, .. }
        | Op::BNot { dst, .. }
        | Op::Not { dst, .. }
        | Op::Len { dst, .. }
        | Op::Concat { dst, .. }
        | Op::TestSet { dst, .. }
        | Op::Closure { dst, .. }
        | Op::VarArg { dst, .. } => dst,
        Op::ForPrep { base, .. } | Op::ForLoop { base, .. } => base,
        Op::LoadNil { dst, count } => {
            return dst <= reg && (reg as usize) < dst as usize + count as usize
        }
        Op::Call { func, .. } | Op::TailCall { func, .. } => return reg >= func,
        Op::TForCall { base, .. } => return reg as usize >= base as usize + 2,
        _ => return false,
    };
    a == reg
}

/// The last instruction before `lastpc` that certainly set `reg` (PUC's `findsetreg`).
fn find_set_reg(proto: &Proto, lastpc: usize, reg: Reg) -> Option<usize> {
    let mut setreg = None;
    let mut jmptarget = 0usize;
    for (pc, op) in proto.code.iter().enumerate().take(lastpc) {
        if let Op::Jmp { offset } = *op {
            let dest = pc as i64 + 1 + offset as i64;
            if dest <= lastpc as i64 && dest > jmptarget as i64 {
                jmptarget = dest as usize;
            }
            continue;
        }
        if sets_reg(op, reg) {
            setreg = if pc < jmptarget { None } else { Some(pc) };
        }
    }
    setreg
}

/// What register `reg` holds at instruction `lastpc`: `("local", "x")`, `("global", "print")`...
pub fn get_obj_name(proto: &Proto, lastpc: usize, reg: Reg) -> Option<(&'static str, String)> {
    if let Some(name) = local_name(proto, reg, lastpc) {
        return Some(("local", name.to_string()));
    }
    let pc = find_set_reg(proto, lastpc, reg)?;
    match proto.code[pc] {
        Op::Move { dst, src } if src < dst => get_obj_name(proto, pc, src),
        Op::GetTabUp { up, key, .. } => {
            let name = const_str(proto, key as usize).unwrap_or_else(|| "?".into());
            let kind = if upvalue_name(proto, up) == "_ENV" {
                "global"
            } else {
                "field"
            };
            Some((kind, name))
        }
        Op::GetTable { table, key, .. } => {
            let name = match get_obj_name(proto, pc, key) {
                Some(("constant", n)) => n,
                _ => "?".into(),
            };
            Some((env_kind(proto, pc, table), name))
        }
        Op::GetInt { .. } => Some(("field", "integer index".into())),
        Op::GetField { table, key, .. } => {
            let name = const_str(proto, key as usize).unwrap_or_else(|| "?".into());
            Some((env_kind(proto, pc, table), name))
        }
        Op::GetUpval { up, .. } => Some(("upvalue", upvalue_name(proto, up).to_string())),
        Op::LoadK { k, .. } => const_str(proto, k as usize).map(|s| ("constant", s)),
        Op::SelfOp { key, .. } => Some(("method", rk_name(proto, pc, key))),
        _ => None,
    }
}

fn rk_name(proto: &Proto, pc: usize, rk: Rk) -> String {
    match rk.decode() {
        Err(k) => const_str(proto, k).unwrap_or_else(|| "?".into()),
        Ok(r) => match get_obj_name(proto, pc, r) {
            Some(("constant", n)) => n,
            _ => "?".into(),
        },
    }
}

fn env_kind(proto: &Proto, pc: usize, table: Reg) -> &'static str {
    match get_obj_name(proto, pc, table) {
        Some((_, n)) if n == "_ENV" => "global",
        _ => "field",
    }
}

/// The name of the function being called by instruction `pc` (PUC's `funcnamefromcode`).
pub fn func_name_from_code(proto: &Proto, pc: usize) -> Option<(&'static str, String)> {
    let tm = match proto.code.get(pc)? {
        Op::Call { func, .. } | Op::TailCall { func, .. } => return get_obj_name(proto, pc, *func),
        Op::TForCall { .. } => return Some(("for iterator", "for iterator".into())),
        Op::SelfOp { .. } | Op::GetTabUp { .. } | Op::GetTable { .. } | Op::GetInt { .. } => {
            "index"
        }
        Op::GetField { .. } => "index",
        Op::SetTabUp { .. } | Op::SetTable { .. } | Op::SetInt { .. } | Op::SetField { .. } => {
            "newindex"
        }
        Op::Add { .. } => "add",
        Op::Sub { .. } => "sub",
        Op::Mul { .. } => "mul",
        Op::Mod { .. } => "mod",
        Op::Pow { .. } => "pow",
        Op::Div { .. } => "div",
        Op::IDiv { .. } => "idiv",
        Op::BAnd { .. } => "band",
        Op::BOr { .. } => "bor",
        Op::BXor { .. } => "bxor",
        Op::Shl { .. } => "shl",
        Op::Shr { .. } => "shr",
        Op::Unm { .. } => "unm",
        Op::BNot { .. } => "bnot",
        Op::Len { .. } => "len",
        Op::Concat { .. } => "concat",
        Op::Eq { .. } => "eq",
        Op::Lt { .. } => "lt",
        Op::Le { .. } => "le",
        Op::Close { .. } | Op::Return { .. } => "close",
        _ => return None,
    };
    Some(("metamethod", tm.into()))
}

/// " (local 'x')" for register `reg` of `frame` at instruction `pc`, or "".
pub fn register_info(frame: &LuaFrame<'_>, pc: usize, reg: Reg) -> String {
    let Some(cl) = frame.func.as_lua() else {
        return String::new();
    };
    match get_obj_name(&cl.proto.proto, pc, reg) {
        Some((kind, name)) => format!(" ({kind} '{name}')"),
        None => String::new(),
    }
}

/// " (upvalue 'x')" for upvalue `up`.
pub fn upvalue_info(proto: &Proto, up: u8) -> String {
    format!(" (upvalue '{}')", upvalue_name(proto, up))
}

/// `chunk:line:` of a Lua frame at its current instruction.
pub fn frame_position(frame: &LuaFrame<'_>) -> Option<String> {
    let cl = frame.func.as_lua()?;
    let p = &cl.proto.proto;
    Some(format!(
        "{}:{}:",
        short_source(&p.source),
        line_of(p, frame.pc.saturating_sub(1))
    ))
}

/// How the function running in `frames[i]` was called: `("local", "f")`, or `None`.
pub fn frame_call_name(frames: &[Frame<'_>], i: usize) -> Option<(&'static str, String)> {
    let ret = match frames.get(i)? {
        // A tail call left no call site for it.
        Frame::Lua(f) if f.tail => return None,
        Frame::Lua(f) => f.ret,
        Frame::Native(f) => f.ret,
        Frame::CloseUnwind(_) => return None,
    };
    caller_name(frames, i, ret)
}

/// The call-site name of a call made by `frames[i - 1]` with return mode `ret` (`i` may be
/// `frames.len()` for a native being called right now).
pub fn caller_name(
    frames: &[Frame<'_>],
    i: usize,
    ret: ReturnTo,
) -> Option<(&'static str, String)> {
    if matches!(ret, ReturnTo::Bottom | ReturnTo::Native | ReturnTo::Handler) || i == 0 {
        return None;
    }
    match frames.get(i - 1)? {
        Frame::Lua(caller) => {
            let cl = caller.func.as_lua()?;
            func_name_from_code(&cl.proto.proto, caller.pc.saturating_sub(1))
        }
        _ => None,
    }
}

/// The name `package.loaded` gives a function ("print", "string.rep"), as `luaL_traceback`
/// and `luaL_argerror` look it up.
pub fn global_func_name<'gc>(ctx: Context<'gc>, f: Function<'gc>) -> Option<String> {
    let loaded = match ctx
        .state
        .registry
        .get(ctx, Value::String(ctx.new_string(b"_LOADED").ok()?))
    {
        Value::Table(t) => t,
        _ => return None,
    };
    let mut key = Value::Nil;
    let mut steps = 0;
    while let Ok(Some((k, v))) = loaded.next(ctx, key) {
        key = k;
        steps += 1;
        if steps > 1000 {
            break;
        }
        let (Value::String(modname), Value::Table(m)) = (k, v) else {
            continue;
        };
        let mut fk = Value::Nil;
        let mut inner = 0;
        while let Ok(Some((name, val))) = m.next(ctx, fk) {
            fk = name;
            inner += 1;
            if inner > 10_000 {
                break;
            }
            if let (Value::String(name), Some(g)) = (name, val.as_function()) {
                if g.ptr_eq(f) {
                    let modname = modname.to_str_lossy();
                    let name = name.to_str_lossy();
                    return Some(if modname == "_G" {
                        name.into_owned()
                    } else {
                        format!("{modname}.{name}")
                    });
                }
            }
        }
    }
    None
}

fn describe_function<'gc>(
    ctx: Context<'gc>,
    func: Function<'gc>,
    name: Option<(&'static str, String)>,
) -> String {
    if let Some(g) = global_func_name(ctx, func) {
        return format!("function '{g}'");
    }
    if let Some((kind, n)) = name {
        return format!("{kind} '{n}'");
    }
    match func.as_lua() {
        Some(cl) => {
            let p = &cl.proto.proto;
            if p.line_defined == 0 {
                "main chunk".to_string()
            } else {
                format!("function <{}:{}>", short_source(&p.source), p.line_defined)
            }
        }
        None => "?".to_string(),
    }
}

/// A traceback of a thread in lua5.4's format. `running_native` is a native being called right
/// now on top of the frames (the one that raised the error, shown as `[C]: in ...`);
/// `host_bottom` adds the `[C]: in ?` line of the host's call.
pub fn traceback<'gc>(
    ctx: Context<'gc>,
    ts: &ThreadState<'gc>,
    message: Option<&str>,
    running_native: Option<(Function<'gc>, ReturnTo)>,
    host_bottom: bool,
) -> String {
    traceback_from(ctx, &ts.frames, message, running_native, host_bottom, 0)
}

/// [`traceback`] over a thread's frames, starting `skip` levels down (`debug.traceback`'s
/// level argument; level 0 is `running_native` when there is one).
pub fn traceback_from<'gc>(
    ctx: Context<'gc>,
    frames: &[Frame<'gc>],
    message: Option<&str>,
    running_native: Option<(Function<'gc>, ReturnTo)>,
    host_bottom: bool,
    skip: usize,
) -> String {
    // The levels, innermost first: `None` is the running native; `Some(i)` is `frames[i]`.
    let mut levels: Vec<Option<usize>> = Vec::new();
    if running_native.is_some() {
        levels.push(None);
    }
    for i in (0..frames.len()).rev() {
        if !matches!(frames[i], Frame::CloseUnwind(_)) {
            levels.push(Some(i));
        }
    }
    let all = levels.len() + usize::from(host_bottom);
    let skip = skip.min(all);
    let total = all - skip;
    let line = |level: usize| -> String {
        match levels.get(level + skip) {
            None => "[C]: in ?".to_string(),
            Some(None) => {
                let (f, ret) = running_native.expect("level None exists only with a native");
                let name = caller_name(frames, frames.len(), ret);
                format!("[C]: in {}", describe_function(ctx, f, name))
            }
            Some(Some(i)) => {
                let name = frame_call_name(frames, *i);
                match &frames[*i] {
                    Frame::Lua(f) => {
                        let pos = frame_position(f).unwrap_or_default();
                        let tail = if f.tail { "\n\t(...tail calls...)" } else { "" };
                        format!(
                            "{pos} in {}{tail}",
                            describe_function(ctx, Function::Closure(f.func), name)
                        )
                    }
                    Frame::Native(f) => format!("[C]: in {}", describe_function(ctx, f.func, name)),
                    Frame::CloseUnwind(_) => String::new(),
                }
            }
        }
    };
    let mut out = String::new();
    if let Some(m) = message {
        out.push_str(m);
        out.push('\n');
    }
    out.push_str("stack traceback:");
    for level in 0..total {
        // lua5.4 shows the first 10 and the last 11 levels of a deep stack.
        if total > 22 && level == 10 {
            // lua5.4 counts one level fewer than it skips.
            out.push_str(&format!("\n\t...\t(skipping {} levels)", total - 22));
        }
        if total > 22 && (10..total - 11).contains(&level) {
            continue;
        }
        out.push_str("\n\t");
        out.push_str(&line(level));
    }
    out
}
