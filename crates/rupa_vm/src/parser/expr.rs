//! Expressions: operator precedence, primary and suffixed expressions, calls, constructors.

use super::{Parser, Result};
use crate::ast::{BinOp, Expr, ExprKind, TableField, TokPos, UnOp};
use crate::lexer::Token;

/// Priority of unary operators: above every binary operator but `^` on its left.
const UNARY_PRIORITY: u8 = 12;

/// Left and right priorities of a binary operator, as lua5.4 has them: an operator is
/// right-associative when its right priority is lower than its left one.
fn priority(op: BinOp) -> (u8, u8) {
    match op {
        BinOp::Or => (1, 1),
        BinOp::And => (2, 2),
        BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => (3, 3),
        BinOp::BOr => (4, 4),
        BinOp::BXor => (5, 5),
        BinOp::BAnd => (6, 6),
        BinOp::Shl | BinOp::Shr => (7, 7),
        BinOp::Concat => (9, 8),
        BinOp::Add | BinOp::Sub => (10, 10),
        BinOp::Mul | BinOp::Div | BinOp::IDiv | BinOp::Mod => (11, 11),
        BinOp::Pow => (14, 13),
    }
}

fn binary_op(token: &Token) -> Option<BinOp> {
    Some(match token {
        Token::Char(b'+') => BinOp::Add,
        Token::Char(b'-') => BinOp::Sub,
        Token::Char(b'*') => BinOp::Mul,
        Token::Char(b'%') => BinOp::Mod,
        Token::Char(b'^') => BinOp::Pow,
        Token::Char(b'/') => BinOp::Div,
        Token::IDiv => BinOp::IDiv,
        Token::Char(b'&') => BinOp::BAnd,
        Token::Char(b'|') => BinOp::BOr,
        Token::Char(b'~') => BinOp::BXor,
        Token::Shl => BinOp::Shl,
        Token::Shr => BinOp::Shr,
        Token::Concat => BinOp::Concat,
        Token::Ne => BinOp::Ne,
        Token::Eq => BinOp::Eq,
        Token::Char(b'<') => BinOp::Lt,
        Token::Le => BinOp::Le,
        Token::Char(b'>') => BinOp::Gt,
        Token::Ge => BinOp::Ge,
        Token::And => BinOp::And,
        Token::Or => BinOp::Or,
        _ => return None,
    })
}

fn unary_op(token: &Token) -> Option<UnOp> {
    Some(match token {
        Token::Not => UnOp::Not,
        Token::Char(b'-') => UnOp::Neg,
        Token::Char(b'~') => UnOp::BNot,
        Token::Char(b'#') => UnOp::Len,
        _ => return None,
    })
}

impl Parser<'_> {
    /// An expression.
    #[inline(never)]
    pub(super) fn expr(&mut self) -> Result<Expr> {
        Ok(self.sub_expr(0)?.0)
    }

    /// `expr {',' expr}`.
    #[inline(never)]
    pub(super) fn expr_list(&mut self) -> Result<Vec<Expr>> {
        let mut list = vec![self.expr()?];
        while self.test_next(&Token::Char(b','))? {
            list.push(self.expr()?);
        }
        Ok(list)
    }

    /// An expression whose binary operators all have a left priority above `limit`; also
    /// returns the operator that stopped it.
    fn sub_expr(&mut self, limit: u8) -> Result<(Expr, Option<BinOp>)> {
        self.enter_level()?;
        let mut expr = match unary_op(self.tok()) {
            Some(op) => self.unary(op)?,
            None => self.simple_expr()?,
        };
        let mut op = binary_op(self.tok());
        while let Some(current) = op {
            let (left, right) = priority(current);
            if left <= limit {
                break;
            }
            let line = self.line();
            self.advance()?;
            let (rhs, next) = self.sub_expr(right)?;
            expr = self.binary(current, expr, rhs, line);
            op = next;
        }
        self.leave_level();
        Ok((expr, op))
    }

    /// A unary operator and its operand; the current token is the operator.
    #[inline(never)]
    fn unary(&mut self, op: UnOp) -> Result<Expr> {
        let line = self.line();
        let start = self.pos();
        self.advance()?;
        let (operand, _) = self.sub_expr(UNARY_PRIORITY)?;
        let kind = ExprKind::Unary {
            op,
            operand: Box::new(operand),
        };
        Ok(self.finish(kind, line, start))
    }

    /// Literals, `...`, constructors, function expressions and suffixed expressions.
    #[inline(never)]
    fn simple_expr(&mut self) -> Result<Expr> {
        let line = self.line();
        let start = self.pos();
        let kind = match self.tok() {
            Token::Float(f) => ExprKind::Float(*f),
            Token::Int(i) => ExprKind::Integer(*i),
            Token::String { .. } => ExprKind::String(self.take_string()),
            Token::Nil => ExprKind::Nil,
            Token::True => ExprKind::True,
            Token::False => ExprKind::False,
            Token::Dots => {
                if !self.vararg {
                    return Err(self.error("cannot use '...' outside a vararg function"));
                }
                ExprKind::VarArg
            }
            Token::Char(b'{') => return self.table(),
            Token::Function => return self.function_expr(),
            _ => return self.suffixed_expr(),
        };
        self.advance()?;
        Ok(self.finish(kind, line, start))
    }

    /// `function body`; the current token is `function`.
    #[inline(never)]
    fn function_expr(&mut self) -> Result<Expr> {
        let line = self.line();
        let start = self.pos();
        self.advance()?;
        // lua5.4's `linedefined` is the line of the token after `function`.
        let body_line = self.line();
        let body = self.body(false, body_line)?;
        Ok(self.finish(ExprKind::Function(Box::new(body)), line, start))
    }

    /// Takes the value of the current string token, leaving it empty; the caller advances.
    fn take_string(&mut self) -> Vec<u8> {
        match &mut self.current.token {
            Token::String { value, .. } => std::mem::take(value),
            _ => Vec::new(),
        }
    }

    /// A name or a parenthesized expression.
    #[inline(never)]
    fn primary_expr(&mut self) -> Result<Expr> {
        let line = self.line();
        let start = self.pos();
        match self.tok() {
            Token::Name(_) => {
                let name = self.check_name()?;
                Ok(self.finish(ExprKind::Name(name), line, start))
            }
            Token::Char(b'(') => {
                self.advance()?;
                let inner = self.expr()?;
                self.check_match(&Token::Char(b')'), &Token::Char(b'('), line)?;
                Ok(self.finish(ExprKind::Paren(Box::new(inner)), line, start))
            }
            _ => self.missing_expr(line, start),
        }
    }

    /// A primary expression followed by any number of `.name`, `[key]`, `:m(args)` and
    /// `(args)`.
    #[inline(never)]
    pub(super) fn suffixed_expr(&mut self) -> Result<Expr> {
        // Calls are attributed to the line where the whole expression starts.
        let line = self.line();
        let mut expr = self.primary_expr()?;
        loop {
            expr = match self.tok() {
                Token::Char(b'.' | b'[') => self.index_suffix(expr)?,
                Token::Char(b':' | b'(' | b'{') | Token::String { .. } => {
                    self.call_suffix(expr, line)?
                }
                _ => break,
            };
        }
        Ok(expr)
    }

    /// "unexpected symbol", or in a recovery parse at its stop what stands for the missing
    /// expression: a global read (it compiles anywhere), starting where the failure was.
    fn missing_expr(&mut self, line: u32, start: TokPos) -> Result<Expr> {
        if !self.at_stop() {
            return Err(self.error("unexpected symbol"));
        }
        Ok(Expr {
            kind: ExprKind::Name(String::new()),
            line,
            start,
            next: TokPos::MAX,
            last_line: line,
        })
    }

    /// `.name` or `[key]` after `obj`.
    #[inline(never)]
    fn index_suffix(&mut self, obj: Expr) -> Result<Expr> {
        let (key, line) = if self.is_char(b'.') {
            self.advance()?;
            let line = self.line();
            let start = self.pos();
            let name = self.check_name()?;
            let key = self.finish(ExprKind::String(name.into_bytes()), line, start);
            (key, line)
        } else {
            self.advance()?;
            let key = self.expr()?;
            let line = self.line();
            self.check_next(&Token::Char(b']'))?;
            (key, line)
        };
        let start = obj.start;
        let kind = ExprKind::Index {
            obj: Box::new(obj),
            key: Box::new(key),
        };
        Ok(self.finish(kind, line, start))
    }

    /// `:name args` or `args` after `func`; `line` is the call's line.
    #[inline(never)]
    fn call_suffix(&mut self, func: Expr, line: u32) -> Result<Expr> {
        let start = func.start;
        let kind = if self.is_char(b':') {
            self.advance()?;
            let method = self.check_name()?;
            let method_line = self.last_line;
            let args_at = self.pos();
            let args = self.call_args(line)?;
            ExprKind::MethodCall {
                obj: Box::new(func),
                method,
                args,
                args_at,
                method_line,
            }
        } else {
            let args = self.call_args(line)?;
            ExprKind::Call {
                func: Box::new(func),
                args,
            }
        };
        Ok(self.finish(kind, line, start))
    }

    /// Call arguments: `(exprs)`, a constructor or a string. `line` is the call's line.
    #[inline(never)]
    fn call_args(&mut self, line: u32) -> Result<Vec<Expr>> {
        match self.tok() {
            Token::Char(b'(') => {
                self.advance()?;
                let args = if self.is_char(b')') {
                    Vec::new()
                } else {
                    self.expr_list()?
                };
                self.check_match(&Token::Char(b')'), &Token::Char(b'('), line)?;
                Ok(args)
            }
            Token::Char(b'{') => Ok(vec![self.table()?]),
            Token::String { .. } => {
                let (line, start) = (self.line(), self.pos());
                let kind = ExprKind::String(self.take_string());
                self.advance()?;
                Ok(vec![self.finish(kind, line, start)])
            }
            _ if self.is_stop() => {
                self.past_stop = true;
                Ok(Vec::new())
            }
            _ => Err(self.error("function arguments expected")),
        }
    }

    /// A table constructor; the current token is `{`.
    #[inline(never)]
    fn table(&mut self) -> Result<Expr> {
        let line = self.line();
        let start = self.pos();
        self.check_next(&Token::Char(b'{'))?;
        let mut fields = Vec::new();
        loop {
            if self.is_char(b'}') {
                break;
            }
            let named =
                matches!(self.tok(), Token::Name(_)) && *self.peek_ahead()? == Token::Char(b'=');
            let at = self.pos();
            let field = match self.tok() {
                Token::Name(_) if named => {
                    let name = self.check_name()?;
                    self.advance()?;
                    TableField::Named(name, self.expr()?, at)
                }
                Token::Char(b'[') => {
                    self.advance()?;
                    let key = self.expr()?;
                    self.check_next(&Token::Char(b']'))?;
                    self.check_next(&Token::Char(b'='))?;
                    TableField::Keyed(key, self.expr()?, at)
                }
                _ => TableField::Positional(self.expr()?),
            };
            fields.push(field);
            if !(self.test_next(&Token::Char(b','))? || self.test_next(&Token::Char(b';'))?) {
                break;
            }
        }
        self.check_match(&Token::Char(b'}'), &Token::Char(b'{'), line)?;
        Ok(self.finish(ExprKind::Table(fields), line, start))
    }

    /// `lhs op rhs`, just parsed; `line` is the operator's.
    fn binary(&self, op: BinOp, lhs: Expr, rhs: Expr, line: u32) -> Expr {
        let start = lhs.start;
        let kind = ExprKind::Binary {
            op,
            lhs: Box::new(lhs),
            rhs: Box::new(rhs),
        };
        self.finish(kind, line, start)
    }

    /// An expression that started at `start` and whose last token was just consumed.
    fn finish(&self, kind: ExprKind, line: u32, start: TokPos) -> Expr {
        Expr {
            kind,
            line,
            start,
            next: self.pos(),
            last_line: self.last_line,
        }
    }
}
