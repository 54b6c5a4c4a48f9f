//! Unit tests of the format-string walk; expected errors checked against lua5.4 (5.4.4).

use super::*;

fn items(fmt: &[u8]) -> Vec<Result<Segment<'_>, FormatError>> {
    segments(fmt).collect()
}

#[test]
fn literals_and_percent() {
    assert_eq!(
        items(b"a%%b"),
        vec![
            Ok(Segment::Literal(b"a")),
            Ok(Segment::Literal(b"%")),
            Ok(Segment::Literal(b"b"))
        ]
    );
}

#[test]
fn item_spans_flags_digits_and_dots() {
    let segs = items(b"%-5.2fx");
    let Some(Ok(Segment::Item(item))) = segs.first() else {
        panic!("an item first: {segs:?}")
    };
    assert_eq!(item.form(), b"%-5.2f");
    let spec = item.spec().expect("valid");
    assert!(spec.left && !spec.zero);
    assert_eq!((spec.width, spec.precision, spec.conv), (5, Some(2), b'f'));
    assert_eq!(segs.get(1), Some(&Ok(Segment::Literal(b"x"))));
}

#[test]
fn too_long_and_cut_short() {
    // 21 flag bytes: lua5.4 says "invalid format (too long)"; 20 are fine.
    let long = [b"%".as_slice(), &[b'-'; 21], b"d"].concat();
    assert_eq!(items(&long), vec![Err(FormatError::TooLong)]);
    let ok = [b"%".as_slice(), &[b'-'; 20], b"d"].concat();
    assert!(matches!(items(&ok)[0], Ok(Segment::Item(_))));
    let Some(Ok(Segment::Item(item))) = items(b"%-5").pop() else {
        panic!("an item")
    };
    assert_eq!(item.conversion(), 0);
    assert_eq!(
        item.spec().map_err(|e| e.to_string()),
        Err("invalid conversion '%-5' to 'format'".to_string())
    );
}

#[test]
fn float_to_string_matches_lua_tostring() {
    // print(1.0, 0.1, 1e15, 1e16, -0.0, 1/0, -1/0, 2^63, 123456789012345.0, 1/3)
    let cases = [
        (1.0, "1.0"),
        (0.1, "0.1"),
        (1e15, "1e+15"),
        (1e16, "1e+16"),
        (-0.0, "-0.0"),
        (f64::INFINITY, "inf"),
        (f64::NEG_INFINITY, "-inf"),
        (9223372036854775808.0, "9.2233720368548e+18"),
        (123456789012345.0, "1.2345678901234e+14"),
        (1.0 / 3.0, "0.33333333333333"),
    ];
    for (x, want) in cases {
        let mut out = Vec::new();
        float_to_string(x, &mut out);
        assert_eq!(String::from_utf8_lossy(&out), want, "tostring({x})");
    }
}
