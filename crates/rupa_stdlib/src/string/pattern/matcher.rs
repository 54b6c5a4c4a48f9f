//! The backtracking matcher of Lua patterns: one attempt to match a pattern at one subject
//! position, recording captures.
//!
//! It follows the structure of lua5.4's matcher so that its observable limits are the same:
//! every nested attempt counts against a depth of [`MAX_DEPTH`] ("pattern too complex"), and
//! the places where lua5.4 continues in a loop rather than nesting do so here too. The Rust
//! recursion is therefore bounded by that depth (two frames per level), never by the input.
//! Every step also costs one unit of [`Budget`].

use super::class::{class_matches, set_matches, ClassTest};
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
    /// Fuel left, kept here while matching (a field access per step rather than a
    /// pointer chase) and written back to `budget` on drop.
    fuel: u64,
    budget: &'b mut Budget,
    /// The error that stopped matching.
    error: Option<PatternError>,
}

/// The result of matching from some point: the end of the match, [`NO_MATCH`], or
/// [`Stop`] for an error. A plain `usize` (rather than `Option<usize>` with a full error
/// type) keeps this two words wide, returned in registers on the hot path.
type Step = Result<usize, Stop>;

/// "This attempt does not match".
const NO_MATCH: usize = usize::MAX;

/// Matching stopped with the error kept in [`Matcher::error`].
pub(crate) struct Stop;

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
            fuel: budget.fuel,
            budget,
            error: None,
        }
    }

    /// Tries to match the whole pattern at subject offset `s`; on success returns where the
    /// match ends. Captures are left in `self.captures[..self.level]`.
    pub(crate) fn attempt(&mut self, s: usize) -> Result<Option<usize>, PatternError> {
        self.level = 0;
        self.depth = MAX_DEPTH;
        match self.nested(s, 0) {
            Ok(NO_MATCH) => Ok(None),
            Ok(e) => Ok(Some(e)),
            Err(Stop) => Err(self.error.take().expect("a Stop always records its error")),
        }
    }

    /// Records `e` as the error that stops matching.
    fn fail(&mut self, e: PatternError) -> Stop {
        self.error = Some(e);
        Stop
    }

    /// Takes `n` steps of the budget.
    #[inline]
    fn tick(&mut self, n: u64) -> Result<(), Stop> {
        match self.fuel.checked_sub(n) {
            Some(left) => {
                self.fuel = left;
                Ok(())
            }
            None => {
                self.fuel = 0;
                Err(self.fail(PatternError::OutOfFuel))
            }
        }
    }

    /// Pattern byte at `i`, or 0 past the end: lua5.4 reads its strings' terminating NUL
    /// there, and several decisions depend on that byte not being special.
    fn pat_at(&self, i: usize) -> u8 {
        self.pat.get(i).copied().unwrap_or(0)
    }

    /// One nested attempt: counts against the depth limit.
    #[inline]
    fn nested(&mut self, s: usize, p: usize) -> Step {
        if self.depth == 0 {
            return Err(self.fail(PatternError::TooComplex));
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
            self.tick(1)?;
            if p == self.pat.len() {
                return Ok(s);
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
                    return Ok(if s == self.src.len() { s } else { NO_MATCH });
                }
                b'%' if self.pat_at(p + 1) == b'b' => match self.balance(s, p + 2)? {
                    NO_MATCH => return Ok(NO_MATCH),
                    e => {
                        s = e;
                        p += 4;
                    }
                },
                b'%' if self.pat_at(p + 1) == b'f' => match self.frontier(s, p + 2)? {
                    NO_MATCH => return Ok(NO_MATCH),
                    next => p = next,
                },
                b'%' if self.pat_at(p + 1).is_ascii_digit() => {
                    match self.back_reference(s, self.pat[p + 1])? {
                        NO_MATCH => return Ok(NO_MATCH),
                        e => {
                            s = e;
                            p += 2;
                        }
                    }
                }
                c => {
                    // Plain bytes and '.' are the common case: no class to look up.
                    let (ep, matched) = if c == b'%' || c == b'[' {
                        let ep = self.class_end(p)?;
                        (ep, self.single(s, p, ep))
                    } else {
                        let here = self.src.get(s);
                        (p + 1, here.is_some_and(|&b| c == b'.' || b == c))
                    };
                    let quantifier = self.pat_at(ep);
                    if !matched {
                        if matches!(quantifier, b'*' | b'?' | b'-') {
                            // Zero repetitions are fine: go on after the quantifier.
                            p = ep + 1;
                            continue;
                        }
                        return Ok(NO_MATCH);
                    }
                    match quantifier {
                        b'?' => {
                            let e = self.nested(s + 1, ep + 1)?;
                            if e != NO_MATCH {
                                return Ok(e);
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

    /// `%f[set]` at subject offset `s`, with `p` at `[`: where the pattern goes on, or
    /// [`NO_MATCH`].
    #[inline(never)]
    fn frontier(&mut self, s: usize, p: usize) -> Step {
        if self.pat_at(p) != b'[' {
            return Err(self.fail(PatternError::MissingFrontierSet));
        }
        let ep = self.class_end(p)?;
        let set = &self.pat[p..ep - 1];
        // Outside the subject lua5.4 sees NUL bytes (start, and the terminator).
        let prev = if s == 0 { 0 } else { self.src[s - 1] };
        let cur = self.src.get(s).copied().unwrap_or(0);
        if set_matches(prev, set) || !set_matches(cur, set) {
            return Ok(NO_MATCH);
        }
        Ok(ep)
    }

    /// Where the single-byte class starting at `p` ends (index just past it).
    fn class_end(&mut self, p: usize) -> Result<usize, Stop> {
        let mut p = p;
        let c = self.pat[p];
        p += 1;
        match c {
            b'%' => {
                if p == self.pat.len() {
                    return Err(self.fail(PatternError::EndsWithPercent));
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
                        return Err(self.fail(PatternError::MissingBracket));
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
    #[inline]
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
    #[inline(never)]
    fn balance(&mut self, s: usize, p: usize) -> Step {
        if p + 1 >= self.pat.len() {
            return Err(self.fail(PatternError::MissingBalanceArgs));
        }
        let (open, close) = (self.pat[p], self.pat[p + 1]);
        if self.src.get(s) != Some(&open) {
            return Ok(NO_MATCH);
        }
        let mut depth = 1usize;
        for (i, &c) in self.src.iter().enumerate().skip(s + 1) {
            if c == close {
                depth -= 1;
                if depth == 0 {
                    self.tick((i - s) as u64)?;
                    return Ok(i + 1);
                }
            } else if c == open {
                depth += 1;
            }
        }
        self.tick((self.src.len() - s) as u64)?;
        Ok(NO_MATCH)
    }

    /// `%1`..`%9` (digit `d`) at subject offset `s`: the same bytes as a closed capture.
    #[inline(never)]
    fn back_reference(&mut self, s: usize, d: u8) -> Step {
        let index = i32::from(d) - i32::from(b'1');
        let cap = usize::try_from(index)
            .ok()
            .filter(|&i| i < self.level)
            .map(|i| self.captures[i])
            .filter(|c| c.len != CapLen::Unfinished);
        let Some(cap) = cap else {
            return Err(self.fail(PatternError::InvalidCaptureIndex(index + 1)));
        };
        // A position capture has no bytes to compare: lua5.4 never matches it.
        let CapLen::Len(len) = cap.len else {
            return Ok(NO_MATCH);
        };
        self.tick(len as u64)?;
        let wanted = &self.src[cap.init..cap.init + len];
        let same = self.src.get(s..s + len).is_some_and(|got| got == wanted);
        Ok(if same { s + len } else { NO_MATCH })
    }

    /// The byte the pattern at `p` must match first, when it starts with a plain byte that
    /// is not optional: a nested attempt at a subject position without that byte would fail
    /// at once, so the expansions skip it. Only while a nested attempt is allowed at all,
    /// since otherwise that attempt must raise "pattern too complex".
    fn next_literal(&self, p: usize) -> Option<u8> {
        if self.depth == 0 {
            return None;
        }
        super::first_literal(&self.pat[p..])
    }

    /// Whether a nested attempt at `s` can match, given [`Self::next_literal`]'s answer.
    fn may_start(&self, s: usize, lit: Option<u8>) -> bool {
        match lit {
            None => true,
            Some(c) => self.src.get(s) == Some(&c),
        }
    }

    /// How many bytes from `s` on match the single class `pat[p..ep]`.
    fn count_run(&self, s: usize, p: usize, ep: usize) -> usize {
        let rest = self.src.get(s..).unwrap_or_default();
        match self.pat[p] {
            b'.' => rest.len(),
            b'%' => {
                let test = ClassTest::new(self.pat[p + 1]);
                rest.iter().take_while(|&&c| test.matches(c)).count()
            }
            b'[' => {
                let set = &self.pat[p..ep - 1];
                rest.iter().take_while(|&&c| set_matches(c, set)).count()
            }
            lit => rest.iter().take_while(|&&c| c == lit).count(),
        }
    }

    /// `x*` (or `x+` after its first byte): the longest run first, then shorter ones.
    fn max_expand(&mut self, s: usize, p: usize, ep: usize) -> Step {
        let mut n = self.count_run(s, p, ep);
        self.tick(n as u64)?;
        let lit = self.next_literal(ep + 1);
        loop {
            if self.may_start(s + n, lit) {
                let e = self.nested(s + n, ep + 1)?;
                if e != NO_MATCH {
                    return Ok(e);
                }
            }
            if n == 0 {
                return Ok(NO_MATCH);
            }
            n -= 1;
        }
    }

    /// `x-`: the shortest run first, then longer ones.
    fn min_expand(&mut self, mut s: usize, p: usize, ep: usize) -> Step {
        let lit = self.next_literal(ep + 1);
        loop {
            self.tick(1)?;
            if self.may_start(s, lit) {
                let e = self.nested(s, ep + 1)?;
                if e != NO_MATCH {
                    return Ok(e);
                }
            }
            if !self.single(s, p, ep) {
                return Ok(NO_MATCH);
            }
            s += 1;
        }
    }

    fn start_capture(&mut self, s: usize, p: usize, len: CapLen) -> Step {
        if self.level >= MAX_CAPTURES {
            return Err(self.fail(PatternError::TooManyCaptures));
        }
        self.captures[self.level] = RawCapture { init: s, len };
        self.level += 1;
        let res = self.nested(s, p)?;
        if res == NO_MATCH {
            self.level -= 1;
        }
        Ok(res)
    }

    fn end_capture(&mut self, s: usize, p: usize) -> Step {
        let open = (0..self.level)
            .rev()
            .find(|&i| self.captures[i].len == CapLen::Unfinished);
        let Some(open) = open else {
            return Err(self.fail(PatternError::InvalidPatternCapture));
        };
        self.captures[open].len = CapLen::Len(s - self.captures[open].init);
        let res = self.nested(s, p)?;
        if res == NO_MATCH {
            self.captures[open].len = CapLen::Unfinished;
        }
        Ok(res)
    }
}

impl Drop for Matcher<'_, '_> {
    fn drop(&mut self) {
        self.budget.fuel = self.fuel;
    }
}
