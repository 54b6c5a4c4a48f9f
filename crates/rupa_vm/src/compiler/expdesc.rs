//! Pending expression descriptors (5.4's `expdesc`) and their discharge into registers,
//! constants and RK operands, result counts of calls and varargs, and stores into variables
//! (the discharge half of `lcode.c`). It walks no AST: callers hand it descriptors.

use std::rc::Rc;

use crate::opcode::{Op, Reg, Rk};

use super::fold::Num;
use super::{CResult, Compiler, KValue, NO_JUMP};

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
    pub fn numeral(&self) -> Option<Num> {
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

pub(super) fn num_exp(n: Num) -> ExpKind {
    match n {
        Num::Int(i) => ExpKind::KInt(i),
        Num::Flt(f) => ExpKind::KFlt(f),
    }
}

impl Compiler {
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

    pub(super) fn free_exps(&mut self, e1: &ExpDesc, e2: &ExpDesc) {
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

    pub(super) fn discharge_to_any_reg(&mut self, e: &mut ExpDesc) -> CResult<()> {
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
    pub(super) fn exp_to_any_reg_up(&mut self, e: &mut ExpDesc) -> CResult<()> {
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
    pub(super) fn numeral_or_reg(&mut self, e: &mut ExpDesc) -> CResult<Rk> {
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
