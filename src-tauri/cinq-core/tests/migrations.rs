//! Every earlier schema version migrates: a database made at version v (1 to the latest but one), with rows in every
//! table that exists at v, opens with the app's own `Store::open`, reaches the latest version, keeps every row (its
//! values in every column that survived), passes SQLite's foreign key check, and the domain reads the strategy back.
//!
//! The rows are realistic: they are the sample strategy's (written by the domain at the latest version), copied into
//! the older database column by column, where the column exists at v. The few tables the sample leaves empty get a
//! row from `fill_the_rest`. A table that exists at v and has no row makes the test fail, so a new table needs rows
//! (in the sample, or in `fill_the_rest`) before this test passes.
//!
//! How we made sure the test fails when a migration drops data: with `DELETE FROM kpi_reading;` appended to
//! `0012_publication_time.sql`, it failed ("version 7: kpi_reading lost 8 row(s) of 8…"), and with
//! `UPDATE persona SET description = '';` appended instead, it failed too ("version 2: persona lost 2 row(s)…");
//! both were reverted. The versions go up to the latest but one, so the next migration is covered the day it lands.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::Connection;

use cinq_core::calendar::checks::CheckOptions;
use cinq_core::store::{Store, MIGRATIONS, SCHEMA_VERSION};

type Row = Vec<(String, Value)>;

/// The tables of a database (none of SQLite's own), in name order. The tables derived by triggers (`latest_result`,
/// and its pause marks, empty outside a large write: migration 13) are not data of their own: they are checked
/// against the view they come from instead (`the_derived_tables_equal_their_view`).
fn tables(conn: &Connection) -> Vec<String> {
    names(
        conn,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND name NOT LIKE 'latest_result%' ORDER BY name",
    )
}

/// The first column of every row `sql` answers, as text (names of tables or columns).
fn names(conn: &Connection, sql: &str) -> Vec<String> {
    let mut stmt = conn.prepare(sql).unwrap();
    let names = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap();
    names
}

fn columns(conn: &Connection, table: &str) -> Vec<String> {
    names(
        conn,
        &format!("SELECT name FROM pragma_table_info('{table}') ORDER BY cid"),
    )
}

/// Every row of `table`, each as its (column, value) pairs.
fn rows(conn: &Connection, table: &str) -> Vec<Row> {
    let cols = columns(conn, table);
    let list = cols
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let mut stmt = conn
        .prepare(&format!("SELECT {list} FROM \"{table}\""))
        .unwrap();
    let out = stmt
        .query_map([], |r| {
            cols.iter()
                .enumerate()
                .map(|(i, c)| Ok((c.clone(), r.get::<_, Value>(i)?)))
                .collect::<rusqlite::Result<Row>>()
        })
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap();
    out
}

/// A row's values, as text a human reads in a failure (and that sorts and compares).
fn key(row: &[(String, Value)]) -> String {
    row.iter()
        .map(|(c, v)| format!("{c}={v:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Rows of the tables the sample strategy leaves empty, written by raw SQL at the latest version (the older
/// database gets them through the same copy as the rest).
fn fill_the_rest(conn: &Connection, id: i64) {
    let empty = |t: &str| -> bool {
        conn.query_row(&format!("SELECT count(*) = 0 FROM \"{t}\""), [], |r| {
            r.get(0)
        })
        .unwrap()
    };
    if empty("setting") {
        conn.execute(
            "INSERT INTO setting (key, value) VALUES ('language', 'fr')",
            [],
        )
        .unwrap();
    }
    if empty("custom_network") {
        conn.execute(
            "INSERT INTO custom_network (strategy_id, key, position, name, kind, max_length, formats)
             VALUES (?1, 'custom-forum', 0, 'Forum des artisans', 'community', 2000, '[\"text\"]')",
            [id],
        )
        .unwrap();
    }
}

/// After a migration, `latest_result` holds exactly what its view computes (migration 13 fills it; the triggers keep
/// it), and nothing is left paused.
fn the_derived_tables_equal_their_view(conn: &Connection, v: usize, had_results: bool) {
    let all = |sql: &str| -> Vec<String> {
        let mut stmt = conn.prepare(sql).unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                (0..n)
                    .map(|i| r.get::<_, Value>(i).map(|x| format!("{x:?}")))
                    .collect::<rusqlite::Result<Vec<_>>>()
                    .map(|cells| cells.join("|"))
            })
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap();
        rows
    };
    let table = all("SELECT * FROM latest_result ORDER BY post_id");
    assert_eq!(
        !table.is_empty(),
        had_results,
        "version {v}: the sample's results give latest results"
    );
    assert_eq!(
        table,
        all("SELECT * FROM latest_result_source ORDER BY post_id"),
        "version {v}"
    );
    assert!(
        all("SELECT * FROM latest_result_paused").is_empty(),
        "version {v}"
    );
    assert!(
        all("SELECT * FROM latest_result_touched").is_empty(),
        "version {v}"
    );
}

/// The latest-version database holding the sample strategy (and a row in every table); its strategy's id.
fn donor(dir: &Path) -> (Connection, i64) {
    let path = dir.join("donor.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let id = store.create_sample().unwrap().id;
    drop(store);
    let conn = Connection::open(&path).unwrap();
    fill_the_rest(&conn, id);
    for t in tables(&conn) {
        assert!(
            !rows(&conn, &t).is_empty(),
            "the donor has no row in {t}: give it one in fill_the_rest"
        );
    }
    (conn, id)
}

/// A database at schema version `v`, made by the store's own migration runner with the first `v` migrations, with
/// the donor's rows copied into every table (the columns that exist at `v`). Returns the rows as they were written.
fn at_version(
    dir: &Path,
    donor_path: &Path,
    v: usize,
) -> (std::path::PathBuf, BTreeMap<String, Vec<Row>>) {
    let path = dir.join(format!("v{v}.sqlite3"));
    drop(Store::open_with_migrations(&path, &MIGRATIONS[..v]).unwrap());
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        version, v as i64,
        "the store records the version in user_version"
    );
    conn.execute(
        "ATTACH DATABASE ?1 AS donor",
        [donor_path.to_str().unwrap()],
    )
    .unwrap();
    // The copy goes in any table order; the foreign key check after the migration sees that it holds together.
    conn.execute_batch("PRAGMA foreign_keys = OFF; BEGIN;")
        .unwrap();
    let mut written = BTreeMap::new();
    for t in tables(&conn) {
        let theirs = names(
            &conn,
            &format!("SELECT name FROM pragma_table_info('{t}', 'donor') ORDER BY cid"),
        );
        let shared: Vec<String> = columns(&conn, &t)
            .into_iter()
            .filter(|c| theirs.contains(c))
            .map(|c| format!("\"{c}\""))
            .collect();
        assert!(
            !shared.is_empty(),
            "{t} (version {v}) shares no column with the latest version"
        );
        let list = shared.join(", ");
        conn.execute(
            &format!("INSERT INTO main.\"{t}\" ({list}) SELECT {list} FROM donor.\"{t}\""),
            [],
        )
        .unwrap_or_else(|e| panic!("copying {t} into version {v}: {e}"));
        let got = rows(&conn, &t);
        assert!(!got.is_empty(), "{t} has no row at version {v}");
        written.insert(t, got);
    }
    conn.execute_batch("COMMIT; DETACH DATABASE donor;")
        .unwrap();
    (path, written)
}

#[test]
fn every_earlier_schema_version_migrates_with_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let (donor_conn, id) = donor(dir.path());
    let donor_path = dir.path().join("donor.sqlite3");
    drop(donor_conn);
    let today = chrono::Utc::now().date_naive();
    const { assert!(SCHEMA_VERSION > 1) };

    for v in 1..SCHEMA_VERSION as usize {
        let (path, written) = at_version(dir.path(), &donor_path, v);

        let store =
            Store::open(&path).unwrap_or_else(|e| panic!("version {v} does not open: {e:?}"));
        assert_eq!(
            store.schema_version().unwrap(),
            SCHEMA_VERSION,
            "version {v}"
        );
        let conn = store.conn();

        the_derived_tables_equal_their_view(conn, v, written.contains_key("result_snapshot"));

        // Every row is still there, with its values in every column that survived.
        let now = tables(conn);
        for (t, before) in &written {
            assert!(
                now.contains(t),
                "version {v}: the migration dropped the table {t}"
            );
            // The columns of version v that are still there (a new column is not compared).
            let kept: Vec<String> = columns(conn, t)
                .into_iter()
                .filter(|c| before[0].iter().any(|(o, _)| o == c))
                .collect();
            let project = |r: &Row| -> String {
                key(&r
                    .iter()
                    .filter(|(c, _)| kept.contains(c))
                    .cloned()
                    .collect::<Vec<_>>())
            };
            let mut after: BTreeMap<String, usize> = BTreeMap::new();
            for r in rows(conn, t) {
                *after.entry(project(&r)).or_default() += 1;
            }
            let mut lost = Vec::new();
            for r in before {
                match after.get_mut(&project(r)) {
                    Some(n) if *n > 0 => *n -= 1,
                    _ => lost.push(project(r)),
                }
            }
            assert!(
                lost.is_empty(),
                "version {v}: {t} lost {} row(s) of {} (or changed their values), e.g. {}",
                lost.len(),
                before.len(),
                lost[0]
            );
        }

        // The rows hold together.
        let broken: Vec<(String, i64, String)> = {
            let mut stmt = conn.prepare("PRAGMA foreign_key_check").unwrap();
            let found = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .unwrap()
                .collect::<rusqlite::Result<Vec<_>>>()
                .unwrap();
            found
        };
        assert!(
            broken.is_empty(),
            "version {v}: foreign keys broken: {broken:?}"
        );

        // The domain reads the strategy back, every step of it.
        let strategy = store.strategy(id).unwrap();
        let start = strategy.start_date.clone();
        let end = (NaiveDate::parse_from_str(&start, "%Y-%m-%d").unwrap()
            + chrono::Duration::days(120))
        .format("%Y-%m-%d")
        .to_string();
        store.audit_view(id, today).unwrap();
        store.benchmark_view(id).unwrap();
        store.objectives_view(id, today).unwrap();
        let calendar = store
            .calendar_view(id, &start, &end, today, &CheckOptions::default())
            .unwrap_or_else(|e| panic!("version {v}: the calendar does not read: {e:?}"));
        let shown = calendar.calendar.posts.len() + calendar.calendar.ideas.len();
        assert!(
            shown > 0 || v < 5,
            "version {v}: the calendar shows no post"
        );
        store
            .evaluate(id, None, None, today)
            .unwrap_or_else(|e| panic!("version {v}: the results do not read: {e:?}"));
        store.ab_tests(id).unwrap();
        store.overview(id, today).unwrap();
        store.export_strategy(id).unwrap();
        drop(store);
    }
}
