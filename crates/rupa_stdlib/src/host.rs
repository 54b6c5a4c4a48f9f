//! Host capabilities: the one door between the standard library and the world outside the VM.
//!
//! Files, processes, environment variables, the clock, the local time zone, temporary names,
//! the standard streams and process exit all go through the [`Host`] trait the embedder
//! installs in a state with [`install`]. [`StdHost`] grants what lua5.4 has (std::fs,
//! std::process, std::env, `SystemTime`); [`DenyHost`] refuses everything. A state with no host
//! installed behaves as if it had a `DenyHost`.
//!
//! A refused capability is a Lua *error*, raised where the library function was called, worded
//! `<function>: <capability> is not allowed in this sandbox` (for example
//! `io.open: file access is not allowed in this sandbox`). Ordinary failures of a granted
//! capability (a missing file) are reported as lua5.4 reports them (`nil, message, errno`).
//!
//! The installed host also owns the buffered standard output that `print` and `io.write`
//! share, so their output keeps its order; this module must not know about Lua values beyond
//! what that needs.

use std::any::Any;
use std::cell::RefCell;
use std::io::SeekFrom;
use std::rc::{Rc, Weak};

use rupa_vm::native::{NativeAction, NativeStack};
use rupa_vm::state::HostHook;
use rupa_vm::{Context, RuntimeError, Value};

use crate::io::stream::{Buffering, Stream};
pub use crate::os::tz::ZoneInfo;

mod locale_dir;
mod std_host;
pub use std_host::StdHost;

/// Why a host operation failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostError {
    /// The host does not grant this capability (the text names it: "file access").
    Denied(&'static str),
    /// The operation was tried and failed: the system's message (as `strerror` words it) and
    /// error number.
    Io { message: String, code: i32 },
    /// The platform has no such facility; the message is raised as a Lua error, as lua5.4
    /// built without it does (`'popen' not supported`).
    Unsupported(&'static str),
}

impl HostError {
    /// An I/O failure with a message and error number.
    pub fn io(message: impl Into<String>, code: i32) -> HostError {
        HostError::Io {
            message: message.into(),
            code,
        }
    }

    /// The Lua error raised for a refused capability, naming the library function.
    pub fn denied_error<'gc>(function: &str, what: &str) -> RuntimeError<'gc> {
        RuntimeError::msg(format!("{function}: {what} is not allowed in this sandbox"))
    }
}

impl From<std::io::Error> for HostError {
    fn from(e: std::io::Error) -> Self {
        let code = e.raw_os_error().unwrap_or(0);
        // std words OS errors as strerror does, then appends " (os error N)".
        let text = e.to_string();
        let message = match text.rfind(" (os error ") {
            Some(at) if e.raw_os_error().is_some() => text[..at].to_string(),
            _ => text,
        };
        HostError::Io { message, code }
    }
}

/// How a child process ended (`os.execute`, closing an `io.popen` file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProcessStatus {
    /// It exited with this status.
    Exit(i32),
    /// A signal with this number ended it.
    Signal(i32),
}

/// How `io.open` opens a file: the C `fopen` modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenMode {
    /// The file can be read.
    pub read: bool,
    /// The file can be written.
    pub write: bool,
    /// Writes go to the end (`a`, `a+`).
    pub append: bool,
    /// The file is emptied when opened (`w`, `w+`).
    pub truncate: bool,
    /// The file is created when missing (`w`, `a` and their `+` forms).
    pub create: bool,
}

impl OpenMode {
    /// Parses a Lua mode string (`r w a`, optional `+`, then any number of `b`); `None` for an
    /// invalid mode.
    pub fn parse(mode: &[u8]) -> Option<OpenMode> {
        let (&first, rest) = mode.split_first()?;
        let plus = rest.first() == Some(&b'+');
        let tail = if plus { &rest[1..] } else { rest };
        if !tail.iter().all(|&b| b == b'b') {
            return None;
        }
        let m = match first {
            b'r' => OpenMode {
                read: true,
                write: plus,
                append: false,
                truncate: false,
                create: false,
            },
            b'w' => OpenMode {
                read: plus,
                write: true,
                append: false,
                truncate: true,
                create: true,
            },
            b'a' => OpenMode {
                read: plus,
                write: true,
                append: true,
                truncate: false,
                create: true,
            },
            _ => return None,
        };
        Some(m)
    }
}

/// An open file, pipe or standard stream as the host provides it: unbuffered byte I/O. The io
/// library adds buffering on top.
pub trait HostFile {
    /// Reads up to `buf.len()` bytes; 0 means end of file.
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, HostError>;
    /// Writes all of `data`.
    fn write(&mut self, data: &[u8]) -> Result<(), HostError>;
    /// Pushes written data to its destination.
    fn flush(&mut self) -> Result<(), HostError>;
    /// Moves the file position; returns the new position from the start.
    fn seek(&mut self, pos: SeekFrom) -> Result<u64, HostError>;
    /// Closes the file. A pipe waits for its process and reports how it ended.
    fn close(&mut self) -> Result<Option<ProcessStatus>, HostError>;
    /// The buffering C would give this stream by default.
    fn default_buffering(&self) -> Buffering {
        Buffering::Full
    }
}

/// Everything the standard library needs from outside the VM. Byte strings are passed as Lua
/// has them (file names and commands need not be UTF-8).
/// Every capability is refused by default (as [`DenyHost`] does), so a host implements only
/// what it grants.
pub trait Host: 'static {
    /// Opens a file (`io.open`, `io.lines`, `dofile`, `require`).
    fn open(&self, _path: &[u8], _mode: OpenMode) -> Result<Box<dyn HostFile>, HostError> {
        Err(HostError::Denied("file access"))
    }
    /// A temporary file, open for update, removed when closed (`io.tmpfile`).
    fn tmpfile(&self) -> Result<Box<dyn HostFile>, HostError> {
        Err(HostError::Denied("file access"))
    }
    /// Deletes a file or an empty directory (`os.remove`).
    fn remove(&self, _path: &[u8]) -> Result<(), HostError> {
        Err(HostError::Denied("file access"))
    }
    /// Renames a file (`os.rename`).
    fn rename(&self, _from: &[u8], _to: &[u8]) -> Result<(), HostError> {
        Err(HostError::Denied("file access"))
    }
    /// A fresh temporary file name; the file is created (`os.tmpname`).
    fn tmpname(&self) -> Result<Vec<u8>, HostError> {
        Err(HostError::Denied("file access"))
    }
    /// Starts `command` in a shell with a pipe to its standard output (`write == false`) or
    /// standard input (`io.popen`).
    fn popen(&self, _command: &[u8], _write: bool) -> Result<Box<dyn HostFile>, HostError> {
        Err(HostError::Denied("running processes"))
    }
    /// Runs `command` in a shell and waits for it (`os.execute`); `Ok(None)` when there is no
    /// shell.
    fn execute(&self, _command: &[u8]) -> Result<Option<ProcessStatus>, HostError> {
        Err(HostError::Denied("running processes"))
    }
    /// Whether a shell is available (`os.execute()`).
    fn has_shell(&self) -> Result<bool, HostError> {
        Err(HostError::Denied("running processes"))
    }
    /// An environment variable (`os.getenv`, `package.path` defaults).
    fn getenv(&self, _name: &[u8]) -> Result<Option<Vec<u8>>, HostError> {
        Err(HostError::Denied("environment access"))
    }
    /// Whether `name` (not "C" or "POSIX", without `/`) is a locale installed on the system
    /// (`os.setlocale`); refused, every such locale is taken as missing.
    fn locale_installed(&self, _name: &[u8]) -> Result<bool, HostError> {
        Err(HostError::Denied("locale access"))
    }
    /// Processor time used by the program, in seconds (`os.clock`).
    fn clock(&self) -> Result<f64, HostError> {
        Err(HostError::Denied("clock access"))
    }
    /// The current time in seconds since the Unix epoch (`os.time`).
    fn time(&self) -> Result<i64, HostError> {
        Err(HostError::Denied("clock access"))
    }
    /// The local time zone at instant `t` (seconds since the epoch): offset from UTC, daylight
    /// saving flag and abbreviation (`os.date`, `os.time`).
    fn local_zone(&self, _t: i64) -> Result<ZoneInfo, HostError> {
        Err(HostError::Denied("time zone access"))
    }
    /// Ends the process with `code` (`os.exit`). Buffered output was flushed before the call.
    /// Returns only when refused.
    fn exit(&self, _code: i32) -> Result<(), HostError> {
        Err(HostError::Denied("exiting the process"))
    }
    /// The process's standard input.
    fn stdin(&self) -> Result<Box<dyn HostFile>, HostError> {
        Err(HostError::Denied("standard input"))
    }
    /// The process's standard output.
    fn stdout(&self) -> Result<Box<dyn HostFile>, HostError> {
        Err(HostError::Denied("standard output"))
    }
    /// The process's standard error.
    fn stderr(&self) -> Result<Box<dyn HostFile>, HostError> {
        Err(HostError::Denied("standard error"))
    }
}

/// A host that refuses every capability (a sandbox). Each refusal raises
/// "`<function>`: `<capability>` is not allowed in this sandbox".
#[derive(Debug, Default, Clone, Copy)]
pub struct DenyHost;

impl Host for DenyHost {}

/// Which standard stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StdStream {
    Stdin,
    Stdout,
    Stderr,
}

/// A host installed in a state, with the buffered streams the libraries share.
pub struct Installed {
    /// The embedder's host.
    pub host: Rc<dyn Host>,
    std: RefCell<[Option<Rc<RefCell<Stream>>>; 3]>,
    /// Every stream opened so far, so `os.exit` can flush them as C's `exit` does.
    open: RefCell<Vec<Weak<RefCell<Stream>>>>,
}

impl Installed {
    /// The shared buffered stream for a standard stream, opened on first use.
    pub fn std_stream(&self, which: StdStream) -> Result<Rc<RefCell<Stream>>, HostError> {
        let i = which as usize;
        if let Some(s) = &self.std.borrow()[i] {
            return Ok(s.clone());
        }
        let file = match which {
            StdStream::Stdin => self.host.stdin()?,
            StdStream::Stdout => self.host.stdout()?,
            StdStream::Stderr => self.host.stderr()?,
        };
        let s = self.track(Stream::new(
            file,
            which == StdStream::Stdin,
            which != StdStream::Stdin,
        ));
        self.std.borrow_mut()[i] = Some(s.clone());
        Ok(s)
    }

    /// Wraps a host file in a shared stream and remembers it for `flush_all`.
    pub fn track(&self, stream: Stream) -> Rc<RefCell<Stream>> {
        let s = Rc::new(RefCell::new(stream));
        let mut open = self.open.borrow_mut();
        open.retain(|w| w.strong_count() > 0);
        open.push(Rc::downgrade(&s));
        s
    }

    /// Flushes every open stream (before the process exits).
    pub fn flush_all(&self) {
        let open: Vec<_> = self
            .open
            .borrow()
            .iter()
            .filter_map(Weak::upgrade)
            .collect();
        for s in open {
            if let Ok(mut s) = s.try_borrow_mut() {
                let _ = s.flush();
            }
        }
    }
}

impl HostHook for Installed {
    fn write_stdout(&self, bytes: &[u8], flush: bool) -> Result<(), String> {
        let stream = self.std_stream(StdStream::Stdout).map_err(|e| match e {
            HostError::Denied(what) => format!("print: {what} is not allowed in this sandbox"),
            HostError::Unsupported(message) => message.to_string(),
            HostError::Io { message, .. } => message,
        })?;
        let mut s = stream.borrow_mut();
        // Like C's `print`, write errors are ignored.
        let _ = s.write(bytes);
        if flush {
            let _ = s.flush();
        }
        Ok(())
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Installs `host` in the state: every library call from now on uses it. Streams opened
/// through an earlier host stay open.
pub fn install(ctx: Context<'_>, host: Rc<dyn Host>) {
    let installed = Installed {
        host,
        std: RefCell::new([None, None, None]),
        open: RefCell::new(Vec::new()),
    };
    *ctx.state.host.borrow_mut() = Some(Rc::new(installed));
}

/// The installed host (a [`DenyHost`] is installed first if there is none).
pub fn installed(ctx: Context<'_>) -> Rc<dyn HostHook> {
    let current = ctx.state.host.borrow().clone();
    match current {
        Some(h) if h.as_any().is::<Installed>() => h,
        _ => {
            install(ctx, Rc::new(DenyHost));
            ctx.state
                .host
                .borrow()
                .clone()
                .expect("a host was installed just above")
        }
    }
}

/// Runs `f` with the installed host.
pub fn with_host<R>(ctx: Context<'_>, f: impl FnOnce(&Installed) -> R) -> R {
    let hook = installed(ctx);
    let inst = hook
        .as_any()
        .downcast_ref::<Installed>()
        .expect("installed() only returns an Installed host");
    f(inst)
}

/// A `Denied` error raised as a Lua error naming `function`; `Io` errors are handed back for the
/// caller to report its own way.
pub fn raise_denied<'gc, T>(
    function: &str,
    r: Result<T, HostError>,
) -> Result<Result<T, (String, i32)>, RuntimeError<'gc>> {
    match r {
        Ok(v) => Ok(Ok(v)),
        Err(HostError::Denied(what)) => Err(HostError::denied_error(function, what)),
        Err(HostError::Unsupported(message)) => Err(RuntimeError::msg(message)),
        Err(HostError::Io { message, code }) => Ok(Err((message, code))),
    }
}

/// Leaves lua5.4's failure triple in the window: `nil, "<name>: <message>", errno` (the name
/// part only when `name` is given), as `luaL_fileresult` does.
pub fn push_failure<'gc>(
    ctx: Context<'gc>,
    stack: &mut NativeStack<'gc, '_>,
    name: Option<&[u8]>,
    message: &str,
    code: i32,
) -> Result<NativeAction<'gc>, RuntimeError<'gc>> {
    let mut text = Vec::new();
    if let Some(n) = name {
        text.extend_from_slice(n);
        text.extend_from_slice(b": ");
    }
    text.extend_from_slice(message.as_bytes());
    let text = ctx.new_string(&text)?;
    stack.replace(&[Value::Nil, Value::String(text), Value::Integer(code as i64)]);
    Ok(NativeAction::Return)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_modes_as_fopen_accepts_them() {
        for ok in ["r", "w", "a", "r+", "w+", "a+", "rb", "r+b", "wbb", "a+bb"] {
            assert!(OpenMode::parse(ok.as_bytes()).is_some(), "{ok}");
        }
        for bad in ["", "x", "rw", "+r", "r++", "br", "rb+", "r b"] {
            assert!(OpenMode::parse(bad.as_bytes()).is_none(), "{bad}");
        }
        let m = OpenMode::parse(b"a+").expect("valid mode");
        assert!(m.read && m.write && m.append && m.create && !m.truncate);
    }

    #[test]
    fn io_errors_lose_the_os_error_suffix() {
        let e = std::io::Error::from_raw_os_error(2);
        assert_eq!(
            HostError::from(e),
            HostError::io("No such file or directory", 2)
        );
    }
}
