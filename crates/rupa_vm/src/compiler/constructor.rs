//! Table constructors: `NewTable` sized from the fields, positional items flushed with
//! `SetList` every `FIELDS_PER_FLUSH`, a multi-value last item stored in full, record fields
//! stored as they come (5.4's `constructor`, `closelistfield`, `lastlistfield`).

use std::rc::Rc;

use crate::ast::{Expr, TableField};
use crate::opcode::{Op, Reg};

use super::expdesc::{ExpDesc, ExpKind};
use super::{CResult, Compiler, FIELDS_PER_FLUSH};

impl Compiler {
    /// A table constructor (5.4's `constructor`).
    pub(super) fn constructor(&mut self, fields: &[TableField], e: &Expr) -> CResult<ExpDesc> {
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
}
