//! Host capabilities seen from Lua: a sandbox (`DenyHost`) refuses every capability with a
//! clear error, and a host of the embedder's own (captured output, a fixed clock and time
//! zone) is what `print`, `io.write`, `os.time` and `os.date` use.

use std::cell::RefCell;
use std::io::SeekFrom;
use std::rc::Rc;

use rupa_stdlib::host::{self, DenyHost, Host, HostError, HostFile, ProcessStatus, ZoneInfo};
use rupa_stdlib::io::stream::Buffering;
use rupa_stdlib::os::tz::Zone;
use rupa_vm::lua::Lua;
use rupa_vm::Value;

/// A state with the base library and the host libraries on `host`.
fn state_with(host: Rc<dyn Host>) -> Lua {
    let lua = Lua::new();
    lua.enter(|ctx| {
        rupa_vm::baselib::load_base(ctx).expect("room for the base library");
        host::install(ctx, host);
        rupa_stdlib::load_os(ctx).expect("room for os");
        rupa_stdlib::load_io(ctx).expect("room for io");
        rupa_stdlib::load_package(ctx).expect("room for package");
    });
    lua
}

/// Runs `src` and returns its results as text (`tostring`-like for the simple types).
fn run(lua: &mut Lua, src: &str) -> Result<Vec<String>, String> {
    let f = lua.load(src.as_bytes(), "=test").map_err(|e| e.message)?;
    let out = lua.call(&f, &[]).map_err(|e| e.message)?;
    Ok(lua.enter(|ctx| {
        out.iter()
            .map(|h| match Lua::fetch(ctx, h) {
                Value::Nil => "nil".to_string(),
                Value::Boolean(b) => b.to_string(),
                Value::Integer(i) => i.to_string(),
                Value::Number(n) => n.to_string(),
                Value::String(s) => s.to_str_lossy().into_owned(),
                other => other.type_name().to_string(),
            })
            .collect()
    }))
}

#[test]
fn sandbox_refuses_every_capability() {
    let mut lua = state_with(Rc::new(DenyHost));
    let cases = [
        (
            "io.open('x')",
            "io.open: file access is not allowed in this sandbox",
        ),
        (
            "io.lines('x')",
            "io.lines: file access is not allowed in this sandbox",
        ),
        (
            "io.tmpfile()",
            "io.tmpfile: file access is not allowed in this sandbox",
        ),
        (
            "io.popen('ls')",
            "io.popen: running processes is not allowed in this sandbox",
        ),
        (
            "io.write('x')",
            "io.write: standard output is not allowed in this sandbox",
        ),
        (
            "io.read()",
            "io.read: standard input is not allowed in this sandbox",
        ),
        (
            "os.execute('ls')",
            "os.execute: running processes is not allowed in this sandbox",
        ),
        (
            "os.execute()",
            "os.execute: running processes is not allowed in this sandbox",
        ),
        (
            "os.getenv('HOME')",
            "os.getenv: environment access is not allowed in this sandbox",
        ),
        (
            "os.time()",
            "os.time: clock access is not allowed in this sandbox",
        ),
        (
            "os.clock()",
            "os.clock: clock access is not allowed in this sandbox",
        ),
        (
            "os.date()",
            "os.date: clock access is not allowed in this sandbox",
        ),
        (
            "os.remove('x')",
            "os.remove: file access is not allowed in this sandbox",
        ),
        (
            "os.rename('x', 'y')",
            "os.rename: file access is not allowed in this sandbox",
        ),
        (
            "os.tmpname()",
            "os.tmpname: file access is not allowed in this sandbox",
        ),
        (
            "os.exit(1)",
            "os.exit: exiting the process is not allowed in this sandbox",
        ),
        (
            "dofile('x')",
            "dofile: file access is not allowed in this sandbox",
        ),
        (
            "loadfile('x')",
            "loadfile: file access is not allowed in this sandbox",
        ),
        (
            "require('x')",
            "require: file access is not allowed in this sandbox",
        ),
        (
            "print('x')",
            "print: standard output is not allowed in this sandbox",
        ),
    ];
    for (code, expected) in cases {
        let src = format!("return pcall(function() return {code} end)");
        let out = run(&mut lua, &src).expect("pcall catches the refusal");
        assert_eq!(out[0], "false", "{code} should fail");
        assert!(
            out[1].ends_with(expected),
            "{code}: got {:?}, want ...{expected:?}",
            out[1]
        );
    }
}

#[test]
fn sandbox_keeps_what_needs_no_host() {
    let mut lua = state_with(Rc::new(DenyHost));
    let out = run(
        &mut lua,
        "package.preload.m = function() return 'from preload' end
         return require('m'), os.date('!%Y-%m-%d', 86400), os.time{year=2000, month=1, day=1, hour=0} == nil,
                io.type(io.stdout), os.difftime(3, 1)",
    );
    // os.time with a table needs the local time zone, which the sandbox refuses.
    assert!(out.is_err());
    let out = run(
        &mut lua,
        "package.preload.m = function() return 'from preload' end
         return require('m'), os.date('!%Y-%m-%d', 86400), io.type(io.stdout), os.difftime(3, 1)",
    )
    .expect("no capability needed");
    assert_eq!(out, ["from preload", "1970-01-02", "file", "2"]);
}

/// A host whose standard output is a shared buffer, with a fixed clock and time zone;
/// everything else is refused.
struct CaptureHost {
    out: Rc<RefCell<Vec<u8>>>,
    zone: Zone,
}

/// Captured output, with the buffering C gives the stream (stderr: none).
struct Capture(Rc<RefCell<Vec<u8>>>, Buffering);

impl HostFile for Capture {
    fn read(&mut self, _: &mut [u8]) -> Result<usize, HostError> {
        Err(HostError::io("Bad file descriptor", 9))
    }
    fn write(&mut self, data: &[u8]) -> Result<(), HostError> {
        self.0.borrow_mut().extend_from_slice(data);
        Ok(())
    }
    fn flush(&mut self) -> Result<(), HostError> {
        Ok(())
    }
    fn seek(&mut self, _: SeekFrom) -> Result<u64, HostError> {
        Err(HostError::io("Illegal seek", 29))
    }
    fn close(&mut self) -> Result<Option<ProcessStatus>, HostError> {
        Ok(None)
    }
    fn default_buffering(&self) -> Buffering {
        self.1
    }
}

impl Host for CaptureHost {
    fn has_shell(&self) -> Result<bool, HostError> {
        Ok(false)
    }
    fn getenv(&self, _: &[u8]) -> Result<Option<Vec<u8>>, HostError> {
        Ok(None)
    }
    fn clock(&self) -> Result<f64, HostError> {
        Ok(1.5)
    }
    fn time(&self) -> Result<i64, HostError> {
        // 2024-07-01 12:00:00 UTC.
        Ok(1_719_835_200)
    }
    fn local_zone(&self, t: i64) -> Result<ZoneInfo, HostError> {
        Ok(self.zone.info_at(t))
    }
    fn stdout(&self) -> Result<Box<dyn HostFile>, HostError> {
        Ok(Box::new(Capture(self.out.clone(), Buffering::Full)))
    }
    fn stderr(&self) -> Result<Box<dyn HostFile>, HostError> {
        Ok(Box::new(Capture(self.out.clone(), Buffering::No)))
    }
}

fn capture_state() -> (Lua, Rc<RefCell<Vec<u8>>>) {
    let out = Rc::new(RefCell::new(Vec::new()));
    let host = CaptureHost {
        out: out.clone(),
        zone: Zone::from_environment(Some(b"CET-1CEST,M3.5.0,M10.5.0/3")),
    };
    (state_with(Rc::new(host)), out)
}

#[test]
fn print_and_io_write_share_one_stream() {
    let (mut lua, out) = capture_state();
    run(&mut lua, "io.write('a') print('b', 1) io.write('c')").expect("runs");
    // `print` flushes; the last `io.write` is still buffered.
    assert_eq!(&*out.borrow(), b"ab\t1\n");
    run(&mut lua, "io.stdout:flush() io.stderr:write('e')").expect("runs");
    assert_eq!(&*out.borrow(), b"ab\t1\nce");
}

#[test]
fn clock_and_time_zone_come_from_the_host() {
    let (mut lua, _) = capture_state();
    let out = run(
        &mut lua,
        "return os.time(), os.clock(), os.date('%H:%M %Z %z'), os.date('!%H:%M %Z'),
                os.date('*t').isdst, os.date('%H %Z', 1704110400)",
    )
    .expect("runs");
    assert_eq!(
        out,
        [
            "1719835200",
            "1.5",
            "14:00 CEST +0200",
            "12:00 GMT",
            "true",
            "13 CET"
        ]
    );
    // os.time reads a table as local time, and normalises it.
    let out = run(
        &mut lua,
        "local t = {year = 2024, month = 7, day = 1, hour = 14}
         local jan = {year = 2024, month = 1, day = 32, hour = 13}
         return os.time(t), t.isdst, os.time(jan), jan.month, jan.day, jan.isdst",
    )
    .expect("runs");
    assert_eq!(out, ["1719835200", "true", "1706788800", "2", "1", "false"]);
}

#[test]
fn mktime_edge_cases_as_glibc() {
    // Expected values from lua5.4 with TZ="CET-1CEST,M3.5.0,M10.5.0/3".
    let (mut lua, _) = capture_state();
    let cases = [
        ("2024, 3, 31, 2, 30, nil", "1711848600 3 true"),
        ("2024, 10, 27, 2, 30, nil", "1729992600 2 false"),
        ("2024, 3, 31, 2, 30, true", "1711845000 1 false"),
        ("2024, 3, 31, 2, 30, false", "1711848600 3 true"),
        ("2024, 10, 27, 2, 30, true", "1729989000 2 true"),
        ("2024, 10, 27, 2, 30, false", "1729992600 2 false"),
        ("2024, 7, 1, 12, 0, false", "1719831600 13 true"),
        ("2024, 1, 1, 12, 0, true", "1704103200 11 false"),
        ("2200, 7, 1, 12, 0, nil", "7273792800 12 true"),
        ("1900, 7, 1, 12, 0, nil", "-2193310800 12 false"),
    ];
    for (fields, expected) in cases {
        let src = format!(
            "local y, mo, d, h, mi, dst = {fields}
             local t = {{year = y, month = mo, day = d, hour = h, min = mi, isdst = dst}}
             local r = os.time(t)
             return r .. ' ' .. t.hour .. ' ' .. tostring(t.isdst)"
        );
        let out = run(&mut lua, &src).expect("runs");
        assert_eq!(out[0], expected, "{fields}");
    }
}
