//! arith.rs against the results captured from lua5.4 (`cases.rs`).

use gc_arena::{rootless_arena, Mutation};

use super::cases::{ARITH, OPERANDS};
use super::*;
use crate::number::fmt_g;
use crate::string::LuaString;

fn parse_float(s: &str) -> f64 {
    match s {
        "inf" => f64::INFINITY,
        "-inf" => f64::NEG_INFINITY,
        "nan" | "-nan" => f64::NAN,
        _ => s.parse().expect("cases hold valid %.17g renderings"),
    }
}

fn decode<'gc>(mc: &Mutation<'gc>, s: &str) -> Value<'gc> {
    match s.split_once(':') {
        Some(("i", i)) => Value::Integer(i.parse().expect("integer operand")),
        Some(("f", f)) => Value::Number(parse_float(f)),
        Some(("s", s)) => Value::String(LuaString::new(mc, s.as_bytes())),
        Some(("b", b)) => Value::Boolean(b == "true"),
        _ => Value::Nil,
    }
}

fn encode(r: Result<Option<Value<'_>>, ArithError>) -> String {
    match r {
        Ok(Some(Value::Integer(i))) => format!("i:{i}"),
        // NaN signs depend on the operation's hardware path, not on Lua: compare NaN-ness only.
        Ok(Some(Value::Number(f))) if f.is_nan() => "f:nan".to_string(),
        Ok(Some(Value::Number(f))) => format!("f:{}", fmt_g(f, 17)),
        Ok(Some(v)) => format!("unexpected {v:?}"),
        Ok(None) => "none".to_string(),
        Err(e) => format!("{e:?}"),
    }
}

#[test]
fn arith_matches_lua() {
    rootless_arena(|mc| {
        let operands: Vec<Value<'_>> = OPERANDS.iter().map(|s| decode(mc, s)).collect();
        let n = operands.len();
        let mut bad = Vec::new();
        let mut checked = 0;
        for &(op, results) in ARITH {
            let unary = matches!(op, ArithOp::Unm | ArithOp::BNot);
            for (k, &expected) in results.iter().enumerate() {
                let (i, j) = if unary { (k, k) } else { (k / n, k % n) };
                let got = encode(arith(op, operands[i], operands[j]));
                let expected = if expected == "f:-nan" {
                    "f:nan"
                } else {
                    expected
                };
                checked += 1;
                if got != expected {
                    bad.push(format!(
                        "{op:?} {} {}: got {got}, lua5.4 {expected}",
                        OPERANDS[i], OPERANDS[j]
                    ));
                }
            }
        }
        assert!(checked > 5000, "the case table is complete");
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
