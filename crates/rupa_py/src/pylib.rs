//! The functions of the `python` table that check their arguments before Python is involved:
//! `iter`, `iterex`, `enumerate`, `args` and `set_overflow_handler`, as natives. They check
//! what lupa's C functions check, with lupa's messages (named from the call site, as
//! `luaL_argerror` names them), then hand the work to the host function that does it with
//! Python. Natives with upvalues cost one object each; as Lua closures they cost prototypes,
//! constants and upvalue cells in every runtime.

use gc_arena::Gc;
use rupa_vm::function::Function;
use rupa_vm::native::{CallStatus, Continuation, NativeAction, NativeStack};
use rupa_vm::{Context, RuntimeError, Value};

use crate::pyobject::{self, PyObjData};

/// The iterator flags `mkiter` takes (those of `pyiter`): plain, unpacking tuples, enumerating.
const ITER: i64 = 0;
const ITEREX: i64 = 2;
const ENUMERATE: i64 = 4;

/// The natives and their upvalues, for `python.<name>`: `meta` is the metatable of Python
/// objects; `mkiter`, `iternext`, `args` and `setofh` are the host functions doing the work.
pub(crate) fn functions<'gc>(
    ctx: Context<'gc>,
    meta: Value<'gc>,
    mkiter: Value<'gc>,
    iternext: Value<'gc>,
    args: Value<'gc>,
    setofh: Value<'gc>,
) -> [(&'static str, Function<'gc>); 5] {
    let iter_ups = || Box::new([meta, mkiter, iternext]) as Box<[Value<'gc>]>;
    let native = |name, f, ups| Function::new_native(ctx.mc, name, f, ups);
    [
        ("iter", native("iter", py_iter, iter_ups())),
        ("iterex", native("iterex", py_iterex, iter_ups())),
        ("enumerate", native("enumerate", py_enumerate, iter_ups())),
        ("args", native("args", py_args, Box::new([args]))),
        (
            "set_overflow_handler",
            native(
                "set_overflow_handler",
                py_set_overflow_handler,
                Box::new([meta, setofh]),
            ),
        ),
    ]
}

/// The Python object behind argument `i` (the userdata itself, or the object a
/// `python.as_function` wrapper calls), as lupa's `unpack_python_argument_or_jump` finds it.
fn python_object<'gc>(
    stack: &NativeStack<'gc, '_>,
    meta: Value<'gc>,
    i: usize,
) -> Result<Value<'gc>, RuntimeError<'gc>> {
    let v = match stack.get(i) {
        Value::Closure(f) => pyobject::as_function_target(f).unwrap_or(Value::Nil),
        v => v,
    };
    let why = match (v, meta) {
        (Value::UserData(ud), Value::Table(meta)) => {
            let ours =
                ud.0.metatable
                    .get()
                    .is_some_and(|m| Gc::ptr_eq(m.0, meta.0));
            match ud.0.data.downcast_ref::<PyObjData>() {
                Some(d) if ours && d.alive.get() => return Ok(v),
                Some(_) if ours => "deleted python object",
                _ => "not a python object",
            }
        }
        _ => "not a python object",
    };
    Err(RuntimeError::BadArgument {
        index: i + 1,
        message: why.to_string(),
    })
}

fn invalid_arguments<'gc>(index: usize) -> RuntimeError<'gc> {
    RuntimeError::BadArgument {
        index,
        message: "invalid arguments".to_string(),
    }
}

/// Starts `mkiter(obj, flags)` and returns `iternext, <iterator>, control` from [`iter_then`].
fn start_iter<'gc>(
    upvalues: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
    obj: Value<'gc>,
    flags: i64,
    control: Value<'gc>,
) -> Result<NativeAction<'gc>, RuntimeError<'gc>> {
    let (Some(&mkiter), Some(&iternext)) = (upvalues.get(1), upvalues.get(2)) else {
        return Err(RuntimeError::msg("python iterator functions missing"));
    };
    stack.replace(&[iternext, mkiter, obj, Value::Integer(flags)]);
    Ok(NativeAction::CallKeep {
        at: 1,
        then: Continuation {
            func: iter_then,
            data: control,
        },
    })
}

/// After `mkiter`: the window holds `iternext` and the iterator; the control value follows.
fn iter_then<'gc>(
    _ctx: Context<'gc>,
    control: Value<'gc>,
    _status: CallStatus<'gc>,
    stack: &mut NativeStack<'gc, '_>,
) -> Result<NativeAction<'gc>, RuntimeError<'gc>> {
    stack.resize(2);
    stack.push(control);
    Ok(NativeAction::Return)
}

/// `python.iter(obj)`: a generic `for` over a Python iterable.
fn py_iter<'gc>(
    _ctx: Context<'gc>,
    upvalues: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> Result<NativeAction<'gc>, RuntimeError<'gc>> {
    single_iter(upvalues, stack, ITER)
}

/// `python.iterex(obj)`: like `iter`, tuples unpacked into several loop variables.
fn py_iterex<'gc>(
    _ctx: Context<'gc>,
    upvalues: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> Result<NativeAction<'gc>, RuntimeError<'gc>> {
    single_iter(upvalues, stack, ITEREX)
}

fn single_iter<'gc>(
    upvalues: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
    flags: i64,
) -> Result<NativeAction<'gc>, RuntimeError<'gc>> {
    if stack.len() > 1 {
        return Err(invalid_arguments(2));
    }
    let meta = upvalues.first().copied().unwrap_or(Value::Nil);
    let obj = python_object(stack, meta, 0)?;
    start_iter(upvalues, stack, obj, flags, Value::Nil)
}

/// `python.enumerate(obj [, start])`: `index, item` pairs counting from `start` (0).
fn py_enumerate<'gc>(
    _ctx: Context<'gc>,
    upvalues: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> Result<NativeAction<'gc>, RuntimeError<'gc>> {
    if stack.len() > 2 {
        return Err(invalid_arguments(3));
    }
    let meta = upvalues.first().copied().unwrap_or(Value::Nil);
    let obj = python_object(stack, meta, 0)?;
    let start = if stack.len() == 2 {
        let v = stack.get(1);
        match rupa_vm::arith::tointeger_value(v) {
            Some(i) => i,
            // lupa raises this message as it is, without a position.
            None => {
                return Err(RuntimeError::Plain(format!(
                    "Could not convert {} to string",
                    v.type_name()
                )))
            }
        }
    } else {
        0
    };
    start_iter(
        upvalues,
        stack,
        obj,
        ENUMERATE,
        Value::Integer(start.wrapping_sub(1)),
    )
}

/// `python.args(t)`: keyword and positional arguments for a Python call, from a table.
fn py_args<'gc>(
    _ctx: Context<'gc>,
    upvalues: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> Result<NativeAction<'gc>, RuntimeError<'gc>> {
    let t = stack.get(0);
    if !matches!(t, Value::Table(_)) {
        let got = if stack.is_empty() {
            "no value"
        } else {
            t.type_name()
        };
        return Err(RuntimeError::BadArgument {
            index: 1,
            message: format!("table expected, got {got}"),
        });
    }
    let Some(&args) = upvalues.first() else {
        return Err(RuntimeError::msg("missing runtime"));
    };
    stack.replace(&[t]);
    Ok(NativeAction::TailCall { func: args })
}

/// `python.set_overflow_handler(f)`: nil, a Lua function or a Python object (lupa checks
/// only that much; its "expected nil, a Lua function or a callable Python object" message is
/// never reached, the Python object check failing first).
fn py_set_overflow_handler<'gc>(
    _ctx: Context<'gc>,
    upvalues: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> Result<NativeAction<'gc>, RuntimeError<'gc>> {
    let h = stack.get(0);
    if !(h.is_nil() || h.as_function().is_some()) {
        let meta = upvalues.first().copied().unwrap_or(Value::Nil);
        python_object(stack, meta, 0)?;
    }
    let Some(&setofh) = upvalues.get(1) else {
        return Err(RuntimeError::msg("missing runtime"));
    };
    stack.replace(&[h]);
    Ok(NativeAction::TailCall { func: setofh })
}
