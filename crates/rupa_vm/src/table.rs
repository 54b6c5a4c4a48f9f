//! Lua tables: an array part for keys 1..n and a hash part (hashbrown) for everything else.
//!
//! Owns raw access (`rawget`/`rawset`/`next`/`#`), key normalization (`t[2.0]` is `t[2]`),
//! the growth policy (5.4's rehash: the array part is the largest power of two more than half
//! used), the memory-cap check before any growth, the per-table cache of absent metamethods, and
//! weak storage. It does not run metamethods: `__index` and friends are the interpreter's.
//!
//! Every byte a table owns is allocated through gc-arena's `MetricsAlloc`, so it is counted in
//! the arena's metrics; growth first asks `Context::reserve` for the bytes it is about to take.

mod hash;
mod sizing;
mod slot;
mod weak;

use std::cell::Cell;

use allocator_api2::{boxed::Box as ABox, vec::Vec as AVec};
use gc_arena::{allocator_api::MetricsAlloc, lock::RefLock, Collect, Finalization, Gc, Mutation};

use self::hash::HashPart;
use self::sizing::{KeyCounts, MAX_ARRAY};
use self::weak::WeakPart;
use crate::error::RuntimeError;
use crate::meta::MetaEvent;
use crate::number::float_to_int;
use crate::state::Context;
use crate::string::LuaString;
use crate::value::Value;

pub use self::slot::WeakValue;

/// A table value.
#[derive(Collect, Clone, Copy, Debug)]
#[collect(no_drop)]
pub struct Table<'gc>(pub Gc<'gc, RefLock<TableState<'gc>>>);

/// The contents of a table.
#[derive(Collect, Debug)]
#[collect(no_drop)]
pub struct TableState<'gc> {
    pub metatable: Option<Table<'gc>>,
    /// Values of keys `1..=array.len()` (nil where absent).
    array: AVec<Value<'gc>, MetricsAlloc<'gc>>,
    hash: HashPart<'gc, Value<'gc>>,
    /// Set for weak tables: then it holds every entry and `array`/`hash` are empty.
    weak: Option<ABox<WeakPart<'gc>, MetricsAlloc<'gc>>>,
    /// Bit `e` set: metamethod event `e` is known to be absent from this table.
    #[collect(require_static)]
    absent: Cell<u32>,
    /// Where `#t` last found a border in the array part (5.4's `alimit` used as a hint).
    #[collect(require_static)]
    border: Cell<usize>,
}

/// "invalid key to 'next'" (raised from inside `next`, so without a position).
fn invalid_next_key<'gc>() -> RuntimeError<'gc> {
    RuntimeError::Plain("invalid key to 'next'".to_string())
}

const VALUE_BYTES: usize = std::mem::size_of::<Value<'static>>();

impl<'gc> TableState<'gc> {
    fn new(mc: &Mutation<'gc>) -> Self {
        TableState {
            metatable: None,
            array: AVec::new_in(MetricsAlloc::new(mc)),
            hash: HashPart::new(mc),
            weak: None,
            absent: Cell::new(0),
            border: Cell::new(0),
        }
    }

    /// Index into `array` of an integer key, when it is there.
    #[inline(always)]
    fn array_index(&self, key: i64) -> Option<usize> {
        let i = (key as u64).wrapping_sub(1);
        (i < self.array.len() as u64).then_some(i as usize)
    }

    /// `array_index` for a get or set: like 5.4's `luaH_getint`, an access above the `#t`
    /// hint moves the hint there ("probably '#t' is here now"), which `length` relies on to
    /// give the borders lua5.4 gives.
    #[inline(always)]
    fn array_access(&self, key: i64) -> Option<usize> {
        let i = self.array_index(key)?;
        if i >= self.border.get() {
            self.border.set(i + 1);
        }
        Some(i)
    }

    #[inline]
    fn get_int(&self, mc: &Mutation<'gc>, key: i64) -> Value<'gc> {
        if let Some(i) = self.array_access(key) {
            return self.array[i];
        }
        if let Some(w) = &self.weak {
            return w.get_int(mc, key);
        }
        self.hash
            .find_int(key)
            .map_or(Value::Nil, |p| self.hash.value(p))
    }

    /// Reads an integer key without moving the `#t` hint (for tests that must not disturb it).
    #[cfg(test)]
    fn peek_int(&self, key: i64) -> Value<'gc> {
        match self.array_index(key) {
            Some(i) => self.array[i],
            None => self
                .hash
                .find_int(key)
                .map_or(Value::Nil, |p| self.hash.value(p)),
        }
    }

    /// Reads a normalized key that is neither an integer nor a string.
    fn get_other(&self, mc: &Mutation<'gc>, key: &Value<'gc>) -> Value<'gc> {
        if let Some(w) = &self.weak {
            return w.get(mc, key);
        }
        self.hash
            .find(key)
            .map_or(Value::Nil, |p| self.hash.value(p))
    }

    fn set_int(
        &mut self,
        ctx: Context<'gc>,
        key: i64,
        value: Value<'gc>,
    ) -> Result<(), RuntimeError<'gc>> {
        if let Some(i) = self.array_access(key) {
            self.array[i] = value;
            return Ok(());
        }
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
    fn set_other(
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
    fn set_at(&mut self, pos: usize, key: Value<'gc>, value: Value<'gc>) {
        let e = self.hash.entry_mut(pos);
        if value.is_nil() {
            e.key = e.key.downgrade();
        } else if e.value.is_nil() {
            e.key = WeakValue::strong(key);
        }
        e.value = value;
    }

    /// Adds a key that is not present (value not nil), rehashing when the hash part is full.
    fn insert_new(
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
        self.hash.push(WeakValue::strong(key), value);
        Ok(())
    }

    /// Resizes both parts for the current keys plus `extra` (5.4's `rehash`).
    fn rehash(&mut self, ctx: Context<'gc>, extra: &Value<'gc>) -> Result<(), RuntimeError<'gc>> {
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
    fn resize(
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
                _ => self.hash.push(e.key, e.value),
            }
        }
        if array_size < old_len {
            for (i, v) in self.array[array_size..].iter().enumerate() {
                if !v.is_nil() {
                    let key = Value::Integer((array_size + i + 1) as i64);
                    self.hash.push(WeakValue::strong(key), *v);
                }
            }
            self.array.truncate(array_size);
            self.array.shrink_to_fit();
        }
        self.border.set(array_size);
        Ok(())
    }

    /// Every live pair (for converting between strong and weak storage).
    fn pairs(&self, mc: &Mutation<'gc>) -> Vec<(Value<'gc>, Value<'gc>)> {
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
    fn length(&self) -> i64 {
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

/// The hash part size for `keys` keys: the power of two 5.4 chooses.
fn hash_size_for<'gc>(keys: usize) -> Result<usize, RuntimeError<'gc>> {
    if keys == 0 {
        return Ok(0);
    }
    keys.checked_next_power_of_two()
        .ok_or_else(|| RuntimeError::msg("table overflow"))
}

/// Normalized form of a key: integers (floats with an integral value included) apart.
enum Key<'gc> {
    Int(i64),
    Other(Value<'gc>),
    Nil,
    NaN,
}

#[inline]
fn normalize(key: Value<'_>) -> Key<'_> {
    match key {
        Value::Integer(i) => Key::Int(i),
        Value::Number(f) => match float_to_int(f) {
            Some(i) => Key::Int(i),
            None if f.is_nan() => Key::NaN,
            None => Key::Other(key),
        },
        Value::Nil => Key::Nil,
        _ => Key::Other(key),
    }
}

impl<'gc> Table<'gc> {
    /// An empty table (allocates no array or hash storage).
    pub fn new(mc: &Mutation<'gc>) -> Table<'gc> {
        Table(Gc::new(mc, RefLock::new(TableState::new(mc))))
    }

    /// An empty table with room for `array` array items and `hash` hash entries, checked
    /// against the memory cap.
    pub fn with_capacity(
        ctx: Context<'gc>,
        array: usize,
        hash: usize,
    ) -> Result<Table<'gc>, RuntimeError<'gc>> {
        if array > MAX_ARRAY || hash > MAX_ARRAY {
            return Err(RuntimeError::msg("table overflow"));
        }
        let hash_size = if hash == 0 {
            0
        } else {
            hash.next_power_of_two()
        };
        let bytes = array * VALUE_BYTES + HashPart::<Value<'gc>>::bytes_for(hash_size);
        ctx.reserve(bytes.saturating_add(std::mem::size_of::<TableState<'gc>>()))?;
        let mut state = TableState::new(ctx.mc);
        if array > 0 {
            state.array = AVec::with_capacity_in(array, MetricsAlloc::new(ctx.mc));
            state.array.resize(array, Value::Nil);
            state.border.set(array);
        }
        state.hash = HashPart::with_size(ctx.mc, hash_size);
        Ok(Table(Gc::new(ctx.mc, RefLock::new(state))))
    }

    /// Raw get (`rawget`): nil when absent. Float keys with an integer value find the integer
    /// key. Takes the context because weak tables upgrade their references on reads.
    #[inline]
    pub fn get(self, ctx: Context<'gc>, key: Value<'gc>) -> Value<'gc> {
        match normalize(key) {
            Key::Int(i) => self.get_int(ctx, i),
            Key::Other(Value::String(s)) => self.get_str(ctx, s),
            Key::Other(k) => self.0.borrow().get_other(ctx.mc, &k),
            Key::Nil | Key::NaN => Value::Nil,
        }
    }

    /// Raw get of an integer key (fast path).
    #[inline]
    pub fn get_int(self, ctx: Context<'gc>, key: i64) -> Value<'gc> {
        self.0.borrow().get_int(ctx.mc, key)
    }

    /// Raw get of a string key (fast path).
    #[inline]
    pub fn get_str(self, ctx: Context<'gc>, key: LuaString<'gc>) -> Value<'gc> {
        let s = self.0.borrow();
        if let Some(w) = &s.weak {
            return w.get_str(ctx.mc, key);
        }
        s.hash.find_str(key).map_or(Value::Nil, |p| s.hash.value(p))
    }

    /// Raw set (`rawset`). Setting nil removes the key. Errors: "table index is nil",
    /// "table index is NaN", and out-of-memory when growing would pass the cap (checked before
    /// allocating).
    pub fn set(
        self,
        ctx: Context<'gc>,
        key: Value<'gc>,
        value: Value<'gc>,
    ) -> Result<(), RuntimeError<'gc>> {
        match normalize(key) {
            Key::Int(i) => self.set_int(ctx, i, value),
            Key::Other(k) => {
                let mut s = self.0.borrow_mut(ctx.mc);
                if let Value::String(_) = k {
                    // Only string keys can be metamethod names.
                    s.absent.set(0);
                }
                s.set_other(ctx, k, value)
            }
            Key::Nil => Err(RuntimeError::msg("table index is nil")),
            Key::NaN => Err(RuntimeError::msg("table index is NaN")),
        }
    }

    /// Raw set of a string key (fast path for fields).
    #[inline]
    pub fn set_str(
        self,
        ctx: Context<'gc>,
        key: LuaString<'gc>,
        value: Value<'gc>,
    ) -> Result<(), RuntimeError<'gc>> {
        let mut s = self.0.borrow_mut(ctx.mc);
        s.absent.set(0);
        s.set_other(ctx, Value::String(key), value)
    }

    /// Raw set of an integer key (fast path).
    #[inline]
    pub fn set_int(
        self,
        ctx: Context<'gc>,
        key: i64,
        value: Value<'gc>,
    ) -> Result<(), RuntimeError<'gc>> {
        self.0.borrow_mut(ctx.mc).set_int(ctx, key, value)
    }

    /// `t[start + i] = values[i]` for every `i` (the `SetList` instruction): grows the array
    /// part once to hold them all, as 5.4 does for table constructors.
    pub fn set_list(
        self,
        ctx: Context<'gc>,
        start: i64,
        values: &[Value<'gc>],
    ) -> Result<(), RuntimeError<'gc>> {
        let mut s = self.0.borrow_mut(ctx.mc);
        let last = start.checked_add(values.len() as i64 - 1);
        if let Some(last) = last {
            if start >= 1 && s.weak.is_none() && last as u64 <= MAX_ARRAY as u64 {
                let last = last as usize;
                if last > s.array.len() {
                    let hash_size = s.hash.size();
                    s.resize(ctx, last, hash_size)?;
                }
            }
        }
        for (i, &v) in values.iter().enumerate() {
            s.set_int(ctx, start.wrapping_add(i as i64), v)?;
        }
        Ok(())
    }

    /// The raw length `#t`: a border (`t[n] ~= nil and t[n+1] == nil`, or 0), as 5.4 finds it.
    pub fn length(self) -> i64 {
        self.0.borrow().length()
    }

    /// Size of the array part (slots for keys `1..=n`, nil or not).
    pub fn array_len(self) -> usize {
        self.0.borrow().array.len()
    }

    /// `(array slots, hash entries the hash part holds before it must grow)`.
    pub fn capacity(self) -> (usize, usize) {
        let s = self.0.borrow();
        match &s.weak {
            Some(w) => (0, w.hash.size()),
            None => (s.array.len(), s.hash.size()),
        }
    }

    /// `next(t, key)`: the entry after `key` (nil starts), `Ok(None)` at the end, and the error
    /// "invalid key to 'next'" for a key not in the table. Assigning to existing fields
    /// (including nil) during a traversal does not disturb it.
    pub fn next(
        self,
        ctx: Context<'gc>,
        key: Value<'gc>,
    ) -> Result<Option<(Value<'gc>, Value<'gc>)>, RuntimeError<'gc>> {
        let s = self.0.borrow();
        if let Some(w) = &s.weak {
            return w.next(ctx.mc, key);
        }
        let len = s.array.len();
        let mut pos = match normalize(key) {
            Key::Nil => 0,
            Key::Int(i) if s.array_index(i).is_some() => i as usize,
            Key::Int(i) => s.hash.find_int(i).ok_or_else(invalid_next_key)? + len + 1,
            Key::Other(k) => s.hash.find(&k).ok_or_else(invalid_next_key)? + len + 1,
            Key::NaN => return Err(invalid_next_key()),
        };
        while pos < len {
            let v = s.array[pos];
            if !v.is_nil() {
                return Ok(Some((Value::Integer(pos as i64 + 1), v)));
            }
            pos += 1;
        }
        for e in &s.hash.entries()[pos - len..] {
            if !e.value.is_nil() {
                if let Some(k) = e.key.upgrade(ctx.mc) {
                    return Ok(Some((k, e.value)));
                }
            }
        }
        Ok(None)
    }

    /// The metatable.
    pub fn metatable(self) -> Option<Table<'gc>> {
        self.0.borrow().metatable
    }

    /// Sets the metatable.
    pub fn set_metatable(self, mc: &Mutation<'gc>, mt: Option<Table<'gc>>) {
        self.0.borrow_mut(mc).metatable = mt;
    }

    /// Looks up metamethod `event` in this table used as a metatable, caching absence: returns
    /// nil quickly when the table is known not to have it (PUC Lua's `fasttm`). Any raw set of a
    /// string key invalidates the cache.
    #[inline]
    pub fn metamethod(self, ctx: Context<'gc>, event: MetaEvent) -> Value<'gc> {
        let bit = 1u32 << (event as u32);
        let s = self.0.borrow();
        if s.absent.get() & bit != 0 {
            return Value::Nil;
        }
        let name = ctx.meta_name(event);
        let v = match &s.weak {
            Some(w) => w.get_str(ctx.mc, name),
            None => s
                .hash
                .find_str(name)
                .map_or(Value::Nil, |p| s.hash.value(p)),
        };
        if v.is_nil() {
            s.absent.set(s.absent.get() | bit);
        }
        v
    }

    /// Switches the table's storage to hold keys and/or values weakly (references only:
    /// strings and numbers stay), or back to normal storage with `(false, false)`. Called when a
    /// metatable with `__mode` is set; registering the table for `sweep_dead` is the caller's.
    pub fn set_weak_mode(
        self,
        ctx: Context<'gc>,
        weak_keys: bool,
        weak_values: bool,
    ) -> Result<(), RuntimeError<'gc>> {
        let mut s = self.0.borrow_mut(ctx.mc);
        let current = s.weak.as_ref().map(|w| (w.weak_keys, w.weak_values));
        if current.unwrap_or((false, false)) == (weak_keys, weak_values) {
            return Ok(());
        }
        let pairs = s.pairs(ctx.mc);
        let pair_bytes = pairs.len().saturating_mul(2 * VALUE_BYTES);
        if weak_keys || weak_values {
            let size = pairs.len().next_power_of_two();
            let bytes =
                HashPart::<WeakValue<'gc>>::bytes_for(size) + std::mem::size_of::<WeakPart<'gc>>();
            ctx.reserve(bytes.saturating_add(pair_bytes))?;
            let mut part = WeakPart {
                weak_keys,
                weak_values,
                hash: HashPart::with_size(ctx.mc, size),
            };
            for (k, v) in pairs {
                part.hash
                    .push(WeakValue::new(k, weak_keys), WeakValue::new(v, weak_values));
            }
            s.array = AVec::new_in(MetricsAlloc::new(ctx.mc));
            s.hash = HashPart::new(ctx.mc);
            s.weak = Some(ABox::new_in(part, MetricsAlloc::new(ctx.mc)));
            s.border.set(0);
        } else {
            ctx.reserve(pair_bytes)?;
            s.weak = None;
            s.array = AVec::new_in(MetricsAlloc::new(ctx.mc));
            s.hash = HashPart::new(ctx.mc);
            s.border.set(0);
            for (k, v) in pairs {
                match normalize(k) {
                    Key::Int(i) => s.set_int(ctx, i, v)?,
                    Key::Other(k) => s.set_other(ctx, k, v)?,
                    Key::Nil | Key::NaN => {}
                }
            }
        }
        Ok(())
    }

    /// `(weak keys, weak values)` of the table's storage.
    pub fn weak_mode(self) -> (bool, bool) {
        self.0
            .borrow()
            .weak
            .as_ref()
            .map_or((false, false), |w| (w.weak_keys, w.weak_values))
    }

    /// Removes the entries of a weak table whose weak key or weak value the collector found
    /// dead. Called by the GC code during the finalization phase; a no-op for strong tables.
    pub fn sweep_dead(self, fc: &Finalization<'gc>) {
        if self.0.borrow().weak.is_none() {
            return;
        }
        if let Some(w) = &mut self.0.borrow_mut(fc).weak {
            w.sweep(fc);
        }
    }
}

#[cfg(test)]
mod tests;
