//! Pattern tests. Every expected value was captured from lua5.4 (5.4.4) by running the same
//! call under `pcall` and joining the results with `|` (errors as `E:` + message).

use super::*;

fn render_caps(subject: &[u8], caps: &[Capture]) -> Vec<String> {
    caps.iter()
        .map(|c| match *c {
            Capture::Range(a, b) => String::from_utf8_lossy(&subject[a..b]).into_owned(),
            Capture::Position(p) => (p + 1).to_string(),
        })
        .collect()
}

/// `string.find(s, p, init)` rendered like the captured lua5.4 results.
fn lua_find(s: &[u8], p: &[u8], init: i64) -> String {
    let init = crate::string::start_index(init, s.len()) - 1;
    let mut budget = Budget::unlimited();
    let res = find_any(s, p, init, false, &mut budget).and_then(|m| match m {
        None => Ok("nil".to_string()),
        Some(m) => {
            let mut out = vec![(m.start + 1).to_string(), m.end.to_string()];
            out.extend(render_caps(s, &m.captures(false)?));
            Ok(out.join("|"))
        }
    });
    res.unwrap_or_else(|e| format!("E:{e}"))
}

fn lua_match(s: &[u8], p: &[u8]) -> String {
    let mut budget = Budget::unlimited();
    let res = find(s, p, 0, &mut budget).and_then(|m| match m {
        None => Ok("nil".to_string()),
        Some(m) => Ok(render_caps(s, &m.captures(true)?).join("|")),
    });
    res.unwrap_or_else(|e| format!("E:{e}"))
}

fn lua_gsub(s: &[u8], p: &[u8], r: &[u8], max: i64) -> String {
    let mut budget = Budget::unlimited();
    match gsub_str(s, p, r, max, &mut budget) {
        Ok((out, n)) => format!("{}|{n}", String::from_utf8_lossy(&out)),
        Err(e) => format!("E:{e}"),
    }
}

fn lua_gmatch(s: &[u8], p: &[u8], init: i64) -> String {
    let init = (crate::string::start_index(init, s.len()) - 1).min(s.len() + 1);
    let mut budget = Budget::unlimited();
    let mut it = GMatch::new(init);
    let mut out = Vec::new();
    loop {
        match it.next_match(s, p, &mut budget) {
            Ok(None) => return out.join(";"),
            Ok(Some(m)) => match m.captures(true) {
                Ok(caps) => out.push(render_caps(s, &caps).join(",")),
                Err(e) => return format!("E:{e}"),
            },
            Err(e) => return format!("E:{e}"),
        }
    }
}

#[rustfmt::skip]
const FIND: &[(&[u8], &[u8], i64, &str)] = &[
    (b"hello world", b"o w", 1, "5|7"),
    (b"hello world", b"o w", 2, "5|7"),
    (b"hello world", b"o w", -1, "nil"),
    (b"hello", b"l+", 1, "3|4"),
    (b"hello", b"l+", 2, "3|4"),
    (b"hello", b"l+", -1, "nil"),
    (b"hello", b"^h", 1, "1|1"),
    (b"hello", b"^h", 2, "nil"),
    (b"hello", b"^h", -1, "nil"),
    (b"hello", b"^e", 1, "nil"),
    (b"hello", b"^e", 2, "2|2"),
    (b"hello", b"^e", -1, "nil"),
    (b"hello", b"o$", 1, "5|5"),
    (b"hello", b"o$", 2, "5|5"),
    (b"hello", b"o$", -1, "5|5"),
    (b"hello", b"l$", 1, "nil"),
    (b"hello", b"l$", 2, "nil"),
    (b"hello", b"l$", -1, "nil"),
    (b"hello", b"()ll()", 1, "3|4|3|5"),
    (b"hello", b"()ll()", 2, "3|4|3|5"),
    (b"hello", b"()ll()", -1, "nil"),
    (b"hello", b"(h)(e)(l)(l)(o)", 1, "1|5|h|e|l|l|o"),
    (b"hello", b"(h)(e)(l)(l)(o)", 2, "nil"),
    (b"hello", b"(h)(e)(l)(l)(o)", -1, "nil"),
    (b"key = value", b"(%w+)%s*=%s*(%w+)", 1, "1|11|key|value"),
    (b"key = value", b"(%w+)%s*=%s*(%w+)", 2, "2|11|ey|value"),
    (b"key = value", b"(%w+)%s*=%s*(%w+)", -1, "nil"),
    (b"(foo(bar))baz", b"%b()", 1, "1|10"),
    (b"(foo(bar))baz", b"%b()", 2, "5|9"),
    (b"(foo(bar))baz", b"%b()", -1, "nil"),
    (b"x = 'it''s'", b"(['\x22])(.-)%1", 1, "5|8|'|it"),
    (b"x = 'it''s'", b"(['\x22])(.-)%1", 2, "5|8|'|it"),
    (b"x = 'it''s'", b"(['\x22])(.-)%1", -1, "nil"),
    (b"THE (quick) fox", b"%f[%a]%a+%f[%A]", 1, "1|3"),
    (b"THE (quick) fox", b"%f[%a]%a+%f[%A]", 2, "6|10"),
    (b"THE (quick) fox", b"%f[%a]%a+%f[%A]", -1, "nil"),
    (b"a\x00b", b"%z", 1, "2|2"),
    (b"a\x00b", b"%z", 2, "2|2"),
    (b"a\x00b", b"%z", -1, "nil"),
    (b"a\x00b", b"[%z]", 1, "2|2"),
    (b"a\x00b", b"[%z]", 2, "2|2"),
    (b"a\x00b", b"[%z]", -1, "nil"),
    (b"a\x00b", b"%Z+", 1, "1|1"),
    (b"a\x00b", b"%Z+", 2, "3|3"),
    (b"a\x00b", b"%Z+", -1, "3|3"),
    (b"abc", b"[a", 1, "E:malformed pattern (missing ']')"),
    (b"abc", b"[a", 2, "E:malformed pattern (missing ']')"),
    (b"abc", b"[a", -1, "E:malformed pattern (missing ']')"),
    (b"abc", b"%", 1, "E:malformed pattern (ends with '%')"),
    (b"abc", b"%", 2, "E:malformed pattern (ends with '%')"),
    (b"abc", b"%", -1, "E:malformed pattern (ends with '%')"),
    (b"abc", b"%f", 1, "E:missing '[' after '%f' in pattern"),
    (b"abc", b"%f", 2, "E:missing '[' after '%f' in pattern"),
    (b"abc", b"%f", -1, "E:missing '[' after '%f' in pattern"),
    (b"abc", b"%fa", 1, "E:missing '[' after '%f' in pattern"),
    (b"abc", b"%fa", 2, "E:missing '[' after '%f' in pattern"),
    (b"abc", b"%fa", -1, "E:missing '[' after '%f' in pattern"),
    (b"abc", b"%1", 1, "E:invalid capture index %1"),
    (b"abc", b"%1", 2, "E:invalid capture index %1"),
    (b"abc", b"%1", -1, "E:invalid capture index %1"),
    (b"abc", b"(a)%2", 1, "E:invalid capture index %2"),
    (b"abc", b"(a)%2", 2, "nil"),
    (b"abc", b"(a)%2", -1, "nil"),
    (b"abc", b"(a%1)", 1, "E:invalid capture index %1"),
    (b"abc", b"(a%1)", 2, "nil"),
    (b"abc", b"(a%1)", -1, "nil"),
    (b"abc", b"a)", 1, "nil"),
    (b"abc", b"a)", 2, "nil"),
    (b"abc", b"a)", -1, "nil"),
    (b"abc", b"(a", 1, "E:unfinished capture"),
    (b"abc", b"(a", 2, "nil"),
    (b"abc", b"(a", -1, "nil"),
    (b"abc", b"%b", 1, "E:malformed pattern (missing arguments to '%b')"),
    (b"abc", b"%b", 2, "E:malformed pattern (missing arguments to '%b')"),
    (b"abc", b"%b", -1, "E:malformed pattern (missing arguments to '%b')"),
    (b"abc", b"%ba", 1, "E:malformed pattern (missing arguments to '%b')"),
    (b"abc", b"%ba", 2, "E:malformed pattern (missing arguments to '%b')"),
    (b"abc", b"%ba", -1, "E:malformed pattern (missing arguments to '%b')"),
    (b"abc", b"(((((((((((((((((((((((((((((((((", 1, "E:too many captures"),
    (b"abc", b"(((((((((((((((((((((((((((((((((", 2, "E:too many captures"),
    (b"abc", b"(((((((((((((((((((((((((((((((((", -1, "E:too many captures"),
    (b"abc", b"((((((((((((((((((((((((((((((((", 1, "E:unfinished capture"),
    (b"abc", b"((((((((((((((((((((((((((((((((", 2, "E:unfinished capture"),
    (b"abc", b"((((((((((((((((((((((((((((((((", -1, "E:unfinished capture"),
    (b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", b"a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?", 1, "1|199"),
    (b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", b"a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?", 2, "2|200"),
    (b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", b"a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?", -1, "300|300"),
    (b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", b"a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?", 1, "E:pattern too complex"),
    (b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", b"a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?", 2, "E:pattern too complex"),
    (b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", b"a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?", -1, "300|300"),
    (b"a", b"[]", 1, "E:malformed pattern (missing ']')"),
    (b"a", b"[]", 2, "E:malformed pattern (missing ']')"),
    (b"a", b"[]", -1, "E:malformed pattern (missing ']')"),
    (b"]", b"[]]", 1, "1|1"),
    (b"]", b"[]]", 2, "nil"),
    (b"]", b"[]]", -1, "1|1"),
    (b"abc", b"[^]", 1, "E:malformed pattern (missing ']')"),
    (b"abc", b"[^]", 2, "E:malformed pattern (missing ']')"),
    (b"abc", b"[^]", -1, "E:malformed pattern (missing ']')"),
    (b"a-b", b"[a-]+", 1, "1|2"),
    (b"a-b", b"[a-]+", 2, "2|2"),
    (b"a-b", b"[a-]+", -1, "nil"),
    (b"a-b", b"[%a-b]+", 1, "1|3"),
    (b"a-b", b"[%a-b]+", 2, "2|3"),
    (b"a-b", b"[%a-b]+", -1, "3|3"),
    (b"zb-", b"[a-%]+", 1, "E:malformed pattern (missing ']')"),
    (b"zb-", b"[a-%]+", 2, "E:malformed pattern (missing ']')"),
    (b"zb-", b"[a-%]+", -1, "E:malformed pattern (missing ']')"),
    (b"zb-]", b"[a-%]]+", 1, "4|4"),
    (b"zb-]", b"[a-%]]+", 2, "4|4"),
    (b"zb-]", b"[a-%]]+", -1, "4|4"),
    (b"hello", b"", 1, "1|0"),
    (b"hello", b"", 2, "2|1"),
    (b"hello", b"", -1, "5|4"),
    (b"", b"", 1, "1|0"),
    (b"", b"", 2, "nil"),
    (b"", b"", -1, "1|0"),
    (b"", b"a*", 1, "1|0"),
    (b"", b"a*", 2, "nil"),
    (b"", b"a*", -1, "1|0"),
    (b"", b"$", 1, "1|0"),
    (b"", b"$", 2, "nil"),
    (b"", b"$", -1, "1|0"),
    (b"", b"^$", 1, "1|0"),
    (b"", b"^$", 2, "nil"),
    (b"", b"^$", -1, "1|0"),
    (b"abc", b"^$", 1, "nil"),
    (b"abc", b"^$", 2, "nil"),
    (b"abc", b"^$", -1, "nil"),
    (b"aaab", b"a-b", 1, "1|4"),
    (b"aaab", b"a-b", 2, "2|4"),
    (b"aaab", b"a-b", -1, "4|4"),
    (b"aaab", b"a*b", 1, "1|4"),
    (b"aaab", b"a*b", 2, "2|4"),
    (b"aaab", b"a*b", -1, "4|4"),
    (b"aaab", b"a+b", 1, "1|4"),
    (b"aaab", b"a+b", 2, "2|4"),
    (b"aaab", b"a+b", -1, "nil"),
    (b"aaab", b"a?b", 1, "3|4"),
    (b"aaab", b"a?b", 2, "3|4"),
    (b"aaab", b"a?b", -1, "4|4"),
    (b"aaab", b"a?a?a?a?b", 1, "1|4"),
    (b"aaab", b"a?a?a?a?b", 2, "2|4"),
    (b"aaab", b"a?a?a?a?b", -1, "4|4"),
    (b"abc", b".-$", 1, "1|3"),
    (b"abc", b".-$", 2, "2|3"),
    (b"abc", b".-$", -1, "3|3"),
    (b"abc", b".-", 1, "1|0"),
    (b"abc", b".-", 2, "2|1"),
    (b"abc", b".-", -1, "3|2"),
    (b"abc", b"(.-)c", 1, "1|3|ab"),
    (b"abc", b"(.-)c", 2, "2|3|b"),
    (b"abc", b"(.-)c", -1, "3|3|"),
    (b"x$y", b"$y", 1, "2|3"),
    (b"x$y", b"$y", 2, "2|3"),
    (b"x$y", b"$y", -1, "nil"),
    (b"x$y", b"x$", 1, "nil"),
    (b"x$y", b"x$", 2, "nil"),
    (b"x$y", b"x$", -1, "nil"),
    (b"a^b", b"a^b", 1, "1|3"),
    (b"a^b", b"a^b", 2, "nil"),
    (b"a^b", b"a^b", -1, "nil"),
    (b"a.b", b"%.", 1, "2|2"),
    (b"a.b", b"%.", 2, "2|2"),
    (b"a.b", b"%.", -1, "nil"),
    (b"a%b", b"%%", 1, "2|2"),
    (b"a%b", b"%%", 2, "2|2"),
    (b"a%b", b"%%", -1, "nil"),
    (b"12ab", b"%d+", 1, "1|2"),
    (b"12ab", b"%d+", 2, "2|2"),
    (b"12ab", b"%d+", -1, "nil"),
    (b"12ab", b"%D+", 1, "3|4"),
    (b"12ab", b"%D+", 2, "3|4"),
    (b"12ab", b"%D+", -1, "4|4"),
    (b"  x", b"%s*()", 1, "1|2|3"),
    (b"  x", b"%s*()", 2, "2|2|3"),
    (b"  x", b"%s*()", -1, "3|2|3"),
    (b"\x0b\x0c x", b"%s+", 1, "1|3"),
    (b"\x0b\x0c x", b"%s+", 2, "2|3"),
    (b"\x0b\x0c x", b"%s+", -1, "nil"),
    (b"abcABC", b"%u+", 1, "4|6"),
    (b"abcABC", b"%u+", 2, "4|6"),
    (b"abcABC", b"%u+", -1, "6|6"),
    (b"abcABC", b"%l+", 1, "1|3"),
    (b"abcABC", b"%l+", 2, "2|3"),
    (b"abcABC", b"%l+", -1, "nil"),
    (b"x!@#y", b"%p+", 1, "2|4"),
    (b"x!@#y", b"%p+", 2, "2|4"),
    (b"x!@#y", b"%p+", -1, "nil"),
    (b"\x01\x02x", b"%c+", 1, "1|2"),
    (b"\x01\x02x", b"%c+", 2, "2|2"),
    (b"\x01\x02x", b"%c+", -1, "nil"),
    (b"ffgg", b"%x+", 1, "1|2"),
    (b"ffgg", b"%x+", 2, "2|2"),
    (b"ffgg", b"%x+", -1, "nil"),
    (b"hello", b"(l)(l)", 1, "3|4|l|l"),
    (b"hello", b"(l)(l)", 2, "3|4|l|l"),
    (b"hello", b"(l)(l)", -1, "nil"),
    (b"hello", b"((l)(l))", 1, "3|4|ll|l|l"),
    (b"hello", b"((l)(l))", 2, "3|4|ll|l|l"),
    (b"hello", b"((l)(l))", -1, "nil"),
    (b"hello", b"(h(e(l(l(o)))))", 1, "1|5|hello|ello|llo|lo|o"),
    (b"hello", b"(h(e(l(l(o)))))", 2, "nil"),
    (b"hello", b"(h(e(l(l(o)))))", -1, "nil"),
    (b"abab", b"(ab)%1", 1, "1|4|ab"),
    (b"abab", b"(ab)%1", 2, "nil"),
    (b"abab", b"(ab)%1", -1, "nil"),
    (b"abab", b"()%1", 1, "nil"),
    (b"abab", b"()%1", 2, "nil"),
    (b"abab", b"()%1", -1, "nil"),
    (b"abcabc", b"(a)(b)(c)%3", 1, "nil"),
    (b"abcabc", b"(a)(b)(c)%3", 2, "nil"),
    (b"abcabc", b"(a)(b)(c)%3", -1, "nil"),
    (b"f(a(b)c)d", b"%b()", 1, "2|8"),
    (b"f(a(b)c)d", b"%b()", 2, "2|8"),
    (b"f(a(b)c)d", b"%b()", -1, "nil"),
    (b"f(a(b c", b"%b()", 1, "nil"),
    (b"f(a(b c", b"%b()", 2, "nil"),
    (b"f(a(b c", b"%b()", -1, "nil"),
    (b"[[x]]", b"%b[]", 1, "1|5"),
    (b"[[x]]", b"%b[]", 2, "2|4"),
    (b"[[x]]", b"%b[]", -1, "nil"),
    (b"aXb", b"%f[%u]", 1, "2|1"),
    (b"aXb", b"%f[%u]", 2, "2|1"),
    (b"aXb", b"%f[%u]", -1, "nil"),
    (b"AB", b"%f[%u]", 1, "1|0"),
    (b"AB", b"%f[%u]", 2, "nil"),
    (b"AB", b"%f[%u]", -1, "nil"),
    (b"ab", b"%f[%z]", 1, "3|2"),
    (b"ab", b"%f[%z]", 2, "3|2"),
    (b"ab", b"%f[%z]", -1, "3|2"),
    (b"ab", b"%f[^%z]", 1, "1|0"),
    (b"ab", b"%f[^%z]", 2, "nil"),
    (b"ab", b"%f[^%z]", -1, "nil"),
    (b"hello", b"[^%s]+", 1, "1|5"),
    (b"hello", b"[^%s]+", 2, "2|5"),
    (b"hello", b"[^%s]+", -1, "5|5"),
    (b"hello", b"[l-o]+", 1, "3|5"),
    (b"hello", b"[l-o]+", 2, "3|5"),
    (b"hello", b"[l-o]+", -1, "5|5"),
    (b"hello", b"[o-l]+", 1, "nil"),
    (b"hello", b"[o-l]+", 2, "nil"),
    (b"hello", b"[o-l]+", -1, "nil"),
    (b"a]b", b"[]a]+", 1, "1|2"),
    (b"a]b", b"[]a]+", 2, "2|2"),
    (b"a]b", b"[]a]+", -1, "nil"),
    (b"a^b", b"[b^]+", 1, "2|3"),
    (b"a^b", b"[b^]+", 2, "2|3"),
    (b"a^b", b"[b^]+", -1, "3|3"),
    (b"a^b", b"[^^]+", 1, "1|1"),
    (b"a^b", b"[^^]+", 2, "3|3"),
    (b"a^b", b"[^^]+", -1, "3|3"),
    (b"x", b"[%", 1, "E:malformed pattern (missing ']')"),
    (b"x", b"[%", 2, "E:malformed pattern (missing ']')"),
    (b"x", b"[%", -1, "E:malformed pattern (missing ']')"),
    (b"x", b"[%]", 1, "E:malformed pattern (missing ']')"),
    (b"x", b"[%]", 2, "E:malformed pattern (missing ']')"),
    (b"x", b"[%]", -1, "E:malformed pattern (missing ']')"),
    (b"x", b"(()", 1, "E:unfinished capture"),
    (b"x", b"(()", 2, "E:unfinished capture"),
    (b"x", b"(()", -1, "E:unfinished capture"),
    (b"x", b"%g", 1, "1|1"),
    (b"x", b"%g", 2, "nil"),
    (b"x", b"%g", -1, "1|1"),
    (b"a", b"a*?", 1, "nil"),
    (b"a", b"a*?", 2, "nil"),
    (b"a", b"a*?", -1, "nil"),
    (b"a+", b"a+?", 1, "nil"),
    (b"a+", b"a+?", 2, "nil"),
    (b"a+", b"a+?", -1, "nil"),
    (b"aaa", b"a-$", 1, "1|3"),
    (b"aaa", b"a-$", 2, "2|3"),
    (b"aaa", b"a-$", -1, "3|3"),
    (b"aaa", b"^a-", 1, "1|0"),
    (b"aaa", b"^a-", 2, "2|1"),
    (b"aaa", b"^a-", -1, "3|2"),
    (b"abc", b"b*", 1, "1|0"),
    (b"abc", b"b*", 2, "2|2"),
    (b"abc", b"b*", -1, "3|2"),
    (b"-x", b"-x", 1, "1|2"),
    (b"-x", b"-x", 2, "nil"),
    (b"-x", b"-x", -1, "nil"),
    (b"x-", b"x-", 1, "1|0"),
    (b"x-", b"x-", 2, "2|1"),
    (b"x-", b"x-", -1, "2|1"),
    (b"ab", b"(a)(b)()", 1, "1|2|a|b|3"),
    (b"ab", b"(a)(b)()", 2, "nil"),
    (b"ab", b"(a)(b)()", -1, "nil"),
];

#[rustfmt::skip]
const MATCH: &[(&[u8], &[u8], &str)] = &[
    (b"hello world", b"o w", "o w"),
    (b"hello", b"l+", "ll"),
    (b"hello", b"^h", "h"),
    (b"hello", b"^e", "nil"),
    (b"hello", b"o$", "o"),
    (b"hello", b"l$", "nil"),
    (b"hello", b"()ll()", "3|5"),
    (b"hello", b"(h)(e)(l)(l)(o)", "h|e|l|l|o"),
    (b"key = value", b"(%w+)%s*=%s*(%w+)", "key|value"),
    (b"(foo(bar))baz", b"%b()", "(foo(bar))"),
    (b"x = 'it''s'", b"(['\x22])(.-)%1", "'|it"),
    (b"THE (quick) fox", b"%f[%a]%a+%f[%A]", "THE"),
    (b"a\x00b", b"%z", "\x00"),
    (b"a\x00b", b"[%z]", "\x00"),
    (b"a\x00b", b"%Z+", "a"),
    (b"abc", b"[a", "E:malformed pattern (missing ']')"),
    (b"abc", b"%", "E:malformed pattern (ends with '%')"),
    (b"abc", b"%f", "E:missing '[' after '%f' in pattern"),
    (b"abc", b"%fa", "E:missing '[' after '%f' in pattern"),
    (b"abc", b"%1", "E:invalid capture index %1"),
    (b"abc", b"(a)%2", "E:invalid capture index %2"),
    (b"abc", b"(a%1)", "E:invalid capture index %1"),
    (b"abc", b"a)", "E:invalid pattern capture"),
    (b"abc", b"(a", "E:unfinished capture"),
    (b"abc", b"%b", "E:malformed pattern (missing arguments to '%b')"),
    (b"abc", b"%ba", "E:malformed pattern (missing arguments to '%b')"),
    (b"abc", b"(((((((((((((((((((((((((((((((((", "E:too many captures"),
    (b"abc", b"((((((((((((((((((((((((((((((((", "E:unfinished capture"),
    (b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", b"a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
    (b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", b"a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?", "E:pattern too complex"),
    (b"a", b"[]", "E:malformed pattern (missing ']')"),
    (b"]", b"[]]", "]"),
    (b"abc", b"[^]", "E:malformed pattern (missing ']')"),
    (b"a-b", b"[a-]+", "a-"),
    (b"a-b", b"[%a-b]+", "a-b"),
    (b"zb-", b"[a-%]+", "E:malformed pattern (missing ']')"),
    (b"zb-]", b"[a-%]]+", "]"),
    (b"hello", b"", ""),
    (b"", b"", ""),
    (b"", b"a*", ""),
    (b"", b"$", ""),
    (b"", b"^$", ""),
    (b"abc", b"^$", "nil"),
    (b"aaab", b"a-b", "aaab"),
    (b"aaab", b"a*b", "aaab"),
    (b"aaab", b"a+b", "aaab"),
    (b"aaab", b"a?b", "ab"),
    (b"aaab", b"a?a?a?a?b", "aaab"),
    (b"abc", b".-$", "abc"),
    (b"abc", b".-", ""),
    (b"abc", b"(.-)c", "ab"),
    (b"x$y", b"$y", "$y"),
    (b"x$y", b"x$", "nil"),
    (b"a^b", b"a^b", "a^b"),
    (b"a.b", b"%.", "."),
    (b"a%b", b"%%", "%"),
    (b"12ab", b"%d+", "12"),
    (b"12ab", b"%D+", "ab"),
    (b"  x", b"%s*()", "3"),
    (b"\x0b\x0c x", b"%s+", "\x0b\x0c "),
    (b"abcABC", b"%u+", "ABC"),
    (b"abcABC", b"%l+", "abc"),
    (b"x!@#y", b"%p+", "!@#"),
    (b"\x01\x02x", b"%c+", "\x01\x02"),
    (b"ffgg", b"%x+", "ff"),
    (b"hello", b"(l)(l)", "l|l"),
    (b"hello", b"((l)(l))", "ll|l|l"),
    (b"hello", b"(h(e(l(l(o)))))", "hello|ello|llo|lo|o"),
    (b"abab", b"(ab)%1", "ab"),
    (b"abab", b"()%1", "nil"),
    (b"abcabc", b"(a)(b)(c)%3", "nil"),
    (b"f(a(b)c)d", b"%b()", "(a(b)c)"),
    (b"f(a(b c", b"%b()", "nil"),
    (b"[[x]]", b"%b[]", "[[x]]"),
    (b"aXb", b"%f[%u]", ""),
    (b"AB", b"%f[%u]", ""),
    (b"ab", b"%f[%z]", ""),
    (b"ab", b"%f[^%z]", ""),
    (b"hello", b"[^%s]+", "hello"),
    (b"hello", b"[l-o]+", "llo"),
    (b"hello", b"[o-l]+", "nil"),
    (b"a]b", b"[]a]+", "a]"),
    (b"a^b", b"[b^]+", "^b"),
    (b"a^b", b"[^^]+", "a"),
    (b"x", b"[%", "E:malformed pattern (missing ']')"),
    (b"x", b"[%]", "E:malformed pattern (missing ']')"),
    (b"x", b"(()", "E:unfinished capture"),
    (b"x", b"%g", "x"),
    (b"a", b"a*?", "nil"),
    (b"a+", b"a+?", "nil"),
    (b"aaa", b"a-$", "aaa"),
    (b"aaa", b"^a-", ""),
    (b"abc", b"b*", ""),
    (b"-x", b"-x", "-x"),
    (b"x-", b"x-", ""),
    (b"ab", b"(a)(b)()", "a|b|3"),
];

/// Subject, pattern, replacement, maximum, expected rendering.
type GsubCase = (
    &'static [u8],
    &'static [u8],
    &'static [u8],
    i64,
    &'static str,
);

#[rustfmt::skip]
const GSUB: &[GsubCase] = &[
    (b"hello world", b"o", b"0", -1, "hello world|0"),
    (b"hello world", b"o", b"0", 0, "hello world|0"),
    (b"hello world", b"o", b"0", 1, "hell0 world|1"),
    (b"hello world", b"o", b"0", 2, "hell0 w0rld|2"),
    (b"hello world", b"o", b"0", 100, "hell0 w0rld|2"),
    (b"hello world", b"(o)", b"[%1]", -1, "hello world|0"),
    (b"hello world", b"(o)", b"[%1]", 0, "hello world|0"),
    (b"hello world", b"(o)", b"[%1]", 1, "hell[o] world|1"),
    (b"hello world", b"(o)", b"[%1]", 2, "hell[o] w[o]rld|2"),
    (b"hello world", b"(o)", b"[%1]", 100, "hell[o] w[o]rld|2"),
    (b"hello", b"", b"-", -1, "hello|0"),
    (b"hello", b"", b"-", 0, "hello|0"),
    (b"hello", b"", b"-", 1, "-hello|1"),
    (b"hello", b"", b"-", 2, "-h-ello|2"),
    (b"hello", b"", b"-", 100, "-h-e-l-l-o-|6"),
    (b"abc", b"%w*", b"-", -1, "abc|0"),
    (b"abc", b"%w*", b"-", 0, "abc|0"),
    (b"abc", b"%w*", b"-", 1, "-|1"),
    (b"abc", b"%w*", b"-", 2, "-|1"),
    (b"abc", b"%w*", b"-", 100, "-|1"),
    (b"hello", b"l*", b"x", -1, "hello|0"),
    (b"hello", b"l*", b"x", 0, "hello|0"),
    (b"hello", b"l*", b"x", 1, "xhello|1"),
    (b"hello", b"l*", b"x", 2, "xhxello|2"),
    (b"hello", b"l*", b"x", 100, "xhxexox|4"),
    (b"hello", b"^h", b"H", -1, "hello|0"),
    (b"hello", b"^h", b"H", 0, "hello|0"),
    (b"hello", b"^h", b"H", 1, "Hello|1"),
    (b"hello", b"^h", b"H", 2, "Hello|1"),
    (b"hello", b"^h", b"H", 100, "Hello|1"),
    (b"hello", b"()", b"%1", -1, "hello|0"),
    (b"hello", b"()", b"%1", 0, "hello|0"),
    (b"hello", b"()", b"%1", 1, "1hello|1"),
    (b"hello", b"()", b"%1", 2, "1h2ello|2"),
    (b"hello", b"()", b"%1", 100, "1h2e3l4l5o6|6"),
    (b"abc", b"a", b"%2", -1, "abc|0"),
    (b"abc", b"a", b"%2", 0, "abc|0"),
    (b"abc", b"a", b"%2", 1, "E:invalid capture index %2"),
    (b"abc", b"a", b"%2", 2, "E:invalid capture index %2"),
    (b"abc", b"a", b"%2", 100, "E:invalid capture index %2"),
    (b"abc", b"a", b"%1", -1, "abc|0"),
    (b"abc", b"a", b"%1", 0, "abc|0"),
    (b"abc", b"a", b"%1", 1, "abc|1"),
    (b"abc", b"a", b"%1", 2, "abc|1"),
    (b"abc", b"a", b"%1", 100, "abc|1"),
    (b"abc", b"a", b"%", -1, "abc|0"),
    (b"abc", b"a", b"%", 0, "abc|0"),
    (b"abc", b"a", b"%", 1, "E:invalid use of '%' in replacement string"),
    (b"abc", b"a", b"%", 2, "E:invalid use of '%' in replacement string"),
    (b"abc", b"a", b"%", 100, "E:invalid use of '%' in replacement string"),
    (b"abc", b"a", b"%x", -1, "abc|0"),
    (b"abc", b"a", b"%x", 0, "abc|0"),
    (b"abc", b"a", b"%x", 1, "E:invalid use of '%' in replacement string"),
    (b"abc", b"a", b"%x", 2, "E:invalid use of '%' in replacement string"),
    (b"abc", b"a", b"%x", 100, "E:invalid use of '%' in replacement string"),
    (b"abc", b"(a)", b"%2", -1, "abc|0"),
    (b"abc", b"(a)", b"%2", 0, "abc|0"),
    (b"abc", b"(a)", b"%2", 1, "E:invalid capture index %2"),
    (b"abc", b"(a)", b"%2", 2, "E:invalid capture index %2"),
    (b"abc", b"(a)", b"%2", 100, "E:invalid capture index %2"),
    (b"abc", b"(a", b"x", -1, "abc|0"),
    (b"abc", b"(a", b"x", 0, "abc|0"),
    (b"abc", b"(a", b"x", 1, "xbc|1"),
    (b"abc", b"(a", b"x", 2, "xbc|1"),
    (b"abc", b"(a", b"x", 100, "xbc|1"),
    (b"abc", b"(a", b"%1", -1, "abc|0"),
    (b"abc", b"(a", b"%1", 0, "abc|0"),
    (b"abc", b"(a", b"%1", 1, "E:unfinished capture"),
    (b"abc", b"(a", b"%1", 2, "E:unfinished capture"),
    (b"abc", b"(a", b"%1", 100, "E:unfinished capture"),
    (b"abc", b"(a", b"%0", -1, "abc|0"),
    (b"abc", b"(a", b"%0", 0, "abc|0"),
    (b"abc", b"(a", b"%0", 1, "abc|1"),
    (b"abc", b"(a", b"%0", 2, "abc|1"),
    (b"abc", b"(a", b"%0", 100, "abc|1"),
    (b"hello world", b"%w+", b"<%0>", -1, "hello world|0"),
    (b"hello world", b"%w+", b"<%0>", 0, "hello world|0"),
    (b"hello world", b"%w+", b"<%0>", 1, "<hello> world|1"),
    (b"hello world", b"%w+", b"<%0>", 2, "<hello> <world>|2"),
    (b"hello world", b"%w+", b"<%0>", 100, "<hello> <world>|2"),
    (b"hello world", b"(%w+) (%w+)", b"%2 %1", -1, "hello world|0"),
    (b"hello world", b"(%w+) (%w+)", b"%2 %1", 0, "hello world|0"),
    (b"hello world", b"(%w+) (%w+)", b"%2 %1", 1, "world hello|1"),
    (b"hello world", b"(%w+) (%w+)", b"%2 %1", 2, "world hello|1"),
    (b"hello world", b"(%w+) (%w+)", b"%2 %1", 100, "world hello|1"),
    (b"abc", b".", b"%%", -1, "abc|0"),
    (b"abc", b".", b"%%", 0, "abc|0"),
    (b"abc", b".", b"%%", 1, "%bc|1"),
    (b"abc", b".", b"%%", 2, "%%c|2"),
    (b"abc", b".", b"%%", 100, "%%%|3"),
    (b"abc", b"b", b"%0%0", -1, "abc|0"),
    (b"abc", b"b", b"%0%0", 0, "abc|0"),
    (b"abc", b"b", b"%0%0", 1, "abbc|1"),
    (b"abc", b"b", b"%0%0", 2, "abbc|1"),
    (b"abc", b"b", b"%0%0", 100, "abbc|1"),
    (b"a.b.c", b".", b".", -1, "a.b.c|0"),
    (b"a.b.c", b".", b".", 0, "a.b.c|0"),
    (b"a.b.c", b".", b".", 1, "..b.c|1"),
    (b"a.b.c", b".", b".", 2, "..b.c|2"),
    (b"a.b.c", b".", b".", 100, ".....|5"),
    (b"a.b.c", b"%.", b"%%", -1, "a.b.c|0"),
    (b"a.b.c", b"%.", b"%%", 0, "a.b.c|0"),
    (b"a.b.c", b"%.", b"%%", 1, "a%b.c|1"),
    (b"a.b.c", b"%.", b"%%", 2, "a%b%c|2"),
    (b"a.b.c", b"%.", b"%%", 100, "a%b%c|2"),
    (b"", b"", b"x", -1, "|0"),
    (b"", b"", b"x", 0, "|0"),
    (b"", b"", b"x", 1, "x|1"),
    (b"", b"", b"x", 2, "x|1"),
    (b"", b"", b"x", 100, "x|1"),
    (b"", b"x*", b"y", -1, "|0"),
    (b"", b"x*", b"y", 0, "|0"),
    (b"", b"x*", b"y", 1, "y|1"),
    (b"", b"x*", b"y", 2, "y|1"),
    (b"", b"x*", b"y", 100, "y|1"),
    (b"abc", b"$", b"!", -1, "abc|0"),
    (b"abc", b"$", b"!", 0, "abc|0"),
    (b"abc", b"$", b"!", 1, "abc!|1"),
    (b"abc", b"$", b"!", 2, "abc!|1"),
    (b"abc", b"$", b"!", 100, "abc!|1"),
    (b"abc", b"^", b"!", -1, "abc|0"),
    (b"abc", b"^", b"!", 0, "abc|0"),
    (b"abc", b"^", b"!", 1, "!abc|1"),
    (b"abc", b"^", b"!", 2, "!abc|1"),
    (b"abc", b"^", b"!", 100, "!abc|1"),
    (b"x = 1, y = 2", b"(%w+) = (%w+)", b"%2 = %1", -1, "x = 1, y = 2|0"),
    (b"x = 1, y = 2", b"(%w+) = (%w+)", b"%2 = %1", 0, "x = 1, y = 2|0"),
    (b"x = 1, y = 2", b"(%w+) = (%w+)", b"%2 = %1", 1, "1 = x, y = 2|1"),
    (b"x = 1, y = 2", b"(%w+) = (%w+)", b"%2 = %1", 2, "1 = x, 2 = y|2"),
    (b"x = 1, y = 2", b"(%w+) = (%w+)", b"%2 = %1", 100, "1 = x, 2 = y|2"),
    (b"abc", b"b*", b"-", -1, "abc|0"),
    (b"abc", b"b*", b"-", 0, "abc|0"),
    (b"abc", b"b*", b"-", 1, "-abc|1"),
    (b"abc", b"b*", b"-", 2, "-a-c|2"),
    (b"abc", b"b*", b"-", 100, "-a-c-|3"),
    (b"aaa", b"a-", b"-", -1, "aaa|0"),
    (b"aaa", b"a-", b"-", 0, "aaa|0"),
    (b"aaa", b"a-", b"-", 1, "-aaa|1"),
    (b"aaa", b"a-", b"-", 2, "-a-aa|2"),
    (b"aaa", b"a-", b"-", 100, "-a-a-a-|4"),
    (b"aaa", b"^a", b"b", -1, "aaa|0"),
    (b"aaa", b"^a", b"b", 0, "aaa|0"),
    (b"aaa", b"^a", b"b", 1, "baa|1"),
    (b"aaa", b"^a", b"b", 2, "baa|1"),
    (b"aaa", b"^a", b"b", 100, "baa|1"),
    (b"a\x00b", b"%z", b"0", -1, "a\x00b|0"),
    (b"a\x00b", b"%z", b"0", 0, "a\x00b|0"),
    (b"a\x00b", b"%z", b"0", 1, "a0b|1"),
    (b"a\x00b", b"%z", b"0", 2, "a0b|1"),
    (b"a\x00b", b"%z", b"0", 100, "a0b|1"),
    (b"abc", b"()b()", b"%1%2", -1, "abc|0"),
    (b"abc", b"()b()", b"%1%2", 0, "abc|0"),
    (b"abc", b"()b()", b"%1%2", 1, "a23c|1"),
    (b"abc", b"()b()", b"%1%2", 2, "a23c|1"),
    (b"abc", b"()b()", b"%1%2", 100, "a23c|1"),
];

#[rustfmt::skip]
const GMATCH: &[(&[u8], &[u8], i64, &str)] = &[
    (b"hello world from lua", b"%a+", 1, "hello;world;from;lua"),
    (b"hello world from lua", b"%a+", 2, "ello;world;from;lua"),
    (b"hello world from lua", b"%a+", -2, "ua"),
    (b"hello world from lua", b"%a+", 10, "ld;from;lua"),
    (b"abc", b"%w*", 1, "abc"),
    (b"abc", b"%w*", 2, "bc"),
    (b"abc", b"%w*", -2, "bc"),
    (b"abc", b"%w*", 10, ""),
    (b"abc", b"", 1, ";;;"),
    (b"abc", b"", 2, ";;"),
    (b"abc", b"", -2, ";;"),
    (b"abc", b"", 10, ""),
    (b"abc", b"()", 1, "1;2;3;4"),
    (b"abc", b"()", 2, "2;3;4"),
    (b"abc", b"()", -2, "2;3;4"),
    (b"abc", b"()", 10, ""),
    (b"k1=v1, k2=v2", b"(%w+)=(%w+)", 1, "k1,v1;k2,v2"),
    (b"k1=v1, k2=v2", b"(%w+)=(%w+)", 2, "1,v1;k2,v2"),
    (b"k1=v1, k2=v2", b"(%w+)=(%w+)", -2, ""),
    (b"k1=v1, k2=v2", b"(%w+)=(%w+)", 10, ""),
    (b"^a^a", b"^a", 1, "^a;^a"),
    (b"^a^a", b"^a", 2, "^a"),
    (b"^a^a", b"^a", -2, "^a"),
    (b"^a^a", b"^a", 10, ""),
    (b"aaa", b"a-", 1, ";;;"),
    (b"aaa", b"a-", 2, ";;"),
    (b"aaa", b"a-", -2, ";;"),
    (b"aaa", b"a-", 10, ""),
    (b"aaa", b"a*", 1, "aaa"),
    (b"aaa", b"a*", 2, "aa"),
    (b"aaa", b"a*", -2, "aa"),
    (b"aaa", b"a*", 10, ""),
    (b"one two", b"%a*", 1, "one;two"),
    (b"one two", b"%a*", 2, "ne;two"),
    (b"one two", b"%a*", -2, "wo"),
    (b"one two", b"%a*", 10, ""),
    (b"x", b"y*", 1, ";"),
    (b"x", b"y*", 2, ""),
    (b"x", b"y*", -2, ";"),
    (b"x", b"y*", 10, ""),
    (b"", b"", 1, ""),
    (b"", b"", 2, ""),
    (b"", b"", -2, ""),
    (b"", b"", 10, ""),
    (b"abab", b"(a)(b)", 1, "a,b;a,b"),
    (b"abab", b"(a)(b)", 2, "a,b"),
    (b"abab", b"(a)(b)", -2, "a,b"),
    (b"abab", b"(a)(b)", 10, ""),
    (b"abc", b"(a", 1, "E:unfinished capture"),
    (b"abc", b"(a", 2, ""),
    (b"abc", b"(a", -2, ""),
    (b"abc", b"(a", 10, ""),
    (b"abc", b"%", 1, "E:malformed pattern (ends with '%')"),
    (b"abc", b"%", 2, "E:malformed pattern (ends with '%')"),
    (b"abc", b"%", -2, "E:malformed pattern (ends with '%')"),
    (b"abc", b"%", 10, ""),
    (b"a,b,,c", b"([^,]*)", 1, "a;b;;c"),
    (b"a,b,,c", b"([^,]*)", 2, ";b;;c"),
    (b"a,b,,c", b"([^,]*)", -2, ";c"),
    (b"a,b,,c", b"([^,]*)", 10, ""),
    (b"hello", b"l*", 1, ";;ll;"),
    (b"hello", b"l*", 2, ";ll;"),
    (b"hello", b"l*", -2, "l;"),
    (b"hello", b"l*", 10, ""),
];

#[test]
fn find_matches_lua() {
    for &(s, p, init, want) in FIND {
        assert_eq!(lua_find(s, p, init), want, "find({s:?}, {p:?}, {init})");
    }
}

#[test]
fn match_matches_lua() {
    for &(s, p, want) in MATCH {
        assert_eq!(lua_match(s, p), want, "match({s:?}, {p:?})");
    }
}

#[test]
fn gsub_matches_lua() {
    for &(s, p, r, max, want) in GSUB {
        assert_eq!(
            lua_gsub(s, p, r, max),
            want,
            "gsub({s:?}, {p:?}, {r:?}, {max})"
        );
    }
}

#[test]
fn gmatch_matches_lua() {
    for &(s, p, init, want) in GMATCH {
        assert_eq!(lua_gmatch(s, p, init), want, "gmatch({s:?}, {p:?}, {init})");
    }
}

#[test]
fn plain_find() {
    let mut b = Budget::unlimited();
    assert_eq!(find_plain(b"a.c", b".", 0, &mut b), Ok(Some((1, 2))));
    assert_eq!(find_plain(b"abc", b"", 3, &mut b), Ok(Some((3, 3))));
    assert_eq!(find_plain(b"abc", b"", 4, &mut b), Ok(None));
    assert_eq!(find_plain(b"abc", b"bcd", 0, &mut b), Ok(None));
    assert_eq!(find_plain(b"abcbc", b"bc", 2, &mut b), Ok(Some((3, 5))));
    assert!(!has_specials(b"abc def"));
    assert!(has_specials(b"a.c"));
    assert!(has_specials(b"a-"));
}

#[test]
fn out_of_fuel_stops_a_runaway_pattern() {
    let subject = vec![b'a'; 5000];
    let mut budget = Budget::new(100_000);
    let res = find(&subject, b"a*a*a*a*b", 0, &mut budget);
    assert_eq!(res, Err(PatternError::OutOfFuel));
    assert_eq!(budget.remaining(), 0);
}

#[test]
fn deep_patterns_do_not_overflow_the_stack() {
    // Deepest nesting lua5.4 allows, on a long subject, in a debug build.
    let subject = vec![b'a'; 100_000];
    let pattern = b"a?".repeat(199);
    let mut budget = Budget::unlimited();
    let m = find(&subject, &pattern, 0, &mut budget).expect("199 levels are allowed");
    assert_eq!(m.map(|m| (m.start, m.end)), Some((0, 199)));
    let pattern = b"(a-)"
        .repeat(31)
        .into_iter()
        .chain(*b"(.-)b")
        .collect::<Vec<u8>>();
    let res = find(&subject, &pattern, 0, &mut Budget::new(1_000_000));
    assert!(matches!(
        res,
        Err(PatternError::OutOfFuel | PatternError::TooComplex)
    ));
}

#[test]
fn deepest_nesting_fits_a_small_stack() {
    // Each kind of nesting at lua5.4's limit, run on a 256 KiB stack (debug build): the
    // matcher's Rust recursion is bounded by the pattern depth limit, not by the input.
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            let subject = vec![b'a'; 1000];
            let deep = [
                b"a?".repeat(300),
                b"a*".repeat(300),
                b"a-".repeat(300),
                b"(a".repeat(31),
                b"()".repeat(32),
                [b"(".repeat(30), b"a)".repeat(30), b"%1".repeat(200)].concat(),
            ];
            deep.iter()
                .map(|p| find(&subject, p, 0, &mut Budget::new(1_000_000)).map(|m| m.is_some()))
                .collect::<Vec<_>>()
        })
        .expect("spawn");
    let results = handle.join().expect("no stack overflow");
    assert!(
        results.iter().all(|r| matches!(
            r,
            Ok(_)
                | Err(PatternError::TooComplex
                    | PatternError::OutOfFuel
                    | PatternError::UnfinishedCapture)
        )),
        "{results:?}"
    );
    assert_eq!(results[0], Err(PatternError::TooComplex));
}
