//! Import of any spreadsheet's CSV into the calendar, through a column mapping: a preview of the file (delimiter and
//! header detected, columns, first rows, a suggested mapping), then the import itself, which checks every row and
//! reports each bad one (line, column, what was expected). Nothing is written while a row is bad, unless the user
//! chose to skip the bad rows; the whole import is one transaction.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::{insert_post, validate_post, PostInput, PostStatus};
use crate::calendar_export::{unneutralise, NamedLinks, CINQ_CSV_COLUMNS};
use crate::error::{CoreError, FieldError, Result};
use crate::findings::Text;
use crate::objectives::Pillar;
use crate::store::Store;
use crate::strategy::touch;

/// How the dates of a file are written when they are not `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// 31/12/2026 (French, British).
    DayFirst,
    /// 12/31/2026 (American).
    MonthFirst,
}

/// Which column of the file (0-based) holds each field of a post; `None` when the file has no such column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ColumnMapping {
    /// The first line holds column names.
    pub has_header: bool,
    pub network: Option<u32>,
    /// The network of every row when the file has no network column (or the cell is empty).
    pub default_network: Option<String>,
    /// A date, or a date and time in one cell. Rows with no date become ideas.
    pub date: Option<u32>,
    pub time: Option<u32>,
    pub date_order: DateOrder,
    pub title: Option<u32>,
    pub text: Option<u32>,
    pub link: Option<u32>,
    pub media_notes: Option<u32>,
    pub pillar: Option<u32>,
    pub topic: Option<u32>,
    pub status: Option<u32>,
    pub campaign: Option<u32>,
    pub editorial_item: Option<u32>,
    pub objective: Option<u32>,
}

/// A first look at a CSV file, for the mapping screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CsvPreview {
    /// The file's name (no folder).
    pub file: String,
    /// The delimiter found: `,`, `;` or a tab.
    pub delimiter: String,
    /// The file is Cinq's own CSV: it is imported as it stands, with no mapping.
    pub cinq: bool,
    /// The column names (from the header, or "Column 1", "Column 2"… when there is none).
    pub columns: Vec<String>,
    /// The first data rows (at most 20).
    pub rows: Vec<Vec<String>>,
    /// How many data rows the file has.
    pub total_rows: u32,
    /// The mapping suggested from the column names (English and French) and the values.
    pub mapping: ColumnMapping,
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

/// What a mapped import did, or would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MappedImportReport {
    /// The data rows of the file.
    pub rows: u32,
    /// Posts written; on a dry run, the good rows (that would be written).
    pub imported: u32,
    /// Bad rows left out (with "skip invalid rows"); on a dry run, the bad rows.
    pub skipped: u32,
    /// The bad rows' errors, the first 200 of them.
    pub errors: Vec<RowError>,
    /// How many errors there are in all.
    pub error_count: u32,
    /// Whether anything was written: false on a dry run, and while a row is bad without "skip invalid rows".
    pub written: bool,
    pub created_topics: u32,
    pub created_objectives: u32,
    pub created_editorial: u32,
}

/// The most rows a preview shows.
const PREVIEW_ROWS: usize = 20;
/// The most errors a report lists (it counts them all).
const MAX_ERRORS: usize = 200;
/// The rows the delimiter and the values' suggestions look at.
const SAMPLE_ROWS: usize = 200;

// ---------------------------------------------------------------------------------------------------------------
// Reading the file: encoding, delimiter, rows.

fn invalid(file: &str, what: &str) -> CoreError {
    CoreError::InvalidFile(format!("{file}: {what}"))
}

/// Windows-1252's characters for the bytes 0x80–0x9F (the five it leaves undefined stay as Latin-1 has them).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// Windows-1252 (what Excel writes on Windows when it does not write UTF-8); Latin-1 outside 0x80–0x9F.
fn cp1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Option<String> {
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
fn controls_and_chars(text: &str) -> (usize, usize) {
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
fn sep_line(text: &str) -> Option<(u8, &str)> {
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
fn detect_delimiter(text: &str) -> u8 {
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
struct Row {
    line: u64,
    /// One allocation for all the row's cells.
    cells: csv::StringRecord,
}

impl Row {
    fn cell(&self, i: usize) -> &str {
        self.cells.get(i).unwrap_or("")
    }
}

/// A file read: its delimiter and its rows (the header's among them), the blank ones left out.
struct Table {
    delimiter: u8,
    rows: Vec<Row>,
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

fn read_table(file: &str, bytes: &[u8]) -> Result<Table> {
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
fn width(rows: &[Row]) -> usize {
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

fn column_names(header: Option<&Row>, width: usize) -> Vec<String> {
    (0..width)
        .map(|i| {
            let name = header.map_or("", |h| h.cell(i).trim());
            if name.is_empty() {
                format!("Column {}", i + 1)
            } else {
                // A header cell can be long: the name messages and the mapping screen show is short.
                crate::io::read::clip(name)
            }
        })
        .collect()
}

fn is_cinq_header(header: Option<&Row>) -> bool {
    header.is_some_and(|h| h.cells.iter().eq(CINQ_CSV_COLUMNS))
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
fn compact(s: &str) -> String {
    fold(s).replace(' ', "")
}

/// A date alone: `YYYY-MM-DD` (or with `/` or `.`), else day, month and year in `order`; a 2-digit year is 20xx.
fn parse_date(s: &str, order: DateOrder) -> Option<NaiveDate> {
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
fn parse_time(s: &str) -> Option<NaiveTime> {
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

fn is_date(s: &str) -> bool {
    parse_date_cell(s, DateOrder::DayFirst).is_some()
        || parse_date_cell(s, DateOrder::MonthFirst).is_some()
}

fn is_number(s: &str) -> bool {
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
fn is_typed(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty() && (is_date(s) || parse_time(s).is_some() || is_number(s))
}

fn parse_pillar(s: &str) -> Option<Pillar> {
    match fold(s).as_str() {
        "promotion" | "promo" | "promotional" | "promotionnel" | "promotionnelle" => {
            Some(Pillar::Promotion)
        }
        "curation" | "curated" => Some(Pillar::Curation),
        "interaction" | "interactions" => Some(Pillar::Interaction),
        _ => None,
    }
}

fn parse_status(s: &str) -> Option<PostStatus> {
    match fold(s).as_str() {
        "idea" | "ideas" | "idee" | "idees" => Some(PostStatus::Idea),
        "draft" | "brouillon" => Some(PostStatus::Draft),
        "ready" | "pret" | "prete" => Some(PostStatus::Ready),
        "scheduled" | "programme" | "programmee" | "planifie" | "planifiee" => {
            Some(PostStatus::Scheduled)
        }
        "published" | "publie" | "publiee" => Some(PostStatus::Published),
        _ => None,
    }
}

/// The networks a cell may name, by key, name or a common alias (compacted), each to its key.
struct Networks(HashMap<String, String>);

impl Networks {
    fn new(networks: &[crate::audit::Network]) -> Networks {
        let mut map = HashMap::new();
        for n in networks {
            map.entry(compact(&n.key)).or_insert_with(|| n.key.clone());
            map.entry(compact(&n.name)).or_insert_with(|| n.key.clone());
        }
        for (alias, key) in [
            ("twitter", "x"),
            ("xtwitter", "x"),
            ("twitterx", "x"),
            ("fb", "facebook"),
            ("ig", "instagram"),
            ("insta", "instagram"),
            ("li", "linkedin"),
            ("yt", "youtube"),
            ("gmb", "google_business"),
            ("googlemybusiness", "google_business"),
            ("googlemaps", "google_business"),
        ] {
            if networks.iter().any(|n| n.key == key) {
                map.entry(alias.to_owned())
                    .or_insert_with(|| key.to_owned());
            }
        }
        Networks(map)
    }

    fn find(&self, cell: &str) -> Option<&str> {
        self.0.get(&compact(cell)).map(String::as_str)
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The suggested mapping.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Network,
    Date,
    Time,
    Title,
    Text,
    Link,
    Media,
    Pillar,
    Topic,
    Status,
    Campaign,
    Editorial,
    Objective,
}

/// Column names (folded) that say which field a column holds, in English and French.
const NAMES: &[(Field, &[&str])] = &[
    (
        Field::Network,
        &[
            "network",
            "networks",
            "reseau",
            "reseaux",
            "reseau social",
            "reseaux sociaux",
            "social network",
            "platform",
            "platforms",
            "plateforme",
            "plateformes",
            "channel",
            "channels",
            "canal",
            "canaux",
            "profile",
            "profil",
            "social profile",
            "account",
            "compte",
        ],
    ),
    (
        Field::Date,
        &[
            "date",
            "dates",
            "day",
            "jour",
            "publish date",
            "publishing date",
            "publication date",
            "date de publication",
            "date publication",
            "start date",
            "date de debut",
            "scheduled",
            "scheduled date",
            "scheduled at",
            "scheduled for",
            "publish at",
            "post date",
            "send date",
            "date et heure",
            "date heure",
            "date time",
            "datetime",
            "when",
            "quand",
        ],
    ),
    (
        Field::Time,
        &[
            "time",
            "heure",
            "hour",
            "publish time",
            "publication time",
            "heure de publication",
            "start time",
            "heure de debut",
            "time 24hr",
            "horaire",
        ],
    ),
    (
        Field::Title,
        &[
            "title",
            "titre",
            "hook",
            "subject",
            "objet",
            "accroche",
            "headline",
            "post title",
            "titre du post",
        ],
    ),
    (
        Field::Text,
        &[
            "text",
            "texte",
            "message",
            "post",
            "caption",
            "legende",
            "content",
            "contenu",
            "body",
            "corps",
            "message text",
            "post text",
            "texte du post",
            "copy",
            "description",
        ],
    ),
    (
        Field::Link,
        &["link", "links", "lien", "liens", "url", "link url"],
    ),
    (
        Field::Media,
        &[
            "media",
            "medias",
            "visuel",
            "visuels",
            "image",
            "images",
            "media notes",
            "media note",
            "notes media",
            "visual",
            "visuals",
            "asset",
            "assets",
        ],
    ),
    (
        Field::Pillar,
        &[
            "pillar",
            "pillars",
            "pilier",
            "piliers",
            "content pillar",
            "pilier de contenu",
        ],
    ),
    (
        Field::Topic,
        &["topic", "topics", "theme", "themes", "sujet", "sujets"],
    ),
    (Field::Status, &["status", "statut", "etat", "state"]),
    (
        Field::Campaign,
        &["campaign", "campaigns", "campagne", "campagnes"],
    ),
    (
        Field::Editorial,
        &[
            "editorial",
            "editorial item",
            "editorial items",
            "contenu editorial",
            "editorial content",
            "article",
        ],
    ),
    (
        Field::Objective,
        &[
            "objective",
            "objectives",
            "objectif",
            "objectifs",
            "goal",
            "social objective",
        ],
    ),
];

/// Words that, within a longer column name, say which field it is: the more specific fields first.
const KEYWORDS: &[(Field, &[&str])] = &[
    (Field::Editorial, &["editorial"]),
    (Field::Objective, &["objective", "objectif", "goal"]),
    (Field::Campaign, &["campaign", "campagne"]),
    (Field::Pillar, &["pillar", "pilier"]),
    (Field::Topic, &["topic", "theme", "sujet"]),
    (Field::Status, &["status", "statut"]),
    (Field::Media, &["media", "visuel", "image", "visual"]),
    (Field::Link, &["link", "lien", "url"]),
    (Field::Date, &["date", "jour", "day"]),
    (Field::Time, &["time", "heure", "hour"]),
    (
        Field::Network,
        &[
            "network",
            "reseau",
            "platform",
            "plateforme",
            "channel",
            "canal",
        ],
    ),
    (
        Field::Title,
        &["title", "titre", "hook", "accroche", "headline"],
    ),
    (
        Field::Text,
        &[
            "text", "texte", "caption", "legende", "message", "content", "contenu",
        ],
    ),
];

fn field_of_name(name: &str) -> Option<Field> {
    let name = fold(name);
    NAMES
        .iter()
        .find(|(_, names)| names.contains(&name.as_str()))
        .map(|(f, _)| *f)
}

fn field_of_words(name: &str) -> Option<Field> {
    let name = fold(name);
    let words: Vec<&str> = name.split(' ').collect();
    KEYWORDS
        .iter()
        .find(|(_, keys)| {
            words.iter().any(|w| {
                keys.iter()
                    .any(|k| w == k || w.strip_suffix('s') == Some(k))
            })
        })
        .map(|(f, _)| *f)
}

fn set(mapping: &mut ColumnMapping, field: Field, column: usize) -> bool {
    let slot = match field {
        Field::Network => &mut mapping.network,
        Field::Date => &mut mapping.date,
        Field::Time => &mut mapping.time,
        Field::Title => &mut mapping.title,
        Field::Text => &mut mapping.text,
        Field::Link => &mut mapping.link,
        Field::Media => &mut mapping.media_notes,
        Field::Pillar => &mut mapping.pillar,
        Field::Topic => &mut mapping.topic,
        Field::Status => &mut mapping.status,
        Field::Campaign => &mut mapping.campaign,
        Field::Editorial => &mut mapping.editorial_item,
        Field::Objective => &mut mapping.objective,
    };
    if slot.is_some() {
        return false;
    }
    *slot = u32::try_from(column).ok();
    slot.is_some()
}

fn empty_mapping(has_header: bool) -> ColumnMapping {
    ColumnMapping {
        has_header,
        network: None,
        default_network: None,
        date: None,
        time: None,
        date_order: DateOrder::DayFirst,
        title: None,
        text: None,
        link: None,
        media_notes: None,
        pillar: None,
        topic: None,
        status: None,
        campaign: None,
        editorial_item: None,
        objective: None,
    }
}

/// The first row is a header: its cells name known columns, or it has no dates or numbers while the next row has.
fn looks_like_header(rows: &[Row]) -> bool {
    let typed = |r: &Row| r.cells.iter().any(is_typed);
    let Some(first) = rows.first() else {
        return false;
    };
    if typed(first) {
        return false;
    }
    first.cells.iter().any(|c| field_of_name(c).is_some()) || rows.get(1).is_some_and(typed)
}

/// The mapping suggested by the column names.
fn suggest_from_names(mapping: &mut ColumnMapping, columns: &[String]) {
    let mut taken = vec![false; columns.len()];
    for (i, name) in columns.iter().enumerate() {
        if let Some(f) = field_of_name(name) {
            taken[i] = set(mapping, f, i);
        }
    }
    for (i, name) in columns.iter().enumerate() {
        if !taken[i] {
            if let Some(f) = field_of_words(name) {
                set(mapping, f, i);
            }
        }
    }
}

/// A test a column's every value must pass.
type CellTest<'a> = &'a dyn Fn(&str) -> bool;

/// The mapping suggested by the values of a file with no header: dates, times, networks, links, statuses and
/// pillars by what the cells hold, and the longest other column as the text.
fn suggest_from_values(mapping: &mut ColumnMapping, rows: &[Row], width: usize) {
    let catalogue = Networks::new(&crate::audit::catalogue());
    let values = |i: usize| {
        rows.iter()
            .take(SAMPLE_ROWS)
            .map(move |r| r.cell(i).trim())
            .filter(|c| !c.is_empty())
    };
    let mut used = vec![false; width];
    let every = |i: usize, f: &dyn Fn(&str) -> bool| values(i).next().is_some() && values(i).all(f);
    let kinds: [(Field, CellTest); 6] = [
        (Field::Date, &is_date),
        (Field::Time, &|c| parse_time(c).is_some()),
        (Field::Network, &|c| catalogue.find(c).is_some()),
        (Field::Link, &|c| {
            let c = c.to_lowercase();
            c.starts_with("http://") || c.starts_with("https://") || c.starts_with("www.")
        }),
        (Field::Status, &|c| parse_status(c).is_some()),
        (Field::Pillar, &|c| parse_pillar(c).is_some()),
    ];
    for (field, test) in kinds {
        if let Some(i) = (0..width).find(|&i| !used[i] && every(i, test)) {
            used[i] = set(mapping, field, i);
        }
    }
    let longest = (0..width)
        .filter(|&i| !used[i] && !values(i).all(is_typed))
        .map(|i| {
            let (sum, n) =
                values(i).fold((0usize, 0usize), |(s, n), c| (s + c.chars().count(), n + 1));
            (i, sum.checked_div(n).unwrap_or(0))
        })
        .filter(|(_, avg)| *avg > 0)
        .max_by_key(|(i, avg)| (*avg, std::cmp::Reverse(*i)));
    if let Some((i, _)) = longest {
        set(mapping, Field::Text, i);
    }
}

/// The order under which every date of the column parses: day first unless only month first does.
fn guess_order<'a>(values: impl Iterator<Item = &'a str>) -> DateOrder {
    let (mut day_first, mut month_first) = (true, true);
    for v in values.map(str::trim).filter(|v| !v.is_empty()) {
        day_first &= parse_date_cell(v, DateOrder::DayFirst).is_some();
        month_first &= parse_date_cell(v, DateOrder::MonthFirst).is_some();
        if !day_first {
            break;
        }
    }
    if !day_first && month_first {
        DateOrder::MonthFirst
    } else {
        DateOrder::DayFirst
    }
}

/// Looks at a CSV file: delimiter, header, columns, first rows, a suggested mapping.
pub fn csv_preview(file: &str, bytes: &[u8]) -> Result<CsvPreview> {
    let table = read_table(file, bytes)?;
    let has_header = looks_like_header(&table.rows);
    let (header, data) = if has_header {
        (table.rows.first(), &table.rows[1..])
    } else {
        (None, &table.rows[..])
    };
    if data.is_empty() {
        return Err(invalid(file, "the file has a header but no rows"));
    }
    let width = width(&table.rows);
    let columns = column_names(header, width);
    let mut mapping = empty_mapping(has_header);
    if has_header {
        suggest_from_names(&mut mapping, &columns);
    } else {
        suggest_from_values(&mut mapping, data, width);
    }
    if let Some(d) = mapping.date {
        mapping.date_order = guess_order(data.iter().map(|r| r.cell(d as usize)));
    }
    Ok(CsvPreview {
        file: file.to_owned(),
        delimiter: char::from(table.delimiter).to_string(),
        cinq: is_cinq_header(header),
        rows: data
            .iter()
            .take(PREVIEW_ROWS)
            .map(|r| (0..width).map(|i| r.cell(i).to_owned()).collect())
            .collect(),
        columns,
        total_rows: u32::try_from(data.len()).unwrap_or(u32::MAX),
        mapping,
    })
}

// ---------------------------------------------------------------------------------------------------------------
// The import.

fn expected(en: impl Into<String>, fr: impl Into<String>) -> Text {
    Text {
        en: en.into(),
        fr: fr.into(),
    }
}

fn at_most(n: usize) -> Text {
    expected(
        format!("a text of at most {n} characters"),
        format!("un texte de {n} caractères au plus"),
    )
}

/// A row checked and ready to write, with the names its links are found by.
struct Pending {
    input: PostInput,
    topic: String,
    objective: String,
    editorial: String,
}

/// The checks of the rows of one file.
struct RowChecker<'a> {
    mapping: &'a ColumnMapping,
    columns: &'a [String],
    networks: Networks,
    default_network: Option<String>,
    /// Cinq's own CSV: every cell loses one leading `'` (see [`crate::calendar_export::neutralise`]).
    cinq: bool,
    /// How many fields the header names (up to its last non-blank one): a row with fewer is cut short.
    header_fields: usize,
}

impl RowChecker<'_> {
    fn name(&self, column: Option<u32>, fallback: &str) -> String {
        column.map_or_else(
            || fallback.to_owned(),
            |c| {
                self.columns
                    .get(c as usize)
                    .cloned()
                    .unwrap_or_else(|| format!("Column {}", c + 1))
            },
        )
    }

    fn cell<'r>(&self, row: &'r Row, column: Option<u32>) -> &'r str {
        let Some(c) = column else { return "" };
        let raw = row.cell(c as usize);
        let raw = if self.cinq {
            unneutralise(raw)
        } else {
            // A spreadsheet cell made safe by an export (`'=…`) comes back as typed.
            match raw.strip_prefix('\'') {
                Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
                _ => raw,
            }
        };
        raw.trim()
    }

    fn check(&self, row: &Row, today: &str) -> std::result::Result<Pending, Vec<RowError>> {
        let m = self.mapping;
        let fields = row.cells.len();
        if fields < self.header_fields {
            return Err(vec![RowError {
                line: row.line,
                column: self.name(u32::try_from(fields).ok(), "network"),
                expected: expected(
                    format!(
                        "{}, as the header has: the row has {fields} (it is cut short)",
                        crate::words::count_en(self.header_fields, "field", "fields")
                    ),
                    format!(
                        "{}, comme l’en-tête : la ligne en a {fields} (elle est coupée)",
                        crate::words::count_fr(self.header_fields, "champ", "champs")
                    ),
                ),
            }]);
        }
        let mut errors = Vec::new();
        let mut err = |column: Option<u32>, fallback: &str, what: Text| {
            errors.push(RowError {
                line: row.line,
                column: self.name(column, fallback),
                expected: what,
            })
        };

        let network_cell = self.cell(row, m.network);
        let network = if network_cell.is_empty() {
            self.default_network.clone()
        } else {
            self.networks.find(network_cell).map(str::to_owned)
        };
        if network.is_none() {
            err(
                m.network,
                "network",
                if network_cell.is_empty() {
                    expected(
                        "a network (the cell is empty and no default network was chosen)",
                        "un réseau (la cellule est vide et aucun réseau par défaut n’a été choisi)",
                    )
                } else {
                    expected(
                        "a network of the strategy, such as LinkedIn or Instagram",
                        "un réseau de la stratégie, comme LinkedIn ou Instagram",
                    )
                },
            );
        }

        let date_cell = self.cell(row, m.date);
        let date = if date_cell.is_empty() {
            None
        } else {
            let parsed = parse_date_cell(date_cell, m.date_order);
            if parsed.is_none() {
                let example = match m.date_order {
                    DateOrder::DayFirst => "31/01/2027",
                    DateOrder::MonthFirst => "01/31/2027",
                };
                err(
                    m.date,
                    "date",
                    expected(
                        format!("a date like 2027-01-31 or {example}"),
                        format!("une date comme 2027-01-31 ou {example}"),
                    ),
                );
            }
            parsed
        };
        let time_cell = self.cell(row, m.time);
        let time = if time_cell.is_empty() {
            None
        } else {
            let parsed = parse_time(time_cell);
            if parsed.is_none() {
                err(
                    m.time,
                    "time",
                    expected(
                        "a time like 14:30, 14h30 or 2:30 PM",
                        "une heure comme 14:30, 14h30 ou 2:30 PM",
                    ),
                );
            }
            parsed
        };
        let scheduled_at = date.map(|(d, t)| {
            let t = time
                .or(t)
                .unwrap_or_else(|| NaiveTime::from_hms_opt(10, 0, 0).unwrap_or_default());
            format!("{}T{}", d.format("%Y-%m-%d"), t.format("%H:%M"))
        });

        let pillar_cell = self.cell(row, m.pillar);
        let pillar = if pillar_cell.is_empty() {
            None
        } else {
            let p = parse_pillar(pillar_cell);
            if p.is_none() {
                err(
                    m.pillar,
                    "pillar",
                    expected(
                        "promotion, curation, interaction or nothing",
                        "promotion, curation, interaction ou rien",
                    ),
                );
            }
            p
        };

        let status_cell = self.cell(row, m.status);
        let mut status = if status_cell.is_empty() {
            if scheduled_at.is_some() {
                PostStatus::Draft
            } else {
                PostStatus::Idea
            }
        } else {
            parse_status(status_cell).unwrap_or_else(|| {
                err(
                    m.status,
                    "status",
                    expected(
                        "idea, draft, ready, scheduled, published or nothing",
                        "idée, brouillon, prête, programmée, publiée ou rien",
                    ),
                );
                PostStatus::Draft
            })
        };
        // An idea (no date) can be ready at most.
        if scheduled_at.is_none() && status > PostStatus::Ready {
            status = PostStatus::Ready;
        }

        let (title, text) = (self.cell(row, m.title), self.cell(row, m.text));
        if title.is_empty() && text.is_empty() {
            err(
                m.text.or(m.title),
                "text",
                expected(
                    "a text or a title (both are empty)",
                    "un texte ou un titre (les deux sont vides)",
                ),
            );
        }

        let input = PostInput {
            network: network.unwrap_or_default(),
            scheduled_at,
            pillar,
            topic_id: None,
            title: title.to_owned(),
            text: text.to_owned(),
            link: self.cell(row, m.link).to_owned(),
            media_notes: self.cell(row, m.media_notes).to_owned(),
            status,
            editorial_item_id: None,
            objective_id: None,
            campaign: self.cell(row, m.campaign).to_owned(),
            planned: false,
            recycled_from: None,
        };
        if let Err(CoreError::Validation(fields)) = validate_post(&input) {
            for FieldError { field, max, .. } in fields {
                let column = match field.as_str() {
                    "title" => m.title,
                    "text" => m.text,
                    "link" => m.link,
                    "media_notes" => m.media_notes,
                    "campaign" => m.campaign,
                    // The date, the time and the status are checked above.
                    _ => continue,
                };
                let Some(max) = max else { continue };
                err(column, &field, at_most(max as usize));
            }
        }

        let (topic, objective, editorial) = (
            self.cell(row, m.topic),
            self.cell(row, m.objective),
            self.cell(row, m.editorial_item),
        );
        let topic_ok = topic.is_empty()
            || crate::objectives::validate_topic(&crate::objectives::TopicInput {
                pillar: Pillar::Promotion,
                name: topic.to_owned(),
                description: String::new(),
            })
            .is_ok();
        if !topic_ok {
            err(m.topic, "topic", at_most(80));
        }
        if objective.chars().count() > 200 {
            err(m.objective, "objective", at_most(200));
        }
        let editorial_ok = editorial.is_empty()
            || crate::calendar::validate_editorial(&crate::calendar::EditorialItemInput {
                item_type: crate::calendar::EditorialType::Other,
                date: today.to_owned(),
                title: editorial.to_owned(),
                theme: String::new(),
                owner: String::new(),
                status: crate::calendar::EditorialStatus::Planned,
                link: String::new(),
            })
            .is_ok();
        if !editorial_ok {
            err(m.editorial_item, "editorial_item", at_most(200));
        }

        if errors.is_empty() {
            Ok(Pending {
                input,
                topic: topic.to_owned(),
                objective: objective.to_owned(),
                editorial: editorial.to_owned(),
            })
        } else {
            Err(errors)
        }
    }
}

impl Store {
    /// Imports a CSV through `mapping`: every row is checked first; with a bad row, nothing is written unless
    /// `skip_invalid`; `dry_run` only checks. One transaction.
    pub fn import_calendar_mapped(
        &mut self,
        id: i64,
        file: &str,
        bytes: &[u8],
        mapping: &ColumnMapping,
        skip_invalid: bool,
        dry_run: bool,
    ) -> Result<MappedImportReport> {
        self.strategy(id)?;
        let table = read_table(file, bytes)?;
        let (header, data) = if mapping.has_header {
            (table.rows.first(), &table.rows[1..])
        } else {
            (None, &table.rows[..])
        };
        if data.is_empty() {
            return Err(invalid(file, "the file has a header but no rows"));
        }
        let columns = column_names(header, width(&table.rows));
        let all = crate::audit::networks_of(self.conn(), id)?;
        let networks = Networks::new(&all);
        let default_network = match mapping.default_network.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(n) => Some(
                all.iter()
                    .find(|x| x.key == n)
                    .map(|x| x.key.clone())
                    .or_else(|| networks.find(n).map(str::to_owned))
                    .ok_or_else(|| {
                        CoreError::Validation(vec![FieldError::new(
                            "default_network",
                            "unknown_network",
                        )])
                    })?,
            ),
        };
        let checker = RowChecker {
            mapping,
            columns: &columns,
            networks,
            default_network,
            cinq: is_cinq_header(header),
            header_fields: header.map_or(0, |h| width(std::slice::from_ref(h))),
        };
        let today = chrono::Utc::now().format("%Y-%m-%d").to_string();

        let mut pending = Vec::new();
        let mut errors = Vec::new();
        let (mut error_count, mut skipped) = (0usize, 0u32);
        for row in data {
            match checker.check(row, &today) {
                Ok(p) => pending.push(p),
                Err(e) => {
                    skipped += 1;
                    error_count += e.len();
                    let room = MAX_ERRORS.saturating_sub(errors.len());
                    errors.extend(e.into_iter().take(room));
                }
            }
        }
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let mut report = MappedImportReport {
            rows: count(data.len()),
            imported: 0,
            skipped: 0,
            errors,
            error_count: count(error_count),
            written: false,
            created_topics: 0,
            created_objectives: 0,
            created_editorial: 0,
        };
        if error_count > 0 && !skip_invalid {
            // A dry run still says how many rows are good and bad (the mapping screen shows both).
            if dry_run {
                report.imported = count(pending.len());
                report.skipped = skipped;
            }
            return Ok(report);
        }
        report.imported = count(pending.len());
        report.skipped = skipped;

        let links = if dry_run || pending.is_empty() {
            let mut links = NamedLinks::load(self.conn(), id)?;
            for p in &pending {
                links.topic(None, id, &p.topic, p.input.pillar)?;
                links.objective(None, id, &p.objective)?;
                links.editorial(None, id, &p.editorial, p.input.scheduled_at.as_deref())?;
            }
            links
        } else {
            let copy = self.copy_before_import()?;
            let links = self.bulk(|store| {
                store.write(|tx| {
                    touch(tx, id)?;
                    let mut links = NamedLinks::load(tx, id)?;
                    for mut p in pending {
                        p.input.topic_id = links.topic(Some(tx), id, &p.topic, p.input.pillar)?;
                        p.input.objective_id = links.objective(Some(tx), id, &p.objective)?;
                        p.input.editorial_item_id = links.editorial(
                            Some(tx),
                            id,
                            &p.editorial,
                            p.input.scheduled_at.as_deref(),
                        )?;
                        insert_post(tx, id, &p.input)?;
                    }
                    copy.wait()?;
                    Ok(links)
                })
            })?;
            report.written = true;
            links
        };
        report.created_topics = links.created_topics;
        report.created_objectives = links.created_objectives;
        report.created_editorial = links.created_editorial;
        Ok(report)
    }
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
