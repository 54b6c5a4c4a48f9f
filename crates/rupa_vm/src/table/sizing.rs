//! The two numeric policies of 5.4's tables: how big the array part gets on a rehash (most of
//! `1..n` used, n a power of two: `computesizes`) and how `#t` finds a border (`luaH_getn`'s
//! binary searches). Pure functions; the table code feeds them.

use crate::value::Value;

/// Largest array part: keys above this always live in the hash part (5.4's `MAXASIZE` with
/// 32-bit `int`s).
pub const MAX_ARRAY: usize = 1 << 31;

/// Integer keys counted by power-of-two slices: `nums[i]` holds the keys `k` with
/// `2^(i-1) < k <= 2^i` (and `nums[0]` the key 1).
#[derive(Default)]
pub struct KeyCounts {
    nums: [usize; 32],
    total: usize,
}

impl KeyCounts {
    /// Counts `k` if it could live in an array part.
    #[inline]
    pub fn add(&mut self, k: i64) {
        if k >= 1 && k as u64 <= MAX_ARRAY as u64 {
            self.nums[ceil_log2(k as u64)] += 1;
            self.total += 1;
        }
    }

    /// `(array size, keys that go to the array part)`: the largest power of two `n` such
    /// that more than half of `1..=n` is used (0 when no size qualifies).
    pub fn array_size(&self) -> (usize, usize) {
        let mut below = 0usize; // keys <= 2^i
        let mut size = 0usize;
        let mut in_array = 0usize;
        let mut two_i = 1usize;
        for &n in &self.nums {
            // Past this point not even every counted key could fill half of the size.
            if self.total <= two_i / 2 {
                break;
            }
            below += n;
            if below > two_i / 2 {
                size = two_i;
                in_array = below;
            }
            two_i *= 2;
        }
        (size, in_array)
    }
}

/// `ceil(log2(k))` for `k >= 1`.
#[inline]
fn ceil_log2(k: u64) -> usize {
    (64 - (k - 1).leading_zeros()) as usize
}

/// A border in `array[..j]` when `array[j-1]` is nil and `i` is 0 or `array[i-1]` is not nil:
/// returns `b` in `i..j` with `array[b-1]` non-nil (or `b == 0`) and `array[b]` nil.
pub fn binsearch(array: &[Value<'_>], mut i: usize, mut j: usize) -> usize {
    while j - i > 1 {
        let m = (i + j) / 2;
        if array[m - 1].is_nil() {
            j = m;
        } else {
            i = m;
        }
    }
    i
}

/// A border at or above `j` when `t[j + 1]` is present (and `t[j]` present or `j == 0`),
/// probing by doubling then bisecting as 5.4's `hash_search` does.
pub fn hash_search(present: impl Fn(i64) -> bool, j: u64) -> i64 {
    let mut j = j.max(1);
    let mut i;
    loop {
        i = j;
        if j <= i64::MAX as u64 / 2 {
            j *= 2;
        } else {
            j = i64::MAX as u64;
            if present(j as i64) {
                // Every key up to maxinteger probed present: maxinteger is a border.
                return j as i64;
            }
            break;
        }
        if !present(j as i64) {
            break;
        }
    }
    while j - i > 1 {
        let m = (i + j) / 2;
        if present(m as i64) {
            i = m;
        } else {
            j = m;
        }
    }
    i as i64
}
