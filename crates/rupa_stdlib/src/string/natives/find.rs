//! `string.find`, `string.match` and `string.gmatch`: positions and captures as Lua values.
//! The `gmatch` iterator keeps its subject, pattern and search state in its closure.

use rupa_vm::baselib::args::{check_string, opt_integer};
use rupa_vm::function::Function;
use rupa_vm::native::{NativeAction, NativeStack};
use rupa_vm::{Context, LuaString, RuntimeError, Value};

use super::{capture_value, charge_steps, new_state, pattern_budget, pattern_error, with_state, R};
use crate::string::pattern::{self, GMatch, Match};
use crate::string::start_index;

/// `string.find(s, pattern [, init [, plain]])`.
pub fn find<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    search(ctx, stack, true)
}

/// `string.match(s, pattern [, init])`.
pub fn match_<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    search(ctx, stack, false)
}

/// The common part of `find` and `match` (lua5.4's `str_find_aux`).
fn search<'gc>(ctx: Context<'gc>, stack: &mut NativeStack<'gc, '_>, is_find: bool) -> R<'gc> {
    let s = check_string(ctx, stack, 0)?;
    let p = check_string(ctx, stack, 1)?;
    let init = start_index(opt_integer(ctx, stack, 2, 1)?, s.len()) - 1;
    if init > s.len() {
        stack.replace(&[Value::Nil]);
        return Ok(NativeAction::Return);
    }
    let plain = is_find && stack.get(3).is_truthy();
    let start = pattern_budget(s.len());
    let mut budget = start;
    let found = if is_find {
        pattern::find_any(s.as_bytes(), p.as_bytes(), init, plain, &mut budget)
    } else {
        pattern::find(s.as_bytes(), p.as_bytes(), init, &mut budget)
    };
    charge_steps(ctx, &start, &budget);
    let Some(m) = found.map_err(pattern_error)? else {
        stack.replace(&[Value::Nil]);
        return Ok(NativeAction::Return);
    };
    stack.clear();
    if is_find {
        stack.push(Value::Integer(m.start as i64 + 1));
        stack.push(Value::Integer(m.end as i64));
    }
    push_captures(ctx, stack, s, &m, !is_find)
}

/// Pushes the captures of `m` (or the whole match, with `whole_if_none` and no captures).
pub(super) fn push_captures<'gc>(
    ctx: Context<'gc>,
    stack: &mut NativeStack<'gc, '_>,
    s: LuaString<'gc>,
    m: &Match,
    whole_if_none: bool,
) -> R<'gc> {
    // Index by index rather than through `Match::captures`, which builds a vector.
    let n = match m.capture_count() {
        0 if whole_if_none => 1,
        n => n,
    };
    for i in 0..n {
        let c = m.capture(i).map_err(pattern_error)?;
        stack.push(capture_value(ctx, s, c)?);
    }
    Ok(NativeAction::Return)
}

/// `string.gmatch(s, pattern [, init])`: an iterator over the matches. Pattern errors
/// surface when it is called, as in lua5.4.
pub fn gmatch<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let s = check_string(ctx, stack, 0)?;
    let p = check_string(ctx, stack, 1)?;
    // Past the end, lua5.4 starts at `len + 1`, where nothing can match.
    let init = (start_index(opt_integer(ctx, stack, 2, 1)?, s.len()) - 1).min(s.len() + 1);
    let state = new_state(ctx, GMatch::new(init));
    let iter = Function::new_native(
        ctx.mc,
        "gmatch_aux",
        gmatch_aux,
        Box::new([Value::String(s), Value::String(p), state]),
    );
    stack.replace(&[Value::from(iter)]);
    Ok(NativeAction::Return)
}

/// One step of a `gmatch` iterator: upvalues are the subject, the pattern and the state.
fn gmatch_aux<'gc>(
    ctx: Context<'gc>,
    upvalues: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let (Some(&Value::String(s)), Some(&Value::String(p)), Some(&state)) =
        (upvalues.first(), upvalues.get(1), upvalues.get(2))
    else {
        return Err(RuntimeError::msg("gmatch: lost its state"));
    };
    let start = pattern_budget(s.len());
    let mut budget = start;
    let found = with_state(state, |g: &mut GMatch| {
        g.next_match(s.as_bytes(), p.as_bytes(), &mut budget)
    })?;
    charge_steps(ctx, &start, &budget);
    stack.clear();
    match found.map_err(pattern_error)? {
        Some(m) => push_captures(ctx, stack, s, &m, true),
        // lua5.4 returns no values at all (not nil) once the matches are exhausted.
        None => Ok(NativeAction::Return),
    }
}
