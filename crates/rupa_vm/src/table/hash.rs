//! The hash part of a table: entries in insertion order plus a hashbrown index of positions.
//!
//! Keeping entries in a dense vector (an "index map") gives `next` O(1) steps and a stable
//! order: removing a key only clears its value (a tombstone that keeps the key, weakly), so a
//! traversal that clears fields goes on undisturbed. Tombstones are dropped when the part is
//! rebuilt, which only happens when a new key does not fit (as in 5.4, where a full node array
//! triggers a rehash). Every byte is allocated through the arena's `MetricsAlloc`.

use allocator_api2::vec::Vec as AVec;
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

/// Entries plus the index that finds them.
#[derive(Collect, Debug)]
#[collect(no_drop)]
pub struct HashPart<'gc, V> {
    entries: AVec<Entry<'gc, V>, MetricsAlloc<'gc>>,
    index: HashTable<u32, MetricsAlloc<'gc>>,
    /// How many entries (tombstones included) fit before the part must be rebuilt.
    #[collect(require_static)]
    size: usize,
}

impl<'gc, V: Stored<'gc>> HashPart<'gc, V> {
    /// An empty part that allocates nothing.
    pub fn new(mc: &Mutation<'gc>) -> Self {
        HashPart {
            entries: AVec::new_in(MetricsAlloc::new(mc)),
            index: HashTable::new_in(MetricsAlloc::new(mc)),
            size: 0,
        }
    }

    /// An empty part with room for `size` entries. Callers check `bytes_for(size)` against
    /// the memory cap first.
    pub fn with_size(mc: &Mutation<'gc>, size: usize) -> Self {
        if size == 0 {
            return Self::new(mc);
        }
        HashPart {
            entries: AVec::with_capacity_in(size, MetricsAlloc::new(mc)),
            index: HashTable::with_capacity_in(size, MetricsAlloc::new(mc)),
            size,
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
            .saturating_add(32)
    }

    /// Entries in use (tombstones included).
    #[inline]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Capacity before a rebuild.
    #[inline]
    pub fn size(&self) -> usize {
        self.size
    }

    /// Whether a new key needs a rebuild first.
    #[inline]
    pub fn is_full(&self) -> bool {
        self.entries.len() >= self.size
    }

    /// All entries, in order.
    #[inline]
    pub fn entries(&self) -> &[Entry<'gc, V>] {
        &self.entries
    }

    /// Position of a normalized key.
    #[inline]
    pub fn find(&self, key: &Value<'gc>) -> Option<usize> {
        if self.entries.is_empty() {
            return None;
        }
        let entries = &self.entries;
        self.index
            .find(hash_key(key), |&i| entries[i as usize].key.matches(key))
            .map(|&i| i as usize)
    }

    /// Position of an integer key.
    #[inline]
    pub fn find_int(&self, key: i64) -> Option<usize> {
        if self.entries.is_empty() {
            return None;
        }
        let entries = &self.entries;
        self.index
            .find(hash_int(key), |&i| entries[i as usize].key.is_int(key))
            .map(|&i| i as usize)
    }

    /// Position of a string key.
    #[inline]
    pub fn find_str(&self, key: LuaString<'gc>) -> Option<usize> {
        if self.entries.is_empty() {
            return None;
        }
        let entries = &self.entries;
        self.index
            .find(key.hash_value(), |&i| entries[i as usize].key.is_str(key))
            .map(|&i| i as usize)
    }

    /// Position of the string key whose bytes are `bytes` (no string object needed).
    pub fn find_bytes(&self, bytes: &[u8]) -> Option<usize> {
        if self.entries.is_empty() {
            return None;
        }
        let entries = &self.entries;
        self.index
            .find(crate::string::hash_bytes(bytes), |&i| {
                matches!(entries[i as usize].key, WeakValue::String(s) if s.as_bytes() == bytes)
            })
            .map(|&i| i as usize)
    }

    /// The value at `pos` if the entry there has the string key `key` (a lookup hint).
    #[inline(always)]
    pub fn value_at_str(&self, pos: usize, key: LuaString<'gc>) -> Option<V> {
        match self.entries.get(pos) {
            Some(e) if e.key.is_str(key) => Some(e.value),
            _ => None,
        }
    }

    /// The value at a position.
    #[inline(always)]
    pub fn value(&self, pos: usize) -> V {
        self.entries[pos].value
    }

    /// The entry at a position, for updating its key or value in place.
    #[inline(always)]
    pub fn entry_mut(&mut self, pos: usize) -> &mut Entry<'gc, V> {
        &mut self.entries[pos]
    }

    /// Appends a key that is not present. Grows past `size` only if the caller did not make
    /// room first (the memory is still counted, only the cap check is skipped).
    pub fn push(&mut self, key: WeakValue<'gc>, value: V) {
        let pos = self.entries.len();
        self.entries.push(Entry { key, value });
        self.size = self.size.max(self.entries.len());
        let entries = &self.entries;
        self.index.insert_unique(
            entries[pos].key.hash(),
            u32::try_from(pos).expect("a table's hash part never reaches 2^32 entries"),
            |&i| entries[i as usize].key.hash(),
        );
    }

    /// Live entries (non-nil values), in order.
    pub fn live(&self) -> impl Iterator<Item = &Entry<'gc, V>> + '_ {
        self.entries.iter().filter(|e| !e.value.is_nil())
    }

    /// Live entries in use.
    pub fn live_count(&self) -> usize {
        self.live().count()
    }
}
