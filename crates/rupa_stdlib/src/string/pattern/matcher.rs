//! The backtracking matcher of Lua patterns: one attempt to match a pattern at one subject
//! position, recording captures.
//!
//! It follows the structure of lua5.4's matcher so that its observable limits are the same:
//! every nested attempt counts against a depth of [`MAX_DEPTH`] ("pattern too complex"), and
//! the places where lua5.4 continues in a loop rather than nesting do so here too. The Rust
//! recursion is therefore bounded by that depth (two frames per level), never by the input.
//! Every step also costs one unit of [`Budget`].

use super::class::{class_matches, set_matches};
use super::{Budget, PatternError};

/// How deep attempts may nest before "pattern too complex" (lua5.4's `MAXCCALLS`).
pub(crate) const MAX_DEPTH: usize = 200;

/// The most captures a pattern may open (lua5.4's `LUA_MAXCAPTURES`).
pub const MAX_CAPTURES: usize = 32;

/// The state of one capture slot while matching.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CapLen {
    /// Opened by `(` and not closed yet.
    Unfinished,
    /// A position capture `()`.
    Position,
    /// A closed capture of this many bytes.
    Len(usize),
}

/// One capture slot: where it starts in the subject and what it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RawCapture {
    pub(crate) init: usize,
    pub(crate) len: CapLen,
}

/// The matcher over one subject and one pattern (the pattern without a leading `^`).
pub(crate) struct Matcher<'a, 'b> {
    src: &'a [u8],
    pat: &'a [u8],
    /// Number of captures opened so far (lua5.4's `level`).
    pub(crate) level: usize,
    pub(crate) captures: [RawCapture; MAX_CAPTURES],
    /// Attempts that may still nest.
    depth: usize,
    budget: &'b mut Budget,
}

type Step = Result<Option<usize>, PatternError>;

impl<'a, 'b> Matcher<'a, 'b> {
    pub(crate) fn new(src: &'a [u8], pat: &'a [u8], budget: &'b mut Budget) -> Self {
        Matcher {
            src,
            pat,
            level: 0,
            captures: [RawCapture {
                init: 0,
                len: CapLen::Unfinished,
            }; MAX_CAPTURES],
            depth: MAX_DEPTH,
            budget,
        }
    }

    /// Tries to match the whole pattern at subject offset `s`; on success returns where the
    /// match ends. Captures are left in `self.captures[..self.level]`.
    pub(crate) fn attempt(&mut self, s: usize) -> Step {
        self.level = 0;
        self.depth = MAX_DEPTH;
        self.nested(s, 0)
    }

    /// Pattern byte at `i`, or 0 past the end: lua5.4 reads its strings' terminating NUL
    /// there, and several decisions depend on that byte not being special.
    fn pat_at(&self, i: usize) -> u8 {
        self.pat.get(i).copied().unwrap_or(0)
    }

    /// One nested attempt: counts against the depth limit.
    fn nested(&mut self, s: usize, p: usize) -> Step {
        if self.depth == 0 {
            return Err(PatternError::TooComplex);
        }
        self.depth -= 1;
        let res = self.run(s, p);
        self.depth += 1;
        res
    }

    /// Matches pattern from `p` at subject offset `s`, looping where no backtracking point
    /// is needed.
    fn run(&mut self, mut s: usize, mut p: usize) -> Step {
        loop {
            self.budget.charge(1)?;
            if p == self.pat.len() {
                return Ok(Some(s));
            }
            match self.pat[p] {
                b'(' => {
                    return if self.pat_at(p + 1) == b')' {
                        self.start_capture(s, p + 2, CapLen::Position)
                    } else {
                        self.start_capture(s, p + 1, CapLen::Unfinished)
                    };
                }
                b')' => return self.end_capture(s, p + 1),
                b'$' if p + 1 == self.pat.len() => {
                    return Ok((s == self.src.len()).then_some(s));
                }
                b'%' if self.pat_at(p + 1) == b'b' => match self.balance(s, p + 2)? {
                    Some(e) => {
                        s = e;
                        p += 4;
                    }
                    None => return Ok(None),
                },
                b'%' if self.pat_at(p + 1) == b'f' => {
                    p += 2;
                    if self.pat_at(p) != b'[' {
                        return Err(PatternError::MissingFrontierSet);
                    }
                    let ep = self.class_end(p)?;
                    let set = &self.pat[p..ep - 1];
                    // Outside the subject lua5.4 sees NUL bytes (start, and the terminator).
                    let prev = if s == 0 { 0 } else { self.src[s - 1] };
                    let cur = self.src.get(s).copied().unwrap_or(0);
                    if set_matches(prev, set) || !set_matches(cur, set) {
                        return Ok(None);
                    }
                    p = ep;
                }
                b'%' if self.pat_at(p + 1).is_ascii_digit() => {
                    match self.back_reference(s, self.pat[p + 1])? {
                        Some(e) => {
                            s = e;
                            p += 2;
                        }
                        None => return Ok(None),
                    }
                }
                _ => {
                    let ep = self.class_end(p)?;
                    let quantifier = self.pat_at(ep);
                    if !self.single(s, p, ep) {
                        if matches!(quantifier, b'*' | b'?' | b'-') {
                            // Zero repetitions are fine: go on after the quantifier.
                            p = ep + 1;
                            continue;
                        }
                        return Ok(None);
                    }
                    match quantifier {
                        b'?' => {
                            if let Some(e) = self.nested(s + 1, ep + 1)? {
                                return Ok(Some(e));
                            }
                            p = ep + 1;
                        }
                        b'+' => return self.max_expand(s + 1, p, ep),
                        b'*' => return self.max_expand(s, p, ep),
                        b'-' => return self.min_expand(s, p, ep),
                        _ => {
                            s += 1;
                            p = ep;
                        }
                    }
                }
            }
        }
    }

    /// Where the single-byte class starting at `p` ends (index just past it).
    fn class_end(&self, p: usize) -> Result<usize, PatternError> {
        let mut p = p;
        let c = self.pat[p];
        p += 1;
        match c {
            b'%' => {
                if p == self.pat.len() {
                    return Err(PatternError::EndsWithPercent);
                }
                Ok(p + 1)
            }
            b'[' => {
                if self.pat_at(p) == b'^' {
                    p += 1;
                }
                // The first byte is taken before looking for ']', so "[]]" is the set of ']'.
                loop {
                    if p == self.pat.len() {
                        return Err(PatternError::MissingBracket);
                    }
                    let c = self.pat[p];
                    p += 1;
                    if c == b'%' && p < self.pat.len() {
                        p += 1;
                    }
                    if self.pat_at(p) == b']' {
                        return Ok(p + 1);
                    }
                }
            }
            _ => Ok(p),
        }
    }

    /// Whether the subject byte at `s` matches the single class `pat[p..ep]`.
    fn single(&self, s: usize, p: usize, ep: usize) -> bool {
        let Some(&c) = self.src.get(s) else {
            return false;
        };
        match self.pat[p] {
            b'.' => true,
            b'%' => class_matches(c, self.pat[p + 1]),
            b'[' => set_matches(c, &self.pat[p..ep - 1]),
            lit => lit == c,
        }
    }

    /// `%bxy` at subject offset `s`, with `p` at `x`.
    fn balance(&mut self, s: usize, p: usize) -> Step {
        if p + 1 >= self.pat.len() {
            return Err(PatternError::MissingBalanceArgs);
        }
        let (open, close) = (self.pat[p], self.pat[p + 1]);
        if self.src.get(s) != Some(&open) {
            return Ok(None);
        }
        let mut depth = 1usize;
        for (i, &c) in self.src.iter().enumerate().skip(s + 1) {
            if c == close {
                depth -= 1;
                if depth == 0 {
                    self.budget.charge((i - s) as u64)?;
                    return Ok(Some(i + 1));
                }
            } else if c == open {
                depth += 1;
            }
        }
        self.budget.charge((self.src.len() - s) as u64)?;
        Ok(None)
    }

    /// `%1`..`%9` (digit `d`) at subject offset `s`: the same bytes as a closed capture.
    fn back_reference(&mut self, s: usize, d: u8) -> Step {
        let index = i32::from(d) - i32::from(b'1');
        let cap = usize::try_from(index)
            .ok()
            .filter(|&i| i < self.level)
            .map(|i| self.captures[i])
            .filter(|c| c.len != CapLen::Unfinished)
            .ok_or(PatternError::InvalidCaptureIndex(index + 1))?;
        // A position capture has no bytes to compare: lua5.4 never matches it.
        let CapLen::Len(len) = cap.len else {
            return Ok(None);
        };
        self.budget.charge(len as u64)?;
        let wanted = &self.src[cap.init..cap.init + len];
        Ok(self
            .src
            .get(s..s + len)
            .filter(|got| *got == wanted)
            .map(|_| s + len))
    }

    /// `x*` (or `x+` after its first byte): the longest run first, then shorter ones.
    fn max_expand(&mut self, s: usize, p: usize, ep: usize) -> Step {
        let mut n = 0;
        while self.single(s + n, p, ep) {
            n += 1;
        }
        self.budget.charge(n as u64)?;
        loop {
            if let Some(e) = self.nested(s + n, ep + 1)? {
                return Ok(Some(e));
            }
            if n == 0 {
                return Ok(None);
            }
            n -= 1;
        }
    }

    /// `x-`: the shortest run first, then longer ones.
    fn min_expand(&mut self, mut s: usize, p: usize, ep: usize) -> Step {
        loop {
            if let Some(e) = self.nested(s, ep + 1)? {
                return Ok(Some(e));
            }
            if !self.single(s, p, ep) {
                return Ok(None);
            }
            s += 1;
        }
    }

    fn start_capture(&mut self, s: usize, p: usize, len: CapLen) -> Step {
        if self.level >= MAX_CAPTURES {
            return Err(PatternError::TooManyCaptures);
        }
        self.captures[self.level] = RawCapture { init: s, len };
        self.level += 1;
        let res = self.nested(s, p)?;
        if res.is_none() {
            self.level -= 1;
        }
        Ok(res)
    }

    fn end_capture(&mut self, s: usize, p: usize) -> Step {
        let open = (0..self.level)
            .rev()
            .find(|&i| self.captures[i].len == CapLen::Unfinished)
            .ok_or(PatternError::InvalidPatternCapture)?;
        self.captures[open].len = CapLen::Len(s - self.captures[open].init);
        let res = self.nested(s, p)?;
        if res.is_none() {
            self.captures[open].len = CapLen::Unfinished;
        }
        Ok(res)
    }
}
