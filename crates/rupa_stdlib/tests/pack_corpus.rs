//! Replays tests/data/packs.txt (random `string.pack`/`unpack`/`packsize` cases with
//! lua5.4's results, made by tests/gen_packs.py) through the pack core.

use rupa_stdlib::string::pack::{
    pack_values, packsize, unpack, ErrorSite, PackError, PackValue, Unpacked,
};

mod corpus;
use corpus::{decode, encode};

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

fn hex_bytes(x: f64) -> String {
    x.to_le_bytes().iter().map(|b| format!("{b:02x}")).collect()
}

fn run_pack(fmt: &[u8], fields: &[&[u8]]) -> Vec<u8> {
    let texts: Vec<Vec<u8>> = fields.iter().map(|f| decode(&f[2..])).collect();
    let values: Vec<PackValue<'_>> = fields
        .iter()
        .zip(&texts)
        .map(|(f, t)| {
            let s = std::str::from_utf8(t).unwrap_or("");
            match f[0] {
                b'i' => PackValue::Int(s.parse().expect("integer value")),
                b'f' => {
                    let mut le = [0u8; 8];
                    for (i, b) in le.iter_mut().enumerate() {
                        *b = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).expect("hex");
                    }
                    PackValue::Num(f64::from_le_bytes(le))
                }
                _ => PackValue::Str(t),
            }
        })
        .collect();
    match pack_values(fmt, &values) {
        Ok(v) => v,
        Err((Some(e), i)) => lua_error(&e, "pack", i),
        Err((None, i)) => format!("E:bad argument #{} to 'pack' (no value)", i + 2).into_bytes(),
    }
}

fn run_unpack(fmt: &[u8], data: &[u8], init: i64) -> Vec<u8> {
    match unpack(fmt, data, init) {
        Err(e) => lua_error(&e, "unpack", 0),
        Ok((values, next)) => {
            let mut parts: Vec<Vec<u8>> = values
                .into_iter()
                .map(|v| match v {
                    Unpacked::Int(n) => n.to_string().into_bytes(),
                    Unpacked::Num(x) => format!("f:{}", hex_bytes(x)).into_bytes(),
                    Unpacked::Str(r) => [b"s:".as_slice(), &data[r]].concat(),
                })
                .collect();
            parts.push(next.to_string().into_bytes());
            parts.join(&b'|')
        }
    }
}

#[test]
fn packs_match_lua() {
    let data = include_bytes!("data/packs.txt");
    let mut cases = 0;
    let mut failures = Vec::new();
    for line in data.split(|&c| c == b'\n').filter(|l| !l.is_empty()) {
        let f: Vec<&[u8]> = line.split(|&c| c == b'\t').collect();
        let fmt = decode(f[1]);
        let (got, want) = match f[0] {
            b"P" => (run_pack(&fmt, &f[3..]), f[2]),
            b"U" => {
                let init = std::str::from_utf8(f[3])
                    .expect("ascii")
                    .parse()
                    .expect("init");
                (run_unpack(&fmt, &decode(f[2]), init), f[4])
            }
            _ => {
                let got = match packsize(&fmt) {
                    Ok(n) => n.to_string().into_bytes(),
                    Err(e) => lua_error(&e, "packsize", 0),
                };
                (got, f[2])
            }
        };
        cases += 1;
        if encode(&got) != want {
            failures.push(format!(
                "{}\n    got  {}",
                String::from_utf8_lossy(line),
                String::from_utf8_lossy(&encode(&got))
            ));
        }
    }
    assert!(cases >= 8_000, "only {cases} cases");
    assert!(
        failures.is_empty(),
        "{} of {cases} cases differ from lua5.4:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}
