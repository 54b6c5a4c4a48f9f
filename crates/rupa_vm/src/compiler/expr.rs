//! Expressions from the AST (the expression half of 5.4's `lparser.c`): the dispatch over
//! expression kinds, variable names, expression lists and function bodies, and the source lines
//! of an expression. Descriptors and their discharge are `expdesc.rs`; operators, suffixes
//! (indexing and calls), constructors and conditional jumps each have their own module.

use std::rc::Rc;

use crate::ast::{Expr, ExprKind, FuncBody};
use crate::opcode::Op;

use super::expdesc::{ExpDesc, ExpKind};
use super::{CResult, Compiler, VarKind};

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
}
