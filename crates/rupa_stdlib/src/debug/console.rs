//! `debug.debug()`: an interactive loop reading commands from the host's standard input,
//! each run as a chunk named "=(debug command)", until a line `cont` or end of input.
//! Errors go to standard error; the loop never recurses (each command is a continuation).

use rupa_vm::native::{CallStatus, Continuation, NativeAction, NativeStack};
use rupa_vm::{Context, RuntimeError, Value};

use crate::host::{with_host, StdStream};

type R<'gc> = Result<NativeAction<'gc>, RuntimeError<'gc>>;

fn write_stderr(ctx: Context<'_>, bytes: &[u8]) {
    with_host(ctx, |h| {
        if let Ok(s) = h.std_stream(StdStream::Stderr) {
            let mut s = s.borrow_mut();
            let _ = s.write(bytes);
            let _ = s.flush();
        }
    });
}

/// The next command line, without its newline; `None` at end of input (or when the host
/// denies standard input).
fn read_command(ctx: Context<'_>) -> Option<Vec<u8>> {
    // Whatever was printed so far must be visible before the prompt.
    let _ = ctx.write_stdout(b"", true);
    write_stderr(ctx, b"lua_debug> ");
    with_host(ctx, |h| {
        let s = h.std_stream(StdStream::Stdin).ok()?;
        let mut s = s.borrow_mut();
        let mut line = Vec::new();
        match s.read_line(&mut line, true) {
            Ok(true) => Some(line),
            _ => None,
        }
    })
}

/// The text `luaL_tolstring` gives an error value (without calling `__tostring`, which would
/// need a continuation of its own).
fn error_text<'gc>(ctx: Context<'gc>, v: Value<'gc>) -> String {
    match rupa_vm::baselib::tostring::plain(ctx, v) {
        Ok(s) => s.to_str_lossy().into_owned(),
        Err(_) => v.type_name().to_string(),
    }
}

/// Reads commands until one compiles, then runs it with [`after_command`] as continuation.
fn next_command<'gc>(ctx: Context<'gc>, stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    loop {
        let Some(line) = read_command(ctx) else {
            stack.clear();
            return Ok(NativeAction::Return);
        };
        if line == b"cont\n" || line == b"cont" {
            stack.clear();
            return Ok(NativeAction::Return);
        }
        match rupa_vm::load::load_chunk(ctx, &line, "=(debug command)", None) {
            Ok(f) => {
                stack.clear();
                // lua5.4's debug.debug runs commands with lua_pcall, without a continuation.
                return Ok(NativeAction::lua_pcall(
                    ctx,
                    Value::from(f),
                    Continuation {
                        func: after_command,
                        data: Value::Nil,
                    },
                ));
            }
            Err(e) => write_stderr(ctx, format!("{}\n", e.message).as_bytes()),
        }
    }
}

fn after_command<'gc>(
    ctx: Context<'gc>,
    _: Value<'gc>,
    status: CallStatus<'gc>,
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    if let CallStatus::Err(e) = status {
        write_stderr(ctx, format!("{}\n", error_text(ctx, e)).as_bytes());
    }
    next_command(ctx, stack)
}

/// `debug.debug()`.
pub fn debug<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    next_command(ctx, stack)
}
