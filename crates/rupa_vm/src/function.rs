//! Functions: Lua closures (a prototype plus upvalues) and native closures (a Rust function
//! pointer plus captured values), and the upvalue cells closures share.

use std::rc::Rc;

use gc_arena::{lock::Lock, Collect, Gc};

use crate::native::NativeFn;
use crate::proto::Proto;
use crate::string::LuaString;
use crate::thread::Thread;
use crate::value::Value;

/// A function value (Lua or native). One GC allocation; identity is pointer identity.
#[derive(Collect, Clone, Copy, Debug)]
#[collect(no_drop)]
pub struct Function<'gc>(pub Gc<'gc, FunctionKind<'gc>>);

#[derive(Collect, Debug)]
#[collect(no_drop)]
pub enum FunctionKind<'gc> {
    Lua(LuaClosure<'gc>),
    Native(NativeClosure<'gc>),
}

/// A Lua function: its prototype and its upvalue cells.
#[derive(Collect, Debug)]
#[collect(no_drop)]
pub struct LuaClosure<'gc> {
    pub proto: Gc<'gc, FunctionProto<'gc>>,
    pub upvalues: Box<[UpValue<'gc>]>,
}

/// A loaded prototype: the compiler's [`Proto`] plus its constants and children as GC values.
#[derive(Collect, Debug)]
#[collect(no_drop)]
pub struct FunctionProto<'gc> {
    #[collect(require_static)]
    pub proto: Rc<Proto>,
    /// The chunk name as a Lua string (for `debug.getinfo(...).source`).
    pub source: LuaString<'gc>,
    pub constants: Box<[Value<'gc>]>,
    pub protos: Box<[Gc<'gc, FunctionProto<'gc>>]>,
    /// Field lookup hints, two per instruction: where the constant key of a `GetField`,
    /// `SelfOp` or `GetTabUp` was last found in the indexed table's hash part, and in the
    /// `__index` table behind it. Objects built alike share positions, so most lookups
    /// compare one key instead of hashing. A stale hint only costs the hash lookup.
    #[collect(require_static)]
    pub field_hints: Box<[std::cell::Cell<u32>]>,
}

/// A native function with its captured values (PUC Lua's C closures).
#[derive(Collect)]
#[collect(no_drop)]
pub struct NativeClosure<'gc> {
    /// Name used in messages such as "bad argument #1 to 'insert'".
    #[collect(require_static)]
    pub name: &'static str,
    #[collect(require_static)]
    pub func: NativeFn,
    pub upvalues: Box<[Value<'gc>]>,
}

impl std::fmt::Debug for NativeClosure<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NativeClosure({})", self.name)
    }
}

/// An upvalue cell shared by closures.
#[derive(Collect, Clone, Copy, Debug)]
#[collect(no_drop)]
pub struct UpValue<'gc>(pub Gc<'gc, Lock<UpValueState<'gc>>>);

/// While the variable's frame is live the upvalue points at its stack slot; when the frame
/// ends (or the block closes) the value moves into the cell.
#[derive(Collect, Clone, Copy, Debug)]
#[collect(no_drop)]
pub enum UpValueState<'gc> {
    Open { thread: Thread<'gc>, index: usize },
    Closed(Value<'gc>),
}

impl<'gc> Function<'gc> {
    /// A native function value.
    pub fn new_native(
        mc: &gc_arena::Mutation<'gc>,
        name: &'static str,
        func: NativeFn,
        upvalues: Box<[Value<'gc>]>,
    ) -> Function<'gc> {
        Function(Gc::new(
            mc,
            FunctionKind::Native(NativeClosure {
                name,
                func,
                upvalues,
            }),
        ))
    }

    /// Whether two function values are the same function.
    #[inline]
    pub fn ptr_eq(self, other: Function<'gc>) -> bool {
        Gc::ptr_eq(self.0, other.0)
    }
}

impl<'gc> UpValue<'gc> {
    /// A closed upvalue holding `v`.
    pub fn closed(mc: &gc_arena::Mutation<'gc>, v: Value<'gc>) -> UpValue<'gc> {
        UpValue(Gc::new(mc, Lock::new(UpValueState::Closed(v))))
    }
}
