//! Character classes of Lua patterns: `%a`-style classes and `[...]` sets, with C's ctype
//! in the "C" locale (bytes 128..=255 belong to no class, as in lua5.4 under that locale).
//!
//! This module only answers "does byte `c` belong to this class"; finding where a class ends
//! in the pattern (and the errors for malformed ones) is the matcher's job.

/// `isspace` in the C locale: space, `\t`, `\n`, `\v`, `\f`, `\r`. Rust's
/// `is_ascii_whitespace` leaves out `\v`, so it cannot be used here.
fn is_space(c: u8) -> bool {
    c == b' ' || (b'\t'..=b'\r').contains(&c)
}

/// Whether byte `c` belongs to the class named by the letter after `%` (`a`, `D`, ...).
/// Upper-case letters complement their class; a non-letter (or an unknown letter) stands
/// for itself, which is how `%.` or `%%` match a literal byte.
#[inline]
pub(crate) fn class_matches(c: u8, class: u8) -> bool {
    let res = match class.to_ascii_lowercase() {
        b'a' => c.is_ascii_alphabetic(),
        b'c' => c.is_ascii_control(),
        b'd' => c.is_ascii_digit(),
        b'g' => c.is_ascii_graphic(),
        b'l' => c.is_ascii_lowercase(),
        b'p' => c.is_ascii_punctuation(),
        b's' => is_space(c),
        b'u' => c.is_ascii_uppercase(),
        b'w' => c.is_ascii_alphanumeric(),
        b'x' => c.is_ascii_hexdigit(),
        // Deprecated in 5.2 but still accepted by lua5.4: the NUL byte.
        b'z' => c == 0,
        _ => return class == c,
    };
    if class.is_ascii_uppercase() {
        !res
    } else {
        res
    }
}

/// Whether byte `c` belongs to the set `set`, which is the pattern text from the opening `[`
/// up to (not including) its closing `]`, so `set[0] == b'['`. The set was already checked
/// for well-formedness when its end was found.
pub(crate) fn set_matches(c: u8, set: &[u8]) -> bool {
    let mut i = 1;
    let mut found = true;
    if set.get(1) == Some(&b'^') {
        found = false;
        i = 2;
    }
    while i < set.len() {
        let b = set[i];
        if b == b'%' {
            // The set's end was found skipping escapes, so the escaped byte is in the set.
            i += 1;
            if let Some(&cl) = set.get(i) {
                if class_matches(c, cl) {
                    return found;
                }
            }
        } else if set.get(i + 1) == Some(&b'-') && i + 2 < set.len() {
            // A range needs an upper bound before the closing ']': "[a-]" is 'a' or '-'.
            if b <= c && c <= set[i + 2] {
                return found;
            }
            i += 2;
        } else if b == c {
            return found;
        }
        i += 1;
    }
    !found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Members of each class over all 256 bytes, as counted with lua5.4:
    /// `for c in ("acdglpsuwx"):gmatch"." do local n=0 for b=0,255 do
    ///  if string.char(b):find("%"..c) then n=n+1 end end print(c,n) end`.
    #[test]
    fn class_sizes_match_lua() {
        let expected = [
            (b'a', 52),
            (b'c', 33),
            (b'd', 10),
            (b'g', 94),
            (b'l', 26),
            (b'p', 32),
            (b's', 6),
            (b'u', 26),
            (b'w', 62),
            (b'x', 22),
        ];
        for (class, n) in expected {
            let count = (0..=255u8).filter(|&c| class_matches(c, class)).count();
            assert_eq!(count, n, "class %{}", class as char);
            let upper = class.to_ascii_uppercase();
            let count = (0..=255u8).filter(|&c| class_matches(c, upper)).count();
            assert_eq!(count, 256 - n, "class %{}", upper as char);
        }
    }

    #[test]
    fn vertical_tab_is_space() {
        assert!(class_matches(0x0b, b's'));
        assert!(!class_matches(0x0b, b'S'));
    }

    #[test]
    fn sets() {
        assert!(set_matches(b'-', b"[a-"));
        assert!(set_matches(b'a', b"[a-"));
        assert!(!set_matches(b'b', b"[a-"));
        assert!(set_matches(b'q', b"[a-z"));
        assert!(!set_matches(b'q', b"[^a-z"));
        assert!(set_matches(b']', b"[]"));
        assert!(set_matches(b'7', b"[%d"));
        assert!(!set_matches(b'7', b"[^%d"));
    }
}
