//! The abstract syntax tree of a Lua 5.4 chunk: what the parser produces and the compiler reads.
//!
//! The tree is plain data with no GC pointers, so parsing and compiling need no arena (the
//! parse+compile fuzz target relies on that). Every node that can raise a runtime error carries
//! the source line the reference compiler would attribute to the instruction it becomes, so
//! error positions match `lua5.4`.

/// An identifier. Lua identifiers are ASCII letters, digits and `_`.
pub type Name = String;

/// A whole chunk: the body of the implicit main function (which is vararg).
#[derive(Debug, Clone, PartialEq)]
pub struct Chunk {
    pub block: Block,
    /// Line of the last token of the chunk (not the `<eof>` line: trailing blank lines and
    /// comments do not count, as in lua5.4), used for the final `return`.
    pub end_line: u32,
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
    /// `do ... end`.
    Do(Block),
    /// `while cond do ... end`.
    While { cond: Expr, block: Block, line: u32 },
    /// `repeat ... until cond`; `cond` sees the block's locals.
    Repeat { block: Block, cond: Expr, line: u32 },
    /// `if c1 then b1 elseif c2 then b2 else b3 end`: `arms` holds (c1,b1), (c2,b2).
    If {
        arms: Vec<(Expr, Block)>,
        else_block: Option<Block>,
        line: u32,
    },
    /// `for var = start, limit, step do ... end`. `line` is the line of the `for` keyword.
    NumericFor {
        var: Name,
        start: Expr,
        limit: Expr,
        step: Option<Expr>,
        block: Block,
        line: u32,
    },
    /// `for n1, n2 in e1, e2 do ... end`. `line` is the line of the `for` keyword.
    GenericFor {
        names: Vec<Name>,
        exprs: Vec<Expr>,
        block: Block,
        line: u32,
    },
    /// `function a.b.c:m() ... end`. `path` is `["a", "b", "c"]` (at least one name);
    /// `method` is `Some("m")` for the colon form, whose body already lists `self` first.
    Function {
        path: Vec<Name>,
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
    /// `::label::`.
    Label { name: Name, line: u32 },
    /// `break`.
    Break { line: u32 },
}

/// A function body: parameters and block.
#[derive(Debug, Clone, PartialEq)]
pub struct FuncBody {
    /// Parameter names in order; for methods `self` is the first one.
    pub params: Vec<Name>,
    /// Whether the parameter list ends with `...`.
    pub is_vararg: bool,
    pub block: Block,
    /// lua5.4's `linedefined`: the line of the `function` keyword of a function statement,
    /// but of the token after `function` (or after the name of a `local function`), normally
    /// the `(`, for function expressions and local functions.
    pub line: u32,
    /// Line of the closing `end` (`lastlinedefined`).
    pub end_line: u32,
}

/// An expression with the line the reference compiler attributes to it:
/// binary operators use the operator's line; calls use the line where the called prefix
/// expression starts (5.4's `luaK_fixline`); indexing uses the line of the last token of the key
/// (the closing `]` or the field name); everything else its first token's line.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub line: u32,
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
    /// `obj:name(args)`.
    MethodCall {
        obj: Box<Expr>,
        method: Name,
        args: Vec<Expr>,
    },
    /// `(e)`: truncates multiple results to one and stops being an assignment target.
    Paren(Box<Expr>),
}

/// A field of a table constructor.
#[derive(Debug, Clone, PartialEq)]
pub enum TableField {
    /// `e` (positional, numbered from 1).
    Positional(Expr),
    /// `name = e`.
    Named(Name, Expr),
    /// `[k] = e`.
    Keyed(Expr, Expr),
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
