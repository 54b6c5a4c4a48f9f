//! The `os` library: `clock date difftime execute exit getenv remove rename setlocale time
//! tmpname`, every one going through the installed [`Host`](crate::host::Host).
//!
//! `setlocale` keeps glibc's per-category names and asks the host which locales exist
//! (`locale`).

pub mod date;
mod exit;
mod locale;
pub mod tz;

use rupa_vm::baselib::args::{
    arg_error, check_integer, check_string, opt_string, to_number, type_error,
};
use rupa_vm::baselib::set_native;
use rupa_vm::native::{NativeAction, NativeDef, NativeStack};
use rupa_vm::number::float_to_int;
use rupa_vm::{Context, RuntimeError, Table, Value};

use crate::host::{push_failure, raise_denied, with_host, HostError, ProcessStatus};
use date::{broken_down, seconds_from_fields, strftime, Tm};
use tz::ZoneInfo;

type R<'gc> = Result<NativeAction<'gc>, RuntimeError<'gc>>;

/// Installs the `os` table in the globals.
pub fn load_os(ctx: Context<'_>) -> Result<(), RuntimeError<'_>> {
    static FUNCS: [NativeDef; 10] = [
        NativeDef::new("clock", clock),
        NativeDef::new("date", date_),
        NativeDef::new("difftime", difftime),
        NativeDef::new("execute", execute),
        NativeDef::new("exit", exit::exit),
        NativeDef::new("getenv", getenv),
        NativeDef::new("remove", remove),
        NativeDef::new("rename", rename),
        NativeDef::new("time", time),
        NativeDef::new("tmpname", tmpname),
    ];
    // And `setlocale`, which has an upvalue.
    let os = rupa_vm::baselib::new_library(ctx, &FUNCS, 1)?;
    let locales = Value::Table(locale::new_state(ctx)?);
    set_native(ctx, os, "setlocale", locale::setlocale, Box::new([locales]))?;
    crate::package::register_library(ctx, "os", os)
}

/// Raises a refused capability as "os.<name>: ... is not allowed in this sandbox".
fn host_call<'gc, T>(
    name: &str,
    r: Result<T, HostError>,
) -> Result<Result<T, (String, i32)>, RuntimeError<'gc>> {
    raise_denied(&format!("os.{name}"), r)
}

fn clock<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let c = with_host(ctx, |h| h.host.clock());
    let secs = host_call("clock", c)?.unwrap_or(-1.0);
    stack.replace(&[Value::Number(secs)]);
    Ok(NativeAction::Return)
}

/// The current time from the host (raising a refusal for `function`).
fn now<'gc>(ctx: Context<'gc>, function: &str) -> Result<i64, RuntimeError<'gc>> {
    let t = with_host(ctx, |h| h.host.time());
    Ok(host_call(function, t)?.unwrap_or(-1))
}

fn local_zone<'gc>(
    ctx: Context<'gc>,
    function: &str,
    t: i64,
) -> Result<ZoneInfo, RuntimeError<'gc>> {
    let z = with_host(ctx, |h| h.host.local_zone(t));
    Ok(host_call(function, z)?.unwrap_or_else(|_| ZoneInfo::utc()))
}

fn date_<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let format = opt_string(ctx, stack, 0)?;
    let format = format.map_or(&b"%c"[..], |s| s.as_bytes());
    let t = if stack.get(1).is_nil() {
        now(ctx, "date")?
    } else {
        check_integer(ctx, stack, 1)?
    };
    let (utc, spec) = match format.strip_prefix(b"!") {
        Some(rest) => (true, rest),
        None => (false, format),
    };
    let zone = if utc {
        ZoneInfo {
            offset: 0,
            is_dst: false,
            abbrev: "GMT".to_string(),
        }
    } else {
        local_zone(ctx, "date", t)?
    };
    let Some(tm) = broken_down(t, zone.offset, zone.is_dst) else {
        return Err(RuntimeError::msg(
            "date result cannot be represented in this installation",
        ));
    };
    if spec == b"*t" {
        let table = Table::new(ctx.mc);
        set_fields(ctx, table, &tm)?;
        stack.replace(&[Value::Table(table)]);
        return Ok(NativeAction::Return);
    }
    match strftime(spec, &tm, &zone) {
        Ok(text) => {
            let s = ctx.new_string(&text)?;
            stack.replace(&[Value::String(s)]);
            Ok(NativeAction::Return)
        }
        Err(rest) => Err(arg_error(
            0,
            format!(
                "invalid conversion specifier '{}'",
                String::from_utf8_lossy(&rest)
            ),
        )),
    }
}

/// Fills a date table (`os.date("*t")`, and `os.time` normalising its argument).
fn set_fields<'gc>(ctx: Context<'gc>, t: Table<'gc>, tm: &Tm) -> Result<(), RuntimeError<'gc>> {
    let ints = [
        ("year", tm.year),
        ("month", tm.month),
        ("day", tm.day),
        ("hour", tm.hour),
        ("min", tm.min),
        ("sec", tm.sec),
        ("yday", tm.yday + 1),
        ("wday", tm.wday + 1),
    ];
    for (k, v) in ints {
        t.set_str(ctx, ctx.new_string(k.as_bytes())?, Value::Integer(v))?;
    }
    t.set_str(ctx, ctx.new_string(b"isdst")?, Value::Boolean(tm.isdst))
}

/// A field of a date table as `os.time` reads it: `default` when absent (negative: required),
/// range-checked as C's `int` after subtracting `delta`.
fn get_field<'gc>(
    ctx: Context<'gc>,
    t: Table<'gc>,
    key: &str,
    default: i64,
    delta: i64,
) -> Result<i64, RuntimeError<'gc>> {
    let v = t.get_str(ctx, ctx.new_string(key.as_bytes())?);
    let n = match v {
        Value::Nil if default < 0 => {
            return Err(RuntimeError::msg(format!(
                "field '{key}' missing in date table"
            )))
        }
        Value::Nil => return Ok(default),
        v => match to_number(v) {
            Some(Value::Integer(i)) => Some(i),
            Some(Value::Number(f)) => float_to_int(f),
            _ => None,
        },
    };
    let Some(n) = n else {
        return Err(RuntimeError::msg(format!(
            "field '{key}' is not an integer"
        )));
    };
    let fits = if n >= 0 {
        n - delta <= i32::MAX as i64
    } else {
        i32::MIN as i64 + delta <= n
    };
    if !fits {
        return Err(RuntimeError::msg(format!("field '{key}' is out-of-bound")));
    }
    Ok(n)
}

fn time<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let table = match stack.get(0) {
        Value::Nil => {
            let t = now(ctx, "time")?;
            stack.replace(&[Value::Integer(t)]);
            return Ok(NativeAction::Return);
        }
        Value::Table(t) => t,
        _ => return Err(type_error(ctx, stack, 0, "table")),
    };
    let year = get_field(ctx, table, "year", -1, 1900)?;
    let month = get_field(ctx, table, "month", -1, 1)?;
    let day = get_field(ctx, table, "day", -1, 0)?;
    let hour = get_field(ctx, table, "hour", 12, 0)?;
    let min = get_field(ctx, table, "min", 0, 0)?;
    let sec = get_field(ctx, table, "sec", 0, 0)?;
    let isdst = match table.get_str(ctx, ctx.new_string(b"isdst")?) {
        Value::Nil => None,
        v => Some(v.is_truthy()),
    };
    let unrepresentable =
        || RuntimeError::msg("time result cannot be represented in this installation");
    let as_utc =
        seconds_from_fields(year, month, day, hour, min, sec).ok_or_else(unrepresentable)?;
    // mktime: find t whose local time is the given one (two rounds settle any zone).
    let mut t = as_utc.saturating_sub(local_zone(ctx, "time", as_utc)?.offset);
    t = as_utc.saturating_sub(local_zone(ctx, "time", t)?.offset);
    let mut zone = local_zone(ctx, "time", t)?;
    if let Some(want) = isdst {
        // glibc reads the fields with the offset of the kind asked for (summer or standard
        // time) in force near that date, even where that kind does not apply; with no such
        // kind nearby it assumes an hour of difference.
        let offset = if zone.is_dst == want {
            zone.offset
        } else {
            match offset_of_kind(ctx, t, want)? {
                Some(o) => o,
                None if want => zone.offset + 3600,
                None => zone.offset - 3600,
            }
        };
        t = as_utc.saturating_sub(offset);
        zone = local_zone(ctx, "time", t)?;
    }
    let tm = broken_down(t, zone.offset, zone.is_dst).ok_or_else(unrepresentable)?;
    // C's mktime returns -1 for errors, so lua5.4 cannot tell that instant from a failure.
    if t == -1 {
        return Err(unrepresentable());
    }
    set_fields(ctx, table, &tm)?;
    stack.replace(&[Value::Integer(t)]);
    Ok(NativeAction::Return)
}

/// The UTC offset of summer time (`dst`) or standard time in force within about a year of
/// `t`, probing day by day outward.
fn offset_of_kind<'gc>(
    ctx: Context<'gc>,
    t: i64,
    dst: bool,
) -> Result<Option<i64>, RuntimeError<'gc>> {
    const DAY: i64 = 86_400;
    for days in 1..=400 {
        for probe in [t.saturating_sub(days * DAY), t.saturating_add(days * DAY)] {
            let z = local_zone(ctx, "time", probe)?;
            if z.is_dst == dst {
                return Ok(Some(z.offset));
            }
        }
    }
    Ok(None)
}

fn difftime<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let t1 = check_integer(ctx, stack, 0)?;
    let t2 = check_integer(ctx, stack, 1)?;
    stack.replace(&[Value::Number(t1 as f64 - t2 as f64)]);
    Ok(NativeAction::Return)
}

fn getenv<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let name = check_string(ctx, stack, 0)?;
    let v = with_host(ctx, |h| h.host.getenv(name.as_bytes()));
    let v = match host_call("getenv", v)? {
        Ok(Some(bytes)) => Value::String(ctx.new_string(&bytes)?),
        _ => Value::Nil,
    };
    stack.replace(&[v]);
    Ok(NativeAction::Return)
}

fn execute<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let Some(cmd) = opt_string(ctx, stack, 0)? else {
        let shell = with_host(ctx, |h| h.host.has_shell());
        let shell = host_call("execute", shell)?.unwrap_or(false);
        stack.replace(&[Value::Boolean(shell)]);
        return Ok(NativeAction::Return);
    };
    let status = with_host(ctx, |h| h.host.execute(cmd.as_bytes()));
    let status = match host_call("execute", status)? {
        Ok(Some(s)) => s,
        Ok(None) => return push_failure(ctx, stack, None, "Function not implemented", 38),
        Err((msg, code)) => return push_failure(ctx, stack, None, &msg, code),
    };
    push_process_status(ctx, stack, status)
}

/// `true|nil, "exit"|"signal", code` (lua5.4's `luaL_execresult`).
pub fn push_process_status<'gc>(
    ctx: Context<'gc>,
    stack: &mut NativeStack<'gc, '_>,
    status: ProcessStatus,
) -> R<'gc> {
    let (ok, what, code) = match status {
        ProcessStatus::Exit(c) => (c == 0, "exit", c),
        ProcessStatus::Signal(s) => (false, "signal", s),
    };
    let first = if ok { Value::Boolean(true) } else { Value::Nil };
    let what = Value::String(ctx.new_string(what.as_bytes())?);
    stack.replace(&[first, what, Value::Integer(code as i64)]);
    Ok(NativeAction::Return)
}

fn remove<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let name = check_string(ctx, stack, 0)?;
    let r = with_host(ctx, |h| h.host.remove(name.as_bytes()));
    match host_call("remove", r)? {
        Ok(()) => {
            stack.replace(&[Value::Boolean(true)]);
            Ok(NativeAction::Return)
        }
        Err((msg, code)) => push_failure(ctx, stack, Some(name.as_bytes()), &msg, code),
    }
}

fn rename<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let from = check_string(ctx, stack, 0)?;
    let to = check_string(ctx, stack, 1)?;
    let r = with_host(ctx, |h| h.host.rename(from.as_bytes(), to.as_bytes()));
    match host_call("rename", r)? {
        Ok(()) => {
            stack.replace(&[Value::Boolean(true)]);
            Ok(NativeAction::Return)
        }
        Err((msg, code)) => push_failure(ctx, stack, None, &msg, code),
    }
}

fn tmpname<'gc>(ctx: Context<'gc>, _: &[Value<'gc>], stack: &mut NativeStack<'gc, '_>) -> R<'gc> {
    let r = with_host(ctx, |h| h.host.tmpname());
    match host_call("tmpname", r)? {
        Ok(name) => {
            let s = ctx.new_string(&name)?;
            stack.replace(&[Value::String(s)]);
            Ok(NativeAction::Return)
        }
        Err(_) => Err(RuntimeError::msg("unable to generate a unique filename")),
    }
}
