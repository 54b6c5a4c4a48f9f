//! The `io` library: `close flush input lines open output popen read stderr stdin stdout
//! tmpfile type write`, over files that are userdata with lua5.4's `FILE*` metatable.
//!
//! Every file comes from the installed [`Host`](crate::host::Host); buffering is ours
//! ([`stream`]), and standard output is the same buffered stream `print` writes to. The
//! default input and output files live in the registry (`_IO_input`, `_IO_output`) as in
//! lua5.4.

pub mod file;
pub mod read;
pub mod stream;

use rupa_vm::baselib::args::{arg_error, check_any, check_string, opt_string};
use rupa_vm::native::{NativeAction, NativeDef, NativeStack};
use rupa_vm::{Context, RuntimeError, Value};

use crate::host::{push_failure, raise_denied, with_host, OpenMode, StdStream};
use file::{
    as_file, close_file, new_file, new_stream_file, open_stream, stream_of, FileState, LuaFile, R,
};

const INPUT_KEY: &[u8] = b"_IO_input";
const OUTPUT_KEY: &[u8] = b"_IO_output";

/// Installs the `io` table in the globals, with `stdin`, `stdout` and `stderr` as the default
/// input and output.
pub fn load_io(ctx: Context<'_>) -> Result<(), RuntimeError<'_>> {
    static FUNCS: [NativeDef; 11] = [
        NativeDef::new("close", io_close),
        NativeDef::new("flush", io_flush),
        NativeDef::new("input", io_input),
        NativeDef::new("lines", io_lines),
        NativeDef::new("open", io_open),
        NativeDef::new("output", io_output),
        NativeDef::new("popen", io_popen),
        NativeDef::new("read", io_read),
        NativeDef::new("tmpfile", io_tmpfile),
        NativeDef::new("type", io_type),
        NativeDef::new("write", io_write),
    ];
    let io = rupa_vm::baselib::new_library(ctx, &FUNCS, 3)?;
    let streams = [
        ("stdin", StdStream::Stdin),
        ("stdout", StdStream::Stdout),
        ("stderr", StdStream::Stderr),
    ];
    for (name, which) in streams {
        let f = new_file(ctx, FileState::Std(which), false)?;
        io.set_str(ctx, ctx.new_string(name.as_bytes())?, f)?;
        match which {
            StdStream::Stdin => set_default(ctx, INPUT_KEY, f)?,
            StdStream::Stdout => set_default(ctx, OUTPUT_KEY, f)?,
            StdStream::Stderr => {}
        }
    }
    crate::package::register_library(ctx, "io", io)
}

fn set_default<'gc>(ctx: Context<'gc>, key: &[u8], f: Value<'gc>) -> Result<(), RuntimeError<'gc>> {
    ctx.state.registry.set_str(ctx, ctx.new_string(key)?, f)
}

fn get_default<'gc>(ctx: Context<'gc>, key: &[u8]) -> Result<Value<'gc>, RuntimeError<'gc>> {
    Ok(ctx.state.registry.get_str(ctx, ctx.new_string(key)?))
}

/// The default input or output file, raising "default input file is closed".
fn default_file<'gc>(
    ctx: Context<'gc>,
    key: &[u8],
) -> Result<(Value<'gc>, &'gc LuaFile), RuntimeError<'gc>> {
    let v = get_default(ctx, key)?;
    let what = if key == INPUT_KEY { "input" } else { "output" };
    match as_file(&v) {
        Some(f) if !matches!(&*f.state.borrow(), FileState::Closed) => Ok((v, f)),
        _ => Err(RuntimeError::msg(format!("default {what} file is closed"))),
    }
}

/// Opens `name` with `mode` through the host: the file value, or `(message, errno)`.
fn open_path<'gc>(
    ctx: Context<'gc>,
    function: &str,
    name: &[u8],
    mode: OpenMode,
) -> Result<Result<Value<'gc>, (String, i32)>, RuntimeError<'gc>> {
    let r = with_host(ctx, |h| h.host.open(name, mode));
    match raise_denied(function, r)? {
        Ok(file) => Ok(Ok(new_stream_file(
            ctx, file, false, mode.read, mode.write,
        )?)),
        Err(e) => Ok(Err(e)),
    }
}

/// Opens a file or raises "cannot open file 'name' (message)" (`io.lines`, `io.input`).
fn open_or_raise<'gc>(
    ctx: Context<'gc>,
    function: &str,
    name: &[u8],
    mode: &[u8],
) -> Result<Value<'gc>, RuntimeError<'gc>> {
    let mode = OpenMode::parse(mode).expect("the library passes valid modes");
    open_path(ctx, function, name, mode)?.map_err(|(msg, _)| {
        RuntimeError::msg(format!(
            "cannot open file '{}' ({msg})",
            String::from_utf8_lossy(name)
        ))
    })
}

fn io_open<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let name = check_string(ctx, stack, 0)?;
    let mode = opt_string(ctx, stack, 1)?;
    let mode = match mode {
        None => OpenMode::parse(b"r"),
        Some(m) => OpenMode::parse(m.as_bytes()),
    };
    let Some(mode) = mode else {
        return Err(arg_error(1, "invalid mode"));
    };
    match open_path(ctx, "io.open", name.as_bytes(), mode)? {
        Ok(f) => {
            stack.replace(&[f]);
            Ok(NativeAction::Return)
        }
        Err((msg, code)) => push_failure(ctx, stack, Some(name.as_bytes()), &msg, code),
    }
}

fn io_close<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    if stack.get(0).is_nil() {
        let out = get_default(ctx, OUTPUT_KEY)?;
        stack.replace(&[out]);
    }
    let f = file::check_file(ctx, stack, 0)?;
    close_file(ctx, stack, f)
}

fn io_flush<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let (_, f) = default_file(ctx, OUTPUT_KEY)?;
    let s = stream_of(ctx, f, "io.flush")?
        .ok_or_else(|| RuntimeError::msg("default output file is closed"))?;
    let r = s.borrow_mut().flush();
    file::file_result(ctx, stack, r, "io.flush")
}

/// `io.input` and `io.output`: set the default file from a name or a file, return it.
fn set_io_file<'gc>(
    ctx: Context<'gc>,
    stack: &mut NativeStack<'gc, '_>,
    key: &[u8],
    mode: &[u8],
    function: &str,
) -> R<'gc> {
    match stack.get(0) {
        Value::Nil => {}
        Value::String(_) | Value::Integer(_) | Value::Number(_) => {
            let name = check_string(ctx, stack, 0)?;
            let f = open_or_raise(ctx, function, name.as_bytes(), mode)?;
            set_default(ctx, key, f)?;
        }
        v => {
            open_stream(ctx, stack, 0, function)?;
            set_default(ctx, key, v)?;
        }
    }
    let current = get_default(ctx, key)?;
    stack.replace(&[current]);
    Ok(NativeAction::Return)
}

fn io_input<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    set_io_file(ctx, stack, INPUT_KEY, b"r", "io.input")
}

fn io_output<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    set_io_file(ctx, stack, OUTPUT_KEY, b"w", "io.output")
}

fn io_read<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let (_, f) = default_file(ctx, INPUT_KEY)?;
    let s = stream_of(ctx, f, "io.read")?
        .ok_or_else(|| RuntimeError::msg("default input file is closed"))?;
    read::read_formats(ctx, stack, &s, 0)
}

fn io_write<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let (v, f) = default_file(ctx, OUTPUT_KEY)?;
    let s = stream_of(ctx, f, "io.write")?
        .ok_or_else(|| RuntimeError::msg("default output file is closed"))?;
    file::write_values(ctx, stack, &s, v, 0, "io.write")
}

fn io_lines<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    if stack.is_empty() {
        stack.push(Value::Nil);
    }
    if stack.get(0).is_nil() {
        let input = get_default(ctx, INPUT_KEY)?;
        stack.set(0, input);
        read::check_open(ctx, stack)?;
        let it = read::lines_iterator(ctx, stack, false)?;
        stack.replace(&[it]);
        return Ok(NativeAction::Return);
    }
    let name = check_string(ctx, stack, 0)?;
    let f = open_or_raise(ctx, "io.lines", name.as_bytes(), b"r")?;
    stack.set(0, f);
    let it = read::lines_iterator(ctx, stack, true)?;
    stack.replace(&[it, Value::Nil, Value::Nil, f]);
    Ok(NativeAction::Return)
}

fn io_popen<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let prog = check_string(ctx, stack, 0)?;
    let mode = opt_string(ctx, stack, 1)?;
    let write = match mode.map(|m| m.as_bytes()) {
        None | Some(b"r") => false,
        Some(b"w") => true,
        Some(_) => return Err(arg_error(1, "invalid mode")),
    };
    let r = with_host(ctx, |h| h.host.popen(prog.as_bytes(), write));
    match raise_denied("io.popen", r)? {
        Ok(file) => {
            let f = new_stream_file(ctx, file, true, !write, write)?;
            stack.replace(&[f]);
            Ok(NativeAction::Return)
        }
        Err((msg, code)) => push_failure(ctx, stack, Some(prog.as_bytes()), &msg, code),
    }
}

fn io_tmpfile<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let r = with_host(ctx, |h| h.host.tmpfile());
    match raise_denied("io.tmpfile", r)? {
        Ok(file) => {
            let f = new_stream_file(ctx, file, false, true, true)?;
            stack.replace(&[f]);
            Ok(NativeAction::Return)
        }
        Err((msg, code)) => push_failure(ctx, stack, None, &msg, code),
    }
}

fn io_type<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let v = check_any(stack, 0)?;
    let result = match as_file(&v) {
        None => Value::Nil,
        Some(f) => {
            let closed = matches!(&*f.state.borrow(), FileState::Closed);
            let name: &[u8] = if closed { b"closed file" } else { b"file" };
            Value::String(ctx.new_string(name)?)
        }
    };
    stack.replace(&[result]);
    Ok(NativeAction::Return)
}
