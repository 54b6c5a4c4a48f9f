//! File objects: userdata holding a [`LuaFile`], sharing the `FILE*` metatable (`__name`,
//! `__index` methods, `__gc`, `__close`, `__tostring`), and the methods that do not read
//! (`close flush seek setvbuf write`).

use std::cell::RefCell;
use std::io::SeekFrom;
use std::rc::Rc;

use gc_arena::lock::Lock;
use gc_arena::Gc;
use rupa_vm::baselib::args::{
    arg_error, check_string, number_to_string, opt_integer, opt_string, type_error,
};
use rupa_vm::function::Function;
use rupa_vm::meta::MetaEvent;
use rupa_vm::native::{NativeAction, NativeDef, NativeStack};
use rupa_vm::userdata::{UserData, UserDataObj};
use rupa_vm::{Context, RuntimeError, Table, Value};

use super::stream::{Buffering, Stream};
use crate::host::{push_failure, with_host, HostError, StdStream};

pub(crate) type R<'gc> = Result<NativeAction<'gc>, RuntimeError<'gc>>;

/// Registry key of the shared file metatable (as `luaL_newmetatable` names it).
pub const METATABLE_KEY: &[u8] = b"FILE*";

/// What a file object refers to.
pub enum FileState {
    /// An open stream of our own.
    Open(Rc<RefCell<Stream>>),
    /// A standard stream, fetched from the installed host when used.
    Std(StdStream),
    /// Closed.
    Closed,
}

/// The data of a file userdata.
pub struct LuaFile {
    pub state: RefCell<FileState>,
    /// Closing waits for a process and reports its status (`io.popen`).
    pub is_pipe: bool,
}

/// The file object behind a value, if it is one.
pub fn as_file<'a>(v: &Value<'a>) -> Option<&'a LuaFile> {
    match v {
        Value::UserData(u) => Gc::as_ref(u.0).data.downcast_ref::<LuaFile>(),
        _ => None,
    }
}

/// The shared file metatable, created on first use.
pub fn metatable<'gc>(ctx: Context<'gc>) -> Result<Table<'gc>, RuntimeError<'gc>> {
    if let Value::Table(t) = ctx.state.registry.get_field(ctx, METATABLE_KEY) {
        return Ok(t);
    }
    let mt = Table::with_exact_capacity(ctx, 5)?;
    static FUNCS: [NativeDef; 7] = [
        NativeDef::new("close", close),
        NativeDef::new("flush", flush),
        NativeDef::new("lines", super::read::file_lines),
        NativeDef::new("read", super::read::file_read),
        NativeDef::new("seek", seek),
        NativeDef::new("setvbuf", setvbuf),
        NativeDef::new("write", file_write),
    ];
    let methods = rupa_vm::baselib::new_library(ctx, &FUNCS, 0)?;
    // One function for both, as in lua5.4.
    static GC: NativeDef = NativeDef::new("__gc", collect);
    static TOSTRING: NativeDef = NativeDef::new("__tostring", tostring);
    let gc = Value::from(Function::light(&GC));
    mt.set_str(ctx, ctx.meta_name(MetaEvent::Gc), gc)?;
    mt.set_str(ctx, ctx.meta_name(MetaEvent::Close), gc)?;
    mt.set_str(
        ctx,
        ctx.meta_name(MetaEvent::ToString),
        Value::from(Function::light(&TOSTRING)),
    )?;
    mt.set_str(ctx, ctx.meta_name(MetaEvent::Index), Value::Table(methods))?;
    let key = ctx.new_string(METATABLE_KEY)?;
    mt.set_str(ctx, ctx.meta_name(MetaEvent::Name), Value::String(key))?;
    ctx.state.registry.set_str(ctx, key, Value::Table(mt))?;
    Ok(mt)
}

/// A new file object.
pub fn new_file<'gc>(
    ctx: Context<'gc>,
    state: FileState,
    is_pipe: bool,
) -> Result<Value<'gc>, RuntimeError<'gc>> {
    let mt = metatable(ctx)?;
    ctx.reserve(std::mem::size_of::<UserDataObj>() + 64)?;
    let obj = UserDataObj {
        metatable: Lock::new(Some(mt)),
        user_value: Lock::new(Value::Nil),
        data: Box::new(LuaFile {
            state: RefCell::new(state),
            is_pipe,
        }),
    };
    Ok(Value::UserData(UserData(Gc::new(ctx.mc, obj))))
}

/// A file object over a freshly opened host file.
pub fn new_stream_file<'gc>(
    ctx: Context<'gc>,
    file: Box<dyn crate::host::HostFile>,
    is_pipe: bool,
    readable: bool,
    writable: bool,
) -> Result<Value<'gc>, RuntimeError<'gc>> {
    // The stream's buffers live outside the arena; make sure the cap leaves room for them.
    ctx.reserve(2 * 8192)?;
    let stream = with_host(ctx, |h| h.track(Stream::new(file, readable, writable)));
    new_file(ctx, FileState::Open(stream), is_pipe)
}

/// The argument at `i` as a file object ("FILE* expected"), open or closed.
pub fn check_file<'gc>(
    ctx: Context<'gc>,
    stack: &NativeStack<'gc, '_>,
    i: usize,
) -> Result<&'gc LuaFile, RuntimeError<'gc>> {
    as_file(&stack.get(i)).ok_or_else(|| type_error(ctx, stack, i, "FILE*"))
}

/// The stream of an open file; `None` when it is closed. A standard stream the host refuses
/// raises "`function`: standard output is not allowed in this sandbox".
pub fn stream_of<'gc>(
    ctx: Context<'gc>,
    file: &LuaFile,
    function: &str,
) -> Result<Option<Rc<RefCell<Stream>>>, RuntimeError<'gc>> {
    let which = match &*file.state.borrow() {
        FileState::Open(s) => return Ok(Some(s.clone())),
        FileState::Closed => return Ok(None),
        FileState::Std(w) => *w,
    };
    match with_host(ctx, |h| h.std_stream(which)) {
        Ok(s) => Ok(Some(s)),
        Err(HostError::Denied(what)) => Err(HostError::denied_error(function, what)),
        Err(HostError::Unsupported(message)) => Err(RuntimeError::msg(message)),
        Err(HostError::Io { message, .. }) => Err(RuntimeError::msg(message)),
    }
}

/// The stream of the file argument at `i`, raising "attempt to use a closed file".
pub fn open_stream<'gc>(
    ctx: Context<'gc>,
    stack: &NativeStack<'gc, '_>,
    i: usize,
    function: &str,
) -> Result<Rc<RefCell<Stream>>, RuntimeError<'gc>> {
    let f = check_file(ctx, stack, i)?;
    stream_of(ctx, f, function)?.ok_or_else(|| RuntimeError::msg("attempt to use a closed file"))
}

/// Charges fuel for moving `bytes` bytes.
pub fn charge(ctx: Context<'_>, bytes: usize) {
    let fuel = &ctx.state.fuel;
    fuel.set(fuel.get() - (bytes / 64) as i64);
}

/// Leaves `true` in the window, or the failure triple.
pub fn file_result<'gc>(
    ctx: Context<'gc>,
    stack: &mut NativeStack<'gc, '_>,
    r: Result<(), HostError>,
    function: &str,
) -> R<'gc> {
    match r {
        Ok(()) => {
            stack.replace(&[Value::Boolean(true)]);
            Ok(NativeAction::Return)
        }
        Err(HostError::Denied(what)) => Err(HostError::denied_error(function, what)),
        Err(HostError::Unsupported(message)) => Err(RuntimeError::msg(message)),
        Err(HostError::Io { message, code }) => push_failure(ctx, stack, None, &message, code),
    }
}

/// Closes a file object and leaves what `close` returns in the window.
pub fn close_file<'gc>(
    ctx: Context<'gc>,
    stack: &mut NativeStack<'gc, '_>,
    file: &LuaFile,
) -> R<'gc> {
    let state = std::mem::replace(&mut *file.state.borrow_mut(), FileState::Closed);
    match state {
        FileState::Closed => Err(RuntimeError::msg("attempt to use a closed file")),
        FileState::Std(w) => {
            *file.state.borrow_mut() = FileState::Std(w);
            let msg = ctx.new_string(b"cannot close standard file")?;
            stack.replace(&[Value::Nil, Value::String(msg)]);
            Ok(NativeAction::Return)
        }
        FileState::Open(s) => {
            let r = s.borrow_mut().close();
            match r {
                Ok(Some(status)) if file.is_pipe => {
                    crate::os::push_process_status(ctx, stack, status)
                }
                Ok(_) => file_result(ctx, stack, Ok(()), "close"),
                Err(e) => file_result(ctx, stack, Err(e), "close"),
            }
        }
    }
}

/// `file:close()`.
pub fn close<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let f = check_file(ctx, stack, 0)?;
    close_file(ctx, stack, f)
}

/// `__gc` and `__close`: closes an open file, ignoring errors.
fn collect<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let f = check_file(ctx, stack, 0)?;
    // Standard files stay open: C's `io_noclose` keeps them usable.
    let is_open = matches!(&*f.state.borrow(), FileState::Open(_));
    if is_open {
        if let FileState::Open(s) = std::mem::replace(&mut *f.state.borrow_mut(), FileState::Closed)
        {
            let _ = s.borrow_mut().close();
        }
    }
    stack.clear();
    Ok(NativeAction::Return)
}

fn tostring<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let f = check_file(ctx, stack, 0)?;
    let text = match &*f.state.borrow() {
        FileState::Closed => "file (closed)".to_string(),
        _ => format!("file (0x{:x})", stack.get(0).address().unwrap_or(0)),
    };
    stack.replace(&[Value::String(ctx.new_string(text.as_bytes())?)]);
    Ok(NativeAction::Return)
}

fn flush<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let s = open_stream(ctx, stack, 0, "flush")?;
    let r = s.borrow_mut().flush();
    file_result(ctx, stack, r, "flush")
}

/// Checks an option argument against `names` (`luaL_checkoption`): `default` when absent, or
/// required when there is no default.
pub fn check_option<'gc>(
    ctx: Context<'gc>,
    stack: &mut NativeStack<'gc, '_>,
    i: usize,
    default: Option<&str>,
    names: &[&str],
) -> Result<usize, RuntimeError<'gc>> {
    let s = match default {
        Some(d) => opt_string(ctx, stack, i)?.map_or(d.as_bytes(), |s| s.as_bytes()),
        None => check_string(ctx, stack, i)?.as_bytes(),
    };
    names.iter().position(|n| n.as_bytes() == s).ok_or_else(|| {
        arg_error(
            i,
            format!("invalid option '{}'", String::from_utf8_lossy(s)),
        )
    })
}

fn seek<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let s = open_stream(ctx, stack, 0, "seek")?;
    let whence = check_option(ctx, stack, 1, Some("cur"), &["set", "cur", "end"])?;
    let offset = opt_integer(ctx, stack, 2, 0)?;
    let pos = match whence {
        0 if offset < 0 => return push_failure(ctx, stack, None, "Invalid argument", 22),
        0 => SeekFrom::Start(offset as u64),
        1 => SeekFrom::Current(offset),
        _ => SeekFrom::End(offset),
    };
    let r = s.borrow_mut().seek(pos);
    match r {
        Ok(p) => {
            stack.replace(&[Value::Integer(p as i64)]);
            Ok(NativeAction::Return)
        }
        Err(e) => file_result(ctx, stack, Err(e), "seek"),
    }
}

fn setvbuf<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let s = open_stream(ctx, stack, 0, "setvbuf")?;
    let mode = check_option(ctx, stack, 1, None, &["no", "full", "line"])?;
    let size = opt_integer(ctx, stack, 2, 8192)?;
    let mode = [Buffering::No, Buffering::Full, Buffering::Line][mode];
    let r = s
        .borrow_mut()
        .set_buffering(mode, size.clamp(0, 1 << 24) as usize);
    file_result(ctx, stack, r, "setvbuf")
}

/// Writes the window's values from position `first` on (`g_write`); leaves the file value
/// `file` or a failure triple.
pub fn write_values<'gc>(
    ctx: Context<'gc>,
    stack: &mut NativeStack<'gc, '_>,
    stream: &Rc<RefCell<Stream>>,
    file: Value<'gc>,
    first: usize,
    function: &str,
) -> R<'gc> {
    let mut result = Ok(());
    for i in first..stack.len() {
        let v = stack.get(i);
        let text;
        let bytes: &[u8] = match v {
            Value::Integer(_) | Value::Number(_) => {
                text = match v {
                    Value::Integer(n) => n.to_string(),
                    Value::Number(f) => rupa_vm::number::fmt_g14(f),
                    _ => number_to_string(v),
                };
                text.as_bytes()
            }
            _ => check_string(ctx, stack, i)?.as_bytes(),
        };
        charge(ctx, bytes.len());
        if result.is_ok() {
            result = stream.borrow_mut().write(bytes);
        }
    }
    match result {
        Ok(()) => {
            stack.replace(&[file]);
            Ok(NativeAction::Return)
        }
        Err(e) => file_result(ctx, stack, Err(e), function),
    }
}

fn file_write<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let s = open_stream(ctx, stack, 0, "write")?;
    let file = stack.get(0);
    write_values(ctx, stack, &s, file, 1, "write")
}
