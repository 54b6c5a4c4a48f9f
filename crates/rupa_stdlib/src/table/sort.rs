//! `table.sort`: 5.4's quicksort, comparison for comparison, as a resumable machine.
//!
//! The shape is 5.4's (`ltablib.c`, `auxsort`): order `a[lo]`, `a[mid]`, `a[up]`; use the median
//! as pivot (a pseudo-random one in big intervals once partitions turn out unbalanced); recurse
//! into the smaller part first and loop on the larger. Making the same comparisons in the same
//! order gives the same final order for ties and the same "invalid order function for sorting"
//! detection. The recursion is an explicit frame stack, so comparators run as continuations.

use rupa_vm::native::NativeStack;
use rupa_vm::{Context, RuntimeError, Value};

use rupa_vm::baselib::args::{arg_error, type_name_of};

use super::machine::{charge, geti, len, len_to_int, less, seti, Access, Machine, Step};
use crate::access;

type S<'gc> = Result<Step<'gc>, RuntimeError<'gc>>;

/// Intervals at least this long may use a random pivot (5.4's RANLIMIT).
pub(super) const RANLIMIT: i64 = 100;

// Registers: v0 = t, v1 = comparator (nil: `<`), v2 = a, v3 = b, v4 = pivot value;
// n0 = lo, n1 = up, n2 = p, n3 = i, n4 = j, n5 = rnd.
pub(super) const LOOP: u8 = 0;
const GET_LO: u8 = 1;
const GET_UP: u8 = 2;
pub(super) const CMP_UP_LO: u8 = 3;
const SWAP_LO_UP_1: u8 = 4;
const SWAP_LO_UP_2: u8 = 5;
const CHOOSE: u8 = 6;
const GET_P: u8 = 7;
const GET_LO2: u8 = 8;
pub(super) const CMP_P_LO: u8 = 9;
const SWAP_P_LO_1: u8 = 10;
const SWAP_P_LO_2: u8 = 11;
const GET_UP2: u8 = 12;
pub(super) const CMP_UP_P: u8 = 13;
const SWAP_P_UP_1: u8 = 14;
const SWAP_P_UP_2: u8 = 15;
pub(super) const THREE: u8 = 16;
const PIVOT_GET: u8 = 17;
const PIVOT_GET_UP1: u8 = 18;
const PIVOT_SET_P: u8 = 19;
const PIVOT_SET_UP1: u8 = 20;
const PART_GET_I: u8 = 21;
pub(super) const PART_CMP_I: u8 = 22;
const PART_GET_J: u8 = 23;
pub(super) const PART_CMP_J: u8 = 24;
const PART_END_1: u8 = 25;
const PART_END_2: u8 = 26;
const PART_SWAP_1: u8 = 27;
const PART_SWAP_2: u8 = 28;
pub(super) const POP: u8 = 29;
/// The first step: the length, then the argument checks that depend on it.
pub const START: u8 = 30;

/// `sort_comp`: the comparator's verdict on `a < b`, or `<` with `__lt`.
fn lt<'gc>(
    ctx: Context<'gc>,
    comp: Value<'gc>,
    a: Value<'gc>,
    b: Value<'gc>,
) -> Result<Access<'gc>, RuntimeError<'gc>> {
    if comp.is_nil() {
        less(ctx, a, b)
    } else {
        charge(ctx);
        Ok(Access::Wait(Step::Call {
            func: comp,
            args: [a, b, Value::Nil],
            nargs: 2,
        }))
    }
}

pub(super) fn invalid_order<'gc>() -> RuntimeError<'gc> {
    RuntimeError::msg("invalid order function for sorting")
}

/// Runs the sort machine (started at [`START`] with v0 = t, v1 = comparator).
pub fn run_sort<'gc>(
    ctx: Context<'gc>,
    m: &mut Machine<'gc>,
    mut input: Option<Value<'gc>>,
    stack: &mut NativeStack<'gc, '_>,
) -> S<'gc> {
    let (t, comp) = (m.v[0], m.v[1]);
    loop {
        let [lo, up, p, i, j, _, ..] = m.s.n;
        match m.s.pc {
            START => {
                let l = access!(input, len(ctx, t));
                let n = len_to_int(l)?;
                if n > 1 {
                    if n >= i64::from(i32::MAX) {
                        return Err(arg_error(0, "array too big"));
                    }
                    if !comp.is_nil() && !comp.is_function() {
                        return Err(arg_error(
                            1,
                            format!("function expected, got {}", type_name_of(ctx, comp)),
                        ));
                    }
                }
                m.s.n[0] = 1;
                m.s.n[1] = n;
                m.s.pc = LOOP;
            }
            LOOP => m.s.pc = if lo < up { GET_LO } else { POP },
            GET_LO => {
                m.v[2] = access!(input, geti(ctx, t, lo));
                m.s.pc = GET_UP;
            }
            GET_UP => {
                m.v[3] = access!(input, geti(ctx, t, up));
                m.s.pc = CMP_UP_LO;
            }
            CMP_UP_LO => {
                let r = access!(input, lt(ctx, comp, m.v[3], m.v[2]));
                m.s.pc = if r.is_truthy() { SWAP_LO_UP_1 } else { CHOOSE };
            }
            SWAP_LO_UP_1 => {
                access!(input, seti(ctx, t, lo, m.v[3]));
                m.s.pc = SWAP_LO_UP_2;
            }
            SWAP_LO_UP_2 => {
                access!(input, seti(ctx, t, up, m.v[2]));
                m.s.pc = CHOOSE;
            }
            CHOOSE => {
                if up - lo == 1 {
                    m.s.pc = POP;
                    continue;
                }
                let rnd = m.s.n[5] as u32;
                m.s.n[2] = if up - lo < RANLIMIT || rnd == 0 {
                    (lo + up) / 2
                } else {
                    let r4 = ((up - lo) / 4) as u32;
                    i64::from(rnd % (r4 * 2)) + lo + i64::from(r4)
                };
                m.s.pc = GET_P;
            }
            GET_P => {
                m.v[2] = access!(input, geti(ctx, t, p));
                m.s.pc = GET_LO2;
            }
            GET_LO2 => {
                m.v[3] = access!(input, geti(ctx, t, lo));
                m.s.pc = CMP_P_LO;
            }
            CMP_P_LO => {
                let r = access!(input, lt(ctx, comp, m.v[2], m.v[3]));
                m.s.pc = if r.is_truthy() { SWAP_P_LO_1 } else { GET_UP2 };
            }
            SWAP_P_LO_1 => {
                access!(input, seti(ctx, t, p, m.v[3]));
                m.s.pc = SWAP_P_LO_2;
            }
            SWAP_P_LO_2 => {
                access!(input, seti(ctx, t, lo, m.v[2]));
                m.s.pc = THREE;
            }
            GET_UP2 => {
                m.v[3] = access!(input, geti(ctx, t, up));
                m.s.pc = CMP_UP_P;
            }
            CMP_UP_P => {
                let r = access!(input, lt(ctx, comp, m.v[3], m.v[2]));
                m.s.pc = if r.is_truthy() { SWAP_P_UP_1 } else { THREE };
            }
            SWAP_P_UP_1 => {
                access!(input, seti(ctx, t, p, m.v[3]));
                m.s.pc = SWAP_P_UP_2;
            }
            SWAP_P_UP_2 => {
                access!(input, seti(ctx, t, up, m.v[2]));
                m.s.pc = THREE;
            }
            THREE => m.s.pc = if up - lo == 2 { POP } else { PIVOT_GET },
            PIVOT_GET => {
                m.v[4] = access!(input, geti(ctx, t, p));
                m.s.pc = PIVOT_GET_UP1;
            }
            PIVOT_GET_UP1 => {
                m.v[3] = access!(input, geti(ctx, t, up - 1));
                m.s.pc = PIVOT_SET_P;
            }
            PIVOT_SET_P => {
                access!(input, seti(ctx, t, p, m.v[3]));
                m.s.pc = PIVOT_SET_UP1;
            }
            PIVOT_SET_UP1 => {
                access!(input, seti(ctx, t, up - 1, m.v[4]));
                m.s.n[3] = lo + 1;
                m.s.n[4] = up - 1;
                m.s.pc = PART_GET_I;
            }
            PART_GET_I => {
                m.v[2] = access!(input, geti(ctx, t, i));
                m.s.pc = PART_CMP_I;
            }
            PART_CMP_I => {
                let r = access!(input, lt(ctx, comp, m.v[2], m.v[4]));
                if r.is_truthy() {
                    if i == up - 1 {
                        return Err(invalid_order());
                    }
                    m.s.n[3] = i + 1;
                    m.s.pc = PART_GET_I;
                } else {
                    m.s.n[4] = j - 1;
                    m.s.pc = PART_GET_J;
                }
            }
            PART_GET_J => {
                m.v[3] = access!(input, geti(ctx, t, j));
                m.s.pc = PART_CMP_J;
            }
            PART_CMP_J => {
                let r = access!(input, lt(ctx, comp, m.v[4], m.v[3]));
                if r.is_truthy() {
                    if j < i {
                        return Err(invalid_order());
                    }
                    m.s.n[4] = j - 1;
                    m.s.pc = PART_GET_J;
                } else if j < i {
                    m.s.pc = PART_END_1;
                } else {
                    m.s.pc = PART_SWAP_1;
                }
            }
            PART_END_1 => {
                access!(input, seti(ctx, t, up - 1, m.v[2]));
                m.s.pc = PART_END_2;
            }
            PART_END_2 => {
                access!(input, seti(ctx, t, i, m.v[4]));
                let p = i;
                let rnd = m.s.n[5];
                // The smaller part now, the larger one when it is done (5.4 recurses into the
                // smaller one and loops on the larger).
                if p - lo < up - p {
                    m.s.frames.push([p + 1, up, p - lo, rnd]);
                    m.s.n[1] = p - 1;
                } else {
                    m.s.frames.push([lo, p - 1, up - p, rnd]);
                    m.s.n[0] = p + 1;
                }
                m.v[2] = Value::Nil;
                m.v[3] = Value::Nil;
                m.v[4] = Value::Nil;
                m.s.pc = LOOP;
            }
            PART_SWAP_1 => {
                access!(input, seti(ctx, t, i, m.v[3]));
                m.s.pc = PART_SWAP_2;
            }
            PART_SWAP_2 => {
                access!(input, seti(ctx, t, j, m.v[2]));
                m.s.n[3] = i + 1;
                m.s.pc = PART_GET_I;
            }
            _ => {
                let Some([lo, up, n, rnd]) = m.s.frames.pop() else {
                    stack.clear();
                    return Ok(Step::Done);
                };
                m.s.n[0] = lo;
                m.s.n[1] = up;
                m.s.n[5] = rnd;
                if (up - lo) / 128 > n {
                    m.s.n[5] = i64::from(random_key());
                }
                m.s.pc = LOOP;
            }
        }
    }
}

/// A fresh pivot seed (5.4 mixes the clock and the time; rupa_stdlib has no clock, so the
/// address of a new allocation and a counter stand in).
pub(super) fn random_key() -> u32 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0x9e37_79b9_7f4a_7c15);
    let probe = Box::new(0u8);
    let addr = &*probe as *const u8 as usize as u64;
    let mut x = COUNTER.fetch_add(0x9e37_79b9_7f4a_7c15, Ordering::Relaxed) ^ addr;
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^= x >> 31;
    x as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_keys_vary() {
        let a = random_key();
        let b = random_key();
        assert_ne!(a, b);
    }
}
