//! Test support: a `Lua` state with a few natives standing in for the base library, written
//! against the native protocol (`NativeAction`, continuations).
#![allow(dead_code)]

use std::cell::RefCell;

use rupa_vm::error::RuntimeError;
use rupa_vm::function::Function;
use rupa_vm::lua::Lua;
use rupa_vm::native::{CallStatus, Continuation, NativeAction, NativeFn, NativeStack};
use rupa_vm::thread::{Thread, ThreadStatus};
use rupa_vm::{Context, Table, Value};

thread_local! {
    static OUT: RefCell<String> = const { RefCell::new(String::new()) };
}

type R<'gc> = Result<NativeAction<'gc>, RuntimeError<'gc>>;

fn tostr(v: Value<'_>) -> String {
    match v {
        Value::Nil => "nil".into(),
        Value::Boolean(b) => b.to_string(),
        Value::Integer(i) => rupa_vm::number::fmt_integer(i),
        Value::Number(f) => rupa_vm::number::fmt_float(f),
        Value::String(s) => s.to_str_lossy().into_owned(),
        other => other.type_name().to_string(),
    }
}

fn print<'gc>(_: Context<'gc>, _: &[Value<'gc>], s: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let line: Vec<String> = s.as_slice().iter().map(|v| tostr(*v)).collect();
    OUT.with(|o| {
        let mut o = o.borrow_mut();
        o.push_str(&line.join("\t"));
        o.push('\n');
    });
    s.clear();
    Ok(NativeAction::Return)
}

fn pcall_cont<'gc>(
    _: Context<'gc>,
    _: Value<'gc>,
    st: CallStatus<'gc>,
    s: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    match st {
        CallStatus::Ok => s.push_front(Value::Boolean(true)),
        CallStatus::Err(e) => s.replace(&[Value::Boolean(false), e]),
    }
    Ok(NativeAction::Return)
}

fn pcall<'gc>(_: Context<'gc>, _: &[Value<'gc>], s: &mut NativeStack<'gc, '_>) -> R<'gc> {
    if s.is_empty() {
        return Err(RuntimeError::BadArgument {
            index: 1,
            message: "value expected".into(),
        });
    }
    let f = s.pop_front();
    Ok(NativeAction::Call {
        func: f,
        then: Continuation {
            func: pcall_cont,
            data: Value::Nil,
        },
        protected: true,
    })
}

/// `callnoyield(f, ...)`: calls `f` like C's `lua_call` (yields inside it fail).
fn callnoyield<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], s: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let f = s.pop_front();
    Ok(NativeAction::lua_call(
        ctx,
        f,
        Continuation {
            func: return_all,
            data: Value::Nil,
        },
    ))
}

fn return_all<'gc>(
    _: Context<'gc>,
    _: Value<'gc>,
    _: CallStatus<'gc>,
    _: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    Ok(NativeAction::Return)
}

fn xpcall<'gc>(_: Context<'gc>, _: &[Value<'gc>], s: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let f = s.pop_front();
    let h = s.pop_front();
    Ok(NativeAction::CallWithHandler {
        func: f,
        handler: h,
        then: Continuation {
            func: pcall_cont,
            data: Value::Nil,
        },
    })
}

fn error<'gc>(_: Context<'gc>, _: &[Value<'gc>], s: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let level = match s.get(1) {
        Value::Integer(i) => i.max(0) as usize,
        _ => 1,
    };
    Err(RuntimeError::AtLevel {
        value: s.get(0),
        level,
    })
}

fn select<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], s: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let n = s.len() as i64 - 1;
    match s.get(0) {
        Value::String(x) if x.as_bytes() == b"#" => s.replace(&[Value::Integer(n)]),
        Value::Integer(i) if i >= 1 => {
            let rest: Vec<_> = s.as_slice()[(i as usize).min(s.len())..].to_vec();
            s.replace(&rest);
        }
        Value::Integer(i) if i < 0 && -i <= n => {
            let rest: Vec<_> = s.as_slice()[(n + 1 + i) as usize..].to_vec();
            s.replace(&rest);
        }
        _ => {
            let _ = ctx;
            return Err(RuntimeError::BadArgument {
                index: 1,
                message: "index out of range".into(),
            });
        }
    }
    Ok(NativeAction::Return)
}

fn type_<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], s: &mut NativeStack<'gc, '_>) -> R<'gc> {
    if s.is_empty() {
        return Err(RuntimeError::BadArgument {
            index: 1,
            message: "value expected".into(),
        });
    }
    let name = ctx.new_string(s.get(0).type_name().as_bytes())?;
    s.replace(&[Value::String(name)]);
    Ok(NativeAction::Return)
}

fn tostring<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], s: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let v = ctx.new_string(tostr(s.get(0)).as_bytes())?;
    s.replace(&[Value::String(v)]);
    Ok(NativeAction::Return)
}

fn setmetatable<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], s: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let Value::Table(t) = s.get(0) else {
        return Err(RuntimeError::BadArgument {
            index: 1,
            message: format!("table expected, got {}", s.get(0).type_name()),
        });
    };
    let mt = match s.get(1) {
        Value::Table(m) => Some(m),
        _ => None,
    };
    t.set_metatable(ctx.mc, mt);
    s.replace(&[Value::Table(t)]);
    Ok(NativeAction::Return)
}

fn rawequal<'gc>(_: Context<'gc>, _: &[Value<'gc>], s: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let r = s.get(0).raw_equal(&s.get(1));
    s.replace(&[Value::Boolean(r)]);
    Ok(NativeAction::Return)
}

fn next<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], s: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let Value::Table(t) = s.get(0) else {
        return Err(RuntimeError::BadArgument {
            index: 1,
            message: "table expected".into(),
        });
    };
    match t.next(ctx, s.get(1))? {
        Some((k, v)) => s.replace(&[k, v]),
        None => s.replace(&[Value::Nil]),
    }
    Ok(NativeAction::Return)
}

fn co_create<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], s: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let t = Thread::new(ctx.mc, s.get(0));
    s.replace(&[Value::Thread(t)]);
    Ok(NativeAction::Return)
}

fn co_resume<'gc>(_: Context<'gc>, _: &[Value<'gc>], s: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let Value::Thread(t) = s.pop_front() else {
        return Err(RuntimeError::BadArgument {
            index: 1,
            message: "coroutine expected".into(),
        });
    };
    Ok(NativeAction::Resume {
        thread: t,
        then: Continuation {
            func: resume_cont2,
            data: Value::Nil,
        },
    })
}

fn resume_cont2<'gc>(
    ctx: Context<'gc>,
    d: Value<'gc>,
    st: CallStatus<'gc>,
    s: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    pcall_cont(ctx, d, st, s)
}

fn co_yield<'gc>(_: Context<'gc>, _: &[Value<'gc>], _: &mut NativeStack<'gc, '_>) -> R<'gc> {
    Ok(NativeAction::Yield { then: None })
}

fn co_status<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], s: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let Value::Thread(t) = s.get(0) else {
        return Err(RuntimeError::BadArgument {
            index: 1,
            message: "coroutine expected".into(),
        });
    };
    let name = match t.status() {
        ThreadStatus::Suspended => "suspended",
        ThreadStatus::Running => "running",
        ThreadStatus::Normal => "normal",
        ThreadStatus::Dead => "dead",
    };
    s.replace(&[Value::String(ctx.new_string(name.as_bytes())?)]);
    Ok(NativeAction::Return)
}

fn wrap_cont<'gc>(
    _: Context<'gc>,
    _: Value<'gc>,
    st: CallStatus<'gc>,
    _: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    match st {
        CallStatus::Ok => Ok(NativeAction::Return),
        CallStatus::Err(e) => Err(RuntimeError::Value(e)),
    }
}

fn wrapped<'gc>(_: Context<'gc>, up: &[Value<'gc>], _: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let Value::Thread(t) = up[0] else {
        unreachable!()
    };
    Ok(NativeAction::Resume {
        thread: t,
        then: Continuation {
            func: wrap_cont,
            data: Value::Nil,
        },
    })
}

fn co_wrap<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], s: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let t = Thread::new(ctx.mc, s.get(0));
    let f = Function::new_native(ctx.mc, "wrap", wrapped, vec![Value::Thread(t)].into());
    s.replace(&[Value::from(f)]);
    Ok(NativeAction::Return)
}

fn set_fn<'gc>(ctx: Context<'gc>, t: Table<'gc>, name: &'static str, f: NativeFn) {
    let k = Value::String(ctx.new_string(name.as_bytes()).expect("no cap"));
    let v = Value::from(Function::new_native(ctx.mc, name, f, Box::new([])));
    t.set(ctx, k, v).expect("no cap");
}

/// A state with the test natives installed as globals.
pub fn new_lua() -> Lua {
    let lua = Lua::new();
    lua.enter(|ctx| {
        let g = ctx.state.globals;
        set_fn(ctx, g, "print", print);
        set_fn(ctx, g, "pcall", pcall);
        set_fn(ctx, g, "xpcall", xpcall);
        set_fn(ctx, g, "error", error);
        set_fn(ctx, g, "select", select);
        set_fn(ctx, g, "type", type_);
        set_fn(ctx, g, "tostring", tostring);
        set_fn(ctx, g, "setmetatable", setmetatable);
        set_fn(ctx, g, "rawequal", rawequal);
        set_fn(ctx, g, "next", next);
        set_fn(ctx, g, "callnoyield", callnoyield);
        let co = Table::new(ctx.mc);
        set_fn(ctx, co, "create", co_create);
        set_fn(ctx, co, "resume", co_resume);
        set_fn(ctx, co, "yield", co_yield);
        set_fn(ctx, co, "status", co_status);
        set_fn(ctx, co, "wrap", co_wrap);
        let k = Value::String(ctx.new_string(b"coroutine").expect("no cap"));
        g.set(ctx, k, Value::Table(co)).expect("no cap");
        let loaded = Table::new(ctx.mc);
        let k = Value::String(ctx.new_string(b"_G").expect("no cap"));
        loaded.set(ctx, k, Value::Table(g)).expect("no cap");
        let k = Value::String(ctx.new_string(b"_LOADED").expect("no cap"));
        ctx.state
            .registry
            .set(ctx, k, Value::Table(loaded))
            .expect("no cap");
    });
    lua
}

/// What `print` wrote since the last call.
pub fn take_output() -> String {
    OUT.with(|o| std::mem::take(&mut *o.borrow_mut()))
}

/// Output of running `src`; an escaping error is printed as `error: <message>`.
pub fn run_script(src: &[u8], chunk_name: &str) -> String {
    OUT.with(|o| o.borrow_mut().clear());
    let mut lua = new_lua();
    match lua.load(src, chunk_name) {
        Err(e) => return format!("syntax: {}\n", e.message),
        Ok(f) => {
            if let Err(e) = lua.call(&f, &[]) {
                OUT.with(|o| {
                    let mut o = o.borrow_mut();
                    o.push_str("error: ");
                    o.push_str(&e.message);
                    o.push('\n');
                });
            }
        }
    }
    OUT.with(|o| o.borrow().clone())
}

/// A handle to global `name` of `lua`.
pub fn global(lua: &Lua, name: &str) -> rupa_vm::lua::StashedValue {
    lua.enter(|ctx| {
        let k = rupa_vm::LuaString::new(ctx.mc, name.as_bytes());
        Lua::stash(ctx, ctx.state.globals.get_str(ctx, k))
    })
}

/// Runs `src` as a chunk of `lua`; it must compile and run without error.
pub fn run_chunk(lua: &mut Lua, src: &str) {
    let f = lua.load(src.as_bytes(), "=test").expect("compiles");
    lua.call(&f, &[]).expect("runs");
}
