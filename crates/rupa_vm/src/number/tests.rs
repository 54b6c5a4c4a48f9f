//! number.rs against the cases captured from lua5.4 (`cases.rs`).

use super::cases::*;
use super::*;

/// Parses a `%.17g` rendering (or glibc's `inf`/`nan` spellings) back to the exact float.
fn parse_g17(s: &str) -> f64 {
    match s {
        "inf" => f64::INFINITY,
        "-inf" => f64::NEG_INFINITY,
        "nan" => f64::NAN,
        "-nan" => -f64::NAN,
        _ => s.parse().expect("cases hold valid %.17g renderings"),
    }
}

fn render(v: Option<NumberValue>) -> String {
    match v {
        None => "nil".to_string(),
        Some(NumberValue::Integer(i)) => format!("i:{i}"),
        Some(NumberValue::Float(f)) => format!("f:{}", fmt_g(f, 17)),
    }
}

fn same_float(a: f64, b: f64) -> bool {
    (a.is_nan() && b.is_nan()) || a.to_bits() == b.to_bits()
}

#[test]
fn str_to_number_matches_lua() {
    let mut bad = Vec::new();
    for &(input, expected) in STR_TO_NUMBER {
        let got = render(str_to_number(input));
        if got != expected {
            bad.push(format!(
                "{:?}: got {got}, lua5.4 {expected}",
                String::from_utf8_lossy(input)
            ));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn str_to_int_base_matches_lua() {
    for &(input, base, expected) in STR_TO_INT_BASE {
        let got = render(str_to_int_base(input, base).map(NumberValue::Integer));
        assert_eq!(
            got,
            expected,
            "{:?} base {base}",
            String::from_utf8_lossy(input)
        );
    }
}

#[test]
fn fmt_float_matches_lua() {
    let mut bad = Vec::new();
    for &(repr, expected) in FMT_FLOAT {
        let got = fmt_float(parse_g17(repr));
        if got != expected {
            bad.push(format!("{repr}: got {got}, lua5.4 {expected}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn fmt_g_matches_lua() {
    for &(p, repr, expected) in FMT_G {
        assert_eq!(fmt_g(parse_g17(repr), p), expected, "%.{p}g of {repr}");
    }
}

#[test]
fn nan_sign_is_printed_like_glibc() {
    assert_eq!(fmt_float(f64::from_bits(0xfff8_0000_0000_0000)), "-nan");
    assert_eq!(fmt_float(f64::from_bits(0x7ff8_0000_0000_0000)), "nan");
}

#[test]
fn int_float_comparisons_match_lua() {
    for &(i, f, lt, le, flt, fle, eq) in INT_FLOAT_CMP {
        let f = parse_g17(f);
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
    for &(a, b, q, r) in INT_DIV_MOD {
        assert_eq!(int_idiv(a, b), q, "{a} // {b}");
        assert_eq!(int_mod(a, b), r, "{a} % {b}");
    }
}

#[test]
fn shifts_match_lua() {
    for &(a, n, l, r) in SHIFTS {
        assert_eq!(shift_left(a, n), l, "{a} << {n}");
        assert_eq!(shift_right(a, n), r, "{a} >> {n}");
    }
}

#[test]
fn float_mod_idiv_match_lua() {
    for &(a, b, m, q) in FLOAT_MOD_IDIV {
        let (a, b) = (parse_g17(a), parse_g17(b));
        let (m, q) = (parse_g17(m), parse_g17(q));
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
    for &(init, limit, step, n, first) in FOR_FLOAT_LIMIT {
        let lim = for_limit_from_float(init, parse_g17(limit), step);
        assert_eq!(
            run_int_loop(init, lim, step),
            (n, first),
            "for {init}, {limit}, {step}"
        );
    }
}

#[test]
fn for_int_count_matches_lua() {
    for &(init, limit, step, n) in FOR_INT {
        assert_eq!(
            run_int_loop(init, Some(limit), step).0,
            n,
            "for {init}, {limit}, {step}"
        );
    }
}
