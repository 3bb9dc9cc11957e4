//! Automatic backups: rolling copies of the database in a `backups/` folder beside it, and restoring one.
//!
//! A copy is taken with `VACUUM INTO` (a consistent, compact snapshot that leaves the database as it is), first under
//! a name that no listing reads (`….partial`), synced, then renamed: a crash never leaves half a copy in the list.
//!
//! When a copy is taken, and its reason:
//! - `daily`: at the first write of a day (days are UTC days) through [`Store::write`], unless the folder already
//!   holds a `daily` copy of that day, or the database holds no strategy yet (nothing to keep; the next write looks
//!   again). The store remembers the day it has checked: later writes that day
//!   cost one read of the clock and a comparison, and the folder is read at most once per day and process. A daily
//!   copy that fails (a full disk) does not stop the write: it is tried again the next day or the next process.
//! - `import`: before every whole-file import writes (calendar CSV, mapped calendar CSV, results export, mapped
//!   results, strategy file), never for a dry run, and outside the import's transaction. If the copy fails, the
//!   import does not run (or is rolled back). The bulk imports take it on a second, read-only connection while they
//!   read and write their rows ([`Store::copy_before_import`]), and wait for it before they commit: the copy reads
//!   the last committed state (write-ahead log), so it holds the database as it was before the import, and its
//!   disk writes overlap the import's work instead of adding to it.
//! - `migration`: before a migration changes an existing file (the name says the version it was at). If the copy
//!   fails, the file is not opened.
//! - `manual`: `cinq backup create`, and "Back up now" in Settings → Backups.
//! - `before_restore`: the current file, just before a restore replaces it.
//!
//! Names: `cinq-YYYYMMDD-HHMMSS-REASON[-vN][-K].sqlite3`, in UTC: `REASON` is `daily`, `import`, `migration`,
//! `manual` or `before-restore`; `vN` the schema version a migration started from; `K` (2, 3…) tells apart copies
//! taken in the same second. Sorting names sorts copies by time (to the second). Nothing in a name comes from the user.
//!
//! What is kept. Pruning runs after each new copy and only ever deletes files whose names have this form:
//! - the 10 newest `import` copies, and likewise the 10 newest of each other event: `manual`, `migration` and
//!   `before_restore` copies (each taken on purpose or before a change one may want to undo; days and weeks do not
//!   thin them);
//! - of the `daily` copies: the newest copy of each of the 7 newest days that have one ("7 daily"), and the newest
//!   copy of each of the 4 newest ISO weeks that have one ("4 weekly"); a copy can be both. With a copy every day,
//!   that keeps the last 7 days and the last day of each of the 3 (or 4) weeks before.
//!
//! The rule reads the copies' own dates, never the clock, so pruning never empties the folder after a long pause.
//! The time of a copy comes from the store's clock ([`Store::set_clock`]), which tests replace to run a month of days
//! in microseconds.
//!
//! Restore ([`restore`], [`Store::restore_backup`]): the copy is copied to a temporary file in the database's folder,
//! and that file is checked (`PRAGMA integrity_check`, a Cinq database of a schema version this build knows). Only
//! then is the current file kept as a `before_restore` copy, its log checkpointed and removed (the switch to a
//! rollback journal fails while any other connection has the file open: the restore is then refused), the
//! connection closed, and the temporary file renamed over the database. A damaged copy is refused before anything
//! changes.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{quote, CoreError, Result};
use crate::store::{Store, SCHEMA_VERSION};

/// The folder of the copies, beside the database.
pub const BACKUP_DIR: &str = "backups";
/// How many daily copies are kept (the newest copy of each of the newest days that have one).
pub const KEEP_DAYS: usize = 7;
/// How many weekly copies are kept (the newest copy of each of the newest ISO weeks that have one).
pub const KEEP_WEEKS: usize = 4;
/// How many copies of each event (import, manual, migration, before restore) are kept.
pub const KEEP_EVENTS: usize = 10;

const PREFIX: &str = "cinq-";
const SUFFIX: &str = ".sqlite3";

/// Where the time comes from: the system clock, or a test's.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// The system clock.
pub fn system_clock() -> Clock {
    Arc::new(Utc::now)
}

/// What a store remembers of its backups: its clock, and the day whose daily copy it has already seen to.
pub struct Schedule {
    clock: Clock,
    checked: Option<NaiveDate>,
}

impl Default for Schedule {
    fn default() -> Self {
        Schedule {
            clock: system_clock(),
            checked: None,
        }
    }
}

/// Why a copy was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupReason {
    Daily,
    Import,
    Migration,
    Manual,
    BeforeRestore,
}

impl BackupReason {
    const ALL: [BackupReason; 5] = [
        BackupReason::Daily,
        BackupReason::Import,
        BackupReason::Migration,
        BackupReason::Manual,
        // Last: "before-restore" is not a prefix of another slug, but keep the longest last anyway.
        BackupReason::BeforeRestore,
    ];

    /// Its form in file names.
    fn slug(self) -> &'static str {
        match self {
            BackupReason::Daily => "daily",
            BackupReason::Import => "import",
            BackupReason::Migration => "migration",
            BackupReason::Manual => "manual",
            BackupReason::BeforeRestore => "before-restore",
        }
    }

    /// In English, for the CLI.
    pub fn label(self) -> &'static str {
        match self {
            BackupReason::Daily => "daily",
            BackupReason::Import => "before an import",
            BackupReason::Migration => "before a migration",
            BackupReason::Manual => "manual",
            BackupReason::BeforeRestore => "before a restore",
        }
    }

    /// Thinned by days and weeks (else kept by count).
    fn by_time(self) -> bool {
        self == BackupReason::Daily
    }
}

/// A copy in the folder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BackupInfo {
    /// The file's name in the backups folder; `cinq backup restore NAME` takes it.
    pub name: String,
    pub path: String,
    /// When it was taken, RFC 3339 in UTC.
    pub created_at: String,
    pub reason: BackupReason,
    /// For a migration copy: the schema version the file was at.
    #[ts(type = "number | null")]
    pub from_version: Option<i64>,
    /// Its size in bytes.
    #[ts(type = "number")]
    pub size: u64,
    /// The names of the strategies it holds (not those in the bin), in alphabetical order.
    pub strategies: Vec<String>,
    /// False when the copy could not be read (damaged, or not a Cinq database): a restore would refuse it.
    pub readable: bool,
}

/// What the app's Backups panel shows: the copies, newest first, and the rule that keeps them (the panel quotes it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BackupsView {
    pub backups: Vec<BackupInfo>,
    /// [`KEEP_DAYS`].
    pub keep_days: u32,
    /// [`KEEP_WEEKS`].
    pub keep_weeks: u32,
    /// [`KEEP_EVENTS`].
    pub keep_events: u32,
}

/// The copies of the database at `db` and the rule that keeps them.
pub fn view(db: &Path) -> Result<BackupsView> {
    Ok(BackupsView {
        backups: list(db)?,
        keep_days: KEEP_DAYS as u32,
        keep_weeks: KEEP_WEEKS as u32,
        keep_events: KEEP_EVENTS as u32,
    })
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RestoreReport {
    /// The copy now in use.
    pub restored: BackupInfo,
    /// The data replaced, kept as a copy (none when there was no database yet).
    pub kept: Option<BackupInfo>,
}

/// The backups folder of the database at `db`.
pub fn backups_dir(db: &Path) -> PathBuf {
    parent_of(db).join(BACKUP_DIR)
}

fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn is_memory(db: &Path) -> bool {
    db == Path::new(":memory:")
}

/// A copy's name, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Named {
    name: String,
    at: NaiveDateTime,
    reason: BackupReason,
    from_version: Option<i64>,
    /// 1, or the K of a copy taken in the same second as another.
    seq: u32,
}

fn name_of(at: DateTime<Utc>, reason: BackupReason, from: Option<i64>, k: u32) -> String {
    let mut name = format!("{PREFIX}{}-{}", at.format("%Y%m%d-%H%M%S"), reason.slug());
    if let Some(v) = from {
        name.push_str(&format!("-v{v}"));
    }
    if k > 1 {
        name.push_str(&format!("-{k}"));
    }
    name.push_str(SUFFIX);
    name
}

/// The parts of a copy's name; `None` for any other file.
fn parse_name(name: &str) -> Option<Named> {
    let core = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    if core.len() < 16 || !core.is_char_boundary(15) {
        return None;
    }
    let (stamp, rest) = core.split_at(15);
    let at = NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M%S").ok()?;
    if !stamp
        .chars()
        .enumerate()
        .all(|(i, c)| if i == 8 { c == '-' } else { c.is_ascii_digit() })
    {
        return None;
    }
    let rest = rest.strip_prefix('-')?;
    let reason = BackupReason::ALL.into_iter().find(|r| {
        rest == r.slug()
            || rest
                .strip_prefix(r.slug())
                .is_some_and(|t| t.starts_with('-'))
    })?;
    let mut tail = rest[reason.slug().len()..].split('-').skip(1).peekable();
    let from_version = match tail.peek() {
        Some(t) if t.starts_with('v') => {
            let v = t[1..].parse::<i64>().ok()?;
            tail.next();
            Some(v)
        }
        _ => None,
    };
    let mut seq = 1;
    if let Some(k) = tail.next() {
        if k.is_empty() || !k.bytes().all(|b| b.is_ascii_digit()) || k.len() > 4 {
            return None;
        }
        seq = k.parse().ok().filter(|&k| k > 1)?;
    }
    if tail.next().is_some() || (from_version.is_some() != (reason == BackupReason::Migration)) {
        return None;
    }
    Some(Named {
        name: name.to_owned(),
        at,
        reason,
        from_version,
        seq,
    })
}

/// The copies in `dir`, newest first. A missing folder has none.
fn scan(dir: &Path) -> Result<Vec<Named>> {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(CoreError::Io(format!("cannot read {}: {e}", dir.display()))),
    };
    let mut out: Vec<Named> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| parse_name(e.file_name().to_str()?))
        .collect();
    // Newest first: by time, then by the order within a second (`-2` after the plain name).
    out.sort_by(|a, b| (b.at, b.seq, &b.name).cmp(&(a.at, a.seq, &a.name)));
    Ok(out)
}

fn io_err(what: &Path, e: impl std::fmt::Display) -> CoreError {
    CoreError::Unwritable {
        path: what.display().to_string(),
        reason: e.to_string(),
    }
}

/// Takes a copy of the database `conn` has open into `dir`, then prunes the folder. Never inside a transaction.
fn take(
    conn: &Connection,
    dir: &Path,
    at: DateTime<Utc>,
    reason: BackupReason,
    from: Option<i64>,
) -> Result<PathBuf> {
    fs::create_dir_all(dir).map_err(|e| io_err(dir, e))?;
    let (target, partial) = free_name(dir, at, reason, from)?;
    let _ = fs::remove_file(&partial);
    let done = conn
        .execute("VACUUM INTO ?1", [partial.display().to_string()])
        .map_err(|e| io_err(&partial, e))
        .and_then(|_| finish(&partial, &target));
    if let Err(e) = done {
        let _ = fs::remove_file(&partial);
        return Err(e);
    }
    prune(dir)?;
    Ok(target)
}

/// A raw copy of the file at `db` (for a current file too damaged for `VACUUM INTO`), then a prune.
fn take_raw(db: &Path, dir: &Path, at: DateTime<Utc>, reason: BackupReason) -> Result<PathBuf> {
    fs::create_dir_all(dir).map_err(|e| io_err(dir, e))?;
    let (target, partial) = free_name(dir, at, reason, None)?;
    let done = fs::copy(db, &partial)
        .map_err(|e| io_err(&partial, e))
        .and_then(|_| finish(&partial, &target));
    if let Err(e) = done {
        let _ = fs::remove_file(&partial);
        return Err(e);
    }
    prune(dir)?;
    Ok(target)
}

/// The first name not yet taken for a copy of this second, and its partial form.
fn free_name(
    dir: &Path,
    at: DateTime<Utc>,
    reason: BackupReason,
    from: Option<i64>,
) -> Result<(PathBuf, PathBuf)> {
    for k in 1..10_000 {
        let target = dir.join(name_of(at, reason, from, k));
        if !target.exists() {
            let mut partial = target.clone().into_os_string();
            partial.push(".partial");
            return Ok((target, PathBuf::from(partial)));
        }
    }
    Err(io_err(dir, "too many copies in the same second"))
}

/// Syncs the partial copy and gives it its name.
fn finish(partial: &Path, target: &Path) -> Result<()> {
    fs::File::open(partial)
        .and_then(|f| f.sync_all())
        .map_err(|e| io_err(partial, e))?;
    fs::rename(partial, target).map_err(|e| io_err(target, e))?;
    sync_dir(parent_of(target));
    Ok(())
}

fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// The names the rule keeps, of `all` (newest first). See the module's comment.
fn kept(all: &[Named]) -> HashSet<&str> {
    let mut keep = HashSet::new();
    let mut events: std::collections::HashMap<BackupReason, usize> = Default::default();
    let mut days: Vec<NaiveDate> = Vec::new();
    let mut weeks: Vec<(i32, u32)> = Vec::new();
    for b in all {
        if b.reason.by_time() {
            let day = b.at.date();
            if !days.contains(&day) {
                days.push(day);
                if days.len() <= KEEP_DAYS {
                    keep.insert(b.name.as_str());
                }
            }
            let week = (day.iso_week().year(), day.iso_week().week());
            if !weeks.contains(&week) {
                weeks.push(week);
                if weeks.len() <= KEEP_WEEKS {
                    keep.insert(b.name.as_str());
                }
            }
        } else {
            let n = events.entry(b.reason).or_insert(0);
            *n += 1;
            if *n <= KEEP_EVENTS {
                keep.insert(b.name.as_str());
            }
        }
    }
    keep
}

/// Deletes the copies the rule does not keep.
fn prune(dir: &Path) -> Result<()> {
    let all = scan(dir)?;
    let keep = kept(&all);
    for b in &all {
        if !keep.contains(b.name.as_str()) {
            let _ = fs::remove_file(dir.join(&b.name));
        }
    }
    Ok(())
}

/// The names of the live strategies of the database at `path`, read without writing anything.
fn strategies_in(path: &Path) -> Option<Vec<String>> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .ok()?;
    let mut stmt = conn
        .prepare("SELECT name FROM strategy WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE")
        .ok()?;
    let names = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .ok()?
        .collect::<rusqlite::Result<Vec<_>>>()
        .ok()?;
    Some(names)
}

fn info_of(dir: &Path, b: &Named) -> BackupInfo {
    let path = dir.join(&b.name);
    let size = fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let strategies = strategies_in(&path);
    BackupInfo {
        name: b.name.clone(),
        path: path.display().to_string(),
        created_at: b
            .at
            .and_utc()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        reason: b.reason,
        from_version: b.from_version,
        size,
        readable: strategies.is_some(),
        strategies: strategies.unwrap_or_default(),
    }
}

fn info_at(path: &Path) -> Result<BackupInfo> {
    let dir = parent_of(path);
    let named = path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(parse_name)
        .ok_or_else(|| CoreError::Io(format!("{} is not a backup", path.display())))?;
    Ok(info_of(dir, &named))
}

/// The copies of the database at `db`, newest first.
pub fn list(db: &Path) -> Result<Vec<BackupInfo>> {
    if is_memory(db) {
        return Ok(Vec::new());
    }
    let dir = backups_dir(db);
    Ok(scan(&dir)?.iter().map(|b| info_of(&dir, b)).collect())
}

/// Keeps a copy of a file about to be migrated from `version` (the store calls it before running migrations).
pub fn before_migration(path: &Path, conn: &Connection, version: i64) -> Result<()> {
    take(
        conn,
        &backups_dir(path),
        Utc::now(),
        BackupReason::Migration,
        Some(version),
    )?;
    Ok(())
}

impl Store {
    /// Replaces the clock the backups read (tests); the day already checked is forgotten.
    pub fn set_clock(&mut self, clock: Clock) {
        self.backups = Schedule {
            clock,
            checked: None,
        };
    }

    /// The copies of this database, newest first.
    pub fn backups(&self) -> Result<Vec<BackupInfo>> {
        list(self.path())
    }

    /// Takes a copy now (reason `manual`).
    pub fn backup_now(&mut self) -> Result<BackupInfo> {
        self.backup(BackupReason::Manual)
    }

    fn backup(&mut self, reason: BackupReason) -> Result<BackupInfo> {
        if is_memory(self.path()) {
            return Err(CoreError::Conflict(
                "a database in memory has no backups".into(),
            ));
        }
        let at = (self.backups.clock)();
        let path = take(self.conn(), &backups_dir(self.path()), at, reason, None)?;
        info_at(&path)
    }

    /// The copy before a whole-file import writes (not for a dry run), outside its transaction.
    pub(crate) fn backup_before_import(&mut self) -> Result<()> {
        if is_memory(self.path()) {
            return Ok(());
        }
        self.backup(BackupReason::Import).map(drop)
    }

    /// The copy before a bulk import, taken on a second connection while the import goes on: see the module's
    /// comment. The import calls [`PendingCopy::wait`] before it commits. A file not in write-ahead-log mode (another
    /// SQLite client holds it in rollback-journal mode), where a reader could hold up the import's writes, gets its
    /// copy at once, as [`Store::backup_before_import`] takes it.
    pub(crate) fn copy_before_import(&mut self) -> Result<PendingCopy> {
        if is_memory(self.path()) {
            return Ok(PendingCopy(None));
        }
        let mode: String = self
            .conn()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        if mode != "wal" {
            self.backup_before_import()?;
            return Ok(PendingCopy(None));
        }
        let db = self.path().to_owned();
        let dir = backups_dir(&db);
        let at = (self.backups.clock)();
        let copy = std::thread::spawn(move || {
            let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            let conn = Connection::open_with_flags(&db, flags).map_err(|e| io_err(&db, e))?;
            conn.busy_timeout(std::time::Duration::from_secs(
                crate::store::BUSY_TIMEOUT_SECS,
            ))?;
            take(&conn, &dir, at, BackupReason::Import, None).map(drop)
        });
        Ok(PendingCopy(Some(copy)))
    }

    /// The daily copy, at the first write of a day: cheap when the day is already seen to. Never fails the write.
    pub(crate) fn backup_daily(&mut self) {
        if is_memory(self.path()) {
            return;
        }
        let now = (self.backups.clock)();
        let day = now.date_naive();
        if self.backups.checked == Some(day) {
            return;
        }
        // A database with no strategy yet (none live, none in the bin) has nothing to keep: no copy, and the next
        // write looks again (a count of an empty table).
        let empty = self
            .conn()
            .query_row("SELECT NOT EXISTS (SELECT 1 FROM strategy)", [], |r| {
                r.get::<_, bool>(0)
            })
            .unwrap_or(false);
        if empty {
            return;
        }
        self.backups.checked = Some(day);
        let dir = backups_dir(self.path());
        let done = scan(&dir)
            .is_ok_and(|all| all.iter().any(|b| b.reason.by_time() && b.at.date() == day));
        if !done {
            let _ = take(self.conn(), &dir, now, BackupReason::Daily, None);
        }
    }

    /// Restores a copy (a name from [`Store::backups`], or a path): see [`restore`]. The store's connection is
    /// closed around the swap and opened again on the restored file (or on the file as it was, when the restore is
    /// refused).
    pub fn restore_backup(&mut self, file: &str) -> Result<RestoreReport> {
        let db = self.path().to_owned();
        if is_memory(&db) {
            return Err(CoreError::Conflict(
                "a database in memory has no backups".into(),
            ));
        }
        let clock = self.backups.clock.clone();
        let checked = self.backups.checked;
        // Close this connection: the swap needs the file to itself.
        drop(std::mem::replace(self, Store::open_in_memory()?));
        let out = restore_with_clock(&db, file, &clock);
        let mut reopened = Store::open(&db)?;
        reopened.backups = Schedule { clock, checked };
        *self = reopened;
        out
    }
}

/// A copy being taken on a second thread (see [`Store::copy_before_import`]). Dropping it waits for the thread.
pub(crate) struct PendingCopy(Option<std::thread::JoinHandle<Result<()>>>);

impl PendingCopy {
    /// Waits for the copy: an import commits only once its copy is on disk.
    pub(crate) fn wait(mut self) -> Result<()> {
        self.join()
    }

    fn join(&mut self) -> Result<()> {
        match self.0.take() {
            None => Ok(()),
            Some(thread) => thread.join().unwrap_or_else(|_| {
                Err(CoreError::Internal(
                    "the copy taken before the import stopped unexpectedly".into(),
                ))
            }),
        }
    }
}

impl Drop for PendingCopy {
    fn drop(&mut self) {
        let _ = self.join();
    }
}

/// Where `file` is: a copy's name in the backups folder, else a path.
fn resolve(db: &Path, file: &str) -> Result<PathBuf> {
    let dir = backups_dir(db);
    if parse_name(file).is_some() && dir.join(file).is_file() {
        return Ok(dir.join(file));
    }
    let path = PathBuf::from(file);
    if path.is_file() {
        return Ok(path);
    }
    if path.exists() {
        return Err(CoreError::InvalidFile(format!(
            "{} is not a regular file; nothing was restored",
            quote(file)
        )));
    }
    Err(CoreError::NotFound(format!(
        "there is no backup named {} (see 'cinq backup list') and no file at that path; nothing was restored",
        quote(file)
    )))
}

/// Restores `file` (a copy's name or a path) over the database at `db`, which no connection may have open.
pub fn restore(db: &Path, file: &str) -> Result<RestoreReport> {
    restore_with_clock(db, file, &system_clock())
}

/// [`restore`] with the time of the `before_restore` copy from `clock`.
pub fn restore_with_clock(db: &Path, file: &str, clock: &Clock) -> Result<RestoreReport> {
    let source = resolve(db, file)?;
    let shown = source.display().to_string();
    let folder = parent_of(db);
    fs::create_dir_all(folder).map_err(|e| io_err(folder, e))?;
    // 1. The copy, beside the database, checked.
    let temp = tempfile::Builder::new()
        .prefix(".cinq-restore-")
        .suffix(".sqlite3")
        .tempfile_in(folder)
        .map_err(|e| io_err(folder, e))?;
    fs::copy(&source, temp.path())
        .map_err(|e| CoreError::Io(format!("cannot read {shown}: {e}")))?;
    let strategies = check_copy(temp.path(), &shown)?;
    let restored = match source
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(parse_name)
    {
        Some(named) if parent_of(&source) == backups_dir(db) => info_of(&backups_dir(db), &named),
        _ => BackupInfo {
            name: source
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            path: shown.clone(),
            created_at: fs::metadata(&source)
                .and_then(|m| m.modified())
                .map(|t| {
                    DateTime::<Utc>::from(t).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                })
                .unwrap_or_default(),
            reason: BackupReason::Manual,
            from_version: None,
            size: fs::metadata(&source).map(|m| m.len()).unwrap_or(0),
            strategies,
            readable: true,
        },
    };
    // 2. The current file, kept; its log folded in and gone.
    let kept = keep_current(db, clock())?;
    // 3. The swap.
    for ext in ["-wal", "-shm", "-journal"] {
        let mut side = db.as_os_str().to_owned();
        side.push(ext);
        let _ = fs::remove_file(PathBuf::from(side));
    }
    temp.as_file()
        .sync_all()
        .map_err(|e| io_err(temp.path(), e))?;
    temp.persist(db).map_err(|e| io_err(db, e.error))?;
    sync_dir(folder);
    Ok(RestoreReport { restored, kept })
}

/// Checks that the file at `path` (a private copy of `shown`) is a sound Cinq database; its strategies' names.
fn check_copy(path: &Path, shown: &str) -> Result<Vec<String>> {
    let damaged = |why: &str| {
        CoreError::InvalidFile(format!(
            "{shown} is damaged ({}); nothing was restored and the current data is unchanged",
            quote(why)
        ))
    };
    let not_cinq = || {
        CoreError::InvalidFile(format!(
            "{shown} is not a Cinq database; nothing was restored and the current data is unchanged"
        ))
    };
    let mut header = [0u8; 16];
    let n = fs::File::open(path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut header))
        .map_err(|e| CoreError::Io(format!("cannot read {shown}: {e}")))?;
    if n < 16 || &header != b"SQLite format 3\0" {
        return Err(not_cinq());
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| damaged(&e.to_string()))?;
    let problems: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut s| {
            s.query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()
        })
        .map_err(|e| damaged(&e.to_string()))?;
    if problems != ["ok"] {
        return Err(damaged(&problems.join("; ")));
    }
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| damaged(&e.to_string()))?;
    if version > SCHEMA_VERSION {
        return Err(CoreError::NewerSchema {
            path: shown.to_owned(),
            found: version,
            known: SCHEMA_VERSION,
        });
    }
    if version < 1 {
        return Err(not_cinq());
    }
    drop(conn);
    strategies_in(path).ok_or_else(not_cinq)
}

/// Keeps the current file at `db` as a `before_restore` copy and leaves it with no log, closed. Refused while
/// another connection has it open.
fn keep_current(db: &Path, at: DateTime<Utc>) -> Result<Option<BackupInfo>> {
    if !db.exists() || fs::metadata(db).map(|m| m.len()).unwrap_or(0) == 0 {
        return Ok(None);
    }
    let dir = backups_dir(db);
    let conn = match Connection::open_with_flags(
        db,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    ) {
        Ok(c) => c,
        Err(_) => {
            return take_raw(db, &dir, at, BackupReason::BeforeRestore)
                .and_then(|p| info_at(&p))
                .map(Some)
        }
    };
    // Leaving the write-ahead log needs the file to itself: it fails at once while another connection has it open.
    conn.busy_timeout(std::time::Duration::ZERO)?;
    let mode = conn.query_row("PRAGMA journal_mode = DELETE", [], |r| {
        r.get::<_, String>(0)
    });
    match mode {
        Ok(m) if m == "delete" => {}
        Err(e)
            if matches!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
            ) =>
        {
            return Err(CoreError::Conflict(format!(
                "{} is open in another Cinq (the app or a command): close it, then restore again. Nothing was changed.",
                db.display()
            )))
        }
        _ => {
            drop(conn);
            return take_raw(db, &dir, at, BackupReason::BeforeRestore)
                .and_then(|p| info_at(&p))
                .map(Some);
        }
    }
    let path = match take(&conn, &dir, at, BackupReason::BeforeRestore, None) {
        Ok(p) => p,
        Err(_) => {
            drop(conn);
            take_raw(db, &dir, at, BackupReason::BeforeRestore)?
        }
    };
    info_at(&path).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_nothing_else_parses() {
        let at = DateTime::parse_from_rfc3339("2026-12-07T04:48:24Z")
            .unwrap()
            .with_timezone(&Utc);
        for (reason, from, k) in [
            (BackupReason::Daily, None, 1),
            (BackupReason::Import, None, 3),
            (BackupReason::Migration, Some(8), 1),
            (BackupReason::Migration, Some(8), 2),
            (BackupReason::Manual, None, 1),
            (BackupReason::BeforeRestore, None, 12),
        ] {
            let name = name_of(at, reason, from, k);
            let parsed = parse_name(&name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(
                (parsed.reason, parsed.from_version),
                (reason, from),
                "{name}"
            );
            assert_eq!(parsed.at, at.naive_utc());
        }
        assert_eq!(
            name_of(at, BackupReason::Migration, Some(8), 2),
            "cinq-20261207-044824-migration-v8-2.sqlite3"
        );
        for other in [
            "cinq.sqlite3",
            "cinq-20261207-044824-daily.sqlite3.partial",
            "cinq-20261207-044824-weekly.sqlite3",
            "cinq-20261207-044824-daily-v3.sqlite3",
            "cinq-20261207-044824-migration.sqlite3",
            "cinq-20261207-044824-daily-x.sqlite3",
            "cinq-2026120-0448240-daily.sqlite3",
            "cinq-20261307-044824-daily.sqlite3",
            "cinq-20261207-044824-daily-2-3.sqlite3",
            "cinq-20261207-044824-dailyx.sqlite3",
            "cinq-é0261207-044824-daily.sqlite3",
        ] {
            assert_eq!(parse_name(other), None, "{other}");
        }
    }
}
