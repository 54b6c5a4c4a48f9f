//! The `table` library: `concat insert move pack remove sort unpack`.
//!
//! Each function checks its arguments the way 5.4 does (`checktab` accepts any value whose
//! metatable has the needed `__index`/`__newindex`/`__len` fields), then runs as a resumable
//! machine ([`machine`]) so metamethods and `sort` comparators are called as continuations.

pub mod machine;
mod ops;
mod sort;
mod sort_comp;
mod sort_plain;

use rupa_vm::baselib::args::{check_integer, opt_integer, type_error};
use rupa_vm::metaops;
use rupa_vm::native::{NativeAction, NativeDef, NativeStack};
use rupa_vm::{Context, RuntimeError, Table, Value};

use machine::{drive, Machine, Op};

use crate::register::register_lib;

type R<'gc> = Result<NativeAction<'gc>, RuntimeError<'gc>>;

const TAB_R: u8 = 1;
const TAB_W: u8 = 2;
const TAB_L: u8 = 4;

/// Installs the `table` library.
pub fn load_table(ctx: Context<'_>) -> Result<(), RuntimeError<'_>> {
    static FUNCS: [NativeDef; 7] = [
        NativeDef::new("concat", concat),
        NativeDef::new("insert", insert),
        NativeDef::new("move", move_),
        NativeDef::new("pack", pack),
        NativeDef::new("remove", remove),
        NativeDef::new("sort", sort),
        NativeDef::new("unpack", unpack),
    ];
    register_lib(ctx, "table", &FUNCS)?;
    Ok(())
}

/// 5.4's `checktab`: a table, or a value whose metatable has every field `what` needs.
fn check_tab<'gc>(
    ctx: Context<'gc>,
    stack: &NativeStack<'gc, '_>,
    i: usize,
    what: u8,
) -> Result<(), RuntimeError<'gc>> {
    let v = stack.get(i);
    if let Value::Table(_) = v {
        return Ok(());
    }
    if let Some(mt) = metaops::metatable(ctx, v) {
        let has = |name: &[u8]| -> Result<bool, RuntimeError<'gc>> {
            Ok(!mt.get_str(ctx, ctx.new_string(name)?).is_nil())
        };
        if (what & TAB_R == 0 || has(b"__index")?)
            && (what & TAB_W == 0 || has(b"__newindex")?)
            && (what & TAB_L == 0 || has(b"__len")?)
        {
            return Ok(());
        }
    }
    Err(type_error(ctx, stack, i, "table"))
}

fn start<'gc>(
    ctx: Context<'gc>,
    stack: &mut NativeStack<'gc, '_>,
    op: Op,
    pc: u8,
    setup: impl FnOnce(&mut Machine<'gc>),
) -> R<'gc> {
    let mut m = Machine::new(op);
    m.s.pc = pc;
    setup(&mut m);
    drive(ctx, m, None, stack)
}

/// `table.insert(t, [pos,] value)`.
pub fn insert<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    check_tab(ctx, stack, 0, TAB_R | TAB_W | TAB_L)?;
    let (t, a2, a3, n) = (stack.get(0), stack.get(1), stack.get(2), stack.len());
    start(ctx, stack, Op::Insert, 0, |m| {
        m.v[0] = t;
        m.v[1] = a2;
        m.v[2] = a3;
        m.s.n[0] = n as i64;
    })
}

/// `table.remove(t [, pos])`.
pub fn remove<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    check_tab(ctx, stack, 0, TAB_R | TAB_W | TAB_L)?;
    let (t, a2) = (stack.get(0), stack.get(1));
    start(ctx, stack, Op::Remove, 0, |m| {
        m.v[0] = t;
        m.v[1] = a2;
    })
}

/// `table.move(a1, f, e, t [, a2])`.
pub fn move_<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let f = check_integer(ctx, stack, 1)?;
    let e = check_integer(ctx, stack, 2)?;
    let t = check_integer(ctx, stack, 3)?;
    let dest_given = !stack.get(4).is_nil();
    let tt = if dest_given { 4 } else { 0 };
    check_tab(ctx, stack, 0, TAB_R)?;
    check_tab(ctx, stack, tt, TAB_W)?;
    let (a1, a2) = (stack.get(0), stack.get(tt));
    start(ctx, stack, Op::Move, 0, |m| {
        m.v[0] = a1;
        m.v[1] = a2;
        m.s.n[1] = f;
        m.s.n[2] = e;
        m.s.n[3] = t;
        m.s.n[7] = i64::from(dest_given);
    })
}

/// `table.concat(t [, sep [, i [, j]]])`.
pub fn concat<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    check_tab(ctx, stack, 0, TAB_R | TAB_L)?;
    let (t, sep, i, j) = (stack.get(0), stack.get(1), stack.get(2), stack.get(3));
    start(ctx, stack, Op::Concat, 0, |m| {
        m.v[0] = t;
        m.v[1] = sep;
        m.v[2] = i;
        m.v[3] = j;
    })
}

/// `table.unpack(t [, i [, j]])`: no table check (5.4 reads through any value).
pub fn unpack<'gc>(
    ctx: Context<'gc>,
    _: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let i = opt_integer(ctx, stack, 1, 1)?;
    let e_given = !stack.get(2).is_nil();
    let e = if e_given {
        check_integer(ctx, stack, 2)?
    } else {
        0
    };
    let t = stack.get(0);
    start(ctx, stack, Op::Unpack, 0, |m| {
        m.v[0] = t;
        m.s.n[1] = i;
        m.s.n[2] = e;
        m.s.n[3] = i64::from(e_given);
    })
}

/// `table.sort(t [, comp])`.
pub fn sort<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    check_tab(ctx, stack, 0, TAB_R | TAB_W | TAB_L)?;
    let (t, comp) = (stack.get(0), stack.get(1));
    if sort_plain::try_sort_plain(ctx, t, comp)? {
        stack.clear();
        return Ok(NativeAction::Return);
    }
    start(ctx, stack, Op::Sort, sort::START, |m| {
        m.v[0] = t;
        m.v[1] = comp;
    })
}

/// `table.pack(...)`: the arguments in a new table with `n` set to their count.
pub fn pack<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let n = stack.len();
    let t = Table::with_capacity(ctx, n, 1)?;
    for (k, v) in stack.as_slice().iter().enumerate() {
        t.set_int(ctx, k as i64 + 1, *v)?;
    }
    t.set_str(ctx, ctx.new_string(b"n")?, Value::Integer(n as i64))?;
    stack.replace(&[Value::Table(t)]);
    Ok(NativeAction::Return)
}
