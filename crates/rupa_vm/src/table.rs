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
mod state;
mod weak;

use std::cell::Cell;

use allocator_api2::{boxed::Box as ABox, vec::Vec as AVec};
use gc_arena::{allocator_api::MetricsAlloc, lock::RefLock, Collect, Finalization, Gc, Mutation};

use self::hash::HashPart;
use self::sizing::MAX_ARRAY;
use self::weak::WeakPart;
use crate::error::RuntimeError;
use crate::meta::MetaEvent;
use crate::number::float_to_int;
use crate::state::Context;
use crate::string::LuaString;
use crate::value::Value;

pub use self::slot::WeakValue;

// The absent-metamethod cache has one bit per event in a `u32`.
const _: () = assert!(MetaEvent::ALL.len() <= 32);

/// A table value.
#[derive(Collect, Clone, Copy, Debug)]
#[collect(no_drop)]
pub struct Table<'gc>(pub Gc<'gc, RefLock<TableState<'gc>>>);

/// The contents of a table.
#[derive(Collect)]
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
    border: Hint,
    /// Hash position of the key `next` returned last: a traversal finds its place there
    /// without a hash lookup (a random memory access per step on big tables).
    #[collect(require_static)]
    next_hint: Hint,
}

/// A position kept in 32 bits: array sizes stay below `MAX_ARRAY` (2^31) and hash positions
/// below 2^32, and a truncated `next` hint would only miss. Two of these instead of `usize`
/// keep a table object within the allocator's fast-bin sizes (see the size check below).
#[derive(Default)]
struct Hint(Cell<u32>);

impl Hint {
    #[inline(always)]
    fn get(&self) -> usize {
        self.0.get() as usize
    }

    #[inline(always)]
    fn set(&self, position: usize) {
        self.0.set(position as u32);
    }
}

// A table is the most allocated object in most programs; glibc serves chunks up to 128 bytes
// (GC header and borrow flag included) from its fast bins, and binary_trees ran 30% faster
// when `TableState` shrank from 160 bytes to below this.
const _: () = assert!(std::mem::size_of::<TableState<'static>>() <= 88);

/// Sizes only: printing the contents would recurse forever through a table that contains
/// itself.
impl std::fmt::Debug for TableState<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TableState")
            .field("array", &self.array.len())
            .field("hash", &self.hash.len())
            .field(
                "weak",
                &self.weak.as_ref().map(|w| (w.weak_keys, w.weak_values)),
            )
            .field("has_metatable", &self.metatable.is_some())
            .finish()
    }
}

/// "invalid key to 'next'" (raised from inside `next`, so without a position).
fn invalid_next_key<'gc>() -> RuntimeError<'gc> {
    RuntimeError::Plain("invalid key to 'next'".to_string())
}

const VALUE_BYTES: usize = std::mem::size_of::<Value<'static>>();

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

    /// An empty table whose hash part holds exactly `hash` entries before it must grow (not
    /// rounded up to a power of two as [`Table::with_capacity`] does): for tables whose fields
    /// are all known when they are made (library tables), so filling them never rehashes and
    /// leaves no slack. Checked against the memory cap.
    pub fn with_exact_capacity(
        ctx: Context<'gc>,
        hash: usize,
    ) -> Result<Table<'gc>, RuntimeError<'gc>> {
        if hash > MAX_ARRAY {
            return Err(RuntimeError::msg("table overflow"));
        }
        let bytes = HashPart::<Value<'gc>>::bytes_for(hash);
        ctx.reserve(bytes.saturating_add(std::mem::size_of::<TableState<'gc>>()))?;
        let mut state = TableState::new(ctx.mc);
        state.hash = HashPart::with_size(ctx.mc, hash);
        Ok(Table(Gc::new(ctx.mc, RefLock::new(state))))
    }

    /// Makes room for `more` new keys in the hash part, so adding them rehashes at most once
    /// (now) rather than at every power of two on the way. The new room is a power of two, as
    /// a rehash would give. Checked against the memory cap.
    pub fn reserve_hash(self, ctx: Context<'gc>, more: usize) -> Result<(), RuntimeError<'gc>> {
        let mut s = self.0.borrow_mut(ctx.mc);
        if s.weak.is_some() {
            return Ok(());
        }
        let want = s.hash.live_count().saturating_add(more);
        if want <= s.hash.size() {
            return Ok(());
        }
        let array = s.array.len();
        s.resize(ctx, array, want)
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
    #[inline(always)]
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

    /// Raw get of the string key `name`, found by its bytes: for hosts and library loaders
    /// reading a field by name, with no string made for the lookup.
    pub fn get_field(self, ctx: Context<'gc>, name: &[u8]) -> Value<'gc> {
        let s = self.0.borrow();
        if s.weak.is_some() {
            drop(s);
            // Weak tables keep their entries elsewhere, and are rare here: look up by a string.
            return self.get_str(ctx, LuaString::new(ctx.mc, name));
        }
        s.hash
            .find_bytes(name)
            .map_or(Value::Nil, |p| s.hash.value(p))
    }

    /// The interpreter's field lookup step: `Ok(value)` when the string key holds a non-nil
    /// value, else `Err(metatable)`. Tries entry position `hint` first; a found key's position
    /// is stored back into `hint`. Shaped so the found value goes straight from the entry to
    /// the caller: building a nil in a temporary and copying it whole stalls on store
    /// forwarding.
    #[inline(always)]
    pub fn get_str_hinted(
        self,
        ctx: Context<'gc>,
        key: LuaString<'gc>,
        hint: &std::cell::Cell<u32>,
    ) -> Result<Value<'gc>, Option<Table<'gc>>> {
        let s = self.0.borrow();
        let v = match &s.weak {
            None => match s.hash.find_str_hinted(key, hint) {
                Some(p) => s.hash.value(p),
                None => return Err(s.metatable),
            },
            Some(w) => w.get_str(ctx.mc, key),
        };
        if v.is_nil() {
            Err(s.metatable)
        } else {
            Ok(v)
        }
    }

    /// Raw set of a string key (fast path for fields). Errors only with out-of-memory.
    #[inline]
    pub fn set_str(
        self,
        ctx: Context<'gc>,
        key: LuaString<'gc>,
        value: Value<'gc>,
    ) -> Result<(), RuntimeError<'gc>> {
        // A hint no entry has: the lookup goes straight to the hash.
        self.set_str_hinted(ctx, key, value, &Cell::new(u32::MAX))
    }

    /// `set_str` for an instruction with a position hint (see `get_str_hinted`).
    #[inline]
    pub fn set_str_hinted(
        self,
        ctx: Context<'gc>,
        key: LuaString<'gc>,
        value: Value<'gc>,
        hint: &Cell<u32>,
    ) -> Result<(), RuntimeError<'gc>> {
        let mut s = self.0.borrow_mut(ctx.mc);
        // Only string keys can be metamethod names.
        s.absent.set(0);
        if s.weak.is_none() {
            return match s.hash.find_str_hinted(key, hint) {
                Some(p) => {
                    s.set_at(p, Value::String(key), value);
                    Ok(())
                }
                None if value.is_nil() => Ok(()),
                // Known absent: no second lookup through `set_other`.
                None => s.insert_new(ctx, Value::String(key), value),
            };
        }
        s.set_other(ctx, Value::String(key), value)
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

    /// Raw set of an integer key (fast path).
    #[inline(always)]
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
        let find = |k: &Value<'gc>| {
            let hint = s.next_hint.get();
            match s.hash.entries().get(hint) {
                Some(e) if e.key.matches(k) => Some(hint),
                _ => s.hash.find(k),
            }
        };
        let mut pos = match normalize(key) {
            Key::Nil => 0,
            Key::Int(i) if s.array_index(i).is_some() => i as usize,
            Key::Int(i) => find(&Value::Integer(i)).ok_or_else(invalid_next_key)? + len + 1,
            Key::Other(k) => find(&k).ok_or_else(invalid_next_key)? + len + 1,
            Key::NaN => return Err(invalid_next_key()),
        };
        while pos < len {
            let v = s.array[pos];
            if !v.is_nil() {
                return Ok(Some((Value::Integer(pos as i64 + 1), v)));
            }
            pos += 1;
        }
        for (p, e) in s.hash.entries().iter().enumerate().skip(pos - len) {
            if !e.value.is_nil() {
                if let Some(k) = e.key.upgrade(ctx.mc) {
                    s.next_hint.set(p);
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
        self.metamethod_hinted(ctx, event, &Cell::new(0))
    }

    /// `metamethod` with a position hint for the event's key (see `get_str_hinted`).
    #[inline(always)]
    pub fn metamethod_hinted(
        self,
        ctx: Context<'gc>,
        event: MetaEvent,
        hint: &Cell<u32>,
    ) -> Value<'gc> {
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
                .find_str_hinted(name, hint)
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
                let stored = part.store_value(&k, v);
                part.hash.push(ctx.mc, WeakValue::new(k, weak_keys), stored);
            }
            s.array = AVec::new_in(MetricsAlloc::new(ctx.mc));
            s.hash = HashPart::new();
            s.weak = Some(ABox::new_in(part, MetricsAlloc::new(ctx.mc)));
            s.border.set(0);
        } else {
            ctx.reserve(pair_bytes)?;
            s.weak = None;
            s.array = AVec::new_in(MetricsAlloc::new(ctx.mc));
            s.hash = HashPart::new();
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

    /// The ephemeron step of the finalization phase for a weak-keyed table: resurrects the
    /// values of live keys that the collector found dead. Returns whether any was (marking must
    /// then resume before the next pass). A no-op for other tables.
    pub fn resurrect_ephemeron_values(self, fc: &Finalization<'gc>) -> bool {
        self.0
            .borrow()
            .weak
            .as_ref()
            .is_some_and(|w| w.resurrect_ephemeron_values(fc))
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
