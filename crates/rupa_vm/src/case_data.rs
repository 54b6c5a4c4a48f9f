//! Reading the case files in `tests/data/` that the `tests/gen_*.lua` scripts capture from
//! lua5.4 (tests only). It owns the field syntax those scripts write, nothing about what a case
//! means: each test module decodes its own columns with these helpers.
//!
//! A case is one line of tab-separated fields whose first field names its kind. A float is
//! `f:` and its `f64::to_bits` as 16 hex digits, so every float (NaN payloads, `-0.0`,
//! subnormals) comes back bit-exact; a string is `s:` and its bytes, those outside `!`..`~`
//! and the backslash written `\xHH`. Integers are decimal, booleans `true`/`false`.

/// The cases of `text`, each split into its fields (the kind first).
pub fn cases(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.is_empty())
        .map(|l| l.split('\t').collect())
}

/// The cases of `text` of one kind, without the kind field.
pub fn cases_of<'t>(text: &'t str, kind: &'t str) -> impl Iterator<Item = Vec<&'t str>> {
    cases(text)
        .filter(move |f| f[0] == kind)
        .map(|f| f[1..].to_vec())
}

/// A decimal integer field.
pub fn int(field: &str) -> i64 {
    field
        .parse()
        .unwrap_or_else(|_| panic!("case field {field:?} is no integer"))
}

/// A `true`/`false` field.
pub fn boolean(field: &str) -> bool {
    match field {
        "true" => true,
        "false" => false,
        _ => panic!("case field {field:?} is no boolean"),
    }
}

/// An `f:<16 hex digits>` field, bit-exact.
pub fn float(field: &str) -> f64 {
    field
        .strip_prefix("f:")
        .filter(|h| h.len() == 16)
        .and_then(|h| u64::from_str_radix(h, 16).ok())
        .map(f64::from_bits)
        .unwrap_or_else(|| panic!("case field {field:?} is no float"))
}

/// An `s:<escaped bytes>` field, unescaped.
pub fn bytes(field: &str) -> Vec<u8> {
    let text = field
        .strip_prefix("s:")
        .unwrap_or_else(|| panic!("case field {field:?} is no string"))
        .as_bytes();
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i] == b'\\' {
            let hex = text
                .get(i + 2..i + 4)
                .filter(|_| text.get(i + 1) == Some(&b'x'))
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .unwrap_or_else(|| panic!("bad escape in case field {field:?}"));
            out.push(hex);
            i += 4;
        } else {
            out.push(text[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn fields_decode_exactly() {
    assert_eq!(bytes(r"s:a\x20b\x5c\x00"), b"a b\\\0");
    assert_eq!(bytes("s:"), b"");
    assert_eq!(float("f:8000000000000000").to_bits(), (-0.0f64).to_bits());
    assert_eq!(float("f:fff8000000000000").to_bits(), 0xfff8_0000_0000_0000);
    assert_eq!(float("f:0000000000000001"), 5e-324);
    assert_eq!(int("-9223372036854775808"), i64::MIN);
    assert!(boolean("true") && !boolean("false"));
    let text = "a\t1\t2\nb\t3\n\na\t4\n";
    let a: Vec<Vec<&str>> = cases_of(text, "a").collect();
    assert_eq!(a, vec![vec!["1", "2"], vec!["4"]]);
}
