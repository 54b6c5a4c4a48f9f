//! `warn` (Lua 5.4's warning system, as `lauxlib`'s `warnf` implements it for the standalone
//! interpreter): warnings start off; the control messages `"@on"` and `"@off"` switch them;
//! when on, `warn(a, b, ...)` writes `Lua warning: ab...` and a newline to the host's stderr.

use rupa_vm::baselib::args::check_string;
use rupa_vm::baselib::set_native;
use rupa_vm::native::{NativeAction, NativeStack};
use rupa_vm::{Context, RuntimeError, Table, Value};

use crate::host::{with_host, StdStream};

/// Installs `warn` in the globals, with warnings off (as `lua5.4` starts them).
pub fn load_warn(ctx: Context<'_>) -> Result<(), RuntimeError<'_>> {
    // The switch lives in a table upvalue, so the native stays a plain function pointer.
    let state = Table::new(ctx.mc);
    set_native(
        ctx,
        ctx.state.globals,
        "warn",
        warn,
        Box::new([Value::Table(state)]),
    )
}

/// Turns warnings on, as `lua5.4 -W` does.
pub fn warnings_on(ctx: Context<'_>) -> Result<(), RuntimeError<'_>> {
    let f = ctx.state.globals.get_str(ctx, ctx.new_string(b"warn")?);
    if let Some(f) = f.as_function() {
        if let Some(Value::Table(t)) = f.native_upvalues().first() {
            t.set_int(ctx, 1, Value::Boolean(true))?;
        }
    }
    Ok(())
}

fn warn<'gc>(
    ctx: Context<'gc>,
    upvalues: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> Result<NativeAction<'gc>, RuntimeError<'gc>> {
    // Every argument must be a string (numbers convert), the first one included.
    let n = stack.len().max(1);
    let mut message = Vec::new();
    for i in 0..n {
        message.extend_from_slice(check_string(ctx, stack, i)?.as_bytes());
    }
    let Some(Value::Table(switch)) = upvalues.first().copied() else {
        return Err(RuntimeError::msg("warn: missing state"));
    };
    if n == 1 && message.first() == Some(&b'@') {
        // A control message; unknown ones are ignored.
        match &message[1..] {
            b"on" => switch.set_int(ctx, 1, Value::Boolean(true))?,
            b"off" => switch.set_int(ctx, 1, Value::Boolean(false))?,
            _ => {}
        }
    } else if switch.get_int(ctx, 1).is_truthy() {
        let mut line = b"Lua warning: ".to_vec();
        line.extend_from_slice(&message);
        line.push(b'\n');
        with_host(ctx, |host| {
            // stdout first, so the warning lands after what the script printed before it.
            if let Ok(out) = host.std_stream(StdStream::Stdout) {
                let _ = out.borrow_mut().flush();
            }
            if let Ok(err) = host.std_stream(StdStream::Stderr) {
                let mut err = err.borrow_mut();
                let _ = err.write(&line);
                let _ = err.flush();
            }
        });
    }
    stack.clear();
    Ok(NativeAction::Return)
}
