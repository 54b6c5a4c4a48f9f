//! Random inputs through every entry point: whatever the bytes, the string core returns a
//! result or an error and never panics (a panic reachable from Lua input is a bug).

use rupa_stdlib::string::format::{
    format_char, format_float, format_int, format_pointer, format_str, quote_float, segments,
    Segment,
};
use rupa_stdlib::string::pack::{pack_values, packsize, unpack, PackValue};
use rupa_stdlib::string::pattern::{find, gsub_str, Budget, GMatch};
use rupa_stdlib::string::{byte_range, rep_len, start_index, sub_range};

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn bytes(&mut self, alphabet: &[u8], max_len: usize) -> Vec<u8> {
        let len = self.below(max_len + 1);
        (0..len)
            .map(|_| alphabet[self.below(alphabet.len())])
            .collect()
    }

    fn int(&mut self) -> i64 {
        match self.below(4) {
            0 => self.next() as i64,
            1 => self.below(600) as i64 - 300,
            2 => [0, -1, i64::MIN, i64::MAX][self.below(4)],
            _ => self.below(40) as i64,
        }
    }
}

#[test]
fn patterns_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let pat_bytes = b"()[]%^$*+-?.abfg1239AWsdx\0";
    for _ in 0..20_000 {
        let subject = rng.bytes(b"ab()[]%x \0\xff", 12);
        let pattern = rng.bytes(pat_bytes, 10);
        let repl = rng.bytes(b"%0123x", 5);
        let init = start_index(rng.int(), subject.len()) - 1;
        let mut budget = Budget::new(20_000);
        if let Ok(Some(m)) = find(&subject, &pattern, init, &mut budget) {
            let _ = m.captures(true);
            let _ = m.capture(rng.below(40));
        }
        let _ = gsub_str(
            &subject,
            &pattern,
            &repl,
            rng.int(),
            &mut Budget::new(20_000),
        );
        let mut it = GMatch::new(init.min(subject.len() + 1));
        let mut budget = Budget::new(20_000);
        while let Ok(Some(_)) = it.next_match(&subject, &pattern, &mut budget) {}
    }
}

#[test]
fn formats_never_panic() {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    for _ in 0..20_000 {
        let fmt = rng.bytes(b"%-+ #0123456789.diuoxXcaAeEfgGsqpyz%", 12);
        let x = f64::from_bits(rng.next());
        let n = rng.int();
        let mut out = Vec::new();
        for seg in segments(&fmt) {
            let Ok(Segment::Item(item)) = seg else {
                continue;
            };
            let _ = format_str(&mut out, &item, b"text");
            if let Ok(spec) = item.spec() {
                format_int(&mut out, &spec, n);
                format_char(&mut out, &spec, n);
                format_float(&mut out, &spec, x);
                format_pointer(&mut out, &spec, Some(0x1000));
            }
            quote_float(&mut out, x);
        }
    }
}

#[test]
fn packs_never_panic() {
    let mut rng = Rng(0x0f0f_1234_abcd_5555);
    let opts = b"<>=!bBhHlLjJTiIfdnszxXc 0123456789";
    for _ in 0..20_000 {
        let fmt = rng.bytes(opts, 8);
        let values: Vec<PackValue<'_>> = (0..6)
            .map(|i| match i % 3 {
                0 => PackValue::Int(rng.int()),
                1 => PackValue::Num(f64::from_bits(rng.next())),
                _ => PackValue::Str(b"ab\0"),
            })
            .collect();
        let _ = pack_values(&fmt, &values);
        let _ = packsize(&fmt);
        let data = rng.bytes(b"\0\x01\xffab", 24);
        let _ = unpack(&fmt, &data, rng.int());
    }
}

#[test]
fn helpers_never_panic() {
    let mut rng = Rng(7);
    for _ in 0..20_000 {
        let len = rng.below(50);
        let r = sub_range(len, rng.int(), rng.int());
        assert!(r.start <= r.end && r.end <= len);
        if let Ok(r) = byte_range(len, rng.int(), rng.int()) {
            assert!(r.start <= r.end && r.end <= len);
        }
        let _ = rep_len(rng.below(1 << 20), rng.int(), rng.below(10));
    }
}
