//! Pack tests; every expected value was captured from lua5.4 (5.4.4) with
//! `pcall(string.pack/unpack/packsize, ...)` (errors as `E:` + message, the function named
//! 'pack'/'unpack'/'packsize'; unpacked floats shown with `%a`, strings as `s:` + bytes).

use super::*;
use crate::string::format::{format_float, Spec};
use PackValue::{Int, Num, Str};

fn lua_error(e: &PackError, func: &str, value_index: usize) -> Vec<u8> {
    let arg = match e.site() {
        ErrorSite::Plain => return [b"E:".as_slice(), &e.message()].concat(),
        ErrorSite::Format => 1,
        ErrorSite::Value => value_index + 2,
        ErrorSite::Data => 2,
        ErrorSite::Position => 3,
    };
    [
        format!("E:bad argument #{arg} to '{func}' (").as_bytes(),
        &e.message(),
        b")",
    ]
    .concat()
}

fn lua_pack(fmt: &[u8], values: &[PackValue<'_>]) -> Vec<u8> {
    match pack_values(fmt, values) {
        Ok(v) => v,
        Err((Some(e), i)) => lua_error(&e, "pack", i),
        Err((None, i)) => format!("E:no value #{i}").into_bytes(),
    }
}

fn lua_unpack(fmt: &[u8], data: &[u8], init: i64) -> Vec<u8> {
    match unpack(fmt, data, init) {
        Err(e) => lua_error(&e, "unpack", 0),
        Ok((values, next)) => {
            let mut parts: Vec<Vec<u8>> = values
                .into_iter()
                .map(|v| match v {
                    Unpacked::Int(n) => n.to_string().into_bytes(),
                    Unpacked::Num(x) => {
                        let mut out = Vec::new();
                        let spec = Spec {
                            conv: b'a',
                            ..Spec::default()
                        };
                        format_float(&mut out, &spec, x);
                        out
                    }
                    Unpacked::Str(r) => [b"s:".as_slice(), &data[r]].concat(),
                })
                .collect();
            parts.push(next.to_string().into_bytes());
            parts.join(&b'|')
        }
    }
}

fn lua_packsize(fmt: &[u8]) -> Vec<u8> {
    match packsize(fmt) {
        Ok(n) => n.to_string().into_bytes(),
        Err(e) => lua_error(&e, "packsize", 0),
    }
}

#[rustfmt::skip]
const PACK: &[(&[u8], &[PackValue<'static>], &[u8])] = &[
    (b"y", &[Int(1)], b"E:invalid format option 'y'"),
    (b"i17", &[Int(1)], b"E:integral size (17) out of limits [1,16]"),
    (b"i0", &[Int(1)], b"E:integral size (0) out of limits [1,16]"),
    (b"i16", &[Int(-2)], b"\xfe\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"),
    (b">i16", &[Int(-2)], b"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xfe"),
    (b"i3", &[Num(f64::from_bits(0x4160000000000000))], b"E:bad argument #2 to 'pack' (integer overflow)"),
    (b"i3", &[Num(f64::from_bits(0xc160000000000000))], b"\x00\x00\x80"),
    (b"I3", &[Num(f64::from_bits(0x4170000000000000))], b"E:bad argument #2 to 'pack' (unsigned overflow)"),
    (b"I3", &[Int(-1)], b"E:bad argument #2 to 'pack' (unsigned overflow)"),
    (b"c", &[Str(b"a")], b"E:missing size for format option 'c'"),
    (b"c3", &[Str(b"abcd")], b"E:bad argument #2 to 'pack' (string longer than given size)"),
    (b"c3", &[Str(b"a")], b"a\x00\x00"),
    (b"s1", &[Str(b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")], b"E:bad argument #2 to 'pack' (string length does not fit in given size)"),
    (b"s1", &[Str(b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")], b"\xffaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
    (b"z", &[Str(b"a\x00b")], b"E:bad argument #2 to 'pack' (string contains zeros)"),
    (b"!3i4", &[Int(1)], b"E:bad argument #1 to 'pack' (format asks for alignment not power of 2)"),
    (b"!4 b i4", &[Int(1), Int(2)], b"\x01\x00\x00\x00\x02\x00\x00\x00"),
    (b"b Xi4 b", &[Int(1), Int(2)], b"\x01\x02"),
    (b"b Xz", &[Int(1)], b"E:bad argument #1 to 'pack' (invalid next option for option 'X')"),
    (b"b X", &[Int(1)], b"E:bad argument #1 to 'pack' (invalid next option for option 'X')"),
    (b"b Xc3", &[Int(1)], b"E:bad argument #1 to 'pack' (invalid next option for option 'X')"),
    (b"b Xb", &[Int(1)], b"\x01"),
    (b"!8 b Xi16 b", &[Int(1), Int(2)], b"\x01\x00\x00\x00\x00\x00\x00\x00\x02"),
    (b"!b Xd b", &[Int(1), Int(2)], b"\x01\x00\x00\x00\x00\x00\x00\x00\x02"),
    (b"<i2 >i2 =i2", &[Int(1), Int(2), Int(3)], b"\x01\x00\x00\x02\x03\x00"),
    (b"f d n", &[Num(f64::from_bits(0x3ff8000000000000)), Num(f64::from_bits(0x4004000000000000)), Num(f64::from_bits(0x400c000000000000))], b"\x00\x00\xc0?\x00\x00\x00\x00\x00\x00\x04@\x00\x00\x00\x00\x00\x00\x0c@"),
    (b"j J T", &[Int(-1), Int(-1), Int(5)], b"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x05\x00\x00\x00\x00\x00\x00\x00"),
    (b"T", &[Int(-1)], b"\xff\xff\xff\xff\xff\xff\xff\xff"),
    (b"h H l L", &[Int(-1), Int(65535), Int(-1), Int(1)], b"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01\x00\x00\x00\x00\x00\x00\x00"),
    (b"i", &[Num(f64::from_bits(0x41e0000000000000))], b"E:bad argument #2 to 'pack' (integer overflow)"),
    (b"xxbx", &[Int(1)], b"\x00\x00\x01\x00"),
    (b"i16", &[Int(-9223372036854775808)], b"\x00\x00\x00\x00\x00\x00\x00\x80\xff\xff\xff\xff\xff\xff\xff\xff"),
    (b">I16", &[Int(-1)], b"\x00\x00\x00\x00\x00\x00\x00\x00\xff\xff\xff\xff\xff\xff\xff\xff"),
    (b"s2", &[Str(b"ab")], b"\x02\x00ab"),
    (b"!2 b d", &[Int(1), Int(2)], b"\x01\x00\x00\x00\x00\x00\x00\x00\x00@"),
    (b"!16 b i16", &[Int(1), Int(2)], b"\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"),
    (b"!17 b i16", &[Int(1), Int(2)], b"E:integral size (17) out of limits [1,16]"),
    (b"i2", &[Int(32768)], b"E:bad argument #2 to 'pack' (integer overflow)"),
    (b"I2", &[Int(65536)], b"E:bad argument #2 to 'pack' (unsigned overflow)"),
    (b"i8", &[Int(-9223372036854775808)], b"\x00\x00\x00\x00\x00\x00\x00\x80"),
    (b"b", &[Int(128)], b"E:bad argument #2 to 'pack' (integer overflow)"),
    (b"b", &[Int(-129)], b"E:bad argument #2 to 'pack' (integer overflow)"),
    (b"B", &[Int(255)], b"\xff"),
    (b"B", &[Int(-1)], b"E:bad argument #2 to 'pack' (unsigned overflow)"),
    (b"i1i2i3i4i5i6i7i8", &[Int(1), Int(2), Int(3), Int(4), Int(5), Int(6), Int(7), Int(8)], b"\x01\x02\x00\x03\x00\x00\x04\x00\x00\x00\x05\x00\x00\x00\x00\x06\x00\x00\x00\x00\x00\x07\x00\x00\x00\x00\x00\x00\x08\x00\x00\x00\x00\x00\x00\x00"),
    (b"!i1i2i3i4i5i6i7i8", &[Int(1), Int(2), Int(3), Int(4), Int(5), Int(6), Int(7), Int(8)], b"E:bad argument #1 to 'pack' (format asks for alignment not power of 2)"),
    (b"!i3 Xi3", &[Int(1)], b"E:bad argument #1 to 'pack' (format asks for alignment not power of 2)"),
    (b"s0", &[Str(b"")], b"E:integral size (0) out of limits [1,16]"),
    (b"s17", &[Str(b"")], b"E:integral size (17) out of limits [1,16]"),
    (b"X", &[Str(b"")], b"E:bad argument #1 to 'pack' (invalid next option for option 'X')"),
    (b"Xx", &[Str(b"")], b""),
    (b"bXs", &[Int(1), Str(b"")], b"\x01"),
    (b"z", &[Str(b"abc")], b"abc\x00"),
    (b">s3 <s3", &[Str(b"hey"), Str(b"you")], b"\x00\x00\x03hey\x03\x00\x00you"),
    (b"f", &[Num(f64::from_bits(0x3fb999999999999a))], b"\xcd\xcc\xcc="),
    (b">d >f", &[Num(f64::from_bits(0x8000000000000000)), Num(f64::from_bits(0x7ff0000000000000))], b"\x80\x00\x00\x00\x00\x00\x00\x00\x7f\x80\x00\x00"),
    (b"!4 h Xi8 b", &[Int(1), Int(2)], b"\x01\x00\x00\x00\x02"),
    (b"!2 b Xi8 b", &[Int(1), Int(2)], b"\x01\x00\x02"),
    (b"b X!4", &[Int(1)], b"E:bad argument #1 to 'pack' (invalid next option for option 'X')"),
    (b"b X<", &[Int(1)], b"E:bad argument #1 to 'pack' (invalid next option for option 'X')"),
    (b"b Xy", &[Int(1)], b"E:invalid format option 'y'"),
    (b"c0", &[Str(b"")], b""),
    (b"i\x00y", &[Int(1)], b"\x01\x00\x00\x00"),
    (b"  ", &[Int(1)], b""),
    (b"b !", &[Int(1), Int(2)], b"\x01"),
    (b"I9", &[Int(-1)], b"\xff\xff\xff\xff\xff\xff\xff\xff\x00"),
    (b"i9", &[Int(-1)], b"\xff\xff\xff\xff\xff\xff\xff\xff\xff"),
    (b"i9", &[Int(-9223372036854775808)], b"\x00\x00\x00\x00\x00\x00\x00\x80\xff"),
    (b"I16", &[Int(9223372036854775807)], b"\xff\xff\xff\xff\xff\xff\xff\x7f\x00\x00\x00\x00\x00\x00\x00\x00"),
    (b"=I3", &[Int(11259375)], b"\xef\xcd\xab"),
];

/// Format, data, initial position, expected rendering.
type UnpackCase = (&'static [u8], &'static [u8], i64, &'static [u8]);

#[rustfmt::skip]
const UNPACK: &[UnpackCase] = &[
    (b"i4", b"abc", 1, b"E:bad argument #2 to 'unpack' (data string too short)"),
    (b"i4", b"abcd", 2, b"E:bad argument #2 to 'unpack' (data string too short)"),
    (b"i4", b"abcd", 6, b"E:bad argument #3 to 'unpack' (initial position out of string)"),
    (b"i4", b"abcd", 5, b"E:bad argument #2 to 'unpack' (data string too short)"),
    (b"i4", b"abcd", -4, b"1684234849|5"),
    (b"i4", b"abcd", -10, b"1684234849|5"),
    (b"z", b"abc", 1, b"E:bad argument #2 to 'unpack' (unfinished string for format 'z')"),
    (b"z", b"abc\x00", 1, b"s:abc|5"),
    (b"s1", b"\x05abc", 1, b"E:bad argument #2 to 'unpack' (data string too short)"),
    (b"s1", b"\x03abc", 1, b"s:abc|5"),
    (b"i9", b"\xff\xff\xff\xff\xff\xff\xff\xff\xff", 1, b"-1|10"),
    (b"i9", b"\xff\xff\xff\xff\xff\xff\xff\xff\x00", 1, b"E:9-byte integer does not fit into Lua Integer"),
    (b"i9", b"\xff\xff\xff\xff\xff\xff\xff\x7f\x00", 1, b"9223372036854775807|10"),
    (b"I9", b"\xff\xff\xff\xff\xff\xff\xff\xff\x00", 1, b"-1|10"),
    (b"i9", b"\x00\x00\x00\x00\x00\x00\x00\x80\xff", 1, b"-9223372036854775808|10"),
    (b"i16", b"\x00\x00\x00\x00\x00\x00\x00\x80\xff\xff\xff\xff\xff\xff\xff\x01", 1, b"E:16-byte integer does not fit into Lua Integer"),
    (b"i3", b"\xff\xff\xff", 1, b"-1|4"),
    (b"I3", b"\xff\xff\xff", 1, b"16777215|4"),
    (b">i3", b"\x80\x00\x01", 1, b"-8388607|4"),
    (b"f", b"\xcd\xcc\xcc=", 1, b"0x1.99999ap-4|5"),
    (b"!4 b i4", b"\x01\x00\x00\x00\x02\x00\x00\x00", 1, b"1|2|9"),
    (b"c0", b"", 1, b"s:|1"),
    (b"", b"", 1, b"1"),
    (b"", b"", 2, b"E:bad argument #3 to 'unpack' (initial position out of string)"),
    (b"x", b"", 1, b"E:bad argument #2 to 'unpack' (data string too short)"),
    (b" ", b"", 1, b"1"),
    (b"c2", b"a", 1, b"E:bad argument #2 to 'unpack' (data string too short)"),
    (b"!8 b d", b"\x01", 1, b"E:bad argument #2 to 'unpack' (data string too short)"),
    (b"d", b"UUUUUU\xd5?", 1, b"0x1.5555555555555p-2|9"),
    (b">d <d", b"?\xf8\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\xc0", 1, b"0x1.8p+0|-0x1.2p+1|17"),
    (b"z z", b"ab\x00\x00cd\x00", 1, b"s:ab|s:|5"),
    (b"s2 B", b"\x02\x00hi\x07", 1, b"s:hi|7|6"),
    (b"j", b"\x00\x00\x00\x00\x00\x00\x00\x80", 1, b"-9223372036854775808|9"),
    (b"i16", b"\xfb\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", 1, b"-5|17"),
    (b"I16", b"\xfb\xff\xff\xff\xff\xff\xff\xff\x00\x00\x00\x00\x00\x00\x00\x00", 1, b"-5|17"),
    (b"c3 c3", b"abcdef", 2, b"E:bad argument #2 to 'unpack' (data string too short)"),
    (b"b", b"\xc8", -1, b"-56|2"),
    (b"Xi4 i4", b"\x00\x00\x00\x00\x01\x00\x00\x00", 1, b"0|5"),
    (b"!4 Xi4 i4", b"x\x00\x00\x00\x01\x00\x00\x00", 2, b"1|9"),
    (b"s9", b"\x00\x00\x00\x00\x00\x00\x00\x00\x00", 1, b"s:|10"),
    (b"s9", b"\x01\x00\x00\x00\x00\x00\x00\x00\x01", 1, b"E:9-byte integer does not fit into Lua Integer"),
    (b"s16", b"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", 1, b"s:|17"),
    (b">I2 <I2", b"\x01\x02\x01\x02", 1, b"258|513|5"),
    (b"f", b"\x00\x00\xc0\x7f", 1, b"nan|5"),
    (b"=h", b"\xff\x7f", 1, b"32767|3"),
];

#[rustfmt::skip]
const PACKSIZE: &[(&[u8], &[u8])] = &[
    (b"s", b"E:bad argument #1 to 'packsize' (variable-length format)"),
    (b"z", b"E:bad argument #1 to 'packsize' (variable-length format)"),
    (b"i4 i8 !8 i8 d c10", b"42"),
    (b"c2147483647 c2147483647", b"E:invalid format option '7'"),
    (b"c2147483647", b"E:invalid format option '7'"),
    (b"c2147483648", b"E:invalid format option '8'"),
    (b"c21474836480", b"E:invalid format option '8'"),
    (b"c214748364", b"214748364"),
    (b"c2147483640", b"E:invalid format option '0'"),
    (b"i99999999999", b"E:integral size (999999999) out of limits [1,16]"),
    (b"c214748364c214748364c214748364c214748364c214748364c214748364c214748364c214748364c214748364c214748364", b"2147483640"),
    (b"c214748364c214748364c214748364c214748364c214748364c214748364c214748364c214748364c214748364c214748364c214748364", b"E:bad argument #1 to 'packsize' (format result too large)"),
    (b"i16 c2147483640", b"E:invalid format option '0'"),
    (b"!16 b c214748364 c214748364 c214748364 c214748364 c214748364 c214748364 c214748364 c214748364 c214748364 c214748364 c7 i8", b"E:bad argument #1 to 'packsize' (format result too large)"),
    (b"", b"0"),
    (b"b h i l j f d n T", b"51"),
    (b"!b h i l j f d n T", b"56"),
    (b"!2 b h i l j f d n T", b"52"),
    (b"bXi16", b"1"),
    (b"!bXi16", b"8"),
    (b"!bXi16Xi16", b"8"),
    (b"i7!i7", b"E:bad argument #1 to 'packsize' (format asks for alignment not power of 2)"),
    (b"c2147483639 b", b"2147483640"),
    (b"c2147483639 bb", b"2147483641"),
    (b"c2147483647", b"E:invalid format option '7'"),
    (b"x X", b"E:bad argument #1 to 'packsize' (invalid next option for option 'X')"),
];

fn show(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn pack_matches_lua() {
    for &(fmt, values, want) in PACK {
        let got = lua_pack(fmt, values);
        assert_eq!(show(&got), show(want), "pack({:?}, {values:?})", show(fmt));
        assert_eq!(got, want, "pack({:?}, {values:?})", show(fmt));
    }
}

#[test]
fn unpack_matches_lua() {
    for &(fmt, data, init, want) in UNPACK {
        let got = lua_unpack(fmt, data, init);
        assert_eq!(
            show(&got),
            show(want),
            "unpack({:?}, {data:?}, {init})",
            show(fmt)
        );
        assert_eq!(got, want);
    }
}

#[test]
fn packsize_matches_lua() {
    for &(fmt, want) in PACKSIZE {
        assert_eq!(
            show(&lua_packsize(fmt)),
            show(want),
            "packsize({:?})",
            show(fmt)
        );
    }
}

#[test]
fn pack_round_trips() {
    let fmt = b"<!8 b h i4 j B H I8 J f d s1 z c4 >i16 I9 x Xd";
    let values = [
        Int(-5),
        Int(-300),
        Int(-70000),
        Int(i64::MIN),
        Int(200),
        Int(65535),
        Int(1 << 39),
        Int(-1),
        Num(0.5),
        Num(-1e300),
        Str(b"abc"),
        Str(b"zero"),
        Str(b"ab"),
        Int(-7),
        Int(i64::MAX),
    ];
    let packed = pack_values(fmt, &values).expect("packs");
    assert_eq!(packsize(b"!8 b h i4 j").expect("fixed"), 16);
    let (got, next) = unpack(fmt, &packed, 1).expect("unpacks");
    assert_eq!(next, packed.len() + 1);
    let want = [
        Unpacked::Int(-5),
        Unpacked::Int(-300),
        Unpacked::Int(-70000),
        Unpacked::Int(i64::MIN),
        Unpacked::Int(200),
        Unpacked::Int(65535),
        Unpacked::Int(1 << 39),
        Unpacked::Int(-1),
        Unpacked::Num(0.5),
        Unpacked::Num(-1e300),
    ];
    assert_eq!(&got[..10], &want);
    let strings: Vec<&[u8]> = got[10..13]
        .iter()
        .map(|v| match v {
            Unpacked::Str(r) => &packed[r.clone()],
            other => panic!("a string, not {other:?}"),
        })
        .collect();
    assert_eq!(strings, [b"abc".as_slice(), b"zero", b"ab\0\0"]);
    assert_eq!(&got[13..], &[Unpacked::Int(-7), Unpacked::Int(i64::MAX)]);
}
