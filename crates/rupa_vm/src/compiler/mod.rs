//! The compiler from the AST ([`crate::ast`]) to register bytecode ([`crate::opcode`]).
//!
//! It follows the shape of PUC Lua 5.4's single-pass code generator (`lparser.c` + `lcode.c`):
//! expressions are compiled into pending descriptions (`expdesc::ExpDesc`) that are discharged
//! into registers only when needed, conditional code is built from threaded jump lists, and locals
//! live in the registers numbered by their position among active locals. Keeping 5.4's code shapes
//! matters beyond speed: the interpreter names variables in error messages by symbolic execution
//! of this bytecode, as 5.4's `getobjname` does.
//!
//! lua5.4 reports compile errors at the token its parser is looking at; the compiler keeps a
//! cursor (`Compiler::cursor`, an [`ast::TokPos`]) moved through the tree's recorded token
//! positions at the same points, so its messages name the same line and `near` token.
//!
//! This module owns the per-function state, instruction emission, register allocation, the
//! constant table and jump lists. It must not evaluate anything at run time: only constant
//! folding that cannot raise an error happens here (`fold`).

mod cond;
mod constructor;
mod disasm;
mod expdesc;
mod expr;
mod fold;
mod operator;
mod scope;
mod stat;
mod suffix;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::rc::Rc;

use crate::ast::{self, TokPos};
use crate::chunkname::short_source;
use crate::error::SyntaxError;
use crate::lexer::token_at;
use crate::opcode::{Op, Reg};
use crate::proto::{Constant, LocalVar, Proto, UpvalueDesc};

pub use disasm::disassemble;

/// Result of a compile step; errors are complete lua5.4-worded messages.
type CResult<T> = Result<T, SyntaxError>;

/// Sentinel for "no jump" in threaded jump lists (5.4's `NO_JUMP`).
const NO_JUMP: usize = usize::MAX;
/// Jump offset marking the end of a pending jump list (a jump to itself never ends a list
/// because lists are consumed before their jumps can point to themselves).
const LIST_END: i32 = -1;
/// Largest register count of a frame: registers `0..MAX_REGS` (5.4's `MAXREGS`).
const MAX_REGS: u32 = 255;
/// Largest number of local variables per function (5.4's `MAXVARS`).
const MAX_VARS: usize = 200;
/// Largest number of upvalues per function (5.4's `MAXUPVAL`).
const MAX_UPVALUES: usize = 255;
/// Placeholder register of a `TestSet` whose destination is not known yet (5.4's `NO_REG`).
const NO_REG: Reg = 255;
/// Largest forward/backward distance of a `for` loop jump (5.4's `MAXARG_Bx`).
const MAX_FOR_JUMP: usize = (1 << 17) - 1;
/// Range of `Jmp` offsets (5.4's `sJ` argument): longer jumps are "control structure too long".
const JUMP_RANGE: std::ops::RangeInclusive<i64> = -((1 << 24) - 1)..=(1 << 24);
/// Positional items stored per `SetList` (5.4's `LFIELDS_PER_FLUSH`).
const FIELDS_PER_FLUSH: u32 = 50;

/// Compiles a parsed chunk into the main function prototype (vararg, one upvalue `_ENV`
/// with in_stack = true, index 0, as 5.4 does).
pub fn compile(chunk: &ast::Chunk, chunk_name: &str) -> Result<Rc<Proto>, SyntaxError> {
    let mut c = Compiler::new(chunk, chunk_name);
    c.main(chunk)
}

/// The compile error of a chunk, if any, with the token lua5.4's parser would be looking at
/// when raising it.
pub(crate) fn first_error(chunk: &ast::Chunk, chunk_name: &str) -> Option<(SyntaxError, TokPos)> {
    let mut c = Compiler::new(chunk, chunk_name);
    // The cursor stays where the error was raised: errors return at once.
    c.main(chunk).err().map(|e| (e, c.cursor))
}

impl Compiler {
    fn new(chunk: &ast::Chunk, chunk_name: &str) -> Compiler {
        Compiler {
            source: Rc::from(chunk_name),
            short_source: short_source(chunk_name),
            text: chunk.source.clone(),
            cursor: 0,
            funcs: Vec::new(),
            actvar: Vec::new(),
            gotos: Vec::new(),
            labels: Vec::new(),
        }
    }

    /// Compiles the main function.
    fn main(&mut self, chunk: &ast::Chunk) -> Result<Rc<Proto>, SyntaxError> {
        let c = self;
        c.open_function(0, true);
        {
            let fs = c.fs();
            fs.upvalues.push(UpvalueDesc {
                name: "_ENV".to_string(),
                in_stack: true,
                index: 0,
            });
            fs.upvalue_kinds.push(VarKind::Regular);
        }
        c.block_body(&chunk.block)?;
        c.fs().advance_line(chunk.end_line);
        // lua5.4 closes the main function at `<eof>`: pending gotos are reported there.
        c.at(chunk.eof);
        let proto = c.close_function(chunk.end_line)?;
        Ok(Rc::new(proto))
    }
}

/// What kind of variable a local is (5.4's `VDKREG`, `RDKCONST`, `RDKTOCLOSE`, `RDKCTC`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum VarKind {
    Regular,
    /// `<const>` kept in a register (read-only).
    Const,
    /// `<close>` (read-only, closed on scope exit).
    Close,
    /// `<const>` with a compile-time value: no register.
    CompileTime,
}

/// A compile-time constant value (of a `<const>` local or a folded expression).
#[derive(Clone, Debug, PartialEq)]
enum KValue {
    Nil,
    Bool(bool),
    Int(i64),
    Flt(f64),
    Str(Rc<[u8]>),
}

/// A local variable being compiled (5.4's `Vardesc`).
#[derive(Clone, Debug)]
struct VarDesc {
    name: String,
    kind: VarKind,
    /// Register holding the variable (unused for compile-time constants).
    reg: Reg,
    /// Index into the prototype's `local_vars` (unused for compile-time constants).
    debug_index: usize,
    /// The value of a compile-time constant.
    value: Option<KValue>,
}

/// A pending `goto` or a visible label (5.4's `Labeldesc`).
#[derive(Clone, Debug)]
struct LabelDesc {
    name: String,
    /// For a goto, the jump (or jump list); for a label, its pc.
    pc: usize,
    line: u32,
    /// Number of active locals at that point.
    nactvar: usize,
    /// Register level of those locals (kept because the locals may be gone when it is needed).
    reg_level: u8,
    /// A goto that leaves the scope of a captured variable needs a `Close`.
    close: bool,
}

/// A lexical block being compiled (5.4's `BlockCnt`).
#[derive(Clone, Debug)]
struct BlockCnt {
    first_label: usize,
    first_goto: usize,
    /// Active locals outside the block.
    nactvar: usize,
    /// Some local of the block is captured by a closure (or is to-be-closed).
    upval: bool,
    is_loop: bool,
    inside_tbc: bool,
}

/// Key for deduplicating constants: floats by bits so `0.0` and `-0.0` stay apart, and
/// integers never merge with floats.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum ConstKey {
    Nil,
    Bool(bool),
    Int(i64),
    Flt(u64),
    Str(Rc<[u8]>),
}

/// The state of one function being compiled (5.4's `FuncState`).
struct FuncState {
    code: Vec<Op>,
    lines: Vec<u32>,
    constants: Vec<Constant>,
    const_cache: HashMap<ConstKey, u32>,
    upvalues: Vec<UpvalueDesc>,
    /// Kind of the variable each upvalue refers to (for "assign to const variable").
    upvalue_kinds: Vec<VarKind>,
    protos: Vec<Rc<Proto>>,
    local_vars: Vec<LocalVar>,
    line_defined: u32,
    num_params: u8,
    is_vararg: bool,
    max_stack: u32,
    /// Index in `Compiler::actvar` of this function's first local.
    first_local: usize,
    /// Index in `Compiler::labels` of this function's first label.
    first_label: usize,
    /// Active locals (compile-time constants included).
    nactvar: usize,
    /// First free register.
    freereg: u32,
    blocks: Vec<BlockCnt>,
    /// pc of the last jump target: instructions before it must not be merged with new ones.
    last_target: usize,
    /// Line of the last source token consumed, as far as the AST tells (5.4's `lastline`).
    line: u32,
    /// A jump went beyond 5.4's range; reported at the end of the statement.
    jump_too_long: bool,
}

impl FuncState {
    /// Moves the current line forward (source lines are consumed in order).
    fn advance_line(&mut self, line: u32) {
        if line > self.line {
            self.line = line;
        }
    }

    fn pc(&self) -> usize {
        self.code.len()
    }
}

/// The whole compilation: the stack of functions being compiled and the lists shared by them
/// (5.4's `Dyndata`).
struct Compiler {
    source: Rc<str>,
    short_source: String,
    /// The source text, to render the positions of errors.
    text: std::sync::Arc<[u8]>,
    /// The token lua5.4's parser would be looking at now: compile errors are reported there.
    cursor: TokPos,
    funcs: Vec<FuncState>,
    actvar: Vec<VarDesc>,
    gotos: Vec<LabelDesc>,
    labels: Vec<LabelDesc>,
}

impl Compiler {
    fn fs(&mut self) -> &mut FuncState {
        self.funcs
            .last_mut()
            .expect("a function is always open while compiling")
    }

    fn fs_ref(&self) -> &FuncState {
        self.funcs
            .last()
            .expect("a function is always open while compiling")
    }

    /// Moves the cursor to the token at `pos` (where lua5.4's parser stands next).
    fn at(&mut self, pos: TokPos) {
        self.cursor = pos;
    }

    /// A syntax error at the cursor: its line, and `near` its token (5.4's
    /// `luaX_syntaxerror`).
    #[cold]
    fn error(&self, msg: impl std::fmt::Display) -> SyntaxError {
        let (line, near) = token_at(&self.text, self.cursor);
        let msg = msg.to_string();
        match near {
            Some(near) => SyntaxError {
                message: format!("{}:{}: {} near {}", self.short_source, line, msg, near),
            },
            None => self.error_plain_at(line, &msg),
        }
    }

    /// An error on the cursor's line without a "near" part (5.4's `luaK_semerror`).
    #[cold]
    fn error_plain(&self, msg: impl std::fmt::Display) -> SyntaxError {
        let (line, _) = token_at(&self.text, self.cursor);
        self.error_plain_at(line, &msg.to_string())
    }

    fn error_plain_at(&self, line: u32, msg: &str) -> SyntaxError {
        SyntaxError {
            message: format!("{}:{}: {}", self.short_source, line, msg),
        }
    }

    /// "too many X (limit is N) in F" (5.4's `errorlimit`).
    fn error_limit(&self, limit: usize, what: &str) -> SyntaxError {
        let line = self.fs_ref().line_defined;
        let place = if line == 0 {
            "main function".to_string()
        } else {
            format!("function at line {line}")
        };
        self.error(format!("too many {what} (limit is {limit}) in {place}"))
    }

    fn open_function(&mut self, line_defined: u32, is_vararg: bool) {
        let fs = FuncState {
            code: Vec::new(),
            lines: Vec::new(),
            constants: Vec::new(),
            const_cache: HashMap::new(),
            upvalues: Vec::new(),
            upvalue_kinds: Vec::new(),
            protos: Vec::new(),
            local_vars: Vec::new(),
            line_defined,
            num_params: 0,
            is_vararg,
            // Registers 0 and 1 are always valid, as in 5.4.
            max_stack: 2,
            first_local: self.actvar.len(),
            first_label: self.labels.len(),
            nactvar: 0,
            freereg: 0,
            blocks: Vec::new(),
            last_target: 0,
            line: line_defined,
            jump_too_long: false,
        };
        self.funcs.push(fs);
        self.enter_block(false);
    }

    /// Ends the current function: final `return`, block exit, jump threading.
    fn close_function(&mut self, last_line: u32) -> CResult<Proto> {
        let base = self.nvarstack();
        self.emit(Op::Return { base, count: 1 });
        self.leave_block()?;
        let mut fs = self
            .funcs
            .pop()
            .expect("close_function pairs with open_function");
        finish_jumps(&mut fs.code);
        Ok(Proto {
            source: self.source.clone(),
            line_defined: fs.line_defined,
            last_line_defined: if fs.line_defined == 0 { 0 } else { last_line },
            num_params: fs.num_params,
            is_vararg: fs.is_vararg,
            max_stack: u8::try_from(fs.max_stack).expect("checked against MAX_REGS"),
            code: fs.code,
            lines: fs.lines,
            constants: fs.constants,
            upvalues: fs.upvalues,
            protos: fs.protos,
            local_vars: fs.local_vars,
        })
    }

    // ---- emission ----

    /// Emits an instruction at the current line; returns its pc.
    fn emit(&mut self, op: Op) -> usize {
        let fs = self.fs();
        let line = fs.line;
        fs.code.push(op);
        fs.lines.push(line);
        fs.code.len() - 1
    }

    /// Sets the line of the last instruction (5.4's `luaK_fixline`).
    fn fix_line(&mut self, line: u32) {
        let fs = self.fs();
        if let Some(l) = fs.lines.last_mut() {
            *l = line;
        }
    }

    /// Marks the current pc as a jump target and returns it (5.4's `luaK_getlabel`).
    fn get_label(&mut self) -> usize {
        let fs = self.fs();
        fs.last_target = fs.pc();
        fs.last_target
    }

    /// The last instruction, when it may be merged with a new one (no jump lands between).
    fn previous_instruction(&mut self) -> Option<&mut Op> {
        let fs = self.fs();
        if fs.pc() > fs.last_target {
            fs.code.last_mut()
        } else {
            None
        }
    }

    /// Emits `LoadNil`, merging it with a directly preceding one when ranges touch.
    fn code_nil(&mut self, from: u32, n: u32) {
        let mut l = from + n - 1;
        let mut from = from;
        if let Some(Op::LoadNil { dst, count }) = self.previous_instruction() {
            let pfrom = *dst as u32;
            let pl = pfrom + *count as u32 - 1;
            if (pfrom <= from && from <= pl + 1) || (from <= pfrom && pfrom <= l + 1) {
                from = from.min(pfrom);
                l = l.max(pl);
                *dst = from as Reg;
                *count = (l - from + 1) as u8;
                return;
            }
        }
        self.emit(Op::LoadNil {
            dst: from as Reg,
            count: n as u8,
        });
    }

    // ---- registers ----

    /// Number of registers used by active locals (5.4's `luaY_nvarstack`).
    fn nvarstack(&self) -> Reg {
        self.reg_level(self.fs_ref().nactvar)
    }

    /// Register level of the first `nvar` locals of the current function (5.4's `reglevel`).
    fn reg_level(&self, nvar: usize) -> Reg {
        let fs = self.fs_ref();
        let vars = &self.actvar[fs.first_local..fs.first_local + nvar];
        vars.iter()
            .rev()
            .find(|v| v.kind != VarKind::CompileTime)
            .map_or(0, |v| v.reg + 1)
    }

    fn check_stack(&mut self, n: u32) -> CResult<()> {
        let fs = self.fs_ref();
        let new = fs.freereg + n;
        if new > fs.max_stack {
            if new >= MAX_REGS {
                return Err(self.error("function or expression needs too many registers"));
            }
            self.fs().max_stack = new;
        }
        Ok(())
    }

    fn reserve_regs(&mut self, n: u32) -> CResult<()> {
        self.check_stack(n)?;
        self.fs().freereg += n;
        Ok(())
    }

    /// Frees `reg` if it is a temporary (above the locals).
    fn free_reg(&mut self, reg: Reg) {
        if reg >= self.nvarstack() {
            let fs = self.fs();
            fs.freereg -= 1;
            debug_assert_eq!(reg as u32, fs.freereg, "registers are freed in stack order");
        }
    }

    fn freereg(&self) -> Reg {
        self.fs_ref().freereg as Reg
    }

    // ---- constants ----

    fn add_constant(&mut self, key: ConstKey, value: Constant) -> u32 {
        let fs = self.fs();
        if let Some(&k) = fs.const_cache.get(&key) {
            return k;
        }
        let k = fs.constants.len() as u32;
        fs.constants.push(value);
        fs.const_cache.insert(key, k);
        k
    }

    fn string_k(&mut self, s: &Rc<[u8]>) -> u32 {
        self.add_constant(
            ConstKey::Str(s.clone()),
            Constant::String(Box::from(&s[..])),
        )
    }

    fn int_k(&mut self, i: i64) -> u32 {
        self.add_constant(ConstKey::Int(i), Constant::Integer(i))
    }

    fn float_k(&mut self, f: f64) -> u32 {
        self.add_constant(ConstKey::Flt(f.to_bits()), Constant::Number(f))
    }

    fn bool_k(&mut self, b: bool) -> u32 {
        self.add_constant(ConstKey::Bool(b), Constant::Boolean(b))
    }

    fn nil_k(&mut self) -> u32 {
        self.add_constant(ConstKey::Nil, Constant::Nil)
    }

    /// Loads an integer into `reg` (`LoadI` when it fits, else `LoadK`).
    fn code_int(&mut self, reg: Reg, i: i64) {
        if let Ok(value) = i32::try_from(i) {
            self.emit(Op::LoadI { dst: reg, value });
        } else {
            let k = self.int_k(i);
            self.emit(Op::LoadK { dst: reg, k });
        }
    }

    /// Loads a float into `reg` (`LoadF` when it is a small integral value, else `LoadK`).
    fn code_float(&mut self, reg: Reg, f: f64) {
        let small = f.fract() == 0.0
            && f >= i32::MIN as f64
            && f <= i32::MAX as f64
            && !(f == 0.0 && f.is_sign_negative());
        if small {
            self.emit(Op::LoadF {
                dst: reg,
                value: f as i32,
            });
        } else {
            let k = self.float_k(f);
            self.emit(Op::LoadK { dst: reg, k });
        }
    }

    // ---- jumps ----

    /// Emits a jump that is not patched yet; returns its pc (5.4's `luaK_jump`).
    fn jump(&mut self) -> usize {
        self.emit(Op::Jmp { offset: LIST_END })
    }

    /// Where the jump at `pc` goes, or `NO_JUMP` at the end of a list.
    fn get_jump(&self, pc: usize) -> usize {
        match self.fs_ref().code[pc] {
            Op::Jmp { offset } if offset == LIST_END => NO_JUMP,
            Op::Jmp { offset } => (pc as i64 + 1 + offset as i64) as usize,
            _ => crate::vm_bug!("jump lists only link Jmp instructions"),
        }
    }

    fn fix_jump(&mut self, pc: usize, dest: usize) {
        let offset = dest as i64 - (pc as i64 + 1);
        if !JUMP_RANGE.contains(&offset) {
            self.fs().jump_too_long = true;
        }
        let offset = i32::try_from(offset).expect("code size is far below 2^31 instructions");
        match &mut self.fs().code[pc] {
            Op::Jmp { offset: o } => *o = offset,
            _ => crate::vm_bug!("jump lists only link Jmp instructions"),
        }
    }

    /// Joins jump list `l2` into list `l1` (5.4's `luaK_concat`). The order of jumps in a
    /// list does not matter, so the shorter list is linked in front of the longer one: long
    /// `or`/`and` chains stay linear.
    fn concat_jumps(&mut self, l1: &mut usize, l2: usize) {
        if l2 == NO_JUMP {
            return;
        }
        if *l1 == NO_JUMP {
            *l1 = l2;
            return;
        }
        let (mut a, mut b) = (*l1, l2);
        loop {
            let next_a = self.get_jump(a);
            if next_a == NO_JUMP {
                self.fix_jump(a, l2);
                return;
            }
            let next_b = self.get_jump(b);
            if next_b == NO_JUMP {
                self.fix_jump(b, *l1);
                *l1 = l2;
                return;
            }
            a = next_a;
            b = next_b;
        }
    }

    /// The instruction controlling the jump at `pc`: the test before it, if any.
    fn jump_control(&self, pc: usize) -> usize {
        let code = &self.fs_ref().code;
        if pc >= 1 && is_test(&code[pc - 1]) {
            pc - 1
        } else {
            pc
        }
    }

    /// Gives a `TestSet` controlling the jump at `node` the destination `reg`, or turns it into
    /// a `Test` when no value is needed. Returns false if the jump is not controlled by a
    /// `TestSet`.
    fn patch_test_reg(&mut self, node: usize, reg: Reg) -> bool {
        let ctl = self.jump_control(node);
        let fs = self.fs();
        match fs.code[ctl] {
            Op::TestSet { src, k, .. } => {
                fs.code[ctl] = if reg != NO_REG && reg != src {
                    Op::TestSet { dst: reg, src, k }
                } else {
                    Op::Test { reg: src, k }
                };
                true
            }
            _ => false,
        }
    }

    /// Drops the values of all `TestSet`s in a list.
    fn remove_values(&mut self, mut list: usize) {
        while list != NO_JUMP {
            self.patch_test_reg(list, NO_REG);
            list = self.get_jump(list);
        }
    }

    /// Patches every jump of `list`: to `vtarget` with the value in `reg` when controlled by a
    /// `TestSet`, else to `dtarget`.
    fn patch_list_aux(&mut self, mut list: usize, vtarget: usize, reg: Reg, dtarget: usize) {
        while list != NO_JUMP {
            let next = self.get_jump(list);
            if self.patch_test_reg(list, reg) {
                self.fix_jump(list, vtarget);
            } else {
                self.fix_jump(list, dtarget);
            }
            list = next;
        }
    }

    fn patch_list(&mut self, list: usize, target: usize) {
        self.patch_list_aux(list, target, NO_REG, target);
    }

    fn patch_to_here(&mut self, list: usize) {
        let here = self.get_label();
        self.patch_list(list, here);
    }

    /// Whether some jump of the list is not controlled by a `TestSet` (needs a pushed value).
    fn need_value(&self, mut list: usize) -> bool {
        while list != NO_JUMP {
            let ctl = self.jump_control(list);
            if !matches!(self.fs_ref().code[ctl], Op::TestSet { .. }) {
                return true;
            }
            list = self.get_jump(list);
        }
        false
    }

    /// Emits `Jmp` to a known (backward) target.
    fn jump_to(&mut self, target: usize) {
        let j = self.jump();
        self.patch_list(j, target);
    }
}

/// Whether `op` is a test followed by a jump.
fn is_test(op: &Op) -> bool {
    matches!(
        op,
        Op::Eq { .. } | Op::Lt { .. } | Op::Le { .. } | Op::Test { .. } | Op::TestSet { .. }
    )
}

/// Threads jumps to jumps to their final target (5.4's `finaltarget` in `luaK_finish`).
fn finish_jumps(code: &mut [Op]) {
    for pc in 0..code.len() {
        if let Op::Jmp { .. } = code[pc] {
            let mut target = pc;
            // Bounded like 5.4 so that jump cycles (`::a:: goto a`) terminate.
            for _ in 0..100 {
                match code.get(target) {
                    Some(&Op::Jmp { offset }) => {
                        target = (target as i64 + 1 + offset as i64) as usize;
                    }
                    _ => break,
                }
            }
            let offset = target as i64 - (pc as i64 + 1);
            code[pc] = Op::Jmp {
                offset: offset as i32,
            };
        }
    }
}
