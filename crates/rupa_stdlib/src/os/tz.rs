//! Local time zones: a TZif file (`/etc/localtime`, `/usr/share/zoneinfo/<name>`) or a POSIX
//! `TZ` rule (`CET-1CEST,M3.5.0,M10.5.0/3`), answering "what is the offset from UTC at instant
//! t". Pure computation over bytes; reading the files is the only I/O and [`Zone::from_environment`]
//! does it.

use super::date::days_from_civil;

/// The local time zone at one instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneInfo {
    /// Seconds east of UTC.
    pub offset: i64,
    /// Whether daylight saving time is in effect.
    pub is_dst: bool,
    /// The abbreviation (`%Z`), e.g. `UTC`, `CEST`.
    pub abbrev: String,
}

impl ZoneInfo {
    /// Coordinated Universal Time.
    pub fn utc() -> ZoneInfo {
        ZoneInfo {
            offset: 0,
            is_dst: false,
            abbrev: "UTC".to_string(),
        }
    }
}

/// A time zone: transitions from a TZif file and/or a POSIX rule for times past them.
#[derive(Debug, Clone)]
pub struct Zone {
    transitions: Vec<(i64, usize)>,
    types: Vec<ZoneInfo>,
    rule: Option<Rule>,
}

/// A POSIX TZ rule: standard time, and optionally daylight time between two dates each year.
#[derive(Debug, Clone)]
struct Rule {
    std: ZoneInfo,
    dst: Option<(ZoneInfo, RuleDate, i64, RuleDate, i64)>,
}

/// When daylight time starts or ends (the day part of a POSIX rule).
#[derive(Debug, Clone, Copy)]
enum RuleDate {
    /// `Jn`: day 1..=365, February 29 never counted.
    Julian(i64),
    /// `n`: day 0..=365, February 29 counted in leap years.
    Zero(i64),
    /// `Mm.w.d`: weekday d (0 = Sunday) of week w (5 = last) of month m.
    Month(i64, i64, i64),
}

impl Zone {
    /// UTC.
    pub fn utc() -> Zone {
        Zone {
            transitions: Vec::new(),
            types: vec![ZoneInfo::utc()],
            rule: None,
        }
    }

    /// The zone the C library would use given the `TZ` variable (`None`: unset): a zone file
    /// name, a `:`-prefixed file name, a POSIX rule, or `/etc/localtime` when unset. Anything
    /// unreadable is UTC, as glibc does.
    pub fn from_environment(tz: Option<&[u8]>) -> Zone {
        let spec = match tz {
            None => return Zone::from_file("/etc/localtime").unwrap_or_else(Zone::utc),
            Some(s) => s.strip_prefix(b":").unwrap_or(s),
        };
        let text = String::from_utf8_lossy(spec).into_owned();
        if text.is_empty() {
            return Zone::utc();
        }
        let file = if text.starts_with('/') {
            text.clone()
        } else {
            format!("/usr/share/zoneinfo/{text}")
        };
        if !text.contains("..") {
            if let Some(z) = Zone::from_file(&file) {
                return z;
            }
        }
        match parse_rule(text.as_bytes()) {
            Some(rule) => Zone {
                transitions: Vec::new(),
                types: vec![rule.std.clone()],
                rule: Some(rule),
            },
            None => Zone::utc(),
        }
    }

    fn from_file(path: &str) -> Option<Zone> {
        Zone::from_tzif(&std::fs::read(path).ok()?)
    }

    /// Parses a TZif file (versions 1 to 4).
    pub fn from_tzif(data: &[u8]) -> Option<Zone> {
        if data.get(..4)? != b"TZif" {
            return None;
        }
        let version = *data.get(4)?;
        let (counts, body) = header(data)?;
        if version >= b'2' {
            // Skip the 32-bit block; the second header and the 64-bit block follow.
            let v1_len = block_len(&counts, 4);
            let second = data.get(44 + v1_len..)?;
            let (counts, body2) = header(second)?;
            let mut zone = parse_block(&counts, body2, 8)?;
            let footer = body2.get(block_len(&counts, 8)..)?;
            if footer.first() == Some(&b'\n') {
                let end = footer[1..].iter().position(|&b| b == b'\n')? + 1;
                zone.rule = parse_rule(&footer[1..end]);
            }
            Some(zone)
        } else {
            parse_block(&counts, body, 4)
        }
    }

    /// The zone at instant `t` (seconds since the epoch).
    pub fn info_at(&self, t: i64) -> ZoneInfo {
        let after_all = match self.transitions.last() {
            None => true,
            Some(&(at, _)) => t >= at,
        };
        if after_all {
            if let Some(rule) = &self.rule {
                return rule.info_at(t);
            }
        }
        let idx = match self.transitions.partition_point(|&(at, _)| at <= t) {
            0 => self
                .types
                .iter()
                .position(|ty| !ty.is_dst)
                .unwrap_or_default(),
            n => self.transitions[n - 1].1,
        };
        self.types.get(idx).cloned().unwrap_or_else(ZoneInfo::utc)
    }
}

/// The six counts of a TZif header: isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt.
fn header(data: &[u8]) -> Option<([usize; 6], &[u8])> {
    let mut counts = [0usize; 6];
    for (i, c) in counts.iter_mut().enumerate() {
        let b = data.get(20 + 4 * i..24 + 4 * i)?;
        *c = u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize;
    }
    Some((counts, data.get(44..)?))
}

fn block_len(c: &[usize; 6], time_size: usize) -> usize {
    let [isut, isstd, leap, time, typ, chars] = *c;
    time * time_size + time + typ * 6 + chars + leap * (time_size + 4) + isstd + isut
}

fn parse_block(c: &[usize; 6], body: &[u8], time_size: usize) -> Option<Zone> {
    let [_, _, _, timecnt, typecnt, charcnt] = *c;
    let times = body.get(..timecnt * time_size)?;
    let idx = body.get(timecnt * time_size..timecnt * (time_size + 1))?;
    let types_at = timecnt * (time_size + 1);
    let types_raw = body.get(types_at..types_at + typecnt * 6)?;
    let chars = body.get(types_at + typecnt * 6..types_at + typecnt * 6 + charcnt)?;
    let mut types = Vec::with_capacity(typecnt);
    for t in types_raw.chunks_exact(6) {
        let offset = i32::from_be_bytes([t[0], t[1], t[2], t[3]]) as i64;
        let start = (t[5] as usize).min(chars.len());
        let end = chars[start..]
            .iter()
            .position(|&b| b == 0)
            .map_or(chars.len(), |p| start + p);
        types.push(ZoneInfo {
            offset,
            is_dst: t[4] != 0,
            abbrev: String::from_utf8_lossy(&chars[start..end]).into_owned(),
        });
    }
    if types.is_empty() {
        return None;
    }
    let mut transitions = Vec::with_capacity(timecnt);
    for (i, chunk) in times.chunks_exact(time_size).enumerate() {
        let at = if time_size == 8 {
            i64::from_be_bytes(chunk.try_into().ok()?)
        } else {
            i32::from_be_bytes(chunk.try_into().ok()?) as i64
        };
        let ty = idx[i] as usize;
        if ty >= types.len() {
            return None;
        }
        transitions.push((at, ty));
    }
    Some(Zone {
        transitions,
        types,
        rule: None,
    })
}

/// Parses a POSIX TZ rule such as `EST5EDT,M3.2.0,M11.1.0` or `<+03>-3`.
fn parse_rule(s: &[u8]) -> Option<Rule> {
    let mut p = Parser { s, i: 0 };
    let std_name = p.name()?;
    let std_off = -p.offset()?;
    let std = ZoneInfo {
        offset: std_off,
        is_dst: false,
        abbrev: std_name,
    };
    if p.done() {
        return Some(Rule { std, dst: None });
    }
    let dst_name = p.name()?;
    let dst_off = match p.peek() {
        Some(b',') | None => std_off + 3600,
        _ => -p.offset()?,
    };
    let dst = ZoneInfo {
        offset: dst_off,
        is_dst: true,
        abbrev: dst_name,
    };
    // Without dates, the US rules of 2007 are the POSIX default.
    let (start, start_t, end, end_t) = if p.done() {
        (
            RuleDate::Month(3, 2, 0),
            7200,
            RuleDate::Month(11, 1, 0),
            7200,
        )
    } else {
        p.expect(b',')?;
        let (start, st) = p.date()?;
        p.expect(b',')?;
        let (end, et) = p.date()?;
        (start, st, end, et)
    };
    Some(Rule {
        std,
        dst: Some((dst, start, start_t, end, end_t)),
    })
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }
    fn done(&self) -> bool {
        self.i >= self.s.len()
    }
    fn expect(&mut self, c: u8) -> Option<()> {
        (self.peek() == Some(c)).then(|| self.i += 1)
    }
    fn name(&mut self) -> Option<String> {
        let start = self.i;
        if self.peek() == Some(b'<') {
            let end = self.s[start..].iter().position(|&b| b == b'>')? + start;
            self.i = end + 1;
            return Some(String::from_utf8_lossy(&self.s[start + 1..end]).into_owned());
        }
        while self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            self.i += 1;
        }
        (self.i - start >= 3).then(|| String::from_utf8_lossy(&self.s[start..self.i]).into_owned())
    }
    fn number(&mut self) -> Option<i64> {
        let start = self.i;
        let mut n: i64 = 0;
        while let Some(c) = self.peek().filter(u8::is_ascii_digit) {
            n = n.checked_mul(10)?.checked_add((c - b'0') as i64)?;
            self.i += 1;
        }
        // Rule numbers are small (hours, days, weeks); refusing big ones keeps sums in range.
        (self.i > start && n <= 1_000_000).then_some(n)
    }
    /// `[+-]hh[:mm[:ss]]` in seconds (positive west of Greenwich, as POSIX writes it).
    fn offset(&mut self) -> Option<i64> {
        let sign = match self.peek() {
            Some(b'-') => {
                self.i += 1;
                -1
            }
            Some(b'+') => {
                self.i += 1;
                1
            }
            _ => 1,
        };
        let mut secs = self.number()? * 3600;
        if self.expect(b':').is_some() {
            secs += self.number()? * 60;
            if self.expect(b':').is_some() {
                secs += self.number()?;
            }
        }
        Some(sign * secs)
    }
    fn date(&mut self) -> Option<(RuleDate, i64)> {
        let d = match self.peek()? {
            b'J' => {
                self.i += 1;
                RuleDate::Julian(self.number()?)
            }
            b'M' => {
                self.i += 1;
                let m = self.number()?;
                self.expect(b'.')?;
                let w = self.number()?;
                self.expect(b'.')?;
                RuleDate::Month(m, w, self.number()?)
            }
            _ => RuleDate::Zero(self.number()?),
        };
        let time = if self.expect(b'/').is_some() {
            self.offset()?
        } else {
            7200
        };
        Some((d, time))
    }
}

impl Rule {
    fn info_at(&self, t: i64) -> ZoneInfo {
        let Some((dst, start, start_t, end, end_t)) = &self.dst else {
            return self.std.clone();
        };
        // Far outside any calendar anyone uses, keep the arithmetic below in range.
        if t.unsigned_abs() > 1 << 50 {
            return self.std.clone();
        }
        // The year as seen in standard time is close enough to pick the right transitions.
        // glibc computes the transitions of years before 1970 as if they were in 1970, so
        // earlier instants are all before them.
        let (year, _, _) = super::date::civil_from_days((t + self.std.offset).div_euclid(86_400));
        let year = year.max(1970);
        let on = |d: RuleDate, time: i64, offset: i64| rule_day(year, d) * 86_400 + time - offset;
        let begins = on(*start, *start_t, self.std.offset);
        let ends = on(*end, *end_t, dst.offset);
        let in_dst = if begins < ends {
            t >= begins && t < ends
        } else {
            // Southern hemisphere: daylight time spans the new year.
            t >= begins || t < ends
        };
        if in_dst {
            dst.clone()
        } else {
            self.std.clone()
        }
    }
}

/// Days since the epoch of a rule date in `year`.
fn rule_day(year: i64, d: RuleDate) -> i64 {
    let jan1 = days_from_civil(year, 1, 1);
    let leap = super::date::is_leap(year);
    match d {
        RuleDate::Julian(n) => jan1 + n - 1 + i64::from(leap && n >= 60),
        RuleDate::Zero(n) => jan1 + n,
        RuleDate::Month(m, w, wd) => {
            let first = days_from_civil(year, m, 1);
            // 1970-01-01 was a Thursday (weekday 4).
            let first_wd = (first + 4).rem_euclid(7);
            let mut day = first + (wd - first_wd).rem_euclid(7) + (w - 1) * 7;
            let next_month = if m == 12 {
                days_from_civil(year + 1, 1, 1)
            } else {
                days_from_civil(year, m + 1, 1)
            };
            while day >= next_month {
                day -= 7;
            }
            day
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posix_rules_switch_at_the_right_instants() {
        let z = Zone::from_environment(Some(b"CET-1CEST,M3.5.0,M10.5.0/3"));
        // 2024-03-31 00:59:59 UTC is still winter; 01:00:00 UTC is summer time.
        assert_eq!(z.info_at(1_711_846_799).offset, 3600);
        let summer = z.info_at(1_711_846_800);
        assert_eq!((summer.offset, summer.is_dst), (7200, true));
        assert_eq!(summer.abbrev, "CEST");
        // 2024-10-27 01:00:00 UTC: back to CET.
        assert_eq!(z.info_at(1_729_990_799).offset, 7200);
        assert_eq!(z.info_at(1_729_990_800).offset, 3600);
    }

    #[test]
    fn rule_without_dst_and_bracketed_names() {
        let z = Zone::from_environment(Some(b"<+03>-3"));
        let i = z.info_at(0);
        assert_eq!(
            (i.offset, i.abbrev.as_str(), i.is_dst),
            (10_800, "+03", false)
        );
        let z = Zone::from_environment(Some(b"EST5"));
        assert_eq!(z.info_at(0).offset, -18_000);
    }

    #[test]
    fn empty_or_garbage_tz_is_utc() {
        assert_eq!(
            Zone::from_environment(Some(b"")).info_at(5),
            ZoneInfo::utc()
        );
        assert_eq!(
            Zone::from_environment(Some(b"1")).info_at(5),
            ZoneInfo::utc()
        );
    }

    #[test]
    fn zone_files_when_present() {
        // Only checked where the system has the database.
        if let Ok(data) = std::fs::read("/usr/share/zoneinfo/America/New_York") {
            let z = Zone::from_tzif(&data).expect("a valid TZif file");
            assert_eq!(z.info_at(0).offset, -18_000);
            assert_eq!(z.info_at(1_720_000_000).abbrev, "EDT");
            // Far future: the footer rule decides.
            assert_eq!(z.info_at(4_102_444_800).offset, -18_000);
        }
    }
}
