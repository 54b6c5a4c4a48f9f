//! Functions: Lua closures (a prototype plus upvalues) and native closures (a Rust function
//! pointer plus captured values), and the upvalue cells closures share.

use std::rc::Rc;

use gc_arena::lock::{Lock, RefLock};
use gc_arena::{Collect, Gc, Mutation};

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

/// A Lua function: its prototype and its upvalue slots.
#[derive(Collect, Debug)]
#[collect(no_drop)]
pub struct LuaClosure<'gc> {
    pub proto: Gc<'gc, FunctionProto<'gc>>,
    /// The cell each upvalue slot is bound to. Behind its own lock so `debug.upvaluejoin` can
    /// rebind a slot (a field of the closure itself could not be written: gc-arena's write
    /// barrier cannot be projected through the `FunctionKind` enum without `unsafe`).
    pub upvalues: Gc<'gc, RefLock<UpvalueSlots<'gc>>>,
}

/// Most upvalue slots kept inline in [`UpvalueSlots`]: most closures capture a few variables,
/// and those then cost one allocation, not two.
const INLINE_SLOTS: usize = 3;

/// A closure's upvalue slots: inline when few, boxed otherwise. Derefs to the slice.
#[derive(Collect, Debug)]
#[collect(no_drop)]
pub enum UpvalueSlots<'gc> {
    /// `len` slots in use; the rest repeat slot 0 (there is no empty cell to fill them with).
    Inline {
        #[collect(require_static)]
        len: u8,
        slots: [UpValue<'gc>; INLINE_SLOTS],
    },
    Boxed(Box<[UpValue<'gc>]>),
}

impl<'gc> UpvalueSlots<'gc> {
    /// Slots holding `cells`, in order.
    pub fn new(cells: impl ExactSizeIterator<Item = UpValue<'gc>>) -> UpvalueSlots<'gc> {
        let n = cells.len();
        if n == 0 || n > INLINE_SLOTS {
            return UpvalueSlots::Boxed(cells.collect());
        }
        let mut cells = cells;
        let first = cells.next().expect("n >= 1 cells");
        let mut slots = [first; INLINE_SLOTS];
        for (slot, cell) in slots[1..].iter_mut().zip(cells) {
            *slot = cell;
        }
        UpvalueSlots::Inline {
            len: n as u8,
            slots,
        }
    }
}

impl<'gc> std::ops::Deref for UpvalueSlots<'gc> {
    type Target = [UpValue<'gc>];

    #[inline(always)]
    fn deref(&self) -> &[UpValue<'gc>] {
        match self {
            UpvalueSlots::Inline { len, slots } => &slots[..*len as usize],
            UpvalueSlots::Boxed(b) => b,
        }
    }
}

impl<'gc> std::ops::DerefMut for UpvalueSlots<'gc> {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut [UpValue<'gc>] {
        match self {
            UpvalueSlots::Inline { len, slots } => &mut slots[..*len as usize],
            UpvalueSlots::Boxed(b) => b,
        }
    }
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
        mc: &Mutation<'gc>,
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

impl<'gc> LuaClosure<'gc> {
    /// A closure of `proto` whose slots are bound to `upvalues`.
    pub fn new(
        mc: &Mutation<'gc>,
        proto: Gc<'gc, FunctionProto<'gc>>,
        upvalues: impl ExactSizeIterator<Item = UpValue<'gc>>,
    ) -> LuaClosure<'gc> {
        LuaClosure {
            proto,
            upvalues: Gc::new(mc, RefLock::new(UpvalueSlots::new(upvalues))),
        }
    }

    /// The cell slot `i` (0-based) is bound to.
    #[inline]
    pub fn upvalue(&self, i: usize) -> Option<UpValue<'gc>> {
        self.upvalues.borrow().get(i).copied()
    }

    /// Number of upvalue slots.
    pub fn num_upvalues(&self) -> usize {
        self.upvalues.borrow().len()
    }

    /// Binds slot `i` to `cell` (`debug.upvaluejoin`). False when there is no such slot, or
    /// when the slots are borrowed (cannot happen while a native runs: the interpreter only
    /// borrows them inside its own loop).
    pub fn rebind_upvalue(&self, mc: &Mutation<'gc>, i: usize, cell: UpValue<'gc>) -> bool {
        match self.upvalues.try_borrow_mut(mc) {
            Ok(mut slots) => match slots.get_mut(i) {
                Some(slot) => {
                    *slot = cell;
                    true
                }
                None => false,
            },
            Err(_) => false,
        }
    }
}

impl<'gc> UpValue<'gc> {
    /// A closed upvalue holding `v`.
    pub fn closed(mc: &Mutation<'gc>, v: Value<'gc>) -> UpValue<'gc> {
        UpValue(Gc::new(mc, Lock::new(UpValueState::Closed(v))))
    }
}
