//! Cinq's own CSV, both ways: every field of a post, re-importable. The export writes rows as the posts are read
//! (one thread reads SQLite, a second writes the CSV); the import reads the file on a second thread while the first
//! checks and writes each row, in one transaction, creating the topics, objectives and editorial items it names. The
//! two threads hand rows over through `relay` (batches that come back to be filled again, so no row allocates).

use std::collections::HashMap;

use rusqlite::Transaction;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::export::{Delimiter, ExportOptions};
use crate::calendar::PostStatus;
use crate::error::{CoreError, Result};
use crate::io::csv::{neutralise, unneutralise};
use crate::objectives::{Pillar, TopicInput};
use crate::store::Store;

/// Every status, for reading them back by name.
const STATUSES: [PostStatus; 5] = [
    PostStatus::Idea,
    PostStatus::Draft,
    PostStatus::Ready,
    PostStatus::Scheduled,
    PostStatus::Published,
];

/// A status as the files write it (its JSON name).
fn status_str(s: PostStatus) -> &'static str {
    match s {
        PostStatus::Idea => "idea",
        PostStatus::Draft => "draft",
        PostStatus::Ready => "ready",
        PostStatus::Scheduled => "scheduled",
        PostStatus::Published => "published",
    }
}

/// The columns of Cinq's own CSV, in order.
pub const CINQ_CSV_COLUMNS: [&str; 13] = [
    "network",
    "date",
    "time",
    "pillar",
    "topic",
    "title",
    "text",
    "link",
    "media_notes",
    "status",
    "editorial_item",
    "objective",
    "campaign",
];

impl Store {
    /// Cinq's own CSV, written row by row as the posts are read: every field, the ideas after the dated posts (when
    /// no period is asked), topics, objectives and editorial items by name.
    pub(crate) fn cinq_csv(&self, id: i64, o: &ExportOptions) -> Result<(Vec<u8>, usize)> {
        let objectives = self.objectives(id)?;
        let names = Names {
            topics: objectives
                .topics
                .iter()
                .map(|t| (t.id, t.data.name.as_str()))
                .collect(),
            objectives: objectives
                .objectives
                .iter()
                .map(|x| (x.id, x.data.title.as_str()))
                .collect(),
            editorial: crate::calendar::editorial_titles(self.conn(), id)?,
        };
        let mut out = Vec::new();
        if o.bom {
            out.extend_from_slice(b"\xEF\xBB\xBF");
        }
        // This thread reads the posts out of SQLite; a second one reads their JSON and writes the CSV (see `relay`).
        std::thread::scope(|scope| {
            let (filler, drainer) = relay::<StoredPost>();
            let names = &names;
            let writer = scope.spawn(move || -> Result<(Vec<u8>, usize)> {
                let mut unread = 0;
                let fail = |e: csv::Error| CoreError::Io(format!("cannot write the CSV: {e}"));
                let mut w = csv::WriterBuilder::new()
                    .delimiter(match o.delimiter {
                        Delimiter::Comma => b',',
                        Delimiter::Semicolon => b';',
                    })
                    .terminator(csv::Terminator::CRLF)
                    .from_writer(out);
                w.write_record(CINQ_CSV_COLUMNS).map_err(fail)?;
                for batch in drainer.batches() {
                    let batch = batch?;
                    for stored in &batch {
                        match stored.post() {
                            Some(p) => write_cinq_row(&mut w, &p, o, names).map_err(fail)?,
                            None => unread += 1,
                        }
                    }
                    drainer.give_back(batch);
                }
                w.into_inner()
                    .map(|bytes| (bytes, unread))
                    .map_err(|e| CoreError::Io(format!("cannot write the CSV: {}", e.error())))
            });
            let read = (|| -> Result<()> {
                let mut batch: Vec<StoredPost> = Vec::new();
                let mut filled = 0;
                for sql in crate::calendar::EVERY_POST {
                    let mut stmt = self.conn().prepare_cached(&format!(
                        "SELECT {} FROM post {sql}",
                        crate::calendar::POST_COLUMNS
                    ))?;
                    let mut rows = stmt.query([id])?;
                    while let Some(r) = rows.next()? {
                        if filled == batch.len() {
                            batch.push(StoredPost::default());
                        }
                        batch[filled].read(r)?;
                        filled += 1;
                        if filled == BATCH_SIZE {
                            if !filler.send(Ok(batch)) {
                                // The writer stopped: its error says why.
                                return Ok(());
                            }
                            batch = filler.empty();
                            filled = 0;
                        }
                    }
                }
                batch.truncate(filled);
                filler.send(Ok(batch));
                Ok(())
            })();
            // No more batches: the writer finishes.
            drop(filler);
            let written = writer
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            read?;
            written
        })
    }
}

/// The names a Cinq CSV writes for a post's links.
struct Names<'a> {
    topics: std::collections::HashMap<i64, &'a str>,
    objectives: std::collections::HashMap<i64, &'a str>,
    editorial: std::collections::HashMap<i64, String>,
}

/// A post as stored, copied out of SQLite into buffers that are read into again and again.
#[derive(Default)]
struct StoredPost {
    id: i64,
    network: String,
    scheduled_at: Option<String>,
    links: [Option<i64>; 3],
    data: Vec<u8>,
}

impl StoredPost {
    /// Reads a row of `POST_COLUMNS`.
    fn read(&mut self, r: &rusqlite::Row) -> Result<()> {
        let text = |i: usize| -> Result<Option<&str>> {
            Ok(r.get_ref(i)?
                .as_str_or_null()
                .map_err(rusqlite::Error::from)?)
        };
        self.id = r.get(0)?;
        self.network.clear();
        self.network.push_str(text(1)?.unwrap_or_default());
        match (&mut self.scheduled_at, text(2)?) {
            (Some(buffer), Some(at)) => {
                buffer.clear();
                buffer.push_str(at);
            }
            (slot, at) => *slot = at.map(str::to_owned),
        }
        self.links = [r.get(3)?, r.get(4)?, r.get(5)?];
        self.data.clear();
        self.data
            .extend_from_slice(r.get_ref(6)?.as_bytes().unwrap_or_default());
        Ok(())
    }

    fn post(&self) -> Option<crate::calendar::Post> {
        crate::calendar::post_from_parts(
            self.id,
            self.network.clone(),
            self.scheduled_at.clone(),
            self.links,
            &self.data,
        )
    }
}

/// A post's row of a Cinq CSV, if the options keep it.
fn write_cinq_row<W: std::io::Write>(
    w: &mut csv::Writer<W>,
    p: &crate::calendar::Post,
    o: &ExportOptions,
    names: &Names,
) -> std::result::Result<(), csv::Error> {
    let d = &p.data;
    let keep = match d.scheduled_at.as_deref() {
        Some(at) => {
            let day = at.get(..10).unwrap_or(at);
            o.from.as_deref().map_or(true, |f| day >= f)
                && o.to.as_deref().map_or(true, |t| day <= t)
        }
        None => o.from.is_none() && o.to.is_none(),
    };
    if !keep
        || !(o.networks.is_empty() || o.networks.contains(&d.network))
        || !(o.statuses.is_empty() || o.statuses.contains(&d.status))
    {
        return Ok(());
    }
    let (date, time) = d
        .scheduled_at
        .as_deref()
        .map_or(("", ""), |s| s.split_once('T').unwrap_or((s, "")));
    let topic = d
        .topic_id
        .and_then(|t| names.topics.get(&t).copied())
        .unwrap_or_default();
    let objective = d
        .objective_id
        .and_then(|x| names.objectives.get(&x).copied())
        .unwrap_or_default();
    let editorial = d
        .editorial_item_id
        .and_then(|e| names.editorial.get(&e))
        .map_or("", String::as_str);
    for cell in [
        d.network.as_str(),
        date,
        time,
        d.pillar.map_or("", |x| x.name().0),
        topic,
        d.title.as_str(),
        d.text.as_str(),
        d.link.as_str(),
        d.media_notes.as_str(),
        status_str(d.status),
        editorial,
        objective,
        d.campaign.as_str(),
    ] {
        w.write_field(neutralise(cell, true).as_bytes())?;
    }
    w.write_record(None::<&[u8]>)
}

// ---------------------------------------------------------------------------------------------------------------
// Import of Cinq's own CSV.

/// What an import added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportReport {
    pub posts: u32,
    /// Topics, objectives and editorial items the file named and the strategy did not have, created for it.
    pub created_topics: u32,
    pub created_objectives: u32,
    pub created_editorial: u32,
}

/// The topics, objectives and editorial items the CSV imports name, found by name: topics case-insensitively,
/// objectives and editorial items by their exact title, the first of a name winning (as the export writes them). A
/// name the strategy does not have is created: a topic under the post's pillar (or promotion), an objective with no
/// KPI yet, an editorial item of type "other" on the post's day. Without a transaction (a dry run) nothing is
/// created: the missing names are only counted, once each.
pub(crate) struct NamedLinks {
    topics: HashMap<String, i64>,
    objectives: HashMap<String, i64>,
    editorial: HashMap<String, i64>,
    /// The stand-in ids a dry run gives the names it would create.
    stand_in: i64,
    pub(crate) created_topics: u32,
    pub(crate) created_objectives: u32,
    pub(crate) created_editorial: u32,
}

impl NamedLinks {
    pub(crate) fn load(conn: &rusqlite::Connection, id: i64) -> Result<NamedLinks> {
        let names = |sql: &str, lower: bool| -> Result<HashMap<String, i64>> {
            let mut map = HashMap::new();
            let mut stmt = conn.prepare(sql)?;
            let found =
                stmt.query_map([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
            for f in found {
                let (name, row) = f?;
                map.entry(if lower { name.to_lowercase() } else { name })
                    .or_insert(row);
            }
            Ok(map)
        };
        Ok(NamedLinks {
            topics: names(
                "SELECT name, id FROM topic WHERE strategy_id = ?1 ORDER BY id",
                true,
            )?,
            objectives: names(
                "SELECT json_extract(data, '$.title'), id FROM social_objective WHERE strategy_id = ?1 ORDER BY id",
                false,
            )?,
            editorial: names(
                "SELECT json_extract(data, '$.title'), id FROM editorial_item WHERE strategy_id = ?1 ORDER BY id",
                false,
            )?,
            stand_in: 0,
            created_topics: 0,
            created_objectives: 0,
            created_editorial: 0,
        })
    }

    fn stand_in(&mut self) -> i64 {
        self.stand_in -= 1;
        self.stand_in
    }

    /// The topic named `name` (none when blank), created under `pillar` if missing.
    pub(crate) fn topic(
        &mut self,
        tx: Option<&Transaction>,
        id: i64,
        name: &str,
        pillar: Option<Pillar>,
    ) -> Result<Option<i64>> {
        let name = name.trim();
        if name.is_empty() {
            return Ok(None);
        }
        let key = name.to_lowercase();
        if let Some(t) = self.topics.get(&key) {
            return Ok(Some(*t));
        }
        let t = match tx {
            Some(tx) => crate::objectives::insert_topic(
                tx,
                id,
                &TopicInput {
                    pillar: pillar.unwrap_or(Pillar::Promotion),
                    name: name.to_owned(),
                    description: String::new(),
                },
            )?,
            None => self.stand_in(),
        };
        self.created_topics += 1;
        self.topics.insert(key, t);
        Ok(Some(t))
    }

    /// The objective titled `title` (none when blank), created if missing.
    pub(crate) fn objective(
        &mut self,
        tx: Option<&Transaction>,
        id: i64,
        title: &str,
    ) -> Result<Option<i64>> {
        let title = title.trim();
        if title.is_empty() {
            return Ok(None);
        }
        if let Some(o) = self.objectives.get(title) {
            return Ok(Some(*o));
        }
        let o = match tx {
            Some(tx) => crate::objectives::insert_objective(
                tx,
                id,
                &crate::objectives::ObjectiveInput {
                    title: title.to_owned(),
                    objective_type: crate::objectives::ObjectiveType::Awareness,
                    marketing_objective_id: None,
                    kpi_metric: None,
                    kpi_name: String::new(),
                    kpi_unit: String::new(),
                    direction: crate::objectives::Direction::Increase,
                    baseline: None,
                    target: None,
                    deadline: None,
                    networks: Vec::new(),
                    owner: String::new(),
                    contribution: String::new(),
                },
            )?,
            None => self.stand_in(),
        };
        self.created_objectives += 1;
        self.objectives.insert(title.to_owned(), o);
        Ok(Some(o))
    }

    /// The editorial item titled `title` (none when blank), created if missing on the day of `scheduled_at` (today
    /// for an idea).
    pub(crate) fn editorial(
        &mut self,
        tx: Option<&Transaction>,
        id: i64,
        title: &str,
        scheduled_at: Option<&str>,
    ) -> Result<Option<i64>> {
        let title = title.trim();
        if title.is_empty() {
            return Ok(None);
        }
        if let Some(e) = self.editorial.get(title) {
            return Ok(Some(*e));
        }
        let e = match tx {
            Some(tx) => {
                let date = scheduled_at.map_or_else(
                    || chrono::Utc::now().format("%Y-%m-%d").to_string(),
                    |s| s[..10].to_owned(),
                );
                crate::calendar::insert_editorial(
                    tx,
                    id,
                    &crate::calendar::EditorialItemInput {
                        item_type: crate::calendar::EditorialType::Other,
                        date,
                        title: title.to_owned(),
                        theme: String::new(),
                        owner: String::new(),
                        status: crate::calendar::EditorialStatus::Planned,
                        link: String::new(),
                    },
                )?
            }
            None => self.stand_in(),
        };
        self.created_editorial += 1;
        self.editorial.insert(title.to_owned(), e);
        Ok(Some(e))
    }
}

fn bad(file: &str, line: u64, column: &str, what: &str) -> CoreError {
    CoreError::InvalidFile(format!("{file}, line {line}, column {column}: {what}"))
}

/// The names of a Cinq CSV row's topic, editorial item and objective.
struct CinqCsvLinks<'r> {
    topic: &'r str,
    editorial: &'r str,
    objective: &'r str,
}

/// `dst` holding `src`, in the room it already has.
fn set(dst: &mut String, src: &str) {
    dst.clear();
    dst.push_str(src);
}

/// Reads and checks a row of a Cinq CSV into `input` (the post without its links; its texts are written into the
/// strings it has, so that an import of 100,000 rows allocates none per row), and answers with the names of its links.
fn cinq_csv_row<'r>(
    file: &str,
    line: u64,
    record: &'r csv::StringRecord,
    networks: &[crate::network::Network],
    input: &mut crate::calendar::PostInput,
) -> Result<CinqCsvLinks<'r>> {
    let cell = |i: usize| unneutralise(record.get(i).unwrap_or_default());
    let network = cell(0);
    if !networks.iter().any(|n| n.key == network) {
        return Err(bad(
            file,
            line,
            "network",
            &format!(
                "a network key such as linkedin or instagram, found {}",
                crate::error::quote(network)
            ),
        ));
    }
    let (date, time) = (cell(1), cell(2));
    let scheduled_at = if date.is_empty() && time.is_empty() {
        None
    } else {
        let mut at = input.scheduled_at.take().unwrap_or_default();
        at.clear();
        at.push_str(date);
        at.push('T');
        at.push_str(time);
        // The one strict form (see `dates`): no lenient fallback, so that what is stored reads back everywhere.
        if !crate::dates::is_day(date) {
            return Err(bad(
                file,
                line,
                "date",
                &format!(
                    "{}, found {}",
                    crate::dates::DAY_EXPECTED,
                    crate::error::quote(date)
                ),
            ));
        }
        if !crate::dates::is_time(time) {
            return Err(bad(
                file,
                line,
                "time",
                &format!(
                    "{}, found {}",
                    crate::dates::TIME_EXPECTED,
                    crate::error::quote(time)
                ),
            ));
        }
        Some(at)
    };
    // Pillars and statuses by the names the export writes, without serde: a file has 100,000 of them.
    let pillar = match cell(3) {
        "" => None,
        text => Some(
            Pillar::ALL
                .into_iter()
                .find(|p| p.name().0 == text)
                .ok_or_else(|| {
                    bad(
                        file,
                        line,
                        "pillar",
                        &format!(
                            "promotion, curation, interaction or nothing, found {}",
                            crate::error::quote(text)
                        ),
                    )
                })?,
        ),
    };
    let status_text = cell(9);
    let status = STATUSES
        .into_iter()
        .find(|s| status_str(*s) == status_text)
        .ok_or_else(|| {
            bad(
                file,
                line,
                "status",
                &format!(
                    "idea, draft, ready, scheduled or published, found {}",
                    crate::error::quote(status_text)
                ),
            )
        })?;
    set(&mut input.network, network);
    input.scheduled_at = scheduled_at;
    input.pillar = pillar;
    input.topic_id = None;
    set(&mut input.title, cell(5));
    set(&mut input.text, cell(6));
    set(&mut input.link, cell(7));
    set(&mut input.media_notes, cell(8));
    input.status = status;
    input.editorial_item_id = None;
    input.objective_id = None;
    set(&mut input.campaign, cell(12));
    Ok(CinqCsvLinks {
        topic: cell(4),
        editorial: cell(10),
        objective: cell(11),
    })
}

/// How many rows a batch handed between two threads holds, and how many batches may wait.
const BATCH_SIZE: usize = 512;
const BATCHES_AHEAD: usize = 8;

/// The filling end of a [`relay`].
struct Filler<T> {
    send: std::sync::mpsc::SyncSender<Result<Vec<T>>>,
    recycled: std::sync::mpsc::Receiver<Vec<T>>,
}

impl<T> Filler<T> {
    /// A batch to fill: one given back if there is one (its rows are read into again), else a new one.
    fn empty(&self) -> Vec<T> {
        self.recycled.try_recv().unwrap_or_default()
    }

    /// Hands a batch (or the error that ends them) over; false when the draining end has stopped.
    fn send(&self, batch: Result<Vec<T>>) -> bool {
        self.send.send(batch).is_ok()
    }
}

/// The draining end of a [`relay`].
struct Drainer<T> {
    receive: std::sync::mpsc::Receiver<Result<Vec<T>>>,
    recycle: std::sync::mpsc::SyncSender<Vec<T>>,
}

impl<T> Drainer<T> {
    /// The batches, until the filling end is dropped.
    fn batches(&self) -> std::sync::mpsc::Iter<'_, Result<Vec<T>>> {
        self.receive.iter()
    }

    /// Gives a drained batch back to be filled again. Best effort: when enough batches are waiting, this one is
    /// dropped (a blocking send could wait on a filler itself waiting for room).
    fn give_back(&self, batch: Vec<T>) {
        let _ = self.recycle.try_send(batch);
    }
}

/// Rows handed from one thread to another in batches, which go back to be filled again: no allocation per row, and
/// none freed on the other thread (which measured slower). Used by the Cinq CSV export (posts read out of SQLite,
/// written as CSV) and import (records parsed, checked and written).
fn relay<T>() -> (Filler<T>, Drainer<T>) {
    let (send, receive) = std::sync::mpsc::sync_channel(BATCHES_AHEAD);
    let (recycle, recycled) = std::sync::mpsc::sync_channel(BATCHES_AHEAD + 2);
    (Filler { send, recycled }, Drainer { receive, recycle })
}

/// Records of a CSV with their line numbers.
type Record = (u64, csv::StringRecord);

/// Reads the records of `reader` on a thread of `scope`, in batches (see `relay`), so that parsing the file overlaps
/// checking and writing its rows. A record the reader refuses ends the batches with its error (after the records
/// before it). The reading stops when the draining end is dropped (a bad row, a failed write).
fn read_ahead<'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    file: &'scope str,
    mut reader: csv::Reader<&'scope [u8]>,
    mut lines: crate::io::csv::Lines<'scope>,
) -> Drainer<Record> {
    let (filler, drainer) = relay::<Record>();
    let mut caps = crate::io::read::TableCaps::new(file);
    scope.spawn(move || loop {
        let mut batch = filler.empty();
        let mut filled = 0;
        let mut failed = None;
        while filled < BATCH_SIZE {
            if filled == batch.len() {
                batch.push((0, csv::StringRecord::new()));
            }
            let (line, record) = &mut batch[filled];
            match reader.read_record(record) {
                Ok(true) => {
                    *line = lines.line(record.position());
                    // The caps of `io::read`: rows, columns, cells and their text.
                    if let Err(e) = caps.row(*line, record.len(), record.iter().map(str::len)) {
                        failed = Some(e);
                        break;
                    }
                    filled += 1;
                }
                Ok(false) => break,
                Err(e) => {
                    let line = lines.line(e.position());
                    failed = Some(crate::io::read::csv_error(file, line, &e));
                    break;
                }
            }
        }
        batch.truncate(filled);
        let last = filled < BATCH_SIZE;
        if !filler.send(Ok(batch)) {
            return;
        }
        if let Some(e) = failed {
            filler.send(Err(e));
        }
        if last {
            return;
        }
    });
    drainer
}

impl Store {
    /// Imports a Cinq CSV (as exported, comma or semicolon, with or without BOM) into a strategy, in one transaction.
    /// Topics, objectives and editorial items are matched by name; missing ones are created. Any bad row refuses the
    /// whole file with its line, column and what was expected.
    pub fn import_calendar_csv(
        &mut self,
        id: i64,
        file: &str,
        bytes: &[u8],
    ) -> Result<ImportReport> {
        use crate::calendar::{insert_post_with, validate_post};
        let text = crate::io::csv::decode(file, bytes)?;
        let (delimiter, body, offset) = crate::io::csv::layout(&text);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(true)
            .from_reader(body.as_bytes());
        let header = reader
            .headers()
            .map_err(|e| crate::io::read::csv_error(file, 1 + offset, &e))?
            .clone();
        let columns: Vec<&str> = header.iter().collect();
        if columns != CINQ_CSV_COLUMNS {
            return Err(CoreError::InvalidFile(format!(
                "{file}, line {}: expected the columns of a Cinq CSV ({}), found: {}",
                1 + offset,
                CINQ_CSV_COLUMNS.join(", "),
                crate::error::quote(&columns.join(", "))
            )));
        }
        let networks = crate::network::networks_of(self.conn(), id)?;
        let lines = crate::io::csv::Lines::new(body, offset);
        let mut posts = 0;
        let copy = self.copy_before_import()?;
        // Rows are read on a second thread while this one checks and writes them, one by one inside the
        // transaction: a bad row stops the import (and the reading) and the transaction writes nothing.
        let links = std::thread::scope(|scope| {
            let records = read_ahead(scope, file, reader, lines);
            let mut batches = records.batches().peekable();
            // A file with no rows (a header alone), or whose first row cannot be read, is refused before the
            // transaction begins: nothing written, the strategy's change time untouched.
            if matches!(batches.peek(), Some(Ok(b)) if b.is_empty()) {
                batches.next();
                return Err(match batches.next() {
                    Some(Err(e)) => e,
                    _ => CoreError::InvalidFile(format!(
                        "{file}: the file has a header but no rows: nothing was imported"
                    )),
                });
            }
            self.bulk(|store| {
                store.write(|tx| {
                    crate::strategy::touch(tx, id)?;
                    let mut links = NamedLinks::load(tx, id)?;
                    let mut insert = tx.prepare(crate::calendar::INSERT_POST)?;
                    // One post and one JSON buffer for every row: no allocation per row on this thread.
                    let mut input = crate::calendar::PostInput::blank();
                    let mut json_buf = Vec::new();
                    for batch in batches.by_ref() {
                        let batch = batch?;
                        for (line, record) in &batch {
                            let line = *line;
                            let row = cinq_csv_row(file, line, record, &networks, &mut input)?;
                            input.editorial_item_id = links.editorial(
                                Some(tx),
                                id,
                                row.editorial,
                                input.scheduled_at.as_deref(),
                            )?;
                            input.topic_id = links.topic(Some(tx), id, row.topic, input.pillar)?;
                            input.objective_id = links.objective(Some(tx), id, row.objective)?;
                            validate_post(&input).map_err(|e| {
                                CoreError::InvalidFile(format!("{file}, line {line}: {e}"))
                            })?;
                            insert_post_with(&mut insert, id, &input, &mut json_buf)?;
                            posts += 1;
                        }
                        records.give_back(batch);
                    }
                    // A header alone imports nothing: an error, and the transaction (the strategy's change time
                    // with it) is rolled back.
                    if posts == 0 {
                        return Err(CoreError::InvalidFile(format!(
                            "{file}: the file has a header but no rows: nothing was imported"
                        )));
                    }
                    copy.wait()?;
                    Ok(links)
                })
            })
        })?;
        let report = ImportReport {
            posts,
            created_topics: links.created_topics,
            created_objectives: links.created_objectives,
            created_editorial: links.created_editorial,
        };
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The CSV's statuses and pillars are read and written without serde: the names must stay serde's.
    #[test]
    fn statuses_and_pillars_are_written_by_their_serde_names() {
        for s in STATUSES {
            assert_eq!(status_str(s), crate::store::enum_str(&s));
        }
        for p in Pillar::ALL {
            assert_eq!(p.name().0, crate::store::enum_str(&p));
        }
    }
}
