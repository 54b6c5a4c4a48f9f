//! A buffered stream over a [`HostFile`]: what C's `FILE*` is to the io library. One read
//! buffer and one write buffer, never both full at once (switching direction flushes or
//! gives back unread input, as C asks callers to do with `fseek`/`fflush`).

use std::io::SeekFrom;

use crate::host::{HostError, HostFile, ProcessStatus};

/// How writes are buffered (`file:setvbuf`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Buffering {
    /// Every write goes out at once.
    No,
    /// Written when the buffer is full.
    Full,
    /// Written at each newline.
    Line,
}

const DEFAULT_SIZE: usize = 8192;

/// A buffered file.
pub struct Stream {
    file: Option<Box<dyn HostFile>>,
    rbuf: Vec<u8>,
    rpos: usize,
    wbuf: Vec<u8>,
    mode: Buffering,
    size: usize,
    /// The last read hit end of file (C's `feof`), so a terminal is not read again for it.
    eof: bool,
    /// Whether the file was opened for reading / writing: the other direction fails at once
    /// with EBADF, as glibc's streams do.
    readable: bool,
    writable: bool,
}

/// The error for using a stream in a direction it was not opened for.
fn bad_descriptor() -> HostError {
    HostError::io("Bad file descriptor", 9)
}

impl Stream {
    /// A stream with the file's default buffering, open for reading and/or writing.
    pub fn new(file: Box<dyn HostFile>, readable: bool, writable: bool) -> Stream {
        let mode = file.default_buffering();
        Stream {
            file: Some(file),
            rbuf: Vec::new(),
            rpos: 0,
            wbuf: Vec::new(),
            mode,
            size: DEFAULT_SIZE,
            eof: false,
            readable,
            writable,
        }
    }

    /// Whether the stream was closed.
    pub fn is_closed(&self) -> bool {
        self.file.is_none()
    }

    fn file(&mut self) -> Result<&mut Box<dyn HostFile>, HostError> {
        self.file
            .as_mut()
            .ok_or_else(|| HostError::io("Bad file descriptor", 9))
    }

    /// Gives unread buffered input back to the file, so the file position is where Lua thinks.
    fn drop_input(&mut self) -> Result<(), HostError> {
        let unread = self.rbuf.len() - self.rpos;
        self.rbuf.clear();
        self.rpos = 0;
        if unread > 0 {
            // Pipes cannot seek back; their unread input is lost, as with C streams.
            let _ = self.file()?.seek(SeekFrom::Current(-(unread as i64)));
        }
        Ok(())
    }

    /// Writes `data` through the buffer.
    pub fn write(&mut self, data: &[u8]) -> Result<(), HostError> {
        if !self.writable {
            return Err(bad_descriptor());
        }
        if !self.rbuf.is_empty() {
            self.drop_input()?;
        }
        self.eof = false;
        match self.mode {
            Buffering::No => {
                self.flush_buffer()?;
                self.file()?.write(data)
            }
            Buffering::Full => {
                if self.wbuf.len() + data.len() > self.size {
                    self.flush_buffer()?;
                }
                if data.len() >= self.size {
                    self.file()?.write(data)
                } else {
                    self.wbuf.extend_from_slice(data);
                    Ok(())
                }
            }
            Buffering::Line => {
                self.wbuf.extend_from_slice(data);
                if data.contains(&b'\n') || self.wbuf.len() >= self.size {
                    self.flush_buffer()?;
                }
                Ok(())
            }
        }
    }

    fn flush_buffer(&mut self) -> Result<(), HostError> {
        if self.wbuf.is_empty() {
            return Ok(());
        }
        let data = std::mem::take(&mut self.wbuf);
        self.file()?.write(&data)
    }

    /// Writes out buffered output (`file:flush`).
    pub fn flush(&mut self) -> Result<(), HostError> {
        self.flush_buffer()?;
        self.file()?.flush()
    }

    /// Makes buffered input available; false at end of file.
    fn fill(&mut self) -> Result<bool, HostError> {
        if self.rpos < self.rbuf.len() {
            return Ok(true);
        }
        if !self.readable {
            return Err(bad_descriptor());
        }
        if !self.wbuf.is_empty() {
            self.flush()?;
        }
        let mut buf = std::mem::take(&mut self.rbuf);
        buf.resize(self.size.max(1), 0);
        self.rpos = 0;
        let n = match self.file()?.read(&mut buf) {
            Ok(n) => n,
            Err(e) => {
                buf.clear();
                self.rbuf = buf;
                return Err(e);
            }
        };
        buf.truncate(n);
        self.rbuf = buf;
        self.eof = n == 0;
        Ok(n > 0)
    }

    /// The next byte without consuming it.
    pub fn peek(&mut self) -> Result<Option<u8>, HostError> {
        Ok(if self.fill()? {
            Some(self.rbuf[self.rpos])
        } else {
            None
        })
    }

    /// Consumes one byte (after `peek` returned it).
    pub fn advance(&mut self) {
        if self.rpos < self.rbuf.len() {
            self.rpos += 1;
        }
    }

    /// Reads a line into `out` (with its newline when `keep_newline`); false when nothing at
    /// all could be read (end of file).
    pub fn read_line(&mut self, out: &mut Vec<u8>, keep_newline: bool) -> Result<bool, HostError> {
        let mut any = false;
        while self.fill()? {
            any = true;
            let avail = &self.rbuf[self.rpos..];
            match avail.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    let end = if keep_newline { i + 1 } else { i };
                    out.extend_from_slice(&avail[..end]);
                    self.rpos += i + 1;
                    return Ok(true);
                }
                None => {
                    out.extend_from_slice(avail);
                    self.rpos = self.rbuf.len();
                }
            }
        }
        Ok(any)
    }

    /// Reads up to `n` bytes into `out`; returns how many were read.
    pub fn read_bytes(&mut self, out: &mut Vec<u8>, n: usize) -> Result<usize, HostError> {
        let mut got = 0;
        while got < n && self.fill()? {
            let avail = &self.rbuf[self.rpos..];
            let take = avail.len().min(n - got);
            out.extend_from_slice(&avail[..take]);
            self.rpos += take;
            got += take;
        }
        Ok(got)
    }

    /// Whether any byte is left (`read(0)`).
    pub fn at_eof(&mut self) -> Result<bool, HostError> {
        Ok(!self.fill()?)
    }

    /// Moves the position (`file:seek`); returns the new position.
    pub fn seek(&mut self, pos: SeekFrom) -> Result<u64, HostError> {
        self.flush_buffer()?;
        let unread = (self.rbuf.len() - self.rpos) as i64;
        self.rbuf.clear();
        self.rpos = 0;
        self.eof = false;
        let pos = match pos {
            SeekFrom::Current(off) => match off.checked_sub(unread) {
                Some(o) => SeekFrom::Current(o),
                None => return Err(HostError::io("Invalid argument", 22)),
            },
            other => other,
        };
        self.file()?.seek(pos)
    }

    /// Changes the buffering (`file:setvbuf`); `size` 0 keeps the current size.
    pub fn set_buffering(&mut self, mode: Buffering, size: usize) -> Result<(), HostError> {
        self.flush_buffer()?;
        self.mode = mode;
        if size > 0 {
            self.size = size;
        }
        Ok(())
    }

    /// Flushes and closes; a pipe reports how its process ended.
    pub fn close(&mut self) -> Result<Option<ProcessStatus>, HostError> {
        let flushed = self.flush_buffer();
        let mut file = self
            .file
            .take()
            .ok_or_else(|| HostError::io("Bad file descriptor", 9))?;
        self.rbuf = Vec::new();
        self.rpos = 0;
        let closed = file.close();
        flushed?;
        closed
    }
}

impl Drop for Stream {
    fn drop(&mut self) {
        if self.file.is_some() {
            let _ = self.close();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An in-memory file.
    struct Mem {
        data: Vec<u8>,
        pos: usize,
        writes: usize,
    }

    impl HostFile for Mem {
        fn read(&mut self, buf: &mut [u8]) -> Result<usize, HostError> {
            let n = buf.len().min(self.data.len() - self.pos).min(3);
            buf[..n].copy_from_slice(&self.data[self.pos..self.pos + n]);
            self.pos += n;
            Ok(n)
        }
        fn write(&mut self, d: &[u8]) -> Result<(), HostError> {
            self.writes += 1;
            let end = self.pos + d.len();
            if self.data.len() < end {
                self.data.resize(end, 0);
            }
            self.data[self.pos..end].copy_from_slice(d);
            self.pos = end;
            Ok(())
        }
        fn flush(&mut self) -> Result<(), HostError> {
            Ok(())
        }
        fn seek(&mut self, p: SeekFrom) -> Result<u64, HostError> {
            self.pos = match p {
                SeekFrom::Start(n) => n as i64,
                SeekFrom::Current(d) => self.pos as i64 + d,
                SeekFrom::End(d) => self.data.len() as i64 + d,
            } as usize;
            Ok(self.pos as u64)
        }
        fn close(&mut self) -> Result<Option<ProcessStatus>, HostError> {
            Ok(None)
        }
    }

    fn mem(data: &[u8]) -> Stream {
        let file = Mem {
            data: data.to_vec(),
            pos: 0,
            writes: 0,
        };
        Stream::new(Box::new(file), true, true)
    }

    #[test]
    fn lines_across_short_reads() {
        let mut s = mem(b"hello\nworld");
        let mut a = Vec::new();
        assert!(s.read_line(&mut a, true).expect("read"));
        assert_eq!(a, b"hello\n");
        let mut b = Vec::new();
        assert!(s.read_line(&mut b, false).expect("read"));
        assert_eq!(b, b"world");
        assert!(!s.read_line(&mut Vec::new(), false).expect("read"));
    }

    #[test]
    fn position_accounts_for_buffers() {
        let mut s = mem(b"abcdefgh");
        let mut out = Vec::new();
        s.read_bytes(&mut out, 2).expect("read");
        assert_eq!(s.seek(SeekFrom::Current(0)).expect("seek"), 2);
        s.write(b"XY").expect("write");
        assert_eq!(s.seek(SeekFrom::Current(0)).expect("seek"), 4);
        s.seek(SeekFrom::Start(0)).expect("seek");
        out.clear();
        s.read_bytes(&mut out, 100).expect("read");
        assert_eq!(out, b"abXYefgh");
    }
}
