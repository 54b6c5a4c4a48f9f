//! number.rs against the cases captured from lua5.4 (`tests/data/number.txt`, written by
//! `tests/gen_number.lua`).

use super::*;
use crate::case_data::{boolean, bytes, cases_of, float, int};

const NUMBER: &str = include_str!("../../tests/data/number.txt");

/// The cases of one kind, checked to be all there: `count` is how many the generator writes.
fn table(kind: &'static str, count: usize) -> Vec<Vec<&'static str>> {
    let rows: Vec<_> = cases_of(NUMBER, kind).collect();
    assert_eq!(rows.len(), count, "number.txt holds every {kind} case");
    rows
}

/// A `tonumber` result field: `nil`, `i:<decimal>` or a float.
fn expected_number(field: &str) -> Option<NumberValue> {
    match field {
        "nil" => None,
        _ => Some(match field.strip_prefix("i:") {
            Some(i) => NumberValue::Integer(int(i)),
            None => NumberValue::Float(float(field)),
        }),
    }
}

/// Equal as Lua results: same kind, floats bit for bit.
fn same_number(a: Option<NumberValue>, b: Option<NumberValue>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(NumberValue::Integer(x)), Some(NumberValue::Integer(y))) => x == y,
        (Some(NumberValue::Float(x)), Some(NumberValue::Float(y))) => x.to_bits() == y.to_bits(),
        _ => false,
    }
}

fn same_float(a: f64, b: f64) -> bool {
    (a.is_nan() && b.is_nan()) || a.to_bits() == b.to_bits()
}

fn text(field: &str) -> String {
    String::from_utf8(bytes(field)).expect("number renderings are ASCII")
}

#[test]
fn str_to_number_matches_lua() {
    let mut bad = Vec::new();
    for f in table("str_to_number", 262) {
        let input = bytes(f[0]);
        let got = str_to_number(&input);
        if !same_number(got, expected_number(f[1])) {
            bad.push(format!("{}: got {got:?}, lua5.4 {}", f[0], f[1]));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn str_to_int_base_matches_lua() {
    for f in table("str_to_int_base", 27) {
        let base = u32::try_from(int(f[1])).expect("bases are 2..=36");
        let got = str_to_int_base(&bytes(f[0]), base).map(NumberValue::Integer);
        assert!(
            same_number(got, expected_number(f[2])),
            "{} base {base}: got {got:?}, lua5.4 {}",
            f[0],
            f[2]
        );
    }
}

#[test]
fn fmt_float_matches_lua() {
    let mut bad = Vec::new();
    for f in table("fmt_float", 334) {
        let (got, expected) = (fmt_float(float(f[0])), text(f[1]));
        if got != expected {
            bad.push(format!("{}: got {got}, lua5.4 {expected}", f[0]));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn fmt_g_matches_lua() {
    for f in table("fmt_g", 118) {
        let p = usize::try_from(int(f[0])).expect("precisions are 1..=17");
        let x = float(f[1]);
        assert_eq!(fmt_g(x, p), text(f[2]), "%.{p}g of {x:e}");
    }
}

#[test]
fn nan_sign_is_printed_like_glibc() {
    assert_eq!(fmt_float(f64::from_bits(0xfff8_0000_0000_0000)), "-nan");
    assert_eq!(fmt_float(f64::from_bits(0x7ff8_0000_0000_0000)), "nan");
}

#[test]
fn int_float_comparisons_match_lua() {
    for c in table("int_float_cmp", 270) {
        let (i, f) = (int(c[0]), float(c[1]));
        let [lt, le, flt, fle, eq] = [2, 3, 4, 5, 6].map(|k| boolean(c[k]));
        assert_eq!(int_lt_float(i, f), lt, "{i} < {f}");
        assert_eq!(int_le_float(i, f), le, "{i} <= {f}");
        assert_eq!(float_lt_int(f, i), flt, "{f} < {i}");
        assert_eq!(float_le_int(f, i), fle, "{f} <= {i}");
        assert_eq!(int_eq_float(i, f), eq, "{i} == {f}");
    }
}

#[test]
fn float_to_int_is_exact() {
    assert_eq!(float_to_int(3.0), Some(3));
    assert_eq!(float_to_int(-0.0), Some(0));
    assert_eq!(float_to_int(3.5), None);
    assert_eq!(float_to_int(-9_223_372_036_854_775_808.0), Some(i64::MIN));
    assert_eq!(float_to_int(9_223_372_036_854_775_808.0), None);
    assert_eq!(float_to_int(f64::NAN), None);
    assert_eq!(float_to_int(f64::INFINITY), None);
    assert_eq!(float_floor_to_int(-3.5), Some(-4));
    assert_eq!(float_ceil_to_int(-3.5), Some(-3));
}

#[test]
fn int_div_mod_match_lua() {
    for c in table("int_div_mod", 380) {
        let [a, b, q, r] = [0, 1, 2, 3].map(|k| int(c[k]));
        assert_eq!(int_idiv(a, b), q, "{a} // {b}");
        assert_eq!(int_mod(a, b), r, "{a} % {b}");
    }
}

#[test]
fn shifts_match_lua() {
    for c in table("shifts", 400) {
        let [a, n, l, r] = [0, 1, 2, 3].map(|k| int(c[k]));
        assert_eq!(shift_left(a, n), l, "{a} << {n}");
        assert_eq!(shift_right(a, n), r, "{a} >> {n}");
    }
}

#[test]
fn float_mod_idiv_match_lua() {
    for c in table("float_mod_idiv", 256) {
        let [a, b, m, q] = [0, 1, 2, 3].map(|k| float(c[k]));
        assert!(
            same_float(float_mod(a, b), m),
            "{a} % {b}: {}",
            float_mod(a, b)
        );
        assert!(
            same_float(float_idiv(a, b), q),
            "{a} // {b}: {}",
            float_idiv(a, b)
        );
    }
}

/// Iterations (capped at 6) and first value of an integer loop, computed the way the
/// interpreter will: limit, then precomputed count.
fn run_int_loop(init: i64, limit: Option<i64>, step: i64) -> (u64, i64) {
    match limit.and_then(|l| for_int_count(init, l, step)) {
        None => (0, 0),
        Some(count) => (count.saturating_add(1).min(6), init),
    }
}

#[test]
fn for_float_limit_matches_lua() {
    for c in table("for_float_limit", 686) {
        let (init, limit, step) = (int(c[0]), float(c[1]), int(c[2]));
        let n = u64::try_from(int(c[3])).expect("counts are 0..=6");
        let lim = for_limit_from_float(init, limit, step);
        assert_eq!(
            run_int_loop(init, lim, step),
            (n, int(c[4])),
            "for {init}, {limit}, {step}"
        );
    }
}

#[test]
fn for_int_count_matches_lua() {
    for c in table("for_int", 343) {
        let [init, limit, step, n] = [0, 1, 2, 3].map(|k| int(c[k]));
        let n = u64::try_from(n).expect("counts are 0..=6");
        assert_eq!(
            run_int_loop(init, Some(limit), step).0,
            n,
            "for {init}, {limit}, {step}"
        );
    }
}
