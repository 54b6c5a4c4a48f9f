//! `debug.sethook` and `debug.gethook`: a thread's hook function, event mask and count, kept
//! in the thread's state where the VM's executor looks for it (`rupa_vm::hook`).

use rupa_vm::baselib::args::{check_string, opt_integer, type_error};
use rupa_vm::hook::Hook;
use rupa_vm::native::{NativeAction, NativeStack};
use rupa_vm::{Context, RuntimeError, Value};

use super::get_thread;

type R<'gc> = Result<NativeAction<'gc>, RuntimeError<'gc>>;

/// `debug.sethook([thread,] hook, mask [, count])`; no hook (or an empty mask and no count)
/// turns hooks off.
pub fn sethook<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let (thread, a) = get_thread(stack);
    let thread = thread.unwrap_or(stack.thread);
    let hook = if stack.get(a).is_nil() {
        None
    } else {
        let smask = check_string(ctx, stack, a + 1)?;
        let func = stack.get(a);
        if !func.is_function() {
            return Err(type_error(ctx, stack, a, "function"));
        }
        let count = opt_integer(ctx, stack, a + 2, 0)?;
        let mask: String = ['c', 'r', 'l']
            .into_iter()
            .filter(|c| smask.as_bytes().contains(&(*c as u8)))
            .collect();
        // lua5.4 keeps the count in an int; a count that is not positive asks for no events.
        let count = u32::try_from(count.clamp(0, i64::from(i32::MAX))).unwrap_or(0);
        if mask.is_empty() && count == 0 {
            None
        } else {
            Some((func, mask, count))
        }
    };
    if let Ok(mut ts) = thread.0.try_borrow_mut(ctx.mc) {
        ts.hook =
            hook.map(|(func, mask, count)| Box::new(Hook::new(func, mask, count, &ts.frames)));
    }
    stack.clear();
    Ok(NativeAction::Return)
}

/// `debug.gethook([thread])`: the hook function, its mask and its count, or fail.
pub fn gethook<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let (thread, _) = get_thread(stack);
    let thread = thread.unwrap_or(stack.thread);
    let hook = thread
        .0
        .try_borrow()
        .ok()
        .and_then(|ts| ts.hook.as_ref().map(|h| (h.func, h.mask.clone(), h.count)));
    match hook {
        Some((func, mask, count)) => {
            let mask = Value::String(ctx.new_string(mask.as_bytes())?);
            stack.replace(&[func, mask, Value::Integer(i64::from(count))]);
        }
        None => stack.replace(&[Value::Nil]),
    }
    Ok(NativeAction::Return)
}
