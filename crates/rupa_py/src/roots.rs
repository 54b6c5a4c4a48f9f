//! [`BridgeRoot`]: the Lua values one runtime's bridge keeps inside the arena — the values
//! held by Python wrappers (by slot id), the metatable of Python objects, the identity cache,
//! the helpers and the overflow handler — rooted once, so the hot paths read and write them
//! inside a single mutation instead of creating a handle (an `Rc` and a root entry) per value.
//!
//! It must only be touched by the thread holding the runtime lock (it lives in the Lua state).

use gc_arena::lock::{Lock, RefLock};
use gc_arena::{Collect, DynamicRoot, Gc, Rootable};
use rupa_vm::{Context, LuaString, Table, Value};

/// Entries of the string cache (a power of two).
const STRING_CACHE: usize = 256;
/// Longest string the cache keeps (short keys and names are what repeats).
pub(crate) const CACHED_STRING_MAX: usize = 48;

/// Values held by Python wrappers; a released slot is `None` and its id is reused.
#[derive(Collect, Default)]
#[collect(no_drop)]
pub(crate) struct Slots<'gc> {
    vals: Vec<Option<Value<'gc>>>,
    #[collect(require_static)]
    free: Vec<usize>,
}

/// What the bridge keeps in the arena.
#[derive(Collect, Clone, Copy)]
#[collect(no_drop)]
pub(crate) struct BridgeRoot<'gc> {
    slots: Gc<'gc, RefLock<Slots<'gc>>>,
    /// The metatable of Python objects in Lua.
    pub(crate) meta: Table<'gc>,
    /// Identity cache: shards (1..`CACHE_SHARDS`) of weak-valued tables, object identity and
    /// protocol -> its userdata.
    pub(crate) cache: Table<'gc>,
    /// Lua helpers the wrappers call (`t[k]`, `#o`, iteration, coroutines).
    pub(crate) helpers: Table<'gc>,
    /// Handler for Python integers that do not fit a Lua integer (nil if none).
    overflow: Gc<'gc, Lock<Value<'gc>>>,
    /// Lua strings made from short Python strings, by their Python hash: the VM does not
    /// intern strings, so without it every `t["key"]` from Python would allocate the key.
    /// Empty until the first string is cached (an idle runtime does not pay for it).
    strings: Gc<'gc, RefLock<Vec<Option<LuaString<'gc>>>>>,
}

/// The handle to a runtime's [`BridgeRoot`] (an `Rc` inside: lock owner only).
#[derive(Clone)]
pub(crate) struct Roots(DynamicRoot<Rootable![BridgeRoot<'_>]>);

impl Roots {
    /// Roots a new bridge root with the tables the init chunk made.
    pub(crate) fn new<'gc>(
        ctx: Context<'gc>,
        meta: Table<'gc>,
        cache: Table<'gc>,
        helpers: Table<'gc>,
    ) -> Roots {
        let root = BridgeRoot {
            slots: Gc::new(ctx.mc, RefLock::new(Slots::default())),
            meta,
            cache,
            helpers,
            overflow: Gc::new(ctx.mc, Lock::new(Value::Nil)),
            strings: Gc::new(ctx.mc, RefLock::new(Vec::new())),
        };
        Roots(
            ctx.state
                .roots
                .stash::<Rootable![BridgeRoot<'_>]>(ctx.mc, root),
        )
    }

    /// The root, inside a mutation of the same state.
    pub(crate) fn get<'gc>(&self, ctx: Context<'gc>) -> BridgeRoot<'gc> {
        *ctx.state.roots.fetch(&self.0)
    }
}

impl<'gc> BridgeRoot<'gc> {
    /// Keeps `v` for a wrapper; returns its slot id.
    pub(crate) fn hold(self, ctx: Context<'gc>, v: Value<'gc>) -> usize {
        let mut s = self.slots.borrow_mut(ctx.mc);
        match s.free.pop() {
            Some(id) => {
                s.vals[id] = Some(v);
                id
            }
            None => {
                s.vals.push(Some(v));
                s.vals.len() - 1
            }
        }
    }

    /// The value in slot `id` (`None` if it was released).
    pub(crate) fn held(self, id: usize) -> Option<Value<'gc>> {
        self.slots.borrow().vals.get(id).copied().flatten()
    }

    /// Replaces the value in slot `id`.
    pub(crate) fn replace(self, ctx: Context<'gc>, id: usize, v: Value<'gc>) {
        let mut s = self.slots.borrow_mut(ctx.mc);
        if let Some(slot @ Some(_)) = s.vals.get_mut(id) {
            *slot = Some(v);
        }
    }

    /// Frees slot `id`.
    pub(crate) fn release(self, ctx: Context<'gc>, id: usize) {
        let mut s = self.slots.borrow_mut(ctx.mc);
        if let Some(slot) = s.vals.get_mut(id) {
            if slot.take().is_some() {
                s.free.push(id);
            }
        }
    }

    /// The cached Lua string with these bytes for Python hash `hash`, if any.
    pub(crate) fn cached_string(self, hash: isize, bytes: &[u8]) -> Option<LuaString<'gc>> {
        let i = (hash as usize) & (STRING_CACHE - 1);
        self.strings
            .borrow()
            .get(i)
            .copied()
            .flatten()
            .filter(|s| s.as_bytes() == bytes)
    }

    /// Caches `s` for Python hash `hash`.
    pub(crate) fn cache_string(self, ctx: Context<'gc>, hash: isize, s: LuaString<'gc>) {
        let i = (hash as usize) & (STRING_CACHE - 1);
        let mut strings = self.strings.borrow_mut(ctx.mc);
        if strings.is_empty() {
            strings.resize(STRING_CACHE, None);
        }
        strings[i] = Some(s);
    }

    /// The overflow handler (nil if none).
    pub(crate) fn overflow(self) -> Value<'gc> {
        self.overflow.get()
    }

    /// Sets the overflow handler (nil: none).
    pub(crate) fn set_overflow(self, ctx: Context<'gc>, v: Value<'gc>) {
        self.overflow.set(ctx.mc, v);
    }
}
