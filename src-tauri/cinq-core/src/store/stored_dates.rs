//! The dates and times already stored, brought to their one form ([`crate::dates`]): a migration repairs what reads
//! without ambiguity (`2027-1-5`, a stray space, `2027-01-05 9:30`), and [`problems`] lists the rest, which the CLI
//! prints (`cinq calendar check`, `cinq strategy show`) and the calendar's checks show.

use rusqlite::{params, Connection};

use crate::dates;
use crate::error::Result;

/// The form a stored value must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Day,
    DayTime,
    Timestamp,
}

impl Form {
    fn ok(self, s: &str) -> bool {
        match self {
            Form::Day => dates::is_day(s),
            Form::DayTime => dates::is_day_time(s),
            Form::Timestamp => dates::is_timestamp(s),
        }
    }

    fn repair(self, s: &str) -> Option<String> {
        match self {
            Form::Day => dates::repair_day(s),
            Form::DayTime => dates::repair_day_time(s),
            Form::Timestamp => {
                let t = s.trim();
                dates::is_timestamp(t).then(|| t.to_owned())
            }
        }
    }

    pub fn expected(self) -> &'static str {
        match self {
            Form::Day => dates::DAY_EXPECTED,
            Form::DayTime => dates::DAY_TIME_EXPECTED,
            Form::Timestamp => dates::TIMESTAMP_EXPECTED,
        }
    }
}

/// One stored column of dates (or a field of a row's JSON `data`): its table, column, form, how a row is named (an SQL expression of the row's key) and
/// how its strategy is found (an SQL expression over `t`, the table).
struct Column {
    table: &'static str,
    /// The column, or the field of the row's JSON `data` when `json` is set.
    column: &'static str,
    json: bool,
    form: Form,
    /// What the row is, for messages ("post", "KPI reading"…), in English and French.
    what: &'static str,
    what_fr: &'static str,
    /// Its strategy, from `t`.
    strategy: &'static str,
    /// Its id (for a row without one, the rowid of its parent).
    id: &'static str,
    /// The condition that finds the row again, from `?2` (its id) and `?3` (the value).
    key: &'static str,
}

/// What most columns share: a row of a strategy's own table, found by its id (not a JSON field).
const ROW: Column = Column {
    table: "",
    column: "",
    json: false,
    form: Form::Day,
    what: "",
    what_fr: "",
    strategy: "t.strategy_id",
    id: "t.id",
    key: "id = ?2",
};

const COLUMNS: &[Column] = &[
    Column {
        table: "strategy",
        column: "start_date",
        json: false,
        form: Form::Day,
        what: "strategy",
        what_fr: "stratégie",
        strategy: "t.id",
        id: "t.id",
        key: "id = ?2",
    },
    Column {
        table: "strategy",
        column: "created_at",
        json: false,
        form: Form::Timestamp,
        what: "strategy",
        what_fr: "stratégie",
        strategy: "t.id",
        id: "t.id",
        key: "id = ?2",
    },
    Column {
        table: "strategy",
        column: "updated_at",
        json: false,
        form: Form::Timestamp,
        what: "strategy",
        what_fr: "stratégie",
        strategy: "t.id",
        id: "t.id",
        key: "id = ?2",
    },
    Column {
        table: "observation",
        column: "observed_on",
        json: false,
        form: Form::Day,
        what: "benchmark observation",
        what_fr: "observation du benchmark",
        strategy: "(SELECT strategy_id FROM player WHERE player.id = t.player_id)",
        id: "t.id",
        key: "id = ?2",
    },
    Column {
        table: "editorial_item",
        column: "date",
        form: Form::Day,
        what: "editorial item",
        what_fr: "contenu éditorial",
        ..ROW
    },
    Column {
        table: "post",
        column: "scheduled_at",
        form: Form::DayTime,
        what: "post",
        what_fr: "publication",
        ..ROW
    },
    Column {
        table: "publication",
        column: "published_at",
        json: false,
        form: Form::DayTime,
        what: "publication of post",
        what_fr: "mise en ligne de la publication",
        strategy: "t.strategy_id",
        id: "t.post_id",
        key: "post_id = ?2",
    },
    Column {
        table: "result_snapshot",
        column: "taken_on",
        json: false,
        form: Form::Day,
        what: "result snapshot of post",
        what_fr: "relevé de résultats de la publication",
        strategy: "(SELECT strategy_id FROM post WHERE post.id = t.post_id)",
        id: "t.post_id",
        key: "post_id = ?2 AND taken_on = ?3",
    },
    Column {
        table: "kpi_reading",
        column: "taken_on",
        json: false,
        form: Form::Day,
        what: "KPI reading",
        what_fr: "relevé de KPI",
        strategy: "(SELECT strategy_id FROM social_objective o WHERE o.id = t.objective_id)",
        id: "t.id",
        key: "id = ?2",
    },
    Column {
        table: "adaptation",
        column: "review_on",
        form: Form::Day,
        what: "adaptation",
        what_fr: "adaptation",
        ..ROW
    },
    // Dates kept in a row's JSON.
    Column {
        table: "social_objective",
        column: "deadline",
        json: true,
        form: Form::Day,
        what: "social objective",
        what_fr: "objectif social",
        ..ROW
    },
    Column {
        table: "presence",
        column: "last_post_on",
        json: true,
        form: Form::Day,
        what: "audit presence",
        what_fr: "présence de l’audit",
        strategy: "t.strategy_id",
        id: "t.rowid",
        key: "rowid = ?2",
    },
    Column {
        table: "adaptation",
        column: "date",
        json: true,
        form: Form::Day,
        what: "adaptation",
        what_fr: "adaptation",
        ..ROW
    },
];

impl Column {
    /// The value, as an SQL expression over `t`.
    fn value(&self) -> String {
        if self.json {
            format!("json_extract(t.data, '$.{}')", self.column)
        } else {
            format!("t.{}", self.column)
        }
    }
}

/// A stored value that is not in its form and that no repair reads without ambiguity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub strategy_id: i64,
    pub table: &'static str,
    pub column: &'static str,
    /// What the row is ("post", "KPI reading"…), in English and French.
    pub what: &'static str,
    pub what_fr: &'static str,
    pub id: i64,
    /// The value as stored (a non-text value in SQL's words).
    pub value: String,
    pub expected: &'static str,
}

impl Problem {
    /// One line for the CLI: where it is, what it holds (a short quote), what was expected.
    pub fn message(&self) -> String {
        format!(
            "{} {}: {} is {}, expected {}",
            self.what,
            self.id,
            self.column,
            crate::error::quote(&self.value),
            self.expected
        )
    }
}

fn text_of(v: rusqlite::types::ValueRef) -> Option<String> {
    use rusqlite::types::ValueRef;
    match v {
        ValueRef::Null => None,
        ValueRef::Text(t) => Some(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Integer(i) => Some(i.to_string()),
        ValueRef::Real(r) => Some(r.to_string()),
        ValueRef::Blob(b) => Some(format!("a blob of {} bytes", b.len())),
    }
}

/// Every stored value of a column not in its form: (strategy, id, raw value, whether it is text).
fn scan(
    conn: &Connection,
    c: &Column,
    strategy: Option<i64>,
) -> Result<Vec<(i64, i64, String, bool)>> {
    let sql = format!(
        "SELECT {s}, {id}, {col} FROM {table} t WHERE {col} IS NOT NULL{only}",
        s = c.strategy,
        id = c.id,
        col = c.value(),
        table = c.table,
        only = if strategy.is_some() {
            format!(" AND {} = ?1", c.strategy)
        } else {
            String::new()
        }
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = match strategy {
        Some(id) => stmt.query([id])?,
        None => stmt.query([])?,
    };
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let v = r.get_ref(2)?;
        // Checked where it lies (no copy): the rows in their form, nearly all of them, cost a parse each.
        if let rusqlite::types::ValueRef::Text(t) = v {
            if std::str::from_utf8(t).is_ok_and(|t| c.form.ok(t)) {
                continue;
            }
        }
        let is_text = matches!(v, rusqlite::types::ValueRef::Text(_));
        let Some(value) = text_of(v) else { continue };
        let sid: Option<i64> = r.get(0)?;
        let id: Option<i64> = r.get(1)?;
        out.push((sid.unwrap_or(-1), id.unwrap_or(-1), value, is_text));
    }
    Ok(out)
}

/// The repair step of the migration: every stored value that a `dates::repair_*` reads without ambiguity is written
/// in its one form. A repair that would collide with another row (two readings of one day) is left, and listed.
pub(crate) fn repair(conn: &Connection) -> Result<usize> {
    let mut repaired = 0;
    for c in COLUMNS {
        // A column a later migration adds (publication.published_at, 11) is not there yet, and has nothing to repair.
        let present: bool = c.json
            || conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2)",
                params![c.table, c.column],
                |r| r.get(0),
            )?;
        if !present {
            continue;
        }
        for (_, id, value, is_text) in scan(conn, c, None)? {
            let Some(fixed) = is_text.then(|| c.form.repair(&value)).flatten() else {
                continue;
            };
            let sql = if c.json {
                format!(
                    "UPDATE OR IGNORE {} SET data = json_set(data, '$.{col}', ?1) \
                     WHERE {} AND json_extract(data, '$.{col}') IS ?3",
                    c.table,
                    c.key,
                    col = c.column
                )
            } else {
                format!(
                    "UPDATE OR IGNORE {} SET {col} = ?1 WHERE {} AND {col} IS ?3",
                    c.table,
                    c.key,
                    col = c.column
                )
            };
            repaired += conn.execute(&sql, params![fixed, id, value])?;
        }
    }
    Ok(repaired)
}

/// The stored values of a strategy (all when `None`) that are not in their form.
pub fn problems(conn: &Connection, strategy: Option<i64>) -> Result<Vec<Problem>> {
    problems_in(conn, strategy, COLUMNS.iter())
}

/// [`problems`] of the calendar only (posts and editorial items): what the calendar's checks list, on every view.
///
/// Every entry point refuses a date not in its form, so this connection's own writes never add a problem; only
/// another connection can (an older Cinq, a hand edit). So a strategy found clean is not scanned again until another
/// connection commits (`PRAGMA data_version`): the answer is kept in a TEMP table, which lives and dies with the
/// connection and never touches the file. A strategy with problems is scanned each time (so a fix shows at once).
pub fn calendar_problems(conn: &Connection, strategy: i64) -> Result<Vec<Problem>> {
    let version: i64 = conn.query_row("PRAGMA data_version", [], |r| r.get(0))?;
    // The memory is best-effort: a connection that may not write even TEMP tables (`query_only`) scans each time.
    if clean_at(conn, strategy).ok().flatten() == Some(version) {
        return Ok(Vec::new());
    }
    let found = problems_in(
        conn,
        Some(strategy),
        COLUMNS
            .iter()
            .filter(|c| c.table == "post" || c.table == "editorial_item"),
    )?;
    let _ = remember(conn, strategy, found.is_empty().then_some(version));
    Ok(found)
}

/// The `data_version` at which `strategy` was last found clean on this connection.
fn clean_at(conn: &Connection, strategy: i64) -> rusqlite::Result<Option<i64>> {
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS stored_dates_clean (
            strategy_id INTEGER PRIMARY KEY,
            data_version INTEGER NOT NULL
        )",
    )?;
    conn.prepare_cached("SELECT data_version FROM temp.stored_dates_clean WHERE strategy_id = ?1")?
        .query_row([strategy], |r| r.get(0))
        .map(Some)
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            e => Err(e),
        })
}

fn remember(conn: &Connection, strategy: i64, clean: Option<i64>) -> rusqlite::Result<()> {
    match clean {
        Some(version) => conn
            .prepare_cached(
                "INSERT OR REPLACE INTO temp.stored_dates_clean (strategy_id, data_version) VALUES (?1, ?2)",
            )?
            .execute(params![strategy, version]),
        None => conn
            .prepare_cached("DELETE FROM temp.stored_dates_clean WHERE strategy_id = ?1")?
            .execute([strategy]),
    }
    .map(|_| ())
}

fn problems_in<'a>(
    conn: &Connection,
    strategy: Option<i64>,
    columns: impl Iterator<Item = &'a Column>,
) -> Result<Vec<Problem>> {
    let mut out = Vec::new();
    for c in columns {
        for (strategy_id, id, value, _) in scan(conn, c, strategy)? {
            out.push(Problem {
                strategy_id,
                table: c.table,
                column: c.column,
                what: c.what,
                what_fr: c.what_fr,
                id,
                value,
                expected: c.form.expected(),
            });
        }
    }
    Ok(out)
}
