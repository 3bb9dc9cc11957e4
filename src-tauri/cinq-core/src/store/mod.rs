//! The SQLite store: opening a file safely, versioned migrations, settings.
//!
//! Owns: the connection, the migrations (`migrations/NNNN_name.sql`, forward-only, `PRAGMA user_version`), the
//! `setting` table, the backups (`backup.rs`) and the repair of old stored dates (`stored_dates.rs`). Each step's
//! module owns its own tables and statements, written through [`Store::write`]. Must not: know a step's rules or
//! types (it depends only on `model`, `error` and `dates`); `tests/migrations.rs` migrates every earlier version.
//!
//! Invariants:
//! - a file that is not SQLite, that a newer Cinq wrote, or that cannot be written is refused before anything
//!   writes to it, so it stays byte-for-byte as it was; a read command (see [`Store::open_existing`]) opens a file
//!   that cannot be written read-only instead, and reads it;
//! - only [`Store::open`] creates a missing file (the app, `strategy create`, `strategy import`, `sample`); every
//!   other opening of a missing file is an error naming its path;
//! - opening rolls back a write a crash interrupted (a hot rollback journal, a write-ahead log): the store's own
//!   read-write connection reads the file first, never a read-only probe that could not;
//! - the file is in write-ahead-log mode, so readers never wait on a writer; every write begins with
//!   `BEGIN IMMEDIATE`, and waits for another writer on the busy timeout (10 s) instead of failing;
//! - migrations are forward-only, run in one transaction, and a copy of an existing file is kept before one runs
//!   (in `backups/`, see backup.rs);
//! - every write goes through [`Store::write`] (or [`Store::bulk`] for an import), one transaction each; a write
//!   that is refused or rolled back leaves the file byte-identical.

pub mod backup;
pub mod stored_dates;

use std::fs::{self, OpenOptions};
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::TransactionBehavior::Immediate;
use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction};

use crate::error::{CoreError, FieldError, Result};
use crate::model::{LanguagePref, Settings, ThemePref};

/// What [`Store::resume_latest_results`] runs: the latest results of the posts noted while paused, computed once.
pub const RESUME_LATEST_RESULTS: &str = "DELETE FROM latest_result_paused;
    DELETE FROM latest_result WHERE post_id IN (SELECT post_id FROM latest_result_touched);
    INSERT INTO latest_result SELECT * FROM latest_result_source
        WHERE post_id IN (SELECT post_id FROM latest_result_touched);
    DELETE FROM latest_result_touched;";

/// The file name of the database in the app-data folder.
pub const DB_FILE_NAME: &str = "cinq.sqlite3";
/// The application identifier; also the app-data folder's name (as Tauri's path resolver names it).
pub const APP_IDENTIFIER: &str = "io.cinq.desktop";

/// The migrations, in order, one SQL file each in `migrations/` (what each does and why in its opening comment).
/// Migration `i` takes the schema from version `i` to `i + 1`. Never edit a shipped one: append a new one.
pub const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_strategies.sql"),
    include_str!("migrations/0002_audit.sql"),
    include_str!("migrations/0003_benchmark.sql"),
    include_str!("migrations/0004_objectives.sql"),
    include_str!("migrations/0005_calendar.sql"),
    include_str!("migrations/0006_campaign_index.sql"),
    include_str!("migrations/0007_results.sql"),
    include_str!("migrations/0008_snapshots_by_post.sql"),
    include_str!("migrations/0009_campaign_column.sql"),
    include_str!("migrations/0010_stored_dates.sql"),
    include_str!("migrations/0011_not_applicable.sql"),
    include_str!("migrations/0012_publication_time.sql"),
    include_str!("migrations/0013_latest_results.sql"),
];

/// The migration after which `migrate` runs `stored_dates::repair` (its 1-based number).
pub const REPAIR_DATES_AFTER: usize = 10;

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The backups' clock and the day already backed up (backup.rs).
    pub(crate) backups: crate::store::backup::Schedule,
}

impl Store {
    /// The default database path: the OS application-data folder, as Tauri's `app_data_dir` resolves it.
    pub fn default_path() -> PathBuf {
        dirs::data_dir()
            .unwrap_or_else(|| PathBuf::from("."))
            .join(APP_IDENTIFIER)
            .join(DB_FILE_NAME)
    }

    /// The path from `--db`, else `CINQ_DB`, else the default.
    pub fn resolve_path(flag: Option<PathBuf>) -> PathBuf {
        flag.or_else(|| {
            std::env::var_os("CINQ_DB")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .unwrap_or_else(Self::default_path)
    }

    /// Opens (or creates) the database at `path` and brings its schema up to date: what the app and the commands
    /// that make a database (`strategy create`, `strategy import`, `sample`) use.
    pub fn open(path: &Path) -> Result<Store> {
        Self::open_as(path, MIGRATIONS, Access::Create)
    }

    /// Opens the database at `path`, which must exist: a missing file is an error naming the path, never a new empty
    /// database. With `read_only`, a file (or folder) that cannot be written is opened read-only (a command that
    /// only reads); a file that can be written is opened for writing all the same, so that the rollback of a write
    /// interrupted by a crash, and a migration, can run.
    pub fn open_existing(path: &Path, read_only: bool) -> Result<Store> {
        let access = if read_only {
            Access::Read
        } else {
            Access::Write
        };
        Self::open_as(path, MIGRATIONS, access)
    }

    /// [`Store::open`] with another list of migrations: for testing the migration runner itself.
    #[doc(hidden)]
    pub fn open_with_migrations(path: &Path, migrations: &[&str]) -> Result<Store> {
        Self::open_as(path, migrations, Access::Create)
    }

    fn open_as(path: &Path, migrations: &[&str], access: Access) -> Result<Store> {
        let shown = path.display().to_string();
        let known = migrations.len() as i64;
        let exists = match fs::metadata(path) {
            Ok(_) => true,
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
                ) =>
            {
                false
            }
            Err(e) => return Err(CoreError::Io(format!("cannot read {shown}: {e}"))),
        };
        if exists {
            check_header(path)?;
        } else if access == Access::Create {
            let parent = parent_of(path);
            fs::create_dir_all(parent).map_err(|e| unwritable(&shown, e))?;
        } else {
            return Err(CoreError::NotFound(format!(
                "there is no database at {shown} (check --db or CINQ_DB; `cinq strategy create` or `cinq sample` \
                 makes a new one)"
            )));
        }
        let read_only = access == Access::Read && !writable(path);
        if !read_only {
            if exists {
                OpenOptions::new()
                    .append(true)
                    .open(path)
                    .map_err(|e| unwritable(&shown, e))?;
            }
            check_folder_writable(path)?;
        }
        let conn = connect(path, read_only, access == Access::Create).map_err(|e| {
            match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::NotADatabase) => CoreError::NotADatabase(shown.clone()),
                Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly) => {
                    unwritable(&shown, e)
                }
                _ => CoreError::Sql(e),
            }
        })?;
        if exists {
            check_existing(&conn, path, known, read_only)?;
        }
        configure(&conn, access, read_only).map_err(|e| match e {
            CoreError::Sql(ref s)
                if s.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly) =>
            {
                unwritable(&shown, s)
            }
            other => other,
        })?;
        let mut store = Store {
            conn,
            path: path.to_owned(),
            backups: Default::default(),
        };
        if !read_only {
            store.migrate(migrations)?;
        }
        Ok(store)
    }

    /// An in-memory store, for tests.
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch("PRAGMA foreign_keys = ON;")?;
        let mut store = Store {
            conn,
            path: PathBuf::from(":memory:"),
            backups: Default::default(),
        };
        store.migrate(MIGRATIONS)?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    fn migrate(&mut self, migrations: &[&str]) -> Result<()> {
        let newer = |path: &Path, found: i64| CoreError::NewerSchema {
            path: path.display().to_string(),
            found,
            known: migrations.len() as i64,
        };
        // Read first: a file that is up to date takes no write lock (a reader never waits on a writer).
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version == migrations.len() as i64 {
            return Ok(());
        }
        let tx = self.conn.transaction_with_behavior(Immediate)?;
        let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > migrations.len() as i64 {
            return Err(newer(&self.path, version));
        }
        for (i, sql) in migrations.iter().enumerate().skip(version as usize) {
            tx.execute_batch(sql)?;
            if i + 1 == REPAIR_DATES_AFTER {
                crate::store::stored_dates::repair(&tx)?;
            }
            tx.pragma_update(None, "user_version", i as i64 + 1)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Runs `f` in one transaction; it commits only if `f` succeeds.
    ///
    /// The transaction begins with `BEGIN IMMEDIATE`: it takes the write lock first, so that a second writer (the
    /// app and the CLI, two CLIs) waits on the busy timeout instead of failing at once when a read would have to
    /// become a write.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        self.backup_daily();
        let tx = self.conn.transaction_with_behavior(Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Runs a large write (an import of a whole file): its transaction gets a larger page cache ([`BULK_CACHE_KIB`]),
    /// so that the indexes it updates stay in memory. The cache goes back to its size after, whatever the outcome.
    ///
    /// The write goes through the write-ahead log like any other, so that:
    /// - other processes read meanwhile (the app while the CLI imports, a `calendar show`), and their writes wait
    ///   on the busy timeout;
    /// - a refused import (a bad row, a dry run, a cancel) leaves the file byte-identical: its pages never reach the
    ///   file, and nothing else is written. Switching the file to a rollback journal for the import (which writes
    ///   new pages once, where the log writes them twice: into the log, then into the file at the checkpoint)
    ///   rewrote the file's header, so a refused import still changed the file, and it blocked every other process
    ///   until the switch back; a kill during its commit left a hot journal (which opening rolls back, see
    ///   [`Store::open`]).
    pub(crate) fn bulk<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        let cache = grow_cache(&self.conn)?;
        let out = f(self);
        restore_cache(&self.conn, cache)?;
        out
    }

    /// Pauses the triggers that keep each post's latest results (store migration 13) for the rest of `tx`: they only
    /// note the posts they touch, which [`Store::resume_latest_results`] computes once. For a write of many rows.
    pub(crate) fn pause_latest_results(tx: &Transaction) -> Result<()> {
        tx.execute("INSERT OR IGNORE INTO latest_result_paused VALUES (1)", [])?;
        Ok(())
    }

    /// Computes the latest results of the posts touched since [`Store::pause_latest_results`], and lets the triggers
    /// run again; before `tx` commits.
    pub(crate) fn resume_latest_results(tx: &Transaction) -> Result<()> {
        tx.execute_batch(RESUME_LATEST_RESULTS)?;
        Ok(())
    }

    /// A transaction the caller commits, or drops to write nothing (a dry run, a cancel).
    /// It begins with `BEGIN IMMEDIATE`, like [`Store::write`].
    pub(crate) fn transaction(&mut self) -> Result<Transaction<'_>> {
        Ok(self.conn.transaction_with_behavior(Immediate)?)
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn get_setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )?;
            Ok(())
        })
    }

    pub fn settings(&self) -> Result<Settings> {
        let language = match self.get_setting("language")?.as_deref() {
            Some("en") => LanguagePref::En,
            Some("fr") => LanguagePref::Fr,
            _ => LanguagePref::System,
        };
        let theme = match self.get_setting("theme")?.as_deref() {
            Some("light") => ThemePref::Light,
            Some("dark") => ThemePref::Dark,
            _ => ThemePref::System,
        };
        Ok(Settings { language, theme })
    }

    pub fn set_settings(&mut self, s: &Settings) -> Result<Settings> {
        let language = match s.language {
            LanguagePref::System => "system",
            LanguagePref::En => "en",
            LanguagePref::Fr => "fr",
        };
        let theme = match s.theme {
            ThemePref::System => "system",
            ThemePref::Light => "light",
            ThemePref::Dark => "dark",
        };
        self.write(|tx| {
            for (k, v) in [("language", language), ("theme", theme)] {
                tx.execute(
                    "INSERT INTO setting (key, value) VALUES (?1, ?2)
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [k, v],
                )?;
            }
            Ok(())
        })?;
        self.settings()
    }
}

/// The next `position` for a new row of `table` in a strategy (rows keep the order they were added in).
pub(crate) fn next_position(tx: &Transaction, table: &str, strategy_id: i64) -> Result<i64> {
    Ok(tx.query_row(
        &format!("SELECT coalesce(max(position), 0) + 1 FROM {table} WHERE strategy_id = ?1"),
        [strategy_id],
        |r| r.get(0),
    )?)
}

/// The page cache of a bulk write, in KiB: 32 MiB. The transaction's pages beyond it spill into the write-ahead log
/// before the commit, which costs little (they are written there once either way), where a larger cache is memory
/// the process keeps for the whole import: with 128 MiB, a 100,000-post workbook's dry run peaked 40 MB higher.
const BULK_CACHE_KIB: i64 = 32 * 1024;

/// Sets the page cache to [`BULK_CACHE_KIB`] (what a whole-file import or export needs) and says what it was.
fn grow_cache(conn: &Connection) -> Result<i64> {
    let cache: i64 = conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    conn.execute_batch(&format!("PRAGMA cache_size = -{BULK_CACHE_KIB}"))?;
    Ok(cache)
}

fn restore_cache(conn: &Connection, cache: i64) -> Result<()> {
    conn.execute_batch(&format!("PRAGMA cache_size = {cache}"))?;
    Ok(())
}

/// An enum as its JSON name (`"short_video"` → `short_video`), the form every enum column is stored in.
pub(crate) fn enum_str<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// An enum from its stored name; `None` for a name this version does not know.
pub(crate) fn enum_from<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_owned())).ok()
}

/// How long a connection waits for another one (the app and the CLI on one file, two CLIs) to let go of the file:
/// a write for another write (a bulk import's included); a read only on a file in rollback-journal mode (an older
/// Cinq's bulk import), for another connection's commit.
pub(crate) const BUSY_TIMEOUT_SECS: u64 = 10;

/// What a caller needs of the file: to read it, to write it, or to write it and create it when it is missing.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Access {
    Read,
    Write,
    Create,
}

/// Whether the file and its folder can be written (SQLite creates its `-wal` and `-shm` files in the folder).
fn writable(path: &Path) -> bool {
    OpenOptions::new().append(true).open(path).is_ok() && check_folder_writable(path).is_ok()
}

/// A connection to the file, with the busy timeout set. Read-only, when neither the file nor its folder can be
/// written: if SQLite cannot then read the write-ahead log's index (it cannot create the `-shm` file), and there is
/// no log left to read, the file is opened as immutable (nobody can write it anyway).
fn connect(path: &Path, read_only: bool, create: bool) -> rusqlite::Result<Connection> {
    let timeout = std::time::Duration::from_secs(BUSY_TIMEOUT_SECS);
    if !read_only {
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let conn = Connection::open_with_flags(path, flags)?;
        conn.busy_timeout(timeout)?;
        return Ok(conn);
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(timeout)?;
    let probe = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    });
    let log = fs::metadata(wal_path(path)).map(|m| m.len()).unwrap_or(0);
    match probe {
        Err(e)
            if log == 0
                && matches!(
                    e.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly)
                ) =>
        {
            drop(conn);
            let conn = Connection::open_with_flags(
                immutable_uri(path),
                flags | OpenFlags::SQLITE_OPEN_URI,
            )?;
            conn.busy_timeout(timeout)?;
            Ok(conn)
        }
        _ => Ok(conn),
    }
}

/// The write-ahead log beside the database.
fn wal_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push("-wal");
    PathBuf::from(name)
}

/// `file:PATH?immutable=1`, the path percent-encoded (SQLite's URI filenames).
fn immutable_uri(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut uri = String::from("file:");
    for b in absolute.as_os_str().as_encoded_bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'/' | b'-' | b'.' | b'_' | b'~' => {
                uri.push(char::from(*b))
            }
            _ => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// The connection's settings. A connection that may write puts the file in write-ahead-log mode, unless it is
/// already (then nothing is written: opening never waits on a writer), or another connection holds the file in
/// rollback-journal mode (an older Cinq's bulk import, another SQLite client): then the file stays so for now, and
/// this connection's writes wait on the busy timeout; the next opening switches it. A connection for a command that
/// only reads never switches: it reads in whichever mode the file is.
fn configure(conn: &Connection, access: Access, read_only: bool) -> Result<()> {
    if !read_only && access != Access::Read {
        // journal_mode returns a row, so it is read rather than executed.
        let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        if mode != "wal" {
            conn.busy_timeout(std::time::Duration::ZERO)?;
            let switched =
                conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0));
            conn.busy_timeout(std::time::Duration::from_secs(BUSY_TIMEOUT_SECS))?;
            match switched {
                Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => {}
                other => drop(other?),
            }
        }
    }
    conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;")?;
    Ok(())
}

fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn unwritable(path: &str, e: impl std::fmt::Display) -> CoreError {
    CoreError::Unwritable {
        path: path.to_owned(),
        reason: e.to_string(),
    }
}

/// Refuses a folder, or a file that is not SQLite, without opening it.
fn check_header(path: &Path) -> Result<()> {
    let shown = path.display().to_string();
    if path.is_dir() {
        return Err(CoreError::NotADatabase(shown));
    }
    let mut header = [0u8; 16];
    let n = fs::File::open(path)
        .and_then(|mut f| f.read(&mut header))
        .map_err(|e| CoreError::Io(format!("cannot read {shown}: {e}")))?;
    if n == 0 {
        return Ok(()); // An empty file is an empty database.
    }
    if n < 16 || &header != b"SQLite format 3\0" {
        return Err(CoreError::NotADatabase(shown));
    }
    Ok(())
}

/// Refuses a file that is not SQLite, or that a newer Cinq wrote, without writing to it. Before a migration changes
/// an older file, a consistent copy is kept next to it. `conn` is the store's own connection: when it can write, its
/// first read rolls back a write that a crash interrupted (a hot journal), which a read-only connection cannot do.
/// A file opened read-only must be up to date: it cannot be migrated.
fn check_existing(conn: &Connection, path: &Path, known: i64, read_only: bool) -> Result<()> {
    let shown = path.display().to_string();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => CoreError::NotADatabase(shown.clone()),
            Some(rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen) => unwritable(
                &shown,
                format!("{e} (a write interrupted by a crash must be rolled back first)"),
            ),
            _ => CoreError::Sql(e),
        })?;
    if version > known {
        return Err(CoreError::NewerSchema {
            path: shown,
            found: version,
            known,
        });
    }
    if read_only {
        if version < known {
            return Err(unwritable(
                &shown,
                "the file is read-only, and this version of Cinq must first upgrade it",
            ));
        }
        return Ok(());
    }
    if version > 0 && version < known {
        crate::store::backup::before_migration(path, conn, version)?;
    }
    Ok(())
}

/// SQLite needs to create `-wal` and `-shm` files beside the database.
fn check_folder_writable(path: &Path) -> Result<()> {
    let parent = parent_of(path);
    let probe = parent.join(format!(".cinq-write-probe-{}", std::process::id()));
    match OpenOptions::new().write(true).create_new(true).open(&probe) {
        Ok(_) => {
            let _ = fs::remove_file(&probe);
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let _ = fs::remove_file(&probe);
            Ok(())
        }
        Err(e) => Err(unwritable(&path.display().to_string(), e)),
    }
}

/// "there is no {what} with id {id}": an item that is not (or no longer) there.
pub(crate) fn not_found(what: &str, id: i64) -> CoreError {
    CoreError::NotFound(format!("there is no {what} with id {id}"))
}

/// Row `row_id` of `table` belongs to strategy `id`; else a validation error on `field` (a link to something that is
/// not the strategy's).
pub(crate) fn owned(
    tx: &Transaction,
    table: &str,
    id: i64,
    row_id: i64,
    field: &str,
) -> Result<()> {
    let found: Option<i64> = tx
        .query_row(
            &format!("SELECT id FROM {table} WHERE id = ?2 AND strategy_id = ?1"),
            rusqlite::params![id, row_id],
            |r| r.get(0),
        )
        .optional()?;
    found
        .map(drop)
        .ok_or_else(|| CoreError::Validation(vec![FieldError::new(field, "unknown")]))
}

/// Deletes row `row_id` of `table` when it belongs to strategy `id`; else "there is no {what} with id …".
pub(crate) fn delete_owned(
    tx: &Transaction,
    table: &str,
    id: i64,
    row_id: i64,
    what: &str,
) -> Result<()> {
    let n = tx.execute(
        &format!("DELETE FROM {table} WHERE id = ?2 AND strategy_id = ?1"),
        rusqlite::params![id, row_id],
    )?;
    if n == 0 {
        return Err(not_found(what, row_id));
    }
    Ok(())
}
