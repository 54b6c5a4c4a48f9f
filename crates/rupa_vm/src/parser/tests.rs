//! Parser tests: tree shapes (shown as S-expressions), lines, and nesting limits.
//! Precedence and limits were checked against lua5.4 (5.4.4).

use super::parse;
use crate::ast::{Attrib, BinOp, Block, Chunk, Expr, ExprKind, Stat, TableField, UnOp};

fn chunk(src: &str) -> Chunk {
    parse(src.as_bytes(), src).unwrap_or_else(|e| panic!("{src:?}: {e}"))
}

fn error(src: &str) -> String {
    match parse(src.as_bytes(), src) {
        Ok(_) => panic!("{src:?} parsed"),
        Err(e) => e.message,
    }
}

/// The single expression returned by `return <src>`.
fn expr(src: &str) -> Expr {
    let mut chunk = chunk(&format!("return {src}"));
    let ret = chunk.block.ret.take().expect("a return");
    assert_eq!(ret.exprs.len(), 1, "{src}");
    ret.exprs.into_iter().next().expect("one expression")
}

fn binop(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::Div => "/",
        BinOp::IDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "^",
        BinOp::Concat => "..",
        BinOp::Eq => "==",
        BinOp::Ne => "~=",
        BinOp::Lt => "<",
        BinOp::Le => "<=",
        BinOp::Gt => ">",
        BinOp::Ge => ">=",
        BinOp::And => "and",
        BinOp::Or => "or",
        BinOp::BAnd => "&",
        BinOp::BOr => "|",
        BinOp::BXor => "~",
        BinOp::Shl => "<<",
        BinOp::Shr => ">>",
    }
}

fn list(exprs: &[Expr]) -> String {
    exprs.iter().map(sexp).collect::<Vec<_>>().join(" ")
}

/// A compact rendering of an expression.
fn sexp(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Nil => "nil".into(),
        ExprKind::True => "true".into(),
        ExprKind::False => "false".into(),
        ExprKind::VarArg => "...".into(),
        ExprKind::Integer(i) => i.to_string(),
        ExprKind::Float(f) => format!("{f:?}"),
        ExprKind::String(s) => format!("{:?}", String::from_utf8_lossy(s)),
        ExprKind::Function(body) => {
            let params: Vec<&str> = body.params.iter().map(|p| p.name.as_str()).collect();
            format!("(fn {})", params.join(" "))
        }
        ExprKind::Table(fields) => {
            let fields: Vec<String> = fields
                .iter()
                .map(|f| match f {
                    TableField::Positional(v) => sexp(v),
                    TableField::Named(n, v, _) => format!("{n}={}", sexp(v)),
                    TableField::Keyed(k, v, _) => format!("[{}]={}", sexp(k), sexp(v)),
                })
                .collect();
            format!("{{{}}}", fields.join(" "))
        }
        ExprKind::Binary { op, lhs, rhs } => {
            format!("({} {} {})", binop(*op), sexp(lhs), sexp(rhs))
        }
        ExprKind::Unary { op, operand } => {
            let op = match op {
                UnOp::Neg => "neg",
                UnOp::Not => "not",
                UnOp::Len => "#",
                UnOp::BNot => "bnot",
            };
            format!("({op} {})", sexp(operand))
        }
        ExprKind::Name(n) => n.clone(),
        ExprKind::Index { obj, key } => format!("{}[{}]", sexp(obj), sexp(key)),
        ExprKind::Call { func, args } => format!("(call {} {})", sexp(func), list(args)),
        ExprKind::MethodCall {
            obj, method, args, ..
        } => {
            format!("(method {} {method} {})", sexp(obj), list(args))
        }
        ExprKind::Paren(inner) => format!("(paren {})", sexp(inner)),
    }
}

fn param_names(body: &crate::ast::FuncBody) -> Vec<&str> {
    body.params.iter().map(|p| p.name.as_str()).collect()
}

fn shape(src: &str) -> String {
    sexp(&expr(src))
}

#[test]
fn precedence() {
    assert_eq!(shape("1 + 2 * 3"), "(+ 1 (* 2 3))");
    assert_eq!(shape("1 * 2 + 3"), "(+ (* 1 2) 3)");
    assert_eq!(shape("a or b and c"), "(or a (and b c))");
    assert_eq!(shape("a and b or c"), "(or (and a b) c)");
    assert_eq!(shape("a < b == c"), "(== (< a b) c)");
    assert_eq!(shape("a | b ~ c & d"), "(| a (~ b (& c d)))");
    assert_eq!(shape("a << b .. c"), "(<< a (.. b c))");
    assert_eq!(shape("a .. b + c"), "(.. a (+ b c))");
    assert_eq!(shape("a == b | c"), "(== a (| b c))");
    assert_eq!(shape("a & b << c"), "(& a (<< b c))");
    assert_eq!(shape("a + b % c // d / e"), "(+ a (/ (// (% b c) d) e))");
    assert_eq!(shape("not a == b"), "(== (not a) b)");
    assert_eq!(shape("-a * b"), "(* (neg a) b)");
    assert_eq!(shape("#t + 1"), "(+ (# t) 1)");
    assert_eq!(shape("~a & b"), "(& (bnot a) b)");
    assert_eq!(
        shape("a or b and c < d | e ~ f & g << h .. i + j * -k ^ l"),
        "(or a (and b (< c (| d (~ e (& f (<< g (.. h (+ i (* j (neg (^ k l))))))))))))"
    );
}

#[test]
fn associativity() {
    assert_eq!(shape("a - b - c"), "(- (- a b) c)");
    assert_eq!(shape("a / b * c"), "(* (/ a b) c)");
    assert_eq!(shape("a .. b .. c"), "(.. a (.. b c))");
    assert_eq!(shape("a ^ b ^ c"), "(^ a (^ b c))");
    assert_eq!(shape("a < b < c"), "(< (< a b) c)");
    assert_eq!(shape("a and b and c"), "(and (and a b) c)");
    assert_eq!(shape("a << b >> c"), "(>> (<< a b) c)");
}

#[test]
fn unary_and_power() {
    // Unary operators bind tighter than everything but `^` on their right.
    assert_eq!(shape("-2 ^ 2"), "(neg (^ 2 2))");
    assert_eq!(shape("2 ^ -3"), "(^ 2 (neg 3))");
    assert_eq!(shape("2 ^ - - 3 ^ 2"), "(^ 2 (neg (neg (^ 3 2))))");
    assert_eq!(shape("not not a"), "(not (not a))");
    assert_eq!(shape("- -a"), "(neg (neg a))");
    assert_eq!(shape("-a ^ -b ^ c"), "(neg (^ a (neg (^ b c))))");
    assert_eq!(shape("#a ^ 2"), "(# (^ a 2))");
    assert_eq!(shape("a ~ ~b"), "(~ a (bnot b))");
    // No constant folding: `-1` stays an operation.
    assert_eq!(shape("-1"), "(neg 1)");
}

#[test]
fn primary_and_suffixes() {
    assert_eq!(shape("a.b.c"), "a[\"b\"][\"c\"]");
    assert_eq!(shape("a[b][1]"), "a[b][1]");
    assert_eq!(shape("f(1, 2)(3)"), "(call (call f 1 2) 3)");
    assert_eq!(shape("f\"s\""), "(call f \"s\")");
    assert_eq!(shape("f[[s]]"), "(call f \"s\")");
    assert_eq!(shape("f{1}"), "(call f {1})");
    assert_eq!(
        shape("a.b:c(1):d{}.e"),
        "(method (method a[\"b\"] c 1) d {})[\"e\"]"
    );
    assert_eq!(shape("o:m\"x\""), "(method o m \"x\")");
    assert_eq!(shape("(f())"), "(paren (call f ))");
    assert_eq!(shape("((a)).b"), "(paren (paren a))[\"b\"]");
    assert_eq!(shape("(a)()"), "(call (paren a) )");
    assert_eq!(shape("..."), "...");
}

#[test]
fn literals_and_tables() {
    assert_eq!(shape("nil"), "nil");
    assert_eq!(shape("true"), "true");
    assert_eq!(shape("false"), "false");
    assert_eq!(shape("0xff"), "255");
    assert_eq!(shape("1.5"), "1.5");
    assert_eq!(shape("'a\\65'"), "\"aA\"");
    assert_eq!(shape("{}"), "{}");
    assert_eq!(shape("{1, 2; 3,}"), "{1 2 3}");
    assert_eq!(shape("{x = 1, [2] = 3, y}"), "{x=1 [2]=3 y}");
    assert_eq!(shape("{x == 1}"), "{(== x 1)}");
    assert_eq!(shape("{f(x), ...}"), "{(call f x) ...}");
    assert_eq!(shape("function(a, ...) end"), "(fn a)");
}

#[test]
fn statements() {
    let c = chunk(
        "local a <const>, b <close> = 1\n\
         local function f(x, ...) return ... end\n\
         function t.a.b:m(y) end\n\
         a, b.c, d[1] = 1, 2\n\
         f(1)\n\
         do ; end\n\
         while x do break end\n\
         repeat local z until z\n\
         if a then elseif b then else end\n\
         for i = 1, 2 do end\n\
         for i = 1, 2, 3 do end\n\
         for k, v in pairs(t) do end\n\
         goto done\n\
         ::done::\n\
         return 1, 2;",
    );
    let s = &c.block.stats;
    assert_eq!(s.len(), 14);
    match &s[0] {
        Stat::Local { names, exprs, line } => {
            assert_eq!(names[0].name, "a");
            assert_eq!(names[0].attrib, Attrib::Const);
            assert_eq!(names[1].attrib, Attrib::Close);
            assert_eq!(exprs.len(), 1);
            assert_eq!(*line, 1);
        }
        other => panic!("{other:?}"),
    }
    match &s[1] {
        Stat::LocalFunction { name, body, line } => {
            assert_eq!(name, "f");
            assert_eq!(param_names(body), ["x"]);
            assert!(body.is_vararg);
            assert_eq!((*line, body.line, body.end_line), (2, 2, 2));
        }
        other => panic!("{other:?}"),
    }
    match &s[2] {
        Stat::Function {
            path, method, body, ..
        } => {
            let names: Vec<&str> = path.iter().map(|(n, _)| n.as_str()).collect();
            assert_eq!(names, ["t", "a", "b"]);
            assert_eq!(method.as_deref(), Some("m"));
            assert_eq!(param_names(body), ["self", "y"]);
            assert!(!body.is_vararg);
        }
        other => panic!("{other:?}"),
    }
    match &s[3] {
        Stat::Assign { targets, exprs, .. } => {
            assert_eq!(list(targets), "a b[\"c\"] d[1]");
            assert_eq!(list(exprs), "1 2");
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(&s[4], Stat::Call(e) if sexp(e) == "(call f 1)"));
    assert!(matches!(&s[5], Stat::Do(Block { stats, ret: None }) if stats.is_empty()));
    assert!(
        matches!(&s[6], Stat::While { block, line: 7, .. } if matches!(block.stats[..], [Stat::Break { line: 7 }]))
    );
    assert!(matches!(&s[7], Stat::Repeat { cond, .. } if sexp(cond) == "z"));
    assert!(matches!(&s[8], Stat::If { arms, else_block: Some(_), line: 9 } if arms.len() == 2));
    assert!(matches!(&s[9], Stat::NumericFor { var, step: None, .. } if var.name == "i"));
    assert!(matches!(&s[10], Stat::NumericFor { step: Some(_), .. }));
    assert!(
        matches!(&s[11], Stat::GenericFor { names, exprs, .. } if names.iter().map(|n| &n.name[..]).eq(["k", "v"]) && exprs.len() == 1)
    );
    assert!(matches!(&s[12], Stat::Goto { label, line: 13 } if label == "done"));
    assert!(matches!(&s[13], Stat::Label { name, line: 14, .. } if name == "done"));
    let ret = c.block.ret.as_ref().expect("return");
    assert_eq!((list(&ret.exprs).as_str(), ret.line), ("1 2", 15));
}

#[test]
fn break_after_then() {
    let c = chunk("while x do if a then break; ; f() end end");
    let Stat::While { block, .. } = &c.block.stats[0] else {
        panic!("not a while")
    };
    let Stat::If { arms, .. } = &block.stats[0] else {
        panic!("not an if")
    };
    assert_eq!(arms[0].block.stats.len(), 2);
    assert!(matches!(arms[0].block.stats[0], Stat::Break { .. }));
}

#[test]
fn labels_and_empty_statements() {
    let c = chunk(";;::a:: ::b:: ; ::c::;");
    let names: Vec<&str> = c
        .block
        .stats
        .iter()
        .map(|s| match s {
            Stat::Label { name, .. } => name.as_str(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(names, ["a", "b", "c"]);
    assert!(chunk("").block.stats.is_empty());
    assert!(chunk("return").block.ret.is_some());
}

#[test]
fn lines() {
    let c = chunk("x = a\n+\nb\nlocal t = f\n(\n1\n)\nlocal u = t\n.\nk\n[\n2\n]");
    let Stat::Assign { exprs, line, .. } = &c.block.stats[0] else {
        panic!()
    };
    // A binary operation has its operator's line.
    assert_eq!((*line, exprs[0].line), (1, 2));
    let Stat::Local { exprs, .. } = &c.block.stats[1] else {
        panic!()
    };
    // A call has the line where its prefix expression starts.
    assert_eq!(exprs[0].line, 4);
    let Stat::Local { exprs, .. } = &c.block.stats[2] else {
        panic!()
    };
    // An index has the line of its key's last token.
    let ExprKind::Index { obj, .. } = &exprs[0].kind else {
        panic!()
    };
    assert_eq!((exprs[0].line, obj.line), (13, 10));
    // The chunk ends on the line of its last token.
    assert_eq!(c.end_line, 13);
    assert_eq!(chunk("x = 1\n\n\n").end_line, 1);

    // lua5.4's linedefined: the `function` keyword for statements, the token after
    // `function` (or after the name, for local functions) otherwise.
    let c =
        chunk("function\nf\n(\n)\nend\nlocal function\ng\n(\n)\n\nend\nh = function\n(\n)\nend");
    let Stat::Function { body, line, .. } = &c.block.stats[0] else {
        panic!()
    };
    assert_eq!((*line, body.line, body.end_line), (1, 1, 5));
    let Stat::LocalFunction { body, line, .. } = &c.block.stats[1] else {
        panic!()
    };
    assert_eq!((*line, body.line, body.end_line), (6, 8, 11));
    let Stat::Assign { exprs, .. } = &c.block.stats[2] else {
        panic!()
    };
    let ExprKind::Function(body) = &exprs[0].kind else {
        panic!()
    };
    assert_eq!((exprs[0].line, body.line, body.end_line), (12, 13, 15));

    // A goto has the line of its label name.
    let c = chunk("goto\nx\n::x::");
    assert!(matches!(c.block.stats[0], Stat::Goto { line: 2, .. }));
}

#[test]
fn vararg_scope() {
    assert_eq!(shape("function(...) return ... end"), "(fn )");
    assert_eq!(
        error("function f() return ... end"),
        "[string \"function f() return ... end\"]:1: cannot use '...' outside a vararg function near '...'"
    );
    // The main chunk is vararg; a vararg function's nested functions are not.
    chunk("return ...");
    error("return function(...) return function() return ... end end");
}

/// Runs `f` on a thread with a stack as small as a secondary thread may get, to show that the
/// deepest nesting lua5.4 accepts fits.
fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    // Debug builds need several times the stack of release builds.
    let size = if cfg!(debug_assertions) {
        4 << 20
    } else {
        1 << 20
    };
    std::thread::Builder::new()
        .stack_size(size)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("no panic");
}

#[test]
fn nesting_limit() {
    on_small_stack(|| {
        // Counts checked against `load` called from a lua5.4 script's main chunk.
        type Make = fn(usize) -> String;
        let cases: [(&str, Make, usize); 6] = [
            (
                "parens",
                |n| format!("return {}1{}", "(".repeat(n), ")".repeat(n)),
                195,
            ),
            (
                "tables",
                |n| format!("return {}1{}", "{".repeat(n), "}".repeat(n)),
                195,
            ),
            ("not", |n| format!("return {}1", "not ".repeat(n)), 195),
            ("concat", |n| format!("return {}1", "a..".repeat(n)), 195),
            (
                "do",
                |n| format!("{}{}", "do ".repeat(n), "end ".repeat(n)),
                197,
            ),
            (
                "funcs",
                |n| {
                    format!(
                        "return {}{}",
                        "function() return ".repeat(n),
                        "end ".repeat(n)
                    )
                },
                98,
            ),
        ];
        for (what, make, deepest) in cases {
            let ok = make(deepest);
            assert!(parse(ok.as_bytes(), "=t").is_ok(), "{what} {deepest}");
            let too_deep = make(deepest + 1);
            let err = parse(too_deep.as_bytes(), "=t").expect_err(what);
            assert_eq!(err.message, "C stack overflow", "{what}");
        }
    });
}

#[test]
fn long_chains() {
    // Left-associative chains are loops in lua5.4 and have no limit there. Parsing,
    // compiling and dropping them must not recurse per link: this runs on the default test
    // thread stack, in debug builds too.
    type Make = fn(usize) -> String;
    let shapes: [(&str, Make); 9] = [
        ("sum", |n| format!("a{}", "+a".repeat(n))),
        ("fields", |n| format!("a{}", ".b".repeat(n))),
        ("index", |n| format!("a{}", "[1]".repeat(n))),
        ("calls", |n| format!("f{}", "()".repeat(n))),
        ("methods", |n| format!("o{}", ":m(1)".repeat(n))),
        ("ors", |n| format!("x{}", " or x".repeat(n))),
        ("ands", |n| format!("x{}", " and x".repeat(n))),
        ("compares", |n| format!("x{}", " == x".repeat(n))),
        // Chains nested in chains: each level's first operand is the inner chain.
        ("nested", |n| {
            let mut e = "a".to_owned();
            for _ in 0..4 {
                e = format!("({e}{})", "*a".repeat(n / 5));
            }
            format!("{{-{e}{}}}", "-a".repeat(n / 5))
        }),
    ];
    for (what, make) in shapes {
        let src = format!("return {}", make(100_000));
        let chunk = parse(src.as_bytes(), "=t").unwrap_or_else(|e| panic!("{what}: {e}"));
        crate::compiler::compile(&chunk, "=t").unwrap_or_else(|e| panic!("{what}: {e}"));
    }
}

#[test]
fn nesting_still_limited_inside_chains() {
    // A chain does not hide real nesting: parentheses in a chain still count.
    let src = format!("return a{}", "+(a".repeat(200) + &")".repeat(200));
    assert_eq!(error(&src), "C stack overflow");
}

#[test]
fn compile_errors_before_a_syntax_error_win() {
    let locals: String = (0..200).map(|i| format!("local a{i} = {i}\n")).collect();
    let ys = |n: usize| vec!["y"; n].join(",");
    // Messages from lua5.4's `load(src, "=t")`.
    let cases = [
        (
            "local a <const> = 1; a = 2; x = = 1".to_owned(),
            "t:1: attempt to assign to const variable 'a'",
        ),
        (
            "function f() goto l end\n x = = 1".to_owned(),
            "t:2: no visible label 'l' for <goto> at line 1",
        ),
        (
            "::a:: ::a:: x = = 1".to_owned(),
            "t:1: label 'a' already defined on line 1",
        ),
        (
            "goto a; local x; ::a:: )".to_owned(),
            "t:1: <goto a> at line 1 jumps into the scope of local 'x'",
        ),
        // At `end` the label is at the end of its block: no error before the syntax error.
        (
            "goto a; local x; ::a:: end".to_owned(),
            "t:1: <eof> expected near 'end'",
        ),
        // The function is closed when `)` is the current token: its goto is checked first.
        (
            "function f() goto x end )".to_owned(),
            "t:1: no visible label 'x' for <goto> at line 1",
        ),
        // A lexical error comes while moving to the next token: nothing is done there.
        (
            "local x <const> = 1; function x() end \"".to_owned(),
            "t:1: unfinished string near <eof>",
        ),
        (
            "local x <const> = 1; function x() )".to_owned(),
            "t:1: unexpected symbol near ')'",
        ),
        (
            format!("{locals}f({}, \"unfinished", ys(54)),
            "t:201: unfinished string near <eof>",
        ),
        (
            format!("{locals}f({}, )", ys(54)),
            "t:201: function or expression needs too many registers near ')'",
        ),
        (
            format!("{locals}f({} )", ys(55)),
            "t:201: function or expression needs too many registers near 'y'",
        ),
        (
            format!("{locals}local a200 )"),
            "t:201: too many local variables (limit is 200) in main function near ')'",
        ),
        (
            format!("{locals}local a200 \"x"),
            "t:201: unfinished string near <eof>",
        ),
    ];
    for (src, msg) in cases {
        let result = parse(src.as_bytes(), "=t")
            .and_then(|chunk| crate::compiler::compile(&chunk, "=t").map(|_| ()));
        assert_eq!(result.map_err(|e| e.message), Err(msg.to_owned()));
    }
}
