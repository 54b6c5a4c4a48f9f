//! Civil-calendar arithmetic and `strftime` as `os.date` needs them, in the C locale as glibc
//! formats it: broken-down times from seconds and back (with C `mktime`'s normalisation of
//! out-of-range fields), and every conversion lua5.4 accepts. Pure functions; the time zone
//! comes in as a [`ZoneInfo`].

use super::tz::ZoneInfo;

const DAY: i64 = 86_400;

/// A broken-down time (C's `struct tm`, with a full year and 1-based month and day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tm {
    pub year: i64,
    /// 1..=12.
    pub month: i64,
    /// 1..=31.
    pub day: i64,
    pub hour: i64,
    pub min: i64,
    pub sec: i64,
    /// 0 = Sunday.
    pub wday: i64,
    /// 0-based day of the year.
    pub yday: i64,
    pub isdst: bool,
}

/// Whether `year` is a leap year in the proleptic Gregorian calendar.
pub fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days from 1970-01-01 to the given date (month 1..=12; days past the month's end carry on).
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    // Count from March so the leap day is the last day of a counting year; 400-year eras
    // repeat exactly (146097 days).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date (year, month 1..=12, day 1..=31) of a day count from 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The broken-down time of `t + offset` seconds since the epoch; `None` when the year does not
/// fit C's `int tm_year` (lua5.4: "date result cannot be represented").
pub fn broken_down(t: i64, offset: i64, isdst: bool) -> Option<Tm> {
    let local = t.checked_add(offset)?;
    let days = local.div_euclid(DAY);
    let secs = local.rem_euclid(DAY);
    let (year, month, day) = civil_from_days(days);
    i32::try_from(year - 1900).ok()?;
    Some(Tm {
        year,
        month,
        day,
        hour: secs / 3600,
        min: secs % 3600 / 60,
        sec: secs % 60,
        wday: (days + 4).rem_euclid(7),
        yday: days - days_from_civil(year, 1, 1),
        isdst,
    })
}

/// Seconds since the epoch of fields read as UTC, carrying out-of-range values as `mktime`
/// does (month 13 is January of the next year, day 0 the last day of the previous month).
/// `None` on overflow.
pub fn seconds_from_fields(
    year: i64,
    month: i64,
    day: i64,
    hour: i64,
    min: i64,
    sec: i64,
) -> Option<i64> {
    let m0 = month.checked_sub(1)?;
    let year = year.checked_add(m0.div_euclid(12))?;
    let month = m0.rem_euclid(12) + 1;
    // Keep the day arithmetic in range: years past about 2^40 overflow the day count anyway.
    if year.abs() > 1 << 40 {
        return None;
    }
    let days = days_from_civil(year, month, 1).checked_add(day - 1)?;
    days.checked_mul(DAY)?
        .checked_add(hour.checked_mul(3600)?)?
        .checked_add(min.checked_mul(60)?)?
        .checked_add(sec)
}

/// Conversions lua5.4 accepts after `%` (C99's list): one letter, or `E`/`O` and a letter.
const SINGLE: &[u8] = b"aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%";
const WITH_E: &[u8] = b"cCxXyY";
const WITH_O: &[u8] = b"deHImMSuUVwWy";

const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Formats `tm` as `strftime` does in the C locale. On an unknown conversion returns the rest
/// of the format from that `%` (lua5.4 puts it in its message).
pub fn strftime(format: &[u8], tm: &Tm, zone: &ZoneInfo) -> Result<Vec<u8>, Vec<u8>> {
    let mut out = Vec::with_capacity(format.len() * 2);
    let mut i = 0;
    while i < format.len() {
        let c = format[i];
        if c != b'%' {
            out.push(c);
            i += 1;
            continue;
        }
        let conv = match (format.get(i + 1), format.get(i + 2)) {
            (Some(&b'E'), Some(&l)) if WITH_E.contains(&l) => {
                i += 3;
                l
            }
            (Some(&b'O'), Some(&l)) if WITH_O.contains(&l) => {
                i += 3;
                l
            }
            (Some(&l), _) if SINGLE.contains(&l) => {
                i += 2;
                l
            }
            _ => return Err(format[i..].to_vec()),
        };
        convert(conv, tm, zone, &mut out);
    }
    Ok(out)
}

/// The ISO 8601 week-based year and week number (`%G`, `%V`).
fn iso_week(tm: &Tm) -> (i64, i64) {
    // Monday-based weekday 0..6; the week's Thursday decides its year.
    let wd = (tm.wday + 6) % 7;
    let thursday_yday = tm.yday - wd + 3;
    if thursday_yday < 0 {
        let prev = tm.year - 1;
        let prev_len = if is_leap(prev) { 366 } else { 365 };
        (prev, (thursday_yday + prev_len) / 7 + 1)
    } else {
        let len = if is_leap(tm.year) { 366 } else { 365 };
        if thursday_yday >= len {
            (tm.year + 1, 1)
        } else {
            (tm.year, thursday_yday / 7 + 1)
        }
    }
}

fn convert(conv: u8, tm: &Tm, zone: &ZoneInfo, out: &mut Vec<u8>) {
    use std::io::Write;
    let wday = WEEKDAYS[tm.wday.rem_euclid(7) as usize];
    let month = MONTHS[(tm.month - 1).rem_euclid(12) as usize];
    let hour12 = match tm.hour % 12 {
        0 => 12,
        h => h,
    };
    // Writing into a Vec cannot fail.
    let _ = match conv {
        b'a' => write!(out, "{}", &wday[..3]),
        b'A' => write!(out, "{wday}"),
        b'b' | b'h' => write!(out, "{}", &month[..3]),
        b'B' => write!(out, "{month}"),
        b'c' => {
            let _ = write!(
                out,
                "{} {} {:>2} {:02}:{:02}:{:02} ",
                &wday[..3],
                &month[..3],
                tm.day,
                tm.hour,
                tm.min,
                tm.sec
            );
            write!(out, "{}", tm.year)
        }
        b'C' => write!(out, "{}", tm.year.div_euclid(100)),
        b'd' => write!(out, "{:02}", tm.day),
        b'D' | b'x' => write!(
            out,
            "{:02}/{:02}/{:02}",
            tm.month,
            tm.day,
            tm.year.rem_euclid(100)
        ),
        b'e' => write!(out, "{:>2}", tm.day),
        b'F' => write!(out, "{}-{:02}-{:02}", tm.year, tm.month, tm.day),
        b'g' => write!(out, "{:02}", iso_week(tm).0.rem_euclid(100)),
        b'G' => write!(out, "{}", iso_week(tm).0),
        b'H' => write!(out, "{:02}", tm.hour),
        b'I' => write!(out, "{hour12:02}"),
        b'j' => write!(out, "{:03}", tm.yday + 1),
        b'm' => write!(out, "{:02}", tm.month),
        b'M' => write!(out, "{:02}", tm.min),
        b'n' => writeln!(out),
        b'p' => write!(out, "{}", if tm.hour < 12 { "AM" } else { "PM" }),
        b'r' => write!(
            out,
            "{hour12:02}:{:02}:{:02} {}",
            tm.min,
            tm.sec,
            if tm.hour < 12 { "AM" } else { "PM" }
        ),
        b'R' => write!(out, "{:02}:{:02}", tm.hour, tm.min),
        b'S' => write!(out, "{:02}", tm.sec),
        b't' => write!(out, "\t"),
        b'T' | b'X' => write!(out, "{:02}:{:02}:{:02}", tm.hour, tm.min, tm.sec),
        b'u' => write!(out, "{}", if tm.wday == 0 { 7 } else { tm.wday }),
        b'U' => write!(out, "{:02}", (tm.yday + 7 - tm.wday) / 7),
        b'V' => write!(out, "{:02}", iso_week(tm).1),
        b'w' => write!(out, "{}", tm.wday),
        b'W' => write!(out, "{:02}", (tm.yday + 7 - (tm.wday + 6) % 7) / 7),
        b'y' => write!(out, "{:02}", tm.year.rem_euclid(100)),
        b'Y' => write!(out, "{}", tm.year),
        b'z' => {
            let sign = if zone.offset < 0 { '-' } else { '+' };
            let a = zone.offset.abs() / 60;
            write!(out, "{sign}{:02}{:02}", a / 60, a % 60)
        }
        b'Z' => write!(out, "{}", zone.abbrev),
        _ => write!(out, "%"),
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(t: i64) -> Tm {
        broken_down(t, 0, false).expect("in range")
    }

    #[test]
    fn calendar_round_trips() {
        for days in [-719_468, -1, 0, 1, 10_957, 11_016, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }

    #[test]
    fn formats_checked_against_lua54() {
        let z = ZoneInfo {
            offset: 0,
            is_dst: false,
            abbrev: "GMT".into(),
        };
        let f = |fmt: &str, t: i64| {
            String::from_utf8(strftime(fmt.as_bytes(), &utc(t), &z).expect("valid")).expect("ascii")
        };
        assert_eq!(
            f("%c|%x|%X|%Z|%z", 0),
            "Thu Jan  1 00:00:00 1970|01/01/70|00:00:00|GMT|+0000"
        );
        assert_eq!(
            f("%Y|%C|%y|%G|%g|%V|%U|%W|%j|%c", -62_000_000_000),
            "5|0|05|5|05|16|16|16|109|Tue Apr 19 09:46:40 5"
        );
        assert_eq!(
            f("%Y|%C|%y|%G|%g|%V|%U|%W|%j", -62_167_219_201),
            "-1|-1|99|-1|99|52|52|52|365"
        );
        assert_eq!(
            f("%Ec|%EC|%Oe|%Ou|%OV", 1_000_000_000),
            "Sun Sep  9 01:46:40 2001|20| 9|7|36"
        );
    }

    #[test]
    fn bad_conversions_report_the_rest() {
        let z = ZoneInfo::utc();
        assert_eq!(strftime(b"x%Ez abc", &utc(0), &z), Err(b"%Ez abc".to_vec()));
        assert_eq!(strftime(b"abc%", &utc(0), &z), Err(b"%".to_vec()));
        assert_eq!(strftime(b"%5d", &utc(0), &z), Err(b"%5d".to_vec()));
    }

    #[test]
    fn year_limits_of_c_int() {
        assert!(broken_down(67_768_036_191_676_799, 0, false).is_some());
        assert!(broken_down(67_768_036_191_676_800, 0, false).is_none());
    }
}
