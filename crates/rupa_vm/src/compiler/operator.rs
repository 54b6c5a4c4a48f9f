//! Unary and binary operators: constant folding first, then arithmetic, bitwise,
//! concatenation, comparison and `and`/`or` code (5.4's `luaK_prefix`, `luaK_infix`,
//! `luaK_posfix`).
//!
//! Left-nested chains (`a + b + c ...`) are compiled with a loop, not recursion, because the
//! parser builds them without nesting limits.

use crate::ast::{BinOp, Expr, ExprKind, UnOp};
use crate::opcode::{Op, Reg, Rk};

use super::expdesc::{num_exp, ExpDesc, ExpKind};
use super::fold;
use super::{CResult, Compiler, NO_JUMP};

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

impl Compiler {
    pub(super) fn prefix(&mut self, op: UnOp, e: &mut ExpDesc, line: u32) -> CResult<()> {
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

    /// `a op b op c ...`: the left spine is walked with a loop.
    pub(super) fn binary_chain(&mut self, e: &Expr) -> CResult<ExpDesc> {
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
}
