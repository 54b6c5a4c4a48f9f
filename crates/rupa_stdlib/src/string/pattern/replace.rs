//! `gsub` with a replacement string: expanding `%0`-`%9` and `%%`, and the whole `gsub` loop
//! for that case. Table and function replacements are driven by the wrapper through
//! [`super::Gsub`], since they call back into Lua.

use super::{Budget, Capture, Gsub, Match, PatternError};

/// Appends the expansion of replacement string `repl` for match `m` of `subject` to `out`:
/// `%0` is the whole match, `%1`-`%9` a capture (a position capture as its decimal 1-based
/// position; `%1` is the whole match when the pattern has no captures), `%%` a `%`.
/// `subject` must be the string `m` was found in (ranges outside it expand to nothing).
pub fn expand_replacement(
    repl: &[u8],
    subject: &[u8],
    m: &Match,
    out: &mut Vec<u8>,
) -> Result<(), PatternError> {
    let mut rest = repl;
    while let Some(k) = rest.iter().position(|&c| c == b'%') {
        out.extend_from_slice(&rest[..k]);
        // A '%' at the very end sees lua5.4's terminating NUL: an invalid escape.
        let c = rest.get(k + 1).copied().unwrap_or(0);
        match c {
            b'%' => out.push(b'%'),
            b'0' => out.extend_from_slice(subject.get(m.start..m.end).unwrap_or_default()),
            b'1'..=b'9' => match m.capture(usize::from(c - b'1'))? {
                Capture::Range(a, b) => {
                    out.extend_from_slice(subject.get(a..b).unwrap_or_default())
                }
                Capture::Position(p) => out.extend_from_slice((p + 1).to_string().as_bytes()),
            },
            _ => return Err(PatternError::InvalidReplacementEscape),
        }
        rest = &rest[k + 2..];
    }
    out.extend_from_slice(rest);
    Ok(())
}

/// `string.gsub(subject, pattern, repl, max)` with a string `repl`: the new string and the
/// number of matches replaced. `max` is lua5.4's optional 4th argument (default
/// `#subject + 1`).
pub fn gsub_str(
    subject: &[u8],
    pattern: &[u8],
    repl: &[u8],
    max: i64,
    budget: &mut Budget,
) -> Result<(Vec<u8>, i64), PatternError> {
    let mut out = Vec::with_capacity(subject.len());
    let mut copied = 0;
    let mut gsub = Gsub::new(max);
    while let Some(m) = gsub.next_match(subject, pattern, budget)? {
        out.extend_from_slice(&subject[copied..m.start]);
        expand_replacement(repl, subject, &m, &mut out)?;
        budget.charge(repl.len() as u64)?;
        copied = m.end;
    }
    out.extend_from_slice(&subject[copied..]);
    Ok((out, gsub.count()))
}
