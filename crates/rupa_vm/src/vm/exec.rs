//! The bytecode loop: runs the Lua frames on top of one thread until it needs the executor
//! (a native call, an error, a thread switch, fuel exhausted).
//!
//! The thread state is borrowed once for the whole run; `pc`, the frame base, code, constants
//! and upvalues live in locals. Integer/float arithmetic, comparisons and raw table accesses
//! are done inline; everything else goes through `metaops` and comes back as frames.

use gc_arena::Gc;

use crate::arith::{ArithError, ArithOp};
use crate::call::{self, CallError, PreCall};
use crate::error::RuntimeError;
use crate::frame::{Frame, LuaFrame, ReturnTo};
use crate::function::{Closure, FunctionKind, LuaClosure, UpValue, HINTS_PER_OP};
use crate::meta::MetaEvent;
use crate::metaops::{self, Meta, OpError};
use crate::number;
use crate::opcode::Op;
use crate::state::Context;
use crate::string::LuaString;
use crate::table::Table;
use crate::thread::{Thread, ThreadState};
use crate::value::Value;
use crate::vm::concat;
use crate::vm::describe::{describe, Operand};
use crate::vm::executor::Work;
use crate::vm::forloop::for_prep;
use crate::vm::tbc::{close_one, mark_tbc};
use crate::vm::upvalues::{new_closure, read_upvalue, write_upvalue};

/// Runs Lua frames of `thread` (its top frame must be a Lua frame) until `fuel` runs out.
///
/// Fuel is charged where control can come back to code already run, not per instruction:
/// a backward jump costs the length of the loop body it closes, a return the distance the
/// activation got (`pc`), a call one. That bounds the instructions run by the fuel (a loop
/// body or straight-line stretch can only run once per charge) while the dispatch of an
/// ordinary instruction does no fuel work. Fuel is checked at backward jumps and on entering
/// a function, after the instruction: every slice makes progress, however small the budget.
pub(crate) fn run_lua<'gc>(
    ctx: Context<'gc>,
    thread: Thread<'gc>,
    ts: &mut ThreadState<'gc>,
    fuel: &mut i64,
) -> Work<'gc> {
    run::<false>(ctx, thread, ts, fuel)
}

/// Runs exactly one instruction of the top Lua frame (for hooks; `fuel` is a budget of 1).
pub(crate) fn run_lua_step<'gc>(
    ctx: Context<'gc>,
    thread: Thread<'gc>,
    ts: &mut ThreadState<'gc>,
    fuel: &mut i64,
) -> Work<'gc> {
    run::<true>(ctx, thread, ts, fuel)
}

fn run<'gc, const STEP: bool>(
    ctx: Context<'gc>,
    thread: Thread<'gc>,
    ts: &mut ThreadState<'gc>,
    fuel: &mut i64,
) -> Work<'gc> {
    'frame: loop {
        // Entering a frame (a call made outside the inline path, a return through the
        // executor): the frame's pc is saved, so stopping here resumes it.
        if *fuel < 0 {
            *fuel = 0;
            return Work::OutOfFuel;
        }
        // The running frame's state in locals. A Lua-to-Lua call sets them directly (see
        // `Op::Call`) instead of coming back here, which would read the frame just pushed.
        // The rest of the frame (where results go, C depth, varargs) stays in `ts.frames` and
        // is read there when needed (`cur!`): copying it in and out of a local on every call
        // and return cost more than those reads.
        let frame: LuaFrame<'gc> = match ts.frames.last() {
            Some(Frame::Lua(f)) => *f,
            _ => return Work::Continue { error: None },
        };
        let mut closure: &'gc LuaClosure<'gc> = match Gc::as_ref(frame.func.0) {
            FunctionKind::Lua(c) => c,
            FunctionKind::Native(_) => crate::vm_bug!("a Lua frame holds a Lua closure"),
        };
        let mut fproto = Gc::as_ref(closure.proto);
        let mut proto: &'gc crate::proto::Proto = &fproto.proto;
        let mut code: &'gc [Op] = &proto.code;
        let mut consts: &'gc [Value<'gc>] = &fproto.constants;
        let mut field_hints: &'gc [std::cell::Cell<u32>] = &fproto.field_hints;
        // The closure's own slots unless `debug.upvaluejoin` rebound one (a native, run outside
        // this loop: the slots cannot change while an activation runs here).
        let mut upvals: &'gc [UpValue<'gc>] = frame.func.upvalue_slots(ctx);
        let mut base = frame.base;
        let mut pc = frame.pc;
        // Switches the locals to another Lua frame (a caller being returned to).
        macro_rules! enter_frame {
            ($func:expr, $base:expr, $pc:expr) => {{
                let func: Closure<'gc> = $func;
                closure = match Gc::as_ref(func.0) {
                    FunctionKind::Lua(c) => c,
                    FunctionKind::Native(_) => crate::vm_bug!("a Lua frame holds a Lua closure"),
                };
                fproto = Gc::as_ref(closure.proto);
                proto = &fproto.proto;
                code = &proto.code;
                consts = &fproto.constants;
                field_hints = &fproto.field_hints;
                upvals = func.upvalue_slots(ctx);
                base = $base;
                pc = $pc;
            }};
        }
        // The running frame as stored (its `pc` is only current after `save_pc!`).
        macro_rules! cur {
            () => {
                match ts.frames.last() {
                    Some(Frame::Lua(f)) => f,
                    _ => crate::vm_bug!("the running frame is a Lua frame"),
                }
            };
        }
        // The stack as a slice: its pointer and length stay in registers. Re-derived after
        // anything that may resize the stack.
        let mut stack: &mut [Value<'gc>] = &mut ts.stack;

        macro_rules! reg {
            ($r:expr) => {
                stack[base + $r as usize]
            };
        }
        macro_rules! rk {
            ($rk:expr) => {
                match $rk.decode() {
                    Ok(r) => stack[base + r as usize],
                    Err(k) => consts[k],
                }
            };
        }
        // An operand by reference: matching through a reference reads the tag and payload
        // straight from the stack instead of copying the whole value through a spill slot.
        macro_rules! rkr {
            ($rk:expr) => {
                match $rk.decode() {
                    Ok(r) => &stack[base + r as usize],
                    Err(k) => &consts[k],
                }
            };
        }
        macro_rules! save_pc {
            () => {
                if let Some(Frame::Lua(f)) = ts.frames.last_mut() {
                    f.pc = pc;
                }
            };
        }
        // Raise an error at the current instruction.
        macro_rules! throw {
            ($e:expr) => {{
                save_pc!();
                return Work::vm_error($e);
            }};
        }
        macro_rules! op_error {
            ($e:expr, $ops:expr) => {{
                let e = $e;
                save_pc!();
                let e = describe(ctx, cur!(), closure, pc - 1, e, $ops);
                return Work::vm_error(e);
            }};
        }
        // Continue with the work a metamethod call produced.
        macro_rules! meta_call {
            ($func:expr, $args:expr, $ret:expr) => {{
                save_pc!();
                match call::call_meta(ctx, ts, $func, $args, $ret) {
                    Work::RunLua => continue 'frame,
                    w => return w,
                }
            }};
        }
        macro_rules! index_into {
            ($dst:expr, $obj:expr, $key:expr, $operand:expr) => {{
                let obj = $obj;
                let key = $key;
                let r = if let Value::Table(t) = obj {
                    let v = t.get(ctx, key);
                    if !v.is_nil() || t.metatable().is_none() {
                        reg!($dst) = v;
                        continue;
                    }
                    metaops::index_miss(ctx, t, key)
                } else {
                    metaops::index(ctx, obj, key)
                };
                match r {
                    Ok(Meta::Value(v)) => reg!($dst) = v,
                    Ok(Meta::Call { func, args, nargs }) => {
                        meta_call!(func, &args[..nargs as usize], ReturnTo::Store { reg: $dst })
                    }
                    Err(e) => op_error!(e, [$operand, Operand::None]),
                }
            }};
        }
        macro_rules! assign {
            ($obj:expr, $key:expr, $val:expr, $operand:expr) => {{
                let obj = $obj;
                let key = $key;
                let val = $val;
                if let Value::Table(t) = obj {
                    if t.metatable().is_none() {
                        if let Err(e) = t.set(ctx, key, val) {
                            throw!(e);
                        }
                        continue;
                    }
                }
                match metaops::new_index(ctx, obj, key, val) {
                    Ok(None) => {}
                    Ok(Some(Meta::Call { func, args, nargs })) => {
                        meta_call!(func, &args[..nargs as usize], ReturnTo::Discard)
                    }
                    Ok(Some(Meta::Value(_))) => {}
                    Err(e) => op_error!(e, [$operand, Operand::None]),
                }
            }};
        }
        macro_rules! arith {
            ($op:expr, $dst:expr, $lhs:expr, $rhs:expr, $int:expr, $flt:expr) => {{
                let a = rkr!($lhs);
                let b = rkr!($rhs);
                if let (&Value::Integer(x), &Value::Integer(y)) = (a, b) {
                    reg!($dst) = Value::Integer($int(x, y));
                } else if let Some((x, y)) = float_pair(a, b) {
                    reg!($dst) = Value::Number($flt(x, y));
                } else {
                    let (a, b) = (*a, *b);
                    arith_slow!($op, $dst, $lhs, $rhs, a, b)
                }
            }};
        }
        macro_rules! arith_slow {
            ($op:expr, $dst:expr, $lhs:expr, $rhs:expr, $a:expr, $b:expr) => {{
                match metaops::arith(ctx, $op, $a, $b) {
                    Ok(Meta::Value(v)) => reg!($dst) = v,
                    Ok(Meta::Call { func, args, nargs }) => {
                        meta_call!(func, &args[..nargs as usize], ReturnTo::Store { reg: $dst })
                    }
                    Err(e) => op_error!(e, [Operand::Rk($lhs), Operand::Rk($rhs)]),
                }
            }};
        }
        // Bitwise operators: integers inline, everything else (floats with an integer value,
        // strings, metamethods, errors) through `metaops`.
        macro_rules! bitwise {
            ($op:expr, $dst:expr, $lhs:expr, $rhs:expr, $int:expr) => {{
                if let (&Value::Integer(x), &Value::Integer(y)) = (rkr!($lhs), rkr!($rhs)) {
                    reg!($dst) = Value::Integer($int(x, y));
                } else {
                    let (a, b) = (rk!($lhs), rk!($rhs));
                    arith_slow!($op, $dst, $lhs, $rhs, a, b)
                }
            }};
        }
        macro_rules! compare {
            ($lhs:expr, $rhs:expr, $k:expr, $le:expr, $int:expr, $flt:expr) => {{
                let a = rkr!($lhs);
                let b = rkr!($rhs);
                let r = match (a, b) {
                    (&Value::Integer(x), &Value::Integer(y)) => $int(x, y),
                    (&Value::Number(x), &Value::Number(y)) => $flt(x, y),
                    (&a, &b) => match metaops::compare(ctx, a, b, $le) {
                        Ok((Meta::Value(v), _)) => v.is_truthy(),
                        Ok((Meta::Call { func, args, nargs }, negate)) => meta_call!(
                            func,
                            &args[..nargs as usize],
                            ReturnTo::Compare { k: $k ^ negate }
                        ),
                        Err(e) => op_error!(e, [Operand::Rk($lhs), Operand::Rk($rhs)]),
                    },
                };
                if r != $k {
                    pc += 1;
                }
            }};
        }

        // Stops after a backward jump or on entering a function when the fuel is spent.
        macro_rules! check_fuel {
            () => {
                if *fuel < 0 {
                    *fuel = 0;
                    save_pc!();
                    return Work::OutOfFuel;
                }
            };
        }

        loop {
            if STEP {
                *fuel -= 1;
                check_fuel!();
            }
            let op = code[pc];
            pc += 1;
            match op {
                Op::Move { dst, src } => reg!(dst) = reg!(src),
                Op::LoadK { dst, k } => reg!(dst) = consts[k as usize],
                Op::LoadI { dst, value } => reg!(dst) = Value::Integer(value as i64),
                Op::LoadF { dst, value } => reg!(dst) = Value::Number(value as f64),
                Op::LoadBool { dst, value } => reg!(dst) = Value::Boolean(value),
                Op::LoadFalseSkip { dst } => {
                    reg!(dst) = Value::Boolean(false);
                    pc += 1;
                }
                Op::LoadNil { dst, count } => {
                    for r in dst as usize..dst as usize + count as usize {
                        reg!(r) = Value::Nil;
                    }
                }
                Op::GetUpval { dst, up } => {
                    reg!(dst) = read_upvalue(upvals[up as usize], thread, stack)
                }
                Op::SetUpval { src, up } => {
                    let v = reg!(src);
                    write_upvalue(ctx, upvals[up as usize], thread, stack, v);
                }
                Op::GetTabUp { dst, up, key } => {
                    let t = read_upvalue(upvals[up as usize], thread, stack);
                    let k = consts[key as usize];
                    if let (Value::Table(tb), Value::String(ks)) = (t, k) {
                        if let Some(v) =
                            index_str_fast(ctx, tb, ks, &field_hints[HINTS_PER_OP * (pc - 1)..])
                        {
                            reg!(dst) = v;
                            continue;
                        }
                    }
                    index_into!(dst, t, k, Operand::Up(up))
                }
                Op::SetTabUp { up, key, src } => {
                    let t = read_upvalue(upvals[up as usize], thread, stack);
                    let k = consts[key as usize];
                    let v = rk!(src);
                    if let (Value::Table(tb), Value::String(ks)) = (t, k) {
                        if assigns_raw(ctx, tb) {
                            if let Err(e) = tb.set_str(ctx, ks, v) {
                                throw!(e);
                            }
                            continue;
                        }
                    }
                    assign!(t, k, v, Operand::Up(up))
                }
                Op::GetTable { dst, table, key } => {
                    if let (&Value::Table(tb), &Value::Integer(i)) = (&reg!(table), &reg!(key)) {
                        let v = tb.get_int(ctx, i);
                        if !v.is_nil() || tb.metatable().is_none() {
                            reg!(dst) = v;
                            continue;
                        }
                    }
                    index_into!(dst, reg!(table), reg!(key), Operand::Reg(table))
                }
                Op::GetField { dst, table, key } => {
                    if let (&Value::Table(tb), &Value::String(ks)) =
                        (&reg!(table), &consts[key as usize])
                    {
                        if let Some(v) =
                            index_str_fast(ctx, tb, ks, &field_hints[HINTS_PER_OP * (pc - 1)..])
                        {
                            reg!(dst) = v;
                            continue;
                        }
                    }
                    index_into!(dst, reg!(table), consts[key as usize], Operand::Reg(table))
                }
                Op::GetInt { dst, table, index } => {
                    if let &Value::Table(tb) = &reg!(table) {
                        let v = tb.get_int(ctx, index as i64);
                        if !v.is_nil() || tb.metatable().is_none() {
                            reg!(dst) = v;
                            continue;
                        }
                    }
                    let t = reg!(table);
                    index_into!(dst, t, Value::Integer(index as i64), Operand::Reg(table))
                }
                Op::SetTable { table, key, src } => {
                    if let (&Value::Table(tb), &Value::Integer(i)) = (&reg!(table), &reg!(key)) {
                        if tb.metatable().is_none() {
                            if let Err(e) = tb.set_int(ctx, i, rk!(src)) {
                                throw!(e);
                            }
                            continue;
                        }
                    }
                    assign!(reg!(table), reg!(key), rk!(src), Operand::Reg(table))
                }
                Op::SetField { table, key, src } => {
                    if let (&Value::Table(tb), &Value::String(ks)) =
                        (&reg!(table), &consts[key as usize])
                    {
                        if assigns_raw(ctx, tb) {
                            let hint = &field_hints[HINTS_PER_OP * (pc - 1)];
                            if let Err(e) = tb.set_str_hinted(ctx, ks, rk!(src), hint) {
                                throw!(e);
                            }
                            continue;
                        }
                    }
                    assign!(
                        reg!(table),
                        consts[key as usize],
                        rk!(src),
                        Operand::Reg(table)
                    )
                }
                Op::SetInt { table, index, src } => {
                    if let &Value::Table(tb) = &reg!(table) {
                        if tb.metatable().is_none() {
                            if let Err(e) = tb.set_int(ctx, index as i64, rk!(src)) {
                                throw!(e);
                            }
                            continue;
                        }
                    }
                    let t = reg!(table);
                    assign!(
                        t,
                        Value::Integer(index as i64),
                        rk!(src),
                        Operand::Reg(table)
                    )
                }
                Op::NewTable { dst, array, hash } => {
                    match Table::with_capacity(ctx, array as usize, hash as usize) {
                        Ok(t) => reg!(dst) = Value::Table(t),
                        Err(e) => throw!(e),
                    }
                }
                Op::SelfOp { dst, obj, key } => {
                    let o = reg!(obj);
                    let k = rk!(key);
                    reg!(dst + 1) = o;
                    if let (Value::Table(tb), Value::String(ks)) = (o, k) {
                        if let Some(v) =
                            index_str_fast(ctx, tb, ks, &field_hints[HINTS_PER_OP * (pc - 1)..])
                        {
                            reg!(dst) = v;
                            continue;
                        }
                    }
                    index_into!(dst, o, k, Operand::Reg(obj))
                }
                Op::Add { dst, lhs, rhs } => arith!(
                    ArithOp::Add,
                    dst,
                    lhs,
                    rhs,
                    |x: i64, y: i64| x.wrapping_add(y),
                    |x: f64, y: f64| x + y
                ),
                Op::Sub { dst, lhs, rhs } => arith!(
                    ArithOp::Sub,
                    dst,
                    lhs,
                    rhs,
                    |x: i64, y: i64| x.wrapping_sub(y),
                    |x: f64, y: f64| x - y
                ),
                Op::Mul { dst, lhs, rhs } => arith!(
                    ArithOp::Mul,
                    dst,
                    lhs,
                    rhs,
                    |x: i64, y: i64| x.wrapping_mul(y),
                    |x: f64, y: f64| x * y
                ),
                Op::Div { dst, lhs, rhs } => {
                    let a = rk!(lhs);
                    let b = rk!(rhs);
                    match (a, b) {
                        (Value::Number(x), Value::Number(y)) => reg!(dst) = Value::Number(x / y),
                        _ => match float_pair(&a, &b) {
                            Some((x, y)) => reg!(dst) = Value::Number(x / y),
                            None => arith_slow!(ArithOp::Div, dst, lhs, rhs, a, b),
                        },
                    }
                }
                Op::Mod { dst, lhs, rhs } => {
                    let a = rk!(lhs);
                    let b = rk!(rhs);
                    match (a, b) {
                        (Value::Integer(x), Value::Integer(y)) if y != 0 => {
                            reg!(dst) = Value::Integer(number::int_mod(x, y))
                        }
                        // lua5.4 raises this without saving the instruction pointer: the
                        // position is that of the last instruction that did.
                        (Value::Integer(_), Value::Integer(_)) => {
                            return Work::vm_error(RuntimeError::msg(
                                ArithError::ModByZero.message(),
                            ))
                        }
                        _ => match float_pair(&a, &b) {
                            Some((x, y)) => reg!(dst) = Value::Number(number::float_mod(x, y)),
                            None => arith_slow!(ArithOp::Mod, dst, lhs, rhs, a, b),
                        },
                    }
                }
                Op::Pow { dst, lhs, rhs } => {
                    let a = rk!(lhs);
                    let b = rk!(rhs);
                    match float_pair(&a, &b) {
                        Some((x, y)) => {
                            reg!(dst) = Value::Number(crate::arith::float_arith(ArithOp::Pow, x, y))
                        }
                        None => arith_slow!(ArithOp::Pow, dst, lhs, rhs, a, b),
                    }
                }
                Op::IDiv { dst, lhs, rhs } => {
                    let a = rk!(lhs);
                    let b = rk!(rhs);
                    match (a, b) {
                        (Value::Integer(x), Value::Integer(y)) if y != 0 => {
                            reg!(dst) = Value::Integer(number::int_idiv(x, y))
                        }
                        (Value::Integer(_), Value::Integer(_)) => {
                            return Work::vm_error(RuntimeError::msg(
                                ArithError::DivByZero.message(),
                            ))
                        }
                        _ => match float_pair(&a, &b) {
                            Some((x, y)) => reg!(dst) = Value::Number(number::float_idiv(x, y)),
                            None => arith_slow!(ArithOp::IDiv, dst, lhs, rhs, a, b),
                        },
                    }
                }
                Op::BAnd { dst, lhs, rhs } => {
                    bitwise!(ArithOp::BAnd, dst, lhs, rhs, |x: i64, y: i64| x & y)
                }
                Op::BOr { dst, lhs, rhs } => {
                    bitwise!(ArithOp::BOr, dst, lhs, rhs, |x: i64, y: i64| x | y)
                }
                Op::BXor { dst, lhs, rhs } => {
                    bitwise!(ArithOp::BXor, dst, lhs, rhs, |x: i64, y: i64| x ^ y)
                }
                Op::Shl { dst, lhs, rhs } => {
                    bitwise!(ArithOp::Shl, dst, lhs, rhs, number::shift_left)
                }
                Op::Shr { dst, lhs, rhs } => {
                    bitwise!(ArithOp::Shr, dst, lhs, rhs, number::shift_right)
                }
                Op::Unm { dst, src } => match reg!(src) {
                    Value::Integer(i) => reg!(dst) = Value::Integer(i.wrapping_neg()),
                    Value::Number(f) => reg!(dst) = Value::Number(-f),
                    v => match metaops::arith(ctx, ArithOp::Unm, v, v) {
                        Ok(Meta::Value(r)) => reg!(dst) = r,
                        Ok(Meta::Call { func, args, nargs }) => {
                            meta_call!(func, &args[..nargs as usize], ReturnTo::Store { reg: dst })
                        }
                        Err(e) => op_error!(e, [Operand::Reg(src), Operand::None]),
                    },
                },
                Op::BNot { dst, src } => match reg!(src) {
                    Value::Integer(i) => reg!(dst) = Value::Integer(!i),
                    v => match metaops::arith(ctx, ArithOp::BNot, v, v) {
                        Ok(Meta::Value(r)) => reg!(dst) = r,
                        Ok(Meta::Call { func, args, nargs }) => {
                            meta_call!(func, &args[..nargs as usize], ReturnTo::Store { reg: dst })
                        }
                        Err(e) => op_error!(e, [Operand::Reg(src), Operand::None]),
                    },
                },
                Op::Not { dst, src } => reg!(dst) = Value::Boolean(!reg!(src).is_truthy()),
                Op::Len { dst, src } => {
                    let v = reg!(src);
                    match v {
                        Value::String(s) => reg!(dst) = Value::Integer(s.len() as i64),
                        Value::Table(t) if t.metatable().is_none() => {
                            reg!(dst) = Value::Integer(t.length())
                        }
                        _ => match metaops::len(ctx, v) {
                            Ok(Meta::Value(r)) => reg!(dst) = r,
                            Ok(Meta::Call { func, args, nargs }) => meta_call!(
                                func,
                                &args[..nargs as usize],
                                ReturnTo::Store { reg: dst }
                            ),
                            Err(e) => op_error!(e, [Operand::Reg(src), Operand::None]),
                        },
                    }
                }
                Op::Concat { dst, count } => {
                    save_pc!();
                    let first = base + dst as usize;
                    match concat::resume(ctx, ts, first, first + count as usize - 1) {
                        Work::RunLua => continue 'frame,
                        w => return w,
                    }
                }
                Op::Close { from } => {
                    let level = base + from as usize;
                    if let Some(&idx) = ts.tbc.last() {
                        if idx >= level {
                            save_pc!();
                            match close_one(ctx, ts, Value::Nil, ReturnTo::Reexecute) {
                                Work::RunLua => continue 'frame,
                                w => return w,
                            }
                        }
                    }
                    ts.close_upvalues(ctx.mc, level);
                    stack = &mut ts.stack;
                }
                Op::Tbc { reg } => {
                    let v = reg!(reg);
                    if let Err(e) = mark_tbc(ctx, ts, base + reg as usize, v, proto, pc - 1, reg) {
                        throw!(e);
                    }
                    stack = &mut ts.stack;
                }
                Op::Jmp { offset } => {
                    pc = (pc as i64 + offset as i64) as usize;
                    if offset < 0 {
                        *fuel += offset as i64;
                        check_fuel!();
                    }
                }
                Op::Eq { lhs, rhs, k } => {
                    let a = rk!(lhs);
                    let b = rk!(rhs);
                    let r = match (a, b) {
                        (Value::Integer(x), Value::Integer(y)) => x == y,
                        (Value::String(x), Value::String(y)) => x == y,
                        (Value::Number(x), Value::Number(y)) => x == y,
                        _ => match metaops::equal(ctx, a, b) {
                            Meta::Value(v) => v.is_truthy(),
                            Meta::Call { func, args, nargs } => {
                                meta_call!(func, &args[..nargs as usize], ReturnTo::Compare { k })
                            }
                        },
                    };
                    if r != k {
                        pc += 1;
                    }
                }
                Op::Lt { lhs, rhs, k } => compare!(
                    lhs,
                    rhs,
                    k,
                    false,
                    |x: i64, y: i64| x < y,
                    |x: f64, y: f64| x < y
                ),
                Op::Le { lhs, rhs, k } => compare!(
                    lhs,
                    rhs,
                    k,
                    true,
                    |x: i64, y: i64| x <= y,
                    |x: f64, y: f64| x <= y
                ),
                Op::Test { reg, k } => {
                    if reg!(reg).is_truthy() != k {
                        pc += 1;
                    }
                }
                Op::TestSet { dst, src, k } => {
                    let v = reg!(src);
                    if v.is_truthy() == k {
                        reg!(dst) = v;
                    } else {
                        pc += 1;
                    }
                }
                Op::Call {
                    func,
                    args,
                    results,
                } => {
                    let fs = base + func as usize;
                    if args != 0 {
                        ts.stack.truncate(fs + args as usize);
                    } else {
                        // Moving a variable number of values costs fuel in proportion, so
                        // fuel bounds time (`f(...)` chains copy every vararg).
                        *fuel -= (ts.stack.len() - fs) as i64 / 8;
                    }
                    save_pc!();
                    let ret = ReturnTo::Call {
                        wanted: if results == 0 {
                            ReturnTo::MULTI
                        } else {
                            results - 1
                        },
                    };
                    // The common case inline: a Lua function with fixed parameters whose
                    // registers fit in the stack's capacity.
                    if let Value::Closure(f) = ts.stack[fs] {
                        if let FunctionKind::Lua(cl) = Gc::as_ref(f.0) {
                            let p = &cl.proto.proto;
                            let top = fs + 1 + p.max_stack as usize;
                            if !p.is_vararg
                                && top <= ts.stack.capacity()
                                && top <= call::MAX_STACK
                                && cur!().c_depth < call::MAX_C_DEPTH
                            {
                                // Registers past the parameters need no clearing: the
                                // compiler never reads a register it did not write; missing
                                // parameters are past the old top and become nil.
                                call::set_top(&mut ts.stack, top);
                                let c_depth = cur!().c_depth;
                                ts.frames.push(Frame::Lua(LuaFrame {
                                    func: f,
                                    base: fs + 1,
                                    top,
                                    func_slot: fs,
                                    pc: 0,
                                    n_varargs: 0,
                                    ret,
                                    c_depth,
                                    tail: false,
                                }));
                                closure = cl;
                                fproto = Gc::as_ref(cl.proto);
                                proto = &fproto.proto;
                                code = &proto.code;
                                consts = &fproto.constants;
                                field_hints = &fproto.field_hints;
                                upvals = f.upvalue_slots(ctx);
                                base = fs + 1;
                                pc = 0;
                                stack = &mut ts.stack;
                                *fuel -= 1;
                                check_fuel!();
                                continue;
                            }
                        }
                    }
                    let c_depth = cur!().c_depth;
                    match call::precall(ctx, ts, fs, ret, c_depth) {
                        Ok(PreCall::Lua) => continue 'frame,
                        Ok(PreCall::Native(f)) => {
                            return Work::CallNative {
                                func: f,
                                func_slot: fs,
                                ret,
                                c_depth,
                            }
                        }
                        Err(CallError::NotCallable(v)) => {
                            restore_top(ts, base, proto);
                            op_error!(
                                OpError::Type {
                                    op: "call",
                                    value: v,
                                    operand: Some(0)
                                },
                                [Operand::Reg(func), Operand::None]
                            )
                        }
                        Err(CallError::Runtime(e)) => {
                            restore_top(ts, base, proto);
                            throw!(e)
                        }
                    }
                }
                Op::TailCall { func, args } => {
                    let fs = base + func as usize;
                    *fuel -= pc as i64;
                    let frame = *cur!();
                    if args != 0 {
                        ts.stack.truncate(fs + args as usize);
                    } else {
                        *fuel -= (ts.stack.len() - fs) as i64 / 8;
                    }
                    // Resolve `__call` while this frame still exists, so an error names the
                    // called variable.
                    loop {
                        let callee = ts.stack[fs];
                        if callee.is_function() {
                            break;
                        }
                        match metaops::call_handler(ctx, callee) {
                            Some(h) => {
                                let need = ts.stack.len() + 1;
                                if let Err(e) = call::ensure_stack(ctx, &mut ts.stack, need) {
                                    throw!(e);
                                }
                                ts.stack.insert(fs, h);
                            }
                            None => {
                                restore_top(ts, base, proto);
                                op_error!(
                                    OpError::Type {
                                        op: "call",
                                        value: callee,
                                        operand: Some(0)
                                    },
                                    [Operand::Reg(func), Operand::None]
                                )
                            }
                        }
                    }
                    if let Some(f) = ts.stack[fs].as_function() {
                        if f.is_native() {
                            // lua5.4 runs a native tail call above the caller's frame (errors
                            // see the caller as level 1); the `Return` that follows every
                            // `TailCall` then returns its results.
                            save_pc!();
                            return Work::CallNative {
                                func: f,
                                func_slot: fs,
                                ret: ReturnTo::Call {
                                    wanted: ReturnTo::MULTI,
                                },
                                c_depth: frame.c_depth,
                            };
                        }
                    }
                    ts.close_upvalues(ctx.mc, base);
                    ts.frames.pop();
                    let dst = frame.func_slot;
                    let n = ts.stack.len() - fs;
                    ts.stack.copy_within(fs.., dst);
                    ts.stack.truncate(dst + n);
                    match call::start_call(ctx, ts, dst, frame.ret, frame.c_depth) {
                        Work::RunLua => {
                            if let Some(Frame::Lua(f)) = ts.frames.last_mut() {
                                f.tail = true;
                            }
                            continue 'frame;
                        }
                        Work::Error { error, site } => {
                            // Report the error from the caller's point of view: put the frame
                            // back so the position is this call.
                            ts.frames.push(Frame::Lua(LuaFrame { pc, ..frame }));
                            return Work::Error { error, site };
                        }
                        w => return w,
                    }
                }
                Op::Return { base: rb, count } => {
                    let src = base + rb as usize;
                    *fuel -= pc as i64;
                    if let Some(&idx) = ts.tbc.last() {
                        if idx >= base {
                            save_pc!();
                            match close_one(ctx, ts, Value::Nil, ReturnTo::Reexecute) {
                                Work::RunLua => continue 'frame,
                                w => return w,
                            }
                        }
                    }
                    let n = if count == 0 {
                        let n = ts.stack.len() - src;
                        *fuel -= n as i64 / 8;
                        n
                    } else {
                        count as usize - 1
                    };
                    if ts.open_upvalues.last().is_some_and(|&(i, _)| i >= base) {
                        ts.close_upvalues(ctx.mc, base);
                    }
                    let Some(Frame::Lua(done)) = ts.frames.pop() else {
                        crate::vm_bug!("the running frame is a Lua frame")
                    };
                    // The common case inline: back into a Lua caller's `Call`.
                    if let (ReturnTo::Call { wanted }, Some(Frame::Lua(caller))) =
                        (done.ret, ts.frames.last())
                    {
                        if wanted != ReturnTo::MULTI {
                            let (func, caller_base, caller_pc, caller_top) =
                                (caller.func, caller.base, caller.pc, caller.top);
                            let dst = done.func_slot;
                            let wanted = wanted as usize;
                            let st = &mut ts.stack;
                            if wanted == 1 && n >= 1 {
                                st[dst] = st[src];
                            } else {
                                if st.len() < dst + wanted {
                                    call::set_top(st, dst + wanted);
                                }
                                for i in 0..wanted {
                                    st[dst + i] = if i < n { st[src + i] } else { Value::Nil };
                                }
                            }
                            call::set_top(st, caller_top.max(dst + wanted));
                            enter_frame!(func, caller_base, caller_pc);
                            stack = &mut ts.stack;
                            continue;
                        }
                    }
                    match call::finish_return(ctx, ts, done.func_slot, src, n, done.ret) {
                        Work::RunLua => continue 'frame,
                        w => return w,
                    }
                }
                Op::ForPrep { base: fb, skip } => {
                    let at = base + fb as usize;
                    match for_prep(ctx, stack, at) {
                        Ok(true) => {}
                        Ok(false) => pc += skip as usize,
                        Err(e) => throw!(e),
                    }
                }
                Op::ForLoop { base: fb, back } => {
                    let at = base + fb as usize;
                    // One bounds check for the four loop registers (index, count or limit,
                    // step, control variable).
                    let [index, limit, step, var] = &mut stack[at..at + 4] else {
                        crate::vm_bug!("a slice of four has four elements")
                    };
                    let looping = match (*index, *limit, *step) {
                        // `count` is the number of iterations left, as unsigned.
                        (Value::Integer(i), Value::Integer(count), Value::Integer(step))
                            if count as u64 > 0 =>
                        {
                            *limit = Value::Integer((count as u64 - 1) as i64);
                            let i = Value::Integer(i.wrapping_add(step));
                            *index = i;
                            *var = i;
                            true
                        }
                        (Value::Number(i), Value::Number(limit), Value::Number(step)) => {
                            let i = i + step;
                            let go = if step > 0.0 { i <= limit } else { limit <= i };
                            if go {
                                *index = Value::Number(i);
                                *var = Value::Number(i);
                            }
                            go
                        }
                        _ => false,
                    };
                    if looping {
                        pc -= back as usize;
                        *fuel -= back as i64;
                        check_fuel!();
                    }
                }
                Op::TForPrep { base: fb, jump } => {
                    let at = base + fb as usize + 3;
                    let v = stack[at];
                    if let Err(e) = mark_tbc(ctx, ts, at, v, proto, pc - 1, fb + 3) {
                        throw!(e);
                    }
                    stack = &mut ts.stack;
                    pc += jump as usize;
                }
                Op::TForCall { base: fb, results } => {
                    let at = base + fb as usize;
                    let cb = at + 4;
                    if ts.stack.len() < cb + 3 {
                        if let Err(e) = call::ensure_stack(ctx, &mut ts.stack, cb + 3) {
                            throw!(e);
                        }
                        ts.stack.resize(cb + 3, Value::Nil);
                    }
                    ts.stack.copy_within(at..at + 3, cb);
                    ts.stack.truncate(cb + 3);
                    save_pc!();
                    let ret = ReturnTo::Call { wanted: results };
                    let c_depth = cur!().c_depth;
                    match call::precall(ctx, ts, cb, ret, c_depth) {
                        Ok(PreCall::Lua) => continue 'frame,
                        Ok(PreCall::Native(f)) => {
                            return Work::CallNative {
                                func: f,
                                func_slot: cb,
                                ret,
                                c_depth,
                            }
                        }
                        Err(CallError::NotCallable(v)) => {
                            restore_top(ts, base, proto);
                            throw!(RuntimeError::msg(format!(
                                "attempt to call a {} value (for iterator 'for iterator')",
                                metaops::type_name_for_error(ctx, v)
                            )))
                        }
                        Err(CallError::Runtime(e)) => {
                            restore_top(ts, base, proto);
                            throw!(e)
                        }
                    }
                }
                Op::TForLoop { base: fb, back } => {
                    let at = base + fb as usize;
                    let v = stack[at + 4];
                    if !v.is_nil() {
                        stack[at + 2] = v;
                        pc -= back as usize;
                        *fuel -= back as i64;
                        check_fuel!();
                    }
                }
                Op::SetList {
                    table,
                    count,
                    start,
                } => {
                    let at = base + table as usize;
                    let n = if count == 0 {
                        stack.len() - at - 1
                    } else {
                        count as usize
                    };
                    *fuel -= n as i64 / 8;
                    if let Value::Table(t) = stack[at] {
                        // One array growth for the whole batch, sized as 5.4 sizes it.
                        if let Err(e) = t.set_list(ctx, start as i64, &stack[at + 1..at + 1 + n]) {
                            throw!(e);
                        }
                    }
                    if count == 0 {
                        restore_top(ts, base, proto);
                        stack = &mut ts.stack;
                    }
                }
                Op::Closure { dst, proto: p } => {
                    let child = fproto.protos[p as usize];
                    match new_closure(ctx, thread, ts, upvals, child, base) {
                        Ok(f) => {
                            stack = &mut ts.stack;
                            reg!(dst) = Value::Closure(f)
                        }
                        Err(e) => throw!(e),
                    }
                }
                Op::VarArg { dst, count } => {
                    let nv = cur!().n_varargs;
                    let at = base + dst as usize;
                    if count == 0 {
                        *fuel -= nv as i64 / 8;
                        if let Err(e) = call::ensure_stack(ctx, &mut ts.stack, at + nv) {
                            throw!(e);
                        }
                        ts.stack.resize(at + nv, Value::Nil);
                        ts.stack.copy_within(base - nv..base, at);
                        ts.stack.truncate(at + nv);
                        stack = &mut ts.stack;
                    } else {
                        let want = count as usize - 1;
                        for i in 0..want {
                            stack[at + i] = if i < nv {
                                stack[base - nv + i]
                            } else {
                                Value::Nil
                            };
                        }
                    }
                }
            }
        }
    }
}

/// Pads the stack back to the current frame's size after a multi-value sequence.
/// Both operands as floats when both are numbers and at least one is not an integer (callers
/// handle integer pairs first): arithmetic converts the integer operand.
#[inline(always)]
fn float_pair(a: &Value<'_>, b: &Value<'_>) -> Option<(f64, f64)> {
    let x = match *a {
        Value::Number(x) => x,
        Value::Integer(i) => i as f64,
        _ => return None,
    };
    let y = match *b {
        Value::Number(y) => y,
        Value::Integer(i) => i as f64,
        _ => return None,
    };
    Some((x, y))
}

/// How many `__index` tables [`index_str_fast`] follows before leaving the rest to the
/// general path (which counts the whole chain against its own limit).
const FAST_INDEX_HOPS: usize = 16;

/// `t[key]` for a string key when only tables are involved: the raw value, or the raw value
/// found along a chain of `__index` tables. `None` when a function handler would run (or the
/// chain is long): the general path then starts over, which is safe as raw reads have no
/// effects.
#[inline]
fn index_str_fast<'gc>(
    ctx: Context<'gc>,
    mut t: Table<'gc>,
    key: LuaString<'gc>,
    hints: &[std::cell::Cell<u32>],
) -> Option<Value<'gc>> {
    for hop in 0..FAST_INDEX_HOPS {
        let hint = &hints[hop.min(1)];
        match t.get_str_hinted(ctx, key, hint) {
            Ok(v) => return Some(v),
            Err(None) => return Some(Value::Nil),
            Err(Some(mt)) => {
                match mt.metamethod_hinted(ctx, MetaEvent::Index, &hints[2 + hop.min(1)]) {
                    Value::Nil => return Some(Value::Nil),
                    Value::Table(next) => t = next,
                    _ => return None,
                }
            }
        }
    }
    None
}

/// Whether an assignment into `t` is raw: no `__newindex` would run.
#[inline]
fn assigns_raw<'gc>(ctx: Context<'gc>, t: Table<'gc>) -> bool {
    match t.metatable() {
        None => true,
        Some(mt) => mt.metamethod(ctx, MetaEvent::NewIndex).is_nil(),
    }
}

#[inline]
fn restore_top(ts: &mut ThreadState<'_>, base: usize, proto: &crate::proto::Proto) {
    let top = base + proto.max_stack as usize;
    if ts.stack.len() != top {
        ts.stack.resize(top, Value::Nil);
    }
}
