//! Step 5's import of the files the networks export: X (the post export and the older tweet activity export), Meta
//! Business Suite (Facebook posts, Instagram posts) and LinkedIn (the page-posts workbook, `.xlsx`). Each file is
//! recognised by its column names, never by its file name, and matched to the planned posts.
//!
//! The rules, in one place:
//! - **Reading**: CSV files as the calendar's import reads them (UTF-8 with or without a BOM, UTF-16 with its BOM,
//!   Windows-1252, Excel's `sep=` first line, `,` `;` or tab). Workbooks with `calamine`: the sheet whose name says
//!   posts (LinkedIn's "All posts" after its "Metrics"), else the first; an Excel date of a whole day is a date alone,
//!   and a damaged workbook is an invalid file (calamine's panics are caught). The header is
//!   the first of the first 12 rows whose names tell a known export; rows above it (LinkedIn's title row) are skipped.
//!   Columns are read by name (English and French names); unknown columns are ignored, missing measures stay unknown.
//! - **Cells**: a count is a whole number (`1,234`, `1 234`, `12.0` accepted), empty or `-` when unknown. A date is
//!   required: X's `Tue, Jul 14, 2026`, the activity export's `2026-07-14 09:30 +0000` (converted to the strategy's
//!   time zone), Meta's and LinkedIn's `07/14/2026 09:30` (month first unless only day first reads every row), or
//!   an Excel date. A bad cell rejects its row with its line, its column and what was expected there.
//! - **Matching** a row to a post, in this order: the network's post id, then the permalink (both known from an
//!   earlier import or a link made by hand); then among the planned posts of the same network with no network id
//!   yet, those published within 24 hours of the row (within a day either way when the file gives no time), the one
//!   whose words overlap most with the row's text (overlap coefficient on words of 3 letters or more, at least 0.5,
//!   and at least 2 words in common unless a text has fewer), the nearest in time on a tie. With no text on either
//!   side, the only candidate within an hour. A post matched once is not matched again in the same file.
//! - A row matching no post becomes an **unplanned** post (published, on its date, at noon when the file gives no
//!   time, its title the text's first line), listed for the user to link or keep.
//! - **Publication time**: a row's time, when the file gives one, is kept on the post's publication (`published_at`),
//!   planned or not; the best times learn from it (best_times.rs). A file with the date alone keeps the time stored.
//! - **Counts**: `matched` rows found a planned post with no imported results yet; `updated` rows changed the
//!   results of a post that had some (or of an unplanned post); `unchanged` rows brought the numbers already there;
//!   `unplanned` rows made new unplanned posts; `rejected` rows were bad.
//! - **Any other CSV** goes through a column mapping (`results_csv_preview` suggests one from English and French column
//!   names; `Store::import_results_mapped` reads it): each row names its network (its key or name, or a common other
//!   name such as "Twitter"), or takes the mapping's default network, and is then matched like a known export's row.
//! - **All or nothing**: one transaction. While a row is bad nothing is written unless "skip the rows with errors" is
//!   asked; a dry run, a cancel or a failure writes nothing.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::adapt::results::{
    mark_published, write_publication_of, write_publication_with, write_snapshot_with, Measures,
    Publication, ResultSource,
};
use crate::calendar::{self, PostInput, PostStatus, MAX_POST_CHARS};
use crate::error::{CoreError, Result};
use crate::findings::Text;
use crate::io::csv::{self as import, fold, parse_date_cell, DateOrder, Lines, RowError};
use crate::network::ContentFormat;
use crate::store::Store;

/// The exports Cinq recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportKind {
    /// X's post export (`Post id, Date, Post text, Post Link, Impressions…`).
    XPosts,
    /// X's older per-tweet activity export (`Tweet id, Tweet permalink, Tweet text, time…`).
    XTweets,
    FacebookPosts,
    InstagramPosts,
    /// LinkedIn's page-posts export.
    LinkedinPosts,
    /// Any other CSV, read through a column mapping.
    Mapped,
}

impl ExportKind {
    /// The network of a known export's rows (a mapped file names its rows' networks itself: empty).
    pub fn network(self) -> &'static str {
        match self {
            ExportKind::XPosts | ExportKind::XTweets => "x",
            ExportKind::FacebookPosts => "facebook",
            ExportKind::InstagramPosts => "instagram",
            ExportKind::LinkedinPosts => "linkedin",
            ExportKind::Mapped => "",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ExportKind::XPosts => "X post export",
            ExportKind::XTweets => "X tweet activity export",
            ExportKind::FacebookPosts => "Meta Business Suite export of Facebook posts",
            ExportKind::InstagramPosts => "Meta Business Suite export of Instagram posts",
            ExportKind::LinkedinPosts => "LinkedIn page-posts export",
            ExportKind::Mapped => "CSV read through a column mapping",
        }
    }
}

/// One row of an export, read.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRow {
    pub line: u64,
    pub external_id: String,
    pub permalink: String,
    pub text: String,
    /// Local wall time in the strategy's time zone.
    pub published: NaiveDateTime,
    /// False when the file gives the date alone.
    pub has_time: bool,
    pub format: Option<ContentFormat>,
    pub measures: Measures,
}

/// A file read: its kind, its good rows and its bad rows' errors.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    pub kind: ExportKind,
    pub rows: Vec<ExportRow>,
    pub errors: Vec<RowError>,
    pub error_count: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ResultsImportOptions {
    /// Imports the good rows even though some are bad.
    pub skip_invalid: bool,
    /// Computes the report and writes nothing.
    pub dry_run: bool,
    /// The day the numbers are from (`YYYY-MM-DD`); today in the strategy's time zone when none.
    pub taken_on: Option<String>,
}

/// What an import did, or would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ResultsImportReport {
    /// The file's name.
    pub file: String,
    pub kind: ExportKind,
    pub network: String,
    /// The data rows of the file.
    pub rows: u32,
    pub matched: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub unplanned: u32,
    pub rejected: u32,
    /// The bad rows' errors, the first 200 of them.
    pub errors: Vec<RowError>,
    pub error_count: u32,
    /// Whether anything was written.
    pub written: bool,
    pub taken_on: String,
}

const MAX_ERRORS: usize = 200;
const HEADER_SEARCH_ROWS: usize = 12;
/// How often (in rows) the import reports its progress and may be cancelled.
pub const PROGRESS_EVERY: usize = 2000;

// ---------------------------------------------------------------------------------------------------------------
// The columns of each export.

/// A field's column names (folded), in order of preference; `a+b` sums two columns.
struct Spec {
    kind: ExportKind,
    id: &'static [&'static str],
    permalink: &'static [&'static str],
    text: &'static [&'static str],
    date: &'static [&'static str],
    format: &'static [&'static str],
    /// In the order of [`Measures::values`].
    measures: [&'static [&'static str]; 10],
    /// Dates are month first unless only day first reads every row.
    month_first: bool,
}

const NONE: &[&str] = &[];

const X_POSTS: Spec = Spec {
    kind: ExportKind::XPosts,
    id: &["post id"],
    permalink: &["post link"],
    text: &["post text"],
    date: &["date"],
    format: NONE,
    measures: [
        &["impressions"],
        NONE,
        &["likes"],
        &["replies"],
        &["reposts+shares", "shares"],
        &["bookmarks"],
        &["url clicks", "link clicks"],
        &["video views", "media views"],
        &["new follows", "follows"],
        NONE,
    ],
    month_first: true,
};

const X_TWEETS: Spec = Spec {
    kind: ExportKind::XTweets,
    id: &["tweet id"],
    permalink: &["tweet permalink"],
    text: &["tweet text"],
    date: &["time"],
    format: NONE,
    measures: [
        &["impressions"],
        NONE,
        &["likes"],
        &["replies"],
        &["retweets"],
        NONE,
        &["url clicks"],
        &["media views"],
        &["follows"],
        NONE,
    ],
    month_first: true,
};

const META_ID: &[&str] = &["post id", "identifiant de la publication"];
const META_LINK: &[&str] = &["permalink", "permalien", "lien permanent"];
const META_TEXT: &[&str] = &["description", "title", "titre"];
const META_DATE: &[&str] = &[
    "publish time",
    "heure de publication",
    "date de publication",
];
const META_FORMAT: &[&str] = &["post type", "type de publication"];

const FACEBOOK: Spec = Spec {
    kind: ExportKind::FacebookPosts,
    id: META_ID,
    permalink: META_LINK,
    text: META_TEXT,
    date: META_DATE,
    format: META_FORMAT,
    measures: [
        &["impressions", "views", "vues"],
        &["reach", "couverture"],
        &["reactions"],
        &["comments", "commentaires"],
        &["shares", "partages"],
        NONE,
        &[
            "link clicks",
            "clics sur un lien",
            "total clicks",
            "clics au total",
        ],
        &[
            "3 second video views",
            "video views",
            "vues de 3 secondes de la video",
        ],
        &["follows", "new follows", "abonnements"],
        NONE,
    ],
    month_first: true,
};

const INSTAGRAM: Spec = Spec {
    kind: ExportKind::InstagramPosts,
    id: META_ID,
    permalink: META_LINK,
    text: META_TEXT,
    date: META_DATE,
    format: META_FORMAT,
    measures: [
        &["impressions", "views", "vues"],
        &["reach", "couverture"],
        &["likes", "j aime"],
        &["comments", "commentaires"],
        &["shares", "partages"],
        &["saves", "enregistrements"],
        &["link clicks", "clics sur un lien"],
        &["plays", "lectures", "video views"],
        &["follows", "abonnements"],
        NONE,
    ],
    month_first: true,
};

const LINKEDIN: Spec = Spec {
    kind: ExportKind::LinkedinPosts,
    id: NONE,
    permalink: &["post link", "lien du post"],
    text: &["post title", "titre du post"],
    date: &["created date", "date de creation"],
    format: &[
        "post type",
        "content type",
        "type de post",
        "type de contenu",
    ],
    measures: [
        &["impressions"],
        NONE,
        &["likes", "reactions"],
        &["comments", "commentaires"],
        &["reposts", "republications", "shares"],
        NONE,
        &["clicks", "clics"],
        &["views excluding off site video views", "views", "vues"],
        &["follows", "abonnements"],
        NONE,
    ],
    month_first: true,
};

/// The export a header tells, if any.
fn recognise(names: &HashSet<&str>) -> Option<&'static Spec> {
    let has = |n: &str| names.contains(n);
    if has("tweet id") && has("tweet text") {
        return Some(&X_TWEETS);
    }
    if has("post id") && has("post text") {
        return Some(&X_POSTS);
    }
    if META_DATE.iter().any(|n| has(n)) && META_ID.iter().any(|n| has(n)) {
        let instagram = [
            "account id",
            "account username",
            "identifiant du compte",
            "nom d utilisateur du compte",
        ];
        return Some(if instagram.iter().any(|n| has(n)) {
            &INSTAGRAM
        } else {
            &FACEBOOK
        });
    }
    if (has("post link") || has("lien du post"))
        && (has("created date") || has("date de creation") || has("post title"))
    {
        return Some(&LINKEDIN);
    }
    None
}

// ---------------------------------------------------------------------------------------------------------------
// Reading cells.

/// A count: `1234`, `1,234`, `1 234`, `1.234` (thousands), `12.0`; `Ok(None)` for an empty cell or a dash.
fn parse_count(s: &str) -> std::result::Result<Option<u64>, ()> {
    // Most cells are plain digits: no copy for them.
    if !s.is_empty() && s.len() < 20 && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().map(Some).map_err(|_| ());
    }
    let s: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\'' | '’'))
        .collect();
    if s.is_empty() || s == "-" || s == "--" || s.eq_ignore_ascii_case("n/a") {
        return Ok(None);
    }
    if !s
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return Err(());
    }
    // Separators followed by exactly three digits group thousands; a last one followed by other than three digits
    // is a decimal point.
    let parts: Vec<&str> = s.split(['.', ',']).collect();
    let (whole, fraction) = match parts.as_slice() {
        [one] => (one.to_string(), ""),
        [head @ .., last] if last.len() == 3 && head.iter().skip(1).all(|p| p.len() == 3) => {
            (format!("{}{last}", head.concat()), "")
        }
        [head @ .., last] if head.iter().skip(1).all(|p| p.len() == 3) => (head.concat(), *last),
        _ => return Err(()),
    };
    if whole.is_empty() {
        return Err(());
    }
    let n: u64 = whole.parse().map_err(|_| ())?;
    let round_up = fraction.as_bytes().first().is_some_and(|b| *b >= b'5');
    Ok(Some(n.saturating_add(u64::from(round_up))))
}

fn parse_format(s: &str) -> Option<ContentFormat> {
    let f = fold(s);
    let has = |w: &str| f.contains(w);
    Some(if has("reel") || has("short") {
        ContentFormat::ShortVideo
    } else if has("carousel") || has("carrousel") || has("album") {
        ContentFormat::Carousel
    } else if has("live") || has("direct") {
        ContentFormat::Live
    } else if has("story") || has("stories") {
        ContentFormat::Story
    } else if has("video") {
        ContentFormat::Video
    } else if has("photo") || has("image") {
        ContentFormat::Photo
    } else if has("link") || has("lien") || has("article") {
        ContentFormat::Link
    } else if has("status") || has("statut") || has("text") || has("texte") {
        ContentFormat::Text
    } else {
        return None;
    })
}

/// `Jul 14, 2026`, the shape of every date in X's post export, read without chrono's format parser (ten times
/// slower, and a file has 100,000 of them); anything else is left to chrono.
fn month_day_year(s: &str) -> Option<NaiveDate> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let (month, rest) = s.split_once(' ')?;
    let (day, year) = rest.split_once(", ")?;
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(day, 1..=2) || !digits(year, 4..=4) {
        return None;
    }
    let month = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(month))? as u32 + 1;
    NaiveDate::from_ymd_opt(year.parse().ok()?, month, day.parse().ok()?)
}

/// A date cell of `spec`'s export, as local wall time in `tz`, and whether it had a time.
fn parse_published(s: &str, order: DateOrder, tz: chrono_tz::Tz) -> Option<(NaiveDateTime, bool)> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    // X: `Tue, Jul 14, 2026` (the weekday is not checked: files are edited by hand).
    let no_weekday = s.split_once(", ").map_or(s, |(head, tail)| {
        if head.len() == 3 && head.bytes().all(|b| b.is_ascii_alphabetic()) {
            tail
        } else {
            s
        }
    });
    // chrono's `%Y` reads any year (`+262142`, `-5`): a year out of the range Cinq stores (see `dates`) is a typo,
    // and converting or matching it would overflow.
    let plausible = |d: NaiveDate| crate::dates::year_in_range(d.year());
    if let Some(d) = month_day_year(no_weekday) {
        return plausible(d).then(|| (d.and_time(NaiveTime::MIN), false));
    }
    if let Ok(d) = NaiveDate::parse_from_str(no_weekday, "%b %d, %Y") {
        return plausible(d).then(|| (d.and_time(NaiveTime::MIN), false));
    }
    // The activity export: `2026-07-14 09:30 +0000`.
    for f in ["%Y-%m-%d %H:%M %z", "%Y-%m-%d %H:%M:%S %z"] {
        if let Ok(t) = DateTime::parse_from_str(s, f) {
            return plausible(t.naive_utc().date())
                .then(|| (t.with_timezone(&tz).naive_local(), true));
        }
    }
    let (date, time) = parse_date_cell(s, order)?;
    // The conversion to the strategy's zone above may cross a year's end: the stored day is checked again.
    plausible(date).then_some(())?;
    Some((
        date.and_time(time.unwrap_or(NaiveTime::MIN)),
        time.is_some(),
    ))
}

/// The date order of a column: month first unless only day first reads every value (or the other way round).
fn column_order(values: &[&str], month_first: bool) -> DateOrder {
    let (first, other) = if month_first {
        (DateOrder::MonthFirst, DateOrder::DayFirst)
    } else {
        (DateOrder::DayFirst, DateOrder::MonthFirst)
    };
    let reads = |o| {
        values
            .iter()
            .map(|v| v.trim())
            .filter(|v| !v.is_empty() && v.as_bytes()[0].is_ascii_digit() && !v.contains('+'))
            .all(|v| parse_date_cell(v, o).is_some())
    };
    if !reads(first) && reads(other) {
        other
    } else {
        first
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the file.

/// A raw sheet: each row's line number (1-based) and cells.
struct Sheet {
    /// A record is one allocation for all its cells (a file of 100,000 rows has more than a million cells).
    rows: Vec<(u64, csv::StringRecord)>,
    /// Every row holds all its fields (a CSV file), so that a row with fewer than its header is cut short (a
    /// workbook's rows leave their empty cells out).
    fields: bool,
}

fn invalid(file: &str, what: &str) -> CoreError {
    CoreError::InvalidFile(format!("{file}: {what}"))
}

fn read_csv(file: &str, bytes: &[u8]) -> Result<Sheet> {
    let text = import::decode(file, bytes)?;
    let (delimiter, body, offset) = import::layout(&text);
    let mut lines = Lines::new(body, offset);
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut reader = import::reader(body, delimiter);
    let mut caps = crate::io::read::TableCaps::new(file);
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                if record.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                let line = lines.line(record.position());
                caps.row(line, record.len(), record.iter().map(str::len))?;
                rows.push((line, record.clone()));
            }
            Err(e) => {
                let line = lines.line(e.position());
                return Err(crate::io::read::csv_error(file, line, &e));
            }
        }
    }
    Ok(Sheet { rows, fields: true })
}

fn read_xlsx(file: &str, bytes: &[u8]) -> Result<Sheet> {
    Ok(Sheet {
        rows: crate::io::xlsx::read_rows(file, bytes)?,
        fields: false,
    })
}

fn expected(en: impl Into<String>, fr: impl Into<String>) -> Text {
    Text {
        en: en.into(),
        fr: fr.into(),
    }
}

/// Where each field of `spec` is in a header.
struct Columns {
    id: Option<usize>,
    permalink: Option<usize>,
    text: Option<usize>,
    date: usize,
    /// Every format column found, in order of preference: the first whose cell tells a format gives it (LinkedIn's
    /// "Post type" says Organic or Sponsored, its "Content Type" the format).
    format: Vec<usize>,
    /// For each measure, the columns summed.
    measures: [Vec<usize>; 10],
}

fn columns(spec: &Spec, header: &csv::StringRecord) -> Option<Columns> {
    let mut at: HashMap<String, usize> = HashMap::new();
    for (i, name) in header.iter().enumerate() {
        at.entry(fold(name)).or_insert(i);
    }
    let find = |names: &[&str]| names.iter().find_map(|n| at.get(*n).copied());
    let measures = spec.measures.map(|alternatives| {
        alternatives
            .iter()
            .find_map(|alt| {
                let mut parts = alt.split('+');
                let first = at.get(parts.next()?)?;
                Some(
                    std::iter::once(*first)
                        .chain(parts.filter_map(|p| at.get(p).copied()))
                        .collect::<Vec<usize>>(),
                )
            })
            .unwrap_or_default()
    });
    Some(Columns {
        id: find(spec.id),
        permalink: find(spec.permalink),
        text: find(spec.text),
        date: find(spec.date)?,
        format: spec
            .format
            .iter()
            .filter_map(|n| at.get(*n).copied())
            .collect(),
        measures,
    })
}

/// An export whose header is recognised, ready to read row by row.
pub struct OpenedExport {
    sheet: Sheet,
    header_at: usize,
    spec: &'static Spec,
    cols: Columns,
    order: DateOrder,
    tz: chrono_tz::Tz,
}

/// Reads a network's file and recognises it by its columns.
pub fn open_export(file: &str, bytes: &[u8], tz: chrono_tz::Tz) -> Result<OpenedExport> {
    let sheet = if bytes.starts_with(b"PK\x03\x04") {
        read_xlsx(file, bytes)?
    } else {
        read_csv(file, bytes)?
    };
    let found = sheet
        .rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .find_map(|(i, (_, cells))| {
            let folded: Vec<String> = cells.iter().map(fold).collect();
            let names: HashSet<&str> = folded.iter().map(String::as_str).collect();
            recognise(&names).map(|spec| (i, spec))
        });
    let Some((header_at, spec)) = found else {
        let first = sheet
            .rows
            .first()
            .map(|(_, c)| crate::error::quote(&c.iter().take(8).collect::<Vec<_>>().join(", ")))
            .unwrap_or_default();
        return Err(invalid(
            file,
            &format!(
                "this is not an export Cinq recognises: expected the columns of X's post export (Post id, Date, \
                 Post text…), X's tweet activity export (Tweet id, Tweet text, time…), a Meta Business Suite post \
                 export (Post ID, Publish time…) or LinkedIn's page-posts export (Post link, Created date…); the \
                 file starts with: {first}. Any other CSV can be imported with a column mapping"
            ),
        ));
    };
    let cols = columns(spec, &sheet.rows[header_at].1).ok_or_else(|| {
        invalid(
            file,
            &format!(
                "this looks like the {} but its date column ({}) is missing",
                spec.kind.label(),
                spec.date.join(", ")
            ),
        )
    })?;
    if sheet.rows.len() == header_at + 1 {
        return Err(invalid(
            file,
            "the file has a header but no rows: nothing was imported",
        ));
    }
    let dates: Vec<&str> = sheet.rows[header_at + 1..]
        .iter()
        .map(|(_, r)| r.get(cols.date).unwrap_or(""))
        .collect();
    let order = column_order(&dates, spec.month_first);
    Ok(OpenedExport {
        sheet,
        header_at,
        spec,
        cols,
        order,
        tz,
    })
}

impl OpenedExport {
    pub fn kind(&self) -> ExportKind {
        self.spec.kind
    }

    /// How many data rows the file has.
    pub fn len(&self) -> usize {
        self.sheet.rows.len() - self.header_at - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Each data row, read, or its errors.
    pub fn rows(&self) -> impl Iterator<Item = std::result::Result<ExportRow, Vec<RowError>>> + '_ {
        self.sheet.rows[self.header_at + 1..]
            .iter()
            .map(move |(line, cells)| self.row(*line, cells))
    }

    fn row(
        &self,
        line: u64,
        cells: &csv::StringRecord,
    ) -> std::result::Result<ExportRow, Vec<RowError>> {
        let cols = &self.cols;
        let header = &self.sheet.rows[self.header_at].1;
        let column_name = |i: usize| crate::io::read::clip(header.get(i).unwrap_or_default());
        let cell = |i: Option<usize>| i.and_then(|i| cells.get(i)).unwrap_or("");
        if let Some(e) = short_row(self.sheet.fields, line, header, cells) {
            return Err(vec![e]);
        }
        let mut row_errors: Vec<RowError> = Vec::new();
        let published = parse_published(cell(Some(cols.date)), self.order, self.tz);
        if published.is_none() {
            row_errors.push(RowError {
                line,
                column: column_name(cols.date),
                expected: expected(
                    "a publication date, like 07/14/2026 09:30 or Tue, Jul 14, 2026",
                    "une date de publication, comme 14/07/2026 09:30 ou Tue, Jul 14, 2026",
                ),
            });
        }
        let mut values = [None; 10];
        for (m, sources) in cols.measures.iter().enumerate() {
            for &c in sources {
                match parse_count(cell(Some(c))) {
                    Ok(Some(n)) => values[m] = Some(values[m].unwrap_or(0u64).saturating_add(n)),
                    Ok(None) => {}
                    Err(()) => row_errors.push(not_a_count(line, column_name(c), cell(Some(c)))),
                }
            }
        }
        let Some((published, has_time)) = published.filter(|_| row_errors.is_empty()) else {
            return Err(row_errors);
        };
        Ok(ExportRow {
            line,
            external_id: cell(cols.id).trim().to_owned(),
            permalink: cell(cols.permalink).trim().to_owned(),
            text: cell(cols.text).trim().to_owned(),
            published,
            has_time,
            format: cols
                .format
                .iter()
                .find_map(|c| parse_format(cell(Some(*c)))),
            measures: Measures::from_values(values),
        })
    }
}

/// The error of a row cut short: fewer fields than its header names (a CSV file's row; blank trailing header cells
/// do not count).
fn short_row(
    fields: bool,
    line: u64,
    header: &csv::StringRecord,
    cells: &csv::StringRecord,
) -> Option<RowError> {
    let named = (0..header.len()).rfind(|&i| !header[i].trim().is_empty())? + 1;
    (fields && cells.len() < named).then(|| RowError {
        line,
        column: crate::io::read::clip(header.get(cells.len()).unwrap_or_default()),
        expected: expected(
            format!(
                "{}, as the header has: the row has {} (it is cut short)",
                crate::words::count_en(named, "field", "fields"),
                cells.len()
            ),
            format!(
                "{}, comme l’en-tête : la ligne en a {} (elle est coupée)",
                crate::words::count_fr(named, "champ", "champs"),
                cells.len()
            ),
        ),
    })
}

/// The error of a cell that should hold a count.
fn not_a_count(line: u64, column: String, value: &str) -> RowError {
    RowError {
        line,
        column,
        expected: expected(
            format!("a whole number, not {}", crate::error::quote(value)),
            format!("un nombre entier, et non {}", crate::error::quote(value)),
        ),
    }
}

/// Keeps a bad row's errors (the first [`MAX_ERRORS`] of the file) and counts the row.
fn keep_errors(errors: &mut Vec<RowError>, count: &mut u32, row_errors: Vec<RowError>) {
    *count += 1;
    for e in row_errors {
        if errors.len() < MAX_ERRORS {
            errors.push(e);
        }
    }
}

/// Reads a network's export: recognises it by its columns and reads every row.
pub fn read_export(file: &str, bytes: &[u8], tz: chrono_tz::Tz) -> Result<Export> {
    let opened = open_export(file, bytes, tz)?;
    let mut rows = Vec::with_capacity(opened.len());
    let mut errors = Vec::new();
    let mut error_count = 0u32;
    for row in opened.rows() {
        match row {
            Ok(r) => rows.push(r),
            Err(e) => keep_errors(&mut errors, &mut error_count, e),
        }
    }
    Ok(Export {
        kind: opened.kind(),
        rows,
        errors,
        error_count,
    })
}

// ---------------------------------------------------------------------------------------------------------------
// Any other CSV, through a column mapping.

/// The columns (0-based) of each measure in a mapped CSV.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MeasureColumns {
    pub impressions: Option<u32>,
    pub reach: Option<u32>,
    pub reactions: Option<u32>,
    pub comments: Option<u32>,
    pub shares: Option<u32>,
    pub saves: Option<u32>,
    pub clicks: Option<u32>,
    pub video_views: Option<u32>,
    pub follows: Option<u32>,
    pub leads: Option<u32>,
}

impl MeasureColumns {
    fn values(&self) -> [Option<u32>; 10] {
        [
            self.impressions,
            self.reach,
            self.reactions,
            self.comments,
            self.shares,
            self.saves,
            self.clicks,
            self.video_views,
            self.follows,
            self.leads,
        ]
    }

    fn set(&mut self, i: usize, c: u32) {
        let slot = match i {
            0 => &mut self.impressions,
            1 => &mut self.reach,
            2 => &mut self.reactions,
            3 => &mut self.comments,
            4 => &mut self.shares,
            5 => &mut self.saves,
            6 => &mut self.clicks,
            7 => &mut self.video_views,
            8 => &mut self.follows,
            _ => &mut self.leads,
        };
        slot.get_or_insert(c);
    }
}

/// Which column (0-based) holds each field of a results row, for a CSV that is not a known export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ResultsMapping {
    pub has_header: bool,
    pub network: Option<u32>,
    /// The network of the rows whose network cell is empty (or of every row, with no network column).
    pub default_network: Option<String>,
    /// The publication date, or date and time in one cell. Required.
    pub date: Option<u32>,
    pub date_order: DateOrder,
    pub external_id: Option<u32>,
    pub permalink: Option<u32>,
    pub text: Option<u32>,
    pub format: Option<u32>,
    pub measures: MeasureColumns,
}

/// What picking a file for a results import gives: a known export's dry run, or the preview of another CSV to map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ResultsPicked {
    pub report: Option<ResultsImportReport>,
    pub preview: Option<ResultsCsvPreview>,
}

/// A first look at a CSV that is not a known export, for the mapping screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ResultsCsvPreview {
    pub file: String,
    /// The column names (from the header, or "Column 1", "Column 2"… when there is none).
    pub columns: Vec<String>,
    /// The first data rows (at most 20).
    pub rows: Vec<Vec<String>>,
    pub total_rows: u32,
    /// The mapping suggested from the column names (English and French).
    pub mapping: ResultsMapping,
}

/// The column names each field is suggested from (folded), beyond the known exports' own.
const NETWORK_NAMES: &[&str] = &[
    "network",
    "reseau",
    "reseau social",
    "platform",
    "plateforme",
    "channel",
    "canal",
    "support",
];
const DATE_NAMES: &[&str] = &[
    "date",
    "published",
    "publication date",
    "date de publication",
    "publish date",
    "posted",
    "publie le",
];
const ID_NAMES: &[&str] = &["id", "identifiant", "post id"];
const LINK_NAMES: &[&str] = &["permalink", "link", "url", "lien", "post link", "post url"];
const TEXT_NAMES: &[&str] = &[
    "text",
    "texte",
    "message",
    "post text",
    "caption",
    "legende",
    "title",
    "titre",
    "description",
];
const FORMAT_NAMES: &[&str] = &[
    "format",
    "post type",
    "type",
    "content type",
    "type de publication",
];
const MEASURE_NAMES: [&[&str]; 10] = [
    &["impressions", "vues", "views"],
    &["reach", "portee", "couverture"],
    &["likes", "reactions", "j aime", "mentions j aime"],
    &["comments", "commentaires", "replies", "reponses"],
    &["shares", "partages", "reposts", "retweets"],
    &["saves", "enregistrements", "bookmarks"],
    &[
        "clicks",
        "clics",
        "link clicks",
        "url clicks",
        "clics sur un lien",
    ],
    &["video views", "plays", "lectures", "vues de videos"],
    &["follows", "new follows", "abonnements", "nouveaux abonnes"],
    &["leads", "conversions", "prospects", "inscriptions"],
];

fn suggest(columns: &[String]) -> ResultsMapping {
    let folded: Vec<String> = columns.iter().map(|c| fold(c)).collect();
    let specs = [&X_POSTS, &X_TWEETS, &FACEBOOK, &INSTAGRAM, &LINKEDIN];
    let find = |own: &[&str], of: fn(&Spec) -> &'static [&'static str]| -> Option<u32> {
        let names: Vec<&str> = own
            .iter()
            .copied()
            .chain(specs.iter().flat_map(|s| of(s).iter().copied()))
            .collect();
        names
            .iter()
            .find_map(|n| folded.iter().position(|f| f == n))
            .and_then(|i| u32::try_from(i).ok())
    };
    let mut measures = MeasureColumns::default();
    for (m, own) in MEASURE_NAMES.iter().enumerate() {
        let names = own.iter().copied().chain(specs.iter().flat_map(|s| {
            s.measures[m]
                .iter()
                .map(|a| a.split('+').next().unwrap_or(a))
        }));
        for n in names {
            if let Some(i) = folded.iter().position(|f| f == n) {
                measures.set(m, u32::try_from(i).unwrap_or(0));
                break;
            }
        }
    }
    ResultsMapping {
        has_header: true,
        network: find(NETWORK_NAMES, |_| &[]),
        default_network: None,
        date: find(DATE_NAMES, |s| s.date),
        date_order: DateOrder::DayFirst,
        external_id: find(ID_NAMES, |s| s.id),
        permalink: find(LINK_NAMES, |s| s.permalink),
        text: find(TEXT_NAMES, |s| s.text),
        format: find(FORMAT_NAMES, |s| s.format),
        measures,
    }
}

/// Looks at a CSV that is not a known export: its columns, first rows and a suggested mapping.
pub fn results_csv_preview(file: &str, bytes: &[u8]) -> Result<ResultsCsvPreview> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(invalid(
            file,
            "this workbook is not an export Cinq recognises: save it as CSV to map its columns",
        ));
    }
    let sheet = read_csv(file, bytes)?;
    let Some((_, first)) = sheet.rows.first() else {
        return Err(invalid(file, "the file has no rows"));
    };
    let width = sheet
        .rows
        .iter()
        .take(200)
        .map(|(_, r)| r.len())
        .max()
        .unwrap_or(0);
    // A first row with no count and no date in it names the columns.
    let has_header = !first
        .iter()
        .any(|c| matches!(parse_count(c), Ok(Some(_))) || is_day(c));
    let columns: Vec<String> = (0..width)
        .map(|i| match first.get(i).filter(|_| has_header) {
            Some(name) if !name.trim().is_empty() => crate::io::read::clip(name.trim()),
            _ => format!("Column {}", i + 1),
        })
        .collect();
    let data = &sheet.rows[usize::from(has_header)..];
    if data.is_empty() {
        return Err(invalid(
            file,
            "the file has a header but no rows: nothing was imported",
        ));
    }
    let mut mapping = if has_header {
        suggest(&columns)
    } else {
        suggest(&[])
    };
    mapping.has_header = has_header;
    if let Some(c) = mapping.date {
        let dates: Vec<&str> = data
            .iter()
            .map(|(_, r)| r.get(c as usize).unwrap_or(""))
            .collect();
        mapping.date_order = column_order(&dates, false);
    }
    Ok(ResultsCsvPreview {
        file: file.to_owned(),
        columns,
        rows: data
            .iter()
            .take(20)
            .map(|(_, r)| {
                (0..width)
                    .map(|i| r.get(i).unwrap_or("").to_owned())
                    .collect()
            })
            .collect(),
        total_rows: u32::try_from(data.len()).unwrap_or(u32::MAX),
        mapping,
    })
}

fn is_day(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.as_bytes()[0].is_ascii_digit()
        && (parse_date_cell(s, DateOrder::DayFirst).is_some()
            || parse_date_cell(s, DateOrder::MonthFirst).is_some())
}

/// A network's key from what a cell says: its key or its name, any case or accent, or a common other name.
fn network_of(cell: &str, networks: &[crate::network::Network]) -> Option<String> {
    let c = fold(cell).replace(' ', "");
    if c.is_empty() {
        return None;
    }
    let alias = match c.as_str() {
        "twitter" | "tw" => "x",
        "fb" | "meta" => "facebook",
        "ig" | "insta" => "instagram",
        "li" => "linkedin",
        "yt" => "youtube",
        other => other,
    };
    networks
        .iter()
        .find(|n| fold(&n.key).replace(' ', "") == alias || fold(&n.name).replace(' ', "") == alias)
        .map(|n| n.key.clone())
}

/// A mapped row: its network and the row, or its errors.
fn mapped_row(
    m: &ResultsMapping,
    header: &[String],
    line: u64,
    cells: &csv::StringRecord,
    networks: &[crate::network::Network],
    tz: chrono_tz::Tz,
) -> (String, std::result::Result<ExportRow, Vec<RowError>>) {
    let cell = |i: Option<u32>| i.and_then(|i| cells.get(i as usize)).unwrap_or("");
    let name = |i: u32| header.get(i as usize).cloned().unwrap_or_default();
    let mut errors = Vec::new();
    let network = match network_of(cell(m.network), networks) {
        Some(n) => n,
        None if cell(m.network).trim().is_empty() => m.default_network.clone().unwrap_or_default(),
        None => String::new(),
    };
    if network.is_empty() {
        errors.push(RowError {
            line,
            column: m.network.map(name).unwrap_or_default(),
            expected: expected(
                "a network of this strategy (or choose the network of every row)",
                "un réseau de cette stratégie (ou choisissez le réseau de toutes les lignes)",
            ),
        });
    }
    let published = parse_published(cell(m.date), m.date_order, tz);
    if published.is_none() {
        errors.push(RowError {
            line,
            column: m.date.map(name).unwrap_or_default(),
            expected: expected("a publication date", "une date de publication"),
        });
    }
    let mut values = [None; 10];
    for (k, c) in m.measures.values().iter().enumerate() {
        let Some(c) = *c else { continue };
        match parse_count(cell(Some(c))) {
            Ok(v) => values[k] = v,
            Err(()) => errors.push(not_a_count(line, name(c), cell(Some(c)))),
        }
    }
    let Some((published, has_time)) = published.filter(|_| errors.is_empty()) else {
        return (network, Err(errors));
    };
    (
        network,
        Ok(ExportRow {
            line,
            external_id: cell(m.external_id).trim().to_owned(),
            permalink: cell(m.permalink).trim().to_owned(),
            text: cell(m.text).trim().to_owned(),
            published,
            has_time,
            format: parse_format(cell(m.format)),
            measures: Measures::from_values(values),
        }),
    )
}

// ---------------------------------------------------------------------------------------------------------------
// Matching.

/// A permalink as it compares: no scheme, no `www.`, no query, no trailing slash, lower case.
fn normal_link(s: &str) -> String {
    let s = s.trim();
    let s = s.split(['?', '#']).next().unwrap_or(s);
    let s = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .unwrap_or(s);
    let s = s.strip_prefix("www.").unwrap_or(s);
    let s = s.trim_end_matches('/');
    // Hosts ignore case; paths do not (Instagram's and X's ids are case-sensitive).
    match s.split_once('/') {
        Some((host, path)) => format!("{}/{path}", host.to_lowercase()),
        None => s.to_lowercase(),
    }
}

fn words(s: &str) -> HashSet<String> {
    fold(s)
        .split(' ')
        .filter(|w| w.chars().count() >= 3 && !w.starts_with("http"))
        .map(str::to_owned)
        .collect()
}

/// The overlap coefficient of two texts' words and the words in common; none when either has no word.
fn similarity(a: &HashSet<String>, b: &HashSet<String>) -> Option<(f64, usize)> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let common = a.intersection(b).count();
    Some((common as f64 / a.len().min(b.len()) as f64, common))
}

const MIN_SIMILARITY: f64 = 0.5;

struct Planned {
    id: i64,
    at: NaiveDateTime,
    text: String,
    words: Option<HashSet<String>>,
    taken: bool,
}

/// The maps of an import, keyed by post ids and network ids (a file of 100,000 rows hashes millions of keys: a fast
/// hasher instead of SipHash, which only matters against hostile keys).
type Map<K, V> = HashMap<K, V, foldhash::fast::RandomState>;
type Set<K> = HashSet<K, foldhash::fast::RandomState>;

/// The posts of one network an import matches rows against.
struct Matcher {
    by_id: Map<String, i64>,
    /// Built from the publications the first time a row needs it (most exports give every row its id).
    by_link: Option<Map<String, i64>>,
    /// Planned posts with no network id yet, by time.
    planned: Vec<Planned>,
    /// Posts with imported results before this import.
    with_results: Set<i64>,
    unplanned: Set<i64>,
    /// Every publication of the network, as stored (the import writes one only when it changes).
    publications: Map<i64, Publication>,
    /// Posts already `published`.
    published: Set<i64>,
    /// Each post's snapshot on the import's day and its latest one before, as stored: one query for the whole file
    /// instead of two per row.
    snapshots: Map<i64, (Option<Measures>, Option<Measures>)>,
    /// The first post this import made (ids grow): posts from there on are new, unplanned and published, and are
    /// kept out of the maps above (a file of 100,000 new rows would fill them for nothing).
    first_created: Option<i64>,
}

enum Found {
    Known(i64),
    Matched(i64),
}

impl Matcher {
    fn load(tx: &Transaction, id: i64, network: &str, day: &str) -> Result<Matcher> {
        let mut m = Matcher {
            by_id: Map::default(),
            by_link: None,
            planned: Vec::new(),
            with_results: Set::default(),
            unplanned: Set::default(),
            publications: Map::default(),
            published: Set::default(),
            snapshots: Map::default(),
            first_created: None,
        };
        let mut stmt = tx.prepare(
            "SELECT post_id, external_id, permalink, format, unplanned, published_at FROM publication
             WHERE strategy_id = ?1 AND network = ?2",
        )?;
        let mut rows = stmt.query(params![id, network])?;
        while let Some(r) = rows.next()? {
            let post: i64 = r.get(0)?;
            let external_id = r.get::<_, Option<String>>(1)?;
            let permalink = r.get::<_, Option<String>>(2)?;
            if let Some(e) = &external_id {
                m.by_id.insert(e.clone(), post);
            }
            let unplanned: bool = r.get(4)?;
            if unplanned {
                m.unplanned.insert(post);
            }
            m.publications.insert(
                post,
                Publication {
                    external_id: external_id.unwrap_or_default(),
                    permalink: permalink.unwrap_or_default(),
                    format: r
                        .get::<_, Option<String>>(3)?
                        .and_then(|f| crate::store::enum_from(&f)),
                    unplanned,
                    published_at: r.get(5)?,
                },
            );
        }
        // Snapshots are read for the posts with a publication on this network (those found by id or link); a post
        // matched by time and words, without one yet, has its own read back when it is found (`recall`).
        let mut stmt = tx.prepare(concat!(
            "SELECT s.post_id, s.taken_on, s.source, ",
            crate::adapt::results::snapshot_columns!(),
            " FROM publication b JOIN result_snapshot s ON s.post_id = b.post_id
             WHERE b.strategy_id = ?1 AND b.network = ?2 AND s.taken_on <= ?3"
        ))?;
        let mut rows = stmt.query(params![id, network, day])?;
        // The day of each post's latest snapshot before the import's day (rows come in no particular order).
        let mut latest: Map<i64, Vec<u8>> = Map::default();
        fn text(v: rusqlite::types::ValueRef<'_>) -> &[u8] {
            match v {
                rusqlite::types::ValueRef::Text(t) => t,
                _ => &[],
            }
        }
        while let Some(r) = rows.next()? {
            let post: i64 = r.get(0)?;
            let on = text(r.get_ref(1)?);
            if text(r.get_ref(2)?) == b"import" {
                m.with_results.insert(post);
            }
            let entry = m.snapshots.entry(post).or_default();
            if on == day.as_bytes() {
                entry.0 = Some(crate::adapt::results::measures_at(r, 3)?);
            } else if latest.get(&post).map_or(true, |l| l.as_slice() < on) {
                latest.insert(post, on.to_vec());
                entry.1 = Some(crate::adapt::results::measures_at(r, 3)?);
            }
        }
        // One pass over the network's posts: which are published already, and which are candidates for matching by
        // time and words (dated, with neither a network id nor a link). An unplanned post with neither stays a
        // candidate, so that importing its file again finds it instead of adding it twice. Only candidates have
        // their title and text read.
        let mut stmt = tx.prepare(
            "SELECT p.id, p.data ->> '$.status' IS 'published', p.scheduled_at,
               b.external_id IS NULL AND b.permalink IS NULL,
               CASE WHEN b.external_id IS NULL AND b.permalink IS NULL THEN p.data ->> '$.title' END,
               CASE WHEN b.external_id IS NULL AND b.permalink IS NULL THEN p.data ->> '$.text' END
             FROM post p LEFT JOIN publication b ON b.post_id = p.id AND b.network = p.network
             WHERE p.strategy_id = ?1 AND p.network = ?2",
        )?;
        let mut rows = stmt.query(params![id, network])?;
        while let Some(r) = rows.next()? {
            let post: i64 = r.get(0)?;
            if r.get(1)? {
                m.published.insert(post);
            }
            let candidate: bool = r.get(3)?;
            let Some(at) = r
                .get::<_, Option<String>>(2)?
                .filter(|_| candidate)
                .and_then(|at| calendar::parse_date_time(&at))
            else {
                continue;
            };
            let title: String = r.get::<_, Option<String>>(4)?.unwrap_or_default();
            let text: String = r.get::<_, Option<String>>(5)?.unwrap_or_default();
            m.planned.push(Planned {
                id: post,
                at,
                text: format!("{title} {text}"),
                words: None,
                taken: false,
            });
        }
        m.planned.sort_by_key(|p| p.at);
        Ok(m)
    }

    /// The posts by permalink (see `by_link`).
    fn links(&mut self) -> &mut Map<String, i64> {
        let publications = &self.publications;
        self.by_link.get_or_insert_with(|| {
            let mut links = Map::default();
            for (post, p) in publications.iter().filter(|(_, p)| !p.permalink.is_empty()) {
                // Two links that compare the same: the older post keeps it, whatever the maps' order.
                let at = links.entry(normal_link(&p.permalink)).or_insert(*post);
                *at = (*at).min(*post);
            }
            links
        })
    }

    fn created(&self, post_id: i64) -> bool {
        self.first_created.is_some_and(|f| post_id >= f)
    }

    fn is_unplanned(&self, post_id: i64) -> bool {
        self.created(post_id) || self.unplanned.contains(&post_id)
    }

    /// Reads back the publication, the day's snapshot and the latest before it of a post missing from the maps
    /// (made by this import, or matched by time and words with no publication on this network yet).
    fn recall(&mut self, tx: &Transaction, post_id: i64, day: &str) -> Result<()> {
        if let Some(p) = crate::adapt::results::publication_of(tx, post_id)? {
            self.publications.insert(post_id, p);
        }
        // Up to the import's day, sorted by day (as `load` reads them).
        let snapshots: Vec<_> = crate::adapt::results::snapshots_of(tx, post_id)?
            .into_iter()
            .filter(|s| s.taken_on.as_str() <= day)
            .collect();
        let same_day = snapshots.iter().find(|s| s.taken_on == day);
        let before = snapshots.iter().rev().find(|s| s.taken_on.as_str() < day);
        self.snapshots.insert(
            post_id,
            (same_day.map(|s| s.measures), before.map(|s| s.measures)),
        );
        if snapshots.iter().any(|s| s.source == ResultSource::Import) {
            self.with_results.insert(post_id);
        }
        Ok(())
    }

    fn find(&mut self, row: &ExportRow) -> Option<Found> {
        if let Some(p) = (!row.external_id.is_empty())
            .then(|| self.by_id.get(&row.external_id))
            .flatten()
        {
            return Some(Found::Known(*p));
        }
        if !row.permalink.is_empty() {
            if let Some(p) = self.links().get(&normal_link(&row.permalink)) {
                return Some(Found::Known(*p));
            }
        }
        let (from, to) = if row.has_time {
            (
                row.published - Duration::hours(24),
                row.published + Duration::hours(24),
            )
        } else {
            let day = row.published.date();
            (
                (day - Duration::days(1)).and_time(NaiveTime::MIN),
                (day + Duration::days(2)).and_time(NaiveTime::MIN),
            )
        };
        let start = self.planned.partition_point(|p| p.at < from);
        let end = self.planned.partition_point(|p| p.at < to);
        if (start..end).all(|i| self.planned[i].taken) {
            return None;
        }
        let row_words = words(&row.text);
        let gap = |p: &Planned| {
            if row.has_time {
                (p.at - row.published).num_minutes().abs()
            } else {
                (p.at.date() - row.published.date()).num_days().abs() * 1440
            }
        };
        let mut best: Option<(usize, f64, i64)> = None;
        let mut blind: Vec<usize> = Vec::new();
        for i in start..end {
            if self.planned[i].taken {
                continue;
            }
            let g = gap(&self.planned[i]);
            let p = &mut self.planned[i];
            let pw = p.words.get_or_insert_with(|| words(&p.text));
            match similarity(&row_words, pw) {
                Some((s, common))
                    if s >= MIN_SIMILARITY
                        && (common >= 2 || row_words.len().min(pw.len()) < 2) =>
                {
                    if best.map_or(true, |(_, bs, bg)| s > bs || (s == bs && g < bg)) {
                        best = Some((i, s, g));
                    }
                }
                Some(_) => {}
                None => {
                    if row.has_time && g <= 60 {
                        blind.push(i);
                    }
                }
            }
        }
        let chosen = best.map(|(i, _, _)| i).or(match blind.as_slice() {
            [one] => Some(*one),
            _ => None,
        })?;
        self.planned[chosen].taken = true;
        Some(Found::Matched(self.planned[chosen].id))
    }
}

/// `YYYY-MM-DDTHH:MM` written into `buf`, without allocating (a row's publication time is compared with the stored
/// one for every row of a file). The year is within 1900–2200, as every date an import reads.
fn wall_time_in(t: NaiveDateTime, buf: &mut [u8; 16]) -> &str {
    use chrono::Timelike;
    let digits = |out: &mut [u8], mut v: u32| {
        for b in out.iter_mut().rev() {
            *b = b'0' + (v % 10) as u8;
            v /= 10;
        }
    };
    let year = u32::try_from(t.year()).unwrap_or(0).min(9999);
    digits(&mut buf[0..4], year);
    buf[4] = b'-';
    digits(&mut buf[5..7], t.month());
    buf[7] = b'-';
    digits(&mut buf[8..10], t.day());
    buf[10] = b'T';
    digits(&mut buf[11..13], t.hour());
    buf[13] = b':';
    digits(&mut buf[14..16], t.minute());
    std::str::from_utf8(buf).expect("ASCII digits")
}

/// `YYYY-MM-DDTHH:MM` (chrono's formatter is slow for a file of 100,000 rows).
fn wall_time(t: NaiveDateTime) -> String {
    use chrono::Timelike;
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute()
    )
}

/// The title of an unplanned post: the text's first line, at most 80 characters.
fn title_of(text: &str) -> String {
    let line = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    if line.chars().count() <= 80 {
        line.to_owned()
    } else {
        let cut: String = line.chars().take(79).collect();
        format!("{}…", cut.trim_end())
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Import.

/// The day an import's numbers are from: the one asked, or today in the strategy's time zone.
fn taken_on_of(options: &ResultsImportOptions, tz: chrono_tz::Tz) -> Result<String> {
    match &options.taken_on {
        Some(d) => {
            // The strict form (`dates`): `2026-7-1` or a year out of range is not a day Cinq stores.
            crate::dates::parse_day(d).ok_or_else(|| {
                CoreError::Validation(vec![crate::FieldError::new("taken_on", "invalid_date")])
            })?;
            Ok(d.clone())
        }
        None => Ok(chrono::Utc::now()
            .with_timezone(&tz)
            .date_naive()
            .format("%Y-%m-%d")
            .to_string()),
    }
}

impl Store {
    /// What a file picked for a results import gives (nothing is written): a known export's dry run, or, for a CSV
    /// that is not one, its preview for the column mapping. A file that is neither is refused with why it is not a
    /// known export.
    pub fn results_picked(&mut self, id: i64, file: &str, bytes: &[u8]) -> Result<ResultsPicked> {
        let options = ResultsImportOptions {
            dry_run: true,
            ..Default::default()
        };
        match self.import_results(id, file, bytes, &options, &mut |_, _| true) {
            Ok(report) => Ok(ResultsPicked {
                report: Some(report),
                preview: None,
            }),
            Err(CoreError::InvalidFile(why)) => match results_csv_preview(file, bytes) {
                Ok(preview) => Ok(ResultsPicked {
                    report: None,
                    preview: Some(preview),
                }),
                Err(_) => Err(CoreError::InvalidFile(why)),
            },
            Err(e) => Err(e),
        }
    }

    /// What importing `file` through `mapping` would do (a dry run: nothing is written), for the mapping screen.
    pub fn results_mapping_check(
        &mut self,
        id: i64,
        file: &str,
        bytes: &[u8],
        mapping: &ResultsMapping,
    ) -> Result<ResultsImportReport> {
        let options = ResultsImportOptions {
            dry_run: true,
            ..Default::default()
        };
        self.import_results_mapped(id, file, bytes, mapping, &options, &mut |_, _| true)
    }

    /// Imports `file`: as a known export when `mapping` is `None`, else through the mapping.
    pub fn import_results_with(
        &mut self,
        id: i64,
        file: &str,
        bytes: &[u8],
        mapping: Option<&ResultsMapping>,
        options: &ResultsImportOptions,
        progress: &mut dyn FnMut(u32, u32) -> bool,
    ) -> Result<ResultsImportReport> {
        match mapping {
            Some(m) => self.import_results_mapped(id, file, bytes, m, options, progress),
            None => self.import_results(id, file, bytes, options, progress),
        }
    }

    /// Imports a network's export into a strategy (see the module's rules). `progress(done, total)` is called every
    /// [`PROGRESS_EVERY`] rows; when it returns false the import stops and writes nothing.
    pub fn import_results(
        &mut self,
        id: i64,
        file: &str,
        bytes: &[u8],
        options: &ResultsImportOptions,
        progress: &mut dyn FnMut(u32, u32) -> bool,
    ) -> Result<ResultsImportReport> {
        let strategy = self.strategy(id)?;
        let tz: chrono_tz::Tz = strategy.timezone.parse().unwrap_or(chrono_tz::UTC);
        let taken_on = taken_on_of(options, tz)?;
        let opened = open_export(file, bytes, tz)?;
        let report = ResultsImportReport {
            file: file.to_owned(),
            kind: opened.kind(),
            network: opened.kind().network().to_owned(),
            rows: u32::try_from(opened.len()).unwrap_or(u32::MAX),
            matched: 0,
            updated: 0,
            unchanged: 0,
            unplanned: 0,
            rejected: 0,
            errors: Vec::new(),
            error_count: 0,
            written: false,
            taken_on: taken_on.clone(),
        };
        let network = opened.kind().network();
        let rows = opened.rows().map(|row| (network, row));
        self.write_rows(id, report, options, progress, rows)
    }

    /// Imports a CSV that is not a known export through a column mapping (see the module's rules; each row names
    /// its network, or takes the default one).
    pub fn import_results_mapped(
        &mut self,
        id: i64,
        file: &str,
        bytes: &[u8],
        mapping: &ResultsMapping,
        options: &ResultsImportOptions,
        progress: &mut dyn FnMut(u32, u32) -> bool,
    ) -> Result<ResultsImportReport> {
        let strategy = self.strategy(id)?;
        let tz: chrono_tz::Tz = strategy.timezone.parse().unwrap_or(chrono_tz::UTC);
        let taken_on = taken_on_of(options, tz)?;
        let preview = results_csv_preview(file, bytes)?;
        let width = preview.columns.len() as u32;
        let used = [
            mapping.network,
            mapping.date,
            mapping.external_id,
            mapping.permalink,
            mapping.text,
            mapping.format,
        ]
        .into_iter()
        .chain(mapping.measures.values())
        .flatten();
        let mut errors = Vec::new();
        if mapping.date.is_none() {
            errors.push(crate::FieldError::new("date", "required"));
        }
        if used.into_iter().any(|c| c >= width) {
            errors.push(crate::FieldError::new("mapping", "out_of_range"));
        }
        if !errors.is_empty() {
            return Err(CoreError::Validation(errors));
        }
        let networks = self.audit(id)?.networks;
        let sheet = read_csv(file, bytes)?;
        let data = &sheet.rows[usize::from(mapping.has_header)..];
        let report = ResultsImportReport {
            file: file.to_owned(),
            kind: ExportKind::Mapped,
            network: mapping.default_network.clone().unwrap_or_default(),
            rows: u32::try_from(data.len()).unwrap_or(u32::MAX),
            matched: 0,
            updated: 0,
            unchanged: 0,
            unplanned: 0,
            rejected: 0,
            errors: Vec::new(),
            error_count: 0,
            written: false,
            taken_on,
        };
        let header = sheet.rows.first().map(|(_, h)| h);
        let rows = data.iter().map(|(line, cells)| {
            if let Some(e) = header
                .filter(|_| mapping.has_header)
                .and_then(|h| short_row(sheet.fields, *line, h, cells))
            {
                return (String::new(), Err(vec![e]));
            }
            mapped_row(mapping, &preview.columns, *line, cells, &networks, tz)
        });
        self.write_rows(id, report, options, progress, rows)
    }

    /// The rows of an import, read one by one and written in one transaction, committed at the end when nothing
    /// stops it (see the module's rules), network by network.
    fn write_rows<N: AsRef<str>>(
        &mut self,
        id: i64,
        report: ResultsImportReport,
        options: &ResultsImportOptions,
        progress: &mut dyn FnMut(u32, u32) -> bool,
        rows: impl Iterator<Item = (N, std::result::Result<ExportRow, Vec<RowError>>)>,
    ) -> Result<ResultsImportReport> {
        let total = report.rows;
        let copy = if options.dry_run {
            None
        } else {
            Some(self.copy_before_import()?)
        };
        self.bulk(|store| {
            let tx = store.transaction()?;
            crate::strategy::touch(&tx, id)?;
            Store::pause_latest_results(&tx)?;
            let mut w = RowWriter::new(id, report, total, progress);
            let mut writes = Writes::new(&tx)?;
            for (network, row) in rows {
                w.row(&tx, &mut writes, network.as_ref(), row)?;
            }
            drop(writes);
            w.finish(tx, options, copy)
        })
    }
}

/// The statements an import runs for each row, prepared once for the whole file (not looked up in the connection's
/// cache 300,000 times).
struct Writes<'c> {
    post: rusqlite::Statement<'c>,
    publication: rusqlite::Statement<'c>,
    snapshot: rusqlite::Statement<'c>,
}

impl<'c> Writes<'c> {
    fn new(tx: &'c Transaction) -> Result<Self> {
        Ok(Writes {
            post: tx.prepare(calendar::INSERT_POST)?,
            publication: tx.prepare(crate::adapt::results::WRITE_PUBLICATION)?,
            snapshot: tx.prepare(crate::adapt::results::WRITE_SNAPSHOT)?,
        })
    }
}

/// Writes the rows of an import, network by network (each network has its matcher), counting them in the report.
struct RowWriter<'p> {
    id: i64,
    report: ResultsImportReport,
    taken_on: String,
    matchers: Map<String, Matcher>,
    done: u32,
    total: u32,
    progress: &'p mut dyn FnMut(u32, u32) -> bool,
}

impl<'p> RowWriter<'p> {
    fn new(
        id: i64,
        report: ResultsImportReport,
        total: u32,
        progress: &'p mut dyn FnMut(u32, u32) -> bool,
    ) -> Self {
        RowWriter {
            id,
            taken_on: report.taken_on.clone(),
            report,
            matchers: Map::default(),
            done: 0,
            total,
            progress,
        }
    }

    fn row(
        &mut self,
        tx: &Transaction,
        writes: &mut Writes,
        network: &str,
        row: std::result::Result<ExportRow, Vec<RowError>>,
    ) -> Result<()> {
        if self.done as usize % PROGRESS_EVERY == 0 && !(self.progress)(self.done, self.total) {
            return Err(CoreError::Cancelled);
        }
        self.done += 1;
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                keep_errors(&mut self.report.errors, &mut self.report.error_count, e);
                return Ok(());
            }
        };
        let row = &row;
        if !self.matchers.contains_key(network) {
            let m = Matcher::load(tx, self.id, network, &self.taken_on)?;
            self.matchers.insert(network.to_owned(), m);
        }
        let id = self.id;
        let m = self.matchers.get_mut(network).expect("loaded above");
        let (post_id, is_new) = match m.find(row) {
            Some(Found::Known(p)) => (p, false),
            Some(Found::Matched(p)) => (p, false),
            None => {
                let text: String = row.text.chars().take(MAX_POST_CHARS).collect();
                let at = if row.has_time {
                    row.published
                } else {
                    row.published.date().and_hms_opt(12, 0, 0).expect("noon")
                };
                let post = calendar::insert_post_with(
                    &mut writes.post,
                    id,
                    &PostInput {
                        network: network.to_owned(),
                        scheduled_at: Some(wall_time(at)),
                        title: title_of(&text),
                        text,
                        status: PostStatus::Published,
                        ..PostInput::blank()
                    },
                    &mut Vec::new(),
                )?;
                m.first_created.get_or_insert(post);
                (post, true)
            }
        };
        // The time the network gives (none when the file gives the date alone).
        let mut buf = [0u8; 16];
        let published_at = row.has_time.then(|| wall_time_in(row.published, &mut buf));
        if is_new {
            // A new post: its publication and snapshot are written as they are, nothing to compare with.
            write_publication_with(
                &mut writes.publication,
                id,
                post_id,
                network,
                (&row.external_id, &row.permalink, published_at),
                row.format,
                true,
            )?;
            write_snapshot_with(
                &mut writes.snapshot,
                post_id,
                &self.taken_on,
                ResultSource::Import,
                &row.measures,
            )?;
            if !row.external_id.is_empty() {
                m.by_id.insert(row.external_id.clone(), post_id);
            } else if !row.permalink.is_empty() {
                m.links().insert(normal_link(&row.permalink), post_id);
            }
            self.report.unplanned += 1;
            return Ok(());
        }
        // A post made earlier in this file (the same row twice), or found by time and words with no publication on
        // this network: what it has is read back, as the maps hold it for the others.
        if !m.publications.contains_key(&post_id) {
            m.recall(tx, post_id, &self.taken_on)?;
        }
        // The publication as it will stand: what the row gives replaces what is stored (built only when something
        // changes: a re-import of 100,000 rows mostly changes nothing there).
        let old = m.publications.get(&post_id);
        let same = old.is_some_and(|o| {
            (row.external_id.is_empty() || row.external_id == o.external_id)
                && (row.permalink.is_empty() || row.permalink == o.permalink)
                && (row.format.is_none() || row.format == o.format)
                && o.unplanned == m.is_unplanned(post_id)
                && (published_at.is_none() || published_at == o.published_at.as_deref())
        });
        let publication = if same {
            None
        } else {
            Some(Publication {
                external_id: if row.external_id.is_empty() {
                    old.map_or(String::new(), |o| o.external_id.clone())
                } else {
                    row.external_id.clone()
                },
                permalink: if row.permalink.is_empty() {
                    old.map_or(String::new(), |o| o.permalink.clone())
                } else {
                    row.permalink.clone()
                },
                format: row.format.or(old.and_then(|o| o.format)),
                unplanned: m.is_unplanned(post_id),
                published_at: published_at
                    .map(str::to_owned)
                    .or_else(|| old.and_then(|o| o.published_at.clone())),
            })
        };
        if let Some(publication) = publication {
            write_publication_of(&mut writes.publication, id, post_id, network, &publication)?;
            m.publications.insert(post_id, publication);
        }
        if !row.external_id.is_empty() {
            if m.by_id.get(&row.external_id) != Some(&post_id) {
                m.by_id.insert(row.external_id.clone(), post_id);
            }
        } else if !row.permalink.is_empty() {
            m.links().insert(normal_link(&row.permalink), post_id);
        }
        let (same_day, before) = m.snapshots.get(&post_id).cloned().unwrap_or_default();
        if !m.created(post_id) && m.published.insert(post_id) {
            mark_published(tx, post_id)?;
        }
        let unchanged = match &same_day {
            Some(m) => m.merged(&row.measures) == *m,
            None => before.is_some_and(|b| b.merged(&row.measures) == b),
        };
        if unchanged {
            self.report.unchanged += 1;
            return Ok(());
        }
        write_snapshot_with(
            &mut writes.snapshot,
            post_id,
            &self.taken_on,
            ResultSource::Import,
            &row.measures,
        )?;
        let merged = same_day.map_or(row.measures, |m| m.merged(&row.measures));
        m.snapshots.insert(post_id, (Some(merged), before));
        if m.with_results.insert(post_id) && !m.is_unplanned(post_id) {
            self.report.matched += 1;
        } else {
            self.report.updated += 1;
        }
        Ok(())
    }

    /// Commits when nothing stops it (see the module's rules) and says what was done.
    fn finish(
        mut self,
        tx: Transaction,
        options: &ResultsImportOptions,
        copy: Option<crate::store::backup::PendingCopy>,
    ) -> Result<ResultsImportReport> {
        if !(self.progress)(self.total, self.total) {
            return Err(CoreError::Cancelled);
        }
        self.report.rejected = self.report.error_count;
        let commit = !options.dry_run && (self.report.error_count == 0 || options.skip_invalid);
        if commit {
            // The copy of the database as it was holds before anything of the import is committed.
            if let Some(copy) = copy {
                copy.wait()?;
            }
            Store::resume_latest_results(&tx)?;
            tx.commit()?;
            self.report.written = true;
        }
        Ok(self.report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wall_time_written_in_place_is_the_one_formatted() {
        for (y, mo, d, h, mi) in [
            (1900, 1, 1, 0, 0),
            (2027, 3, 28, 2, 30),
            (2200, 12, 31, 23, 59),
        ] {
            let t = NaiveDate::from_ymd_opt(y, mo, d)
                .unwrap()
                .and_hms_opt(h, mi, 0)
                .unwrap();
            assert_eq!(wall_time_in(t, &mut [0; 16]), wall_time(t));
        }
    }

    #[test]
    fn counts() {
        assert_eq!(parse_count("1234"), Ok(Some(1234)));
        assert_eq!(parse_count("1,234"), Ok(Some(1234)));
        assert_eq!(parse_count("1 234 567"), Ok(Some(1_234_567)));
        assert_eq!(parse_count("1.234.567"), Ok(Some(1_234_567)));
        assert_eq!(parse_count("12.0"), Ok(Some(12)));
        assert_eq!(parse_count("12.5"), Ok(Some(13)));
        assert_eq!(parse_count(""), Ok(None));
        assert_eq!(parse_count("-"), Ok(None));
        assert_eq!(parse_count("-3"), Err(()));
        assert_eq!(parse_count("abc"), Err(()));
        assert_eq!(parse_count("1,2,3"), Err(()));
    }

    #[test]
    fn links_compare_without_scheme_query_or_slash() {
        assert_eq!(
            normal_link("https://www.Instagram.com/p/ABC/?utm=1"),
            normal_link("http://instagram.com/p/ABC")
        );
    }

    #[test]
    fn x_dates_are_read_as_chrono_reads_them() {
        for s in [
            "Jul 14, 2026",
            "jul 4, 2026",
            "Dec 31, 1999",
            "Feb 29, 2028",
            "Feb 29, 2026",
            "Jul 32, 2026",
            "Jly 14, 2026",
            "Jul 14 2026",
            "Jul 014, 2026",
            "July 14, 2026",
            "Jul 14, 26",
        ] {
            let chrono = NaiveDate::parse_from_str(s, "%b %d, %Y").ok();
            if let Some(d) = month_day_year(s) {
                assert_eq!(Some(d), chrono, "{s}");
            }
        }
        assert_eq!(
            month_day_year("Jul 14, 2026"),
            NaiveDate::from_ymd_opt(2026, 7, 14)
        );
        assert_eq!(month_day_year("Feb 29, 2026"), None);
    }
}
