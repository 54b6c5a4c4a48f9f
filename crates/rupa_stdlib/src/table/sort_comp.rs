//! `table.sort` with a comparator function on a table without a metatable: the sort machine
//! of `sort.rs` resumed in place. Between two comparator calls no Lua code runs, so nothing
//! can give the table a metatable: plain reads and writes are exact there, and the machine
//! can go straight from one comparison to the next, with its registers left in the window
//! and its scratch borrowed in its userdata, never rebuilt or moved.
//!
//! It runs the same comparisons and writes, in the same order, leaving the same registers at
//! each comparison as `run_sort` does, so either may take over from the other at any
//! comparison: whenever the table has a metatable (a comparator may set one) or the machine
//! waits anywhere but at a comparison, the general machine resumes instead.

use rupa_vm::native::{CallStatus, Continuation, NativeAction, NativeStack};
use rupa_vm::{Context, RuntimeError, Table, Value};

use super::machine::{self, charge, lost, Scratch, ScratchCell, KEPT, NVALS};
use super::sort::{
    invalid_order, random_key, CMP_P_LO, CMP_UP_LO, CMP_UP_P, LOOP, PART_CMP_I, PART_CMP_J, POP,
    RANLIMIT, THREE,
};

type R<'gc> = Result<NativeAction<'gc>, RuntimeError<'gc>>;

/// The continuation of a sort's comparator call (data: the scratch userdata).
pub fn resume_sort<'gc>(
    ctx: Context<'gc>,
    data: Value<'gc>,
    status: CallStatus<'gc>,
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let w = stack.as_slice();
    let fast = match (&status, w.first(), w.get(1), data) {
        (
            CallStatus::Ok,
            Some(&Value::Table(t)),
            Some(&comp @ (Value::Closure(_) | Value::LightFunction(_))),
            Value::UserData(ud),
        ) if w.len() >= KEPT && t.metatable().is_none() => Some((t, comp, ud)),
        _ => None,
    };
    let Some((t, comp, ud)) = fast else {
        return machine::resume(ctx, data, status, stack);
    };
    let Some(cell) = ud.0.data.downcast_ref::<ScratchCell>() else {
        return Err(lost());
    };
    let mut guard = cell.borrow_mut();
    let Some(s) = guard.as_mut() else {
        return Err(lost());
    };
    if !matches!(
        s.pc,
        CMP_UP_LO | CMP_P_LO | CMP_UP_P | PART_CMP_I | PART_CMP_J
    ) {
        drop(guard);
        return machine::resume(ctx, data, CallStatus::Ok, stack);
    }
    let verdict = stack.get(KEPT).is_truthy();
    stack.truncate(KEPT);
    let regs = &mut stack.as_mut_slice()[..NVALS];
    match run(ctx, s, t, regs, verdict)? {
        Some((a, b)) => {
            stack.extend_from_slice(&[comp, a, b]);
            // Comparators are called with lua_call: they may not yield.
            Ok(NativeAction::lua_call_keep(
                ctx,
                KEPT,
                Continuation {
                    func: resume_sort,
                    data,
                },
            ))
        }
        None => {
            stack.clear();
            Ok(NativeAction::Return)
        }
    }
}

/// Feeds the comparison the machine waits at with `verdict` and runs to the next one: the
/// pair to compare, or `None` when the sort is done.
fn run<'gc>(
    ctx: Context<'gc>,
    s: &mut Scratch,
    t: Table<'gc>,
    r: &mut [Value<'gc>],
    verdict: bool,
) -> Result<Option<(Value<'gc>, Value<'gc>)>, RuntimeError<'gc>> {
    let get = |i: i64| {
        charge(ctx);
        t.get_int(ctx, i)
    };
    let set = |i: i64, v: Value<'gc>| {
        charge(ctx);
        t.set_int(ctx, i, v)
    };
    let [mut lo, mut up, mut p, mut i, mut j, mut rnd, ..] = s.n;
    let mut pc = s.pc;
    let mut verdict = Some(verdict);
    // Stops at a comparison: the machine's state as `run_sort` leaves it there.
    macro_rules! compare {
        ($at:expr, $a:expr, $b:expr) => {{
            s.n[..6].copy_from_slice(&[lo, up, p, i, j, rnd]);
            s.pc = $at;
            charge(ctx);
            return Ok(Some(($a, $b)));
        }};
    }
    loop {
        match pc {
            CMP_UP_LO => {
                if verdict.take().unwrap_or(false) {
                    set(lo, r[3])?;
                    set(up, r[2])?;
                }
                if up - lo == 1 {
                    pc = POP;
                    continue;
                }
                p = if up - lo < RANLIMIT || rnd as u32 == 0 {
                    (lo + up) / 2
                } else {
                    let r4 = ((up - lo) / 4) as u32;
                    i64::from(rnd as u32 % (r4 * 2)) + lo + i64::from(r4)
                };
                r[2] = get(p);
                r[3] = get(lo);
                compare!(CMP_P_LO, r[2], r[3]);
            }
            CMP_P_LO => {
                if verdict.take().unwrap_or(false) {
                    set(p, r[3])?;
                    set(lo, r[2])?;
                } else {
                    r[3] = get(up);
                    compare!(CMP_UP_P, r[3], r[2]);
                }
                pc = THREE;
            }
            CMP_UP_P => {
                if verdict.take().unwrap_or(false) {
                    set(p, r[3])?;
                    set(up, r[2])?;
                }
                pc = THREE;
            }
            THREE => {
                if up - lo == 2 {
                    pc = POP;
                    continue;
                }
                // The pivot goes to up - 1; partition lo + 1 .. up - 2 around it.
                r[4] = get(p);
                r[3] = get(up - 1);
                set(p, r[3])?;
                set(up - 1, r[4])?;
                (i, j) = (lo + 1, up - 1);
                r[2] = get(i);
                compare!(PART_CMP_I, r[2], r[4]);
            }
            PART_CMP_I => {
                if verdict.take().unwrap_or(false) {
                    if i == up - 1 {
                        return Err(invalid_order());
                    }
                    i += 1;
                    r[2] = get(i);
                    compare!(PART_CMP_I, r[2], r[4]);
                }
                j -= 1;
                r[3] = get(j);
                compare!(PART_CMP_J, r[4], r[3]);
            }
            PART_CMP_J => {
                if verdict.take().unwrap_or(false) {
                    if j < i {
                        return Err(invalid_order());
                    }
                    j -= 1;
                    r[3] = get(j);
                    compare!(PART_CMP_J, r[4], r[3]);
                }
                if j < i {
                    set(up - 1, r[2])?;
                    set(i, r[4])?;
                    // The smaller part now, the larger one when it is done.
                    let p = i;
                    if p - lo < up - p {
                        s.frames.push([p + 1, up, p - lo, rnd]);
                        up = p - 1;
                    } else {
                        s.frames.push([lo, p - 1, up - p, rnd]);
                        lo = p + 1;
                    }
                    r[2] = Value::Nil;
                    r[3] = Value::Nil;
                    r[4] = Value::Nil;
                    pc = LOOP;
                    continue;
                }
                set(i, r[3])?;
                set(j, r[2])?;
                i += 1;
                r[2] = get(i);
                compare!(PART_CMP_I, r[2], r[4]);
            }
            LOOP => {
                if lo < up {
                    r[2] = get(lo);
                    r[3] = get(up);
                    compare!(CMP_UP_LO, r[3], r[2]);
                }
                pc = POP;
            }
            _ => {
                let Some([l, u, n, rn]) = s.frames.pop() else {
                    s.pc = POP;
                    return Ok(None);
                };
                (lo, up, rnd) = (l, u, rn);
                if (up - lo) / 128 > n {
                    rnd = i64::from(random_key());
                }
                pc = LOOP;
            }
        }
    }
}
