//! Compiler tests from source text. Expected instruction sequences were checked against
//! `luac5.4 -l -l` (same shapes, minus 5.4's `VARARGPREP`/`EXTRAARG`/`MMBIN*` and with our `Rk`
//! operands where 5.4 has `K`/`I` variants); expected messages were checked against `lua5.4`
//! with `load(src, "=t")`.

use super::*;
use crate::ast::{BinOp, Block, Chunk, Expr, ExprKind, Stat};
use crate::opcode::Rk;

fn compile_src(src: &str) -> Result<Rc<Proto>, SyntaxError> {
    let chunk = crate::parser::parse(src.as_bytes(), "=t").expect("test source parses");
    compile(&chunk, "=t")
}

fn proto(src: &str) -> Rc<Proto> {
    compile_src(src).expect("test source compiles")
}

/// The main function's instructions, one per line, without pcs, lines or comments.
fn code(src: &str) -> String {
    code_of(&proto(src))
}

fn code_of(p: &Proto) -> String {
    disassemble(p)
        .lines()
        .take_while(|l| !l.starts_with("constants"))
        .filter(|l| l.starts_with('\t'))
        .map(|l| {
            let text = l.split('\t').skip(3).collect::<Vec<_>>().join(" ");
            text.split(" ; ").next().unwrap_or("").trim().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn error(src: &str) -> String {
    compile_src(src)
        .expect_err("source must not compile")
        .message
}

#[test]
fn multiple_assignment_copies_conflicting_registers() {
    assert_eq!(
        code("local t, i = {}, 1\nt[i], i = i, 2"),
        "NEWTABLE 0 0 0\nLOADI 1 1\nMOVE 2 1\nMOVE 3 1\nLOADI 1 2\nSETTABLE 0 2 3\nRETURN 2 1"
    );
    assert_eq!(
        code("local t = {}; t.x, t = 1, 2"),
        "NEWTABLE 0 0 0\nMOVE 1 0\nLOADI 2 1\nLOADI 0 2\nSETFIELD 1 0 2\nRETURN 1 1"
    );
    assert_eq!(
        code("local a, b = 1, 2; a, b = b, a"),
        "LOADI 0 1\nLOADI 1 2\nMOVE 2 1\nMOVE 1 0\nMOVE 0 2\nRETURN 2 1"
    );
}

#[test]
fn and_or_use_test_and_jumps() {
    assert_eq!(
        code("local x = a and b or c"),
        "GETTABUP 0 0 0\nTEST 0 0\nJMP 3\nGETTABUP 0 0 1\nTEST 0 1\nJMP 1\n\
         GETTABUP 0 0 2\nRETURN 1 1"
    );
}

#[test]
fn greater_than_swaps_operands() {
    assert_eq!(
        code("local y = a >= 1"),
        "GETTABUP 0 0 0\nLE K1 0 1\nJMP 1\nLFALSESKIP 0\nLOADBOOL 0 true\nRETURN 1 1"
    );
    assert_eq!(
        code("local a, b; local y = a > b"),
        "LOADNIL 0 2\nLT 1 0 1\nJMP 1\nLFALSESKIP 2\nLOADBOOL 2 true\nRETURN 3 1"
    );
}

#[test]
fn concat_chain_is_one_instruction() {
    assert_eq!(
        code("local s = a .. b .. c"),
        "GETTABUP 0 0 0\nGETTABUP 1 0 1\nGETTABUP 2 0 2\nCONCAT 0 3\nRETURN 1 1"
    );
}

#[test]
fn methods_and_function_statements() {
    let p = proto("local o = {}; function o.a.b:c(x) return self, x end; o:m(1)");
    assert_eq!(
        code_of(&p),
        "NEWTABLE 0 0 0\nGETFIELD 1 0 0\nGETFIELD 1 1 1\nCLOSURE 2 0\nSETFIELD 1 2 2\n\
         SELF 1 0 K3\nLOADI 3 1\nCALL 1 3 1\nRETURN 1 1"
    );
    let f = &p.protos[0];
    assert_eq!(f.num_params, 2);
    assert_eq!(code_of(f), "MOVE 2 0\nMOVE 3 1\nRETURN 2 3\nRETURN 2 1");
}

#[test]
fn loops_close_captured_variables_per_iteration() {
    let p = proto("for i = 1, 3 do local function f() return i end end");
    assert_eq!(
        code_of(&p),
        "LOADI 0 1\nLOADI 1 3\nLOADI 2 1\nFORPREP 0 3\nCLOSURE 4 0\nCLOSE 3\nFORLOOP 0 3\nRETURN 0 1"
    );
    let names: Vec<_> = p.local_vars.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(
        names,
        ["(for state)", "(for state)", "(for state)", "i", "f"]
    );
    // luac: i 6..8 and f 7..7 (1-based, counting VARARGPREP).
    assert_eq!((p.local_vars[3].start_pc, p.local_vars[3].end_pc), (4, 6));
    assert_eq!((p.local_vars[4].start_pc, p.local_vars[4].end_pc), (5, 5));
    assert_eq!(p.protos[0].upvalues[0].name, "i");
    assert!(p.protos[0].upvalues[0].in_stack);
    assert_eq!(p.protos[0].upvalues[0].index, 3);

    assert_eq!(
        code("repeat local x = f(); local g = function() return x end until x"),
        "GETTABUP 0 0 0\nCALL 0 1 2\nCLOSURE 1 0\nTEST 0 0\nJMP 2\nCLOSE 0\nJMP 2\nCLOSE 0\n\
         JMP -9\nRETURN 0 1"
    );
}

#[test]
fn generic_for_and_break() {
    assert_eq!(
        code("for k, v in pairs(t) do if k then break end end"),
        "GETTABUP 0 0 0\nGETTABUP 1 0 1\nCALL 0 2 5\nTFORPREP 0 2\nTEST 4 1\nJMP 2\n\
         TFORCALL 0 2\nTFORLOOP 0 4\nCLOSE 0\nRETURN 0 1"
    );
}

#[test]
fn compile_time_constants_have_no_register() {
    let p = proto("local a <const> = 10; local b <const> = 's'; print(a * 2 + #b, b)");
    assert_eq!(
        code_of(&p),
        "GETTABUP 0 0 0\nLOADK 1 1\nLEN 1 1\nADD 1 K2 1\nLOADK 2 1\nCALL 0 3 1\nRETURN 0 1"
    );
    assert!(p.local_vars.is_empty());
    // Only the last of several `<const>` can be a compile-time constant (5.4's rule).
    let p = proto("local a <const>, b <const> = 1, 2; return a + b");
    assert_eq!(p.local_vars.len(), 1);
    assert_eq!(code_of(&p), "LOADI 0 1\nADD 1 0 K0\nRETURN 1 2\nRETURN 1 1");
}

#[test]
fn tail_calls_only_outside_tbc_and_parens() {
    assert_eq!(
        code("local x <close> = f(); return g()"),
        "GETTABUP 0 0 0\nCALL 0 1 2\nTBC 0\nGETTABUP 1 0 1\nCALL 1 1 0\nRETURN 1 0\nRETURN 1 1"
    );
    assert_eq!(
        code("return f(a, ...)"),
        "GETTABUP 0 0 0\nGETTABUP 1 0 1\nVARARG 2 0\nTAILCALL 0 0\nRETURN 0 0\nRETURN 0 1"
    );
    assert_eq!(
        code("return (f())"),
        "GETTABUP 0 0 0\nCALL 0 1 2\nRETURN 0 2\nRETURN 0 1"
    );
}

#[test]
fn gotos_resolve_forward_and_backward() {
    assert_eq!(
        code("goto l1; ::l2:: print(2); goto l3; ::l1:: print(1); goto l2; ::l3::"),
        "JMP 4\nGETTABUP 0 0 0\nLOADI 1 2\nCALL 0 2 1\nJMP 4\nGETTABUP 0 0 0\nLOADI 1 1\n\
         CALL 0 2 1\nJMP -8\nRETURN 0 1"
    );
    // A label at the end of a block is outside the scope of the block's locals.
    compile_src("while x do goto c; local y = 1; ::c:: end").expect("legal goto");
    compile_src("repeat local x; goto a; ::a:: until true").expect("legal goto");
}

#[test]
fn table_constructors_flush_every_fifty_items() {
    let items: Vec<String> = (1..=120).map(|i| i.to_string()).collect();
    let src = format!("return {{{}, f()}}", items.join(", "));
    let listing = code(&src);
    let setlists: Vec<_> = listing
        .lines()
        .filter(|l| l.starts_with("SETLIST"))
        .collect();
    assert_eq!(
        setlists,
        ["SETLIST 0 50 1", "SETLIST 0 50 51", "SETLIST 0 0 101"]
    );
    assert!(listing.starts_with("NEWTABLE 0 120 0"));
    assert_eq!(
        code("local v = {x = 1, [2] = 3, 'a', y = f}"),
        "NEWTABLE 0 1 3\nSETFIELD 0 0 K1\nSETI 0 2 K2\nLOADK 1 3\nGETTABUP 2 0 5\n\
         SETFIELD 0 4 2\nSETLIST 0 1 1\nRETURN 1 1"
    );
}

#[test]
fn constant_folding_follows_5_4() {
    // Folded: exact integer/float results.
    assert_eq!(
        code("local x = 1 + 2 * 3 - 4 // 2; local y = 2^2; local z = ~5; local w = -(-1)"),
        "LOADI 0 5\nLOADF 1 4\nLOADI 2 -6\nLOADI 3 1\nRETURN 4 1"
    );
    // Not folded: division by zero, bitwise on non-integral floats, zero float results.
    assert_eq!(
        code("local a = 7 // 0; local b = 1.5 | 0; local c = 0.0 * -1; local d = -0.0"),
        "IDIV 0 K1 K0\nBOR 1 K2 K0\nMUL 2 K4 K3\nLOADF 3 0\nUNM 3 3\nRETURN 4 1"
    );
    // Strings are not coerced at compile time.
    assert_eq!(
        code("local x = '1' + 1"),
        "LOADK 0 0\nADD 0 0 K1\nRETURN 1 1"
    );
}

#[test]
fn local_env_redirects_globals() {
    assert_eq!(
        code("local _ENV = {print = print}; print(x); y = 1"),
        "NEWTABLE 0 0 1\nGETTABUP 1 0 0\nSETFIELD 0 0 1\nGETFIELD 1 0 0\nGETFIELD 2 0 1\n\
         CALL 1 2 1\nSETFIELD 0 2 K3\nRETURN 1 1"
    );
}

#[test]
fn upvalues_resolve_through_enclosing_functions() {
    let p = proto(
        "local a = 1; local function g() local b = 2; return function() return a + b end end",
    );
    let g = &p.protos[0];
    let inner = &g.protos[0];
    assert_eq!(g.upvalues.len(), 1);
    assert_eq!(
        (
            g.upvalues[0].name.as_str(),
            g.upvalues[0].in_stack,
            g.upvalues[0].index
        ),
        ("a", true, 0)
    );
    let ups: Vec<_> = inner
        .upvalues
        .iter()
        .map(|u| (u.name.as_str(), u.in_stack, u.index))
        .collect();
    assert_eq!(ups, [("a", false, 0), ("b", true, 0)]);
    assert_eq!(p.upvalues[0].name, "_ENV");
    assert_eq!((g.line_defined, g.last_line_defined), (1, 1));
    assert!(p.is_vararg);
    assert!(!g.is_vararg);
}

#[test]
fn lines_follow_5_4() {
    // luac5.4: GETTABUP [1], SETFIELD [2], GETTABUP [3] [4] [5], CONCAT [4], GETTABUP [6],
    // LOADI [7], CALL [6], LOADNIL [9], TBC [9], LOADI [11], RETURN [11] [11].
    let p = proto("t.x =\n  1\nlocal a = b ..\n  c ..\n  d\ng(\n 1)\nlocal z <close> = \n  nil\nreturn\n  1\n");
    assert_eq!(p.lines, [1, 2, 3, 4, 5, 4, 6, 7, 6, 9, 9, 11, 11, 11]);
    // A global read is attributed to the operator that discharges it.
    let p = proto("local x = a\n + b");
    assert_eq!(p.lines, [2, 2, 2, 2]);
}

#[test]
fn keyed_fields_free_their_key_registers() {
    // luac5.4: each `[k] = v` field reuses the registers after the table.
    assert_eq!(
        code("local t = {[f()] = g(), [h()] = 1, x = f()}"),
        "NEWTABLE 0 0 3\nGETTABUP 1 0 0\nCALL 1 1 2\nGETTABUP 2 0 1\nCALL 2 1 2\n\
         SETTABLE 0 1 2\nGETTABUP 1 0 2\nCALL 1 1 2\nSETTABLE 0 1 K3\nGETTABUP 1 0 0\n\
         CALL 1 1 2\nSETFIELD 0 4 1\nRETURN 1 1"
    );
}

#[test]
fn closing_token_lines_follow_5_4() {
    // Lines of the main function's instructions from `luac5.4 -l` (without `VARARGPREP` and
    // `MMBIN*`): values read after a closing `)` or `}`, conditions tested at `then`, loops
    // prepared at `do`, methods looked up at their name, do-blocks closed before `end`.
    let cases: [(&str, &[u32]); 11] = [
        ("print(\n  1,\n  x.y\n)", &[1, 2, 3, 4, 1, 4]),
        ("local t = {\n  1,\n  x.y\n}", &[1, 2, 3, 4, 4, 4]),
        ("local z = (\n  x.y\n)", &[2, 3, 3]),
        ("if x.y\nthen end", &[1, 2, 2, 2, 2]),
        ("for i = 1,\n  2\ndo end", &[1, 2, 2, 3, 1, 3]),
        ("for k in x\ndo end", &[1, 1, 2, 1, 1, 2, 2]),
        ("while x\ndo end", &[1, 1, 1, 2, 2]),
        ("local o = {}\no\n:m\n(\n)", &[1, 3, 2, 5]),
        ("local t = {}\nfunction t\n.a\n.b()\nend", &[1, 3, 5, 2, 5]),
        (
            "local f\ndo\n local up = 1\n f = function() return up end\n y = 1\nend",
            &[1, 3, 4, 4, 5, 5, 6],
        ),
        (
            "while true do\n local a <close> = x\n break\nend",
            &[2, 2, 3, 3, 3, 4, 4],
        ),
    ];
    for (src, lines) in cases {
        assert_eq!(proto(src).lines, lines, "{src:?}");
    }
}

#[test]
fn semantic_errors_match_lua() {
    let cases = [
        ("goto x", "t:1: no visible label 'x' for <goto> at line 1"),
        (
            "do\n goto x\nend",
            "t:3: no visible label 'x' for <goto> at line 2",
        ),
        (
            "::a:: ::b:: ::a::",
            "t:1: label 'a' already defined on line 1",
        ),
        ("break", "t:1: break outside loop at line 1"),
        (
            "local a <const> = 1; a = 2",
            "t:1: attempt to assign to const variable 'a'",
        ),
        (
            "local x <close> = 1 x = 3",
            "t:1: attempt to assign to const variable 'x'",
        ),
        (
            "goto f; local a\n::f::\nprint(a)",
            "t:3: <goto f> at line 1 jumps into the scope of local 'a'",
        ),
        (
            "repeat goto f; local a; ::f:: until a",
            "t:1: <goto f> at line 1 jumps into the scope of local 'a'",
        ),
        (
            "local a <const> = 1; local function f() a = 2 end",
            "t:1: attempt to assign to const variable 'a'",
        ),
        (
            "local a <const> = 5; return function() local b = a; a = 1 end",
            "t:1: attempt to assign to const variable 'a'",
        ),
        (
            "local a <const> = 5; function a() end",
            "t:1: attempt to assign to const variable 'a'",
        ),
        (
            "for i = 1, 2 do local x <const> = i; x = 1 end",
            "t:1: attempt to assign to const variable 'x'",
        ),
        (
            "local function f()\n goto y\nend",
            "t:3: no visible label 'y' for <goto> at line 2",
        ),
        (
            "::a:: do ::a:: end",
            "t:1: label 'a' already defined on line 1",
        ),
        (
            "local x\ngoto y\nlocal z\n::y::\nprint(z)",
            "t:5: <goto y> at line 2 jumps into the scope of local 'z'",
        ),
        // Errors found when a function closes are at the token after its `end`, or at
        // `<eof>` for the main function (trailing blank lines count).
        (
            "local function f()\n goto y\nend\n\n",
            "t:5: no visible label 'y' for <goto> at line 2",
        ),
        (
            "local function f()\n goto y\nend  \n\n x = 1",
            "t:5: no visible label 'y' for <goto> at line 2",
        ),
        (
            "for i = 1, 3 do\n  goto continue\nend\n\n",
            "t:5: no visible label 'continue' for <goto> at line 2",
        ),
        (
            "local a <const> = 5; function a()\n\n end\n\n\n",
            "t:6: attempt to assign to const variable 'a'",
        ),
        (
            "local a <const> = 5; local b; b, a\n\n, b = 1",
            "t:3: attempt to assign to const variable 'a'",
        ),
        (
            "::a:: ::b:: ::a::\n\n\n x()",
            "t:4: label 'a' already defined on line 1",
        ),
    ];
    for (src, msg) in cases {
        assert_eq!(error(src), msg, "for {src:?}");
    }
    compile_src("local t <const> = {}; function t.x() end")
        .expect("fields of a const table are writable");
    compile_src("do ::a:: end ::a:: goto a").expect("sibling labels do not clash");
}

#[test]
fn limits_match_lua() {
    // Each message names the token lua5.4's parser is at when the limit is hit.
    let many_args = format!("return f({}1)", "1,".repeat(300));
    assert_eq!(
        error(&many_args),
        "t:1: function or expression needs too many registers near '1'"
    );
    assert_eq!(
        error(&"local a; ".repeat(201)),
        "t:1: too many local variables (limit is 200) in main function near ';'"
    );
    let in_function = format!("local x; return function() {} end", "local a; ".repeat(201));
    assert_eq!(
        error(&in_function),
        "t:1: too many local variables (limit is 200) in function at line 1 near ';'"
    );
    let mut src = String::new();
    for i in 0..150 {
        src.push_str(&format!("local a{i} = 1\n"));
    }
    src.push_str("local function g()\n");
    for i in 0..150 {
        src.push_str(&format!("local b{i} = 1\n"));
    }
    let names: Vec<String> = (0..150)
        .map(|i| format!("a{i}"))
        .chain((0..150).map(|i| format!("b{i}")))
        .collect();
    src.push_str(&format!(
        " return function() return {} end end",
        names.join("+")
    ));
    assert_eq!(
        error(&src),
        "t:302: too many upvalues (limit is 255) in function at line 302 near '+'"
    );
    // Many results are fine when they are flushed in batches.
    compile_src(&format!("local t = {{{}}}", "f(),".repeat(300))).expect("SETLIST batches");
}

#[test]
fn many_constants_spill_to_registers() {
    let mut src = String::from("local t = {}\n");
    for i in 0..70_000 {
        src.push_str(&format!("t.k{i} = {i}\n"));
    }
    src.push_str("return t.k69999, t.k3");
    let p = proto(&src);
    assert!(p.constants.len() > u16::MAX as usize);
    let n = p.code.len();
    // `k69999` is beyond a u16 key: loaded with LoadK and indexed through a register.
    assert!(matches!(p.code[n - 5], Op::LoadK { dst: 1, k } if k > u16::MAX as u32));
    assert!(matches!(
        p.code[n - 4],
        Op::GetTable {
            dst: 1,
            table: 0,
            key: 1
        }
    ));
    assert!(matches!(
        p.code[n - 3],
        Op::GetField {
            dst: 2,
            table: 0,
            ..
        }
    ));
    for op in &p.code {
        if let Op::SetField { src, .. } | Op::SetTable { src, .. } = op {
            if let Err(k) = src.decode() {
                assert!(k as u32 <= Rk::MAX_CONSTANT);
            }
        }
    }
}

fn name(n: &str) -> Expr {
    Expr::new(ExprKind::Name(n.to_string()), 1)
}

/// Left-nested chains as the parser builds them for `a + a + ...`, `a.b.b...` and `f()()...`
/// are compiled without recursion: a thread with a small stack must do.
#[test]
fn long_left_chains_do_not_recurse() {
    const N: usize = 20_000;
    let mut sum = name("a");
    let mut index = name("a");
    let mut calls = name("f");
    let mut ors = name("a");
    for _ in 0..N {
        ors = Expr::new(
            ExprKind::Binary {
                op: BinOp::Or,
                lhs: Box::new(ors),
                rhs: Box::new(name("a")),
            },
            1,
        );
        sum = Expr::new(
            ExprKind::Binary {
                op: BinOp::Add,
                lhs: Box::new(sum),
                rhs: Box::new(name("a")),
            },
            1,
        );
        index = Expr::new(
            ExprKind::Index {
                obj: Box::new(index),
                key: Box::new(Expr::new(ExprKind::String(b"b".to_vec()), 1)),
            },
            1,
        );
        calls = Expr::new(
            ExprKind::Call {
                func: Box::new(calls),
                args: vec![],
            },
            1,
        );
    }
    let chunk = Chunk {
        block: Block {
            stats: vec![Stat::Local {
                names: ["x", "y", "z", "w"]
                    .iter()
                    .map(|n| crate::ast::LocalName {
                        name: n.to_string(),
                        attrib: crate::ast::Attrib::None,
                        next: 0,
                    })
                    .collect(),
                exprs: vec![sum, index, calls, ors],
                line: 1,
            }],
            ret: None,
        },
        end_line: 1,
        eof: 0,
        source: std::sync::Arc::from(&b""[..]),
    };
    let result = std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn_scoped(s, || compile(&chunk, "=t").map(|p| p.code.len()))
            .expect("thread starts")
            .join()
            .expect("compiling does not overflow the stack")
    });
    // Each `or` adds a read, a `TestSet` and a `Jmp`.
    assert_eq!(result, Ok(4 * N + 4 + 3 * N + 1));
}

/// Development aid: `RUPA_SRC='lua code'` prints its listing; `RUPA_FILES='a.lua b.lua'`
/// prints the listing of each file after a `==== name` line (used to compare with luac).
#[test]
fn listing_on_demand() {
    let src = std::env::var("RUPA_SRC").unwrap_or_default();
    if !src.is_empty() {
        match compile_src(&src) {
            Ok(p) => println!("{}", disassemble(&p)),
            Err(e) => println!("ERROR: {e}"),
        }
    }
    let files = std::env::var("RUPA_FILES").unwrap_or_default();
    for f in files.split_whitespace() {
        let text = std::fs::read(f).expect("listed file is readable");
        println!("==== {f}");
        let result = crate::parser::parse(&text, "=t").and_then(|c| compile(&c, "=t"));
        match result {
            Ok(p) => println!("{}", disassemble(&p)),
            Err(e) => println!("ERROR: {e}"),
        }
    }
}

#[test]
fn long_loops_are_control_structures_too_long() {
    // As lua5.4, at the `end` (line 140002).
    let body = "x = 1\n".repeat(140_000);
    assert_eq!(
        error(&format!("for i=1,2 do\n{body}end")),
        "t:140002: control structure too long near 'end'"
    );
    compile_src(&format!("while y do\n{body}end")).expect("a while loop jumps with Jmp");
}
