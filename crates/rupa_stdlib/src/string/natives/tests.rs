//! Unit tests for the natives' helpers, and a few whole calls through a bare VM (only the
//! base and string libraries loaded). Expected texts were checked against lua5.4.

use rupa_vm::lua::Lua;
use rupa_vm::Value;

use super::*;
use crate::string::pattern::{Budget, Capture, PatternError};

/// A VM with the base and string libraries.
fn vm() -> Lua {
    let lua = Lua::new();
    lua.enter(|ctx| {
        rupa_vm::baselib::load_base(ctx).expect("base library");
        load_string(ctx).expect("string library");
    });
    lua
}

/// Runs `code` and returns its first result as text (`tostring` of it), or the error.
fn run(code: &str) -> Result<String, String> {
    let mut lua = vm();
    let f = lua.load(code.as_bytes(), "=test").map_err(|e| e.message)?;
    let out = lua.call(&f, &[]).map_err(|e| e.message)?;
    Ok(
        lua.enter(|ctx| match out.first().map(|v| Lua::fetch(ctx, v)) {
            Some(Value::String(s)) => s.to_str_lossy().into_owned(),
            Some(Value::Integer(i)) => i.to_string(),
            Some(Value::Boolean(b)) => b.to_string(),
            Some(Value::Nil) | None => "nil".to_string(),
            Some(other) => other.type_name().to_string(),
        }),
    )
}

#[test]
fn pattern_budget_grows_with_the_subject() {
    assert!(pattern_budget(0).remaining() >= 100_000_000);
    assert!(pattern_budget(1 << 20).remaining() > pattern_budget(0).remaining());
    assert_eq!(pattern_budget(usize::MAX).remaining(), u64::MAX);
}

#[test]
fn pattern_errors_keep_lua_wording() {
    let text = |e| match pattern_error(e) {
        RuntimeError::Message(m) => m,
        other => panic!("expected a positioned message, got {other:?}"),
    };
    assert_eq!(text(PatternError::OutOfFuel), "pattern too complex");
    assert_eq!(
        text(PatternError::MissingBracket),
        "malformed pattern (missing ']')"
    );
}

#[test]
fn fuel_is_charged_for_bytes_and_steps() {
    vm().enter(|ctx| {
        ctx.state.fuel.set(1000);
        charge_bytes(ctx, 1600);
        assert_eq!(ctx.state.fuel.get(), 900);
        let start = Budget::new(10_000);
        let now = Budget::new(10_000 - 800);
        charge_steps(ctx, &start, &now);
        assert_eq!(ctx.state.fuel.get(), 800);
        ctx.state.fuel.set(i64::MIN + 1);
        charge_bytes(ctx, usize::MAX);
        assert_eq!(ctx.state.fuel.get(), i64::MIN);
    });
}

#[test]
fn captures_become_substrings_or_positions() {
    vm().enter(|ctx| {
        let s = ctx.new_string(b"hello").expect("small string");
        match capture_value(ctx, s, Capture::Position(2)).expect("no allocation") {
            Value::Integer(3) => {}
            other => panic!("position capture gave {other:?}"),
        }
        match capture_value(ctx, s, Capture::Range(1, 3)).expect("fits") {
            Value::String(sub) => assert_eq!(sub.as_bytes(), b"el"),
            other => panic!("range capture gave {other:?}"),
        }
        match capture_value(ctx, s, Capture::Range(0, 5)).expect("fits") {
            Value::String(whole) => assert!(whole == s),
            other => panic!("whole capture gave {other:?}"),
        }
    });
}

#[test]
fn state_userdata_round_trips_and_rejects_other_values() {
    vm().enter(|ctx| {
        let v = new_state(ctx, 41_u32);
        with_state(v, |n: &mut u32| *n += 1).expect("a state");
        assert_eq!(with_state(v, |n: &mut u32| *n).expect("a state"), 42);
        assert!(with_state(v, |_: &mut String| ()).is_err());
        assert!(with_state(Value::Nil, |_: &mut u32| ()).is_err());
    });
}

#[test]
fn library_and_metatable_are_installed() {
    assert_eq!(run("return ('abc'):upper()"), Ok("ABC".to_string()));
    assert_eq!(
        run("return getmetatable('').__index == string"),
        Ok("true".to_string())
    );
    assert_eq!(run("return '10' + 5"), Ok("15".to_string()));
    assert_eq!(
        run("return 'a' + 1"),
        Err("test:1: attempt to add a 'string' with a 'number'".to_string())
    );
}

#[test]
fn continuations_carry_gsub_and_format_state() {
    assert_eq!(
        run("return (string.gsub('a b c', '%a', function(c) return c:upper() .. '!' end))"),
        Ok("A! B! C!".to_string())
    );
    assert_eq!(
        run(
            "local t = setmetatable({}, {__tostring = function() return 'T' end}) \
             return string.format('%s|%5s|%d', t, t, 7)"
        ),
        Ok("T|    T|7".to_string())
    );
    assert_eq!(
        run("return (string.gsub('xyz', '%a', setmetatable({}, {__index = function(_, k) return k .. k end})))"),
        Ok("xxyyzz".to_string())
    );
}

#[test]
fn gmatch_iterates_and_then_returns_nothing() {
    assert_eq!(
        run("local s = '' for k, v in string.gmatch('a=1,b=2', '(%w)=(%w)') do s = s .. k .. v end return s"),
        Ok("a1b2".to_string())
    );
    assert_eq!(
        run("local it = string.gmatch('x', 'x') it() return select('#', it())"),
        Ok("0".to_string())
    );
}
