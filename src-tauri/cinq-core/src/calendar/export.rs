//! The calendar's exports: Cinq's own CSV (written by `cinq_csv`), Google Calendar CSV, Outlook CSV, Hootsuite's
//! bulk CSV (one file per network), Sprout Social's bulk CSV and iCalendar (RFC 5545). Every CSV cell a spreadsheet
//! could run as a formula is neutralised (`io::csv::neutralise`).

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::{parse_date_time, Post, PostStatus};
use crate::error::{CoreError, Result};
use crate::io::csv::neutralise;
use crate::model::Language;
use crate::store::{enum_str, Store};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ExportFormat {
    CinqCsv,
    GoogleCsv,
    OutlookCsv,
    Hootsuite,
    Sprout,
    Ics,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Delimiter {
    Comma,
    /// What French Excel expects.
    Semicolon,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportOptions {
    pub format: ExportFormat,
    /// `YYYY-MM-DD`, inclusive; none for the whole plan.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Only these networks (all when empty).
    pub networks: Vec<String>,
    /// Only these statuses (all when empty).
    pub statuses: Vec<PostStatus>,
    pub delimiter: Delimiter,
    /// A UTF-8 byte order mark first (Excel needs it to read accents right).
    pub bom: bool,
}

/// One file of an export: its suggested name and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl ExportFormat {
    /// Whether the export is a folder of files (Hootsuite: one file per network) rather than one file.
    pub fn to_folder(self) -> bool {
        self == ExportFormat::Hootsuite
    }
}

impl ExportFile {
    /// The extension of its name (`csv`, `ics`…), for the save dialog's filter; `csv` when it has none.
    pub fn extension(&self) -> &str {
        self.name.rsplit_once('.').map_or("csv", |(_, ext)| ext)
    }
}

/// Writes an export into the folder `dir`, all the files or none (`io::write::write_folder`); answers with their paths.
pub fn write_to_folder(dir: &std::path::Path, files: &[ExportFile]) -> Result<Vec<String>> {
    let set: Vec<(&str, &[u8])> = files
        .iter()
        .map(|f| (f.name.as_str(), f.bytes.as_slice()))
        .collect();
    crate::io::write::write_folder(dir, &set)?;
    Ok(files
        .iter()
        .map(|f| dir.join(&f.name).display().to_string())
        .collect())
}

/// Writes a one-file export at `path` (`io::write::write_file`); answers with the path.
pub fn write_to_file(path: &std::path::Path, file: &ExportFile) -> Result<String> {
    crate::io::write::write_file(path, &file.bytes)?;
    Ok(path.display().to_string())
}

fn csv_bytes(
    header: Option<&[&str]>,
    rows: &[Vec<String>],
    options: &ExportOptions,
    escape_quote: bool,
) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    if options.bom {
        out.extend_from_slice(b"\xEF\xBB\xBF");
    }
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(match options.delimiter {
                Delimiter::Comma => b',',
                Delimiter::Semicolon => b';',
            })
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let fail = |e: csv::Error| CoreError::Io(format!("cannot write the CSV: {e}"));
        if let Some(h) = header {
            w.write_record(h).map_err(fail)?;
        }
        for r in rows {
            for c in r {
                w.write_field(neutralise(c, escape_quote).as_bytes())
                    .map_err(fail)?;
            }
            w.write_record(None::<&[u8]>).map_err(fail)?;
        }
        w.flush()
            .map_err(|e| CoreError::Io(format!("cannot write the CSV: {e}")))?;
    }
    Ok(out)
}

/// The posts an export covers: dated ones in the period, on the networks and with the statuses asked, by time.
fn selected<'a>(posts: &'a [Post], o: &ExportOptions) -> Vec<&'a Post> {
    posts
        .iter()
        .filter(|p| {
            let day = p.data.scheduled_at.as_deref().and_then(|s| s.get(..10));
            let in_period = match day {
                None => false,
                Some(d) => {
                    o.from.as_deref().map_or(true, |f| d >= f)
                        && o.to.as_deref().map_or(true, |t| d <= t)
                }
            };
            in_period
                && (o.networks.is_empty() || o.networks.contains(&p.data.network))
                && (o.statuses.is_empty() || o.statuses.contains(&p.data.status))
        })
        .collect()
}

/// The message a scheduling tool posts: the text, then the link when it is not in the text already.
fn message(p: &Post) -> String {
    let d = &p.data;
    if d.link.is_empty() || d.text.contains(&d.link) {
        d.text.clone()
    } else if d.text.is_empty() {
        d.link.clone()
    } else {
        format!("{}\n{}", d.text, d.link)
    }
}

fn date_time(p: &Post) -> NaiveDateTime {
    p.data
        .scheduled_at
        .as_deref()
        .and_then(parse_date_time)
        .unwrap_or_default()
}

/// The VTIMEZONE of `tz` from the start of `first` to the end of `last` (RFC 5545 3.6.5): the offset at the start,
/// then one observance per clock change, found from the zone's rules (chrono-tz).
fn vtimezone(tz: chrono_tz::Tz, first: i32, last: i32) -> Vec<String> {
    use chrono::Offset;
    use chrono_tz::OffsetComponents;
    let at = |t: NaiveDateTime| {
        let o = tz.offset_from_utc_datetime(&t);
        (o.fix().local_minus_utc(), o.dst_offset().num_seconds() != 0)
    };
    let hhmm = |secs: i32| {
        let sign = if secs < 0 { '-' } else { '+' };
        let m = secs.abs() / 60;
        format!("{sign}{:02}{:02}", m / 60, m % 60)
    };
    let start = NaiveDate::from_ymd_opt(first, 1, 1)
        .unwrap_or_default()
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default();
    let end = NaiveDate::from_ymd_opt(last + 1, 1, 1)
        .unwrap_or_default()
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default();
    let mut lines = vec!["BEGIN:VTIMEZONE".to_owned(), format!("TZID:{}", tz.name())];
    let observance =
        |lines: &mut Vec<String>, local: NaiveDateTime, from: i32, to: i32, dst: bool| {
            let kind = if dst { "DAYLIGHT" } else { "STANDARD" };
            lines.push(format!("BEGIN:{kind}"));
            lines.push(format!("DTSTART:{}", local.format("%Y%m%dT%H%M%S")));
            lines.push(format!("TZOFFSETFROM:{}", hhmm(from)));
            lines.push(format!("TZOFFSETTO:{}", hhmm(to)));
            lines.push(format!("END:{kind}"));
        };
    let (mut offset, dst) = at(start);
    observance(
        &mut lines,
        start + Duration::seconds(offset.into()),
        offset,
        offset,
        dst,
    );
    let mut day = start;
    while day < end {
        let next = day + Duration::days(1);
        if at(next).0 != offset {
            // The change is within this day: find its second.
            let (mut lo, mut hi) = (day, next);
            while hi - lo > Duration::seconds(1) {
                let mid = lo + (hi - lo) / 2;
                if at(mid).0 == offset {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let (to, dst) = at(hi);
            observance(
                &mut lines,
                hi + Duration::seconds(offset.into()),
                offset,
                to,
                dst,
            );
            offset = to;
        }
        day = next;
    }
    lines.push("END:VTIMEZONE".to_owned());
    lines
}

/// A calendar event lasts this long.
const EVENT_MINUTES: i64 = 30;

fn us_date(d: NaiveDate) -> String {
    d.format("%m/%d/%Y").to_string()
}

fn us_time(t: NaiveDateTime) -> String {
    t.format("%I:%M %p").to_string()
}

/// Escapes a TEXT value (RFC 5545 3.3.11).
fn ics_text(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace(['\n', '\r'], "\\n")
}

/// A content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 character.
fn ics_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

/// A post an export cannot write: its id, title and stored schedule, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnwritablePost {
    pub id: i64,
    pub title: String,
    pub scheduled_at: Option<String>,
    pub why: &'static str,
}

/// The posts of strategy `id` that no export can write: a schedule not in the one form (see [`crate::dates`]), or
/// data that does not read.
pub fn unwritable_posts(conn: &rusqlite::Connection, id: i64) -> Result<Vec<UnwritablePost>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {} FROM post WHERE strategy_id = ?1 ORDER BY id",
        crate::calendar::POST_COLUMNS
    ))?;
    let mut rows = stmt.query([id])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let post_id: i64 = r.get(0)?;
        let network: Option<String> = r
            .get_ref(1)?
            .as_str_or_null()
            .ok()
            .flatten()
            .map(str::to_owned);
        let at = match r.get_ref(2)? {
            rusqlite::types::ValueRef::Null => None,
            rusqlite::types::ValueRef::Text(t) => Some(String::from_utf8_lossy(t).into_owned()),
            other => Some(format!("{other:?}")),
        };
        let links = [
            r.get::<_, Option<i64>>(3).ok().flatten(),
            r.get::<_, Option<i64>>(4).ok().flatten(),
            r.get::<_, Option<i64>>(5).ok().flatten(),
        ];
        let data = r.get_ref(6)?.as_bytes().unwrap_or_default();
        let post = crate::calendar::post_from_parts(
            post_id,
            network.unwrap_or_default(),
            at.clone(),
            links,
            data,
        );
        let title = post
            .as_ref()
            .map(|p| p.data.title.clone())
            .unwrap_or_default();
        let why = if post.is_none() {
            "its stored data does not read"
        } else if at
            .as_deref()
            .is_some_and(|a| crate::dates::parse_day_time(a).is_none())
        {
            "its schedule is not a date and time as YYYY-MM-DDTHH:MM with a year from 1900 to 2200"
        } else {
            continue;
        };
        out.push(UnwritablePost {
            id: post_id,
            title,
            scheduled_at: at,
            why,
        });
    }
    Ok(out)
}

/// The message of an export refused for the posts it cannot write (the first five named).
fn unwritable_message(posts: &[UnwritablePost]) -> String {
    let named: Vec<String> = posts
        .iter()
        .take(5)
        .map(|p| {
            let at = p
                .scheduled_at
                .as_deref()
                .map(|a| format!(" scheduled {}", crate::error::quote(a)))
                .unwrap_or_default();
            format!(
                "post {} {}{at}: {}",
                p.id,
                crate::error::quote(&p.title),
                p.why
            )
        })
        .collect();
    let more = match posts.len() {
        n if n > 5 => format!("; and {} more", n - 5),
        _ => String::new(),
    };
    format!(
        "the export cannot write {}: {}{more}. Give {} a date and time in the calendar (its checks list \
         {}), then export again. Nothing was written.",
        crate::words::count_en(posts.len(), "post", "posts"),
        named.join("; "),
        crate::words::en(posts.len(), "it", "them"),
        crate::words::en(posts.len(), "it", "them"),
    )
}

impl Store {
    /// The files of an export of the calendar (one, or one per network for Hootsuite).
    pub fn export_calendar(&self, id: i64, o: &ExportOptions) -> Result<Vec<ExportFile>> {
        let mut errors = Vec::new();
        crate::check::date(&mut errors, "from", o.from.as_deref());
        crate::check::date(&mut errors, "to", o.to.as_deref());
        crate::check::done(errors)?;
        let strategy = self.strategy(id)?;
        // A post the export cannot write is named, never dropped or written in a form no one reads back. The
        // schedules are checked first (cheap: see `stored_dates::calendar_problems`); posts whose data does not read
        // are found as the export reads them (a count short), and only then named (`unwritable_posts`).
        let refuse = || -> Result<()> {
            Err(CoreError::Conflict(unwritable_message(&unwritable_posts(
                self.conn(),
                id,
            )?)))
        };
        if crate::store::stored_dates::calendar_problems(self.conn(), id)?
            .iter()
            .any(|p| p.table == "post")
        {
            refuse()?;
        }
        if o.format == ExportFormat::CinqCsv {
            let (bytes, unread) = self.cinq_csv(id, o)?;
            if unread > 0 {
                refuse()?;
            }
            return Ok(vec![ExportFile {
                name: format!("{}.cinq.csv", crate::strategy::file_stem(&strategy.name)),
                bytes,
            }]);
        }
        let cal = self.calendar(id, None, None)?;
        let stored: i64 = self.conn().query_row(
            "SELECT count(*) FROM post WHERE strategy_id = ?1",
            [id],
            |r| r.get(0),
        )?;
        if ((cal.posts.len() + cal.ideas.len()) as i64) < stored {
            refuse()?;
        }
        let networks = crate::network::networks_of(self.conn(), id)?;
        let network_name = |key: &str| {
            networks
                .iter()
                .find(|n| n.key == key)
                .map_or_else(|| key.to_owned(), |n| n.name.clone())
        };
        let posts = selected(&cal.posts, o);
        let day_first = strategy.language == Language::Fr;
        let base = crate::strategy::file_stem(&strategy.name);
        match o.format {
            ExportFormat::CinqCsv => unreachable!("written above"),
            ExportFormat::GoogleCsv | ExportFormat::OutlookCsv => {
                let google = o.format == ExportFormat::GoogleCsv;
                let header: &[&str] = if google {
                    &[
                        "Subject",
                        "Start Date",
                        "Start Time",
                        "End Date",
                        "End Time",
                        "All Day Event",
                        "Description",
                        "Location",
                        "Private",
                    ]
                } else {
                    &[
                        "Subject",
                        "Start Date",
                        "Start Time",
                        "End Date",
                        "End Time",
                        "All day event",
                        "Description",
                        "Location",
                        "Categories",
                        "Private",
                    ]
                };
                let rows: Vec<Vec<String>> = posts
                    .iter()
                    .map(|p| {
                        let start = date_time(p);
                        let end = start + Duration::minutes(EVENT_MINUTES);
                        let net = network_name(&p.data.network);
                        let title = if p.data.title.is_empty() {
                            p.data.text.chars().take(60).collect()
                        } else {
                            p.data.title.clone()
                        };
                        let mut row = vec![
                            format!("[{net}] {title}"),
                            us_date(start.date()),
                            us_time(start),
                            us_date(end.date()),
                            us_time(end),
                            "False".to_owned(),
                            message(p),
                            net.clone(),
                        ];
                        if !google {
                            row.push(net);
                        }
                        row.push("True".to_owned());
                        row
                    })
                    .collect();
                Ok(vec![ExportFile {
                    name: format!("{base}.{}.csv", if google { "google" } else { "outlook" }),
                    bytes: csv_bytes(Some(header), &rows, o, false)?,
                }])
            }
            ExportFormat::Hootsuite => {
                // One file per network: Hootsuite takes one profile per file. No header.
                let mut keys: Vec<&str> = posts.iter().map(|p| p.data.network.as_str()).collect();
                keys.sort();
                keys.dedup();
                let mut names = std::collections::HashSet::new();
                keys.into_iter()
                    .map(|key| {
                        // A network's key may be anything stored: it never becomes a path, and two keys that read
                        // the same once made safe get two names.
                        let slug = crate::io::write::slug(key);
                        let mut name = format!("{base}.hootsuite.{slug}.csv");
                        let mut n = 1;
                        while !names.insert(name.clone()) {
                            n += 1;
                            name = format!("{base}.hootsuite.{slug}-{n}.csv");
                        }
                        let rows: Vec<Vec<String>> = posts
                            .iter()
                            .filter(|p| p.data.network == key)
                            .map(|p| {
                                let t = date_time(p);
                                vec![
                                    t.format(if day_first {
                                        "%d/%m/%Y %H:%M"
                                    } else {
                                        "%m/%d/%Y %H:%M"
                                    })
                                    .to_string(),
                                    p.data.text.clone(),
                                    p.data.link.clone(),
                                ]
                            })
                            .collect();
                        Ok(ExportFile {
                            name,
                            bytes: csv_bytes(None, &rows, o, false)?,
                        })
                    })
                    .collect()
            }
            ExportFormat::Sprout => {
                let rows: Vec<Vec<String>> = posts
                    .iter()
                    .map(|p| {
                        let t = date_time(p);
                        vec![
                            t.format(if day_first { "%d/%m/%Y" } else { "%m/%d/%Y" })
                                .to_string(),
                            t.format("%H:%M").to_string(),
                            message(p),
                        ]
                    })
                    .collect();
                Ok(vec![ExportFile {
                    name: format!("{base}.sprout.csv"),
                    bytes: csv_bytes(
                        Some(&["date", "time_24hr", "message_text"]),
                        &rows,
                        o,
                        false,
                    )?,
                }])
            }
            ExportFormat::Ics => {
                let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
                let mut out = String::new();
                for l in [
                    "BEGIN:VCALENDAR",
                    "VERSION:2.0",
                    "PRODID:-//Cinq//Social calendar//EN",
                    "CALSCALE:GREGORIAN",
                    "METHOD:PUBLISH",
                ] {
                    ics_line(&mut out, l);
                }
                ics_line(
                    &mut out,
                    &format!("X-WR-CALNAME:{}", ics_text(&strategy.name)),
                );
                ics_line(&mut out, &format!("X-WR-TIMEZONE:{}", strategy.timezone));
                // Times are local to the strategy's zone, described by a VTIMEZONE over the years the events span.
                let tz: chrono_tz::Tz = strategy.timezone.parse().unwrap_or(chrono_tz::UTC);
                let years = posts.iter().map(|p| date_time(p).year());
                let (first, last) = (years.clone().min(), years.max());
                if let (Some(first), Some(last)) = (first, last) {
                    for l in vtimezone(tz, first, last) {
                        ics_line(&mut out, &l);
                    }
                }
                let local =
                    |t: NaiveDateTime| format!("TZID={}:{}", tz.name(), t.format("%Y%m%dT%H%M%S"));
                for p in &posts {
                    let start = date_time(p);
                    let net = network_name(&p.data.network);
                    ics_line(&mut out, "BEGIN:VEVENT");
                    // Stable: a re-import updates the event instead of adding a second one.
                    ics_line(&mut out, &format!("UID:cinq-{id}-post-{}@cinq.app", p.id));
                    ics_line(&mut out, &format!("DTSTAMP:{stamp}"));
                    ics_line(&mut out, &format!("DTSTART;{}", local(start)));
                    ics_line(
                        &mut out,
                        &format!("DTEND;{}", local(start + Duration::minutes(EVENT_MINUTES))),
                    );
                    ics_line(
                        &mut out,
                        &format!("SUMMARY:{}", ics_text(&format!("[{net}] {}", p.data.title))),
                    );
                    ics_line(&mut out, &format!("DESCRIPTION:{}", ics_text(&message(p))));
                    ics_line(&mut out, &format!("LOCATION:{}", ics_text(&net)));
                    ics_line(
                        &mut out,
                        &format!("CATEGORIES:{}", ics_text(&enum_str(&p.data.status))),
                    );
                    if !p.data.link.is_empty() {
                        ics_line(&mut out, &format!("URL:{}", p.data.link));
                    }
                    ics_line(&mut out, "END:VEVENT");
                }
                ics_line(&mut out, "END:VCALENDAR");
                Ok(vec![ExportFile {
                    name: format!("{base}.ics"),
                    bytes: out.into_bytes(),
                }])
            }
        }
    }
}
