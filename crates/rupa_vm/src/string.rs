//! Lua strings: immutable byte strings in the GC arena with a precomputed hash.
//!
//! Strings are compared by content (pointer equality first). Short strings (names, keys, most
//! results of string operations) keep their bytes inside the string object: one allocation
//! each instead of two. Longer strings allocate their bytes through gc-arena's `MetricsAlloc`,
//! so every byte a string owns is counted in the arena's metrics and therefore in the
//! runtime's memory accounting.

use std::hash::{Hash, Hasher};

use allocator_api2::vec::Vec as AVec;
use gc_arena::{allocator_api::MetricsAlloc, Collect, Gc, Mutation};

/// The heap part of a string.
#[derive(Collect)]
#[collect(no_drop)]
pub struct StringObj<'gc> {
    #[collect(require_static)]
    hash: u64,
    bytes: Bytes<'gc>,
}

/// Longest string kept inside its string object: as many bytes as fit beside the length and
/// the variant tag in the room the boxed form takes anyway.
const INLINE: usize = 30;

/// Where a string's bytes are.
#[derive(Collect)]
#[collect(no_drop)]
enum Bytes<'gc> {
    Inline {
        #[collect(require_static)]
        len: u8,
        #[collect(require_static)]
        data: [u8; INLINE],
    },
    Boxed(allocator_api2::boxed::Box<[u8], MetricsAlloc<'gc>>),
}

/// A Lua string value.
#[derive(Collect, Clone, Copy)]
#[collect(no_drop)]
pub struct LuaString<'gc>(pub Gc<'gc, StringObj<'gc>>);

/// Fixed per-string overhead (the GC header and the object), for memory-cap checks before
/// a string is built.
pub const STRING_OVERHEAD: usize = 56;

impl<'gc> LuaString<'gc> {
    /// Allocates a string holding a copy of `bytes`. Callers that enforce a memory cap check
    /// `bytes.len() + STRING_OVERHEAD` against it first.
    pub fn new(mc: &Mutation<'gc>, bytes: &[u8]) -> LuaString<'gc> {
        let stored = if bytes.len() <= INLINE {
            let mut data = [0; INLINE];
            data[..bytes.len()].copy_from_slice(bytes);
            Bytes::Inline {
                len: bytes.len() as u8,
                data,
            }
        } else {
            let mut v = AVec::with_capacity_in(bytes.len(), MetricsAlloc::new(mc));
            v.extend_from_slice(bytes);
            Bytes::Boxed(v.into_boxed_slice())
        };
        LuaString(Gc::new(
            mc,
            StringObj {
                hash: hash_bytes(bytes),
                bytes: stored,
            },
        ))
    }

    /// The string's bytes.
    #[inline]
    pub fn as_bytes(&self) -> &'gc [u8] {
        match &Gc::as_ref(self.0).bytes {
            Bytes::Inline { len, data } => &data[..*len as usize],
            Bytes::Boxed(b) => b,
        }
    }

    /// Length in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        self.as_bytes().len()
    }

    /// Whether the string is empty.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The precomputed content hash.
    #[inline]
    pub fn hash_value(&self) -> u64 {
        self.0.hash
    }

    /// The bytes as UTF-8 text, with invalid sequences replaced (for messages only).
    pub fn to_str_lossy(&self) -> std::borrow::Cow<'gc, str> {
        String::from_utf8_lossy(self.as_bytes())
    }
}

impl PartialEq for LuaString<'_> {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        Gc::ptr_eq(self.0, other.0)
            || (self.0.hash == other.0.hash && self.as_bytes() == other.as_bytes())
    }
}

impl Eq for LuaString<'_> {}

impl Hash for LuaString<'_> {
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.0.hash);
    }
}

// The inline form must not make the object bigger than the boxed form does.
const _: () = assert!(std::mem::size_of::<Bytes<'static>>() <= 32);

impl std::fmt::Debug for LuaString<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.to_str_lossy())
    }
}

/// Content hash of a byte string (FNV-1a over 8-byte words, then a final mix): fast, and the
/// same bytes always give the same hash.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ w).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(23);
    }
    for &b in chunks.remainder() {
        h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}
