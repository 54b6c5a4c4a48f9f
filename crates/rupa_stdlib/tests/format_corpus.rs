//! Replays tests/data/formats.txt (random `string.format` cases with lua5.4's results, made
//! by tests/gen_formats.py) through the format core, driven as a native wrapper would.

mod corpus;
use corpus::{decode, encode, format_with, Arg};

fn parse_arg(field: &[u8]) -> (u8, Vec<u8>) {
    (field[0], field.get(2..).map(decode).unwrap_or_default())
}

#[test]
fn formats_match_lua() {
    let data = include_bytes!("data/formats.txt");
    let mut cases = 0;
    let mut failures = Vec::new();
    for line in data.split(|&c| c == b'\n').filter(|l| !l.is_empty()) {
        let f: Vec<&[u8]> = line.split(|&c| c == b'\t').collect();
        let fmt = decode(f[0]);
        let raw: Vec<(u8, Vec<u8>)> = f[2..].iter().map(|a| parse_arg(a)).collect();
        let args: Vec<Arg<'_>> = raw
            .iter()
            .map(|(kind, v)| {
                let text = std::str::from_utf8(v).unwrap_or("");
                match kind {
                    b'i' => Arg::I(text.parse().expect("integer argument")),
                    b'f' => {
                        let mut le = [0u8; 8];
                        for (i, b) in le.iter_mut().enumerate() {
                            *b = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).expect("hex");
                        }
                        Arg::F(f64::from_le_bytes(le))
                    }
                    b's' => Arg::S(v),
                    b'b' => Arg::B(v == b"1"),
                    _ => Arg::Nil,
                }
            })
            .collect();
        let got = encode(&format_with(&fmt, &args));
        cases += 1;
        if got != f[1] {
            failures.push(format!(
                "{}\n    got  {}",
                String::from_utf8_lossy(line),
                String::from_utf8_lossy(&got)
            ));
        }
    }
    assert!(cases >= 5_000, "only {cases} cases");
    assert!(
        failures.is_empty(),
        "{} of {cases} cases differ from lua5.4:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}
