//! The resumable engine behind the table functions: each function runs as a small state
//! machine whose table reads, writes, length and comparisons go through metamethods exactly
//! as 5.4's `lua_geti`/`lua_seti`/`luaL_len`/`lua_lessthan` do. When one of them must call a
//! Lua function (`__index`, `__newindex`, `__len`, `__lt`, a `sort` comparator), the machine
//! is saved into a state value and the call is made through a continuation, so no Lua call
//! ever recurses on the Rust stack. On plain tables nothing is ever saved.
//!
//! It must not keep Lua values anywhere but its registers: they are what the collector sees.

use std::cell::RefCell;

use gc_arena::{lock::Lock, Gc};
use rupa_vm::metaops::{self, Meta, OpError};
use rupa_vm::native::{CallStatus, Continuation, NativeAction, NativeStack};
use rupa_vm::userdata::{UserData, UserDataObj};
use rupa_vm::{Context, RuntimeError, Table, Value};

/// Number of value registers a machine has.
pub const NVALS: usize = 5;
/// Number of integer registers a machine has.
pub const NINTS: usize = 10;

/// Which table function a machine runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Op {
    #[default]
    Insert,
    Remove,
    Move,
    Concat,
    Unpack,
    Sort,
}

/// The plain (non-GC) part of a machine: kept in a userdata while the machine waits.
#[derive(Default)]
pub struct Scratch {
    pub op: Op,
    pub pc: u8,
    pub n: [i64; NINTS],
    /// `sort`'s pending intervals: `[lo, up, smaller size, rnd]`, as 5.4's recursion.
    pub frames: Vec<[i64; 4]>,
    /// `concat`'s output so far.
    pub buf: Vec<u8>,
    /// How many results sit in the `out` table (`unpack`).
    pub out_saved: usize,
}

/// A running table function.
pub struct Machine<'gc> {
    /// Boxed so saving and loading the machine around each call moves a pointer, not the
    /// scratch itself (a sort does it around every comparator call).
    pub s: Box<Scratch>,
    pub v: [Value<'gc>; NVALS],
    /// Results gathered while running (`unpack`), after those saved in `out_table`.
    pub out: Vec<Value<'gc>>,
    out_table: Option<Table<'gc>>,
    scratch_ud: Option<UserData<'gc>>,
    /// The registers as last saved: only the ones that changed are written again (a sort
    /// saves its machine around every comparator call).
    saved: Option<[Value<'gc>; NVALS]>,
}

/// What a machine needs next.
pub enum Step<'gc> {
    /// Finished: its results are in the native's window.
    Done,
    /// Call `func(args[..nargs])` and resume with its first result.
    Call {
        func: Value<'gc>,
        args: [Value<'gc>; 3],
        nargs: u8,
    },
}

/// The outcome of one access: a value now, or a call to make first.
pub enum Access<'gc> {
    Now(Value<'gc>),
    Wait(Step<'gc>),
}

type R<'gc> = Result<NativeAction<'gc>, RuntimeError<'gc>>;

/// Runs the machine's function until it finishes or must wait for a call.
pub type RunFn = for<'gc> fn(
    ctx: Context<'gc>,
    m: &mut Machine<'gc>,
    input: Option<Value<'gc>>,
    stack: &mut NativeStack<'gc, '_>,
) -> Result<Step<'gc>, RuntimeError<'gc>>;

impl<'gc> Machine<'gc> {
    /// A fresh machine for `op`, starting at pc 0.
    pub fn new(op: Op) -> Machine<'gc> {
        Machine {
            s: Box::new(Scratch {
                op,
                ..Scratch::default()
            }),
            v: [Value::Nil; NVALS],
            out: Vec::new(),
            out_table: None,
            scratch_ud: None,
            saved: None,
        }
    }

    /// Moves the machine into a state table (slot 1: the scratch userdata, 2..: registers,
    /// then the `out` table).
    fn save(mut self, ctx: Context<'gc>, state: Table<'gc>) -> Result<(), RuntimeError<'gc>> {
        let mut out_created = false;
        if !self.out.is_empty() {
            let out = match self.out_table {
                Some(t) => t,
                None => {
                    let t = Table::new(ctx.mc);
                    self.out_table = Some(t);
                    out_created = true;
                    t
                }
            };
            for v in self.out.drain(..) {
                self.s.out_saved += 1;
                out.set_int(ctx, self.s.out_saved as i64, v)?;
            }
        }
        // Registers first: `self.s` moves out below.
        for (k, v) in self.v.iter().enumerate() {
            let unchanged = self.saved.as_ref().is_some_and(|old| same(&old[k], v));
            if !unchanged {
                state.set_int(ctx, k as i64 + 2, *v)?;
            }
        }
        if out_created {
            let out = self.out_table.map_or(Value::Nil, Value::Table);
            state.set_int(ctx, NVALS as i64 + 2, out)?;
        }
        let scratch = self.s;
        match self.scratch_ud {
            Some(ud) => {
                if let Some(cell) = ud.0.data.downcast_ref::<RefCell<Option<Box<Scratch>>>>() {
                    *cell.borrow_mut() = Some(scratch);
                }
            }
            None => {
                ctx.reserve(std::mem::size_of::<Scratch>() + 64)?;
                let ud = UserData(Gc::new(
                    ctx.mc,
                    UserDataObj {
                        metatable: Lock::new(None),
                        user_value: Lock::new(Value::Nil),
                        data: Box::new(RefCell::new(Some(scratch))),
                    },
                ));
                state.set_int(ctx, 1, Value::UserData(ud))?;
            }
        }
        Ok(())
    }

    /// Takes a machine back out of its state table.
    fn load(ctx: Context<'gc>, state: Table<'gc>) -> Result<Machine<'gc>, RuntimeError<'gc>> {
        let Value::UserData(ud) = state.get_int(ctx, 1) else {
            return Err(RuntimeError::msg("table function state lost"));
        };
        let Some(cell) = ud.0.data.downcast_ref::<RefCell<Option<Box<Scratch>>>>() else {
            return Err(RuntimeError::msg("table function state lost"));
        };
        let Some(s) = cell.borrow_mut().take() else {
            return Err(RuntimeError::msg("table function state lost"));
        };
        let mut v = [Value::Nil; NVALS];
        for (k, slot) in v.iter_mut().enumerate() {
            *slot = state.get_int(ctx, k as i64 + 2);
        }
        let out_table = if s.out_saved > 0 {
            match state.get_int(ctx, NVALS as i64 + 2) {
                Value::Table(t) => Some(t),
                _ => None,
            }
        } else {
            None
        };
        Ok(Machine {
            s,
            v,
            out: Vec::new(),
            out_table,
            scratch_ud: Some(ud),
            saved: Some(v),
        })
    }

    /// Every gathered result, in order, placed in the window.
    pub fn emit_out(
        &mut self,
        ctx: Context<'gc>,
        stack: &mut NativeStack<'gc, '_>,
    ) -> Result<(), RuntimeError<'gc>> {
        stack.clear();
        if let Some(t) = self.out_table {
            for k in 1..=self.s.out_saved {
                stack.push(t.get_int(ctx, k as i64));
            }
        }
        for v in self.out.drain(..) {
            stack.push(v);
        }
        Ok(())
    }
}

/// Whether two register values are the same value (bitwise for numbers, identity for
/// objects): an unchanged register need not be saved again.
fn same<'gc>(a: &Value<'gc>, b: &Value<'gc>) -> bool {
    match (a, b) {
        (Value::Nil, Value::Nil) => true,
        (Value::Boolean(x), Value::Boolean(y)) => x == y,
        (Value::Integer(x), Value::Integer(y)) => x == y,
        (Value::Number(x), Value::Number(y)) => x.to_bits() == y.to_bits(),
        (Value::String(x), Value::String(y)) => Gc::ptr_eq(x.0, y.0),
        _ => {
            std::mem::discriminant(a) == std::mem::discriminant(b)
                && a.address().is_some()
                && a.address() == b.address()
        }
    }
}

/// Runs `m` (fed `input` when it was waiting) and turns its outcome into a native action.
pub fn drive<'gc>(
    ctx: Context<'gc>,
    mut m: Machine<'gc>,
    input: Option<Value<'gc>>,
    stack: &mut NativeStack<'gc, '_>,
    state: Option<Table<'gc>>,
) -> R<'gc> {
    let run = run_fn(m.s.op);
    match run(ctx, &mut m, input, stack)? {
        Step::Done => Ok(NativeAction::Return),
        Step::Call { func, args, nargs } => {
            let state = match state {
                Some(t) => t,
                None => Table::with_capacity(ctx, NVALS + 2, 0)?,
            };
            m.save(ctx, state)?;
            stack.replace(&args[..nargs as usize]);
            // The table library's comparators and metamethods are called with lua_call.
            ctx.state.call_not_yieldable.set(true);
            Ok(NativeAction::Call {
                func,
                then: Continuation {
                    func: resume,
                    data: Value::Table(state),
                },
                protected: false,
            })
        }
    }
}

fn resume<'gc>(
    ctx: Context<'gc>,
    data: Value<'gc>,
    status: CallStatus<'gc>,
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    if let CallStatus::Err(e) = status {
        return Err(RuntimeError::Value(e));
    }
    let Value::Table(state) = data else {
        return Err(RuntimeError::msg("table function state lost"));
    };
    let m = Machine::load(ctx, state)?;
    let input = stack.get(0);
    drive(ctx, m, Some(input), stack, Some(state))
}

fn run_fn(op: Op) -> RunFn {
    match op {
        Op::Insert => super::ops::run_insert,
        Op::Remove => super::ops::run_remove,
        Op::Move => super::ops::run_move,
        Op::Concat => super::ops::run_concat,
        Op::Unpack => super::ops::run_unpack,
        Op::Sort => super::sort::run_sort,
    }
}

/// Takes 1 unit of fuel for one step of work.
#[inline]
pub fn charge(ctx: Context<'_>) {
    let f = &ctx.state.fuel;
    f.set(f.get() - 1);
}

/// An error from a metamethod-dispatching operation, worded as 5.4 words it when the
/// operation is made by a C function (no variable names, no position).
pub fn op_error<'gc>(ctx: Context<'gc>, e: OpError<'gc>) -> RuntimeError<'gc> {
    match e {
        OpError::Type { op, value, .. } => RuntimeError::Plain(format!(
            "attempt to {op} a {} value",
            metaops::type_name_for_error(ctx, value)
        )),
        OpError::NoInteger { .. } => {
            RuntimeError::Plain("number has no integer representation".to_string())
        }
        OpError::Compare { a, b } => RuntimeError::Plain(metaops::compare_message(ctx, a, b)),
        OpError::Runtime(e) => e,
    }
}

fn meta_access<'gc>(
    ctx: Context<'gc>,
    r: Result<Meta<'gc>, OpError<'gc>>,
) -> Result<Access<'gc>, RuntimeError<'gc>> {
    match r {
        Ok(Meta::Value(v)) => Ok(Access::Now(v)),
        Ok(Meta::Call { func, args, nargs }) => Ok(Access::Wait(Step::Call { func, args, nargs })),
        Err(e) => Err(op_error(ctx, e)),
    }
}

/// `t[i]` with `__index` (`lua_geti`).
#[inline]
pub fn geti<'gc>(
    ctx: Context<'gc>,
    t: Value<'gc>,
    i: i64,
) -> Result<Access<'gc>, RuntimeError<'gc>> {
    charge(ctx);
    if let Value::Table(tt) = t {
        let v = tt.get_int(ctx, i);
        if !v.is_nil() || tt.metatable().is_none() {
            return Ok(Access::Now(v));
        }
    }
    meta_access(ctx, metaops::index(ctx, t, Value::Integer(i)))
}

/// `t[i] = v` with `__newindex` (`lua_seti`).
#[inline]
pub fn seti<'gc>(
    ctx: Context<'gc>,
    t: Value<'gc>,
    i: i64,
    v: Value<'gc>,
) -> Result<Access<'gc>, RuntimeError<'gc>> {
    charge(ctx);
    if let Value::Table(tt) = t {
        if tt.metatable().is_none() {
            tt.set_int(ctx, i, v)?;
            return Ok(Access::Now(Value::Nil));
        }
    }
    match metaops::new_index(ctx, t, Value::Integer(i), v) {
        Ok(None) => Ok(Access::Now(Value::Nil)),
        Ok(Some(Meta::Call { func, args, nargs })) => {
            Ok(Access::Wait(Step::Call { func, args, nargs }))
        }
        Ok(Some(Meta::Value(_))) => Ok(Access::Now(Value::Nil)),
        Err(e) => Err(op_error(ctx, e)),
    }
}

/// `#t` with `__len` (`lua_len`); the caller converts with [`len_to_int`].
pub fn len<'gc>(ctx: Context<'gc>, t: Value<'gc>) -> Result<Access<'gc>, RuntimeError<'gc>> {
    charge(ctx);
    meta_access(ctx, metaops::len(ctx, t))
}

/// `luaL_len`'s check of a length: an integer (or a float or string holding one).
pub fn len_to_int<'gc>(v: Value<'gc>) -> Result<i64, RuntimeError<'gc>> {
    rupa_vm::arith::tointeger_value(v)
        .ok_or_else(|| RuntimeError::msg("object length is not an integer"))
}

/// `a < b` with `__lt` (`lua_lessthan`); the caller takes the truth of a waited result.
#[inline]
pub fn less<'gc>(
    ctx: Context<'gc>,
    a: Value<'gc>,
    b: Value<'gc>,
) -> Result<Access<'gc>, RuntimeError<'gc>> {
    charge(ctx);
    // Only `<=` can come back negated (the `__lt` fallback); `<` never does.
    meta_access(ctx, metaops::compare(ctx, a, b, false).map(|(m, _)| m))
}

/// `a == b` with `__eq` (`lua_compare(..., LUA_OPEQ)`).
pub fn equal<'gc>(
    ctx: Context<'gc>,
    a: Value<'gc>,
    b: Value<'gc>,
) -> Result<Access<'gc>, RuntimeError<'gc>> {
    Ok(match metaops::equal(ctx, a, b) {
        Meta::Value(v) => Access::Now(v),
        Meta::Call { func, args, nargs } => Access::Wait(Step::Call { func, args, nargs }),
    })
}

/// Evaluates an access, or takes the waited-for result when the machine is resuming at
/// this point: `input` is consumed by the first access after a resume.
#[macro_export]
macro_rules! access {
    ($input:ident, $e:expr) => {
        match $input.take() {
            Some(v) => v,
            None => match $e? {
                $crate::table::machine::Access::Now(v) => v,
                $crate::table::machine::Access::Wait(step) => return Ok(step),
            },
        }
    };
}
