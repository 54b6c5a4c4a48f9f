//! Scopes: blocks, local variables and their registers, upvalue resolution through enclosing
//! functions, and `goto`/label/`break` resolution with 5.4's rules (5.4's `enterblock`,
//! `leaveblock`, `singlevaraux`, `createlabel`, `solvegotos`, `movegotosout`).

use crate::opcode::Op;
use crate::proto::{LocalVar, UpvalueDesc};

use super::expdesc::{ExpDesc, ExpKind};
use super::{BlockCnt, CResult, Compiler, LabelDesc, VarDesc, VarKind, MAX_UPVALUES, MAX_VARS};

/// The label name `break` statements jump to (not a valid user label: it is a keyword).
const BREAK: &str = "break";

impl Compiler {
    pub(super) fn enter_block(&mut self, is_loop: bool) {
        let first_label = self.labels.len();
        let first_goto = self.gotos.len();
        let fs = self.fs();
        let inside_tbc = fs.blocks.last().is_some_and(|b| b.inside_tbc);
        let nactvar = fs.nactvar;
        fs.blocks.push(BlockCnt {
            first_label,
            first_goto,
            nactvar,
            upval: false,
            is_loop,
            inside_tbc,
        });
    }

    pub(super) fn leave_block(&mut self) -> CResult<()> {
        let bl = self.fs().blocks.last().cloned().expect("a block is open");
        let stack_level = self.reg_level(bl.nactvar);
        let removed = self.remove_vars(bl.nactvar);
        let mut has_close = false;
        if bl.is_loop {
            has_close = self.create_label(BREAK.to_string(), 0, false)?;
        }
        let nested = self.fs_ref().blocks.len() > 1;
        if !has_close && nested && bl.upval {
            self.emit(Op::Close { from: stack_level });
        }
        // 5.4.4 ends the block's locals after the block's closing instructions (its scoping
        // acts as if they were removed first, which later versions also do).
        let fs = self.fs();
        let pc = fs.pc() as u32;
        for di in removed {
            fs.local_vars[di].end_pc = pc;
        }
        fs.freereg = stack_level as u32;
        self.labels.truncate(bl.first_label);
        self.fs().blocks.pop();
        if nested {
            self.move_gotos_out(&bl);
        } else if bl.first_goto < self.gotos.len() {
            return Err(self.undefined_goto(bl.first_goto));
        }
        Ok(())
    }

    fn undefined_goto(&self, index: usize) -> super::SyntaxError {
        let gt = &self.gotos[index];
        if gt.name == BREAK {
            self.error_plain(format!("break outside loop at line {}", gt.line))
        } else {
            self.error_plain(format!(
                "no visible label '{}' for <goto> at line {}",
                gt.name, gt.line
            ))
        }
    }

    /// Pending gotos of a finished block now belong to the enclosing block.
    fn move_gotos_out(&mut self, bl: &BlockCnt) {
        let block_level = self.reg_level(bl.nactvar);
        for gt in &mut self.gotos[bl.first_goto..] {
            if gt.reg_level > block_level {
                gt.close |= bl.upval;
            }
            gt.nactvar = bl.nactvar;
            gt.reg_level = block_level;
        }
    }

    /// Declares a local (not active yet); returns its index among the function's locals.
    pub(super) fn new_local(&mut self, name: &str, kind: VarKind) -> CResult<usize> {
        let first = self.fs_ref().first_local;
        if self.actvar.len() + 1 - first > MAX_VARS {
            return Err(self.error_limit(MAX_VARS, "local variables"));
        }
        self.actvar.push(VarDesc {
            name: name.to_string(),
            kind,
            reg: 0,
            debug_index: 0,
            value: None,
        });
        Ok(self.actvar.len() - 1 - first)
    }

    /// The descriptor of the function's local number `vidx`.
    pub(super) fn local_desc(&mut self, vidx: usize) -> &mut VarDesc {
        let first = self.fs_ref().first_local;
        &mut self.actvar[first + vidx]
    }

    /// Activates the last `n` declared locals: gives them registers and debug entries.
    pub(super) fn adjust_locals(&mut self, n: usize) {
        let base = self.nvarstack() as usize;
        for i in 0..n {
            let fs = self.fs();
            let vidx = fs.nactvar;
            fs.nactvar += 1;
            let pc = fs.pc() as u32;
            let debug_index = fs.local_vars.len();
            let first = fs.first_local;
            let var = &mut self.actvar[first + vidx];
            // At most 200 locals per function: registers stay below 255.
            var.reg = (base + i) as u8;
            var.debug_index = debug_index;
            let name = var.name.clone();
            self.fs().local_vars.push(LocalVar {
                name,
                start_pc: pc,
                end_pc: pc,
            });
        }
    }

    /// Deactivates locals down to `to_level`; returns the debug entries to close.
    fn remove_vars(&mut self, to_level: usize) -> Vec<usize> {
        let fs = self.fs_ref();
        let first = fs.first_local;
        let removed = self.actvar[first + to_level..first + fs.nactvar]
            .iter()
            .filter(|v| v.kind != VarKind::CompileTime)
            .map(|v| v.debug_index)
            .collect();
        self.fs().nactvar = to_level;
        self.actvar.truncate(first + to_level);
        removed
    }

    /// The block declaring local `level` (or an enclosing one) has a captured variable.
    fn mark_upval(&mut self, func: usize, level: usize) {
        let fs = &mut self.funcs[func];
        if let Some(bl) = fs.blocks.iter_mut().rev().find(|b| b.nactvar <= level) {
            bl.upval = true;
        }
    }

    /// The innermost block has a to-be-closed variable.
    pub(super) fn mark_to_be_closed(&mut self) {
        let bl = self
            .fs()
            .blocks
            .last_mut()
            .expect("a block is open while compiling statements");
        bl.upval = true;
        bl.inside_tbc = true;
    }

    /// Resolves a name to a local, upvalue or compile-time constant of the current function;
    /// `None` for a global.
    pub(super) fn resolve(&mut self, name: &str) -> CResult<Option<ExpDesc>> {
        let top = self.funcs.len() - 1;
        self.resolve_in(top, name, true)
    }

    fn search_var(&self, func: usize, name: &str) -> Option<ExpDesc> {
        let fs = &self.funcs[func];
        let vars = &self.actvar[fs.first_local..fs.first_local + fs.nactvar];
        let (i, v) = vars
            .iter()
            .enumerate()
            .rev()
            .find(|(_, v)| v.name == name)?;
        Some(ExpDesc::new(if v.kind == VarKind::CompileTime {
            ExpKind::Const(fs.first_local + i)
        } else {
            ExpKind::Local {
                reg: v.reg,
                vidx: i,
            }
        }))
    }

    fn resolve_in(&mut self, func: usize, name: &str, base: bool) -> CResult<Option<ExpDesc>> {
        if let Some(e) = self.search_var(func, name) {
            if let ExpKind::Local { vidx, .. } = e.k {
                if !base {
                    self.mark_upval(func, vidx);
                }
            }
            return Ok(Some(e));
        }
        let fs = &self.funcs[func];
        if let Some(idx) = fs.upvalues.iter().position(|u| u.name == name) {
            return Ok(Some(ExpDesc::new(ExpKind::Upval(idx as u8))));
        }
        if func == 0 {
            return Ok(None);
        }
        let Some(outer) = self.resolve_in(func - 1, name, false)? else {
            return Ok(None);
        };
        let (in_stack, index, kind) = match outer.k {
            ExpKind::Local { reg, vidx } => {
                let prev = &self.funcs[func - 1];
                (true, reg, self.actvar[prev.first_local + vidx].kind)
            }
            ExpKind::Upval(i) => (false, i, self.funcs[func - 1].upvalue_kinds[i as usize]),
            // A compile-time constant of an enclosing function is used directly.
            _ => return Ok(Some(outer)),
        };
        if self.funcs[func].upvalues.len() + 1 > MAX_UPVALUES {
            // The limit message names the function whose upvalues overflow.
            let line = self.funcs[func].line_defined;
            let place = if line == 0 {
                "main function".to_string()
            } else {
                format!("function at line {line}")
            };
            return Err(self.error(format!(
                "too many upvalues (limit is {MAX_UPVALUES}) in {place}"
            )));
        }
        let fs = &mut self.funcs[func];
        fs.upvalues.push(UpvalueDesc {
            name: name.to_string(),
            in_stack,
            index,
        });
        fs.upvalue_kinds.push(kind);
        Ok(Some(ExpDesc::new(ExpKind::Upval(
            (fs.upvalues.len() - 1) as u8,
        ))))
    }

    // ---- gotos and labels ----

    /// Records a pending goto (or `break`) whose jump list is `pc`.
    pub(super) fn new_goto(&mut self, name: &str, line: u32, pc: usize) {
        let nactvar = self.fs_ref().nactvar;
        let reg_level = self.nvarstack();
        self.gotos.push(LabelDesc {
            name: name.to_string(),
            pc,
            line,
            nactvar,
            reg_level,
            close: false,
        });
    }

    /// A visible label of the current function named `name`.
    fn find_label(&self, name: &str) -> Option<&LabelDesc> {
        let first = self.fs_ref().first_label;
        self.labels[first..].iter().find(|l| l.name == name)
    }

    /// `goto name` at `line`.
    pub(super) fn goto_stat(&mut self, name: &str, line: u32) -> CResult<()> {
        if let Some(lb) = self.find_label(name) {
            // Backward jump: resolved now.
            let (label_pc, label_nactvar) = (lb.pc, lb.nactvar);
            let label_level = self.reg_level(label_nactvar);
            if self.nvarstack() > label_level {
                self.emit(Op::Close { from: label_level });
            }
            let j = self.jump();
            self.patch_list(j, label_pc);
        } else {
            let j = self.jump();
            self.new_goto(name, line, j);
        }
        Ok(())
    }

    /// `::name::`; the cursor is at the token after it (and its no-op statements), where
    /// 5.4 creates it.
    pub(super) fn label_stat(&mut self, name: &str, line: u32, last: bool) -> CResult<()> {
        if let Some(lb) = self.find_label(name) {
            let msg = format!("label '{}' already defined on line {}", name, lb.line);
            return Err(self.error_plain(msg));
        }
        self.fs().advance_line(line);
        self.create_label(name.to_string(), line, last)?;
        Ok(())
    }

    /// Creates a label at the current pc and solves pending gotos to it; returns whether a
    /// `Close` was emitted for them (5.4's `createlabel`).
    fn create_label(&mut self, name: String, line: u32, last: bool) -> CResult<bool> {
        let pc = self.get_label();
        let fs = self.fs_ref();
        let nactvar = if last {
            // A label at the end of a block is outside the scope of the block's locals.
            fs.blocks.last().expect("a block is open").nactvar
        } else {
            fs.nactvar
        };
        let reg_level = self.reg_level(nactvar);
        let label = LabelDesc {
            name,
            pc,
            line,
            nactvar,
            reg_level,
            close: false,
        };
        let needs_close = self.solve_gotos(&label)?;
        self.labels.push(label);
        if needs_close {
            let from = self.nvarstack();
            self.emit(Op::Close { from });
            return Ok(true);
        }
        Ok(false)
    }

    /// Patches the pending gotos of the current block that target `label`.
    fn solve_gotos(&mut self, label: &LabelDesc) -> CResult<bool> {
        let first = self
            .fs_ref()
            .blocks
            .last()
            .expect("a block is open")
            .first_goto;
        let mut needs_close = false;
        let mut i = first;
        while i < self.gotos.len() {
            if self.gotos[i].name == label.name {
                let gt = self.gotos.remove(i);
                needs_close |= gt.close;
                if gt.nactvar < label.nactvar {
                    let first_local = self.fs_ref().first_local;
                    let var = &self.actvar[first_local + gt.nactvar].name;
                    let msg = format!(
                        "<goto {}> at line {} jumps into the scope of local '{}'",
                        gt.name, gt.line, var
                    );
                    return Err(self.error_plain(msg));
                }
                self.patch_list(gt.pc, label.pc);
            } else {
                i += 1;
            }
        }
        Ok(needs_close)
    }
}
