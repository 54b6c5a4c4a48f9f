//! The `debug` library: `traceback getinfo getlocal setlocal getupvalue setupvalue upvalueid
//! upvaluejoin getmetatable setmetatable getuservalue setuservalue getregistry sethook gethook
//! debug`, on the VM's [`rupa_vm::introspect`] surface.
//!
//! Functions taking an optional thread first (`getinfo`, `getlocal`, `setlocal`, `traceback`,
//! `sethook`, `gethook`) number their other arguments after it, as lua5.4's `getthread` does.

use gc_arena::Gc;
use rupa_vm::baselib::args::{
    arg_error, check_any, check_integer, number_to_string, opt_integer, opt_string, type_error,
};
use rupa_vm::frame::ReturnTo;
use rupa_vm::introspect::{self, Level, ThreadView};
use rupa_vm::native::{NativeAction, NativeDef, NativeStack};
use rupa_vm::thread::Thread;
use rupa_vm::userdata::UserDataObj;
use rupa_vm::{Context, RuntimeError, Table, Value};

use crate::register::register_lib;

mod console;
mod hook;
mod upvalue;

type R<'gc> = Result<NativeAction<'gc>, RuntimeError<'gc>>;

/// Installs the `debug` library.
pub fn load_debug(ctx: Context<'_>) -> Result<(), RuntimeError<'_>> {
    static FUNCS: [NativeDef; 17] = [
        NativeDef::new("debug", console::debug),
        NativeDef::new("gethook", hook::gethook),
        NativeDef::new("getinfo", getinfo),
        NativeDef::new("getlocal", getlocal),
        NativeDef::new("getmetatable", getmetatable),
        NativeDef::new("getregistry", getregistry),
        NativeDef::new("getupvalue", upvalue::getupvalue),
        NativeDef::new("getuservalue", getuservalue),
        NativeDef::new("setcstacklimit", setcstacklimit),
        NativeDef::new("sethook", hook::sethook),
        NativeDef::new("setlocal", setlocal),
        NativeDef::new("setmetatable", setmetatable),
        NativeDef::new("setupvalue", upvalue::setupvalue),
        NativeDef::new("setuservalue", setuservalue),
        NativeDef::new("traceback", traceback),
        NativeDef::new("upvalueid", upvalue::upvalueid),
        NativeDef::new("upvaluejoin", upvalue::upvaluejoin),
    ];
    register_lib(ctx, "debug", &FUNCS)?;
    Ok(())
}

/// The thread argument, if the first argument is one: `(thread, index of the next argument)`.
pub(crate) fn get_thread<'gc>(stack: &NativeStack<'gc, '_>) -> (Option<Thread<'gc>>, usize) {
    match stack.get(0) {
        Value::Thread(t) => (Some(t), 1),
        _ => (None, 0),
    }
}

/// Whether `thread` (if any) is the one running this native.
fn is_running<'gc>(stack: &NativeStack<'gc, '_>, thread: Option<Thread<'gc>>) -> bool {
    thread.is_none_or(|t| t.ptr_eq(stack.thread))
}

/// Runs `f` over a view of `thread` (the running one when `None`).
fn with_view<'gc, T>(
    stack: &NativeStack<'gc, '_>,
    thread: Option<Thread<'gc>>,
    f: impl FnOnce(ThreadView<'_, 'gc>) -> T,
) -> T {
    if is_running(stack, thread) {
        let ts = stack.thread.0.borrow();
        f(ThreadView {
            frames: &ts.frames,
            stack: stack.whole_stack(),
            running_slot: Some(stack.base() - 1),
            host_bottom: !stack.yieldable,
            hook: ts.hook.as_deref(),
        })
    } else {
        let t = thread.expect("a thread that is not the running one was given");
        match t.0.try_borrow() {
            Ok(ts) => f(ThreadView {
                frames: &ts.frames,
                stack: &ts.stack,
                running_slot: None,
                host_bottom: false,
                hook: ts.hook.as_deref(),
            }),
            Err(_) => f(ThreadView {
                frames: &[],
                stack: &[],
                running_slot: None,
                host_bottom: false,
                hook: None,
            }),
        }
    }
}

/// An integer argument as lua5.4's `(int)luaL_checkinteger` sees it (wrapped to 32 bits).
fn c_int(n: i64) -> i64 {
    i64::from(n as i32)
}

pub(crate) fn str_value<'gc>(ctx: Context<'gc>, s: &str) -> Result<Value<'gc>, RuntimeError<'gc>> {
    Ok(Value::String(ctx.new_string(s.as_bytes())?))
}

fn set<'gc>(
    ctx: Context<'gc>,
    t: Table<'gc>,
    k: &str,
    v: Value<'gc>,
) -> Result<(), RuntimeError<'gc>> {
    t.set_str(ctx, ctx.new_string(k.as_bytes())?, v)
}

/// `debug.getinfo([thread,] f [, what])`.
fn getinfo<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let (thread, a) = get_thread(stack);
    let options = match opt_string(ctx, stack, a + 1)? {
        Some(s) => s.as_bytes().to_vec(),
        None => b"flnSrtu".to_vec(),
    };
    if options.first() == Some(&b'>') {
        return Err(arg_error(a + 1, "invalid option '>'"));
    }
    let target = stack.get(a);
    let (func, activation) = match target.as_function() {
        Some(f) => (Some(f), None),
        _ => {
            let level = c_int(check_integer(ctx, stack, a)?);
            let found = with_view(stack, thread, |v| {
                v.level(level).map(|l| (l, v.activation(l)))
            });
            match found {
                Some((_, Some(act))) => (Some(act.func), Some(act)),
                Some((Level::Host, None)) => (None, None),
                _ => {
                    stack.replace(&[Value::Nil]);
                    return Ok(NativeAction::Return);
                }
            }
        }
    };
    if options.iter().any(|c| !b"SlutnrLf".contains(c)) {
        return Err(arg_error(a + 1, "invalid option"));
    }
    let t = Table::new(ctx.mc);
    let info = func.map_or_else(introspect::host_info, introspect::func_info);
    for &c in &options {
        match c {
            b'S' => {
                let source = match info.source {
                    Some(s) => Value::String(s),
                    None => str_value(ctx, "=[C]")?,
                };
                set(ctx, t, "source", source)?;
                set(ctx, t, "short_src", str_value(ctx, &info.short_src)?)?;
                set(ctx, t, "linedefined", Value::Integer(info.line_defined))?;
                set(
                    ctx,
                    t,
                    "lastlinedefined",
                    Value::Integer(info.last_line_defined),
                )?;
                set(ctx, t, "what", str_value(ctx, info.what)?)?;
            }
            b'l' => {
                let line = activation.as_ref().map_or(-1, |a| a.current_line);
                set(ctx, t, "currentline", Value::Integer(line))?;
            }
            b'u' => {
                set(ctx, t, "nups", Value::Integer(info.nups as i64))?;
                set(ctx, t, "nparams", Value::Integer(i64::from(info.nparams)))?;
                set(ctx, t, "isvararg", Value::Boolean(info.is_vararg))?;
            }
            b'n' => {
                let name = activation.as_ref().and_then(|a| a.name.clone());
                match name {
                    Some((what, name)) => {
                        set(ctx, t, "name", str_value(ctx, &name)?)?;
                        set(ctx, t, "namewhat", str_value(ctx, what)?)?;
                    }
                    None => set(ctx, t, "namewhat", str_value(ctx, "")?)?,
                }
            }
            b't' => {
                let tail = activation.as_ref().is_some_and(|a| a.is_tail);
                set(ctx, t, "istailcall", Value::Boolean(tail))?;
            }
            b'r' => {
                let (ft, nt) = activation.as_ref().map_or((0, 0), |a| a.transfer);
                set(ctx, t, "ftransfer", Value::Integer(i64::from(ft)))?;
                set(ctx, t, "ntransfer", Value::Integer(i64::from(nt)))?;
            }
            b'L' => {
                if let Some(lines) = func.and_then(introspect::active_lines) {
                    let l = Table::new(ctx.mc);
                    for line in lines {
                        l.set(ctx, Value::Integer(i64::from(line)), Value::Boolean(true))?;
                    }
                    set(ctx, t, "activelines", Value::Table(l))?;
                }
            }
            b'f' => set(ctx, t, "func", func.map_or(Value::Nil, Value::from))?,
            _ => {}
        }
    }
    stack.replace(&[Value::Table(t)]);
    Ok(NativeAction::Return)
}

/// Where local `n` of `level` lives: its name and stack slot, or `None`.
fn find_local<'gc>(
    stack: &NativeStack<'gc, '_>,
    thread: Option<Thread<'gc>>,
    level: Level,
    n: i64,
) -> Option<(String, usize)> {
    if level == Level::Running {
        // The asking native's own window: its arguments are "C temporaries".
        let i = usize::try_from(n).ok()?.checked_sub(1)?;
        return (i < stack.len()).then(|| ("(C temporary)".to_string(), stack.base() + i));
    }
    with_view(stack, thread, |v| {
        v.local(level, n)
            .map(|(name, slot)| (name.into_owned(), slot))
    })
}

/// Reads stack slot `slot` of `thread` (the running one when `None`).
fn read_slot<'gc>(
    stack: &NativeStack<'gc, '_>,
    thread: Option<Thread<'gc>>,
    slot: usize,
) -> Value<'gc> {
    with_view(stack, thread, |v| {
        v.stack.get(slot).copied().unwrap_or(Value::Nil)
    })
}

/// `debug.getlocal([thread,] f, n)`.
fn getlocal<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let (thread, a) = get_thread(stack);
    let n = check_integer(ctx, stack, a + 1)?;
    if let Some(f) = stack.get(a).as_function() {
        let name = match introspect::param_name(f, n) {
            Some(name) => str_value(ctx, &name)?,
            None => Value::Nil,
        };
        stack.replace(&[name]);
        return Ok(NativeAction::Return);
    }
    let level_n = c_int(check_integer(ctx, stack, a)?);
    let Some(level) = with_view(stack, thread, |v| v.level(level_n)) else {
        return Err(arg_error(a, "level out of range"));
    };
    match find_local(stack, thread, level, n) {
        Some((name, slot)) => {
            let value = read_slot(stack, thread, slot);
            let name = str_value(ctx, &name)?;
            stack.replace(&[name, value]);
        }
        None => stack.replace(&[Value::Nil]),
    }
    Ok(NativeAction::Return)
}

/// `debug.setlocal([thread,] level, n, value)`.
fn setlocal<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let (thread, a) = get_thread(stack);
    let level_n = c_int(check_integer(ctx, stack, a)?);
    let n = check_integer(ctx, stack, a + 1)?;
    let Some(level) = with_view(stack, thread, |v| v.level(level_n)) else {
        return Err(arg_error(a, "level out of range"));
    };
    let value = check_any(stack, a + 2)?;
    let found = find_local(stack, thread, level, n);
    let result = match found {
        Some((name, slot)) => {
            if is_running(stack, thread) {
                if let Some(s) = stack.whole_stack_mut().get_mut(slot) {
                    *s = value;
                }
            } else if let Some(t) = thread {
                if let Ok(mut ts) = t.0.try_borrow_mut(ctx.mc) {
                    if let Some(s) = ts.stack.get_mut(slot) {
                        *s = value;
                    }
                }
            }
            str_value(ctx, &name)?
        }
        None => Value::Nil,
    };
    stack.replace(&[result]);
    Ok(NativeAction::Return)
}

/// `debug.traceback([thread,] [message [, level]])`.
fn traceback<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let (thread, a) = get_thread(stack);
    let message = match stack.get(a) {
        Value::String(s) => Some(s.to_str_lossy().into_owned()),
        v @ (Value::Integer(_) | Value::Number(_)) => Some(number_to_string(v)),
        Value::Nil => None,
        v => {
            stack.replace(&[v]);
            return Ok(NativeAction::Return);
        }
    };
    let running = is_running(stack, thread);
    let level = opt_integer(ctx, stack, a + 1, i64::from(running))?;
    let skip = usize::try_from(level).unwrap_or(usize::MAX);
    let text = if running {
        let me = match stack.whole_stack().get(stack.base() - 1) {
            Some(v) => v.as_function().map(|f| (f, ReturnTo::Call { wanted: 0 })),
            _ => None,
        };
        let ts = stack.thread.0.borrow();
        rupa_vm::debug_info::traceback_from(
            ctx,
            &ts.frames,
            message.as_deref(),
            me,
            !stack.yieldable,
            skip,
        )
    } else {
        let t = thread.expect("a thread that is not the running one was given");
        match t.0.try_borrow() {
            Ok(ts) => rupa_vm::debug_info::traceback_from(
                ctx,
                &ts.frames,
                message.as_deref(),
                None,
                false,
                skip,
            ),
            Err(_) => {
                rupa_vm::debug_info::traceback_from(ctx, &[], message.as_deref(), None, false, skip)
            }
        }
    };
    stack.replace(&[str_value(ctx, &text)?]);
    Ok(NativeAction::Return)
}

/// `debug.getmetatable(v)`: the raw metatable, ignoring `__metatable`.
fn getmetatable<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let v = check_any(stack, 0)?;
    let mt = rupa_vm::metaops::metatable(ctx, v).map_or(Value::Nil, Value::Table);
    stack.replace(&[mt]);
    Ok(NativeAction::Return)
}

/// `debug.setmetatable(v, mt)`: tables, userdata and strings (the shared string metatable).
fn setmetatable<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let mt = match stack.get(1) {
        Value::Table(t) => Some(t),
        Value::Nil if stack.len() >= 2 => None,
        _ => return Err(type_error(ctx, stack, 1, "nil or table")),
    };
    let v = stack.get(0);
    match v {
        Value::Table(t) => {
            rupa_vm::gc::register(ctx, v, mt)?;
            t.set_metatable(ctx.mc, mt);
        }
        Value::UserData(u) => {
            rupa_vm::gc::register(ctx, v, mt)?;
            gc_arena::barrier::field!(Gc::write(ctx.mc, u.0), UserDataObj, metatable)
                .unlock()
                .set(mt);
        }
        Value::String(_) => ctx.state.string_metatable.unlock(ctx.mc).set(mt),
        _ => {
            if let Some(i) = rupa_vm::State::type_slot(v) {
                let cell = ctx.state.type_metatables.unlock(ctx.mc);
                let mut all = cell.get();
                all[i] = mt;
                cell.set(all);
            }
        }
    }
    stack.replace(&[v]);
    Ok(NativeAction::Return)
}

/// `debug.getuservalue(u [, n])`: rupa's userdata carry one user value.
fn getuservalue<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let n = opt_integer(ctx, stack, 1, 1)?;
    match stack.get(0) {
        Value::UserData(u) if n == 1 => {
            let v = u.0.user_value.get();
            stack.replace(&[v, Value::Boolean(true)]);
        }
        Value::UserData(_) => stack.replace(&[Value::Nil]),
        _ => stack.replace(&[Value::Nil]),
    }
    Ok(NativeAction::Return)
}

/// `debug.setuservalue(u, value [, n])`.
fn setuservalue<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let n = opt_integer(ctx, stack, 2, 1)?;
    let Value::UserData(u) = stack.get(0) else {
        return Err(type_error(ctx, stack, 0, "userdata"));
    };
    let v = check_any(stack, 1)?;
    if n != 1 {
        stack.replace(&[Value::Nil]);
        return Ok(NativeAction::Return);
    }
    gc_arena::barrier::field!(Gc::write(ctx.mc, u.0), UserDataObj, user_value)
        .unlock()
        .set(v);
    stack.replace(&[Value::UserData(u)]);
    Ok(NativeAction::Return)
}

/// `debug.setcstacklimit(limit)`: deprecated in 5.4, it changes nothing and answers 200
/// (`LUAI_MAXCCALLS`), as lua5.4 does.
fn setcstacklimit<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    check_integer(ctx, stack, 0)?;
    stack.replace(&[Value::Integer(200)]);
    Ok(NativeAction::Return)
}

/// `debug.getregistry()`.
fn getregistry<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    stack.replace(&[Value::Table(ctx.state.registry)]);
    Ok(NativeAction::Return)
}
