//! Reading a CSV file whatever wrote it, for every import (the calendar's column mapping, the Cinq CSV, the networks'
//! exports, the results' column mapping): the encoding (UTF-8 with or without BOM, UTF-16, Windows-1252), a `sep=`
//! first line, the delimiter, line numbers counted from byte offsets (so quoted line breaks keep them right), and the
//! values every import reads the same way (dates in either order, times, numbers, folded names).

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};
use crate::findings::Text;

/// The rows the delimiter and the values' suggestions look at.
pub(crate) const SAMPLE_ROWS: usize = 200;

/// How the dates of a file are written when they are not `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// 31/12/2026 (French, British).
    DayFirst,
    /// 12/31/2026 (American).
    MonthFirst,
}

/// A bad cell: where it is and what was expected there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RowError {
    /// The line in the file (1-based, the header counted).
    #[ts(type = "number")]
    pub line: u64,
    /// The column's name as the preview shows it.
    pub column: String,
    pub expected: Text,
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the file: encoding, delimiter, rows.

pub(crate) fn invalid(file: &str, what: &str) -> CoreError {
    CoreError::InvalidFile(format!("{file}: {what}"))
}

/// Windows-1252's characters for the bytes 0x80–0x9F (the five it leaves undefined stay as Latin-1 has them).
pub(crate) const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// Windows-1252 (what Excel writes on Windows when it does not write UTF-8); Latin-1 outside 0x80–0x9F.
pub(crate) fn cp1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

pub(crate) fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Option<String> {
    if bytes.len() % 2 != 0 {
        return None;
    }
    char::decode_utf16(bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])))
        .collect::<std::result::Result<String, _>>()
        .ok()
}

/// How many control characters a text holds besides tabs and line breaks (`char::is_control`: C0, DEL and C1), and
/// how many characters in all: one pass over the bytes (a file of 100,000 rows is tens of megabytes). A C1 control
/// is `C2 80..=9F` in UTF-8; a character starts at every byte that does not continue one.
pub(crate) fn controls_and_chars(text: &str) -> (usize, usize) {
    let (mut controls, mut chars, mut prev) = (0usize, 0usize, 0u8);
    for &c in text.as_bytes() {
        chars += usize::from(c & 0xC0 != 0x80);
        let c0 = (c < 0x20 && !matches!(c, b'\t' | b'\n' | b'\r')) || c == 0x7F;
        let c1 = prev == 0xC2 && (0x80..=0x9F).contains(&c);
        controls += usize::from(c0 || c1);
        prev = c;
    }
    (controls, chars)
}

/// The text of a CSV file: UTF-8 (with or without a byte order mark), UTF-16 with its byte order mark, or else
/// Windows-1252. Refuses an empty file and one that is not text.
pub(crate) fn decode<'b>(file: &str, bytes: &'b [u8]) -> Result<Cow<'b, str>> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(invalid(
            file,
            "this is an Excel workbook (or another archive), not a CSV file: save it as CSV first",
        ));
    }
    let text: Cow<str> = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        String::from_utf8_lossy(rest)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        Cow::Owned(utf16(rest, u16::from_le_bytes).ok_or_else(|| {
            invalid(
                file,
                "the file says it is UTF-16 but is not valid UTF-16 text",
            )
        })?)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        Cow::Owned(utf16(rest, u16::from_be_bytes).ok_or_else(|| {
            invalid(
                file,
                "the file says it is UTF-16 but is not valid UTF-16 text",
            )
        })?)
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => Cow::Borrowed(s),
            Err(_) => Cow::Owned(cp1252(bytes)),
        }
    };
    if text.trim().is_empty() {
        return Err(invalid(file, "the file is empty"));
    }
    // Binary data shows in the first megabyte; a NUL byte anywhere.
    let mut head = text.len().min(1 << 20);
    while !text.is_char_boundary(head) {
        head -= 1;
    }
    let (controls, chars) = controls_and_chars(&text[..head]);
    if text.contains('\0') || controls * 20 > chars {
        return Err(invalid(
            file,
            "this is not a text file (it holds binary data): expected a CSV file",
        ));
    }
    Ok(text)
}

/// Excel's `sep=X` first line: the delimiter it names and the text after that line.
pub(crate) fn sep_line(text: &str) -> Option<(u8, &str)> {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let first = first.strip_suffix('\r').unwrap_or(first).trim_end();
    if !first.get(..4)?.eq_ignore_ascii_case("sep=") {
        return None;
    }
    let delimiter = match &first[4..] {
        "\\t" | "\t" => b'\t',
        d if d.len() == 1 && d.as_bytes()[0].is_ascii_punctuation() && d != "\"" => d.as_bytes()[0],
        _ => return None,
    };
    Some((delimiter, rest))
}

pub(crate) fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
}

/// The delimiter among `,`, `;` and tab that splits the first rows most consistently (quotes respected): the most
/// rows with the most common number of cells, that number being more than one; then the most cells; then the order.
pub(crate) fn detect_delimiter(text: &str) -> u8 {
    let mut best = (b',', 0.0, 0);
    for d in [b',', b';', b'\t'] {
        let counts: Vec<usize> = reader(text, d)
            .records()
            .take(SAMPLE_ROWS)
            .filter_map(|r| r.ok())
            .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
            .map(|r| r.len())
            .collect();
        let mut freq: HashMap<usize, usize> = HashMap::new();
        for c in &counts {
            *freq.entry(*c).or_default() += 1;
        }
        let Some((&mode, &n)) = freq.iter().max_by_key(|(len, n)| (**n, **len)) else {
            continue;
        };
        if mode < 2 {
            continue;
        }
        let share = n as f64 / counts.len() as f64;
        if share > best.1 || (share == best.1 && mode > best.2) {
            best = (d, share, mode);
        }
    }
    best.0
}

/// The delimiter of a decoded file, the text of its rows (after a `sep=` line) and how many lines come before them.
pub(crate) fn layout(text: &str) -> (u8, &str, u64) {
    match sep_line(text) {
        Some((d, rest)) => (d, rest, 1),
        None => (detect_delimiter(text), text, 0),
    }
}

/// A row of the file with the line it starts on (1-based, every line of the file counted).
pub(crate) struct Row {
    pub(crate) line: u64,
    /// One allocation for all the row's cells.
    pub(crate) cells: ::csv::StringRecord,
}

impl Row {
    pub(crate) fn cell(&self, i: usize) -> &str {
        self.cells.get(i).unwrap_or("")
    }
}

/// A file read: its delimiter and its rows (the header's among them), the blank ones left out.
pub(crate) struct Table {
    pub(crate) delimiter: u8,
    pub(crate) rows: Vec<Row>,
}

/// The line of the file (1-based) a record starts on, from its byte offset: every line break counts, those within
/// quoted cells too (the csv crate's own line numbers miss those, and miscount `\r\n`). Offsets are asked in order,
/// so a whole file costs one pass.
pub(crate) struct Lines<'a> {
    text: &'a [u8],
    /// Lines before the text (Excel's `sep=` line).
    offset: u64,
    at: usize,
    breaks: u64,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str, offset: u64) -> Lines<'a> {
        Lines {
            text: text.as_bytes(),
            offset,
            at: 0,
            breaks: 0,
        }
    }

    pub(crate) fn line(&mut self, position: Option<&csv::Position>) -> u64 {
        let Some(p) = position else { return 0 };
        // The csv crate may place a record just before the line break that precedes it: the record starts after.
        let mut to = usize::try_from(p.byte())
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while matches!(self.text.get(to), Some(b'\r' | b'\n')) {
            to += 1;
        }
        if to < self.at {
            self.at = 0;
            self.breaks = 0;
        }
        // `\n`, `\r\n` and a lone `\r` each end a line: the line feeds, plus the carriage returns not followed by one.
        // Counted as whole-slice passes, which the compiler vectorises (files are tens of megabytes).
        let bytes = &self.text[self.at..to];
        let feeds = bytes.iter().filter(|&&b| b == b'\n').count();
        let lone_returns = if bytes.contains(&b'\r') {
            let returns = bytes.iter().filter(|&&b| b == b'\r').count();
            // Each byte of the range with the one after it (the range's last with the byte that follows, if any).
            let with_next = &self.text[self.at..(to + 1).min(self.text.len())];
            let pairs = with_next[..with_next.len().saturating_sub(1)]
                .iter()
                .zip(with_next.get(1..).unwrap_or_default())
                .filter(|(&b, &n)| b == b'\r' && n == b'\n')
                .count();
            returns - pairs
        } else {
            0
        };
        self.breaks += (feeds + lone_returns) as u64;
        self.at = to;
        self.offset + self.breaks + 1
    }
}

pub(crate) fn read_table(file: &str, bytes: &[u8]) -> Result<Table> {
    let text = decode(file, bytes)?;
    let (delimiter, body, offset) = layout(&text);
    let mut lines = Lines::new(body, offset);
    let mut rows = Vec::new();
    let mut caps = crate::io::read::TableCaps::new(file);
    for record in reader(body, delimiter).into_records() {
        let record = record.map_err(|e| {
            let line = lines.line(e.position());
            crate::io::read::csv_error(file, line, &e)
        })?;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = lines.line(record.position());
        caps.row(line, record.len(), record.iter().map(str::len))?;
        rows.push(Row {
            line,
            cells: record,
        });
    }
    if rows.is_empty() {
        return Err(invalid(file, "the file has no rows"));
    }
    Ok(Table { delimiter, rows })
}

/// The number of columns: up to the last non-empty cell of the header or of any row.
pub(crate) fn width(rows: &[Row]) -> usize {
    rows.iter()
        .map(|r| {
            (0..r.cells.len())
                .rfind(|&i| !r.cells[i].trim().is_empty())
                .map_or(0, |i| i + 1)
        })
        .max()
        .unwrap_or(0)
        .max(1)
}

// ---------------------------------------------------------------------------------------------------------------
// Values: dates, times, networks, pillars, statuses.

/// Lower case, without accents, every run of other characters than letters and digits made one space.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
            'ç' => "c",
            'è' | 'é' | 'ê' | 'ë' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ñ' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => "o",
            'ù' | 'ú' | 'û' | 'ü' => "u",
            'ý' | 'ÿ' => "y",
            'œ' => "oe",
            'æ' => "ae",
            c if c.is_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => " ",
        };
        if plain != " " || !(out.is_empty() || out.ends_with(' ')) {
            out.push_str(plain);
        }
    }
    out.trim_end().to_owned()
}

/// [`fold`] with no spaces at all: "Linked In" and "linkedin" are the same network.
pub(crate) fn compact(s: &str) -> String {
    fold(s).replace(' ', "")
}

/// A date alone: `YYYY-MM-DD` (or with `/` or `.`), else day, month and year in `order`; a 2-digit year is 20xx.
pub(crate) fn parse_date(s: &str, order: DateOrder) -> Option<NaiveDate> {
    let parts: Vec<&str> = s.trim().split(['-', '/', '.']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let (y, m, d) = if parts[0].len() == 4 {
        (parts[0], parts[1], parts[2])
    } else {
        match order {
            DateOrder::DayFirst => (parts[2], parts[1], parts[0]),
            DateOrder::MonthFirst => (parts[2], parts[0], parts[1]),
        }
    };
    if m.len() > 2 || d.len() > 2 {
        return None;
    }
    let year: i32 = match y.len() {
        4 => y.parse().ok()?,
        2 => 2000 + y.parse::<i32>().ok()?,
        _ => return None,
    };
    // Stored canonically (`dates`), so its year must be one Cinq stores.
    NaiveDate::from_ymd_opt(year, m.parse().ok()?, d.parse().ok()?)
        .filter(|_| crate::dates::year_in_range(year))
}

/// A time: `14:30`, `14:30:00`, `14h30`, `14h`, `14.30`, `2:30 PM`, `2 pm`, `2:30 p.m.`.
pub(crate) fn parse_time(s: &str) -> Option<NaiveTime> {
    let t: String = s
        .to_lowercase()
        .replace("a.m.", "am")
        .replace("p.m.", "pm")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let (t, pm) = if let Some(t) = t.strip_suffix("am") {
        (t, Some(false))
    } else if let Some(t) = t.strip_suffix("pm") {
        (t, Some(true))
    } else {
        (t.as_str(), None)
    };
    let mut parts = t.splitn(3, [':', 'h', '.']);
    let hour = parts.next()?;
    let minute = parts.next().unwrap_or("");
    let second = parts.next().unwrap_or("");
    let digits = |p: &str, max: usize| p.len() <= max && p.bytes().all(|b| b.is_ascii_digit());
    if hour.is_empty() || !digits(hour, 2) || !digits(minute, 2) || !digits(second, 2) {
        return None;
    }
    if (minute.len() == 1) || (second.len() == 1) || (!second.is_empty() && minute.is_empty()) {
        return None;
    }
    let mut h: u32 = hour.parse().ok()?;
    let m: u32 = if minute.is_empty() {
        0
    } else {
        minute.parse().ok()?
    };
    let sec: u32 = if second.is_empty() {
        0
    } else {
        second.parse().ok()?
    };
    if sec > 59 {
        return None;
    }
    match pm {
        Some(pm) => {
            if !(1..=12).contains(&h) {
                return None;
            }
            h = h % 12 + if pm { 12 } else { 0 };
        }
        None if minute.is_empty() && !t.contains('h') => return None,
        None => {}
    }
    NaiveTime::from_hms_opt(h, m, 0)
}

/// A date cell: a date, or a date and a time (`2027-01-31 14:30`, `2027-01-31T14:30:00`, `31/01/2027 2:30 PM`).
/// `None` when it is not one; the time is `None` when the cell has none.
pub(crate) fn parse_date_cell(s: &str, order: DateOrder) -> Option<(NaiveDate, Option<NaiveTime>)> {
    let s = s.trim();
    let (date, time) = match s
        .char_indices()
        .find(|(_, c)| *c == 'T' || c.is_whitespace())
    {
        Some((i, c)) => (&s[..i], s[i + c.len_utf8()..].trim()),
        None => (s, ""),
    };
    let date = parse_date(date, order)?;
    if time.is_empty() {
        Some((date, None))
    } else {
        Some((date, Some(parse_time(time)?)))
    }
}

pub(crate) fn is_date(s: &str) -> bool {
    parse_date_cell(s, DateOrder::DayFirst).is_some()
        || parse_date_cell(s, DateOrder::MonthFirst).is_some()
}

pub(crate) fn is_number(s: &str) -> bool {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let s = s
        .trim_start_matches(['+', '-'])
        .trim_end_matches(['%', '€', '$']);
    !s.is_empty()
        && s.bytes().any(|b| b.is_ascii_digit())
        && s.bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
}

/// A cell that holds a value rather than a column's name: a date, a time or a number.
pub(crate) fn is_typed(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty() && (is_date(s) || parse_time(s).is_some() || is_number(s))
}

/// A cell a spreadsheet will not run: a leading `=`, `+`, `-`, `@`, tab or CR gets a `'` before it (and, with
/// `escape_quote`, a leading `'` too, so the change can be undone exactly).
pub fn neutralise(cell: &str, escape_quote: bool) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        Some('\'') if escape_quote => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// The inverse of `neutralise(cell, true)`.
pub fn unneutralise(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_at_each_feed_each_crlf_and_each_lone_return() {
        let text = "a\r\nb\rc\nd\r\n\r\ne\r";
        let at = |byte: u64| {
            let mut p = csv::Position::new();
            p.set_byte(byte);
            p
        };
        let starts: Vec<u64> = ["a", "b", "c", "d", "e"]
            .iter()
            .map(|s| text.find(s).unwrap() as u64)
            .collect();
        // Read in order, as an import does, and each on its own (from the start again).
        let mut lines = Lines::new(text, 1);
        let in_order: Vec<u64> = starts.iter().map(|&b| lines.line(Some(&at(b)))).collect();
        assert_eq!(in_order, [2, 3, 4, 5, 7]);
        for (&b, &expected) in starts.iter().zip(&in_order) {
            assert_eq!(Lines::new(text, 1).line(Some(&at(b))), expected);
        }
        // A record placed just before the break that precedes it starts after the break.
        assert_eq!(Lines::new(text, 0).line(Some(&at(1))), 2);
        assert_eq!(Lines::new(text, 0).line(Some(&at(text.len() as u64))), 7);
    }

    #[test]
    fn controls_and_characters_are_counted_as_chars_would_count_them() {
        for text in [
            "plain, text\r\n",
            "tab\there\nnul\0 bell\x07 del\x7f",
            "accents é à ✨ and C1 \u{85} \u{9f} \u{a0} \u{80}",
            "",
        ] {
            let by_chars = text
                .chars()
                .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
                .count();
            assert_eq!(
                controls_and_chars(text),
                (by_chars, text.chars().count()),
                "{text:?}"
            );
        }
    }
}
