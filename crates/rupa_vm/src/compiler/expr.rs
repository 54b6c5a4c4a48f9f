//! Expressions: pending expression descriptors and their discharge into registers, conditional
//! jumps for `and`/`or`/`not`/comparisons, operators with constant folding, indexing, calls,
//! table constructors and closures (5.4's `expdesc` machinery of `lcode.c` and the expression
//! half of `lparser.c`).
//!
//! Left-nested chains (`a + b + c ...`, `a.b.c ...`, `f()()...`) are compiled with loops, not
//! recursion, because the parser builds them without nesting limits.

use std::rc::Rc;

use crate::ast::{BinOp, Expr, ExprKind, FuncBody, TableField, UnOp};
use crate::opcode::{Op, Reg, Rk};
use crate::proto::Constant;

use super::fold::{self, Num};
use super::{CResult, Compiler, KValue, VarKind, FIELDS_PER_FLUSH, NO_JUMP, NO_REG};

/// Where an expression's value is (5.4's `expkind`).
#[derive(Clone, Debug, PartialEq)]
pub(super) enum ExpKind {
    /// No value (empty expression list).
    Void,
    Nil,
    True,
    False,
    KInt(i64),
    KFlt(f64),
    KStr(Rc<[u8]>),
    /// Constant `K[idx]`.
    K(u32),
    /// In a fixed register.
    NonReloc(Reg),
    /// A local variable; `vidx` is its index among the function's locals.
    Local {
        reg: Reg,
        vidx: usize,
    },
    Upval(u8),
    /// A compile-time constant local (index into `Compiler::actvar`).
    Const(usize),
    /// `R[t][R[key]]`.
    Indexed {
        t: Reg,
        key: Reg,
    },
    /// `Upvalue[up][K[key]]` with a string key.
    IndexUp {
        up: u8,
        key: u16,
    },
    /// `R[t][idx]` with a small integer key.
    IndexInt {
        t: Reg,
        idx: u8,
    },
    /// `R[t][K[key]]` with a string key.
    IndexStr {
        t: Reg,
        key: u16,
    },
    /// A comparison whose jump is at this pc.
    Jmp(usize),
    /// The instruction at this pc computes the value; its destination is still open.
    Reloc(usize),
    /// A call at this pc.
    Call(usize),
    /// A `VarArg` at this pc.
    VarArg(usize),
}

/// An expression being compiled, with its "exit when true" and "exit when false" jump lists.
#[derive(Clone, Debug)]
pub(super) struct ExpDesc {
    pub k: ExpKind,
    pub t: usize,
    pub f: usize,
}

impl ExpDesc {
    pub fn new(k: ExpKind) -> ExpDesc {
        ExpDesc {
            k,
            t: NO_JUMP,
            f: NO_JUMP,
        }
    }

    pub fn has_jumps(&self) -> bool {
        self.t != self.f
    }

    pub fn has_multret(&self) -> bool {
        matches!(self.k, ExpKind::Call(_) | ExpKind::VarArg(_))
    }

    pub fn is_indexed(&self) -> bool {
        matches!(
            self.k,
            ExpKind::Indexed { .. }
                | ExpKind::IndexUp { .. }
                | ExpKind::IndexInt { .. }
                | ExpKind::IndexStr { .. }
        )
    }

    /// The numeric value of a numeral without jumps (5.4's `tonumeral`).
    fn numeral(&self) -> Option<Num> {
        if self.has_jumps() {
            return None;
        }
        match self.k {
            ExpKind::KInt(i) => Some(Num::Int(i)),
            ExpKind::KFlt(f) => Some(Num::Flt(f)),
            _ => None,
        }
    }
}

fn kvalue_exp(v: &KValue) -> ExpKind {
    match v {
        KValue::Nil => ExpKind::Nil,
        KValue::Bool(true) => ExpKind::True,
        KValue::Bool(false) => ExpKind::False,
        KValue::Int(i) => ExpKind::KInt(*i),
        KValue::Flt(f) => ExpKind::KFlt(*f),
        KValue::Str(s) => ExpKind::KStr(s.clone()),
    }
}

/// Points the destination of a relocatable instruction at `reg`.
fn set_dst(op: &mut Op, reg: Reg) {
    match op {
        Op::GetUpval { dst, .. }
        | Op::GetTabUp { dst, .. }
        | Op::GetTable { dst, .. }
        | Op::GetField { dst, .. }
        | Op::GetInt { dst, .. }
        | Op::Add { dst, .. }
        | Op::Sub { dst, .. }
        | Op::Mul { dst, .. }
        | Op::Mod { dst, .. }
        | Op::Pow { dst, .. }
        | Op::Div { dst, .. }
        | Op::IDiv { dst, .. }
        | Op::BAnd { dst, .. }
        | Op::BOr { dst, .. }
        | Op::BXor { dst, .. }
        | Op::Shl { dst, .. }
        | Op::Shr { dst, .. }
        | Op::Unm { dst, .. }
        | Op::BNot { dst, .. }
        | Op::Not { dst, .. }
        | Op::Len { dst, .. }
        | Op::Closure { dst, .. }
        | Op::VarArg { dst, .. } => *dst = reg,
        _ => crate::vm_bug!("only value-producing instructions are relocatable"),
    }
}

fn arith_op(op: BinOp, dst: Reg, lhs: Rk, rhs: Rk) -> Op {
    match op {
        BinOp::Add => Op::Add { dst, lhs, rhs },
        BinOp::Sub => Op::Sub { dst, lhs, rhs },
        BinOp::Mul => Op::Mul { dst, lhs, rhs },
        BinOp::Div => Op::Div { dst, lhs, rhs },
        BinOp::IDiv => Op::IDiv { dst, lhs, rhs },
        BinOp::Mod => Op::Mod { dst, lhs, rhs },
        BinOp::Pow => Op::Pow { dst, lhs, rhs },
        BinOp::BAnd => Op::BAnd { dst, lhs, rhs },
        BinOp::BOr => Op::BOr { dst, lhs, rhs },
        BinOp::BXor => Op::BXor { dst, lhs, rhs },
        BinOp::Shl => Op::Shl { dst, lhs, rhs },
        BinOp::Shr => Op::Shr { dst, lhs, rhs },
        _ => crate::vm_bug!("not an arithmetic operator"),
    }
}

fn is_arith(op: BinOp) -> bool {
    matches!(
        op,
        BinOp::Add
            | BinOp::Sub
            | BinOp::Mul
            | BinOp::Div
            | BinOp::IDiv
            | BinOp::Mod
            | BinOp::Pow
            | BinOp::BAnd
            | BinOp::BOr
            | BinOp::BXor
            | BinOp::Shl
            | BinOp::Shr
    )
}

/// The line of the last token of an expression.
pub(super) fn end_line(e: &Expr) -> u32 {
    e.last_line
}

/// The line of the first token of an expression.
pub(super) fn start_line(e: &Expr) -> u32 {
    let mut e = e;
    loop {
        e = match &e.kind {
            ExprKind::Binary { lhs, .. } => lhs,
            ExprKind::Index { obj, .. } | ExprKind::MethodCall { obj, .. } => obj,
            ExprKind::Call { func, .. } => func,
            _ => return e.line,
        };
    }
}

impl Compiler {
    // ---- discharging (5.4's lcode.c) ----

    /// Sets the number of results of a call or vararg (`None`: all of them).
    pub(super) fn set_returns(&mut self, e: &mut ExpDesc, n: Option<u32>) -> CResult<()> {
        let count = match n {
            None => 0,
            Some(n) => match u8::try_from(n + 1) {
                Ok(c) if c < u8::MAX => c,
                _ => return Err(self.error("function or expression needs too many registers")),
            },
        };
        match e.k {
            ExpKind::Call(pc) => {
                if let Op::Call { results, .. } = &mut self.fs().code[pc] {
                    *results = count;
                }
            }
            ExpKind::VarArg(pc) => {
                let free = self.freereg();
                if let Op::VarArg { dst, count: c } = &mut self.fs().code[pc] {
                    *dst = free;
                    *c = count;
                }
                self.reserve_regs(1)?;
            }
            _ => {}
        }
        Ok(())
    }

    pub(super) fn set_multret(&mut self, e: &mut ExpDesc) -> CResult<()> {
        self.set_returns(e, None)
    }

    /// A call or vararg used for one value.
    pub(super) fn set_one_ret(&mut self, e: &mut ExpDesc) {
        match e.k {
            ExpKind::Call(pc) => {
                // The call already asks for one result; it lands in its base register.
                if let Op::Call { func, .. } = self.fs_ref().code[pc] {
                    e.k = ExpKind::NonReloc(func);
                }
            }
            ExpKind::VarArg(pc) => {
                if let Op::VarArg { count, .. } = &mut self.fs().code[pc] {
                    *count = 2;
                }
                e.k = ExpKind::Reloc(pc);
            }
            _ => {}
        }
    }

    /// Turns a variable into a value: emits the read of an upvalue or table field.
    pub(super) fn discharge_vars(&mut self, e: &mut ExpDesc) {
        match e.k {
            ExpKind::Const(abs) => {
                let v = self.actvar[abs]
                    .value
                    .clone()
                    .expect("compile-time constants carry their value");
                e.k = kvalue_exp(&v);
            }
            ExpKind::Local { reg, .. } => e.k = ExpKind::NonReloc(reg),
            ExpKind::Upval(up) => {
                e.k = ExpKind::Reloc(self.emit(Op::GetUpval { dst: 0, up }));
            }
            ExpKind::IndexUp { up, key } => {
                e.k = ExpKind::Reloc(self.emit(Op::GetTabUp { dst: 0, up, key }));
            }
            ExpKind::IndexInt { t, idx } => {
                self.free_reg(t);
                e.k = ExpKind::Reloc(self.emit(Op::GetInt {
                    dst: 0,
                    table: t,
                    index: idx,
                }));
            }
            ExpKind::IndexStr { t, key } => {
                self.free_reg(t);
                e.k = ExpKind::Reloc(self.emit(Op::GetField {
                    dst: 0,
                    table: t,
                    key,
                }));
            }
            ExpKind::Indexed { t, key } => {
                self.free_regs(t, key);
                e.k = ExpKind::Reloc(self.emit(Op::GetTable {
                    dst: 0,
                    table: t,
                    key,
                }));
            }
            ExpKind::Call(_) | ExpKind::VarArg(_) => self.set_one_ret(e),
            _ => {}
        }
    }

    fn free_regs(&mut self, r1: Reg, r2: Reg) {
        if r1 > r2 {
            self.free_reg(r1);
            self.free_reg(r2);
        } else {
            self.free_reg(r2);
            self.free_reg(r1);
        }
    }

    pub(super) fn free_exp(&mut self, e: &ExpDesc) {
        if let ExpKind::NonReloc(r) = e.k {
            self.free_reg(r);
        }
    }

    fn free_exps(&mut self, e1: &ExpDesc, e2: &ExpDesc) {
        match (&e1.k, &e2.k) {
            (ExpKind::NonReloc(r1), ExpKind::NonReloc(r2)) => self.free_regs(*r1, *r2),
            _ => {
                self.free_exp(e1);
                self.free_exp(e2);
            }
        }
    }

    fn discharge_to_reg(&mut self, e: &mut ExpDesc, reg: Reg) {
        self.discharge_vars(e);
        match &e.k {
            ExpKind::Nil => self.code_nil(reg as u32, 1),
            ExpKind::False => {
                self.emit(Op::LoadBool {
                    dst: reg,
                    value: false,
                });
            }
            ExpKind::True => {
                self.emit(Op::LoadBool {
                    dst: reg,
                    value: true,
                });
            }
            ExpKind::KStr(s) => {
                let s = s.clone();
                let k = self.string_k(&s);
                self.emit(Op::LoadK { dst: reg, k });
            }
            ExpKind::K(k) => {
                let k = *k;
                self.emit(Op::LoadK { dst: reg, k });
            }
            ExpKind::KFlt(f) => self.code_float(reg, *f),
            ExpKind::KInt(i) => self.code_int(reg, *i),
            ExpKind::Reloc(pc) => {
                let pc = *pc;
                set_dst(&mut self.fs().code[pc], reg);
            }
            ExpKind::NonReloc(r) => {
                if *r != reg {
                    let src = *r;
                    self.emit(Op::Move { dst: reg, src });
                }
            }
            _ => {
                debug_assert!(matches!(e.k, ExpKind::Jmp(_)));
                return;
            }
        }
        e.k = ExpKind::NonReloc(reg);
    }

    fn discharge_to_any_reg(&mut self, e: &mut ExpDesc) -> CResult<()> {
        if !matches!(e.k, ExpKind::NonReloc(_)) {
            self.reserve_regs(1)?;
            let r = self.freereg() - 1;
            self.discharge_to_reg(e, r);
        }
        Ok(())
    }

    fn code_load_bool(&mut self, reg: Reg, skip: bool) -> usize {
        self.get_label();
        if skip {
            self.emit(Op::LoadFalseSkip { dst: reg })
        } else {
            self.emit(Op::LoadBool {
                dst: reg,
                value: true,
            })
        }
    }

    /// Puts the value of `e` (jumps included) into `reg` (5.4's `exp2reg`).
    fn exp_to_reg(&mut self, e: &mut ExpDesc, reg: Reg) {
        self.discharge_to_reg(e, reg);
        if let ExpKind::Jmp(pc) = e.k {
            let mut t = e.t;
            self.concat_jumps(&mut t, pc);
            e.t = t;
        }
        if e.has_jumps() {
            let mut p_f = NO_JUMP;
            let mut p_t = NO_JUMP;
            if self.need_value(e.t) || self.need_value(e.f) {
                let fj = if matches!(e.k, ExpKind::Jmp(_)) {
                    NO_JUMP
                } else {
                    self.jump()
                };
                p_f = self.code_load_bool(reg, true);
                p_t = self.code_load_bool(reg, false);
                self.patch_to_here(fj);
            }
            let end = self.get_label();
            self.patch_list_aux(e.f, end, reg, p_f);
            self.patch_list_aux(e.t, end, reg, p_t);
        }
        e.t = NO_JUMP;
        e.f = NO_JUMP;
        e.k = ExpKind::NonReloc(reg);
    }

    pub(super) fn exp_to_next_reg(&mut self, e: &mut ExpDesc) -> CResult<()> {
        self.discharge_vars(e);
        self.free_exp(e);
        self.reserve_regs(1)?;
        let r = self.freereg() - 1;
        self.exp_to_reg(e, r);
        Ok(())
    }

    pub(super) fn exp_to_any_reg(&mut self, e: &mut ExpDesc) -> CResult<Reg> {
        self.discharge_vars(e);
        if let ExpKind::NonReloc(r) = e.k {
            if !e.has_jumps() {
                return Ok(r);
            }
            if r >= self.nvarstack() {
                self.exp_to_reg(e, r);
                return Ok(r);
            }
            // A local with jumps cannot take the jump values: copy to a new register.
        }
        self.exp_to_next_reg(e)?;
        match e.k {
            ExpKind::NonReloc(r) => Ok(r),
            _ => crate::vm_bug!("exp_to_next_reg leaves a register"),
        }
    }

    /// Like `exp_to_any_reg`, but an upvalue may stay where it is.
    fn exp_to_any_reg_up(&mut self, e: &mut ExpDesc) -> CResult<()> {
        if !matches!(e.k, ExpKind::Upval(_)) || e.has_jumps() {
            self.exp_to_any_reg(e)?;
        }
        Ok(())
    }

    pub(super) fn exp_to_val(&mut self, e: &mut ExpDesc) -> CResult<()> {
        if e.has_jumps() {
            self.exp_to_any_reg(e)?;
        } else {
            self.discharge_vars(e);
        }
        Ok(())
    }

    /// Makes `e` a constant operand if it is a constant that fits an `Rk`.
    fn exp_to_k(&mut self, e: &mut ExpDesc) -> bool {
        if e.has_jumps() {
            return false;
        }
        let k = match &e.k {
            ExpKind::True => self.bool_k(true),
            ExpKind::False => self.bool_k(false),
            ExpKind::Nil => self.nil_k(),
            ExpKind::KInt(i) => self.int_k(*i),
            ExpKind::KFlt(f) => self.float_k(*f),
            ExpKind::KStr(s) => {
                let s = s.clone();
                self.string_k(&s)
            }
            ExpKind::K(k) => *k,
            _ => return false,
        };
        if k <= Rk::MAX_CONSTANT {
            e.k = ExpKind::K(k);
            true
        } else {
            false
        }
    }

    pub(super) fn exp_to_rk(&mut self, e: &mut ExpDesc) -> CResult<Rk> {
        if self.exp_to_k(e) {
            if let ExpKind::K(k) = e.k {
                return Ok(Rk::constant(k));
            }
        }
        Ok(Rk::reg(self.exp_to_any_reg(e)?))
    }

    /// A numeral as a constant operand, anything else in a register.
    fn numeral_or_reg(&mut self, e: &mut ExpDesc) -> CResult<Rk> {
        if e.numeral().is_some() && self.exp_to_k(e) {
            if let ExpKind::K(k) = e.k {
                return Ok(Rk::constant(k));
            }
        }
        Ok(Rk::reg(self.exp_to_any_reg(e)?))
    }

    /// Stores `ex` into the variable `var` (5.4's `luaK_storevar`).
    pub(super) fn store_var(&mut self, var: &ExpDesc, ex: &mut ExpDesc) -> CResult<()> {
        match var.k {
            ExpKind::Local { reg, .. } => {
                self.free_exp(ex);
                self.exp_to_reg(ex, reg);
                return Ok(());
            }
            ExpKind::Upval(up) => {
                let src = self.exp_to_any_reg(ex)?;
                self.emit(Op::SetUpval { src, up });
            }
            ExpKind::IndexUp { up, key } => {
                let src = self.exp_to_rk(ex)?;
                self.emit(Op::SetTabUp { up, key, src });
            }
            ExpKind::IndexInt { t, idx } => {
                let src = self.exp_to_rk(ex)?;
                self.emit(Op::SetInt {
                    table: t,
                    index: idx,
                    src,
                });
            }
            ExpKind::IndexStr { t, key } => {
                let src = self.exp_to_rk(ex)?;
                self.emit(Op::SetField { table: t, key, src });
            }
            ExpKind::Indexed { t, key } => {
                let src = self.exp_to_rk(ex)?;
                self.emit(Op::SetTable { table: t, key, src });
            }
            _ => return Err(self.error("syntax error")),
        }
        self.free_exp(ex);
        Ok(())
    }

    /// `e:key(...)` preparation: method and receiver in two fresh registers.
    fn self_op(&mut self, e: &mut ExpDesc, key: &mut ExpDesc) -> CResult<()> {
        let obj = self.exp_to_any_reg(e)?;
        self.free_exp(e);
        let dst = self.freereg();
        e.k = ExpKind::NonReloc(dst);
        self.reserve_regs(2)?;
        let key_rk = self.exp_to_rk(key)?;
        self.emit(Op::SelfOp {
            dst,
            obj,
            key: key_rk,
        });
        self.free_exp(key);
        Ok(())
    }

    /// A string constant usable as a `GetField`-style key.
    fn kstr_index(&self, k: &ExpDesc) -> Option<u16> {
        match k.k {
            ExpKind::K(idx) if !k.has_jumps() => {
                let is_str = matches!(
                    self.fs_ref().constants.get(idx as usize),
                    Some(Constant::String(_))
                );
                if is_str {
                    u16::try_from(idx).ok()
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// Makes `t` the indexed variable `t[k]` (5.4's `luaK_indexed`).
    pub(super) fn indexed(&mut self, t: &mut ExpDesc, mut k: ExpDesc) -> CResult<()> {
        if let ExpKind::KStr(s) = &k.k {
            let s = s.clone();
            k.k = ExpKind::K(self.string_k(&s));
        }
        let kstr = self.kstr_index(&k);
        if matches!(t.k, ExpKind::Upval(_)) && kstr.is_none() {
            self.exp_to_any_reg(t)?;
        }
        if let ExpKind::Upval(up) = t.k {
            let key = kstr.expect("checked above");
            t.k = ExpKind::IndexUp { up, key };
            return Ok(());
        }
        let treg = match t.k {
            ExpKind::Local { reg, .. } | ExpKind::NonReloc(reg) => reg,
            _ => self.exp_to_any_reg(t)?,
        };
        t.k = if let Some(key) = kstr {
            ExpKind::IndexStr { t: treg, key }
        } else {
            match k.k {
                ExpKind::KInt(i) if !k.has_jumps() && (0..=255).contains(&i) => ExpKind::IndexInt {
                    t: treg,
                    idx: i as u8,
                },
                _ => {
                    let key = self.exp_to_any_reg(&mut k)?;
                    ExpKind::Indexed { t: treg, key }
                }
            }
        };
        Ok(())
    }

    // ---- conditionals ----

    fn negate_condition(&mut self, e: &ExpDesc) {
        if let ExpKind::Jmp(pc) = e.k {
            let ctl = self.jump_control(pc);
            match &mut self.fs().code[ctl] {
                Op::Eq { k, .. } | Op::Lt { k, .. } | Op::Le { k, .. } | Op::Test { k, .. } => {
                    *k = !*k
                }
                _ => crate::vm_bug!("a comparison controls this jump"),
            }
        }
    }

    /// Emits a test of `e` and a jump taken when its truth is `cond`.
    fn jump_on_cond(&mut self, e: &mut ExpDesc, cond: bool) -> CResult<usize> {
        if let ExpKind::Reloc(pc) = e.k {
            if let Op::Not { src, .. } = self.fs_ref().code[pc] {
                if pc + 1 == self.fs_ref().pc() {
                    // `not x` as a condition: test `x` with the opposite sense.
                    let fs = self.fs();
                    fs.code.pop();
                    fs.lines.pop();
                    self.emit(Op::Test { reg: src, k: !cond });
                    return Ok(self.jump());
                }
            }
        }
        self.discharge_to_any_reg(e)?;
        self.free_exp(e);
        let src = match e.k {
            ExpKind::NonReloc(r) => r,
            _ => crate::vm_bug!("discharged to a register"),
        };
        self.emit(Op::TestSet {
            dst: NO_REG,
            src,
            k: cond,
        });
        Ok(self.jump())
    }

    /// Falls through when `e` is true, jumps (list `e.f`) when false.
    pub(super) fn go_if_true(&mut self, e: &mut ExpDesc) -> CResult<()> {
        self.discharge_vars(e);
        let pc = match e.k {
            ExpKind::Jmp(pc) => {
                self.negate_condition(e);
                pc
            }
            ExpKind::K(_)
            | ExpKind::KFlt(_)
            | ExpKind::KInt(_)
            | ExpKind::KStr(_)
            | ExpKind::True => NO_JUMP,
            _ => self.jump_on_cond(e, false)?,
        };
        let mut f = e.f;
        self.concat_jumps(&mut f, pc);
        e.f = f;
        self.patch_to_here(e.t);
        e.t = NO_JUMP;
        Ok(())
    }

    /// Falls through when `e` is false, jumps (list `e.t`) when true.
    pub(super) fn go_if_false(&mut self, e: &mut ExpDesc) -> CResult<()> {
        self.discharge_vars(e);
        let pc = match e.k {
            ExpKind::Jmp(pc) => pc,
            ExpKind::Nil | ExpKind::False => NO_JUMP,
            _ => self.jump_on_cond(e, true)?,
        };
        let mut t = e.t;
        self.concat_jumps(&mut t, pc);
        e.t = t;
        self.patch_to_here(e.f);
        e.f = NO_JUMP;
        Ok(())
    }

    fn code_not(&mut self, e: &mut ExpDesc) -> CResult<()> {
        match e.k {
            ExpKind::Nil | ExpKind::False => e.k = ExpKind::True,
            ExpKind::K(_)
            | ExpKind::KFlt(_)
            | ExpKind::KInt(_)
            | ExpKind::KStr(_)
            | ExpKind::True => e.k = ExpKind::False,
            ExpKind::Jmp(_) => self.negate_condition(e),
            ExpKind::Reloc(_) | ExpKind::NonReloc(_) => {
                self.discharge_to_any_reg(e)?;
                self.free_exp(e);
                let src = match e.k {
                    ExpKind::NonReloc(r) => r,
                    _ => crate::vm_bug!("discharged to a register"),
                };
                e.k = ExpKind::Reloc(self.emit(Op::Not { dst: 0, src }));
            }
            _ => crate::vm_bug!("discharged expressions only"),
        }
        std::mem::swap(&mut e.t, &mut e.f);
        self.remove_values(e.f);
        self.remove_values(e.t);
        Ok(())
    }

    // ---- operators ----

    fn prefix(&mut self, op: UnOp, e: &mut ExpDesc, line: u32) -> CResult<()> {
        self.discharge_vars(e);
        match op {
            UnOp::Not => return self.code_not(e),
            UnOp::Neg | UnOp::BNot => {
                if let Some(v) = e.numeral() {
                    if let Some(r) = fold::unary(op, v) {
                        e.k = num_exp(r);
                        return Ok(());
                    }
                }
            }
            UnOp::Len => {}
        }
        let src = self.exp_to_any_reg(e)?;
        self.free_exp(e);
        let op = match op {
            UnOp::Neg => Op::Unm { dst: 0, src },
            UnOp::BNot => Op::BNot { dst: 0, src },
            UnOp::Len => Op::Len { dst: 0, src },
            UnOp::Not => crate::vm_bug!("handled above"),
        };
        e.k = ExpKind::Reloc(self.emit(op));
        self.fix_line(line);
        Ok(())
    }

    /// Prepares the left operand before the right one is compiled (5.4's `luaK_infix`).
    fn infix(&mut self, op: BinOp, v: &mut ExpDesc) -> CResult<()> {
        self.discharge_vars(v);
        match op {
            BinOp::And => self.go_if_true(v)?,
            BinOp::Or => self.go_if_false(v)?,
            BinOp::Concat => self.exp_to_next_reg(v)?,
            BinOp::Eq | BinOp::Ne => {
                if v.numeral().is_none() {
                    self.exp_to_rk(v)?;
                }
            }
            _ => {
                // Arithmetic and order: numerals may stay constants (folding, Rk operands).
                if v.numeral().is_none() {
                    self.exp_to_any_reg(v)?;
                }
            }
        }
        Ok(())
    }

    /// Finishes a binary operation (5.4's `luaK_posfix`).
    fn posfix(&mut self, op: BinOp, e1: &mut ExpDesc, mut e2: ExpDesc, line: u32) -> CResult<()> {
        self.discharge_vars(&mut e2);
        if is_arith(op) {
            if let (Some(a), Some(b)) = (e1.numeral(), e2.numeral()) {
                if let Some(r) = fold::binary(op, a, b) {
                    e1.k = num_exp(r);
                    return Ok(());
                }
            }
        }
        match op {
            BinOp::And => {
                debug_assert_eq!(e1.t, NO_JUMP);
                let mut f = e2.f;
                self.concat_jumps(&mut f, e1.f);
                e2.f = f;
                *e1 = e2;
            }
            BinOp::Or => {
                debug_assert_eq!(e1.f, NO_JUMP);
                let mut t = e2.t;
                self.concat_jumps(&mut t, e1.t);
                e2.t = t;
                *e1 = e2;
            }
            BinOp::Concat => {
                self.exp_to_next_reg(&mut e2)?;
                self.code_concat(e1, &e2, line);
            }
            BinOp::Eq | BinOp::Ne => self.code_eq(op == BinOp::Eq, e1, e2)?,
            BinOp::Lt | BinOp::Le => self.code_order(op == BinOp::Lt, e1, e2)?,
            BinOp::Gt | BinOp::Ge => {
                // `a > b` is `b < a`: operand order matters for `__lt` and error messages.
                let mut e2 = e2;
                std::mem::swap(e1, &mut e2);
                self.code_order(op == BinOp::Gt, e1, e2)?;
            }
            _ => {
                let rhs = self.numeral_or_reg(&mut e2)?;
                let lhs = self.numeral_or_reg(e1)?;
                self.free_exps(e1, &e2);
                e1.k = ExpKind::Reloc(self.emit(arith_op(op, 0, lhs, rhs)));
                self.fix_line(line);
            }
        }
        Ok(())
    }

    fn code_concat(&mut self, e1: &mut ExpDesc, e2: &ExpDesc, line: u32) {
        let r1 = match e1.k {
            ExpKind::NonReloc(r) => r,
            _ => crate::vm_bug!("concat operands are in consecutive registers"),
        };
        if let Some(Op::Concat { dst, count }) = self.previous_instruction() {
            if *dst == r1 + 1 {
                // `e2` is itself a concatenation: extend it.
                *dst = r1;
                *count += 1;
                self.free_exp(e2);
                return;
            }
        }
        self.emit(Op::Concat { dst: r1, count: 2 });
        self.free_exp(e2);
        self.fix_line(line);
    }

    fn code_eq(&mut self, is_eq: bool, e1: &mut ExpDesc, mut e2: ExpDesc) -> CResult<()> {
        if !matches!(e1.k, ExpKind::NonReloc(_)) {
            // The left operand is a constant: keep constants on the right.
            std::mem::swap(e1, &mut e2);
        }
        let r1 = self.exp_to_any_reg(e1)?;
        let rhs = self.exp_to_rk(&mut e2)?;
        self.free_exps(e1, &e2);
        self.emit(Op::Eq {
            lhs: Rk::reg(r1),
            rhs,
            k: is_eq,
        });
        e1.k = ExpKind::Jmp(self.jump());
        Ok(())
    }

    fn code_order(&mut self, is_lt: bool, e1: &mut ExpDesc, mut e2: ExpDesc) -> CResult<()> {
        let lhs = self.numeral_or_reg(e1)?;
        let rhs = self.numeral_or_reg(&mut e2)?;
        self.free_exps(e1, &e2);
        let op = if is_lt {
            Op::Lt { lhs, rhs, k: true }
        } else {
            Op::Le { lhs, rhs, k: true }
        };
        self.emit(op);
        e1.k = ExpKind::Jmp(self.jump());
        Ok(())
    }

    // ---- expressions from the AST (5.4's lparser.c) ----

    /// Compiles an expression into a pending descriptor.
    pub(super) fn expr(&mut self, e: &Expr) -> CResult<ExpDesc> {
        let k = match &e.kind {
            ExprKind::Nil => ExpKind::Nil,
            ExprKind::True => ExpKind::True,
            ExprKind::False => ExpKind::False,
            ExprKind::Integer(i) => ExpKind::KInt(*i),
            ExprKind::Float(f) => ExpKind::KFlt(*f),
            ExprKind::String(s) => ExpKind::KStr(Rc::from(&s[..])),
            ExprKind::VarArg => {
                self.fs().advance_line(e.line);
                ExpKind::VarArg(self.emit(Op::VarArg { dst: 0, count: 2 }))
            }
            ExprKind::Function(body) => return self.function_expr(body),
            ExprKind::Table(fields) => return self.constructor(fields, e),
            ExprKind::Binary { .. } => return self.binary_chain(e),
            ExprKind::Unary { op, operand } => {
                self.fs().advance_line(e.line);
                let mut v = self.expr(operand)?;
                self.at(e.next);
                self.prefix(*op, &mut v, e.line)?;
                return Ok(v);
            }
            ExprKind::Name(_)
            | ExprKind::Index { .. }
            | ExprKind::Call { .. }
            | ExprKind::MethodCall { .. }
            | ExprKind::Paren(_) => return self.suffixed(e),
        };
        self.fs().advance_line(e.line);
        Ok(ExpDesc::new(k))
    }

    /// A name: local, upvalue, compile-time constant or global (`_ENV.name`).
    pub(super) fn single_var(&mut self, name: &str, line: u32) -> CResult<ExpDesc> {
        self.fs().advance_line(line);
        if let Some(v) = self.resolve(name)? {
            return Ok(v);
        }
        let mut env = self
            .resolve("_ENV")?
            .expect("_ENV is always visible: the main chunk's upvalue");
        self.exp_to_any_reg_up(&mut env)?;
        let key = ExpDesc::new(ExpKind::KStr(Rc::from(name.as_bytes())));
        self.indexed(&mut env, key)?;
        Ok(env)
    }

    /// `a op b op c ...`: the left spine is walked with a loop.
    fn binary_chain(&mut self, e: &Expr) -> CResult<ExpDesc> {
        let mut spine = Vec::new();
        let mut cur = e;
        while let ExprKind::Binary { lhs, .. } = &cur.kind {
            spine.push(cur);
            cur = lhs;
        }
        let mut v = self.expr(cur)?;
        for node in spine.into_iter().rev() {
            let ExprKind::Binary { op, rhs, .. } = &node.kind else {
                crate::vm_bug!("the spine holds binary nodes")
            };
            self.fs().advance_line(node.line);
            self.at(rhs.start);
            self.infix(*op, &mut v)?;
            let v2 = self.expr(rhs)?;
            self.at(node.next);
            self.posfix(*op, &mut v, v2, node.line)?;
        }
        Ok(v)
    }

    /// Names, parenthesised expressions and their suffixes (`.x`, `[k]`, `(args)`, `:m(args)`).
    fn suffixed(&mut self, e: &Expr) -> CResult<ExpDesc> {
        let mut spine = Vec::new();
        let mut cur = e;
        loop {
            match &cur.kind {
                ExprKind::Index { obj, .. } | ExprKind::MethodCall { obj, .. } => {
                    spine.push(cur);
                    cur = obj;
                }
                ExprKind::Call { func, .. } => {
                    spine.push(cur);
                    cur = func;
                }
                _ => break,
            }
        }
        let mut v = match &cur.kind {
            ExprKind::Name(name) => {
                self.at(cur.next);
                self.single_var(name, cur.line)?
            }
            ExprKind::Paren(inner) => {
                self.fs().advance_line(cur.line);
                let mut v = self.expr(inner)?;
                self.at(cur.next);
                self.fs().advance_line(cur.last_line);
                self.discharge_vars(&mut v);
                v
            }
            _ => self.expr(cur)?,
        };
        // The token after the part compiled so far: the suffix's `.`, `[`, `:` or `(`.
        let mut prev_next = cur.next;
        for node in spine.into_iter().rev() {
            self.at(prev_next);
            match &node.kind {
                ExprKind::Index { key, .. } => {
                    self.exp_to_any_reg_up(&mut v)?;
                    let mut k = self.expr(key)?;
                    self.at(key.next);
                    self.exp_to_val(&mut k)?;
                    self.fs().advance_line(node.line);
                    self.at(node.next);
                    self.indexed(&mut v, k)?;
                }
                ExprKind::Call { args, .. } => {
                    self.exp_to_next_reg(&mut v)?;
                    self.func_args(&mut v, args, node)?;
                }
                ExprKind::MethodCall {
                    method,
                    args,
                    args_at,
                    method_line,
                    ..
                } => {
                    self.at(*args_at);
                    self.fs().advance_line(*method_line);
                    let mut key = ExpDesc::new(ExpKind::KStr(Rc::from(method.as_bytes())));
                    self.self_op(&mut v, &mut key)?;
                    self.func_args(&mut v, args, node)?;
                }
                _ => crate::vm_bug!("the spine holds suffix nodes"),
            }
            prev_next = node.next;
        }
        Ok(v)
    }

    /// Compiles `exprs` with all but the last in consecutive registers; returns the last one
    /// pending (5.4's `explist`).
    pub(super) fn explist(&mut self, exprs: &[Expr]) -> CResult<ExpDesc> {
        let mut v = ExpDesc::new(ExpKind::Void);
        for (i, e) in exprs.iter().enumerate() {
            if i > 0 {
                // lua5.4 stores the previous value once it has read the `,`.
                self.at(e.start);
                self.exp_to_next_reg(&mut v)?;
            }
            v = self.expr(e)?;
        }
        if let Some(last) = exprs.last() {
            self.at(last.next);
        }
        Ok(v)
    }

    /// Arguments and the `Call` itself; `f` is the function in its register, `call` the call.
    fn func_args(&mut self, f: &mut ExpDesc, args: &[Expr], call: &Expr) -> CResult<()> {
        let line = call.line;
        let base = match f.k {
            ExpKind::NonReloc(r) => r,
            _ => crate::vm_bug!("the called value is in a register"),
        };
        let mut open = false;
        if !args.is_empty() {
            let mut a = self.explist(args)?;
            if a.has_multret() {
                self.set_multret(&mut a)?;
                open = true;
            } else {
                // The last argument is stored after the closing `)`.
                self.at(call.next);
                self.fs().advance_line(call.last_line);
                self.exp_to_next_reg(&mut a)?;
            }
        }
        self.at(call.next);
        self.fs().advance_line(call.last_line);
        let nargs = if open {
            0
        } else {
            (self.fs_ref().freereg - base as u32) as u8
        };
        let pc = self.emit(Op::Call {
            func: base,
            args: nargs,
            results: 2,
        });
        self.fix_line(line);
        self.fs().freereg = base as u32 + 1;
        f.k = ExpKind::Call(pc);
        Ok(())
    }

    /// A table constructor (5.4's `constructor`).
    fn constructor(&mut self, fields: &[TableField], e: &Expr) -> CResult<ExpDesc> {
        let line = e.line;
        self.at(e.start);
        let table = self.freereg();
        // 5.4 emits `NewTable` before reading `{`: it gets the line of the token before.
        let pc = self.emit(Op::NewTable {
            dst: table,
            array: 0,
            hash: 0,
        });
        self.fs().advance_line(line);
        let t = ExpDesc::new(ExpKind::NonReloc(table));
        self.reserve_regs(1)?;
        let mut na: u32 = 0; // positional items already stored
        let mut nh: u32 = 0;
        let mut to_store: u32 = 0;
        let mut pending = ExpDesc::new(ExpKind::Void);
        for field in fields {
            self.at(match field {
                TableField::Positional(v) => v.start,
                TableField::Named(_, _, at) | TableField::Keyed(_, _, at) => *at,
            });
            // Close the previous positional item (5.4's `closelistfield`).
            if !matches!(pending.k, ExpKind::Void) {
                self.exp_to_next_reg(&mut pending)?;
                pending = ExpDesc::new(ExpKind::Void);
                if to_store == FIELDS_PER_FLUSH {
                    self.set_list(table, na, to_store);
                    na += to_store;
                    to_store = 0;
                }
            }
            match field {
                TableField::Positional(v) => {
                    pending = self.expr(v)?;
                    to_store += 1;
                }
                TableField::Named(name, v, _) => {
                    let key = ExpDesc::new(ExpKind::KStr(Rc::from(name.as_bytes())));
                    nh += 1;
                    let reg = self.fs_ref().freereg;
                    self.rec_field(&t, key, v, reg)?;
                }
                TableField::Keyed(k, v, _) => {
                    // The key's registers are freed with the field's.
                    let reg = self.fs_ref().freereg;
                    let mut key = self.expr(k)?;
                    self.at(k.next);
                    self.exp_to_val(&mut key)?;
                    nh += 1;
                    self.rec_field(&t, key, v, reg)?;
                }
            }
        }
        // The last positional item (5.4's `lastlistfield`), after the `}`.
        self.at(e.next);
        self.fs().advance_line(e.last_line);
        if to_store > 0 {
            if pending.has_multret() {
                self.set_multret(&mut pending)?;
                self.set_list(table, na, 0);
                na = na + to_store - 1;
            } else {
                if !matches!(pending.k, ExpKind::Void) {
                    self.exp_to_next_reg(&mut pending)?;
                }
                self.set_list(table, na, to_store);
                na += to_store;
            }
        }
        if let Op::NewTable { array, hash, .. } = &mut self.fs().code[pc] {
            *array = u16::try_from(na).unwrap_or(u16::MAX);
            *hash = u16::try_from(nh).unwrap_or(u16::MAX);
        }
        Ok(t)
    }

    /// `key = value` into table `t`; `reg` is the first free register before the field.
    fn rec_field(&mut self, t: &ExpDesc, key: ExpDesc, value: &Expr, reg: u32) -> CResult<()> {
        let mut tab = t.clone();
        self.at(value.start);
        self.indexed(&mut tab, key)?;
        let mut v = self.expr(value)?;
        self.at(value.next);
        self.store_var(&tab, &mut v)?;
        self.fs().freereg = reg;
        Ok(())
    }

    fn set_list(&mut self, table: Reg, stored: u32, count: u32) {
        self.emit(Op::SetList {
            table,
            count: count as u8,
            start: stored + 1,
        });
        self.fs().freereg = table as u32 + 1;
    }

    /// A function expression: compiles the body and leaves the closure in the next register.
    fn function_expr(&mut self, body: &FuncBody) -> CResult<ExpDesc> {
        let mut e = self.function_body(body)?;
        self.exp_to_next_reg(&mut e)?;
        Ok(e)
    }

    /// Compiles a function body into a child prototype; returns the pending `Closure`.
    pub(super) fn function_body(&mut self, body: &FuncBody) -> CResult<ExpDesc> {
        self.open_function(body.line, body.is_vararg);
        for p in &body.params {
            self.at(p.next);
            self.new_local(&p.name, VarKind::Regular)?;
        }
        self.adjust_locals(body.params.len());
        let nparams = self.fs_ref().nactvar;
        self.fs().num_params = nparams as u8;
        self.reserve_regs(nparams as u32)?;
        self.block_body(&body.block)?;
        self.fs().advance_line(body.end_line);
        // lua5.4 closes the function once it has read the token after `end`.
        self.at(body.after_end);
        let proto = self.close_function(body.end_line)?;
        let fs = self.fs();
        fs.advance_line(body.end_line);
        fs.protos.push(Rc::new(proto));
        let index = (fs.protos.len() - 1) as u32;
        Ok(ExpDesc::new(ExpKind::Reloc(self.emit(Op::Closure {
            dst: 0,
            proto: index,
        }))))
    }

    /// The value of a constant expression, if it is one (5.4's `luaK_exp2const`).
    pub(super) fn exp_to_const(&self, e: &ExpDesc) -> Option<KValue> {
        if e.has_jumps() {
            return None;
        }
        match &e.k {
            ExpKind::False => Some(KValue::Bool(false)),
            ExpKind::True => Some(KValue::Bool(true)),
            ExpKind::Nil => Some(KValue::Nil),
            ExpKind::KStr(s) => Some(KValue::Str(s.clone())),
            ExpKind::Const(abs) => self.actvar[*abs].value.clone(),
            ExpKind::KInt(i) => Some(KValue::Int(*i)),
            ExpKind::KFlt(f) => Some(KValue::Flt(*f)),
            _ => None,
        }
    }
}

fn num_exp(n: Num) -> ExpKind {
    match n {
        Num::Int(i) => ExpKind::KInt(i),
        Num::Flt(f) => ExpKind::KFlt(f),
    }
}
