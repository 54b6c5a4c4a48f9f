//! A `luac -l -l` style listing of compiled prototypes, for debugging and tests.
//!
//! Operands are printed in field order; a constant operand is `K<n>`, a register is its number.
//! Jump targets are shown as absolute 1-based pcs, as luac shows them.

use std::fmt::Write;

use crate::opcode::{Op, Rk};
use crate::proto::{Constant, Proto};

/// Lists `proto` and its nested prototypes, one instruction per line.
pub fn disassemble(proto: &Proto) -> String {
    let mut out = String::new();
    list(proto, &mut out, true);
    out
}

fn list(p: &Proto, out: &mut String, main: bool) {
    let kind = if main { "main" } else { "function" };
    let _ = writeln!(
        out,
        "{kind} <{}:{},{}> ({} instructions)",
        crate::chunkname::short_source(&p.source),
        p.line_defined,
        p.last_line_defined,
        p.code.len()
    );
    let _ = writeln!(
        out,
        "{}{} params, {} slots, {} upvalues, {} locals, {} constants, {} functions",
        p.num_params,
        if p.is_vararg { "+" } else { "" },
        p.max_stack,
        p.upvalues.len(),
        p.local_vars.len(),
        p.constants.len(),
        p.protos.len()
    );
    for (pc, op) in p.code.iter().enumerate() {
        let line = p.lines.get(pc).copied().unwrap_or(0);
        let (text, comment) = instruction(p, pc, op);
        if comment.is_empty() {
            let _ = writeln!(out, "\t{}\t[{}]\t{}", pc + 1, line, text);
        } else {
            let _ = writeln!(out, "\t{}\t[{}]\t{}\t; {}", pc + 1, line, text, comment);
        }
    }
    let _ = writeln!(out, "constants ({}):", p.constants.len());
    for (i, k) in p.constants.iter().enumerate() {
        let _ = writeln!(out, "\t{}\t{}", i, constant(k));
    }
    let _ = writeln!(out, "locals ({}):", p.local_vars.len());
    for (i, v) in p.local_vars.iter().enumerate() {
        let _ = writeln!(
            out,
            "\t{}\t{}\t{}\t{}",
            i,
            v.name,
            v.start_pc + 1,
            v.end_pc + 1
        );
    }
    let _ = writeln!(out, "upvalues ({}):", p.upvalues.len());
    for (i, u) in p.upvalues.iter().enumerate() {
        let _ = writeln!(
            out,
            "\t{}\t{}\t{}\t{}",
            i,
            u.name,
            u8::from(u.in_stack),
            u.index
        );
    }
    for child in &p.protos {
        out.push('\n');
        list(child, out, false);
    }
}

/// A constant as luac prints it: `S "x"`, `I 1`, `F 1.5`, `B true`, `N nil`.
fn constant(k: &Constant) -> String {
    match k {
        Constant::Nil => "N\tnil".to_string(),
        Constant::Boolean(b) => format!("B\t{b}"),
        Constant::Integer(i) => format!("I\t{i}"),
        Constant::Number(f) => format!("F\t{f:?}"),
        Constant::String(s) => format!("S\t{:?}", String::from_utf8_lossy(s)),
    }
}

fn kval(p: &Proto, k: usize) -> String {
    match p.constants.get(k) {
        Some(Constant::String(s)) => format!("{:?}", String::from_utf8_lossy(s)),
        Some(Constant::Integer(i)) => i.to_string(),
        Some(Constant::Number(f)) => format!("{f:?}"),
        Some(Constant::Boolean(b)) => b.to_string(),
        Some(Constant::Nil) => "nil".to_string(),
        None => "?".to_string(),
    }
}

fn rk(r: Rk) -> String {
    match r.decode() {
        Ok(reg) => reg.to_string(),
        Err(k) => format!("K{k}"),
    }
}

/// Comments naming the constants among `operands`.
fn rk_comment(p: &Proto, operands: &[Rk]) -> String {
    operands
        .iter()
        .filter_map(|r| r.decode().err().map(|k| kval(p, k)))
        .collect::<Vec<_>>()
        .join(" ")
}

fn upname(p: &Proto, up: u8) -> String {
    p.upvalues
        .get(up as usize)
        .map_or_else(|| "?".to_string(), |u| u.name.clone())
}

fn instruction(p: &Proto, pc: usize, op: &Op) -> (String, String) {
    let target = |offset: i64| (pc as i64 + 2 + offset).to_string();
    let none = String::new();
    match *op {
        Op::Move { dst, src } => (format!("MOVE\t{dst} {src}"), none),
        Op::LoadK { dst, k } => (format!("LOADK\t{dst} {k}"), kval(p, k as usize)),
        Op::LoadI { dst, value } => (format!("LOADI\t{dst} {value}"), none),
        Op::LoadF { dst, value } => (format!("LOADF\t{dst} {value}"), none),
        Op::LoadBool { dst, value } => (format!("LOADBOOL\t{dst} {value}"), none),
        Op::LoadFalseSkip { dst } => (format!("LFALSESKIP\t{dst}"), none),
        Op::LoadNil { dst, count } => (format!("LOADNIL\t{dst} {count}"), none),
        Op::GetUpval { dst, up } => (format!("GETUPVAL\t{dst} {up}"), upname(p, up)),
        Op::SetUpval { src, up } => (format!("SETUPVAL\t{src} {up}"), upname(p, up)),
        Op::GetTabUp { dst, up, key } => (
            format!("GETTABUP\t{dst} {up} {key}"),
            format!("{} {}", upname(p, up), kval(p, key as usize)),
        ),
        Op::SetTabUp { up, key, src } => (
            format!("SETTABUP\t{up} {key} {}", rk(src)),
            format!(
                "{} {} {}",
                upname(p, up),
                kval(p, key as usize),
                rk_comment(p, &[src])
            )
            .trim_end()
            .to_string(),
        ),
        Op::GetTable { dst, table, key } => (format!("GETTABLE\t{dst} {table} {key}"), none),
        Op::GetField { dst, table, key } => (
            format!("GETFIELD\t{dst} {table} {key}"),
            kval(p, key as usize),
        ),
        Op::GetInt { dst, table, index } => (format!("GETI\t{dst} {table} {index}"), none),
        Op::SetTable { table, key, src } => (
            format!("SETTABLE\t{table} {key} {}", rk(src)),
            rk_comment(p, &[src]),
        ),
        Op::SetField { table, key, src } => (
            format!("SETFIELD\t{table} {key} {}", rk(src)),
            format!("{} {}", kval(p, key as usize), rk_comment(p, &[src]))
                .trim_end()
                .to_string(),
        ),
        Op::SetInt { table, index, src } => (
            format!("SETI\t{table} {index} {}", rk(src)),
            rk_comment(p, &[src]),
        ),
        Op::NewTable { dst, array, hash } => (format!("NEWTABLE\t{dst} {array} {hash}"), none),
        Op::SelfOp { dst, obj, key } => (
            format!("SELF\t{dst} {obj} {}", rk(key)),
            rk_comment(p, &[key]),
        ),
        Op::Add { dst, lhs, rhs } => binary(p, "ADD", dst, lhs, rhs),
        Op::Sub { dst, lhs, rhs } => binary(p, "SUB", dst, lhs, rhs),
        Op::Mul { dst, lhs, rhs } => binary(p, "MUL", dst, lhs, rhs),
        Op::Mod { dst, lhs, rhs } => binary(p, "MOD", dst, lhs, rhs),
        Op::Pow { dst, lhs, rhs } => binary(p, "POW", dst, lhs, rhs),
        Op::Div { dst, lhs, rhs } => binary(p, "DIV", dst, lhs, rhs),
        Op::IDiv { dst, lhs, rhs } => binary(p, "IDIV", dst, lhs, rhs),
        Op::BAnd { dst, lhs, rhs } => binary(p, "BAND", dst, lhs, rhs),
        Op::BOr { dst, lhs, rhs } => binary(p, "BOR", dst, lhs, rhs),
        Op::BXor { dst, lhs, rhs } => binary(p, "BXOR", dst, lhs, rhs),
        Op::Shl { dst, lhs, rhs } => binary(p, "SHL", dst, lhs, rhs),
        Op::Shr { dst, lhs, rhs } => binary(p, "SHR", dst, lhs, rhs),
        Op::Unm { dst, src } => (format!("UNM\t{dst} {src}"), none),
        Op::BNot { dst, src } => (format!("BNOT\t{dst} {src}"), none),
        Op::Not { dst, src } => (format!("NOT\t{dst} {src}"), none),
        Op::Len { dst, src } => (format!("LEN\t{dst} {src}"), none),
        Op::Concat { dst, count } => (format!("CONCAT\t{dst} {count}"), none),
        Op::Close { from } => (format!("CLOSE\t{from}"), none),
        Op::Tbc { reg } => (format!("TBC\t{reg}"), none),
        Op::Jmp { offset } => (
            format!("JMP\t{offset}"),
            format!("to {}", target(offset as i64)),
        ),
        Op::Eq { lhs, rhs, k } => compare(p, "EQ", lhs, rhs, k),
        Op::Lt { lhs, rhs, k } => compare(p, "LT", lhs, rhs, k),
        Op::Le { lhs, rhs, k } => compare(p, "LE", lhs, rhs, k),
        Op::Test { reg, k } => (format!("TEST\t{reg} {}", u8::from(k)), none),
        Op::TestSet { dst, src, k } => (format!("TESTSET\t{dst} {src} {}", u8::from(k)), none),
        Op::Call {
            func,
            args,
            results,
        } => (format!("CALL\t{func} {args} {results}"), none),
        Op::TailCall { func, args } => (format!("TAILCALL\t{func} {args}"), none),
        Op::Return { base, count } => (format!("RETURN\t{base} {count}"), none),
        Op::ForPrep { base, skip } => (
            format!("FORPREP\t{base} {skip}"),
            format!("exit to {}", target(skip as i64)),
        ),
        Op::ForLoop { base, back } => (
            format!("FORLOOP\t{base} {back}"),
            format!("to {}", target(-(back as i64))),
        ),
        Op::TForPrep { base, jump } => (
            format!("TFORPREP\t{base} {jump}"),
            format!("to {}", target(jump as i64)),
        ),
        Op::TForCall { base, results } => (format!("TFORCALL\t{base} {results}"), none),
        Op::TForLoop { base, back } => (
            format!("TFORLOOP\t{base} {back}"),
            format!("to {}", target(-(back as i64))),
        ),
        Op::SetList {
            table,
            count,
            start,
        } => (format!("SETLIST\t{table} {count} {start}"), none),
        Op::Closure { dst, proto } => (format!("CLOSURE\t{dst} {proto}"), none),
        Op::VarArg { dst, count } => (format!("VARARG\t{dst} {count}"), none),
    }
}

fn binary(p: &Proto, name: &str, dst: u8, lhs: Rk, rhs: Rk) -> (String, String) {
    (
        format!("{name}\t{dst} {} {}", rk(lhs), rk(rhs)),
        rk_comment(p, &[lhs, rhs]),
    )
}

fn compare(p: &Proto, name: &str, lhs: Rk, rhs: Rk, k: bool) -> (String, String) {
    (
        format!("{name}\t{} {} {}", rk(lhs), rk(rhs), u8::from(k)),
        rk_comment(p, &[lhs, rhs]),
    )
}
