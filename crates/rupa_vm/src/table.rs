//! Lua tables: an array part for keys 1..n and a hash part (hashbrown) for everything else.
//!
//! IMPLEMENTATION PENDING (table agent): the public API below is the contract the interpreter
//! codes against; bodies are filled in by the table work item.

use gc_arena::{lock::RefLock, Collect, Gc, Mutation};

use crate::error::RuntimeError;
use crate::meta::MetaEvent;
use crate::state::Context;
use crate::string::LuaString;
use crate::value::Value;

/// A table value.
#[derive(Collect, Clone, Copy, Debug)]
#[collect(no_drop)]
pub struct Table<'gc>(pub Gc<'gc, RefLock<TableState<'gc>>>);

/// The contents of a table.
#[derive(Collect, Debug)]
#[collect(no_drop)]
pub struct TableState<'gc> {
    pub metatable: Option<Table<'gc>>,
}

impl<'gc> Table<'gc> {
    /// An empty table (allocates no array or hash storage).
    pub fn new(mc: &Mutation<'gc>) -> Table<'gc> {
        Table(Gc::new(mc, RefLock::new(TableState { metatable: None })))
    }

    /// An empty table with room for `array` array items and `hash` hash entries, checked
    /// against the memory cap.
    pub fn with_capacity(
        ctx: Context<'gc>,
        array: usize,
        hash: usize,
    ) -> Result<Table<'gc>, RuntimeError<'gc>> {
        todo!("{:p} {array} {hash}", &ctx)
    }

    /// Raw get (`rawget`): nil when absent. Float keys with an integer value find the integer key.
    pub fn get(self, key: Value<'gc>) -> Value<'gc> {
        todo!("{key:?}")
    }

    /// Raw get of an integer key (fast path).
    pub fn get_int(self, key: i64) -> Value<'gc> {
        todo!("{key}")
    }

    /// Raw get of a string key (fast path).
    pub fn get_str(self, key: LuaString<'gc>) -> Value<'gc> {
        todo!("{key:?}")
    }

    /// Raw set (`rawset`). Setting nil removes the key. Errors: "index is nil", "index is NaN",
    /// and out-of-memory when growing would pass the cap (checked before allocating).
    pub fn set(
        self,
        ctx: Context<'gc>,
        key: Value<'gc>,
        value: Value<'gc>,
    ) -> Result<(), RuntimeError<'gc>> {
        todo!("{:p} {key:?} {value:?}", &ctx)
    }

    /// Raw set of an integer key (fast path).
    pub fn set_int(
        self,
        ctx: Context<'gc>,
        key: i64,
        value: Value<'gc>,
    ) -> Result<(), RuntimeError<'gc>> {
        todo!("{:p} {key} {value:?}", &ctx)
    }

    /// The raw length `#t`: a border (`t[n] ~= nil and t[n+1] == nil`, or 0), as 5.4 finds it.
    pub fn length(self) -> i64 {
        todo!()
    }

    /// `next(t, key)`: the entry after `key` (nil starts), `Ok(None)` at the end, and the error
    /// "invalid key to 'next'" for a key not in the table.
    pub fn next(
        self,
        key: Value<'gc>,
    ) -> Result<Option<(Value<'gc>, Value<'gc>)>, RuntimeError<'gc>> {
        todo!("{key:?}")
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
    /// new key invalidates the cache.
    pub fn metamethod(self, ctx: Context<'gc>, event: MetaEvent) -> Value<'gc> {
        todo!("{:p} {event:?}", &ctx)
    }
}
