//! Statements and blocks.

use super::{Parser, Result};
use crate::ast::{
    Attrib, Block, Declared, Expr, ExprKind, FuncBody, IfArm, LocalName, Return, Stat,
};
use crate::lexer::Token;

impl Parser<'_> {
    /// Whether the current token ends a block (`until` only when `with_until`).
    pub(super) fn block_follow(&self, with_until: bool) -> bool {
        match self.tok() {
            Token::Else | Token::Elseif | Token::End | Token::Eof => true,
            Token::Until => with_until,
            _ => false,
        }
    }

    /// A statement list, up to a token that ends blocks or after a `return`.
    pub(super) fn block(&mut self) -> Result<Block> {
        self.block_from(Vec::new())
    }

    /// A statement list continuing after `stats`.
    fn block_from(&mut self, mut stats: Vec<Stat>) -> Result<Block> {
        let mut ret = None;
        while !self.block_follow(true) {
            if self.is(&Token::Return) {
                let line = self.line();
                self.enter_level()?;
                self.advance()?;
                ret = Some(self.return_stat(line)?);
                self.leave_level();
                break;
            }
            self.statement(&mut stats)?;
        }
        Ok(Block { stats, ret })
    }

    /// One statement, appended to `out` (`;` appends nothing, a label may append several).
    fn statement(&mut self, out: &mut Vec<Stat>) -> Result<()> {
        let line = self.line();
        self.enter_level()?;
        match self.tok() {
            Token::Char(b';') => {
                self.advance()?;
                self.leave_level();
                return Ok(());
            }
            Token::If => out.push(self.if_stat(line)?),
            Token::While => {
                self.advance()?;
                let cond = self.expr()?;
                let do_line = self.line();
                self.check_next(&Token::Do)?;
                let block = self.block()?;
                let end_line = self.line();
                self.check_match(&Token::End, &Token::While, line)?;
                out.push(Stat::While {
                    cond,
                    block,
                    line,
                    do_line,
                    end_line,
                });
            }
            Token::Do => {
                self.advance()?;
                let block = self.block()?;
                self.check_match(&Token::End, &Token::Do, line)?;
                out.push(Stat::Do(block));
            }
            Token::For => out.push(self.for_stat(line)?),
            Token::Repeat => {
                self.advance()?;
                let block = self.block()?;
                self.check_match(&Token::Until, &Token::Repeat, line)?;
                let cond = self.expr()?;
                out.push(Stat::Repeat { block, cond, line });
            }
            Token::Function => out.push(self.function_stat(line)?),
            Token::Local => {
                self.advance()?;
                if self.test_next(&Token::Function)? {
                    // The name is declared at the `(`: `body` records where that is.
                    let name = self.check_name()?;
                    let body_line = self.line();
                    let body = Box::new(self.body(false, body_line)?);
                    out.push(Stat::LocalFunction { name, body, line });
                } else {
                    out.push(self.local_stat(line)?);
                }
            }
            Token::DbColon => {
                self.advance()?;
                let name = self.check_name()?;
                self.check_next(&Token::DbColon)?;
                let index = out.len();
                out.push(Stat::Label {
                    name,
                    line,
                    next: 0,
                    at_block_end: false,
                });
                // lua5.4 reads the no-op statements after a label as part of it.
                while self.is_char(b';') || self.is(&Token::DbColon) {
                    self.statement(out)?;
                }
                let pos = self.pos();
                let block_end = if self.is_stop() {
                    self.stop_ends_block
                } else {
                    self.block_follow(false)
                };
                if let Some(Stat::Label {
                    next, at_block_end, ..
                }) = out.get_mut(index)
                {
                    *next = pos;
                    *at_block_end = block_end;
                }
                self.leave_level();
                return Ok(());
            }
            Token::Break => {
                self.advance()?;
                out.push(Stat::Break { line });
            }
            Token::Goto => {
                self.advance()?;
                // lua5.4 attributes a goto to the line of its label name.
                let line = self.line();
                let label = self.check_name()?;
                out.push(Stat::Goto { label, line });
            }
            _ => out.push(self.expr_stat(line)?),
        }
        self.leave_level();
        Ok(())
    }

    /// `if cond then block {elseif cond then block} [else block] end`.
    fn if_stat(&mut self, line: u32) -> Result<Stat> {
        let mut arms = vec![self.test_then_block()?];
        while self.is(&Token::Elseif) {
            arms.push(self.test_then_block()?);
        }
        let else_block = if self.test_next(&Token::Else)? {
            Some(self.block()?)
        } else {
            None
        };
        self.check_match(&Token::End, &Token::If, line)?;
        Ok(Stat::If {
            arms,
            else_block,
            line,
        })
    }

    /// `[if | elseif] cond then block`.
    fn test_then_block(&mut self) -> Result<IfArm> {
        self.advance()?;
        let cond = self.expr()?;
        let then_line = self.line();
        self.check_next(&Token::Then)?;
        if !self.is(&Token::Break) {
            let block = self.block()?;
            return Ok(IfArm {
                cond,
                then_line,
                block,
            });
        }
        // lua5.4 reads a `break` right after `then` without entering a statement level.
        let line = self.line();
        self.advance()?;
        while self.test_next(&Token::Char(b';'))? {}
        let stats = vec![Stat::Break { line }];
        let block = if self.block_follow(false) {
            Block { stats, ret: None }
        } else {
            self.block_from(stats)?
        };
        Ok(IfArm {
            cond,
            then_line,
            block,
        })
    }

    /// `for name = ...` or `for names in ...`, from the `for`.
    fn for_stat(&mut self, line: u32) -> Result<Stat> {
        self.advance()?;
        let var = self.declared()?;
        let mut stat = match self.tok() {
            Token::Char(b'=') => {
                self.advance()?;
                let start = self.expr()?;
                self.check_next(&Token::Char(b','))?;
                let limit = self.expr()?;
                let step = if self.test_next(&Token::Char(b','))? {
                    Some(self.expr()?)
                } else {
                    None
                };
                let (do_line, block) = self.for_body()?;
                Stat::NumericFor {
                    var,
                    start,
                    limit,
                    step,
                    block,
                    line,
                    do_line,
                    end_line: 0,
                }
            }
            Token::Char(b',') | Token::In => {
                let mut names = vec![var];
                while self.test_next(&Token::Char(b','))? {
                    names.push(self.declared()?);
                }
                self.check_next(&Token::In)?;
                let exprs = self.expr_list()?;
                let (do_line, block) = self.for_body()?;
                Stat::GenericFor {
                    names,
                    exprs,
                    block,
                    line,
                    do_line,
                    end_line: 0,
                }
            }
            _ if self.is_stop() => {
                self.past_stop = true;
                Stat::GenericFor {
                    names: vec![var],
                    exprs: Vec::new(),
                    block: Block::default(),
                    line,
                    do_line: line,
                    end_line: 0,
                }
            }
            _ => return Err(self.error("'=' or 'in' expected")),
        };
        if let Stat::NumericFor { end_line, .. } | Stat::GenericFor { end_line, .. } = &mut stat {
            *end_line = self.line();
        }
        self.check_match(&Token::End, &Token::For, line)?;
        Ok(stat)
    }

    /// A name and the position of the token after it.
    fn declared(&mut self) -> Result<Declared> {
        let name = self.check_name()?;
        Ok(Declared {
            name,
            next: self.pos(),
        })
    }

    /// `do block`: the line of the `do` and the block.
    fn for_body(&mut self) -> Result<(u32, Block)> {
        let do_line = self.line();
        self.check_next(&Token::Do)?;
        Ok((do_line, self.block()?))
    }

    /// `function a.b.c:m body`, from the `function`.
    fn function_stat(&mut self, line: u32) -> Result<Stat> {
        self.advance()?;
        let mut path = vec![(self.check_name()?, self.last_line)];
        while self.test_next(&Token::Char(b'.'))? {
            path.push((self.check_name()?, self.last_line));
        }
        let method = if self.test_next(&Token::Char(b':'))? {
            Some(self.check_name()?)
        } else {
            None
        };
        let body = Box::new(self.body(method.is_some(), line)?);
        Ok(Stat::Function {
            path,
            method,
            body,
            line,
        })
    }

    /// `local name attrib {, name attrib} [= exprs]`, after the `local`.
    fn local_stat(&mut self, line: u32) -> Result<Stat> {
        let mut names = Vec::new();
        let mut has_close = false;
        loop {
            let name = self.check_name()?;
            let next = self.pos();
            let attrib = self.attrib()?;
            if attrib == Attrib::Close {
                if has_close {
                    return Err(self.error_plain("multiple to-be-closed variables in local list"));
                }
                has_close = true;
            }
            names.push(LocalName { name, attrib, next });
            if !self.test_next(&Token::Char(b','))? {
                break;
            }
        }
        let exprs = if self.test_next(&Token::Char(b'='))? {
            self.expr_list()?
        } else {
            Vec::new()
        };
        Ok(Stat::Local { names, exprs, line })
    }

    /// `['<' name '>']` after a local name.
    fn attrib(&mut self) -> Result<Attrib> {
        if !self.test_next(&Token::Char(b'<'))? {
            return Ok(Attrib::None);
        }
        let name = self.check_name()?;
        self.check_next(&Token::Char(b'>'))?;
        match name.as_str() {
            "const" => Ok(Attrib::Const),
            "close" => Ok(Attrib::Close),
            // Only a recovery parse reads an empty name (at its stop).
            "" => Ok(Attrib::None),
            _ => Err(self.error_plain(&format!("unknown attribute '{name}'"))),
        }
    }

    /// `return [exprs] [';']`, after the `return`.
    fn return_stat(&mut self, line: u32) -> Result<Return> {
        let exprs = if self.block_follow(true) || self.is_char(b';') {
            Vec::new()
        } else {
            self.expr_list()?
        };
        self.test_next(&Token::Char(b';'))?;
        Ok(Return { exprs, line })
    }

    /// A call statement or an assignment.
    fn expr_stat(&mut self, line: u32) -> Result<Stat> {
        let first = self.suffixed_expr()?;
        if self.is_char(b'=') || self.is_char(b',') {
            return self.assignment(first, line);
        }
        if !matches!(
            first.kind,
            ExprKind::Call { .. } | ExprKind::MethodCall { .. }
        ) && !self.at_stop()
        {
            return Err(self.error("syntax error"));
        }
        Ok(Stat::Call(first))
    }

    /// The rest of `t1, t2 = e1, e2` once the first target is read.
    fn assignment(&mut self, first: Expr, line: u32) -> Result<Stat> {
        let mut targets = vec![first];
        // lua5.4 recurses once per extra target, each time entering a level.
        let mut levels = 0;
        loop {
            let last = targets.last().expect("starts with one target");
            if !matches!(last.kind, ExprKind::Name(_) | ExprKind::Index { .. }) && !self.at_stop() {
                return Err(self.error("syntax error"));
            }
            if !self.test_next(&Token::Char(b','))? {
                break;
            }
            targets.push(self.suffixed_expr()?);
            self.enter_level()?;
            levels += 1;
        }
        self.check_next(&Token::Char(b'='))?;
        let exprs = self.expr_list()?;
        for _ in 0..levels {
            self.leave_level();
        }
        Ok(Stat::Assign {
            targets,
            exprs,
            line,
        })
    }

    /// `'(' params ')' block end`: a function body; `line` is its `linedefined`.
    pub(super) fn body(&mut self, is_method: bool, line: u32) -> Result<FuncBody> {
        let mut params = Vec::new();
        let open = self.pos();
        if is_method {
            params.push(Declared {
                name: "self".to_owned(),
                next: open,
            });
        }
        self.check_next(&Token::Char(b'('))?;
        let mut is_vararg = false;
        if !self.is_char(b')') {
            loop {
                match self.tok() {
                    Token::Name(_) => params.push(self.declared()?),
                    Token::Dots => {
                        self.advance()?;
                        is_vararg = true;
                    }
                    _ if self.is_stop() => {
                        self.past_stop = true;
                        break;
                    }
                    _ => return Err(self.error("<name> or '...' expected")),
                }
                if is_vararg || !self.test_next(&Token::Char(b','))? {
                    break;
                }
            }
        }
        self.check_next(&Token::Char(b')'))?;
        let outer_vararg = std::mem::replace(&mut self.vararg, is_vararg);
        let block = self.block()?;
        self.vararg = outer_vararg;
        let end_line = self.line();
        self.check_match(&Token::End, &Token::Function, line)?;
        Ok(FuncBody {
            params,
            is_vararg,
            block,
            line,
            end_line,
            open,
            after_end: self.pos(),
        })
    }
}
