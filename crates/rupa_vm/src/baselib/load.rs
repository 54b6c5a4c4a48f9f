//! `load(chunk [, chunkname [, mode [, env]]])`: compiles a string, or the pieces a reader
//! function returns, into a function. Failures are returned as `nil, message`, never raised.
//!
//! Only text chunks exist here: a binary chunk (one starting with ESC) is refused with
//! lua5.4's mode message, or, when the mode allows binary, with a "bad binary format" message.

use crate::error::RuntimeError;
use crate::native::{CallStatus, Continuation, NativeAction, NativeStack};
use crate::state::Context;
use crate::table::Table;
use crate::value::Value;

use super::args::{check_string, number_to_string, opt_string, type_error};

type R<'gc> = Result<NativeAction<'gc>, RuntimeError<'gc>>;

/// First byte of a precompiled chunk (`LUA_SIGNATURE[0]`).
const BINARY_MARK: u8 = 0x1b;

// Slots of the state table a reader-driven load carries between reader calls.
const SLOT_COUNT: i64 = 0;
const SLOT_NAME: i64 = 1;
const SLOT_MODE: i64 = 2;
const SLOT_ENV: i64 = 3;
const SLOT_HAS_ENV: i64 = 4;
const SLOT_READER: i64 = 5;
const FIRST_PIECE: i64 = 6;

/// `load`.
pub fn load<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let mode = opt_string(ctx, stack, 2)?;
    let mode = mode.map_or_else(|| b"bt".to_vec(), |m| m.as_bytes().to_vec());
    // An explicit nil env counts: the chunk then runs with `_ENV == nil`.
    let env = (stack.len() >= 4).then(|| stack.get(3));
    match stack.get(0) {
        Value::String(_) | Value::Integer(_) | Value::Number(_) => {
            let chunk = check_string(ctx, stack, 0)?;
            let name = opt_string(ctx, stack, 1)?.unwrap_or(chunk);
            let name = name.to_str_lossy().into_owned();
            finish(ctx, stack, chunk.as_bytes(), &name, &mode, env)
        }
        reader => {
            let name = opt_string(ctx, stack, 1)?;
            let (Value::Closure(_) | Value::LightFunction(_)) = reader else {
                return Err(type_error(ctx, stack, 0, "function"));
            };
            let name = match name {
                Some(n) => n,
                None => ctx.new_string(b"=(load)")?,
            };
            let st = Table::new(ctx.mc);
            st.set_int(ctx, SLOT_COUNT, Value::Integer(0))?;
            st.set_int(ctx, SLOT_NAME, Value::String(name))?;
            st.set_int(ctx, SLOT_MODE, Value::String(ctx.new_string(&mode)?))?;
            st.set_int(ctx, SLOT_ENV, env.unwrap_or(Value::Nil))?;
            st.set_int(ctx, SLOT_HAS_ENV, Value::Boolean(env.is_some()))?;
            st.set_int(ctx, SLOT_READER, reader)?;
            stack.clear();
            Ok(call_reader(ctx, reader, st))
        }
    }
}

fn call_reader<'gc>(ctx: Context<'gc>, reader: Value<'gc>, st: Table<'gc>) -> NativeAction<'gc> {
    // lua_load's reader is called with lua_call: no yield inside.
    NativeAction::lua_pcall(
        ctx,
        reader,
        Continuation {
            func: reader_returned,
            data: Value::Table(st),
        },
    )
}

fn reader_returned<'gc>(
    ctx: Context<'gc>,
    data: Value<'gc>,
    status: CallStatus<'gc>,
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let Value::Table(st) = data else {
        return Err(RuntimeError::msg("load: lost its state"));
    };
    if let CallStatus::Err(e) = status {
        stack.replace(&[Value::Nil, e]);
        return Ok(NativeAction::Return);
    }
    let piece = match stack.get(0) {
        Value::Nil => None,
        Value::String(s) if s.is_empty() => None,
        Value::String(s) => Some(Value::String(s)),
        v @ (Value::Integer(_) | Value::Number(_)) => Some(Value::String(
            ctx.new_string(number_to_string(v).as_bytes())?,
        )),
        _ => {
            // lua5.4 raises this inside the reader loop and `load` returns it.
            let msg = ctx.new_string(b"reader function must return a string")?;
            stack.replace(&[Value::Nil, Value::String(msg)]);
            return Ok(NativeAction::Return);
        }
    };
    let count = match st.get_int(ctx, SLOT_COUNT) {
        Value::Integer(n) => n,
        _ => 0,
    };
    if let Some(piece) = piece {
        st.set_int(ctx, FIRST_PIECE + count, piece)?;
        st.set_int(ctx, SLOT_COUNT, Value::Integer(count + 1))?;
        stack.clear();
        return Ok(call_reader(ctx, st.get_int(ctx, SLOT_READER), st));
    }
    let mut source = Vec::new();
    for i in 0..count {
        if let Value::String(s) = st.get_int(ctx, FIRST_PIECE + i) {
            ctx.reserve(s.len())?;
            source.extend_from_slice(s.as_bytes());
        }
    }
    let text = |slot| match st.get_int(ctx, slot) {
        Value::String(s) => s.as_bytes().to_vec(),
        _ => Vec::new(),
    };
    let name = String::from_utf8_lossy(&text(SLOT_NAME)).into_owned();
    let mode = text(SLOT_MODE);
    let env = st
        .get_int(ctx, SLOT_HAS_ENV)
        .is_truthy()
        .then(|| st.get_int(ctx, SLOT_ENV));
    finish(ctx, stack, &source, &name, &mode, env)
}

/// Compiles `source` and leaves `f` or `nil, message` in the window.
fn finish<'gc>(
    ctx: Context<'gc>,
    stack: &mut NativeStack<'gc, '_>,
    source: &[u8],
    name: &str,
    mode: &[u8],
    env: Option<Value<'gc>>,
) -> R<'gc> {
    // Compiling costs about as much as running a few instructions per source byte.
    ctx.state
        .fuel
        .set(ctx.state.fuel.get() - (source.len() / 4) as i64);
    let result = match check_mode(source, name, mode) {
        Err(msg) => Err(msg),
        Ok(()) => crate::load::load_chunk(ctx, source, name, env).map_err(|e| e.message),
    };
    match result {
        Ok(f) => stack.replace(&[Value::from(f)]),
        Err(msg) => {
            let msg = ctx.new_string(msg.as_bytes())?;
            stack.replace(&[Value::Nil, Value::String(msg)]);
        }
    }
    Ok(NativeAction::Return)
}

/// Whether the chunk's kind (text or binary) is allowed by `mode`, with lua5.4's messages.
fn check_mode(source: &[u8], name: &str, mode: &[u8]) -> Result<(), String> {
    let binary = source.first() == Some(&BINARY_MARK);
    let (kind, letter) = if binary {
        ("binary", b'b')
    } else {
        ("text", b't')
    };
    if !mode.contains(&letter) {
        return Err(format!(
            "attempt to load a {kind} chunk (mode is '{}')",
            String::from_utf8_lossy(mode)
        ));
    }
    if binary {
        // How lua5.4's undump names the chunk in its messages.
        let shown = if let Some(rest) = name.strip_prefix(['@', '=']) {
            rest
        } else if name.as_bytes().first() == Some(&BINARY_MARK) {
            "binary string"
        } else {
            name
        };
        return Err(format!(
            "{shown}: bad binary format (precompiled chunks are not supported)"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check_mode;

    #[test]
    fn modes_as_lua54_words_them() {
        assert_eq!(check_mode(b"x=1", "x", b"bt"), Ok(()));
        assert_eq!(
            check_mode(b"x=1", "x", b"b"),
            Err("attempt to load a text chunk (mode is 'b')".to_string())
        );
        assert_eq!(
            check_mode(b"\x1bLua", "\x1bLua", b"t"),
            Err("attempt to load a binary chunk (mode is 't')".to_string())
        );
        assert!(check_mode(b"\x1bLua", "\x1bLua", b"bt")
            .is_err_and(|m| m.starts_with("binary string: bad binary format")));
        assert!(check_mode(b"\x1bLua", "=x", b"b")
            .is_err_and(|m| m.starts_with("x: bad binary format")));
    }
}
