//! Character classes of Lua patterns: `%a`-style classes and `[...]` sets, with C's ctype
//! in the "C" locale (bytes 128..=255 belong to no class, as in lua5.4 under that locale).
//!
//! This module only answers "does byte `c` belong to this class"; finding where a class ends
//! in the pattern (and the errors for malformed ones) is the matcher's job.

/// Whether byte `c` belongs to the class named by the letter after `%` (`a`, `D`, ...).
/// Upper-case letters complement their class; a non-letter (or an unknown letter) stands
/// for itself, which is how `%.` or `%%` match a literal byte.
/// The class letters, in the order of their bits in [`MEMBERS`].
const LETTERS: &[u8; 10] = b"acdglpsuwx";

/// For each byte, a bit per class of [`LETTERS`] it belongs to (C locale), so a class test is
/// one table load instead of a dispatch on the class letter.
static MEMBERS: [u16; 256] = members();

const fn in_class(c: u8, letter: u8) -> bool {
    match letter {
        b'a' => c.is_ascii_alphabetic(),
        b'c' => c.is_ascii_control(),
        b'd' => c.is_ascii_digit(),
        b'g' => c.is_ascii_graphic(),
        b'l' => c.is_ascii_lowercase(),
        b'p' => c.is_ascii_punctuation(),
        // C's `isspace`: space, `\t`, `\n`, `\v`, `\f`, `\r` (Rust's ascii whitespace lacks `\v`).
        b's' => c == b' ' || (c >= b'\t' && c <= b'\r'),
        b'u' => c.is_ascii_uppercase(),
        b'w' => c.is_ascii_alphanumeric(),
        b'x' => c.is_ascii_hexdigit(),
        _ => false,
    }
}

const fn members() -> [u16; 256] {
    let mut table = [0u16; 256];
    let mut c = 0;
    while c < 256 {
        let mut k = 0;
        while k < LETTERS.len() {
            if in_class(c as u8, LETTERS[k]) {
                table[c] |= 1 << k;
            }
            k += 1;
        }
        c += 1;
    }
    table
}

/// What `%x` (`x` = `class`) tests, worked out once per pattern item: membership in a
/// class (negated for an upper-case letter), or equality with `class` itself (`%.`, `%%`).
#[derive(Clone, Copy, Debug)]
pub(crate) enum ClassTest {
    Bits { mask: u16, negate: bool },
    Zero { negate: bool },
    Byte(u8),
}

impl ClassTest {
    /// The test for `%` followed by `class`.
    #[inline]
    pub(crate) fn new(class: u8) -> ClassTest {
        let lower = class.to_ascii_lowercase();
        let negate = class.is_ascii_uppercase();
        if lower == b'z' {
            return ClassTest::Zero { negate };
        }
        match LETTERS.iter().position(|&l| l == lower) {
            Some(k) => ClassTest::Bits {
                mask: 1 << k,
                negate,
            },
            None => ClassTest::Byte(class),
        }
    }

    /// Whether byte `c` passes the test.
    #[inline]
    pub(crate) fn matches(self, c: u8) -> bool {
        match self {
            ClassTest::Bits { mask, negate } => (MEMBERS[usize::from(c)] & mask != 0) != negate,
            ClassTest::Zero { negate } => (c == 0) != negate,
            ClassTest::Byte(b) => b == c,
        }
    }
}

/// Whether byte `c` is in class `%class` (`class` a letter) or is `class` (anything else).
#[inline]
pub(crate) fn class_matches(c: u8, class: u8) -> bool {
    ClassTest::new(class).matches(c)
}

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
