//! Suffixed expressions: indexing (`t[k]`, `t.name`, upvalue tables), method lookups
//! (`SelfOp`) and calls with their argument lists (5.4's `suffixedexp`, `funcargs`,
//! `luaK_indexed`, `luaK_self`).
//!
//! Chains (`a.b.c ...`, `f()()...`) are compiled with a loop, not recursion, because the
//! parser builds them without nesting limits.

use std::rc::Rc;

use crate::ast::{Expr, ExprKind};
use crate::opcode::Op;
use crate::proto::Constant;

use super::expdesc::{ExpDesc, ExpKind};
use super::{CResult, Compiler};

impl Compiler {
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

    /// Names, parenthesised expressions and their suffixes (`.x`, `[k]`, `(args)`, `:m(args)`).
    pub(super) fn suffixed(&mut self, e: &Expr) -> CResult<ExpDesc> {
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
}
