//! The Lua value type: 16 bytes, `Copy`, with GC pointers for the reference types.

use gc_arena::{Collect, Gc};

use crate::function::{Closure, Function};
use crate::native::NativeDef;
use crate::string::LuaString;
use crate::table::Table;
use crate::thread::Thread;
use crate::userdata::UserData;

/// A Lua value.
///
/// A function is one of two variants, [`Value::Closure`] and [`Value::LightFunction`]:
/// [`Value::as_function`] reads either as a [`Function`], and `Value::from` makes either.
#[derive(Collect, Clone, Copy, Debug)]
#[collect(no_drop)]
#[repr(C, u64)]
pub enum Value<'gc> {
    Nil,
    Boolean(bool),
    Integer(i64),
    Number(f64),
    /// A native function without upvalues: a `'static` definition, no allocation. Placed
    /// with the variants that hold no GC pointer.
    LightFunction(#[collect(require_static)] &'static NativeDef),
    String(LuaString<'gc>),
    Table(Table<'gc>),
    /// A Lua function, or a native function with upvalues.
    Closure(Closure<'gc>),
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
            Value::Closure(_) | Value::LightFunction(_) => "function",
            Value::Thread(_) => "thread",
            Value::UserData(_) => "userdata",
        }
    }

    /// The function this value is, if it is one (a closure or a light native).
    #[inline]
    pub fn as_function(self) -> Option<Function<'gc>> {
        match self {
            Value::Closure(c) => Some(Function::Closure(c)),
            Value::LightFunction(d) => Some(Function::Light(d)),
            _ => None,
        }
    }

    /// Whether this value is a function (`type(v) == "function"`).
    #[inline(always)]
    pub fn is_function(&self) -> bool {
        matches!(self, Value::Closure(_) | Value::LightFunction(_))
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
            (Value::Closure(a), Value::Closure(b)) => a.ptr_eq(b),
            (Value::LightFunction(a), Value::LightFunction(b)) => std::ptr::eq(a, b),
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
            Value::Closure(f) => Some(f.address()),
            Value::LightFunction(d) => Some(*d as *const NativeDef as usize),
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

impl<'gc> From<Function<'gc>> for Value<'gc> {
    #[inline]
    fn from(f: Function<'gc>) -> Self {
        match f {
            Function::Closure(c) => Value::Closure(c),
            Function::Light(d) => Value::LightFunction(d),
        }
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
