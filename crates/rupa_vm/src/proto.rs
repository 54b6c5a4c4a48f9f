//! Function prototypes as the compiler produces them: bytecode, constants, nested prototypes and
//! debug information. Plain data, no GC pointers; the interpreter turns a `Proto` into its
//! GC-managed form when a chunk is loaded.

use std::rc::Rc;

use crate::opcode::Op;

/// A constant of a prototype.
#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    Nil,
    Boolean(bool),
    Integer(i64),
    Number(f64),
    String(Box<[u8]>),
}

/// Where a closure finds one of its upvalues when it is created.
#[derive(Debug, Clone, PartialEq)]
pub struct UpvalueDesc {
    /// The variable's name (`_ENV` for the main chunk's only upvalue).
    pub name: String,
    /// `true`: register `index` of the enclosing function's frame; `false`: upvalue `index` of
    /// the enclosing closure.
    pub in_stack: bool,
    pub index: u8,
}

/// A local variable's name and the instructions where it is live, for error messages
/// ("local 'x'") and `debug.getlocal`.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalVar {
    pub name: String,
    /// First instruction where the variable is active.
    pub start_pc: u32,
    /// First instruction where the variable is dead.
    pub end_pc: u32,
}

/// A compiled function.
#[derive(Debug, Clone, PartialEq)]
pub struct Proto {
    /// The chunk name as given to `load` (`"=stdin"`, `"@file.lua"`, or the source text).
    pub source: Rc<str>,
    /// `linedefined`: 0 for a main chunk.
    pub line_defined: u32,
    /// `lastlinedefined`: 0 for a main chunk.
    pub last_line_defined: u32,
    pub num_params: u8,
    pub is_vararg: bool,
    /// Registers the function needs (frame size), at most 255.
    pub max_stack: u8,
    pub code: Vec<Op>,
    /// Source line of each instruction (`lines.len() == code.len()`).
    pub lines: Vec<u32>,
    pub constants: Vec<Constant>,
    pub upvalues: Vec<UpvalueDesc>,
    /// Nested function prototypes, indexed by `Op::Closure::proto`.
    pub protos: Vec<Rc<Proto>>,
    /// Local variables in order of declaration (as 5.4's `locvars`: register of a variable is
    /// its position among the variables active at that pc).
    pub local_vars: Vec<LocalVar>,
}
