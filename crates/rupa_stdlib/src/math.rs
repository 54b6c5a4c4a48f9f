//! The `math` library, with 5.4's integer/float rules: functions that can keep an integer do
//! (`floor`, `ceil`, `abs`, `fmod`, `modf`'s first result when representable), everything else
//! works on floats; `random`/`randomseed` are 5.4's xoshiro256** ([`rand`]).

mod minmax;
pub mod rand;

use std::cell::RefCell;

use gc_arena::{lock::Lock, Gc};
use rupa_vm::baselib::args::{arg_error, check_any, check_integer, check_number, opt_integer};
use rupa_vm::function::Function;
use rupa_vm::native::{NativeAction, NativeDef, NativeStack};
use rupa_vm::number::float_to_int;
use rupa_vm::userdata::{UserData, UserDataObj};
use rupa_vm::{Context, RuntimeError, Value};

use crate::register::{register_lib_with, set_field};
use minmax::min_max;
use rand::Xoshiro;

type R<'gc> = Result<NativeAction<'gc>, RuntimeError<'gc>>;

/// Installs the `math` library, its generator seeded from host-independent entropy.
pub fn load_math(ctx: Context<'_>) -> Result<(), RuntimeError<'_>> {
    static FUNCS: [NativeDef; 27] = [
        NativeDef::new("abs", abs),
        NativeDef::new("acos", |c, _, s| float1(c, s, f64::acos)),
        NativeDef::new("asin", |c, _, s| float1(c, s, f64::asin)),
        NativeDef::new("ceil", ceil),
        NativeDef::new("cos", |c, _, s| float1(c, s, f64::cos)),
        NativeDef::new("deg", |c, _, s| {
            float1(c, s, |x| x * (180.0 / std::f64::consts::PI))
        }),
        NativeDef::new("exp", |c, _, s| float1(c, s, f64::exp)),
        NativeDef::new("floor", floor),
        NativeDef::new("fmod", fmod),
        NativeDef::new("log", log),
        NativeDef::new("max", |c, _, s| min_max(c, s, true)),
        NativeDef::new("min", |c, _, s| min_max(c, s, false)),
        NativeDef::new("modf", modf),
        NativeDef::new("rad", |c, _, s| {
            float1(c, s, |x| x * (std::f64::consts::PI / 180.0))
        }),
        NativeDef::new("sin", |c, _, s| float1(c, s, f64::sin)),
        NativeDef::new("sqrt", |c, _, s| float1(c, s, f64::sqrt)),
        NativeDef::new("tan", |c, _, s| float1(c, s, f64::tan)),
        NativeDef::new("tointeger", tointeger),
        NativeDef::new("type", type_),
        NativeDef::new("ult", ult),
        // Debian's lua5.4 is built with LUA_COMPAT_MATHLIB: these 5.2 functions remain.
        NativeDef::new("cosh", |c, _, s| float1(c, s, f64::cosh)),
        NativeDef::new("sinh", |c, _, s| float1(c, s, f64::sinh)),
        NativeDef::new("tanh", |c, _, s| float1(c, s, f64::tanh)),
        NativeDef::new("log10", |c, _, s| float1(c, s, f64::log10)),
        NativeDef::new("pow", pow),
        NativeDef::new("frexp", frexp),
        NativeDef::new("ldexp", ldexp),
    ];
    let lib = register_lib_with(
        ctx, "math", &FUNCS,
        // atan, atan2, pi, huge, maxinteger, mininteger, random, randomseed
        8,
    )?;
    // `atan2` is `atan` itself, as in lua5.4 (`math.atan == math.atan2`).
    static ATAN: NativeDef = NativeDef::new("atan", atan);
    set_field(ctx, lib, "atan", Value::from(Function::light(&ATAN)))?;
    set_field(ctx, lib, "atan2", Value::from(Function::light(&ATAN)))?;
    set_field(ctx, lib, "pi", Value::Number(std::f64::consts::PI))?;
    set_field(ctx, lib, "huge", Value::Number(f64::INFINITY))?;
    set_field(ctx, lib, "maxinteger", Value::Integer(i64::MAX))?;
    set_field(ctx, lib, "mininteger", Value::Integer(i64::MIN))?;
    let (n1, n2) = entropy_seed();
    let state = UserData(Gc::new(
        ctx.mc,
        UserDataObj {
            metatable: Lock::new(None),
            user_value: Lock::new(Value::Nil),
            data: Box::new(RefCell::new(Xoshiro::seeded(n1, n2))),
        },
    ));
    for (name, f) in [
        ("random", random as rupa_vm::native::NativeFn),
        ("randomseed", randomseed),
    ] {
        let func = Function::new_native(ctx.mc, name, f, Box::new([Value::UserData(state)]));
        set_field(ctx, lib, name, Value::from(func))?;
    }
    Ok(())
}

fn ret1<'gc>(stack: &mut NativeStack<'gc, '_>, v: Value<'gc>) -> R<'gc> {
    stack.replace(&[v]);
    Ok(NativeAction::Return)
}

/// `luaL_checknumber`: the argument as a float.
fn num<'gc>(
    ctx: Context<'gc>,
    stack: &NativeStack<'gc, '_>,
    i: usize,
) -> Result<f64, RuntimeError<'gc>> {
    Ok(match check_number(ctx, stack, i)? {
        Value::Integer(n) => n as f64,
        Value::Number(f) => f,
        _ => rupa_vm::vm_bug!("check_number returns numbers"),
    })
}

/// A float result as an integer when it has an exact integer value (5.4's `pushnumint`).
fn numint<'gc>(f: f64) -> Value<'gc> {
    match float_to_int(f) {
        Some(i) => Value::Integer(i),
        None => Value::Number(f),
    }
}

fn float1<'gc>(ctx: Context<'gc>, stack: &mut NativeStack<'gc, '_>, f: fn(f64) -> f64) -> R<'gc> {
    let x = num(ctx, stack, 0)?;
    ret1(stack, Value::Number(f(x)))
}

fn abs<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let v = match stack.get(0) {
        Value::Integer(n) => Value::Integer(n.wrapping_abs()),
        _ => Value::Number(num(ctx, stack, 0)?.abs()),
    };
    ret1(stack, v)
}

fn floor<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let v = match stack.get(0) {
        v @ Value::Integer(_) => v,
        _ => numint(num(ctx, stack, 0)?.floor()),
    };
    ret1(stack, v)
}

fn ceil<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let v = match stack.get(0) {
        v @ Value::Integer(_) => v,
        _ => numint(num(ctx, stack, 0)?.ceil()),
    };
    ret1(stack, v)
}

fn fmod<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let v = match (stack.get(0), stack.get(1)) {
        (Value::Integer(m), Value::Integer(d)) => match d {
            0 => return Err(arg_error(1, "zero")),
            // m % -1 is 0, and computing it could overflow for mininteger.
            -1 => Value::Integer(0),
            _ => Value::Integer(m % d),
        },
        _ => {
            let a = num(ctx, stack, 0)?;
            let b = num(ctx, stack, 1)?;
            Value::Number(a % b)
        }
    };
    ret1(stack, v)
}

fn modf<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    if let v @ Value::Integer(_) = stack.get(0) {
        stack.replace(&[v, Value::Number(0.0)]);
        return Ok(NativeAction::Return);
    }
    let n = num(ctx, stack, 0)?;
    let ip = if n < 0.0 { n.ceil() } else { n.floor() };
    let frac = if n == ip { 0.0 } else { n - ip };
    stack.replace(&[numint(ip), Value::Number(frac)]);
    Ok(NativeAction::Return)
}

fn atan<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let y = num(ctx, stack, 0)?;
    let x = if stack.get(1).is_nil() {
        1.0
    } else {
        num(ctx, stack, 1)?
    };
    ret1(stack, Value::Number(y.atan2(x)))
}

fn log<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let x = num(ctx, stack, 0)?;
    let r = if stack.get(1).is_nil() {
        x.ln()
    } else {
        let b = num(ctx, stack, 1)?;
        if b == 2.0 {
            x.log2()
        } else if b == 10.0 {
            x.log10()
        } else {
            x.ln() / b.ln()
        }
    };
    ret1(stack, Value::Number(r))
}

fn pow<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let x = num(ctx, stack, 0)?;
    let y = num(ctx, stack, 1)?;
    ret1(stack, Value::Number(x.powf(y)))
}

fn frexp<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let (m, e) = split_exponent(num(ctx, stack, 0)?);
    stack.replace(&[Value::Number(m), Value::Integer(e)]);
    Ok(NativeAction::Return)
}

fn ldexp<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let x = num(ctx, stack, 0)?;
    // C casts the exponent to `int`.
    let e = check_integer(ctx, stack, 1)? as i32;
    ret1(stack, Value::Number(scale_by_power_of_two(x, e)))
}

/// C's `frexp`: `x = m * 2^e` with `0.5 <= |m| < 1` (m = x and e = 0 for 0, inf, NaN).
fn split_exponent(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (x, bias) = if x.abs() < f64::MIN_POSITIVE {
        (x * 2f64.powi(64), -64)
    } else {
        (x, 0)
    };
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022 + bias)
}

/// C's `ldexp`: `x * 2^e` without overflow in the intermediate power.
fn scale_by_power_of_two(mut x: f64, mut e: i32) -> f64 {
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
        if x == 0.0 {
            return x;
        }
    }
    x * 2f64.powi(e)
}

/// `math.min`/`math.max`: compares the arguments as they are (no conversion), keeping the
/// first of equal values, as 5.4 does with `lua_compare`.
fn tointeger<'gc>(_: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let v = match rupa_vm::arith::tointeger_value(stack.get(0)) {
        Some(n) => Value::Integer(n),
        None => {
            check_any(stack, 0)?;
            Value::Nil
        }
    };
    ret1(stack, v)
}

fn type_<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let v = match check_any(stack, 0)? {
        Value::Integer(_) => Value::String(ctx.new_string(b"integer")?),
        Value::Number(_) => Value::String(ctx.new_string(b"float")?),
        _ => Value::Nil,
    };
    ret1(stack, v)
}

fn ult<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let a = check_integer(ctx, stack, 0)?;
    let b = check_integer(ctx, stack, 1)?;
    ret1(stack, Value::Boolean((a as u64) < (b as u64)))
}

fn generator<'gc, 'a>(
    upvalues: &'a [Value<'gc>],
) -> Result<&'a RefCell<Xoshiro>, RuntimeError<'gc>> {
    match upvalues.first() {
        Some(Value::UserData(ud)) => {
            ud.0.data
                .downcast_ref::<RefCell<Xoshiro>>()
                .ok_or_else(|| RuntimeError::msg("random state lost"))
        }
        _ => Err(RuntimeError::msg("random state lost")),
    }
}

fn random<'gc>(
    ctx: Context<'gc>,
    upvalues: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let cell = generator(upvalues)?;
    let bits = cell.borrow_mut().next_u64();
    let (low, up) = match stack.len() {
        0 => return ret1(stack, Value::Number(Xoshiro::to_float(bits))),
        1 => {
            let up = check_integer(ctx, stack, 0)?;
            if up == 0 {
                return ret1(stack, Value::Integer(bits as i64));
            }
            (1, up)
        }
        2 => (check_integer(ctx, stack, 0)?, check_integer(ctx, stack, 1)?),
        _ => return Err(RuntimeError::msg("wrong number of arguments")),
    };
    if low > up {
        return Err(arg_error(0, "interval is empty"));
    }
    let p = cell
        .borrow_mut()
        .project(bits, (up as u64).wrapping_sub(low as u64));
    ret1(stack, Value::Integer(p.wrapping_add(low as u64) as i64))
}

fn randomseed<'gc>(
    ctx: Context<'gc>,
    upvalues: &[Value<'gc>],
    stack: &mut NativeStack<'gc, '_>,
) -> R<'gc> {
    let cell = generator(upvalues)?;
    let (n1, n2) = if stack.is_empty() {
        entropy_seed()
    } else {
        let n1 = check_integer(ctx, stack, 0)? as u64;
        let n2 = opt_integer(ctx, stack, 1, 0)? as u64;
        (n1, n2)
    };
    *cell.borrow_mut() = Xoshiro::seeded(n1, n2);
    stack.replace(&[Value::Integer(n1 as i64), Value::Integer(n2 as i64)]);
    Ok(NativeAction::Return)
}

/// A seed without a clock: the address of a fresh allocation (varies with ASLR and heap state)
/// mixed with a process-wide counter, so two states or two calls differ.
fn entropy_seed() -> (u64, u64) {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let probe = Box::new(0u64);
    let addr = &*probe as *const u64 as usize as u64;
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let fn_addr = entropy_seed as fn() -> (u64, u64) as usize as u64;
    (addr ^ count.rotate_left(32), fn_addr ^ count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numint_keeps_floats_out_of_range() {
        assert!(matches!(numint(3.0), Value::Integer(3)));
        assert!(matches!(numint(-0.0), Value::Integer(0)));
        assert!(matches!(numint(1e100), Value::Number(_)));
        assert!(matches!(numint(f64::NAN), Value::Number(_)));
        assert!(matches!(numint(9.223_372_036_854_776e18), Value::Number(_)));
    }

    #[test]
    fn frexp_matches_c() {
        assert_eq!(split_exponent(8.0), (0.5, 4));
        assert_eq!(split_exponent(-3.0), (-0.75, 2));
        assert_eq!(split_exponent(0.0), (0.0, 0));
        assert_eq!(split_exponent(5e-324), (0.5, -1073));
        assert_eq!(scale_by_power_of_two(0.5, 4), 8.0);
        assert_eq!(scale_by_power_of_two(1.0, -1074), 5e-324);
    }

    #[test]
    fn entropy_seeds_differ() {
        assert_ne!(entropy_seed(), entropy_seed());
    }
}
