//! Lua 5.4 patterns over byte strings: the search loops of `string.find`, `string.match`,
//! `string.gmatch` and `string.gsub`, their captures, and `gsub`'s replacement strings.
//!
//! Everything here works on plain byte slices and 0-based offsets; turning Lua arguments into
//! offsets (`posrelatI`, see [`super::start_index`]) and captures into Lua values is the job of
//! the native wrappers. Errors carry lua5.4's exact wording through `Display`.
//!
//! Work is metered: every matcher step costs one unit of a [`Budget`], so a runaway pattern
//! on a large subject stops with [`PatternError::OutOfFuel`] instead of running for hours.

mod class;
mod matcher;
mod replace;

use std::fmt;

pub use matcher::MAX_CAPTURES;
use matcher::{CapLen, Matcher, RawCapture};
pub use replace::{expand_replacement, gsub_str};

/// Fuel for the matcher: one unit per matching step (roughly, per pattern item tried or
/// subject byte examined).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Budget {
    fuel: u64,
}

impl Budget {
    /// A budget of `fuel` steps.
    pub fn new(fuel: u64) -> Self {
        Budget { fuel }
    }

    /// A budget that cannot run out in practice (`u64::MAX` steps).
    pub fn unlimited() -> Self {
        Budget { fuel: u64::MAX }
    }

    /// Steps left.
    pub fn remaining(&self) -> u64 {
        self.fuel
    }

    /// Takes `n` steps, or fails with [`PatternError::OutOfFuel`] (leaving the budget empty).
    pub(crate) fn charge(&mut self, n: u64) -> Result<(), PatternError> {
        match self.fuel.checked_sub(n) {
            Some(left) => {
                self.fuel = left;
                Ok(())
            }
            None => {
                self.fuel = 0;
                Err(PatternError::OutOfFuel)
            }
        }
    }
}

/// Why a pattern operation failed. `Display` gives lua5.4's message (the wrapper raises it
/// with `luaL_error`, i.e. with a position prefix), except for `OutOfFuel`, which is not a
/// Lua error but a signal for the host's instruction limit.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PatternError {
    /// A `%` is the last byte of the pattern (or of a set).
    EndsWithPercent,
    /// A `[` set has no closing `]`.
    MissingBracket,
    /// `%b` is not followed by two bytes.
    MissingBalanceArgs,
    /// `%f` is not followed by `[`.
    MissingFrontierSet,
    /// A back-reference `%n` (pattern), a `%n` in a replacement string, or a capture asked
    /// for by index that does not exist (or, in a pattern, is still open). Holds `n`.
    InvalidCaptureIndex(i32),
    /// A `)` closes no open capture.
    InvalidPatternCapture,
    /// The match succeeded but a capture was never closed, and its value was asked for.
    UnfinishedCapture,
    /// More than [`MAX_CAPTURES`] captures.
    TooManyCaptures,
    /// Attempts nested deeper than lua5.4 allows (200).
    TooComplex,
    /// A `%` in a replacement string followed by something other than a digit or `%`.
    InvalidReplacementEscape,
    /// The [`Budget`] ran out.
    OutOfFuel,
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PatternError::EndsWithPercent => f.write_str("malformed pattern (ends with '%')"),
            PatternError::MissingBracket => f.write_str("malformed pattern (missing ']')"),
            PatternError::MissingBalanceArgs => {
                f.write_str("malformed pattern (missing arguments to '%b')")
            }
            PatternError::MissingFrontierSet => f.write_str("missing '[' after '%f' in pattern"),
            PatternError::InvalidCaptureIndex(n) => write!(f, "invalid capture index %{n}"),
            PatternError::InvalidPatternCapture => f.write_str("invalid pattern capture"),
            PatternError::UnfinishedCapture => f.write_str("unfinished capture"),
            PatternError::TooManyCaptures => f.write_str("too many captures"),
            PatternError::TooComplex => f.write_str("pattern too complex"),
            PatternError::InvalidReplacementEscape => {
                f.write_str("invalid use of '%' in replacement string")
            }
            PatternError::OutOfFuel => f.write_str("pattern matching ran out of fuel"),
        }
    }
}

impl std::error::Error for PatternError {}

/// A capture's value, as Lua would push it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Capture {
    /// The bytes `subject[start..end]` (0-based, end exclusive).
    Range(usize, usize),
    /// A position capture `()`: the 0-based subject offset. Lua sees `offset + 1`.
    Position(usize),
}

/// A successful match: the matched range and the raw captures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// 0-based offset of the first matched byte (Lua's `find` returns `start + 1`).
    pub start: usize,
    /// 0-based offset just past the match (Lua's `find` returns `end`).
    pub end: usize,
    captures: Vec<RawCapture>,
}

impl Match {
    fn from_matcher(m: &Matcher<'_, '_>, start: usize, end: usize) -> Self {
        Match {
            start,
            end,
            captures: m.captures[..m.level].to_vec(),
        }
    }

    /// Number of captures the pattern made (0 when it has none).
    pub fn capture_count(&self) -> usize {
        self.captures.len()
    }

    /// Capture `i` (0-based), as lua5.4's `get_onecapture`: when the pattern has no captures,
    /// capture 0 is the whole match; other missing indices are
    /// [`PatternError::InvalidCaptureIndex`]; an unclosed one is
    /// [`PatternError::UnfinishedCapture`].
    pub fn capture(&self, i: usize) -> Result<Capture, PatternError> {
        match self.captures.get(i) {
            None if i == 0 => Ok(Capture::Range(self.start, self.end)),
            None => Err(PatternError::InvalidCaptureIndex(
                i32::try_from(i + 1).unwrap_or(i32::MAX),
            )),
            Some(c) => match c.len {
                CapLen::Unfinished => Err(PatternError::UnfinishedCapture),
                CapLen::Position => Ok(Capture::Position(c.init)),
                CapLen::Len(n) => Ok(Capture::Range(c.init, c.init + n)),
            },
        }
    }

    /// The values Lua pushes for this match: every capture, or when there are none and
    /// `whole_if_none` is set, the whole match (`match`, `gmatch`, `gsub` with a function);
    /// `find` passes `false` and pushes only explicit captures after the positions.
    pub fn captures(&self, whole_if_none: bool) -> Result<Vec<Capture>, PatternError> {
        let n = if self.captures.is_empty() && whole_if_none {
            1
        } else {
            self.captures.len()
        };
        (0..n).map(|i| self.capture(i)).collect()
    }
}

/// The byte every match must start with, when the pattern begins with a plain literal
/// that is not optional. Attempts at other positions fail at once, with no error and no
/// capture, so the search loops may skip them: the results are the same, only faster.
fn first_literal(pat: &[u8]) -> Option<u8> {
    let (&c, rest) = pat.split_first()?;
    let special = b"(%[.)".contains(&c) || (c == b'$' && rest.is_empty());
    let optional = matches!(rest.first(), Some(b'*' | b'?' | b'-'));
    (!special && !optional).then_some(c)
}

/// The first position at or after `s` where an attempt can match, given `first_literal`.
fn next_candidate(subject: &[u8], s: usize, first: Option<u8>) -> usize {
    match first {
        Some(c) => subject
            .get(s..)
            .and_then(|rest| rest.iter().position(|&b| b == c))
            .map_or(subject.len().max(s), |i| s + i),
        None => s,
    }
}

/// Splits off a leading `^`: the anchor flag and the rest of the pattern.
fn split_anchor(pattern: &[u8]) -> (bool, &[u8]) {
    match pattern.split_first() {
        Some((b'^', rest)) => (true, rest),
        _ => (false, pattern),
    }
}

/// Whether `pattern` contains a byte that makes it a pattern rather than plain text
/// (`^$*+?.([%-`): lua5.4's `find` does a plain search when it does not.
pub fn has_specials(pattern: &[u8]) -> bool {
    pattern.iter().any(|c| b"^$*+?.([%-".contains(c))
}

/// Plain substring search from 0-based offset `init`: the 0-based range of the first
/// occurrence, `None` when there is none or `init > subject.len()`. The empty needle is
/// found at `init`. Each candidate position whose first byte matches costs
/// `needle.len()` units of `budget`, since the search is quadratic at worst.
pub fn find_plain(
    subject: &[u8],
    needle: &[u8],
    init: usize,
    budget: &mut Budget,
) -> Result<Option<(usize, usize)>, PatternError> {
    let Some(hay) = subject.get(init..) else {
        return Ok(None);
    };
    let Some((&first, _)) = needle.split_first() else {
        return Ok(Some((init, init)));
    };
    let Some(last_start) = hay.len().checked_sub(needle.len()) else {
        return Ok(None);
    };
    for i in 0..=last_start {
        if hay[i] == first {
            budget.charge(needle.len() as u64)?;
            if &hay[i..i + needle.len()] == needle {
                budget.charge(i as u64)?;
                return Ok(Some((init + i, init + i + needle.len())));
            }
        }
    }
    budget.charge(last_start as u64 + 1)?;
    Ok(None)
}

/// The pattern search of `string.find` and `string.match`: the first match starting at or
/// after 0-based offset `init` (only at `init` when the pattern starts with `^`). `None` when
/// `init > subject.len()` (the wrapper returns fail), or when nothing matches.
pub fn find(
    subject: &[u8],
    pattern: &[u8],
    init: usize,
    budget: &mut Budget,
) -> Result<Option<Match>, PatternError> {
    if init > subject.len() {
        return Ok(None);
    }
    let (anchor, pat) = split_anchor(pattern);
    let first = if anchor { None } else { first_literal(pat) };
    let mut m = Matcher::new(subject, pat, budget);
    let mut s = init;
    loop {
        s = next_candidate(subject, s, first);
        if let Some(e) = m.attempt(s)? {
            return Ok(Some(Match::from_matcher(&m, s, e)));
        }
        if anchor || s >= subject.len() {
            return Ok(None);
        }
        s += 1;
    }
}

/// The whole search of `string.find(subject, pattern, init, plain)`: a plain substring
/// search when `plain` is set or the pattern has no special bytes (so malformed "patterns"
/// such as `"a)"` are fine there, as in lua5.4), else [`find`]. `init` is 0-based.
pub fn find_any(
    subject: &[u8],
    pattern: &[u8],
    init: usize,
    plain: bool,
    budget: &mut Budget,
) -> Result<Option<Match>, PatternError> {
    if plain || !has_specials(pattern) {
        let found = find_plain(subject, pattern, init, budget)?;
        return Ok(found.map(|(start, end)| Match {
            start,
            end,
            captures: Vec::new(),
        }));
    }
    find(subject, pattern, init, budget)
}

/// The iteration state of `string.gmatch`: where to search next and where the previous
/// match ended. Holds no borrows, so the wrapper keeps it in its closure next to the subject
/// and pattern strings. In gmatch a leading `^` is an ordinary byte, as in lua5.4.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GMatch {
    pos: usize,
    last_match: Option<usize>,
}

impl GMatch {
    /// Iteration from 0-based offset `init`; past the end of the subject it finds nothing
    /// (lua5.4 clamps `init` to `len + 1`).
    pub fn new(init: usize) -> Self {
        GMatch {
            pos: init,
            last_match: None,
        }
    }

    /// The next match. A match that is empty and ends where the previous one ended is
    /// skipped (5.4's `lastmatch` rule), so `("abc"):gmatch("%w*")` yields "abc" and stops.
    pub fn next_match(
        &mut self,
        subject: &[u8],
        pattern: &[u8],
        budget: &mut Budget,
    ) -> Result<Option<Match>, PatternError> {
        let first = first_literal(pattern);
        let mut m = Matcher::new(subject, pattern, budget);
        while self.pos <= subject.len() {
            self.pos = next_candidate(subject, self.pos, first);
            let s = self.pos;
            if let Some(e) = m.attempt(s)? {
                if Some(e) != self.last_match {
                    self.pos = e;
                    self.last_match = Some(e);
                    return Ok(Some(Match::from_matcher(&m, s, e)));
                }
            }
            self.pos += 1;
        }
        Ok(None)
    }
}

/// The iteration state of `string.gsub`: yields the matches to replace, in order. The
/// result is `subject[prev_end..m.start]` + replacement for each match, then
/// `subject[last_end..]`, where `prev_end` starts at 0 and becomes each match's end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gsub {
    pos: usize,
    last_match: Option<usize>,
    count: i64,
    max: i64,
    done: bool,
}

impl Gsub {
    /// Replacement of at most `max` matches (lua5.4 defaults it to `#subject + 1`; zero or
    /// negative means none).
    pub fn new(max: i64) -> Self {
        Gsub {
            pos: 0,
            last_match: None,
            count: 0,
            max,
            done: false,
        }
    }

    /// Matches made so far: the second result of `gsub`.
    pub fn count(&self) -> i64 {
        self.count
    }

    /// The next match to replace, or `None` when done. Call with the same subject and
    /// pattern (including any leading `^`) every time.
    pub fn next_match(
        &mut self,
        subject: &[u8],
        pattern: &[u8],
        budget: &mut Budget,
    ) -> Result<Option<Match>, PatternError> {
        let (anchor, pat) = split_anchor(pattern);
        let first = if anchor { None } else { first_literal(pat) };
        let mut m = Matcher::new(subject, pat, budget);
        while !self.done && self.count < self.max {
            self.pos = next_candidate(subject, self.pos, first);
            let s = self.pos;
            let found = m.attempt(s)?.filter(|&e| Some(e) != self.last_match);
            if anchor {
                self.done = true;
            }
            if let Some(e) = found {
                self.count += 1;
                self.pos = e;
                self.last_match = Some(e);
                return Ok(Some(Match::from_matcher(&m, s, e)));
            }
            if s < subject.len() {
                self.pos += 1;
            } else {
                self.done = true;
            }
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests;
