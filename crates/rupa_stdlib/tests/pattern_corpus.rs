//! Replays tests/data/patterns.txt (random pattern cases with lua5.4's results, made by
//! tests/gen_patterns.py) through the pattern matcher, rendering results the way the
//! generator's Lua driver does.

use rupa_stdlib::string::pattern::{
    find, find_any, gsub_str, Budget, Capture, GMatch, Match, PatternError,
};
use rupa_stdlib::string::start_index;

mod corpus;
use corpus::{decode, encode};

fn caps(s: &[u8], m: &Match, whole: bool) -> Result<Vec<Vec<u8>>, PatternError> {
    Ok(m.captures(whole)?
        .into_iter()
        .map(|c| match c {
            Capture::Range(a, b) => s[a..b].to_vec(),
            Capture::Position(p) => (p + 1).to_string().into_bytes(),
        })
        .collect())
}

fn join(parts: Vec<Vec<u8>>, sep: &[u8]) -> Vec<u8> {
    parts.join(sep)
}

fn render(res: Result<Vec<Vec<u8>>, PatternError>) -> Vec<u8> {
    match res {
        Ok(v) => join(v, b"|"),
        Err(e) => format!("E:{e}").into_bytes(),
    }
}

fn run_find(s: &[u8], p: &[u8], init: i64, plain: bool) -> Vec<u8> {
    let init = start_index(init, s.len()) - 1;
    let mut budget = Budget::unlimited();
    render(
        find_any(s, p, init, plain, &mut budget).and_then(|m| match m {
            None => Ok(vec![b"nil".to_vec()]),
            Some(m) => {
                let mut out = vec![
                    (m.start + 1).to_string().into_bytes(),
                    m.end.to_string().into_bytes(),
                ];
                out.extend(caps(s, &m, false)?);
                Ok(out)
            }
        }),
    )
}

fn run_match(s: &[u8], p: &[u8], init: i64) -> Vec<u8> {
    let init = start_index(init, s.len()) - 1;
    let mut budget = Budget::unlimited();
    render(find(s, p, init, &mut budget).and_then(|m| match m {
        None => Ok(vec![b"nil".to_vec()]),
        Some(m) => caps(s, &m, true),
    }))
}

fn run_gsub(s: &[u8], p: &[u8], r: &[u8], max: Option<i64>) -> Vec<u8> {
    let max = max.unwrap_or(s.len() as i64 + 1);
    let mut budget = Budget::unlimited();
    render(
        gsub_str(s, p, r, max, &mut budget).map(|(out, n)| vec![out, n.to_string().into_bytes()]),
    )
}

fn run_gmatch(s: &[u8], p: &[u8], init: i64) -> Vec<u8> {
    let init = (start_index(init, s.len()) - 1).min(s.len() + 1);
    let mut budget = Budget::unlimited();
    let mut it = GMatch::new(init);
    let mut steps = Vec::new();
    loop {
        match it.next_match(s, p, &mut budget) {
            Ok(None) => return join(steps, b";"),
            Ok(Some(m)) => match caps(s, &m, true) {
                // The driver keeps at most three values per step.
                Ok(mut c) => {
                    c.truncate(3);
                    steps.push(join(c, b","));
                }
                Err(e) => return format!("E:{e}").into_bytes(),
            },
            Err(e) => return format!("E:{e}").into_bytes(),
        }
    }
}

#[test]
fn patterns_match_lua() {
    let data = include_bytes!("data/patterns.txt");
    let mut cases = 0;
    let mut failures = Vec::new();
    for line in data.split(|&c| c == b'\n').filter(|l| !l.is_empty()) {
        let f: Vec<&[u8]> = line.split(|&c| c == b'\t').collect();
        let num = |i: usize| -> i64 {
            std::str::from_utf8(f[i])
                .expect("ascii number")
                .parse()
                .expect("number field")
        };
        let (s, p) = (decode(f[1]), decode(f[2]));
        let (got, want) = match f[0] {
            b"F" => (run_find(&s, &p, num(3), f[4] == b"1"), f[5]),
            b"M" => (run_match(&s, &p, num(3)), f[4]),
            b"G" => {
                let max = (f[4] != b"-").then(|| num(4));
                (run_gsub(&s, &p, &decode(f[3]), max), f[5])
            }
            b"T" => (run_gmatch(&s, &p, num(3)), f[4]),
            other => panic!("unknown case kind {other:?}"),
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
    assert!(cases >= 10_000, "only {cases} cases");
    assert!(
        failures.is_empty(),
        "{} of {cases} cases differ from lua5.4:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}
