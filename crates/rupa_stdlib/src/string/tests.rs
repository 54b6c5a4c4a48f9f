//! Tests of the byte helpers; expected values captured from lua5.4 (5.4.4).

use super::*;

fn sub(s: &[u8], i: i64, j: i64) -> &[u8] {
    &s[sub_range(s.len(), i, j)]
}

#[test]
fn sub_matches_lua() {
    let s = b"hello";
    assert_eq!(sub(s, 2, -1), b"ello");
    assert_eq!(sub(s, -3, -1), b"llo");
    assert_eq!(sub(s, 0, -1), b"hello");
    assert_eq!(sub(s, 2, 100), b"ello");
    assert_eq!(sub(s, i64::MIN, i64::MAX), b"hello");
    assert_eq!(sub(s, 4, 2), b"");
    assert_eq!(sub(s, -100, -4), b"he");
    assert_eq!(sub(b"", 1, -1), b"");
}

#[test]
fn byte_matches_lua() {
    assert_eq!(byte_range(5, -3, -1), Ok(2..5)); // 108 108 111
    assert_eq!(byte_range(5, 0, 0), Ok(0..0)); // nothing
    assert_eq!(byte_range(5, 10, 10), Ok(0..0));
    assert_eq!(byte_range(5, 3, 2), Ok(0..0));
    assert_eq!(byte_range(5, -100, 100), Ok(0..5));
    assert_eq!(
        byte_range(MAX_STRING_SIZE + 1, 1, -1),
        Err(StrError::SliceTooLong)
    );
}

#[test]
fn char_matches_lua() {
    assert_eq!(char_code(72), Ok(72));
    assert_eq!(char_code(255), Ok(255));
    assert_eq!(char_code(256), Err(StrError::ValueOutOfRange));
    assert_eq!(char_code(-1), Err(StrError::ValueOutOfRange));
    assert_eq!(StrError::ValueOutOfRange.to_string(), "value out of range");
}

#[test]
fn rep_matches_lua() {
    assert_eq!(rep(b"a", 3, b","), Ok(b"a,a,a".to_vec()));
    assert_eq!(rep(b"a", 0, b","), Ok(Vec::new()));
    assert_eq!(rep(b"a", -1, b""), Ok(Vec::new()));
    assert_eq!(rep(b"ab", 3, b""), Ok(b"ababab".to_vec()));
    assert_eq!(rep(b"", i64::MAX, b""), Ok(Vec::new()));
    assert_eq!(rep_len(2, 1 << 30, 0), Err(StrError::ResultTooLarge));
    assert_eq!(rep_len(2, (1 << 30) - 1, 0), Ok((1 << 31) - 2));
    assert_eq!(rep_len(1, 1 << 31, 0), Err(StrError::ResultTooLarge));
    assert_eq!(rep_len(usize::MAX, 2, 1), Err(StrError::ResultTooLarge));
    assert_eq!(rep_len(1, 3, 2), Ok(7));
    assert_eq!(
        StrError::ResultTooLarge.to_string(),
        "resulting string too large"
    );
}

#[test]
fn case_and_reverse() {
    assert_eq!(upper(b"aBc\x80z{"), b"ABC\x80Z{");
    assert_eq!(lower(b"aBC\xC9Z["), b"abc\xC9z[");
    assert_eq!(reverse(b"abc"), b"cba");
}
