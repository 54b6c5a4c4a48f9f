//! Raw access on a borrowed `TableState`: reads, writes, the rehash that sizes both parts as
//! 5.4 does, and `#t`. The `Table` methods borrow the state once and call these.

use std::cell::Cell;

use allocator_api2::vec::Vec as AVec;
use gc_arena::{allocator_api::MetricsAlloc, Mutation};

use super::hash::HashPart;
use super::sizing::{self, KeyCounts, MAX_ARRAY};
use super::slot::WeakValue;
use super::{TableState, VALUE_BYTES};
use crate::error::RuntimeError;
use crate::state::Context;
use crate::value::Value;

impl<'gc> TableState<'gc> {
    pub(super) fn new(mc: &Mutation<'gc>) -> Self {
        TableState {
            metatable: None,
            array: AVec::new_in(MetricsAlloc::new(mc)),
            hash: HashPart::new(),
            weak: None,
            absent: Cell::new(0),
            border: Default::default(),
            next_hint: Default::default(),
        }
    }

    /// Index into `array` of an integer key, when it is there.
    #[inline(always)]
    pub(super) fn array_index(&self, key: i64) -> Option<usize> {
        let i = (key as u64).wrapping_sub(1);
        (i < self.array.len() as u64).then_some(i as usize)
    }

    /// `array_index` for a get or set: like 5.4's `luaH_getint`, an access above the `#t`
    /// hint moves the hint there ("probably '#t' is here now"), which `length` relies on to
    /// give the borders lua5.4 gives.
    #[inline(always)]
    pub(super) fn array_access(&self, key: i64) -> Option<usize> {
        let i = self.array_index(key)?;
        if i >= self.border.get() {
            self.border.set(i + 1);
        }
        Some(i)
    }

    // The array part inline in the interpreter; the rest out of line so the callers stay small.
    #[inline(always)]
    pub(super) fn get_int(&self, mc: &Mutation<'gc>, key: i64) -> Value<'gc> {
        if let Some(i) = self.array_access(key) {
            return self.array[i];
        }
        self.get_int_outside_array(mc, key)
    }

    #[inline(never)]
    fn get_int_outside_array(&self, mc: &Mutation<'gc>, key: i64) -> Value<'gc> {
        if let Some(w) = &self.weak {
            return w.get_int(mc, key);
        }
        self.hash
            .find_int(key)
            .map_or(Value::Nil, |p| self.hash.value(p))
    }

    /// Reads an integer key without moving the `#t` hint (for tests that must not disturb it).
    #[cfg(test)]
    pub(super) fn peek_int(&self, key: i64) -> Value<'gc> {
        match self.array_index(key) {
            Some(i) => self.array[i],
            None => self
                .hash
                .find_int(key)
                .map_or(Value::Nil, |p| self.hash.value(p)),
        }
    }

    /// Reads a normalized key that is neither an integer nor a string.
    pub(super) fn get_other(&self, mc: &Mutation<'gc>, key: &Value<'gc>) -> Value<'gc> {
        if let Some(w) = &self.weak {
            return w.get(mc, key);
        }
        self.hash
            .find(key)
            .map_or(Value::Nil, |p| self.hash.value(p))
    }

    #[inline(always)]
    pub(super) fn set_int(
        &mut self,
        ctx: Context<'gc>,
        key: i64,
        value: Value<'gc>,
    ) -> Result<(), RuntimeError<'gc>> {
        if let Some(i) = self.array_access(key) {
            self.array[i] = value;
            return Ok(());
        }
        self.set_int_outside_array(ctx, key, value)
    }

    #[inline(never)]
    fn set_int_outside_array(
        &mut self,
        ctx: Context<'gc>,
        key: i64,
        value: Value<'gc>,
    ) -> Result<(), RuntimeError<'gc>> {
        if let Some(w) = &mut self.weak {
            return w.set(ctx, Value::Integer(key), value);
        }
        match self.hash.find_int(key) {
            Some(p) => {
                self.set_at(p, Value::Integer(key), value);
                Ok(())
            }
            None if value.is_nil() => Ok(()),
            None => self.insert_new(ctx, Value::Integer(key), value),
        }
    }

    /// Sets a normalized key that is not an integer (nor nil or NaN).
    pub(super) fn set_other(
        &mut self,
        ctx: Context<'gc>,
        key: Value<'gc>,
        value: Value<'gc>,
    ) -> Result<(), RuntimeError<'gc>> {
        if let Some(w) = &mut self.weak {
            return w.set(ctx, key, value);
        }
        match self.hash.find(&key) {
            Some(p) => {
                self.set_at(p, key, value);
                Ok(())
            }
            None if value.is_nil() => Ok(()),
            None => self.insert_new(ctx, key, value),
        }
    }

    /// Stores into an existing hash entry. Clearing it keeps the key (for `next`) but holds it
    /// weakly, so a removed key does not keep its object alive; refilling makes it strong again.
    #[inline]
    pub(super) fn set_at(&mut self, pos: usize, key: Value<'gc>, value: Value<'gc>) {
        let e = self.hash.entry_mut(pos);
        if value.is_nil() {
            e.key = e.key.downgrade();
        } else if e.value.is_nil() {
            e.key = WeakValue::strong(key);
        }
        e.value = value;
    }

    /// Adds a key that is not present (value not nil), rehashing when the hash part is full.
    pub(super) fn insert_new(
        &mut self,
        ctx: Context<'gc>,
        key: Value<'gc>,
        value: Value<'gc>,
    ) -> Result<(), RuntimeError<'gc>> {
        if self.hash.is_full() {
            self.rehash(ctx, &key)?;
            if let Value::Integer(k) = key {
                if let Some(i) = self.array_index(k) {
                    self.array[i] = value;
                    return Ok(());
                }
            }
        }
        self.hash.push(ctx.mc, WeakValue::strong(key), value);
        Ok(())
    }

    /// Resizes both parts for the current keys plus `extra` (5.4's `rehash`).
    pub(super) fn rehash(
        &mut self,
        ctx: Context<'gc>,
        extra: &Value<'gc>,
    ) -> Result<(), RuntimeError<'gc>> {
        let mut counts = KeyCounts::default();
        let mut total = 1; // the extra key
        for (i, v) in self.array.iter().enumerate() {
            if !v.is_nil() {
                counts.add(i as i64 + 1);
                total += 1;
            }
        }
        for e in self.hash.live() {
            if let Some(k) = e.key.as_int() {
                counts.add(k);
            }
            total += 1;
        }
        if let Value::Integer(k) = *extra {
            counts.add(k);
        }
        let (array_size, in_array) = counts.array_size();
        let mut hash_keys = total - in_array;
        let same_size = hash_size_for(hash_keys)? == self.hash.size();
        if same_size && array_size == self.array.len() && self.hash.size() >= 64 {
            // The rebuild would only drop removed keys (which keep their slots until then).
            // Give room to spare, or a big table whose live count sits just below a power of
            // two and keeps removing and adding keys would rebuild on nearly every insertion.
            // Small tables rebuild cheaply and keep 5.4's sizes (and so its `#t` borders).
            hash_keys = self.hash.size() + 1;
        }
        self.resize(ctx, array_size, hash_keys)
    }

    /// Gives the array part exactly `array_size` slots and the hash part room for at least
    /// `hash_keys` keys (a power of two, enlarged if the keys that must go there need it),
    /// moving keys between the parts. Tombstones are dropped.
    pub(super) fn resize(
        &mut self,
        ctx: Context<'gc>,
        array_size: usize,
        hash_keys: usize,
    ) -> Result<(), RuntimeError<'gc>> {
        let old_len = self.array.len();
        let in_new_array =
            |k: Option<i64>| k.is_some_and(|k| k >= 1 && (k as u64) <= array_size as u64);
        let spilled = self
            .array
            .get(array_size..)
            .map_or(0, |rest| rest.iter().filter(|v| !v.is_nil()).count());
        let staying = self
            .hash
            .live()
            .filter(|e| !in_new_array(e.key.as_int()))
            .count();
        let keys = hash_keys.max(spilled + staying);
        let hash_size = hash_size_for(keys)?;
        let grow = array_size
            .saturating_sub(old_len)
            .saturating_mul(VALUE_BYTES);
        ctx.reserve(HashPart::<Value<'gc>>::bytes_for(hash_size).saturating_add(grow))?;

        let old_hash = std::mem::replace(&mut self.hash, HashPart::with_size(ctx.mc, hash_size));
        if array_size > old_len {
            self.array.reserve_exact(array_size - old_len);
            self.array.resize(array_size, Value::Nil);
        }
        for e in old_hash.live() {
            match e.key.as_int() {
                Some(k) if in_new_array(Some(k)) => self.array[k as usize - 1] = e.value,
                _ => self.hash.push(ctx.mc, e.key, e.value),
            }
        }
        if array_size < old_len {
            for (i, v) in self.array[array_size..].iter().enumerate() {
                if !v.is_nil() {
                    let key = Value::Integer((array_size + i + 1) as i64);
                    self.hash.push(ctx.mc, WeakValue::strong(key), *v);
                }
            }
            self.array.truncate(array_size);
            self.array.shrink_to_fit();
        }
        self.border.set(array_size);
        Ok(())
    }

    /// Every live pair (for converting between strong and weak storage).
    pub(super) fn pairs(&self, mc: &Mutation<'gc>) -> Vec<(Value<'gc>, Value<'gc>)> {
        if let Some(w) = &self.weak {
            return w.pairs(mc);
        }
        let array = self.array.iter().enumerate().filter(|(_, v)| !v.is_nil());
        let array = array.map(|(i, v)| (Value::Integer(i as i64 + 1), *v));
        let hash = self
            .hash
            .live()
            .filter_map(|e| Some((e.key.upgrade(mc)?, e.value)));
        array.chain(hash).collect()
    }

    /// `#t` (5.4's `luaH_getn`, including how it moves its `alimit` hint).
    pub(super) fn length(&self) -> i64 {
        if let Some(w) = &self.weak {
            if !w.has_int(1) {
                return 0;
            }
            return sizing::hash_search(|k| w.has_int(k), 0);
        }
        let array = &self.array[..];
        let len = array.len();
        let mut limit = self.border.get().min(len);
        if limit > 0 && array[limit - 1].is_nil() {
            // There is a border below the hint.
            if limit >= 2 && !array[limit - 2].is_nil() {
                if len.is_power_of_two() && !(limit - 1).is_power_of_two() {
                    self.border.set(limit - 1);
                }
                return (limit - 1) as i64;
            }
            let b = sizing::binsearch(array, 0, limit);
            if len.is_power_of_two() && b > len / 2 {
                self.border.set(b);
            }
            return b as i64;
        }
        if limit != len {
            // `limit` is 0 or present: look above it.
            if array[limit].is_nil() {
                return limit as i64;
            }
            if array[len - 1].is_nil() {
                let b = sizing::binsearch(array, limit, len);
                self.border.set(b);
                return b as i64;
            }
            self.border.set(len);
            limit = len;
        }
        // The array part is full (or empty): continue in the hash part.
        let next = limit as i64 + 1;
        let present = |k: i64| {
            self.hash
                .find_int(k)
                .is_some_and(|p| !self.hash.value(p).is_nil())
        };
        if !present(next) {
            return limit as i64;
        }
        sizing::hash_search(present, limit as u64)
    }
}

/// The hash part size for `keys` keys: the power of two 5.4 chooses. Past 2^31 keys it is
/// 5.4's "table overflow".
pub(super) fn hash_size_for<'gc>(keys: usize) -> Result<usize, RuntimeError<'gc>> {
    match keys {
        0 => Ok(0),
        k if k > MAX_ARRAY => Err(RuntimeError::msg("table overflow")),
        k => Ok(k.next_power_of_two()),
    }
}
