//! Functions: Lua closures (a prototype plus upvalues), native closures (a Rust function
//! pointer plus captured values), light natives (a `'static` definition, no allocation), and
//! the upvalue cells closures share.

use std::rc::Rc;

use std::cell::Cell;

use gc_arena::lock::{Lock, RefLock};
use gc_arena::{Collect, Gc, GcWeak, Mutation};

use crate::native::{NativeDef, NativeFn};
use crate::proto::Proto;
use crate::state::Context;
use crate::string::LuaString;
use crate::thread::Thread;
use crate::value::Value;

/// A function: a closure (Lua or native, one GC allocation) or a light native (no
/// allocation, as PUC Lua's light C functions). Identity is the address of the closure or of
/// the `'static` [`NativeDef`]. As a [`Value`] it is [`Value::Closure`] or
/// [`Value::LightFunction`] (see [`Value::as_function`]).
#[derive(Collect, Clone, Copy, Debug)]
#[collect(no_drop)]
pub enum Function<'gc> {
    /// A Lua closure, or a native closure with upvalues.
    Closure(Closure<'gc>),
    /// A native function without upvalues.
    Light(#[collect(require_static)] &'static NativeDef),
}

/// A GC-allocated function: a Lua closure or a native closure. Identity is pointer identity.
#[derive(Collect, Clone, Copy, Debug)]
#[collect(no_drop)]
pub struct Closure<'gc>(pub Gc<'gc, FunctionKind<'gc>>);

/// What a [`Function::Closure`] holds.
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
    /// The cell each slot was bound to when the closure was made. Read them through
    /// [`Function::upvalue_slots`] or [`Function::upvalue`]: once `debug.upvaluejoin` rebinds a
    /// slot, `rebound` is set and the slots in use live in `State::rebound_upvalues`.
    upvalues: Box<[UpValue<'gc>]>,
    /// Set once any slot was rebound. A flag rather than a lock around the slots, so making a
    /// closure allocates nothing more and entering one costs one byte load.
    rebound: Cell<bool>,
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
    /// Field lookup hints, [`HINTS_PER_OP`] per instruction: where the constant key of a
    /// `GetField`, `SelfOp`, `GetTabUp` or `SetField` was last found in the indexed table's
    /// hash part and in the `__index` table behind it, and where `__index` was found in their
    /// metatables. Objects built alike share positions, so most lookups compare one key
    /// instead of hashing. A stale hint only costs the hash lookup.
    #[collect(require_static)]
    pub field_hints: Box<[std::cell::Cell<u32>]>,
}

/// Hints per instruction in [`FunctionProto::field_hints`].
pub const HINTS_PER_OP: usize = 4;

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
    /// A native closure holding `upvalues` (one GC allocation); a native without upvalues
    /// is better made light with [`Function::light`].
    pub fn new_native(
        mc: &Mutation<'gc>,
        name: &'static str,
        func: NativeFn,
        upvalues: Box<[Value<'gc>]>,
    ) -> Function<'gc> {
        Function::Closure(Closure(Gc::new(
            mc,
            FunctionKind::Native(NativeClosure {
                name,
                func,
                upvalues,
            }),
        )))
    }

    /// A light native: the function value of `def`, which allocates nothing.
    #[inline]
    pub const fn light(def: &'static NativeDef) -> Function<'gc> {
        Function::Light(def)
    }

    /// Whether two function values are the same function.
    #[inline]
    pub fn ptr_eq(self, other: Function<'gc>) -> bool {
        match (self, other) {
            (Function::Closure(a), Function::Closure(b)) => a.ptr_eq(b),
            (Function::Light(a), Function::Light(b)) => std::ptr::eq(a, b),
            _ => false,
        }
    }

    /// The address that identifies this function (`tostring`, `%p`, table hashing).
    #[inline]
    pub fn address(self) -> usize {
        match self {
            Function::Closure(c) => c.address(),
            Function::Light(d) => d as *const NativeDef as usize,
        }
    }

    /// The Lua closure this is, if it is one.
    #[inline]
    pub fn as_lua(self) -> Option<&'gc LuaClosure<'gc>> {
        match self {
            Function::Closure(c) => c.as_lua(),
            Function::Light(_) => None,
        }
    }

    /// Whether this is a native function (closure or light).
    #[inline]
    pub fn is_native(self) -> bool {
        self.as_lua().is_none()
    }

    /// For a native: its name, its Rust function and its upvalues (none for a light one).
    #[inline]
    pub fn as_native(self) -> Option<NativeParts<'gc>> {
        match self {
            Function::Closure(c) => match Gc::as_ref(c.0) {
                FunctionKind::Native(nc) => Some(NativeParts {
                    name: nc.name,
                    func: nc.func,
                    upvalues: &nc.upvalues,
                }),
                FunctionKind::Lua(_) => None,
            },
            Function::Light(d) => Some(NativeParts {
                name: d.name,
                func: d.func,
                upvalues: &[],
            }),
        }
    }

    /// The values a native closure captured (empty for a light native and a Lua function).
    #[inline]
    pub fn native_upvalues(self) -> &'gc [Value<'gc>] {
        self.as_native().map_or(&[], |n| n.upvalues)
    }

    /// The slots of this Lua closure as bound now (empty for a native).
    #[inline]
    pub fn upvalue_slots(self, ctx: Context<'gc>) -> &'gc [UpValue<'gc>] {
        match self {
            Function::Closure(c) => c.upvalue_slots(ctx),
            Function::Light(_) => &[],
        }
    }

    /// The cell slot `i` (0-based) of this Lua closure is bound to now.
    pub fn upvalue(self, ctx: Context<'gc>, i: usize) -> Option<UpValue<'gc>> {
        self.upvalue_slots(ctx).get(i).copied()
    }

    /// Binds slot `i` of this Lua closure to `cell` (`debug.upvaluejoin`); false when there is
    /// no such slot.
    pub fn rebind_upvalue(self, ctx: Context<'gc>, i: usize, cell: UpValue<'gc>) -> bool {
        match self {
            Function::Closure(c) => c.rebind_upvalue(ctx, i, cell),
            Function::Light(_) => false,
        }
    }
}

impl<'gc> Closure<'gc> {
    /// Whether two closures are the same object.
    #[inline]
    pub fn ptr_eq(self, other: Closure<'gc>) -> bool {
        Gc::ptr_eq(self.0, other.0)
    }

    /// The closure's address (its identity).
    #[inline]
    pub fn address(self) -> usize {
        Gc::as_ptr(self.0) as *const u8 as usize
    }

    /// The Lua closure this is, if it is one.
    #[inline]
    pub fn as_lua(self) -> Option<&'gc LuaClosure<'gc>> {
        match Gc::as_ref(self.0) {
            FunctionKind::Lua(cl) => Some(cl),
            FunctionKind::Native(_) => None,
        }
    }
}

/// A native function's parts, light or closure alike (see [`Function::as_native`]).
#[derive(Clone, Copy)]
pub struct NativeParts<'gc> {
    /// Name used in messages such as "bad argument #1 to 'insert'".
    pub name: &'static str,
    /// The Rust function.
    pub func: NativeFn,
    /// The closure's upvalues; empty for a light native.
    pub upvalues: &'gc [Value<'gc>],
}

impl<'gc> LuaClosure<'gc> {
    /// A closure of `proto` whose slots are bound to `upvalues`.
    #[inline]
    pub fn new(proto: Gc<'gc, FunctionProto<'gc>>, upvalues: Box<[UpValue<'gc>]>) -> Self {
        LuaClosure {
            proto,
            upvalues,
            rebound: Cell::new(false),
        }
    }

    /// Number of upvalue slots.
    pub fn num_upvalues(&self) -> usize {
        self.upvalues.len()
    }
}

/// The slots of closures whose upvalues were rebound (`debug.upvaluejoin`), held weakly by
/// closure; `gc.rs` forgets the entries of dead closures. A rebinding stores a fresh slot
/// array, so a slice handed out earlier stays valid for the whole mutation.
pub type ReboundUpvalues<'gc> =
    Gc<'gc, RefLock<Vec<(GcWeak<'gc, FunctionKind<'gc>>, Gc<'gc, Box<[UpValue<'gc>]>>)>>>;

impl<'gc> Closure<'gc> {
    /// The slots of this Lua closure as bound now (empty for a native).
    #[inline]
    pub fn upvalue_slots(self, ctx: Context<'gc>) -> &'gc [UpValue<'gc>] {
        match Gc::as_ref(self.0) {
            FunctionKind::Lua(cl) if !cl.rebound.get() => &cl.upvalues,
            FunctionKind::Lua(cl) => match self.rebound_entry(ctx) {
                Some(slots) => &Gc::as_ref(slots)[..],
                None => &cl.upvalues,
            },
            FunctionKind::Native(_) => &[],
        }
    }

    /// The cell slot `i` (0-based) of this Lua closure is bound to now.
    pub fn upvalue(self, ctx: Context<'gc>, i: usize) -> Option<UpValue<'gc>> {
        self.upvalue_slots(ctx).get(i).copied()
    }

    /// Binds slot `i` of this Lua closure to `cell` (`debug.upvaluejoin`); false when there is
    /// no such slot.
    pub fn rebind_upvalue(self, ctx: Context<'gc>, i: usize, cell: UpValue<'gc>) -> bool {
        let me = self.0;
        let FunctionKind::Lua(cl) = Gc::as_ref(me) else {
            return false;
        };
        let mut slots: Box<[UpValue<'gc>]> = self.upvalue_slots(ctx).into();
        let Some(slot) = slots.get_mut(i) else {
            return false;
        };
        *slot = cell;
        let slots = Gc::new(ctx.mc, slots);
        let mut table = ctx.state.rebound_upvalues.borrow_mut(ctx.mc);
        match table.iter_mut().find(|(w, _)| w.as_ptr() == Gc::as_ptr(me)) {
            Some(entry) => entry.1 = slots,
            None => table.push((Gc::downgrade(me), slots)),
        }
        cl.rebound.set(true);
        true
    }

    fn rebound_entry(self, ctx: Context<'gc>) -> Option<Gc<'gc, Box<[UpValue<'gc>]>>> {
        let me = Gc::as_ptr(self.0);
        let table = ctx.state.rebound_upvalues.borrow();
        table
            .iter()
            .find(|(w, _)| w.as_ptr() == me)
            .map(|&(_, slots)| slots)
    }
}

impl<'gc> UpValue<'gc> {
    /// A closed upvalue holding `v`.
    pub fn closed(mc: &Mutation<'gc>, v: Value<'gc>) -> UpValue<'gc> {
        UpValue(Gc::new(mc, Lock::new(UpValueState::Closed(v))))
    }
}
