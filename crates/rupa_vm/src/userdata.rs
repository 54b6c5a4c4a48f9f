//! Full userdata: host data (any `'static` Rust value) with a metatable and a user value.

use std::any::Any;

use gc_arena::{lock::Lock, Collect, Gc};

use crate::table::Table;
use crate::value::Value;

/// A userdata value.
#[derive(Collect, Clone, Copy, Debug)]
#[collect(no_drop)]
pub struct UserData<'gc>(pub Gc<'gc, UserDataObj<'gc>>);

#[derive(Collect)]
#[collect(no_drop)]
pub struct UserDataObj<'gc> {
    pub metatable: Lock<Option<Table<'gc>>>,
    pub user_value: Lock<Value<'gc>>,
    #[collect(require_static)]
    pub data: Box<dyn Any>,
}

impl std::fmt::Debug for UserDataObj<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("UserDataObj")
    }
}
