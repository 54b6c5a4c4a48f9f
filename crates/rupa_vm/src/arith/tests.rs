//! arith.rs against the results captured from lua5.4 (`tests/data/arith.txt`, written by
//! `tests/gen_arith.lua`).

use gc_arena::{rootless_arena, Mutation};

use super::*;
use crate::case_data::{self, bytes, cases};
use crate::string::LuaString;

const ARITH: &str = include_str!("../../tests/data/arith.txt");

/// 12 binary operators over 26 x 26 operands, 2 unary ones over 26.
const CASES: usize = 12 * 26 * 26 + 2 * 26;

fn op_named(name: &str) -> ArithOp {
    use ArithOp::*;
    match name {
        "Add" => Add,
        "Sub" => Sub,
        "Mul" => Mul,
        "Mod" => Mod,
        "Pow" => Pow,
        "Div" => Div,
        "IDiv" => IDiv,
        "BAnd" => BAnd,
        "BOr" => BOr,
        "BXor" => BXor,
        "Shl" => Shl,
        "Shr" => Shr,
        "Unm" => Unm,
        "BNot" => BNot,
        _ => panic!("unknown operator {name:?} in arith.txt"),
    }
}

fn decode<'gc>(mc: &Mutation<'gc>, field: &str) -> Value<'gc> {
    match field.split_once(':') {
        Some(("i", _)) => Value::Integer(case_data::int(&field[2..])),
        Some(("f", _)) => Value::Number(case_data::float(field)),
        Some(("s", _)) => Value::String(LuaString::new(mc, &bytes(field))),
        None if field == "true" || field == "false" => Value::Boolean(case_data::boolean(field)),
        None if field == "nil" => Value::Nil,
        _ => panic!("unknown operand {field:?} in arith.txt"),
    }
}

/// Whether `got` is the result `expected` spells: a value (floats bit for bit), an error name
/// or `none`.
fn matches(got: Result<Option<Value<'_>>, ArithError>, expected: &str) -> bool {
    match got {
        Ok(Some(Value::Integer(i))) => expected == format!("i:{i}"),
        // NaN signs depend on the operation's hardware path, not on Lua: compare NaN-ness only.
        Ok(Some(Value::Number(f))) if f.is_nan() => {
            expected.starts_with("f:") && case_data::float(expected).is_nan()
        }
        Ok(Some(Value::Number(f))) => expected == format!("f:{:016x}", f.to_bits()),
        Ok(Some(_)) => false,
        Ok(None) => expected == "none",
        Err(e) => expected == format!("{e:?}"),
    }
}

#[test]
fn arith_matches_lua() {
    rootless_arena(|mc| {
        let mut bad = Vec::new();
        let mut checked = 0;
        for f in cases(ARITH) {
            let op = op_named(f[0]);
            let unary = matches!(op, ArithOp::Unm | ArithOp::BNot);
            let (a, b, expected) = if unary {
                (f[1], f[1], f[2])
            } else {
                (f[1], f[2], f[3])
            };
            let got = arith(op, decode(mc, a), decode(mc, b));
            checked += 1;
            if !matches(got, expected) {
                bad.push(format!("{}: got {got:?}", f.join(" ")));
            }
        }
        assert_eq!(checked, CASES, "arith.txt holds every case");
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    })
}

#[test]
fn coercions() {
    rootless_arena(|mc| {
        let s = |t: &str| Value::String(LuaString::new(mc, t.as_bytes()));
        assert!(matches!(
            tonumber_value(s(" 0x10 ")),
            Some(Value::Integer(16))
        ));
        assert!(matches!(tonumber_value(s("1e2")), Some(Value::Number(f)) if f == 100.0));
        assert!(tonumber_value(s("1e")).is_none());
        assert!(tonumber_value(Value::Boolean(true)).is_none());
        assert_eq!(tointeger_value(s("8")), Some(8));
        assert_eq!(tointeger_value(s("8.0")), Some(8));
        assert_eq!(tointeger_value(s("8.5")), None);
        assert_eq!(tointeger_value(Value::Number(-0.0)), Some(0));
        assert_eq!(tointeger_value(Value::Nil), None);
    })
}

#[test]
fn error_messages_are_lua_wording() {
    assert_eq!(ArithError::DivByZero.message(), "attempt to divide by zero");
    assert_eq!(ArithError::ModByZero.message(), "attempt to perform 'n%0'");
    assert_eq!(
        ArithError::NoIntegerRep.message(),
        "number has no integer representation"
    );
}
