//! The resumable engine behind the table functions: each function runs as a small state
//! machine whose table reads, writes, length and comparisons go through metamethods exactly
//! as 5.4's `lua_geti`/`lua_seti`/`luaL_len`/`lua_lessthan` do. When one of them must call a
//! Lua function (`__index`, `__newindex`, `__len`, `__lt`, a `sort` comparator), the machine
//! is parked (its Lua values in the native's window, kept below the call, its scratch in a
//! userdata) and the call is made through a continuation, so no Lua call ever recurses on the
//! Rust stack. On plain tables nothing is ever parked.
//!
//! It must not keep Lua values anywhere but its registers and `out`: those are what it parks
//! where the collector sees them.

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
    /// Boxed so parking the machine around a call moves a pointer, not the scratch itself
    /// (a sort does it around every comparator call).
    pub s: Box<Scratch>,
    pub v: [Value<'gc>; NVALS],
    /// Results gathered while running (`unpack`), after those saved in `out_table`.
    pub out: Vec<Value<'gc>>,
    out_table: Option<Table<'gc>>,
    scratch_ud: Option<UserData<'gc>>,
}

/// Window slots kept across a call: the registers, then the `out` table (or nil). The called
/// function sits right above them.
pub(super) const KEPT: usize = NVALS + 1;

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

/// The scratch userdata's contents: empty while the machine runs (it is in the machine).
pub(super) type ScratchCell = RefCell<Option<Box<Scratch>>>;

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
        }
    }

    /// Parks the machine for a call of `func(args)`: its Lua values go to the window's kept
    /// slots (on the thread's stack, so the collector sees them while the call runs), the
    /// scratch into its userdata, which is returned. The window ends as `kept, func, args`.
    fn park(
        self,
        ctx: Context<'gc>,
        stack: &mut NativeStack<'gc, '_>,
        func: Value<'gc>,
        args: &[Value<'gc>],
    ) -> Result<UserData<'gc>, RuntimeError<'gc>> {
        let Machine {
            mut s,
            v,
            out,
            mut out_table,
            scratch_ud,
        } = self;
        if !out.is_empty() {
            let t = match out_table {
                Some(t) => t,
                None => *out_table.insert(Table::new(ctx.mc)),
            };
            for v in out {
                s.out_saved += 1;
                t.set_int(ctx, s.out_saved as i64, v)?;
            }
        }
        // One copy into the window: this runs around every comparator call of a sort.
        let mut window = [Value::Nil; KEPT + 4];
        window[..NVALS].copy_from_slice(&v);
        window[NVALS] = out_table.map_or(Value::Nil, Value::Table);
        window[KEPT] = func;
        let n = args.len().min(3);
        window[KEPT + 1..KEPT + 1 + n].copy_from_slice(&args[..n]);
        stack.replace(&window[..KEPT + 1 + n]);
        match scratch_ud {
            Some(ud) => {
                let Some(cell) = ud.0.data.downcast_ref::<ScratchCell>() else {
                    return Err(lost());
                };
                *cell.borrow_mut() = Some(s);
                Ok(ud)
            }
            None => {
                ctx.reserve(std::mem::size_of::<Scratch>() + 64)?;
                let data: ScratchCell = RefCell::new(Some(s));
                Ok(UserData(Gc::new(
                    ctx.mc,
                    UserDataObj {
                        metatable: Lock::new(None),
                        user_value: Lock::new(Value::Nil),
                        data: Box::new(data),
                    },
                )))
            }
        }
    }

    /// Takes a parked machine back: the scratch from `ud`, the Lua values from the window.
    fn unpark(
        ud: UserData<'gc>,
        stack: &NativeStack<'gc, '_>,
    ) -> Result<Machine<'gc>, RuntimeError<'gc>> {
        let Some(cell) = ud.0.data.downcast_ref::<ScratchCell>() else {
            return Err(lost());
        };
        let Some(s) = cell.borrow_mut().take() else {
            return Err(lost());
        };
        let kept = stack.as_slice();
        let mut v = [Value::Nil; NVALS];
        let n = kept.len().min(NVALS);
        v[..n].copy_from_slice(&kept[..n]);
        let out_table = match kept.get(NVALS) {
            Some(Value::Table(t)) => Some(*t),
            _ => None,
        };
        Ok(Machine {
            s,
            v,
            out: Vec::new(),
            out_table,
            scratch_ud: Some(ud),
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

pub(super) fn lost<'gc>() -> RuntimeError<'gc> {
    RuntimeError::msg("table function state lost")
}

/// Runs `m` (fed `input` when it was waiting) and turns its outcome into a native action.
pub fn drive<'gc>(
    ctx: Context<'gc>,
    mut m: Machine<'gc>,
    input: Option<Value<'gc>>,
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let run = run_fn(m.s.op);
    match run(ctx, &mut m, input, stack)? {
        Step::Done => Ok(NativeAction::Return),
        Step::Call { func, args, nargs } => {
            let m_op = m.s.op;
            let ud = m.park(ctx, stack, func, &args[..nargs as usize])?;
            // The table library's comparators and metamethods are called with lua_call.
            Ok(NativeAction::lua_call_keep(
                ctx,
                KEPT,
                Continuation {
                    // A sort's comparisons resume in place when they can.
                    func: if m_op == Op::Sort {
                        super::sort_comp::resume_sort
                    } else {
                        resume
                    },
                    data: Value::UserData(ud),
                },
            ))
        }
    }
}

/// The continuation of a machine's call (data: its scratch userdata).
pub(super) fn resume<'gc>(
    ctx: Context<'gc>,
    data: Value<'gc>,
    status: CallStatus<'gc>,
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    if let CallStatus::Err(e) = status {
        return Err(RuntimeError::Value(e));
    }
    let Value::UserData(ud) = data else {
        return Err(lost());
    };
    let m = Machine::unpark(ud, stack)?;
    let input = stack.get(KEPT);
    drive(ctx, m, Some(input), stack)
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
