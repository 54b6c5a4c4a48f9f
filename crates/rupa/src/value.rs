//! Values as the host sees them: [`Handle`]s to values living in the VM, and [`LuaValue`], an
//! owned snapshot of a value (scalars copied out, reference types as handles).

use rupa_vm::lua::StashedValue;

/// A `'static` reference to a Lua value. The value stays alive while a handle to it exists;
/// handles belong to the runtime that made them.
#[derive(Clone)]
pub struct Handle(pub(crate) StashedValue);

impl std::fmt::Debug for Handle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Handle")
    }
}

/// A Lua value copied out of the VM. Strings are bytes (Lua strings need not be UTF-8).
#[derive(Debug, Clone)]
pub enum LuaValue {
    Nil,
    Boolean(bool),
    Integer(i64),
    Number(f64),
    String(Vec<u8>),
    Table(Handle),
    Function(Handle),
    Thread(Handle),
    UserData(Handle),
}

impl LuaValue {
    /// The Lua type name (`type(v)`).
    pub fn type_name(&self) -> &'static str {
        match self {
            LuaValue::Nil => "nil",
            LuaValue::Boolean(_) => "boolean",
            LuaValue::Integer(_) | LuaValue::Number(_) => "number",
            LuaValue::String(_) => "string",
            LuaValue::Table(_) => "table",
            LuaValue::Function(_) => "function",
            LuaValue::Thread(_) => "thread",
            LuaValue::UserData(_) => "userdata",
        }
    }

    /// The string's bytes as text, when this is a string.
    pub fn as_str(&self) -> Option<std::borrow::Cow<'_, str>> {
        match self {
            LuaValue::String(b) => Some(String::from_utf8_lossy(b)),
            _ => None,
        }
    }
}

impl From<&str> for LuaValue {
    fn from(s: &str) -> Self {
        LuaValue::String(s.as_bytes().to_vec())
    }
}

impl From<i64> for LuaValue {
    fn from(i: i64) -> Self {
        LuaValue::Integer(i)
    }
}

impl From<f64> for LuaValue {
    fn from(n: f64) -> Self {
        LuaValue::Number(n)
    }
}

impl From<bool> for LuaValue {
    fn from(b: bool) -> Self {
        LuaValue::Boolean(b)
    }
}
