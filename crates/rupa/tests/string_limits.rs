//! The string library under the runtime's limits: big results are refused before they are
//! built (memory cap), and work is paid for in fuel.

mod support;

use support::capped;

use rupa::{Api, Error, Limits, LuaValue, Runtime};

fn refused_at_cap(code: &str) {
    support::refused_at_cap(code);
}

#[test]
fn rep_is_refused_before_it_is_built() {
    refused_at_cap("return string.rep('x', 1e9)");
    refused_at_cap("return ('abc'):rep(3e6, ',')");
}

#[test]
fn format_pack_and_gsub_respect_the_cap() {
    refused_at_cap("return string.pack('c2000000000', '')");
    refused_at_cap(
        "local s = string.rep('x', 1e6) return string.format('%s%s%s%s%s', s, s, s, s, s)",
    );
    refused_at_cap("local s = string.rep('x', 1e6) return (s:gsub('x', 'yyyyy'))");
    refused_at_cap(
        "local s = string.rep('x', 1e6) return (s:gsub('x', function() return 'yyyyy' end))",
    );
    refused_at_cap("local s = string.rep('ab', 1e6) return s:upper() .. s:lower()");
}

#[test]
fn small_work_fits_under_the_cap() {
    let mut rt = capped(4 << 20);
    let out = rt
        .exec(
            b"return #string.rep('ab', 1000, ','), (string.format('%5.1f', 2.25))",
            "=fits",
        )
        .expect("fits");
    assert!(matches!(rt.value(&out[0]), LuaValue::Integer(2999)));
    assert_eq!(rt.value(&out[1]).as_str().as_deref(), Some("  2.2"));
}

fn with_fuel(fuel: i64) -> Runtime {
    Runtime::with_limits(Limits {
        fuel: Some(fuel),
        memory: None,
    })
}

#[test]
fn string_work_costs_fuel() {
    // One call, but megabytes of work: the natives must charge for it.
    let code = b"local s = string.rep('a', 4e6) for i = 1, 50 do s:upper() end";
    let err = with_fuel(200_000)
        .exec(code, "=work")
        .expect_err("the work costs more than the budget");
    assert!(matches!(err, Error::OutOfFuel), "{err:?}");
    with_fuel(i64::MAX / 2)
        .exec(code, "=work")
        .expect("enough fuel");
}

#[test]
fn pattern_matching_costs_fuel() {
    // Each search backtracks about 4.5e6 steps, which costs more than a whole slice: a
    // thousand of them cannot fit in a budget that the loop alone (a few thousand
    // instructions) would not exhaust.
    let code = b"local s = string.rep('a', 3e3) for i = 1, 1000 do s:find('a*b') end";
    let err = with_fuel(30_000)
        .exec(code, "=match")
        .expect_err("backtracking costs more than the budget");
    assert!(matches!(err, Error::OutOfFuel), "{err:?}");
}

#[test]
fn runaway_patterns_stop_with_pattern_too_complex() {
    // Cubic backtracking over 30 KB would run for hours in lua5.4; rupa gives up.
    let err = Runtime::new()
        .exec(
            b"local s = string.rep('a', 3e4) local r = s:find('.-.-b') return r",
            "=runaway",
        )
        .expect_err("too complex");
    assert_eq!(err.to_string(), "runaway:1: pattern too complex");
}
