//! The hash part of a table: entries in insertion order plus a hashbrown index of positions.
//!
//! Keeping entries in a dense vector (an "index map") gives `next` O(1) steps and a stable
//! order: removing a key only clears its value (a tombstone that keeps the key, weakly), so a
//! traversal that clears fields goes on undisturbed. Tombstones are dropped when the part is
//! rebuilt, which only happens when a new key does not fit (as in 5.4, where a full node array
//! triggers a rehash). Every byte is allocated through the arena's `MetricsAlloc`.

use std::cell::Cell;

use allocator_api2::{boxed::Box as ABox, vec::Vec as AVec};
use gc_arena::{allocator_api::MetricsAlloc, Collect, Mutation};
use hashbrown::HashTable;

use super::slot::{hash_int, hash_key, WeakValue};
use crate::string::LuaString;
use crate::value::Value;

/// What a hash part stores as values: `Value` in normal tables, `WeakValue` in weak ones.
pub trait Stored<'gc>: Copy + Collect {
    /// Whether the value is nil (the entry is a tombstone).
    fn is_nil(&self) -> bool;
}

impl<'gc> Stored<'gc> for Value<'gc> {
    #[inline(always)]
    fn is_nil(&self) -> bool {
        Value::is_nil(self)
    }
}

impl<'gc> Stored<'gc> for WeakValue<'gc> {
    #[inline(always)]
    fn is_nil(&self) -> bool {
        WeakValue::is_nil(self)
    }
}

/// One key-value pair; a nil value marks a removed key.
#[derive(Collect, Clone, Copy, Debug)]
#[collect(no_drop)]
pub struct Entry<'gc, V> {
    pub key: WeakValue<'gc>,
    pub value: V,
}

/// Entries plus the index that finds them, boxed: a table without hash keys (an array, a
/// tree node) pays one pointer for it, which keeps the table object small enough for the
/// allocator's fast bins (tables are the most allocated object in most programs).
#[derive(Collect, Debug)]
#[collect(no_drop)]
pub struct HashPart<'gc, V> {
    inner: Option<ABox<Storage<'gc, V>, MetricsAlloc<'gc>>>,
}

#[derive(Collect, Debug)]
#[collect(no_drop)]
struct Storage<'gc, V> {
    entries: AVec<Entry<'gc, V>, MetricsAlloc<'gc>>,
    index: HashTable<u32, MetricsAlloc<'gc>>,
    /// How many entries (tombstones included) fit before the part must be rebuilt.
    #[collect(require_static)]
    size: usize,
}

impl<'gc, V: Stored<'gc>> HashPart<'gc, V> {
    /// An empty part that allocates nothing.
    pub fn new() -> Self {
        HashPart { inner: None }
    }

    /// An empty part with room for `size` entries. Callers check `bytes_for(size)` against
    /// the memory cap first.
    pub fn with_size(mc: &Mutation<'gc>, size: usize) -> Self {
        if size == 0 {
            return Self::new();
        }
        let storage = Storage {
            entries: AVec::with_capacity_in(size, MetricsAlloc::new(mc)),
            index: HashTable::with_capacity_in(size, MetricsAlloc::new(mc)),
            size,
        };
        HashPart {
            inner: Some(ABox::new_in(storage, MetricsAlloc::new(mc))),
        }
    }

    /// Bytes a part of `size` entries allocates (hashbrown's bucket count estimated from its
    /// load factor of 7/8 and its control bytes).
    pub fn bytes_for(size: usize) -> usize {
        if size == 0 {
            return 0;
        }
        let buckets = if size < 4 {
            4
        } else if size < 8 {
            8
        } else {
            (size.saturating_mul(8) / 7).next_power_of_two()
        };
        let entry = std::mem::size_of::<Entry<'gc, V>>();
        size.saturating_mul(entry)
            .saturating_add(buckets.saturating_mul(std::mem::size_of::<u32>() + 1))
            .saturating_add(32 + std::mem::size_of::<Storage<'gc, V>>())
    }

    /// Entries in use (tombstones included).
    #[inline]
    pub fn len(&self) -> usize {
        self.entries().len()
    }

    /// Capacity before a rebuild.
    #[inline]
    pub fn size(&self) -> usize {
        self.inner.as_ref().map_or(0, |s| s.size)
    }

    /// Whether a new key needs a rebuild first.
    #[inline]
    pub fn is_full(&self) -> bool {
        self.inner
            .as_ref()
            .is_none_or(|s| s.entries.len() >= s.size)
    }

    /// All entries, in order.
    #[inline]
    pub fn entries(&self) -> &[Entry<'gc, V>] {
        match &self.inner {
            Some(s) => &s.entries,
            None => &[],
        }
    }

    /// Position of a normalized key.
    #[inline]
    pub fn find(&self, key: &Value<'gc>) -> Option<usize> {
        let s = self.inner.as_ref()?;
        let entries = &s.entries;
        s.index
            .find(hash_key(key), |&i| entries[i as usize].key.matches(key))
            .map(|&i| i as usize)
    }

    /// Position of an integer key.
    #[inline]
    pub fn find_int(&self, key: i64) -> Option<usize> {
        let s = self.inner.as_ref()?;
        let entries = &s.entries;
        s.index
            .find(hash_int(key), |&i| entries[i as usize].key.is_int(key))
            .map(|&i| i as usize)
    }

    /// Position of a string key.
    #[inline]
    pub fn find_str(&self, key: LuaString<'gc>) -> Option<usize> {
        let s = self.inner.as_ref()?;
        let entries = &s.entries;
        s.index
            .find(key.hash_value(), |&i| entries[i as usize].key.is_str(key))
            .map(|&i| i as usize)
    }

    /// Position of the string key whose bytes are `bytes` (no string object needed).
    pub fn find_bytes(&self, bytes: &[u8]) -> Option<usize> {
        let s = self.inner.as_ref()?;
        let entries = &s.entries;
        s.index
            .find(crate::string::hash_bytes(bytes), |&i| {
                matches!(entries[i as usize].key, WeakValue::String(k) if k.as_bytes() == bytes)
            })
            .map(|&i| i as usize)
    }

    /// Position of a string key, tried first at `hint` (where an instruction last found its
    /// key); a lookup that needs the hash updates the hint.
    #[inline(always)]
    pub fn find_str_hinted(&self, key: LuaString<'gc>, hint: &Cell<u32>) -> Option<usize> {
        let s = self.inner.as_ref()?;
        let at = hint.get() as usize;
        if s.entries.get(at).is_some_and(|e| e.key.is_str(key)) {
            return Some(at);
        }
        let entries = &s.entries;
        let pos = *s
            .index
            .find(key.hash_value(), |&i| entries[i as usize].key.is_str(key))?;
        hint.set(pos);
        Some(pos as usize)
    }

    /// The value at a position.
    #[inline(always)]
    pub fn value(&self, pos: usize) -> V {
        self.entries()[pos].value
    }

    /// The entry at a position, for updating its key or value in place.
    #[inline(always)]
    pub fn entry_mut(&mut self, pos: usize) -> &mut Entry<'gc, V> {
        let s = self
            .inner
            .as_mut()
            .expect("positions come from a lookup in this part, so it has storage");
        &mut s.entries[pos]
    }

    /// Appends a key that is not present. Grows past `size` only if the caller did not make
    /// room first (the memory is still counted, only the cap check is skipped).
    pub fn push(&mut self, mc: &Mutation<'gc>, key: WeakValue<'gc>, value: V) {
        if self.inner.is_none() {
            *self = Self::with_size(mc, 1);
        }
        let s: &mut Storage<'gc, V> = self.inner.as_mut().expect("storage was created just above");
        let pos = s.entries.len();
        s.entries.push(Entry { key, value });
        s.size = s.size.max(s.entries.len());
        let entries = &s.entries;
        s.index.insert_unique(
            entries[pos].key.hash(),
            u32::try_from(pos).expect("a table's hash part never reaches 2^32 entries"),
            |&i| entries[i as usize].key.hash(),
        );
    }

    /// Live entries (non-nil values), in order.
    pub fn live(&self) -> impl Iterator<Item = &Entry<'gc, V>> + '_ {
        self.entries().iter().filter(|e| !e.value.is_nil())
    }

    /// Live entries in use.
    pub fn live_count(&self) -> usize {
        self.live().count()
    }
}
