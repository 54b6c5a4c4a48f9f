//! [`StdHost`]: the host lua5.4 is, on std — files through `std::fs`, processes through
//! `/bin/sh -c`, the environment through `std::env`, time through `SystemTime`, the local time
//! zone from `TZ` or `/etc/localtime`.
//!
//! On `wasm32-wasip1` there are no processes: `io.popen` and `os.execute` fail the way lua5.4
//! fails when the C library has no `system`/`popen`.

use std::cell::RefCell;
use std::ffi::OsString;
use std::io::{IsTerminal, Read, Seek, SeekFrom, Write};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use super::{Host, HostError, HostFile, OpenMode, ProcessStatus, ZoneInfo};
use crate::io::stream::Buffering;
use crate::os::tz::Zone;

/// The host with every capability lua5.4 has.
pub struct StdHost {
    started: Instant,
    zone: RefCell<Option<Zone>>,
}

impl Default for StdHost {
    fn default() -> Self {
        StdHost::new()
    }
}

impl StdHost {
    /// A host on the process's files, environment, clock and streams.
    pub fn new() -> StdHost {
        StdHost {
            started: Instant::now(),
            zone: RefCell::new(None),
        }
    }
}

/// A file name from Lua bytes.
fn os_path(bytes: &[u8]) -> OsString {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        std::ffi::OsStr::from_bytes(bytes).to_os_string()
    }
    #[cfg(target_os = "wasi")]
    {
        use std::os::wasi::ffi::OsStrExt;
        std::ffi::OsStr::from_bytes(bytes).to_os_string()
    }
    #[cfg(not(any(unix, target_os = "wasi")))]
    {
        OsString::from(String::from_utf8_lossy(bytes).into_owned())
    }
}

fn os_bytes(s: OsString) -> Vec<u8> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        s.into_vec()
    }
    #[cfg(target_os = "wasi")]
    {
        use std::os::wasi::ffi::OsStrExt;
        s.as_os_str().as_bytes().to_vec()
    }
    #[cfg(not(any(unix, target_os = "wasi")))]
    {
        s.to_string_lossy().into_owned().into_bytes()
    }
}

/// The error C reports for a seek on a pipe or terminal.
fn illegal_seek() -> HostError {
    HostError::io("Illegal seek", 29)
}

/// A regular file.
struct DiskFile {
    file: Option<std::fs::File>,
    /// Removed when closed (`io.tmpfile`).
    remove_on_close: Option<OsString>,
}

impl DiskFile {
    fn get(&mut self) -> Result<&mut std::fs::File, HostError> {
        self.file
            .as_mut()
            .ok_or_else(|| HostError::io("Bad file descriptor", 9))
    }
}

impl HostFile for DiskFile {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, HostError> {
        Ok(self.get()?.read(buf)?)
    }
    fn write(&mut self, data: &[u8]) -> Result<(), HostError> {
        Ok(self.get()?.write_all(data)?)
    }
    fn flush(&mut self) -> Result<(), HostError> {
        Ok(self.get()?.flush()?)
    }
    fn seek(&mut self, pos: SeekFrom) -> Result<u64, HostError> {
        Ok(self.get()?.seek(pos)?)
    }
    fn close(&mut self) -> Result<Option<ProcessStatus>, HostError> {
        self.file = None;
        if let Some(p) = self.remove_on_close.take() {
            let _ = std::fs::remove_file(p);
        }
        Ok(None)
    }
}

impl Drop for DiskFile {
    fn drop(&mut self) {
        let _ = self.close();
    }
}

/// One of the process's standard streams.
struct StdFile(super::StdStream);

impl HostFile for StdFile {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, HostError> {
        match self.0 {
            super::StdStream::Stdin => Ok(std::io::stdin().lock().read(buf)?),
            _ => Err(HostError::io("Bad file descriptor", 9)),
        }
    }
    fn write(&mut self, data: &[u8]) -> Result<(), HostError> {
        match self.0 {
            super::StdStream::Stdout => Ok(std::io::stdout().lock().write_all(data)?),
            super::StdStream::Stderr => Ok(std::io::stderr().lock().write_all(data)?),
            super::StdStream::Stdin => Err(HostError::io("Bad file descriptor", 9)),
        }
    }
    fn flush(&mut self) -> Result<(), HostError> {
        match self.0 {
            super::StdStream::Stdout => Ok(std::io::stdout().flush()?),
            super::StdStream::Stderr => Ok(std::io::stderr().flush()?),
            super::StdStream::Stdin => Ok(()),
        }
    }
    fn seek(&mut self, _: SeekFrom) -> Result<u64, HostError> {
        Err(illegal_seek())
    }
    fn close(&mut self) -> Result<Option<ProcessStatus>, HostError> {
        Ok(None)
    }
    fn default_buffering(&self) -> Buffering {
        match self.0 {
            super::StdStream::Stderr => Buffering::No,
            super::StdStream::Stdout if std::io::stdout().is_terminal() => Buffering::Line,
            _ => Buffering::Full,
        }
    }
}

#[cfg(not(target_os = "wasi"))]
mod process {
    use std::io::{Read, SeekFrom, Write};
    use std::process::{Child, Command, ExitStatus, Stdio};

    use super::super::{HostError, HostFile, ProcessStatus};

    pub fn status_of(s: ExitStatus) -> ProcessStatus {
        if let Some(code) = s.code() {
            return ProcessStatus::Exit(code);
        }
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt;
            if let Some(sig) = s.signal() {
                return ProcessStatus::Signal(sig);
            }
        }
        ProcessStatus::Exit(-1)
    }

    fn shell(command: &[u8]) -> Command {
        let mut c = Command::new("/bin/sh");
        c.arg("-c").arg(super::os_path(command));
        c
    }

    pub fn execute(command: &[u8]) -> Result<Option<ProcessStatus>, HostError> {
        let status = shell(command).status()?;
        Ok(Some(status_of(status)))
    }

    /// A pipe to or from a child process.
    pub struct Pipe {
        child: Option<Child>,
    }

    pub fn popen(command: &[u8], write: bool) -> Result<Box<dyn HostFile>, HostError> {
        let mut c = shell(command);
        if write {
            c.stdin(Stdio::piped());
        } else {
            c.stdout(Stdio::piped());
        }
        Ok(Box::new(Pipe {
            child: Some(c.spawn()?),
        }))
    }

    impl Pipe {
        fn child(&mut self) -> Result<&mut Child, HostError> {
            self.child
                .as_mut()
                .ok_or_else(|| HostError::io("Bad file descriptor", 9))
        }
    }

    impl HostFile for Pipe {
        fn read(&mut self, buf: &mut [u8]) -> Result<usize, HostError> {
            match self.child()?.stdout.as_mut() {
                Some(out) => Ok(out.read(buf)?),
                None => Err(HostError::io("Bad file descriptor", 9)),
            }
        }
        fn write(&mut self, data: &[u8]) -> Result<(), HostError> {
            match self.child()?.stdin.as_mut() {
                Some(inp) => Ok(inp.write_all(data)?),
                None => Err(HostError::io("Bad file descriptor", 9)),
            }
        }
        fn flush(&mut self) -> Result<(), HostError> {
            match self.child()?.stdin.as_mut() {
                Some(inp) => Ok(inp.flush()?),
                None => Ok(()),
            }
        }
        fn seek(&mut self, _: SeekFrom) -> Result<u64, HostError> {
            Err(super::illegal_seek())
        }
        fn close(&mut self) -> Result<Option<ProcessStatus>, HostError> {
            let Some(mut child) = self.child.take() else {
                return Ok(None);
            };
            // Closing our end first lets a writer-side child see end of file.
            drop(child.stdin.take());
            drop(child.stdout.take());
            Ok(Some(status_of(child.wait()?)))
        }
    }

    impl Drop for Pipe {
        fn drop(&mut self) {
            let _ = self.close();
        }
    }
}

/// What C reports when the platform has no processes.
#[cfg(target_os = "wasi")]
fn no_processes() -> HostError {
    HostError::io("Function not implemented", 38)
}

/// Where `tmpfile`/`tmpname` create files: `/tmp` as C's `P_tmpdir`. WASI included: its
/// `std::env::temp_dir` panics, and a host that preopens no `/tmp` gets an error from `open`.
fn tmp_dir() -> std::path::PathBuf {
    if cfg!(any(unix, target_os = "wasi")) {
        std::path::PathBuf::from("/tmp")
    } else {
        std::env::temp_dir()
    }
}

/// Creates a fresh `lua_XXXXXX` file in the temporary directory, as `mkstemp` does.
fn create_temp() -> Result<(OsString, std::fs::File), HostError> {
    const LETTERS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    let mut seed = nanos ^ (&nanos as *const u64 as u64).rotate_left(32);
    for _ in 0..100 {
        let mut name = String::from("lua_");
        for _ in 0..6 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            name.push(LETTERS[(seed >> 33) as usize % LETTERS.len()] as char);
        }
        let path = tmp_dir().join(name);
        match std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(f) => return Ok((path.into_os_string(), f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(HostError::io("File exists", 17))
}

/// Processor time of this process from Linux's `/proc`, in seconds.
fn proc_cpu_time() -> Option<f64> {
    if let Ok(s) = std::fs::read_to_string("/proc/self/schedstat") {
        if let Some(ns) = s
            .split_whitespace()
            .next()
            .and_then(|f| f.parse::<u64>().ok())
        {
            return Some(ns as f64 / 1e9);
        }
    }
    let s = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start after the last ')'.
    let rest = &s[s.rfind(')')? + 1..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 / 100.0)
}

impl Host for StdHost {
    fn open(&self, path: &[u8], mode: OpenMode) -> Result<Box<dyn HostFile>, HostError> {
        let file = std::fs::OpenOptions::new()
            .read(mode.read)
            .write(mode.write && !mode.append)
            .append(mode.append)
            .truncate(mode.truncate)
            .create(mode.create)
            .open(os_path(path))?;
        if file.metadata().map(|m| m.is_dir()).unwrap_or(false) && mode.write {
            return Err(HostError::io("Is a directory", 21));
        }
        Ok(Box::new(DiskFile {
            file: Some(file),
            remove_on_close: None,
        }))
    }

    fn tmpfile(&self) -> Result<Box<dyn HostFile>, HostError> {
        let (path, file) = create_temp()?;
        Ok(Box::new(DiskFile {
            file: Some(file),
            remove_on_close: Some(path),
        }))
    }

    fn remove(&self, path: &[u8]) -> Result<(), HostError> {
        let p = os_path(path);
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.is_dir() => Ok(std::fs::remove_dir(&p)?),
            _ => Ok(std::fs::remove_file(&p)?),
        }
    }

    fn rename(&self, from: &[u8], to: &[u8]) -> Result<(), HostError> {
        Ok(std::fs::rename(os_path(from), os_path(to))?)
    }

    fn tmpname(&self) -> Result<Vec<u8>, HostError> {
        let (path, _file) = create_temp()?;
        Ok(os_bytes(path))
    }

    fn popen(&self, command: &[u8], write: bool) -> Result<Box<dyn HostFile>, HostError> {
        #[cfg(not(target_os = "wasi"))]
        {
            process::popen(command, write)
        }
        #[cfg(target_os = "wasi")]
        {
            let _ = (command, write);
            Err(HostError::Unsupported("'popen' not supported"))
        }
    }

    fn execute(&self, command: &[u8]) -> Result<Option<ProcessStatus>, HostError> {
        #[cfg(not(target_os = "wasi"))]
        {
            process::execute(command)
        }
        #[cfg(target_os = "wasi")]
        {
            let _ = command;
            Err(no_processes())
        }
    }

    fn has_shell(&self) -> Result<bool, HostError> {
        Ok(!cfg!(target_os = "wasi") && std::path::Path::new("/bin/sh").exists())
    }

    fn getenv(&self, name: &[u8]) -> Result<Option<Vec<u8>>, HostError> {
        if name.contains(&0) || name.contains(&b'=') || name.is_empty() {
            return Ok(None);
        }
        Ok(std::env::var_os(os_path(name)).map(os_bytes))
    }

    fn locale_installed(&self, name: &[u8]) -> Result<bool, HostError> {
        let locpath = std::env::var_os("LOCPATH").map(os_bytes);
        Ok(super::locale_dir::installed(name, locpath.as_deref()))
    }

    fn clock(&self) -> Result<f64, HostError> {
        Ok(proc_cpu_time().unwrap_or_else(|| self.started.elapsed().as_secs_f64()))
    }

    fn time(&self) -> Result<i64, HostError> {
        Ok(match SystemTime::now().duration_since(UNIX_EPOCH) {
            Ok(d) => d.as_secs() as i64,
            Err(e) => -(e.duration().as_secs_f64().ceil() as i64),
        })
    }

    fn local_zone(&self, t: i64) -> Result<ZoneInfo, HostError> {
        let mut zone = self.zone.borrow_mut();
        let zone = zone.get_or_insert_with(|| {
            Zone::from_environment(std::env::var_os("TZ").map(os_bytes).as_deref())
        });
        Ok(zone.info_at(t))
    }

    fn exit(&self, code: i32) -> Result<(), HostError> {
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().flush();
        std::process::exit(code)
    }

    fn stdin(&self) -> Result<Box<dyn HostFile>, HostError> {
        Ok(Box::new(StdFile(super::StdStream::Stdin)))
    }

    fn stdout(&self) -> Result<Box<dyn HostFile>, HostError> {
        Ok(Box::new(StdFile(super::StdStream::Stdout)))
    }

    fn stderr(&self) -> Result<Box<dyn HostFile>, HostError> {
        Ok(Box::new(StdFile(super::StdStream::Stderr)))
    }
}
