//! The storage of a weak table (`__mode` with `k` and/or `v`): every entry in one hash part
//! whose keys and/or values hold references through `GcWeak`.
//!
//! Kept apart from the normal representation so strong tables pay one pointer test for weak
//! support. Entries whose object died are cleared by `sweep` during the collector's
//! finalization phase; reads upgrade the weak reference and treat a dead object as absent.
//!
//! Weak-keyed tables are ephemerons: an entry's value is kept only while its key is alive. As
//! gc-arena cannot trace conditionally, such tables hold their values weakly too (when the key
//! is an object), and the collector's finalization phase resurrects the values of live keys
//! (`resurrect_ephemeron_values`) until nothing changes.

use gc_arena::{Collect, Finalization, Mutation};

use super::hash::HashPart;
use super::slot::WeakValue;
use crate::error::RuntimeError;
use crate::state::Context;
use crate::string::LuaString;
use crate::value::Value;

/// All entries of a weak table.
#[derive(Collect, Debug)]
#[collect(no_drop)]
pub struct WeakPart<'gc> {
    #[collect(require_static)]
    pub weak_keys: bool,
    #[collect(require_static)]
    pub weak_values: bool,
    pub hash: HashPart<'gc, WeakValue<'gc>>,
}

impl<'gc> WeakPart<'gc> {
    /// How the value stored under `key` is held: weakly in weak-valued tables, and in
    /// weak-keyed tables when the key is an object (the ephemeron case, see the module doc).
    pub fn store_value(&self, key: &Value<'gc>, value: Value<'gc>) -> WeakValue<'gc> {
        let ephemeron = self.weak_keys && WeakValue::weak(*key).is_weak();
        WeakValue::new(value, self.weak_values || ephemeron)
    }

    /// Reads a normalized key.
    pub fn get(&self, mc: &Mutation<'gc>, key: &Value<'gc>) -> Value<'gc> {
        self.hash
            .find(key)
            .map_or(Value::Nil, |p| self.hash.value(p).get(mc))
    }

    /// Reads an integer key.
    pub fn get_int(&self, mc: &Mutation<'gc>, key: i64) -> Value<'gc> {
        self.hash
            .find_int(key)
            .map_or(Value::Nil, |p| self.hash.value(p).get(mc))
    }

    /// Reads a string key.
    pub fn get_str(&self, mc: &Mutation<'gc>, key: LuaString<'gc>) -> Value<'gc> {
        self.hash
            .find_str(key)
            .map_or(Value::Nil, |p| self.hash.value(p).get(mc))
    }

    /// Whether integer key `key` has a value (for `#t`; entries of dead objects are removed by
    /// `sweep` before the objects are dropped, so a stored reference counts as present).
    pub fn has_int(&self, key: i64) -> bool {
        self.hash
            .find_int(key)
            .is_some_and(|p| !self.hash.value(p).is_nil())
    }

    /// Sets a normalized key (not nil, not NaN).
    pub fn set(
        &mut self,
        ctx: Context<'gc>,
        key: Value<'gc>,
        value: Value<'gc>,
    ) -> Result<(), RuntimeError<'gc>> {
        if let Some(p) = self.hash.find(&key) {
            let weak_keys = self.weak_keys;
            let stored = self.store_value(&key, value);
            let e = self.hash.entry_mut(p);
            if value.is_nil() {
                e.key = e.key.downgrade();
            } else if e.value.is_nil() {
                e.key = WeakValue::new(key, weak_keys);
            }
            e.value = stored;
            return Ok(());
        }
        if value.is_nil() {
            return Ok(());
        }
        let (key, value) = (
            WeakValue::new(key, self.weak_keys),
            self.store_value(&key, value),
        );
        if self.hash.is_full() {
            self.rebuild(ctx, 1)?;
        }
        self.hash.push(ctx.mc, key, value);
        Ok(())
    }

    /// Rebuilds the hash part without tombstones, with room for `extra` more keys.
    fn rebuild(&mut self, ctx: Context<'gc>, extra: usize) -> Result<(), RuntimeError<'gc>> {
        let live = self.hash.live_count();
        let size = super::state::hash_size_for(live + extra)?;
        ctx.reserve(HashPart::<WeakValue<'gc>>::bytes_for(size))?;
        let mut new = HashPart::with_size(ctx.mc, size);
        for e in self.hash.live() {
            new.push(ctx.mc, e.key, e.value);
        }
        self.hash = new;
        Ok(())
    }

    /// The entry after `key` (nil: the first), skipping entries whose object is gone.
    pub fn next(
        &self,
        mc: &Mutation<'gc>,
        key: Value<'gc>,
    ) -> Result<Option<(Value<'gc>, Value<'gc>)>, RuntimeError<'gc>> {
        let start = match key {
            Value::Nil => 0,
            _ => match self.hash.find(&key) {
                Some(p) => p + 1,
                None => return Err(super::invalid_next_key()),
            },
        };
        for e in &self.hash.entries()[start..] {
            if e.value.is_nil() {
                continue;
            }
            if let (Some(k), Some(v)) = (e.key.upgrade(mc), e.value.upgrade(mc)) {
                return Ok(Some((k, v)));
            }
        }
        Ok(None)
    }

    /// Clears entries whose weak key or weak value the collector found dead.
    pub fn sweep(&mut self, fc: &Finalization<'gc>) {
        for p in 0..self.hash.len() {
            let e = self.hash.entry_mut(p);
            if !e.value.is_nil() && (e.key.is_dead(fc) || e.value.is_dead(fc)) {
                e.value = WeakValue::Nil;
                e.key = e.key.downgrade();
            }
        }
    }

    /// The ephemeron step of the finalization phase: resurrects every value the collector found
    /// dead whose key is alive. Returns whether any was (then marking must resume, and may make
    /// more keys alive). Only weak-keyed, strong-valued tables hold such values.
    pub fn resurrect_ephemeron_values(&self, fc: &Finalization<'gc>) -> bool {
        if !self.weak_keys || self.weak_values {
            return false;
        }
        // A resurrected value stops being dead at once, so when it is itself a key, a later
        // entry sees it alive in the same sweep. Sweeping both ways resolves direct chains in
        // either insertion order without a marking round per link (5.4 alternates too).
        let mut any = false;
        let entries = self.hash.entries();
        for e in entries.iter().chain(entries.iter().rev()) {
            if !e.value.is_nil() && !e.key.is_dead(fc) && e.value.is_dead(fc) {
                e.value.resurrect(fc);
                any = true;
            }
        }
        any
    }

    /// Every live pair, upgraded (for converting the table back or to another mode).
    pub fn pairs(&self, mc: &Mutation<'gc>) -> Vec<(Value<'gc>, Value<'gc>)> {
        self.hash
            .live()
            .filter_map(|e| Some((e.key.upgrade(mc)?, e.value.upgrade(mc)?)))
            .collect()
    }
}
