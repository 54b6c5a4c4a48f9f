//! Conditional jumps: the "exit when true" and "exit when false" lists that `and`, `or`,
//! `not`, comparisons and control statements build on a descriptor (5.4's `luaK_goiftrue`,
//! `luaK_goiffalse`, `jumponcond`, `codenot`).

use crate::opcode::Op;

use super::expdesc::{ExpDesc, ExpKind};
use super::{CResult, Compiler, NO_JUMP, NO_REG};

impl Compiler {
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

    pub(super) fn code_not(&mut self, e: &mut ExpDesc) -> CResult<()> {
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
}
