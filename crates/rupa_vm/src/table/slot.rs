//! How a table stores keys (and a weak table its values): a [`Value`] whose reference may be
//! held weakly, with the hashing and key equality the hash part uses.
//!
//! Weak references appear in three places: keys of weak-keyed tables, values of weak-valued
//! tables, and the keys of removed entries (tombstones). A tombstone keeps its key so that
//! `next` can continue from it, but holds it weakly so a removed key does not keep its object
//! alive. Strings and numbers are values in Lua and are never held weakly.

use gc_arena::{lock::RefLock, Collect, Finalization, Gc, GcWeak, Mutation};

use crate::function::{Closure, FunctionKind};
use crate::native::NativeDef;
use crate::table::{Table, TableState};
use crate::thread::{Thread, ThreadState};
use crate::userdata::{UserData, UserDataObj};
use crate::value::Value;
use crate::LuaString;

/// A stored key or weak-table value: a Lua value whose reference (table, function, thread,
/// userdata) may be held through a `GcWeak`.
#[derive(Collect, Clone, Copy, Debug)]
#[collect(no_drop)]
pub enum WeakValue<'gc> {
    Nil,
    Boolean(bool),
    Integer(i64),
    Number(f64),
    String(LuaString<'gc>),
    Table(Table<'gc>),
    Closure(Closure<'gc>),
    Thread(Thread<'gc>),
    UserData(UserData<'gc>),
    /// A light native: a value, like a number, never held weakly (nothing to collect).
    LightFunction(#[collect(require_static)] &'static NativeDef),
    WeakTable(GcWeak<'gc, RefLock<TableState<'gc>>>),
    WeakClosure(GcWeak<'gc, FunctionKind<'gc>>),
    WeakThread(GcWeak<'gc, RefLock<ThreadState<'gc>>>),
    WeakUserData(GcWeak<'gc, UserDataObj<'gc>>),
}

/// Mixes an integer into a hash whose low bits (bucket) and top bits (hashbrown's tag) both
/// depend on all input bits: sequential integers and aligned addresses spread well.
#[inline(always)]
fn mix(x: u64) -> u64 {
    // Fold first: float keys differ mostly in their high bits, addresses in their middle ones.
    let x = (x ^ (x >> 32)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x ^ (x >> 29)
}

#[inline(always)]
fn addr<T: ?Sized>(p: *const T) -> u64 {
    p as *const () as usize as u64
}

/// The hash of a normalized key (no nil, no NaN, no float with an integer value).
#[inline]
pub fn hash_key(key: &Value<'_>) -> u64 {
    match key {
        Value::Integer(i) => hash_int(*i),
        Value::String(s) => s.hash_value(),
        Value::Number(f) => mix(f.to_bits() ^ 0x5555_5555_5555_5555),
        Value::Boolean(b) => mix(*b as u64 + 0x1234_5678),
        Value::Table(t) => mix(addr(Gc::as_ptr(t.0))),
        Value::Closure(f) => mix(addr(Gc::as_ptr(f.0))),
        Value::LightFunction(d) => mix(addr(*d)),
        Value::Thread(t) => mix(addr(Gc::as_ptr(t.0))),
        Value::UserData(u) => mix(addr(Gc::as_ptr(u.0))),
        Value::Nil => 0,
    }
}

/// The hash of an integer key.
#[inline(always)]
pub fn hash_int(i: i64) -> u64 {
    mix(i as u64)
}

impl<'gc> WeakValue<'gc> {
    /// The value, held strongly.
    #[inline]
    pub fn strong(v: Value<'gc>) -> WeakValue<'gc> {
        match v {
            Value::Nil => WeakValue::Nil,
            Value::Boolean(b) => WeakValue::Boolean(b),
            Value::Integer(i) => WeakValue::Integer(i),
            Value::Number(f) => WeakValue::Number(f),
            Value::String(s) => WeakValue::String(s),
            Value::Table(t) => WeakValue::Table(t),
            Value::Closure(f) => WeakValue::Closure(f),
            Value::LightFunction(d) => WeakValue::LightFunction(d),
            Value::Thread(t) => WeakValue::Thread(t),
            Value::UserData(u) => WeakValue::UserData(u),
        }
    }

    /// The value with its reference (if any) held weakly.
    #[inline]
    pub fn weak(v: Value<'gc>) -> WeakValue<'gc> {
        WeakValue::strong(v).downgrade()
    }

    /// The value held strongly or weakly as `weak` says.
    #[inline]
    pub fn new(v: Value<'gc>, weak: bool) -> WeakValue<'gc> {
        if weak {
            WeakValue::weak(v)
        } else {
            WeakValue::strong(v)
        }
    }

    /// The same value with its reference held weakly.
    #[inline]
    pub fn downgrade(self) -> WeakValue<'gc> {
        match self {
            WeakValue::Table(t) => WeakValue::WeakTable(Gc::downgrade(t.0)),
            WeakValue::Closure(f) => WeakValue::WeakClosure(Gc::downgrade(f.0)),
            WeakValue::Thread(t) => WeakValue::WeakThread(Gc::downgrade(t.0)),
            WeakValue::UserData(u) => WeakValue::WeakUserData(Gc::downgrade(u.0)),
            other => other,
        }
    }

    /// Whether this is nil (a weak reference to a dead object is not nil: see `is_dead`).
    #[inline(always)]
    pub fn is_nil(&self) -> bool {
        matches!(self, WeakValue::Nil)
    }

    /// The value, or `None` when it is a weak reference whose object is gone.
    #[inline]
    pub fn upgrade(self, mc: &Mutation<'gc>) -> Option<Value<'gc>> {
        Some(match self {
            WeakValue::Nil => Value::Nil,
            WeakValue::Boolean(b) => Value::Boolean(b),
            WeakValue::Integer(i) => Value::Integer(i),
            WeakValue::Number(f) => Value::Number(f),
            WeakValue::String(s) => Value::String(s),
            WeakValue::Table(t) => Value::Table(t),
            WeakValue::Closure(f) => Value::Closure(f),
            WeakValue::LightFunction(d) => Value::LightFunction(d),
            WeakValue::Thread(t) => Value::Thread(t),
            WeakValue::UserData(u) => Value::UserData(u),
            WeakValue::WeakTable(w) => Value::Table(Table(w.upgrade(mc)?)),
            WeakValue::WeakClosure(w) => Value::Closure(Closure(w.upgrade(mc)?)),
            WeakValue::WeakThread(w) => Value::Thread(Thread(w.upgrade(mc)?)),
            WeakValue::WeakUserData(w) => Value::UserData(UserData(w.upgrade(mc)?)),
        })
    }

    /// The value read as a table value: dead weak references read as nil.
    #[inline]
    pub fn get(self, mc: &Mutation<'gc>) -> Value<'gc> {
        self.upgrade(mc).unwrap_or(Value::Nil)
    }

    /// During finalization: whether this is a weak reference to an object the collector found
    /// unreachable.
    pub fn is_dead(self, fc: &Finalization<'gc>) -> bool {
        match self {
            WeakValue::WeakTable(w) => w.is_dead(fc),
            WeakValue::WeakClosure(w) => w.is_dead(fc),
            WeakValue::WeakThread(w) => w.is_dead(fc),
            WeakValue::WeakUserData(w) => w.is_dead(fc),
            _ => false,
        }
    }

    /// Whether the reference is held weakly.
    pub fn is_weak(self) -> bool {
        matches!(
            self,
            WeakValue::WeakTable(_)
                | WeakValue::WeakClosure(_)
                | WeakValue::WeakThread(_)
                | WeakValue::WeakUserData(_)
        )
    }

    /// During finalization: keeps a weakly held object (and all it reaches) alive this cycle;
    /// the collector resumes marking. Other values need nothing.
    pub fn resurrect(self, fc: &Finalization<'gc>) {
        // `None` means the object was already dropped: nothing left to keep.
        let _ = match self {
            WeakValue::WeakTable(w) => w.resurrect(fc).is_some(),
            WeakValue::WeakClosure(w) => w.resurrect(fc).is_some(),
            WeakValue::WeakThread(w) => w.resurrect(fc).is_some(),
            WeakValue::WeakUserData(w) => w.resurrect(fc).is_some(),
            _ => false,
        };
    }

    /// Whether this stored key is `key` (a normalized key: identity for references, content
    /// for strings, value for numbers and booleans).
    #[inline]
    pub fn matches(&self, key: &Value<'gc>) -> bool {
        match (*self, *key) {
            (WeakValue::Integer(a), Value::Integer(b)) => a == b,
            (WeakValue::String(a), Value::String(b)) => a == b,
            (WeakValue::Number(a), Value::Number(b)) => a == b,
            (WeakValue::Boolean(a), Value::Boolean(b)) => a == b,
            (WeakValue::Table(a), Value::Table(b)) => Gc::ptr_eq(a.0, b.0),
            (WeakValue::Closure(a), Value::Closure(b)) => Gc::ptr_eq(a.0, b.0),
            (WeakValue::LightFunction(a), Value::LightFunction(b)) => std::ptr::eq(a, b),
            (WeakValue::Thread(a), Value::Thread(b)) => Gc::ptr_eq(a.0, b.0),
            (WeakValue::UserData(a), Value::UserData(b)) => Gc::ptr_eq(a.0, b.0),
            // A weak reference keeps its allocation until it is dropped from the table, so
            // an equal address is the same object.
            (WeakValue::WeakTable(w), Value::Table(b)) => w.as_ptr() == Gc::as_ptr(b.0),
            (WeakValue::WeakClosure(w), Value::Closure(b)) => w.as_ptr() == Gc::as_ptr(b.0),
            (WeakValue::WeakThread(w), Value::Thread(b)) => w.as_ptr() == Gc::as_ptr(b.0),
            (WeakValue::WeakUserData(w), Value::UserData(b)) => w.as_ptr() == Gc::as_ptr(b.0),
            _ => false,
        }
    }

    /// Whether this stored key is the integer `i`.
    #[inline(always)]
    pub fn is_int(&self, i: i64) -> bool {
        matches!(*self, WeakValue::Integer(a) if a == i)
    }

    /// Whether this stored key is the string `s`.
    #[inline(always)]
    pub fn is_str(&self, s: LuaString<'gc>) -> bool {
        matches!(*self, WeakValue::String(a) if a == s)
    }

    /// The hash of this stored key: equal to `hash_key` of the key it matches.
    #[inline]
    pub fn hash(&self) -> u64 {
        match *self {
            WeakValue::Nil => 0,
            WeakValue::Boolean(b) => hash_key(&Value::Boolean(b)),
            WeakValue::Integer(i) => hash_int(i),
            WeakValue::Number(f) => hash_key(&Value::Number(f)),
            WeakValue::String(s) => s.hash_value(),
            WeakValue::Table(t) => mix(addr(Gc::as_ptr(t.0))),
            WeakValue::Closure(f) => mix(addr(Gc::as_ptr(f.0))),
            WeakValue::LightFunction(d) => mix(addr(d)),
            WeakValue::Thread(t) => mix(addr(Gc::as_ptr(t.0))),
            WeakValue::UserData(u) => mix(addr(Gc::as_ptr(u.0))),
            WeakValue::WeakTable(w) => mix(addr(w.as_ptr())),
            WeakValue::WeakClosure(w) => mix(addr(w.as_ptr())),
            WeakValue::WeakThread(w) => mix(addr(w.as_ptr())),
            WeakValue::WeakUserData(w) => mix(addr(w.as_ptr())),
        }
    }

    /// The positive integer this key is, if any (for array sizing).
    #[inline]
    pub fn as_int(&self) -> Option<i64> {
        match *self {
            WeakValue::Integer(i) => Some(i),
            _ => None,
        }
    }
}
