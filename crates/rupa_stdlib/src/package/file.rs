//! Loading Lua files through the host: `loadfile`, `dofile`, and the Lua searcher of
//! `require`. Like lua5.4's `luaL_loadfilex`, a UTF-8 byte-order mark and a first line
//! starting with `#` are skipped (keeping the line count), and the chunk is named `@file` or
//! `=stdin`.

use rupa_vm::baselib::args::opt_string;
use rupa_vm::function::Function;
use rupa_vm::native::{NativeAction, NativeStack};
use rupa_vm::{Context, RuntimeError, Value};

use crate::host::{with_host, HostError, OpenMode, StdStream};

type R<'gc> = Result<NativeAction<'gc>, RuntimeError<'gc>>;

/// First byte of a precompiled chunk.
const BINARY_MARK: u8 = 0x1b;

/// Reads a whole file (`None`: standard input); `Err` holds lua5.4's message ("cannot open
/// x: No such file or directory"). A refused capability raises, naming `function`.
fn read_source<'gc>(
    ctx: Context<'gc>,
    function: &str,
    path: Option<&[u8]>,
) -> Result<Result<Vec<u8>, String>, RuntimeError<'gc>> {
    let shown = path.map_or_else(
        || "stdin".to_string(),
        |p| String::from_utf8_lossy(p).into_owned(),
    );
    let mut data = Vec::new();
    let result = match path {
        Some(p) => {
            let mode = OpenMode::parse(b"r").expect("'r' is a valid mode");
            match with_host(ctx, |h| h.host.open(p, mode)) {
                Ok(mut f) => {
                    let r = read_all(ctx, &mut |buf| f.read(buf), &mut data);
                    let _ = f.close();
                    r.map_err(|e| ("read", e))
                }
                Err(e) => Err(("open", e)),
            }
        }
        None => match with_host(ctx, |h| h.std_stream(StdStream::Stdin)) {
            Ok(s) => {
                let mut s = s.borrow_mut();
                let mut chunk = Vec::new();
                let r = loop {
                    chunk.clear();
                    match s.read_bytes(&mut chunk, 1 << 16) {
                        Ok(0) => break Ok(()),
                        Ok(_) => {
                            if ctx.reserve(chunk.len()).is_err() {
                                break Ok(());
                            }
                            data.extend_from_slice(&chunk);
                        }
                        Err(e) => break Err(e),
                    }
                };
                r.map_err(|e| ("read", e))
            }
            Err(e) => Err(("open", e)),
        },
    };
    match result {
        Ok(()) => Ok(Ok(data)),
        Err((_, HostError::Denied(what))) => Err(HostError::denied_error(function, what)),
        Err((_, HostError::Unsupported(message))) => Err(RuntimeError::msg(message)),
        Err((verb, HostError::Io { message, .. })) => {
            Ok(Err(format!("cannot {verb} {shown}: {message}")))
        }
    }
}

fn read_all<'gc>(
    ctx: Context<'gc>,
    read: &mut dyn FnMut(&mut [u8]) -> Result<usize, HostError>,
    out: &mut Vec<u8>,
) -> Result<(), HostError> {
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = read(&mut buf)?;
        if n == 0 {
            return Ok(());
        }
        if ctx.reserve(n).is_err() {
            return Err(HostError::io("not enough memory", 12));
        }
        out.extend_from_slice(&buf[..n]);
    }
}

/// The chunk text after a byte-order mark and a `#` first line (whose newline stays, so line
/// numbers do not move).
fn skip_prefix(source: &[u8]) -> &[u8] {
    let s = source.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(source);
    if s.first() == Some(&b'#') {
        match s.iter().position(|&b| b == b'\n') {
            Some(nl) => &s[nl..],
            None => &[],
        }
    } else {
        s
    }
}

/// Loads a file as a function (`luaL_loadfilex`): `Ok(Err(message))` for a file that cannot be
/// read or compiled.
pub fn load_file<'gc>(
    ctx: Context<'gc>,
    function: &str,
    path: Option<&[u8]>,
    mode: Option<&[u8]>,
    env: Option<Value<'gc>>,
) -> Result<Result<Function<'gc>, String>, RuntimeError<'gc>> {
    let source = match read_source(ctx, function, path)? {
        Ok(s) => s,
        Err(msg) => return Ok(Err(msg)),
    };
    let chunk_name = match path {
        Some(p) => format!("@{}", String::from_utf8_lossy(p)),
        None => "=stdin".to_string(),
    };
    let text = skip_prefix(&source);
    let mode = mode.unwrap_or(b"bt");
    let binary = text.first() == Some(&BINARY_MARK);
    let (kind, letter) = if binary {
        ("binary", b'b')
    } else {
        ("text", b't')
    };
    if !mode.contains(&letter) {
        return Ok(Err(format!(
            "attempt to load a {kind} chunk (mode is '{}')",
            String::from_utf8_lossy(mode)
        )));
    }
    if binary {
        return Ok(Err(format!(
            "{}: bad binary format (precompiled chunks are not supported)",
            &chunk_name[1..]
        )));
    }
    // Compiling costs about as much as running a few instructions per source byte.
    let fuel = &ctx.state.fuel;
    fuel.set(fuel.get() - (text.len() / 4) as i64);
    Ok(rupa_vm::load::load_chunk(ctx, text, &chunk_name, env).map_err(|e| e.message))
}

/// `loadfile([filename [, mode [, env]]])`.
pub fn loadfile<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let name = opt_string(ctx, stack, 0)?;
    let mode = opt_string(ctx, stack, 1)?;
    // An explicit nil env counts: the chunk then runs with `_ENV == nil`.
    let env = (stack.len() >= 3).then(|| stack.get(2));
    let r = load_file(
        ctx,
        "loadfile",
        name.map(|n| n.as_bytes()),
        mode.map(|m| m.as_bytes()),
        env,
    )?;
    match r {
        Ok(f) => stack.replace(&[Value::from(f)]),
        Err(msg) => stack.replace(&[Value::Nil, Value::String(ctx.new_string(msg.as_bytes())?)]),
    }
    Ok(NativeAction::Return)
}

/// `dofile([filename])`: runs the file and returns what it returns; errors propagate.
pub fn dofile<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let name = opt_string(ctx, stack, 0)?;
    match load_file(ctx, "dofile", name.map(|n| n.as_bytes()), None, None)? {
        Ok(f) => {
            stack.clear();
            Ok(NativeAction::TailCall {
                func: Value::from(f),
            })
        }
        Err(msg) => Err(RuntimeError::Value(Value::String(
            ctx.new_string(msg.as_bytes())?,
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::skip_prefix;

    #[test]
    fn prefixes_skipped_as_lua54_does() {
        assert_eq!(skip_prefix(b"\xEF\xBB\xBFreturn 5"), b"return 5");
        assert_eq!(skip_prefix(b"#!/bin/lua\nreturn 1"), b"\nreturn 1");
        assert_eq!(skip_prefix(b"\xEF\xBB\xBF#x\ny"), b"\ny");
        assert_eq!(skip_prefix(b"#only"), b"");
        assert_eq!(skip_prefix(b"x#y"), b"x#y");
    }
}
