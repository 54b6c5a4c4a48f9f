//! The abstract syntax tree of a Lua 5.4 chunk: what the parser produces and the compiler reads.
//!
//! The tree is plain data with no GC pointers, so parsing and compiling need no arena (the
//! parse+compile fuzz target relies on that). Every node that can raise a runtime error carries
//! the source line the reference compiler would attribute to the instruction it becomes, so
//! error positions match `lua5.4`.

/// An identifier. Lua identifiers are ASCII letters, digits and `_`.
pub type Name = String;

/// The byte offset in the source of a token's first byte (the source length for `<eof>`).
///
/// lua5.4 compiles while it parses, so a compile error (too many locals, registers or
/// upvalues, a missing label, an assignment to a constant) is reported at the token the parser
/// is looking at when the compiler hits the limit: its line and, for limits, `near '<token>'`.
/// The tree records these tokens by position; [`Chunk::source`] turns one back into a line
/// and a token text only when an error needs it.
pub type TokPos = u32;

/// A whole chunk: the body of the implicit main function (which is vararg).
#[derive(Debug, Clone, PartialEq)]
pub struct Chunk {
    pub block: Block,
    /// Line of the last token of the chunk (not the `<eof>` line: trailing blank lines and
    /// comments do not count, as in lua5.4), used for the final `return`.
    pub end_line: u32,
    /// The `<eof>` token, where errors found when the main function ends are reported.
    pub eof: TokPos,
    /// The source text the [`TokPos`] positions point into.
    pub source: std::sync::Arc<[u8]>,
}

/// A name declared at a point where lua5.4 checks the local-variable limit.
#[derive(Debug, Clone, PartialEq)]
pub struct Declared {
    pub name: Name,
    /// The token after the name: where lua5.4 reports "too many local variables".
    pub next: TokPos,
}

/// A sequence of statements, optionally ended by a `return`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Block {
    pub stats: Vec<Stat>,
    pub ret: Option<Return>,
}

/// `return e1, e2, ...` at the end of a block.
#[derive(Debug, Clone, PartialEq)]
pub struct Return {
    pub exprs: Vec<Expr>,
    /// Line of the `return` keyword.
    pub line: u32,
}

/// The attribute of a local variable (`<const>` or `<close>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attrib {
    None,
    Const,
    Close,
}

/// A local variable declared by a `local` statement.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalName {
    pub name: Name,
    pub attrib: Attrib,
    /// The token after the name (before the attribute).
    pub next: TokPos,
}

/// A statement. `line` fields are the line of the statement's first token unless noted.
#[derive(Debug, Clone, PartialEq)]
pub enum Stat {
    /// A function call used as a statement; the expression is always `Call` or `MethodCall`.
    Call(Expr),
    /// `local n1 <attr>, n2 = e1, e2`.
    Local {
        names: Vec<LocalName>,
        exprs: Vec<Expr>,
        line: u32,
    },
    /// `t1, t2 = e1, e2`; every target is `Name` or `Index`.
    Assign {
        targets: Vec<Expr>,
        exprs: Vec<Expr>,
        line: u32,
    },
    /// `do ... end` (its scope ends before the `end` is read, as in lua5.4).
    Do(Block),
    /// `while cond do ... end`; `do_line` and `end_line` are the lines of `do` and `end`.
    While {
        cond: Expr,
        block: Block,
        line: u32,
        do_line: u32,
        end_line: u32,
    },
    /// `repeat ... until cond`; `cond` sees the block's locals.
    Repeat { block: Block, cond: Expr, line: u32 },
    /// `if c1 then b1 elseif c2 then b2 else b3 end`: `arms` holds (c1,b1), (c2,b2).
    If {
        arms: Vec<IfArm>,
        else_block: Option<Block>,
        line: u32,
    },
    /// `for var = start, limit, step do ... end`. `line` is the line of the `for` keyword,
    /// `do_line` of the `do` (where the loop is prepared).
    NumericFor {
        var: Declared,
        start: Expr,
        limit: Expr,
        step: Option<Expr>,
        block: Block,
        line: u32,
        do_line: u32,
        end_line: u32,
    },
    /// `for n1, n2 in e1, e2 do ... end`. `line` is the line of the `for` keyword.
    GenericFor {
        names: Vec<Declared>,
        exprs: Vec<Expr>,
        block: Block,
        line: u32,
        do_line: u32,
        end_line: u32,
    },
    /// `function a.b.c:m() ... end`. `path` is `["a", "b", "c"]` (at least one name);
    /// `method` is `Some("m")` for the colon form, whose body already lists `self` first.
    Function {
        /// The names with their lines (lua5.4 reads each field when it has read the name).
        path: Vec<(Name, u32)>,
        method: Option<Name>,
        body: Box<FuncBody>,
        line: u32,
    },
    /// `local function f() ... end` (`f` is in scope inside its own body).
    LocalFunction {
        name: Name,
        body: Box<FuncBody>,
        line: u32,
    },
    /// `goto label`. `line` is the line of the label name, as in lua5.4's messages.
    Goto { label: Name, line: u32 },
    /// `::label::`. `next` is the token after it and the no-op statements that follow it
    /// (where lua5.4 creates the label and reports its errors); `at_block_end` tells whether
    /// that token ends the block (`end`, `else`, `elseif`, `<eof>`, but not `until`): the
    /// label is then outside the scope of the block's locals.
    Label {
        name: Name,
        line: u32,
        next: TokPos,
        at_block_end: bool,
    },
    /// `break`.
    Break { line: u32 },
}

/// `cond then block` of an `if` or `elseif`.
#[derive(Debug, Clone, PartialEq)]
pub struct IfArm {
    pub cond: Expr,
    /// Line of the `then`: lua5.4 reads it before testing the condition.
    pub then_line: u32,
    pub block: Block,
}

/// A function body: parameters and block.
#[derive(Debug, Clone, PartialEq)]
pub struct FuncBody {
    /// Parameter names in order; for methods `self` is the first one (its `next` is the `(`).
    pub params: Vec<Declared>,
    /// Whether the parameter list ends with `...`.
    pub is_vararg: bool,
    pub block: Block,
    /// lua5.4's `linedefined`: the line of the `function` keyword of a function statement,
    /// but of the token after `function` (or after the name of a `local function`), normally
    /// the `(`, for function expressions and local functions.
    pub line: u32,
    /// Line of the closing `end` (`lastlinedefined`).
    pub end_line: u32,
    /// The `(` opening the parameters (where a `local function`'s name is declared).
    pub open: TokPos,
    /// The token after the closing `end`, where lua5.4 closes the function (and reports
    /// its missing labels).
    pub after_end: TokPos,
}

/// An expression with the line the reference compiler attributes to it:
/// binary operators use the operator's line; calls use the line where the called prefix
/// expression starts (5.4's `luaK_fixline`); indexing uses the line of the last token of the key
/// (the closing `]` or the field name); everything else its first token's line.
///
/// `start`, `next` and `last_line` tell where the expression is in the token stream, so the
/// compiler can stand where lua5.4's parser stands when it generates each instruction.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub line: u32,
    /// The expression's first token.
    pub start: TokPos,
    /// The token right after the expression.
    pub next: TokPos,
    /// Line of the expression's last token (a closing `)`, `]` or `}` included).
    pub last_line: u32,
}

impl Expr {
    /// An expression on one line with no recorded positions (for trees built by hand).
    pub fn new(kind: ExprKind, line: u32) -> Expr {
        Expr {
            kind,
            line,
            start: 0,
            next: 0,
            last_line: line,
        }
    }
}

/// Dropping walks the tree with a worklist, not recursion: left-nested chains (`a+a+...`,
/// `a.b.c...`, `f()()...`) have no depth limit in lua5.4 and may be 100,000s deep. (The derived
/// `Clone`, `PartialEq` and `Debug` do recurse: they are for tests and small trees.)
impl Drop for Expr {
    fn drop(&mut self) {
        if is_shallow(&self.kind) {
            return;
        }
        let mut pending = Vec::new();
        take_children(&mut self.kind, &mut pending);
        while let Some(mut e) = pending.pop() {
            // Emptied first, `e` then drops without recursing.
            take_children(&mut e.kind, &mut pending);
        }
    }
}

/// Whether dropping an expression of this kind recurses at most a bounded depth: leaves, and
/// functions (whose nesting the parser limits).
fn is_shallow(kind: &ExprKind) -> bool {
    matches!(
        kind,
        ExprKind::Nil
            | ExprKind::True
            | ExprKind::False
            | ExprKind::VarArg
            | ExprKind::Integer(_)
            | ExprKind::Float(_)
            | ExprKind::String(_)
            | ExprKind::Name(_)
            | ExprKind::Function(_)
    )
}

/// Moves the sub-expressions of `kind` that have sub-expressions of their own to `out`.
fn take_children(kind: &mut ExprKind, out: &mut Vec<Expr>) {
    let mut take = |child: &mut Expr| {
        if !is_shallow(&child.kind) {
            out.push(std::mem::replace(child, Expr::new(ExprKind::Nil, 0)));
        }
    };
    match kind {
        ExprKind::Binary { lhs, rhs, .. } => {
            take(lhs);
            take(rhs);
        }
        ExprKind::Unary { operand: e, .. } | ExprKind::Paren(e) => take(e),
        ExprKind::Index { obj, key } => {
            take(obj);
            take(key);
        }
        ExprKind::Call { func: e, args } | ExprKind::MethodCall { obj: e, args, .. } => {
            take(e);
            args.iter_mut().for_each(take);
        }
        ExprKind::Table(fields) => {
            for field in fields {
                match field {
                    TableField::Positional(v) | TableField::Named(_, v, _) => take(v),
                    TableField::Keyed(k, v, _) => {
                        take(k);
                        take(v);
                    }
                }
            }
        }
        _ => {}
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Nil,
    True,
    False,
    /// `...` (only valid inside vararg functions; the parser checks).
    VarArg,
    Integer(i64),
    Float(f64),
    /// A string literal with escapes already decoded (arbitrary bytes).
    String(Vec<u8>),
    Function(Box<FuncBody>),
    Table(Vec<TableField>),
    Binary {
        op: BinOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    Unary {
        op: UnOp,
        operand: Box<Expr>,
    },
    /// A variable reference (local, upvalue or global: the compiler resolves it).
    Name(Name),
    /// `obj[key]`; `obj.name` is `Index` with a `String` key.
    Index {
        obj: Box<Expr>,
        key: Box<Expr>,
    },
    /// `func(args)`, `func "s"`, `func {t}`.
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
    },
    /// `obj:name(args)`; `args_at` is the token after the method name, `method_line` the
    /// line of the name (where lua5.4 emits the method lookup).
    MethodCall {
        obj: Box<Expr>,
        method: Name,
        args: Vec<Expr>,
        args_at: TokPos,
        method_line: u32,
    },
    /// `(e)`: truncates multiple results to one and stops being an assignment target.
    Paren(Box<Expr>),
}

/// A field of a table constructor.
#[derive(Debug, Clone, PartialEq)]
pub enum TableField {
    /// `e` (positional, numbered from 1).
    Positional(Expr),
    /// `name = e`; the position is the name's token.
    Named(Name, Expr, TokPos),
    /// `[k] = e`; the position is the `[`.
    Keyed(Expr, Expr, TokPos),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    IDiv,
    Mod,
    Pow,
    Concat,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
    BAnd,
    BOr,
    BXor,
    Shl,
    Shr,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnOp {
    /// `-e`
    Neg,
    /// `not e`
    Not,
    /// `#e`
    Len,
    /// `~e`
    BNot,
}
