//! Automatic backups (backup.rs): the daily schedule on an injected clock, pruning over simulated months, the copies
//! before an import and a migration, restore, a damaged copy refused, and the CLI's `backup` commands.

mod support;
use support::cinq;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use cinq_core::calendar::import::ColumnMapping;
use cinq_core::io::csv::DateOrder;
use cinq_core::store::backup::{self, BackupInfo, BackupReason, Clock};
use cinq_core::{ErrorCode, Language, Store, StrategyInput};

fn input(name: &str) -> StrategyInput {
    StrategyInput {
        name: name.to_owned(),
        organisation: "Org".to_owned(),
        sector: "Retail".to_owned(),
        language: Language::En,
        timezone: "Europe/Paris".to_owned(),
        start_date: "2026-01-05".to_owned(),
    }
}

/// A clock the test moves by hand.
fn fake_clock(start: &str) -> (Clock, Arc<Mutex<DateTime<Utc>>>) {
    let now = Arc::new(Mutex::new(
        DateTime::parse_from_rfc3339(start)
            .unwrap()
            .with_timezone(&Utc),
    ));
    let read = now.clone();
    (Arc::new(move || *read.lock().unwrap()), now)
}

fn open(dir: &Path, clock: &Clock) -> (Store, PathBuf) {
    let db = dir.join("cinq.sqlite3");
    let mut store = Store::open(&db).unwrap();
    store.set_clock(clock.clone());
    (store, db)
}

fn names(store: &Store) -> Vec<String> {
    store
        .backups()
        .unwrap()
        .into_iter()
        .map(|b| b.name)
        .collect()
}

fn of(all: &[BackupInfo], reason: BackupReason) -> Vec<&BackupInfo> {
    all.iter().filter(|b| b.reason == reason).collect()
}

fn day_of(b: &BackupInfo) -> NaiveDate {
    DateTime::parse_from_rfc3339(&b.created_at)
        .unwrap()
        .date_naive()
}

#[test]
fn one_copy_a_day_at_the_first_write_and_none_for_later_writes() {
    let dir = tempfile::tempdir().unwrap();
    let (clock, now) = fake_clock("2027-03-01T08:00:00Z");
    let (mut store, db) = open(dir.path(), &clock);
    assert!(names(&store).is_empty(), "opening writes no copy");
    let id = store.create_strategy(&input("Plan")).unwrap().id;
    let base = *now.lock().unwrap();
    for day in 0..31 {
        *now.lock().unwrap() = base + Duration::days(day);
        let before = names(&store);
        if day > 0 {
            // Reads do not back up.
            store.list_strategies().unwrap();
            assert_eq!(names(&store), before);
        }
        // The first write of the day: one daily copy, of that day.
        store.set_setting("note", &format!("day {day}")).unwrap();
        let after = store.backups().unwrap();
        let today = now.lock().unwrap().date_naive();
        let todays: Vec<_> = of(&after, BackupReason::Daily)
            .into_iter()
            .filter(|b| day_of(b) == today)
            .collect();
        assert_eq!(todays.len(), 1, "day {day}: {after:?}");
        assert_eq!(after[0].name, todays[0].name, "the newest copy");
        // The copy is the file before the write (the database had no strategy before "Plan": nothing to keep then).
        assert_eq!(after[0].strategies, ["Plan"]);
        // Later writes that day, hours apart: no copy.
        let names_after: Vec<String> = after.iter().map(|b| b.name.clone()).collect();
        for hour in 1..12 {
            *now.lock().unwrap() += Duration::hours(1);
            store
                .set_setting("note", &format!("day {day} hour {hour}"))
                .unwrap();
            store
                .update_strategy(id, &input(&format!("Plan {hour}")))
                .unwrap();
        }
        store.update_strategy(id, &input("Plan")).unwrap();
        assert_eq!(names(&store), names_after, "day {day}");
    }
    // Another process (a new store) on a day already backed up takes no copy either.
    let before = names(&store);
    *now.lock().unwrap() = base + Duration::days(30) + Duration::hours(15);
    drop(store);
    let mut again = Store::open(&db).unwrap();
    again.set_clock(clock.clone());
    again.set_setting("note", "again").unwrap();
    assert_eq!(names(&again), before);
}

#[test]
fn pruning_keeps_7_days_4_weeks_and_the_last_10_imports() {
    let dir = tempfile::tempdir().unwrap();
    let (clock, now) = fake_clock("2027-01-01T09:30:00Z");
    let (mut store, db) = open(dir.path(), &clock);
    let folder = backup::backups_dir(&db);
    std::fs::create_dir_all(&folder).unwrap();
    // Files that are not copies are never touched.
    let foreign = [
        "notes.txt",
        "cinq-20200101-000000-daily.sqlite3.partial",
        "cinq-20200101-000000-weekly.sqlite3",
    ];
    for f in foreign {
        std::fs::write(folder.join(f), "mine").unwrap();
    }
    let id = store.create_strategy(&input("Plan")).unwrap().id;
    let file = store.export_strategy(id).unwrap();
    let mut imports = 0;
    for day in 0..120 {
        store.set_setting("note", &format!("{day}")).unwrap();
        if day % 3 == 0 {
            *now.lock().unwrap() += Duration::hours(2);
            let s = store.import_strategy(&file).unwrap();
            store.delete_strategy(s.id).unwrap();
            imports += 1;
        }
        if day % 10 == 0 {
            *now.lock().unwrap() += Duration::hours(1);
            store.backup_now().unwrap();
        }
        *now.lock().unwrap() += Duration::days(1);
        // After every copy, the rule holds.
        let all = store.backups().unwrap();
        let by_time: Vec<&BackupInfo> = all
            .iter()
            .filter(|b| b.reason == BackupReason::Daily)
            .collect();
        let mut days = BTreeSet::new();
        let mut weeks = BTreeSet::new();
        for b in &by_time {
            days.insert(day_of(b));
            let w = day_of(b).iso_week();
            weeks.insert((w.year(), w.week()));
        }
        // One copy per day kept (the newest), and no more days than the 7 daily and 4 weekly copies.
        assert_eq!(days.len(), by_time.len(), "day {day}: {all:?}");
        assert!(by_time.len() <= 7 + 4, "day {day}: {}", by_time.len());
        assert_eq!(of(&all, BackupReason::Import).len(), imports.min(10));
        assert_eq!(of(&all, BackupReason::Manual).len(), (day / 10 + 1).min(10));
    }
    let all = store.backups().unwrap();
    let last = now.lock().unwrap().date_naive() - Duration::days(1);
    let by_time: BTreeSet<NaiveDate> = all
        .iter()
        .filter(|b| b.reason == BackupReason::Daily)
        .map(day_of)
        .collect();
    // The 7 newest days…
    for d in 0..7 {
        assert!(by_time.contains(&(last - Duration::days(d))), "{by_time:?}");
    }
    // …and the newest day of each of the 4 newest ISO weeks (there is a copy every day).
    let first = last - Duration::days(119);
    let mut newest_of_week = std::collections::BTreeMap::new();
    let mut d = first;
    while d <= last {
        let w = d.iso_week();
        newest_of_week.insert((w.year(), w.week()), d);
        d += Duration::days(1);
    }
    let expected: BTreeSet<NaiveDate> = (0..7)
        .map(|i| last - Duration::days(i))
        .chain(newest_of_week.values().rev().take(4).copied())
        .collect();
    assert_eq!(by_time, expected);
    // The 10 newest imports, newest first, each holding the file before its import.
    let imported = of(&all, BackupReason::Import);
    assert_eq!(imported.len(), 10);
    assert!(imported
        .windows(2)
        .all(|w| w[0].created_at > w[1].created_at));
    assert!(imported.iter().all(|b| b.strategies == ["Plan"]));
    for f in foreign {
        assert_eq!(std::fs::read_to_string(folder.join(f)).unwrap(), "mine");
    }
}

#[test]
fn an_import_is_preceded_by_a_copy_and_a_dry_run_or_a_refused_file_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let (clock, now) = fake_clock("2027-03-01T08:00:00Z");
    let (mut store, _db) = open(dir.path(), &clock);
    let s = store.create_sample().unwrap();
    let posts = |store: &Store| store.calendar(s.id, None, None).unwrap().posts.len();
    let before_posts = posts(&store);
    *now.lock().unwrap() += Duration::minutes(5);
    let before = store.backups().unwrap();
    assert!(of(&before, BackupReason::Import).is_empty());

    // A file refused at its header takes no copy.
    store
        .import_calendar_csv(s.id, "plan.csv", b"subject,when\nx,y\n")
        .unwrap_err();
    assert!(of(&store.backups().unwrap(), BackupReason::Import).is_empty());

    let header = "network,date,time,pillar,topic,title,text,link,media_notes,status,editorial_item,objective,campaign\n";
    let good = "linkedin,2026-03-10,09:00,curation,,Fine,Text,,,draft,,,\n";
    store
        .import_calendar_csv(s.id, "plan.csv", format!("{header}{good}").as_bytes())
        .unwrap();
    assert_eq!(posts(&store), before_posts + 1);
    let all = store.backups().unwrap();
    let imports = of(&all, BackupReason::Import);
    assert_eq!(imports.len(), 1, "{all:?}");
    // The copy holds the data as it was before the import.
    let copy = Store::open(Path::new(&imports[0].path)).unwrap();
    let sid = copy.find_strategy(&s.name).unwrap().id;
    assert_eq!(
        copy.calendar(sid, None, None).unwrap().posts.len(),
        before_posts
    );
    drop(copy);

    // A strategy file: a copy too.
    let file = store.export_strategy(s.id).unwrap();
    store.import_strategy(&file).unwrap();
    assert_eq!(of(&store.backups().unwrap(), BackupReason::Import).len(), 2);

    // A mapped CSV: a dry run takes no copy, the import does.
    let mapping = ColumnMapping {
        has_header: true,
        network: Some(0),
        default_network: None,
        date: Some(1),
        time: None,
        date_order: DateOrder::DayFirst,
        title: Some(2),
        text: None,
        link: None,
        media_notes: None,
        pillar: None,
        topic: None,
        status: None,
        campaign: None,
        editorial_item: None,
        objective: None,
    };
    let csv = b"network,date,title\nlinkedin,12/03/2026,Mapped\n";
    let r = store
        .import_calendar_mapped(s.id, "mapped.csv", csv, &mapping, false, true)
        .unwrap();
    assert!(!r.written && r.imported == 1, "{r:?}");
    assert_eq!(of(&store.backups().unwrap(), BackupReason::Import).len(), 2);
    *now.lock().unwrap() += Duration::minutes(1);
    let r = store
        .import_calendar_mapped(s.id, "mapped.csv", csv, &mapping, false, false)
        .unwrap();
    assert!(r.written, "{r:?}");
    let all = store.backups().unwrap();
    let imports = of(&all, BackupReason::Import);
    assert_eq!(imports.len(), 3);
    // The copy is taken on a second connection while the rows are written: it still holds the plan as it was.
    let copy = Store::open(Path::new(&imports[0].path)).unwrap();
    let sid = copy.find_strategy(&s.name).unwrap().id;
    assert_eq!(
        copy.calendar(sid, None, None).unwrap().posts.len(),
        before_posts + 1
    );
    assert_eq!(posts(&store), before_posts + 2);
}

#[test]
fn a_migration_is_preceded_by_a_copy_of_the_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cinq.sqlite3");
    let all = cinq_core::store::MIGRATIONS;
    let older = &all[..all.len() - 1];
    {
        let mut store = Store::open_with_migrations(&db, older).unwrap();
        store.create_strategy(&input("Kept")).unwrap();
    }
    let store = Store::open(&db).unwrap();
    let copies = store.backups().unwrap();
    let migration = of(&copies, BackupReason::Migration);
    assert_eq!(migration.len(), 1, "{copies:?}");
    assert_eq!(migration[0].from_version, Some(older.len() as i64));
    assert_eq!(migration[0].strategies, ["Kept"]);
    assert!(!db.with_file_name("cinq.sqlite3.v8.bak").exists());
    let copy = rusqlite::Connection::open(&migration[0].path).unwrap();
    let version: i64 = copy
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, older.len() as i64);
    drop(store);
    // Opened again, the file needs no migration: no second copy.
    let store = Store::open(&db).unwrap();
    assert_eq!(
        of(&store.backups().unwrap(), BackupReason::Migration).len(),
        1
    );
}

#[test]
fn a_restore_brings_the_data_back_and_keeps_the_current_file_first() {
    let dir = tempfile::tempdir().unwrap();
    let (clock, now) = fake_clock("2027-03-01T08:00:00Z");
    let (mut store, db) = open(dir.path(), &clock);
    store.create_strategy(&input("Alpha")).unwrap();
    let copy = store.backup_now().unwrap();
    assert_eq!(copy.reason, BackupReason::Manual);
    assert_eq!(copy.strategies, ["Alpha"]);
    assert!(copy.size > 0 && copy.readable);
    *now.lock().unwrap() += Duration::hours(1);
    store.create_strategy(&input("Beta")).unwrap();

    let report = store.restore_backup(&copy.name).unwrap();
    assert_eq!(report.restored.name, copy.name);
    let names: Vec<String> = store
        .list_strategies()
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names, ["Alpha"], "the data is back");
    let kept = report.kept.unwrap();
    assert_eq!(kept.reason, BackupReason::BeforeRestore);
    assert_eq!(
        kept.strategies,
        ["Alpha", "Beta"],
        "the current data is kept"
    );
    assert!(store.backups().unwrap().iter().any(|b| b.name == kept.name));
    // The store works on the restored file, and writes to it.
    store.create_strategy(&input("Gamma")).unwrap();
    drop(store);
    let store = Store::open(&db).unwrap();
    assert_eq!(store.list_strategies().unwrap().len(), 2);
    // No temporary file is left beside the database.
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".cinq"))
        .collect();
    assert!(left.is_empty(), "{left:?}");

    // And back again: restoring the kept copy brings Beta back.
    let mut store = store;
    store.restore_backup(&kept.name).unwrap();
    assert_eq!(store.list_strategies().unwrap().len(), 2);
    assert!(store.find_strategy("Beta").is_ok());
}

/// The bytes of the database and the names in its folders.
fn snapshot(db: &Path) -> (Vec<u8>, Vec<String>, Vec<String>) {
    let ls = |p: &Path| {
        let mut v: Vec<String> = std::fs::read_dir(p)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    (
        std::fs::read(db).unwrap(),
        ls(db.parent().unwrap()),
        ls(&backup::backups_dir(db)),
    )
}

#[test]
fn a_damaged_copy_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (clock, _now) = fake_clock("2027-03-01T08:00:00Z");
    let (mut store, db) = open(dir.path(), &clock);
    let s = store.create_sample().unwrap();
    store.create_strategy(&input("Alpha")).unwrap();
    let good = store.backup_now().unwrap();
    drop(store);
    let bytes = std::fs::read(&good.path).unwrap();
    assert!(bytes.len() > 16 * 4096, "a copy of several pages");
    let page = 4096;
    let mut overwritten = bytes.clone();
    for b in &mut overwritten[3 * page..5 * page] {
        *b = 0x5a;
    }
    let mut header_broken = bytes.clone();
    header_broken[..16].copy_from_slice(b"not a database!!");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("truncated.sqlite3", bytes[..bytes.len() / 2].to_vec()),
        ("overwritten.sqlite3", overwritten),
        ("header.sqlite3", header_broken),
        ("short.sqlite3", bytes[..10].to_vec()),
        ("empty.sqlite3", Vec::new()),
    ];
    let before = snapshot(&db);
    let elsewhere = tempfile::tempdir().unwrap();
    for (name, damaged) in cases {
        let path = elsewhere.path().join(name);
        std::fs::write(&path, &damaged).unwrap();
        let e = backup::restore(&db, path.to_str().unwrap()).unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvalidFile, "{name}: {e}");
        assert!(e.to_string().contains(name), "{e}");
        assert!(e.to_string().contains("nothing was restored"), "{e}");
        assert_eq!(snapshot(&db), before, "{name}: nothing changed");
    }
    // A name that is neither a copy nor a file.
    let e = backup::restore(&db, "cinq-20270301-090000-daily.sqlite3").unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound, "{e}");
    assert_eq!(snapshot(&db), before);
    // Through the store too: refused, and the store still works on the file as it was.
    let mut store = Store::open(&db).unwrap();
    let path = elsewhere.path().join("truncated.sqlite3");
    store.restore_backup(path.to_str().unwrap()).unwrap_err();
    assert_eq!(store.list_strategies().unwrap().len(), 2);
    store.find_strategy(&s.name).unwrap();
}

#[test]
fn a_restore_is_refused_while_another_connection_has_the_file_open() {
    let dir = tempfile::tempdir().unwrap();
    let (clock, _now) = fake_clock("2027-03-01T08:00:00Z");
    let (mut store, db) = open(dir.path(), &clock);
    store.create_strategy(&input("Alpha")).unwrap();
    let copy = store.backup_now().unwrap();
    let e = backup::restore(&db, &copy.name).unwrap_err();
    assert_eq!(e.code(), ErrorCode::Conflict, "{e}");
    assert!(e.to_string().contains("close it"), "{e}");
    store.create_strategy(&input("Beta")).unwrap();
    assert_eq!(store.list_strategies().unwrap().len(), 2);
}

#[test]
fn the_cli_lists_creates_and_restores_backups() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    let r = cinq(&db, &["backup", "list"]);
    assert_eq!(r.code, 1, "no database: {}", r.out);
    assert!(r.err.contains("c.sqlite3"), "{}", r.err);
    assert!(!db.exists(), "listing creates nothing");

    let r = cinq(&db, &["strategy", "create", "--name", "Alpha"]);
    assert_eq!(r.code, 0, "{}", r.err);
    let r = cinq(&db, &["backup", "list"]);
    assert_eq!(r.code, 0, "{}", r.err);
    // A database without a strategy has nothing to keep: its first write took no copy.
    assert!(r.out.starts_with("No backups yet"), "{}", r.out);

    let r = cinq(&db, &["backup", "create", "--json"]);
    assert_eq!(r.code, 0, "{}", r.err);
    let created: BackupInfo = serde_json::from_str(&r.out).unwrap();
    assert_eq!(created.reason, BackupReason::Manual);
    assert_eq!(created.strategies, ["Alpha"]);

    let r = cinq(&db, &["backup", "create"]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.out.starts_with("Backed up to "), "{}", r.out);
    assert!(
        r.out.contains("manual") && r.out.contains("1 strategy: \"Alpha\""),
        "{}",
        r.out
    );

    let r = cinq(&db, &["backup", "list"]);
    assert_eq!(r.code, 0);
    assert!(
        r.out.contains("backups in") || r.out.contains("1 backup in"),
        "{}",
        r.out
    );
    let r = cinq(&db, &["backup", "list", "--json"]);
    let listed: Vec<BackupInfo> = serde_json::from_str(&r.out).unwrap();
    assert!(listed.iter().any(|b| b.name == created.name));

    let r = cinq(&db, &["strategy", "create", "--name", "Beta"]);
    assert_eq!(r.code, 0, "{}", r.err);
    // Now that the database holds a strategy, the first write of the day took a daily copy of the file before it.
    let r = cinq(&db, &["backup", "list", "--json"]);
    let listed: Vec<BackupInfo> = serde_json::from_str(&r.out).unwrap();
    assert!(
        listed
            .iter()
            .any(|b| b.reason == BackupReason::Daily && b.strategies == ["Alpha"]),
        "{listed:?}"
    );
    let r = cinq(&db, &["backup", "restore", &created.name]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(
        r.out.starts_with(&format!("Restored {}", created.name)),
        "{}",
        r.out
    );
    assert!(
        r.out.contains("The data it replaced is kept as"),
        "{}",
        r.out
    );
    let r = cinq(&db, &["strategy", "list", "--json"]);
    assert!(
        r.out.contains("Alpha") && !r.out.contains("Beta"),
        "{}",
        r.out
    );

    // By path, with --json.
    let r = cinq(&db, &["backup", "restore", &created.path, "--json"]);
    assert_eq!(r.code, 0, "{}", r.err);
    let report: serde_json::Value = serde_json::from_str(&r.out).unwrap();
    assert_eq!(report["kept"]["reason"], "before_restore");

    // A damaged file: one line, exit 1.
    let bad = dir.path().join("bad.sqlite3");
    std::fs::write(&bad, b"SQLite format 3\0garbage").unwrap();
    let r = cinq(&db, &["backup", "restore", bad.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert_eq!(r.err.lines().count(), 1, "{}", r.err);
    assert!(r.err.contains("nothing was restored"), "{}", r.err);
    let r = cinq(&db, &["backup", "restore", "no-such-backup"]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("cinq backup list"), "{}", r.err);
}
