//! The Lua value type: 16 bytes, `Copy`, with GC pointers for the reference types.

use gc_arena::{Collect, Gc};

use crate::function::Function;
use crate::string::LuaString;
use crate::table::Table;
use crate::thread::Thread;
use crate::userdata::UserData;

/// A Lua value.
///
/// Two words: [`Function`]'s whole-word tag is the first word and the other variants use its
/// spare values, so every payload sits aligned in the second word (copies are two word moves).
/// Not `repr(C)`: that would keep a tag of its own and make a value three words.
#[derive(Collect, Clone, Copy, Debug)]
#[collect(no_drop)]
pub enum Value<'gc> {
    Nil,
    Boolean(bool),
    Integer(i64),
    Number(f64),
    String(LuaString<'gc>),
    Table(Table<'gc>),
    Function(Function<'gc>),
    Thread(Thread<'gc>),
    UserData(UserData<'gc>),
}

// The interpreter's stack and every table slot are arrays of values: their size is speed.
const _: () = assert!(std::mem::size_of::<Value<'static>>() == 16);

impl<'gc> Value<'gc> {
    /// The name `type()` returns for this value.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Nil => "nil",
            Value::Boolean(_) => "boolean",
            Value::Integer(_) | Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Table(_) => "table",
            Value::Function(_) => "function",
            Value::Thread(_) => "thread",
            Value::UserData(_) => "userdata",
        }
    }

    /// Lua truthiness: everything but `nil` and `false` is true.
    #[inline(always)]
    pub fn is_truthy(&self) -> bool {
        !matches!(self, Value::Nil | Value::Boolean(false))
    }

    #[inline(always)]
    pub fn is_nil(&self) -> bool {
        matches!(self, Value::Nil)
    }

    /// Primitive equality (`rawequal`): numbers by mathematical value (`1 == 1.0`), strings by
    /// content, everything else by identity.
    pub fn raw_equal(&self, other: &Value<'gc>) -> bool {
        match (*self, *other) {
            (Value::Nil, Value::Nil) => true,
            (Value::Boolean(a), Value::Boolean(b)) => a == b,
            (Value::Integer(a), Value::Integer(b)) => a == b,
            (Value::Number(a), Value::Number(b)) => a == b,
            (Value::Integer(i), Value::Number(f)) | (Value::Number(f), Value::Integer(i)) => {
                crate::number::int_eq_float(i, f)
            }
            (Value::String(a), Value::String(b)) => a == b,
            (Value::Table(a), Value::Table(b)) => Gc::ptr_eq(a.0, b.0),
            (Value::Function(a), Value::Function(b)) => a.ptr_eq(b),
            (Value::Thread(a), Value::Thread(b)) => Gc::ptr_eq(a.0, b.0),
            (Value::UserData(a), Value::UserData(b)) => Gc::ptr_eq(a.0, b.0),
            _ => false,
        }
    }

    /// Address of the referenced object (for `tostring` of tables, functions, threads and
    /// userdata, and for identity hashing); `None` for non-reference values.
    pub fn address(&self) -> Option<usize> {
        match self {
            Value::String(s) => Some(Gc::as_ptr(s.0) as usize),
            Value::Table(t) => Some(Gc::as_ptr(t.0) as *const u8 as usize),
            Value::Function(f) => Some(f.address()),
            Value::Thread(t) => Some(Gc::as_ptr(t.0) as *const u8 as usize),
            Value::UserData(u) => Some(Gc::as_ptr(u.0) as *const u8 as usize),
            _ => None,
        }
    }
}

impl<'gc> From<bool> for Value<'gc> {
    fn from(b: bool) -> Self {
        Value::Boolean(b)
    }
}

impl<'gc> From<i64> for Value<'gc> {
    fn from(i: i64) -> Self {
        Value::Integer(i)
    }
}

impl<'gc> From<f64> for Value<'gc> {
    fn from(n: f64) -> Self {
        Value::Number(n)
    }
}

impl<'gc> From<LuaString<'gc>> for Value<'gc> {
    fn from(s: LuaString<'gc>) -> Self {
        Value::String(s)
    }
}

impl<'gc> From<Table<'gc>> for Value<'gc> {
    fn from(t: Table<'gc>) -> Self {
        Value::Table(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_is_sixteen_bytes() {
        assert_eq!(std::mem::size_of::<Value<'static>>(), 16);
    }
}
