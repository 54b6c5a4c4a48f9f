//! `table.sort`'s fast path: a table without a metatable, no comparator, and elements that are
//! all numbers or all strings. Then no comparison can call Lua or fail, so the elements are
//! copied out, sorted by 5.4's quicksort directly (the same comparisons in the same order as
//! the resumable machine in `sort.rs`, hence the same order for ties and the same "invalid
//! order function" detection with NaNs), and written back, also when that error stops the
//! sort half-way, so the table ends exactly as the machine would leave it.

use rupa_vm::metaops::{self, Meta};
use rupa_vm::{Context, RuntimeError, Table, Value};

use super::machine::charge;
use super::sort::{random_key, RANLIMIT};

/// Sorts `t` here if the fast path applies; false (nothing done) otherwise.
pub fn try_sort_plain<'gc>(
    ctx: Context<'gc>,
    t: Value<'gc>,
    comp: Value<'gc>,
) -> Result<bool, RuntimeError<'gc>> {
    let Value::Table(t) = t else {
        return Ok(false);
    };
    if !comp.is_nil() || t.metatable().is_some() {
        return Ok(false);
    }
    let n = t.length();
    if !(2..i64::from(i32::MAX)).contains(&n) {
        return Ok(false);
    }
    let Some(mut a) = gather(ctx, t, n)? else {
        return Ok(false);
    };
    let r = quicksort(ctx, &mut a);
    for (k, v) in a.into_iter().enumerate() {
        t.set_int(ctx, k as i64 + 1, v)?;
    }
    r.map(|()| true)
}

/// `t[1..=n]` when they are all numbers or all strings.
fn gather<'gc>(
    ctx: Context<'gc>,
    t: Table<'gc>,
    n: i64,
) -> Result<Option<Vec<Value<'gc>>>, RuntimeError<'gc>> {
    let len = usize::try_from(n).unwrap_or(usize::MAX);
    ctx.reserve(len.saturating_mul(std::mem::size_of::<Value>()))?;
    let mut a = Vec::with_capacity(len);
    let (mut numbers, mut strings) = (true, true);
    for i in 1..=n {
        let v = t.get_int(ctx, i);
        numbers &= matches!(v, Value::Integer(_) | Value::Number(_));
        strings &= matches!(v, Value::String(_));
        if !numbers && !strings {
            return Ok(None);
        }
        a.push(v);
    }
    Ok(Some(a))
}

/// `a < b` for two numbers or two strings.
fn lt<'gc>(ctx: Context<'gc>, a: Value<'gc>, b: Value<'gc>) -> bool {
    charge(ctx);
    matches!(
        metaops::compare(ctx, a, b, false),
        Ok((Meta::Value(Value::Boolean(true)), _))
    )
}

fn invalid_order<'gc>() -> RuntimeError<'gc> {
    RuntimeError::msg("invalid order function for sorting")
}

/// 5.4's `auxsort` on `a` (Lua index `k` is `a[k - 1]`): the smaller part of each partition
/// first, the larger one afterwards.
fn quicksort<'gc>(ctx: Context<'gc>, a: &mut [Value<'gc>]) -> Result<(), RuntimeError<'gc>> {
    let at = |k: i64| (k - 1) as usize;
    let mut pending: Vec<[i64; 4]> = Vec::new();
    let (mut lo, mut up, mut rnd) = (1i64, a.len() as i64, 0u32);
    loop {
        while lo < up {
            if lt(ctx, a[at(up)], a[at(lo)]) {
                a.swap(at(lo), at(up));
            }
            if up - lo == 1 {
                break;
            }
            let p = if up - lo < RANLIMIT || rnd == 0 {
                (lo + up) / 2
            } else {
                let r4 = ((up - lo) / 4) as u32;
                i64::from(rnd % (r4 * 2)) + lo + i64::from(r4)
            };
            if lt(ctx, a[at(p)], a[at(lo)]) {
                a.swap(at(p), at(lo));
            } else if lt(ctx, a[at(up)], a[at(p)]) {
                a.swap(at(p), at(up));
            }
            if up - lo == 2 {
                break;
            }
            let pivot = a[at(p)];
            a.swap(at(p), at(up - 1));
            // Partition around the pivot, now at up - 1.
            let (mut i, mut j) = (lo, up - 1);
            loop {
                i += 1;
                while lt(ctx, a[at(i)], pivot) {
                    if i == up - 1 {
                        return Err(invalid_order());
                    }
                    i += 1;
                }
                j -= 1;
                while lt(ctx, pivot, a[at(j)]) {
                    if j < i {
                        return Err(invalid_order());
                    }
                    j -= 1;
                }
                if j < i {
                    break;
                }
                a.swap(at(i), at(j));
            }
            a[at(up - 1)] = a[at(i)];
            a[at(i)] = pivot;
            let p = i;
            if p - lo < up - p {
                pending.push([p + 1, up, p - lo, i64::from(rnd)]);
                up = p - 1;
            } else {
                pending.push([lo, p - 1, up - p, i64::from(rnd)]);
                lo = p + 1;
            }
        }
        let Some([l, u, n, r]) = pending.pop() else {
            return Ok(());
        };
        (lo, up, rnd) = (l, u, r as u32);
        if (up - lo) / 128 > n {
            rnd = random_key();
        }
    }
}
