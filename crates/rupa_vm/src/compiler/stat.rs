//! Statements: blocks, local declarations (`<const>`, `<close>`), multiple assignment with 5.4's
//! conflict handling, control structures, loops, function statements and `return` (the
//! statement half of 5.4's `lparser.c`).

use std::rc::Rc;

use crate::ast::{Attrib, Block, Declared, Expr, FuncBody, IfArm, LocalName, Name, Return, Stat};
use crate::opcode::Op;

use super::expdesc::{ExpDesc, ExpKind};
use super::expr::{end_line, start_line};
use super::{CResult, Compiler, VarKind, MAX_FOR_JUMP, NO_JUMP};

/// The line of a statement's first token.
fn stat_line(s: &Stat) -> u32 {
    match s {
        Stat::Call(e) => start_line(e),
        Stat::Local { line, .. }
        | Stat::Assign { line, .. }
        | Stat::While { line, .. }
        | Stat::Repeat { line, .. }
        | Stat::If { line, .. }
        | Stat::NumericFor { line, .. }
        | Stat::GenericFor { line, .. }
        | Stat::Function { line, .. }
        | Stat::LocalFunction { line, .. }
        | Stat::Goto { line, .. }
        | Stat::Label { line, .. }
        | Stat::Break { line } => *line,
        Stat::Do(b) => b
            .stats
            .first()
            .map(stat_line)
            .or(b.ret.as_ref().map(|r| r.line))
            .unwrap_or(0),
    }
}

impl Compiler {
    /// The statements of a block, in the current scope.
    pub(super) fn block_body(&mut self, b: &Block) -> CResult<()> {
        self.statlist(b, 0)
    }

    fn statlist(&mut self, b: &Block, start: usize) -> CResult<()> {
        let stats = &b.stats;
        let mut i = start;
        while i < stats.len() {
            if let Stat::Label { .. } = stats[i] {
                // 5.4 reads the no-op statements following a label before creating it, so a
                // run of labels is created last to first.
                let mut j = i;
                while matches!(stats.get(j + 1), Some(Stat::Label { .. })) {
                    j += 1;
                }
                for s in stats[i..=j].iter().rev() {
                    if let Stat::Label {
                        name,
                        line,
                        next,
                        at_block_end,
                    } = s
                    {
                        self.at(*next);
                        self.label_stat(name, *line, *at_block_end)?;
                    }
                }
                i = j + 1;
                continue;
            }
            self.statement(&stats[i])?;
            if self.fs_ref().jump_too_long {
                return Err(self.error("control structure too long"));
            }
            let level = self.nvarstack();
            self.fs().freereg = level as u32;
            i += 1;
        }
        if let Some(r) = &b.ret {
            self.ret_stat(r)?;
            let level = self.nvarstack();
            self.fs().freereg = level as u32;
        }
        Ok(())
    }

    /// `do ... end` and other plain blocks.
    fn block(&mut self, b: &Block) -> CResult<()> {
        self.enter_block(false);
        self.block_body(b)?;
        self.leave_block()
    }

    fn statement(&mut self, s: &Stat) -> CResult<()> {
        self.fs().advance_line(stat_line(s));
        match s {
            Stat::Call(e) => {
                let v = self.expr(e)?;
                if let ExpKind::Call(pc) = v.k {
                    if let Op::Call { results, .. } = &mut self.fs().code[pc] {
                        *results = 1;
                    }
                }
                Ok(())
            }
            Stat::Local { names, exprs, .. } => self.local_stat(names, exprs),
            Stat::Assign { targets, exprs, .. } => self.assign_stat(targets, exprs),
            Stat::Do(b) => self.block(b),
            Stat::While {
                cond,
                block,
                do_line,
                end_line,
                ..
            } => self.while_stat(cond, block, [*do_line, *end_line]),
            Stat::Repeat { block, cond, .. } => self.repeat_stat(block, cond),
            Stat::If {
                arms, else_block, ..
            } => self.if_stat(arms, else_block.as_ref()),
            Stat::NumericFor {
                var,
                start,
                limit,
                step,
                block,
                line,
                do_line,
                end_line,
            } => self.numeric_for(
                var,
                start,
                limit,
                step.as_ref(),
                block,
                [*line, *do_line, *end_line],
            ),
            Stat::GenericFor {
                names,
                exprs,
                block,
                line,
                do_line,
                end_line,
            } => self.generic_for(names, exprs, block, [*line, *do_line, *end_line]),
            Stat::Function {
                path,
                method,
                body,
                line,
            } => self.function_stat(path, method.as_ref(), body, *line),
            Stat::LocalFunction { name, body, .. } => self.local_function(name, body),
            Stat::Goto { label, line } => self.goto_stat(label, *line),
            Stat::Label {
                name,
                line,
                next,
                at_block_end,
            } => {
                self.at(*next);
                self.label_stat(name, *line, *at_block_end)
            }
            Stat::Break { line } => {
                let j = self.jump();
                self.new_goto("break", *line, j);
                Ok(())
            }
        }
    }

    /// Adjusts `nexps` values (the last one `e`, still pending) to `nvars` registers.
    fn adjust_assign(&mut self, nvars: usize, nexps: usize, e: &mut ExpDesc) -> CResult<()> {
        let needed = nvars as i64 - nexps as i64;
        if e.has_multret() {
            let extra = (needed + 1).max(0) as u32;
            self.set_returns(e, Some(extra))?;
        } else {
            if !matches!(e.k, ExpKind::Void) {
                self.exp_to_next_reg(e)?;
            }
            if needed > 0 {
                let free = self.fs_ref().freereg;
                self.code_nil(free, needed as u32);
            }
        }
        if needed > 0 {
            self.reserve_regs(needed as u32)?;
        } else {
            let fs = self.fs();
            fs.freereg = (fs.freereg as i64 + needed) as u32;
        }
        Ok(())
    }

    fn local_stat(&mut self, names: &[LocalName], exprs: &[Expr]) -> CResult<()> {
        let mut to_close = None;
        let mut vidx = 0;
        for (i, n) in names.iter().enumerate() {
            let kind = match n.attrib {
                Attrib::None => VarKind::Regular,
                Attrib::Const => VarKind::Const,
                Attrib::Close => VarKind::Close,
            };
            self.at(n.next);
            vidx = self.new_local(&n.name, kind)?;
            if kind == VarKind::Close {
                if to_close.is_some() {
                    return Err(self.error_plain("multiple to-be-closed variables in local list"));
                }
                to_close = Some(self.fs_ref().nactvar + i);
            }
        }
        let nvars = names.len();
        let mut e = self.explist(exprs)?;
        if exprs.is_empty() {
            if let Some(last) = names.last() {
                self.at(last.next);
            }
        }
        if let Some(last) = exprs.last() {
            self.fs().advance_line(end_line(last));
        }
        let constant = if nvars == exprs.len() && self.local_desc(vidx).kind == VarKind::Const {
            self.exp_to_const(&e)
        } else {
            None
        };
        if let Some(value) = constant {
            let var = self.local_desc(vidx);
            var.kind = VarKind::CompileTime;
            var.value = Some(value);
            self.adjust_locals(nvars - 1);
            self.fs().nactvar += 1;
        } else {
            self.adjust_assign(nvars, exprs.len(), &mut e)?;
            self.adjust_locals(nvars);
        }
        if let Some(level) = to_close {
            self.mark_to_be_closed();
            let reg = self.reg_level(level);
            self.emit(Op::Tbc { reg });
        }
        Ok(())
    }

    /// "attempt to assign to const variable 'x'" for read-only targets.
    fn check_readonly(&mut self, e: &ExpDesc) -> CResult<()> {
        let name = match e.k {
            ExpKind::Const(abs) => Some(self.actvar[abs].name.clone()),
            ExpKind::Local { vidx, .. } => {
                let v = self.local_desc(vidx);
                (v.kind != VarKind::Regular).then(|| v.name.clone())
            }
            ExpKind::Upval(up) => {
                let fs = self.fs_ref();
                (fs.upvalue_kinds[up as usize] != VarKind::Regular)
                    .then(|| fs.upvalues[up as usize].name.clone())
            }
            _ => None,
        };
        match name {
            Some(n) => Err(self.error_plain(format!("attempt to assign to const variable '{n}'"))),
            None => Ok(()),
        }
    }

    /// A new local/upvalue target `v` may be the table or key register of an earlier indexed
    /// target: those then use a copy made before any assignment (5.4's `check_conflict`).
    fn check_conflict(&mut self, lhs: &mut [ExpDesc], v: &ExpDesc) -> CResult<()> {
        let extra = self.freereg();
        let mut conflict = false;
        for lh in lhs.iter_mut() {
            match (lh.k.clone(), &v.k) {
                (ExpKind::IndexUp { up: t, key }, ExpKind::Upval(up)) if t == *up => {
                    conflict = true;
                    lh.k = ExpKind::IndexStr { t: extra, key };
                }
                (ExpKind::IndexStr { t, key }, ExpKind::Local { reg, .. }) if t == *reg => {
                    conflict = true;
                    lh.k = ExpKind::IndexStr { t: extra, key };
                }
                (ExpKind::IndexInt { t, idx }, ExpKind::Local { reg, .. }) if t == *reg => {
                    conflict = true;
                    lh.k = ExpKind::IndexInt { t: extra, idx };
                }
                (ExpKind::Indexed { mut t, mut key }, ExpKind::Local { reg, .. }) => {
                    if t == *reg {
                        conflict = true;
                        t = extra;
                    }
                    if key == *reg {
                        conflict = true;
                        key = extra;
                    }
                    lh.k = ExpKind::Indexed { t, key };
                }
                _ => {}
            }
        }
        if conflict {
            match v.k {
                ExpKind::Local { reg, .. } => {
                    self.emit(Op::Move {
                        dst: extra,
                        src: reg,
                    });
                }
                ExpKind::Upval(up) => {
                    self.emit(Op::GetUpval { dst: extra, up });
                }
                _ => crate::vm_bug!("conflicts come from locals and upvalues"),
            }
            self.reserve_regs(1)?;
        }
        Ok(())
    }

    fn assign_stat(&mut self, targets: &[Expr], exprs: &[Expr]) -> CResult<()> {
        let mut lhs: Vec<ExpDesc> = Vec::with_capacity(targets.len());
        for t in targets {
            let v = self.expr(t)?;
            // lua5.4 checks a target once it sees the `,` or `=` after it.
            self.at(t.next);
            if !v.is_indexed() && !lhs.is_empty() {
                self.check_conflict(&mut lhs, &v)?;
            }
            self.check_readonly(&v)?;
            lhs.push(v);
        }
        let mut e = self.explist(exprs)?;
        if let Some(last) = exprs.last() {
            self.fs().advance_line(end_line(last));
        }
        let nvars = targets.len();
        let mut rest = nvars;
        if exprs.len() != nvars {
            self.adjust_assign(nvars, exprs.len(), &mut e)?;
        } else {
            self.set_one_ret(&mut e);
            let last = lhs.last().expect("an assignment has a target").clone();
            self.store_var(&last, &mut e)?;
            rest -= 1;
        }
        for v in lhs[..rest].iter().rev() {
            let reg = self.freereg() - 1;
            let mut e = ExpDesc::new(ExpKind::NonReloc(reg));
            self.store_var(v, &mut e)?;
        }
        Ok(())
    }

    /// A loop or `if` condition; returns the jump list taken when it is false.
    fn cond(&mut self, e: &Expr) -> CResult<usize> {
        let mut v = self.expr(e)?;
        if v.k == ExpKind::Nil {
            v.k = ExpKind::False;
        }
        self.go_if_true(&mut v)?;
        Ok(v.f)
    }

    fn while_stat(
        &mut self,
        cond: &Expr,
        body: &Block,
        [do_line, end_line]: [u32; 2],
    ) -> CResult<()> {
        let init = self.get_label();
        let exit = self.cond(cond)?;
        self.fs().advance_line(do_line);
        self.enter_block(true);
        self.block(body)?;
        self.jump_to(init);
        // The loop's scope ends after its `end`.
        self.fs().advance_line(end_line);
        self.leave_block()?;
        self.patch_to_here(exit);
        Ok(())
    }

    fn repeat_stat(&mut self, body: &Block, cond: &Expr) -> CResult<()> {
        let init = self.get_label();
        self.enter_block(true);
        self.enter_block(false);
        self.block_body(body)?;
        let mut exit = self.cond(cond)?;
        let scope = self
            .fs_ref()
            .blocks
            .last()
            .cloned()
            .expect("scope block is open");
        self.leave_block()?;
        if scope.upval {
            // Repeating must close the upvalues of this iteration first.
            let normal_exit = self.jump();
            self.patch_to_here(exit);
            let from = self.reg_level(scope.nactvar);
            self.emit(Op::Close { from });
            exit = self.jump();
            self.patch_to_here(normal_exit);
        }
        self.patch_list(exit, init);
        self.leave_block()
    }

    fn if_stat(&mut self, arms: &[IfArm], else_block: Option<&Block>) -> CResult<()> {
        let mut escape = NO_JUMP;
        for (i, arm) in arms.iter().enumerate() {
            let followed = i + 1 < arms.len() || else_block.is_some();
            self.test_then_block(arm, followed, &mut escape)?;
        }
        if let Some(b) = else_block {
            self.block(b)?;
        }
        self.patch_to_here(escape);
        Ok(())
    }

    fn test_then_block(&mut self, arm: &IfArm, followed: bool, escape: &mut usize) -> CResult<()> {
        let block = &arm.block;
        let mut v = self.expr(&arm.cond)?;
        // The condition is tested once the `then` is read.
        self.fs().advance_line(arm.then_line);
        let jf;
        if let Some(Stat::Break { line }) = block.stats.first() {
            // `if c then break`: the condition jumps straight out of the loop.
            self.go_if_false(&mut v)?;
            self.enter_block(false);
            self.new_goto("break", *line, v.t);
            if block.stats.len() == 1 && block.ret.is_none() {
                return self.leave_block();
            }
            jf = self.jump();
            self.statlist(block, 1)?;
        } else {
            self.go_if_true(&mut v)?;
            self.enter_block(false);
            jf = v.f;
            self.statlist(block, 0)?;
        }
        self.leave_block()?;
        if followed {
            let j = self.jump();
            self.concat_jumps(escape, j);
        }
        self.patch_to_here(jf);
        Ok(())
    }

    /// One loop expression into the next register.
    fn exp1(&mut self, e: &Expr) -> CResult<()> {
        let mut v = self.expr(e)?;
        self.at(e.next);
        self.exp_to_next_reg(&mut v)
    }

    fn numeric_for(
        &mut self,
        var: &Declared,
        start: &Expr,
        limit: &Expr,
        step: Option<&Expr>,
        block: &Block,
        [line, do_line, end_line]: [u32; 3],
    ) -> CResult<()> {
        self.enter_block(true);
        let base = self.freereg();
        self.at(var.next);
        for _ in 0..3 {
            self.new_local("(for state)", VarKind::Regular)?;
        }
        self.new_local(&var.name, VarKind::Regular)?;
        self.exp1(start)?;
        self.exp1(limit)?;
        match step {
            Some(s) => self.exp1(s)?,
            None => {
                let r = self.freereg();
                self.code_int(r, 1);
                self.reserve_regs(1)?;
            }
        }
        self.adjust_locals(3);
        self.fs().advance_line(do_line);
        self.for_body(base, line, 1, false, block)?;
        self.fs().advance_line(end_line);
        self.leave_block()
    }

    fn generic_for(
        &mut self,
        names: &[Declared],
        exprs: &[Expr],
        block: &Block,
        [for_line, do_line, last_line]: [u32; 3],
    ) -> CResult<()> {
        self.enter_block(true);
        let base = self.freereg();
        if let Some(first) = names.first() {
            self.at(first.next);
        }
        for _ in 0..4 {
            self.new_local("(for state)", VarKind::Regular)?;
        }
        for n in names {
            self.at(n.next);
            self.new_local(&n.name, VarKind::Regular)?;
        }
        // 5.4 attributes the call of the iterator to the line after `in`.
        let line = exprs.first().map_or(for_line, start_line);
        let mut e = self.explist(exprs)?;
        if let Some(last) = exprs.last() {
            self.fs().advance_line(end_line(last));
        }
        self.adjust_assign(4, exprs.len(), &mut e)?;
        self.adjust_locals(4);
        self.mark_to_be_closed();
        self.check_stack(3)?;
        self.fs().advance_line(do_line);
        self.for_body(base, line, names.len(), true, block)?;
        self.fs().advance_line(last_line);
        self.leave_block()
    }

    fn for_body(
        &mut self,
        base: u8,
        line: u32,
        nvars: usize,
        generic: bool,
        block: &Block,
    ) -> CResult<()> {
        let prep = if generic {
            self.emit(Op::TForPrep { base, jump: 0 })
        } else {
            self.emit(Op::ForPrep { base, skip: 0 })
        };
        self.enter_block(false);
        self.adjust_locals(nvars);
        self.reserve_regs(nvars as u32)?;
        self.block(block)?;
        self.leave_block()?;
        let label = self.get_label();
        let end = if generic {
            self.emit(Op::TForCall {
                base,
                results: nvars as u8,
            });
            self.fix_line(line);
            self.emit(Op::TForLoop {
                base,
                back: (label + 1 - prep) as u32,
            })
        } else {
            self.emit(Op::ForLoop {
                base,
                back: (label - prep) as u32,
            })
        };
        self.fix_line(line);
        if end - prep > MAX_FOR_JUMP {
            return Err(self.error("control structure too long"));
        }
        let code = &mut self.fs().code;
        code[prep] = if generic {
            Op::TForPrep {
                base,
                jump: (label - prep - 1) as u32,
            }
        } else {
            Op::ForPrep {
                base,
                skip: (end - prep) as u32,
            }
        };
        Ok(())
    }

    fn function_stat(
        &mut self,
        path: &[(Name, u32)],
        method: Option<&Name>,
        body: &FuncBody,
        line: u32,
    ) -> CResult<()> {
        let Some((first, _)) = path.first() else {
            return Err(self.error("syntax error"));
        };
        // Near enough to the token after the first name, where lua5.4 resolves it.
        self.at(body.open);
        let mut v = self.single_var(first, line)?;
        // Each field is read once the name after it is: on the line of the name before.
        let fields = path[1..].iter().map(|(name, _)| name).chain(method);
        for (name, (_, line_before)) in fields.zip(path) {
            self.fs().advance_line(*line_before);
            self.field_sel(&mut v, name)?;
        }
        let mut b = self.function_body(body)?;
        self.exp_to_next_reg(&mut b)?;
        self.check_readonly(&v)?;
        self.store_var(&v, &mut b)?;
        // The definition "happens" on the line of `function`.
        self.fix_line(line);
        Ok(())
    }

    /// `v.name`.
    fn field_sel(&mut self, v: &mut ExpDesc, name: &str) -> CResult<()> {
        if !matches!(v.k, ExpKind::Upval(_)) || v.has_jumps() {
            self.exp_to_any_reg(v)?;
        }
        let key = ExpDesc::new(ExpKind::KStr(Rc::from(name.as_bytes())));
        self.indexed(v, key)
    }

    fn local_function(&mut self, name: &str, body: &FuncBody) -> CResult<()> {
        let fvar = self.fs_ref().nactvar;
        self.at(body.open);
        self.new_local(name, VarKind::Regular)?;
        self.adjust_locals(1);
        let mut b = self.function_body(body)?;
        self.exp_to_next_reg(&mut b)?;
        // Debug information sees the variable only after the closure exists.
        let di = self.local_desc(fvar).debug_index;
        let fs = self.fs();
        fs.local_vars[di].start_pc = fs.pc() as u32;
        Ok(())
    }

    fn ret_stat(&mut self, r: &Return) -> CResult<()> {
        self.fs().advance_line(r.line);
        let mut first = self.nvarstack();
        let count: u8;
        if r.exprs.is_empty() {
            count = 1;
        } else {
            let mut e = self.explist(&r.exprs)?;
            if let Some(last) = r.exprs.last() {
                self.fs().advance_line(end_line(last));
            }
            if e.has_multret() {
                self.set_multret(&mut e)?;
                let in_tbc = self.fs_ref().blocks.last().is_some_and(|b| b.inside_tbc);
                if let ExpKind::Call(pc) = e.k {
                    if r.exprs.len() == 1 && !in_tbc {
                        if let Op::Call { func, args, .. } = self.fs_ref().code[pc] {
                            self.fs().code[pc] = Op::TailCall { func, args };
                        }
                    }
                }
                count = 0;
            } else if r.exprs.len() == 1 {
                first = self.exp_to_any_reg(&mut e)?;
                count = 2;
            } else {
                self.exp_to_next_reg(&mut e)?;
                first = self.nvarstack();
                count = (self.fs_ref().freereg - first as u32 + 1) as u8;
            }
        }
        self.emit(Op::Return { base: first, count });
        Ok(())
    }
}
