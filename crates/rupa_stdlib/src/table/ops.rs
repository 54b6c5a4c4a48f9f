//! The state machines of `insert`, `remove`, `move`, `concat` and `unpack`, step for step in
//! 5.4's order of reads, writes and argument checks (the order is visible through
//! metamethods and decides which error wins).
//!
//! Register use is listed per function; `pc` values are the points where a machine may wait.

use rupa_vm::baselib::args::{arg_error, type_name_of};
use rupa_vm::native::NativeStack;
use rupa_vm::{Context, RuntimeError, Value};

use super::machine::{equal, geti, len, len_to_int, seti, Machine, Step};
use crate::access;

type S<'gc> = Result<Step<'gc>, RuntimeError<'gc>>;

/// `luaL_checkinteger` on a value already taken from the window (argument `i`, 0-based).
pub fn int_arg<'gc>(ctx: Context<'gc>, v: Value<'gc>, i: usize) -> Result<i64, RuntimeError<'gc>> {
    match rupa_vm::arith::tonumber_value(v) {
        Some(Value::Integer(n)) => Ok(n),
        Some(Value::Number(f)) => rupa_vm::number::float_to_int(f)
            .ok_or_else(|| arg_error(i, "number has no integer representation")),
        _ => Err(arg_error(
            i,
            format!("number expected, got {}", type_name_of(ctx, v)),
        )),
    }
}

/// `luaL_optinteger` on a value taken from the window.
pub fn opt_int_arg<'gc>(
    ctx: Context<'gc>,
    v: Value<'gc>,
    i: usize,
    default: i64,
) -> Result<i64, RuntimeError<'gc>> {
    if v.is_nil() {
        Ok(default)
    } else {
        int_arg(ctx, v, i)
    }
}

/// `insert(t, [pos,] v)`. v0 = t, v1/v2 = arguments 2/3, v3 = moved value;
/// n0 = argument count, n1 = first empty slot, n2 = pos, n3 = i.
pub fn run_insert<'gc>(
    ctx: Context<'gc>,
    m: &mut Machine<'gc>,
    mut input: Option<Value<'gc>>,
    stack: &mut NativeStack<'gc, '_>,
) -> S<'gc> {
    let t = m.v[0];
    loop {
        match m.s.pc {
            0 => {
                let l = access!(input, len(ctx, t));
                let e = len_to_int(l)?.wrapping_add(1);
                m.s.n[1] = e;
                match m.s.n[0] {
                    2 => {
                        m.s.n[2] = e;
                        m.v[2] = m.v[1];
                        m.s.pc = 3;
                    }
                    3 => {
                        let pos = int_arg(ctx, m.v[1], 1)?;
                        if (pos as u64).wrapping_sub(1) >= e as u64 {
                            return Err(arg_error(1, "position out of bounds"));
                        }
                        m.s.n[2] = pos;
                        m.s.n[3] = e;
                        m.s.pc = if e > pos { 1 } else { 3 };
                    }
                    _ => return Err(RuntimeError::msg("wrong number of arguments to 'insert'")),
                }
            }
            1 => {
                m.v[3] = access!(input, geti(ctx, t, m.s.n[3] - 1));
                m.s.pc = 2;
            }
            2 => {
                let i = m.s.n[3];
                access!(input, seti(ctx, t, i, m.v[3]));
                m.s.n[3] = i - 1;
                m.s.pc = if i - 1 > m.s.n[2] { 1 } else { 3 };
            }
            _ => {
                access!(input, seti(ctx, t, m.s.n[2], m.v[2]));
                stack.clear();
                return Ok(Step::Done);
            }
        }
    }
}

/// `remove(t [, pos])`. v0 = t, v1 = argument 2, v2 = result, v3 = moved value;
/// n1 = size, n2 = pos.
pub fn run_remove<'gc>(
    ctx: Context<'gc>,
    m: &mut Machine<'gc>,
    mut input: Option<Value<'gc>>,
    stack: &mut NativeStack<'gc, '_>,
) -> S<'gc> {
    let t = m.v[0];
    loop {
        match m.s.pc {
            0 => {
                let l = access!(input, len(ctx, t));
                let size = len_to_int(l)?;
                let pos = opt_int_arg(ctx, m.v[1], 1, size)?;
                // 5.4 reports this one against argument #1.
                if pos != size && (pos as u64).wrapping_sub(1) > size as u64 {
                    return Err(arg_error(0, "position out of bounds"));
                }
                m.s.n[1] = size;
                m.s.n[2] = pos;
                m.s.pc = 1;
            }
            1 => {
                m.v[2] = access!(input, geti(ctx, t, m.s.n[2]));
                m.s.pc = if m.s.n[2] < m.s.n[1] { 2 } else { 4 };
            }
            2 => {
                m.v[3] = access!(input, geti(ctx, t, m.s.n[2] + 1));
                m.s.pc = 3;
            }
            3 => {
                let pos = m.s.n[2];
                access!(input, seti(ctx, t, pos, m.v[3]));
                m.s.n[2] = pos + 1;
                m.s.pc = if pos + 1 < m.s.n[1] { 2 } else { 4 };
            }
            _ => {
                access!(input, seti(ctx, t, m.s.n[2], Value::Nil));
                stack.replace(&[m.v[2]]);
                return Ok(Step::Done);
            }
        }
    }
}

/// `move(a1, f, e, t [, a2])`. v0 = a1, v1 = destination, v2 = moved value;
/// n1 = f, n2 = e, n3 = t, n4 = count, n5 = i, n6 = 1 when moving backwards,
/// n7 = 1 when a destination argument was given.
pub fn run_move<'gc>(
    ctx: Context<'gc>,
    m: &mut Machine<'gc>,
    mut input: Option<Value<'gc>>,
    stack: &mut NativeStack<'gc, '_>,
) -> S<'gc> {
    let (a1, tt) = (m.v[0], m.v[1]);
    let (f, e, t) = (m.s.n[1], m.s.n[2], m.s.n[3]);
    loop {
        match m.s.pc {
            0 => {
                if e < f {
                    stack.replace(&[tt]);
                    return Ok(Step::Done);
                }
                if !(f > 0 || e < i64::MAX.wrapping_add(f)) {
                    return Err(arg_error(2, "too many elements to move"));
                }
                let n = e - f + 1;
                if t > i64::MAX - n + 1 {
                    return Err(arg_error(3, "destination wrap around"));
                }
                m.s.n[4] = n;
                let forward = if t > e || t <= f {
                    true
                } else if m.s.n[7] == 1 {
                    !access!(input, equal(ctx, a1, tt)).is_truthy()
                } else {
                    false
                };
                m.s.n[6] = i64::from(!forward);
                m.s.n[5] = if forward { 0 } else { n - 1 };
                m.s.pc = 1;
            }
            1 => {
                m.v[2] = access!(input, geti(ctx, a1, f + m.s.n[5]));
                m.s.pc = 2;
            }
            _ => {
                let i = m.s.n[5];
                access!(input, seti(ctx, tt, t + i, m.v[2]));
                let next = if m.s.n[6] == 1 { i - 1 } else { i + 1 };
                if next < 0 || next >= m.s.n[4] {
                    stack.replace(&[tt]);
                    return Ok(Step::Done);
                }
                m.s.n[5] = next;
                m.s.pc = 1;
            }
        }
    }
}

/// `concat(t [, sep [, i [, j]]])`. v0 = t, v1 = sep, v2/v3 = arguments 3/4;
/// n1 = i, n2 = last; the text so far is in the scratch buffer.
pub fn run_concat<'gc>(
    ctx: Context<'gc>,
    m: &mut Machine<'gc>,
    mut input: Option<Value<'gc>>,
    stack: &mut NativeStack<'gc, '_>,
) -> S<'gc> {
    let t = m.v[0];
    loop {
        match m.s.pc {
            0 => {
                let l = access!(input, len(ctx, t));
                let last = len_to_int(l)?;
                m.v[1] = match m.v[1] {
                    Value::Nil => Value::String(ctx.new_string(b"")?),
                    v @ Value::String(_) => v,
                    v @ (Value::Integer(_) | Value::Number(_)) => {
                        Value::String(ctx.new_string(number_text(v).as_bytes())?)
                    }
                    v => {
                        return Err(arg_error(
                            1,
                            format!("string expected, got {}", type_name_of(ctx, v)),
                        ))
                    }
                };
                m.s.n[1] = opt_int_arg(ctx, m.v[2], 2, 1)?;
                m.s.n[2] = opt_int_arg(ctx, m.v[3], 3, last)?;
                m.s.pc = 1;
            }
            _ => {
                let (i, last) = (m.s.n[1], m.s.n[2]);
                if i > last {
                    let s = ctx.new_string(&m.s.buf)?;
                    stack.replace(&[Value::String(s)]);
                    return Ok(Step::Done);
                }
                let v = access!(input, geti(ctx, t, i));
                let piece = match v {
                    Value::String(s) => std::borrow::Cow::Borrowed(s.as_bytes()),
                    Value::Integer(_) | Value::Number(_) => {
                        std::borrow::Cow::Owned(number_text(v).into_bytes())
                    }
                    _ => {
                        return Err(RuntimeError::msg(format!(
                            "invalid value ({}) at index {i} in table for 'concat'",
                            v.type_name()
                        )))
                    }
                };
                let sep = match m.v[1] {
                    Value::String(s) if i < last => s.as_bytes(),
                    _ => b"",
                };
                ctx.reserve(m.s.buf.len() + piece.len() + sep.len())?;
                m.s.buf.extend_from_slice(&piece);
                m.s.buf.extend_from_slice(sep);
                if i == last {
                    let s = ctx.new_string(&m.s.buf)?;
                    stack.replace(&[Value::String(s)]);
                    return Ok(Step::Done);
                }
                m.s.n[1] = i + 1;
            }
        }
    }
}

/// `unpack(t [, i [, j]])`. v0 = t; n1 = i, n2 = e, n3 = 1 when e was given.
pub fn run_unpack<'gc>(
    ctx: Context<'gc>,
    m: &mut Machine<'gc>,
    mut input: Option<Value<'gc>>,
    stack: &mut NativeStack<'gc, '_>,
) -> S<'gc> {
    let t = m.v[0];
    loop {
        match m.s.pc {
            0 => {
                if m.s.n[3] == 0 {
                    let l = access!(input, len(ctx, t));
                    m.s.n[2] = len_to_int(l)?;
                }
                let (i, e) = (m.s.n[1], m.s.n[2]);
                if i > e {
                    stack.clear();
                    return Ok(Step::Done);
                }
                let n = (e as u64).wrapping_sub(i as u64);
                if n >= MAX_UNPACK {
                    return Err(RuntimeError::msg("too many results to unpack"));
                }
                ctx.reserve((n as usize + 1) * std::mem::size_of::<Value>())?;
                m.out.reserve(n as usize + 1);
                m.s.pc = 1;
            }
            _ => {
                let i = m.s.n[1];
                let v = access!(input, geti(ctx, t, i));
                m.out.push(v);
                if i == m.s.n[2] {
                    m.emit_out(ctx, stack)?;
                    return Ok(Step::Done);
                }
                m.s.n[1] = i + 1;
            }
        }
    }
}

/// Results `unpack` may return (one less than this): 5.4 stops where its stack (1,000,000
/// slots) could not hold them.
const MAX_UNPACK: u64 = 999_950;

/// A number as `lua_tolstring` writes it.
pub fn number_text(v: Value<'_>) -> String {
    match v {
        Value::Integer(i) => rupa_vm::number::fmt_integer(i),
        Value::Number(f) => rupa_vm::number::fmt_float(f),
        _ => String::new(),
    }
}
