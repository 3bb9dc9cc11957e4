//! The one form of dates and times that Cinq stores and exchanges, enforced at every entry point (imports, the
//! strategy file, the IPC):
//! - a day is `YYYY-MM-DD`, with a year from [`MIN_YEAR`] to [`MAX_YEAR`];
//! - a time is `HH:MM` (24 hours);
//! - a post's schedule is local wall time, `YYYY-MM-DDTHH:MM`;
//! - a timestamp is RFC 3339 (`2026-12-07T10:30:00Z`, `2026-12-07T10:30:00+01:00`).
//!
//! chrono's `parse_from_str("%Y-%m-%d")` alone is lenient (`2027-1-5`, `1-1-1`, a sign, any number of digits): every
//! check goes through the functions here instead. Foreign files (a network's export, a mapped CSV) are read with their
//! own formats, and what is stored is then written in these forms.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};

/// The first year a stored day may have.
pub const MIN_YEAR: i32 = 1900;
/// The last year a stored day may have.
pub const MAX_YEAR: i32 = 2200;

/// chrono's format of a day, for formatting only (never for parsing: see the module comment).
pub const DAY_FORMAT: &str = "%Y-%m-%d";
/// chrono's format of a time, for formatting only.
pub const TIME_FORMAT: &str = "%H:%M";
/// chrono's format of a post's schedule, for formatting only.
pub const DAY_TIME_FORMAT: &str = "%Y-%m-%dT%H:%M";

/// What a day must look like, for messages.
pub const DAY_EXPECTED: &str = "a date as YYYY-MM-DD, with a year from 1900 to 2200";
/// What a time must look like, for messages.
pub const TIME_EXPECTED: &str = "a time as HH:MM (24 hours)";
/// What a post's schedule must look like, for messages.
pub const DAY_TIME_EXPECTED: &str =
    "a date and time as YYYY-MM-DDTHH:MM, with a year from 1900 to 2200";
/// What a timestamp must look like, for messages.
pub const TIMESTAMP_EXPECTED: &str =
    "a timestamp as RFC 3339 (YYYY-MM-DDTHH:MM:SSZ or with an offset), with a year from 1900 to 2200";

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
}

/// Today in the IANA time zone `timezone` (UTC when it cannot be read).
pub fn today_in(timezone: &str) -> NaiveDate {
    let tz: chrono_tz::Tz = timezone.parse().unwrap_or(chrono_tz::UTC);
    chrono::Utc::now().with_timezone(&tz).date_naive()
}

/// A year Cinq stores.
pub fn year_in_range(year: i32) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&year)
}

/// `YYYY-MM-DD` exactly, a real day, its year in range.
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i32::try_from(digits(&b[0..4])?).ok()?;
    let day = NaiveDate::from_ymd_opt(year, digits(&b[5..7])?, digits(&b[8..10])?)?;
    year_in_range(year).then_some(day)
}

/// `HH:MM` exactly, 00:00 to 23:59.
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    let b = s.as_bytes();
    if b.len() != 5 || b[2] != b':' {
        return None;
    }
    NaiveTime::from_hms_opt(digits(&b[0..2])?, digits(&b[3..5])?, 0)
}

/// `YYYY-MM-DDTHH:MM` exactly (a post's schedule, local wall time).
pub fn parse_day_time(s: &str) -> Option<NaiveDateTime> {
    let (day, time) = s.split_once('T')?;
    Some(parse_day(day)?.and_time(parse_time(time)?))
}

/// An RFC 3339 timestamp whose year is in range.
pub fn parse_timestamp(s: &str) -> Option<DateTime<FixedOffset>> {
    let t = DateTime::parse_from_rfc3339(s).ok()?;
    year_in_range(t.year()).then_some(t)
}

pub fn is_day(s: &str) -> bool {
    parse_day(s).is_some()
}

pub fn is_time(s: &str) -> bool {
    parse_time(s).is_some()
}

pub fn is_day_time(s: &str) -> bool {
    parse_day_time(s).is_some()
}

pub fn is_timestamp(s: &str) -> bool {
    parse_timestamp(s).is_some()
}

pub fn format_day(d: NaiveDate) -> String {
    d.format(DAY_FORMAT).to_string()
}

pub fn format_day_time(t: NaiveDateTime) -> String {
    t.format(DAY_TIME_FORMAT).to_string()
}

/// The canonical form of a day written loosely but without ambiguity: surrounding white space (Unicode included),
/// a month or day of one digit (`2027-1-5`). `None` when the value is not a day read that way, or its year is out of
/// range.
pub fn repair_day(s: &str) -> Option<String> {
    let s = s.trim();
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || y.len() != 4
        || !(1..=2).contains(&m.len())
        || !(1..=2).contains(&d.len())
    {
        return None;
    }
    let year = i32::try_from(digits(y.as_bytes())?).ok()?;
    let day = NaiveDate::from_ymd_opt(year, digits(m.as_bytes())?, digits(d.as_bytes())?)?;
    year_in_range(year).then(|| format_day(day))
}

/// The canonical form of a time written loosely but without ambiguity: surrounding white space, an hour of one digit
/// (`9:30`), seconds of zero (`09:30:00`).
pub fn repair_time(s: &str) -> Option<String> {
    let s = s.trim();
    let mut parts = s.split(':');
    let (h, m) = (parts.next()?, parts.next()?);
    if let Some(sec) = parts.next() {
        if sec != "00" || parts.next().is_some() {
            return None;
        }
    }
    if !(1..=2).contains(&h.len()) || m.len() != 2 {
        return None;
    }
    let t = NaiveTime::from_hms_opt(digits(h.as_bytes())?, digits(m.as_bytes())?, 0)?;
    Some(t.format(TIME_FORMAT).to_string())
}

/// The canonical form of a post's schedule written loosely but without ambiguity (a space or `T` between a day and a
/// time that [`repair_day`] and [`repair_time`] read).
pub fn repair_day_time(s: &str) -> Option<String> {
    let s = s.trim();
    let (day, time) = s.split_once('T').or_else(|| s.split_once(' '))?;
    Some(format!("{}T{}", repair_day(day)?, repair_time(time)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_strict() {
        assert!(is_day("2026-12-07"));
        assert!(is_day("1900-01-01") && is_day("2200-12-31"));
        for bad in [
            "2027-1-5",
            "1-1-1",
            " 2026-12-07",
            "2026-12-07 ",
            "2026-02-30",
            "1899-12-31",
            "2201-01-01",
            "+2026-12-07",
            "2026/12/07",
            "2026-12-07\u{a0}",
            "２０２６-12-07",
            "",
        ] {
            assert!(!is_day(bad), "{bad:?}");
        }
    }

    #[test]
    fn times_and_schedules_are_strict() {
        assert!(is_time("00:00") && is_time("23:59"));
        for bad in ["1:1", "24:00", "9:30", "09:30:00", " 09:30", "09:60"] {
            assert!(!is_time(bad), "{bad:?}");
        }
        assert!(is_day_time("2026-12-07T09:30"));
        assert!(!is_day_time("2026-12-07 09:30") && !is_day_time("1-1-1T1:1"));
        assert!(is_timestamp("2026-12-07T09:30:00Z") && is_timestamp("2026-12-07T09:30:00+01:00"));
        assert!(!is_timestamp("0001-01-01T00:00:00Z") && !is_timestamp("yesterday"));
    }

    #[test]
    fn repairs_only_what_is_unambiguous() {
        assert_eq!(repair_day(" 2027-1-5 ").as_deref(), Some("2027-01-05"));
        assert_eq!(
            repair_day("2027-01-05\u{2003}").as_deref(),
            Some("2027-01-05")
        );
        assert_eq!(repair_day("1-1-1"), None);
        assert_eq!(repair_day("05-01-2027"), None);
        assert_eq!(repair_day("2027-02-30"), None);
        assert_eq!(repair_time("9:30").as_deref(), Some("09:30"));
        assert_eq!(repair_time("09:30:00").as_deref(), Some("09:30"));
        assert_eq!(repair_time("1:1"), None);
        assert_eq!(
            repair_day_time("2027-1-5 9:30").as_deref(),
            Some("2027-01-05T09:30")
        );
    }
}
