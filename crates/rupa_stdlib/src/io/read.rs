//! Reading: the formats of `read` (`n l L a`, byte counts, with or without `*`) and the
//! `lines` iterators, as lua5.4's `g_read`/`io_readline` behave — a failed format ends the
//! read with `nil` in its place, an I/O error gives `nil, message, errno`.

use std::cell::RefCell;
use std::rc::Rc;

use rupa_vm::baselib::args::{arg_error, check_integer, type_error};
use rupa_vm::function::Function;
use rupa_vm::native::{NativeAction, NativeStack};
use rupa_vm::number::{str_to_number, NumberValue};
use rupa_vm::{Context, RuntimeError, Value};

use super::file::{charge, check_file, file_result, open_stream, stream_of, FileState, R};
use super::stream::Stream;
use crate::host::HostError;

/// The longest numeral `read("n")` accepts (lua5.4's `L_MAXLENNUM`).
const MAX_NUMERAL: usize = 200;
/// The most formats `lines` takes (lua5.4's `MAXARGLINE`).
const MAX_LINE_FORMATS: usize = 250;

/// Reads a numeral as lua5.4's `read_number` does: the longest prefix that looks like one,
/// then converts it; `None` when it is not a number.
fn read_number(s: &mut Stream) -> Result<Option<Value<'static>>, HostError> {
    while let Some(c) = s.peek()? {
        if !matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            break;
        }
        s.advance();
    }
    let mut buf = Vec::new();
    let mut overflow = false;
    // Accepts the current byte when it is one of `set`.
    let mut accept = |s: &mut Stream, set: &[u8], buf: &mut Vec<u8>| -> Result<bool, HostError> {
        match s.peek()? {
            Some(c) if set.contains(&c) => {
                if overflow || buf.len() >= MAX_NUMERAL {
                    overflow = true;
                    buf.clear();
                    return Ok(false);
                }
                buf.push(c);
                s.advance();
                Ok(true)
            }
            _ => Ok(false),
        }
    };
    let digits = |hex: bool| -> &'static [u8] {
        if hex {
            b"0123456789abcdefABCDEF"
        } else {
            b"0123456789"
        }
    };
    accept(s, b"-+", &mut buf)?;
    let mut count = 0;
    let mut hex = false;
    if accept(s, b"0", &mut buf)? {
        if accept(s, b"xX", &mut buf)? {
            hex = true;
        } else {
            count = 1;
        }
    }
    while accept(s, digits(hex), &mut buf)? {
        count += 1;
    }
    if accept(s, b".", &mut buf)? {
        while accept(s, digits(hex), &mut buf)? {
            count += 1;
        }
    }
    if count > 0 && accept(s, if hex { b"pP" } else { b"eE" }, &mut buf)? {
        accept(s, b"-+", &mut buf)?;
        while accept(s, b"0123456789", &mut buf)? {}
    }
    if overflow {
        return Ok(None);
    }
    Ok(str_to_number(&buf).map(|n| match n {
        NumberValue::Integer(i) => Value::Integer(i),
        NumberValue::Float(f) => Value::Number(f),
    }))
}

/// Reads with the formats in the window from `first` on (none: one line). Leaves the results,
/// `nil` in place of the first that failed, or `nil, message, errno` on an I/O error.
pub fn read_formats<'gc>(
    ctx: Context<'gc>,
    stack: &mut NativeStack<'gc, '_>,
    stream: &Rc<RefCell<Stream>>,
    first: usize,
) -> R<'gc> {
    let formats: Vec<Value<'gc>> = stack.as_slice().get(first..).unwrap_or(&[]).to_vec();
    let mut results = Vec::with_capacity(formats.len().max(1));
    let mut s = stream.borrow_mut();
    let outcome = (|| -> Result<Result<(), HostError>, RuntimeError<'gc>> {
        if formats.is_empty() {
            let mut line = Vec::new();
            let ok = match s.read_line(&mut line, false) {
                Ok(ok) => ok,
                Err(e) => return Ok(Err(e)),
            };
            results.push(finish_text(ctx, ok, &line)?);
            return Ok(Ok(()));
        }
        for (k, &f) in formats.iter().enumerate() {
            let arg = first + k;
            let got = match f {
                Value::Integer(_) | Value::Number(_) => {
                    let n = check_integer(ctx, stack, arg)?;
                    if n == 0 {
                        match s.at_eof() {
                            Ok(eof) => finish_text(ctx, !eof, b"")?,
                            Err(e) => return Ok(Err(e)),
                        }
                    } else {
                        let want = usize::try_from(n).unwrap_or(usize::MAX);
                        let mut buf = Vec::new();
                        match read_limited(ctx, &mut s, &mut buf, want) {
                            Ok(got) => finish_text(ctx, got > 0, &buf)?,
                            Err(e) => return Ok(Err(e)),
                        }
                    }
                }
                Value::String(fs) => {
                    let spec = fs.as_bytes();
                    let spec = spec.strip_prefix(b"*").unwrap_or(spec);
                    match spec.first() {
                        Some(b'n') => match read_number(&mut s) {
                            Ok(v) => v.map_or(Value::Nil, |v| match v {
                                Value::Integer(i) => Value::Integer(i),
                                Value::Number(f) => Value::Number(f),
                                _ => Value::Nil,
                            }),
                            Err(e) => return Ok(Err(e)),
                        },
                        Some(b'l') | Some(b'L') => {
                            let mut line = Vec::new();
                            match s.read_line(&mut line, spec[0] == b'L') {
                                Ok(ok) => {
                                    charge(ctx, line.len());
                                    finish_text(ctx, ok, &line)?
                                }
                                Err(e) => return Ok(Err(e)),
                            }
                        }
                        Some(b'a') => {
                            let mut all = Vec::new();
                            match read_limited(ctx, &mut s, &mut all, usize::MAX) {
                                Ok(_) => finish_text(ctx, true, &all)?,
                                Err(e) => return Ok(Err(e)),
                            }
                        }
                        _ => return Err(arg_error(arg, "invalid format")),
                    }
                }
                _ => return Err(type_error(ctx, stack, arg, "string")),
            };
            let failed = got.is_nil();
            results.push(got);
            if failed {
                break;
            }
        }
        Ok(Ok(()))
    })()?;
    drop(s);
    match outcome {
        Ok(()) => {
            stack.replace(&results);
            Ok(NativeAction::Return)
        }
        Err(e) => file_result(ctx, stack, Err(e), "read"),
    }
}

/// Reads up to `n` bytes, checking the memory cap as the buffer grows.
fn read_limited<'gc>(
    ctx: Context<'gc>,
    s: &mut Stream,
    out: &mut Vec<u8>,
    n: usize,
) -> Result<usize, HostError> {
    const STEP: usize = 1 << 16;
    let mut total = 0;
    while total < n {
        if ctx.reserve(STEP.min(n - total)).is_err() {
            // The string built from it will raise "not enough memory".
            break;
        }
        let got = s.read_bytes(out, STEP.min(n - total))?;
        charge(ctx, got);
        total += got;
        if got == 0 {
            break;
        }
    }
    Ok(total)
}

/// The string read, or nil when the format failed.
fn finish_text<'gc>(
    ctx: Context<'gc>,
    ok: bool,
    bytes: &[u8],
) -> Result<Value<'gc>, RuntimeError<'gc>> {
    if ok {
        Ok(Value::String(ctx.new_string(bytes)?))
    } else {
        Ok(Value::Nil)
    }
}

/// `file:read(...)`.
pub fn file_read<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let s = open_stream(ctx, stack, 0, "read")?;
    read_formats(ctx, stack, &s, 1)
}

/// `file:lines(...)`.
pub fn file_lines<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    open_stream(ctx, stack, 0, "lines")?;
    let it = lines_iterator(ctx, stack, false)?;
    stack.replace(&[it]);
    Ok(NativeAction::Return)
}

/// The iterator `lines` returns, over the file at window position 0 with the formats after it.
pub fn lines_iterator<'gc>(
    ctx: Context<'gc>,
    stack: &NativeStack<'gc, '_>,
    close_at_end: bool,
) -> Result<Value<'gc>, RuntimeError<'gc>> {
    let formats = stack.len().saturating_sub(1);
    if formats > MAX_LINE_FORMATS {
        return Err(arg_error(MAX_LINE_FORMATS + 1, "too many arguments"));
    }
    let mut upvalues = Vec::with_capacity(formats + 2);
    upvalues.push(stack.get(0));
    upvalues.push(Value::Boolean(close_at_end));
    upvalues.extend_from_slice(&stack.as_slice()[1..]);
    Ok(Value::from(Function::new_native(
        ctx.mc,
        "lines_iterator",
        read_line_iterator,
        upvalues.into_boxed_slice(),
    )))
}

/// One step of a `lines` iterator: upvalues are the file, whether to close it at the end, and
/// the formats.
fn read_line_iterator<'gc>(
    ctx: Context<'gc>,
    upvalues: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let file_value = upvalues.first().copied().unwrap_or(Value::Nil);
    let Some(file) = super::file::as_file(&file_value) else {
        return Err(RuntimeError::msg("file is already closed"));
    };
    let Some(stream) = stream_of(ctx, file, "lines")? else {
        return Err(RuntimeError::msg("file is already closed"));
    };
    // The formats sit after a placeholder for the file, so their argument numbers start at 2.
    let mut args = vec![file_value];
    args.extend_from_slice(upvalues.get(2..).unwrap_or(&[]));
    stack.replace(&args);
    read_formats(ctx, stack, &stream, 1)?;
    if stack.get(0).is_truthy() {
        return Ok(NativeAction::Return);
    }
    if stack.len() > 1 && !stack.get(1).is_nil() {
        // An I/O error: raise its message.
        let msg = match stack.get(1) {
            Value::String(s) => s.to_str_lossy().into_owned(),
            _ => String::new(),
        };
        return Err(RuntimeError::msg(msg));
    }
    if upvalues.get(1).is_some_and(Value::is_truthy) {
        let open = matches!(&*file.state.borrow(), FileState::Open(_));
        if open {
            super::file::close_file(ctx, stack, file)?;
        }
    }
    stack.clear();
    Ok(NativeAction::Return)
}

/// Used by `io.lines` with no file name: checks that the default input is usable.
pub fn check_open<'gc>(
    ctx: Context<'gc>,
    stack: &NativeStack<'gc, '_>,
) -> Result<(), RuntimeError<'gc>> {
    let f = check_file(ctx, stack, 0)?;
    if matches!(&*f.state.borrow(), FileState::Closed) {
        return Err(RuntimeError::msg("attempt to use a closed file"));
    }
    Ok(())
}
