//! Two processes on one database file: writes wait for each other on the busy timeout instead of failing, nothing is
//! lost, and a read runs while a bulk import is in progress. The second process is this same test binary, started
//! again to run one ignored test alone.

mod support;
use support::child;

/// `cinq ARGS`: (exit code, stdout, stderr).
fn cli(args: &[&str]) -> (i32, String, String) {
    let r = support::run_cli(args);
    (r.code, r.out, r.err)
}

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

use cinq_core::adapt::results_import::ResultsImportOptions;
use cinq_core::Store;

/// How many writes each of the two processes makes.
const WRITES: usize = 200;

/// A writer: `WRITES` commands that each open the file, write one strategy and close it, as a loop of `cinq strategy
/// create` in a shell does. Prints how many failed, and why.
#[test]
#[ignore = "run by two_processes_writing_at_once_lose_nothing as its child process"]
fn writer_child() {
    let db = std::env::var("CINQ_WRITER_DB").expect("CINQ_WRITER_DB names the database");
    let who = std::env::var("CINQ_WRITER").unwrap();
    let mut failures = 0;
    for i in 0..WRITES {
        let name = format!("{who}-{i}");
        let (code, _, err) = cli(&[
            "--db",
            &db,
            "strategy",
            "create",
            "--name",
            &name,
            "--timezone",
            "UTC",
            "--start-date",
            "2026-01-05",
        ]);
        if code != 0 {
            failures += 1;
            println!("failed {name}: {err}");
        }
        // Every other round, a read between the writes.
        if i % 2 == 0 {
            let (code, _, err) = cli(&["--db", &db, "strategy", "show", &name]);
            if code != 0 {
                failures += 1;
                println!("failed to read {name}: {err}");
            }
        }
    }
    println!("failures {failures}");
}

#[test]
fn two_processes_writing_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shared.sqlite3");
    let path = db.to_str().unwrap();
    assert_eq!(cli(&["--db", path, "sample"]).0, 0);
    let writers: Vec<_> = ["a", "b"]
        .into_iter()
        .map(|who| {
            child(
                "writer_child",
                &[
                    ("CINQ_WRITER_DB", db.as_os_str()),
                    ("CINQ_WRITER", who.as_ref()),
                ],
            )
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
        })
        .collect();
    let mut failures = 0;
    for w in writers {
        let run = w.wait_with_output().unwrap();
        let text = String::from_utf8_lossy(&run.stdout).into_owned();
        assert!(run.status.success(), "{text}");
        let count = text
            .lines()
            .find_map(|l| l.split_once("failures ").map(|(_, n)| n.trim().to_owned()))
            .unwrap_or_else(|| panic!("the writer did not finish: {text}"));
        let count: usize = count.parse().unwrap();
        failures += count;
        assert_eq!(count, 0, "{text}");
    }
    let store = Store::open_existing(&db, true).unwrap();
    let strategies = store.list_strategies().unwrap();
    let written = strategies.iter().filter(|s| s.name.contains('-')).count();
    eprintln!(
        "2 processes × {WRITES} writes (and {WRITES} reads): {failures} failures, {written} strategies written"
    );
    assert_eq!(written, 2 * WRITES, "every write is there");
    assert_eq!(strategies.len(), 2 * WRITES + 1);
}

/// An X post export (one of the exports the results import recognises) of `rows` rows.
fn x_export(rows: usize) -> String {
    let mut out = String::from(
        "Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Replies,Reposts,Profile visits,Detail Expands,URL Clicks\n",
    );
    for i in 0..rows {
        let id = 1_900_000_000_000_000_000u64 + i as u64;
        out.push_str(&format!(
            "{id},\"Tue, Jul 14, 2026\",\"Post {i}\",https://x.com/atelier/status/{id},{},1,2,0,0,0,0,0,0,0,0\n",
            100 + i
        ));
    }
    out
}

/// How many rows the import in progress writes.
const IMPORTED: usize = 20_000;

/// An importer: imports an export of `IMPORTED` rows through the results import; when every row is written, before
/// the commit, it says "importing" and waits for a line on its input.
#[test]
#[ignore = "run by a_read_runs_while_a_bulk_import_is_in_progress as its child process"]
fn importer_child() {
    let db = std::env::var("CINQ_IMPORTER_DB").expect("CINQ_IMPORTER_DB names the database");
    let mut store = Store::open_existing(std::path::Path::new(&db), false).unwrap();
    let id = store.find_strategy("Import").unwrap().id;
    let file = x_export(IMPORTED);
    let options = ResultsImportOptions {
        skip_invalid: false,
        dry_run: false,
        taken_on: Some("2026-07-20".into()),
    };
    let report = store
        .import_results(
            id,
            "x.csv",
            file.as_bytes(),
            &options,
            &mut |done, total| {
                if done == total {
                    println!("importing");
                    std::io::stdout().flush().unwrap();
                    let mut line = String::new();
                    std::io::stdin().read_line(&mut line).unwrap();
                }
                true
            },
        )
        .unwrap();
    assert!(report.written);
    println!("imported {}", report.unplanned);
}

#[test]
fn a_read_runs_while_a_bulk_import_is_in_progress() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("busy.sqlite3");
    let path = db.to_str().unwrap();
    assert_eq!(cli(&["--db", path, "sample"]).0, 0);
    let (code, _, err) = cli(&[
        "--db",
        path,
        "strategy",
        "create",
        "--name",
        "Import",
        "--timezone",
        "UTC",
    ]);
    assert_eq!(code, 0, "{err}");

    let mut importer = child("importer_child", &[("CINQ_IMPORTER_DB", db.as_os_str())])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(importer.stdout.take().unwrap()).lines();
    let started = lines.any(|l| l.is_ok_and(|l| l.ends_with("importing")));
    assert!(started, "the importer did not get to its commit");

    // Every row is written, not committed: reads see the file as it was, at once.
    for args in [
        &["strategy", "list"][..],
        &["calendar", "show", "Import", "--json"],
        &["calendar", "check", "1"],
        &["evaluate", "Import"],
    ] {
        let mut all = vec!["--db", path];
        all.extend_from_slice(args);
        let (code, out, err) = cli(&all);
        assert_eq!(code, 0, "{args:?} during an import: {err}");
        assert!(!out.contains("Post 1\""), "{args:?} saw rows not committed");
    }
    let store = Store::open_existing(&db, true).unwrap();
    let id = store.find_strategy("Import").unwrap().id;
    let posts = |store: &Store| -> i64 {
        store
            .conn()
            .query_row(
                "SELECT count(*) FROM post WHERE strategy_id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(posts(&store), 0);
    drop(store);

    // A write meanwhile waits for the import's commit (on the busy timeout), then goes on.
    let writer = std::thread::spawn({
        let path = path.to_owned();
        move || {
            cli(&[
                "--db",
                &path,
                "strategy",
                "create",
                "--name",
                "Meanwhile",
                "--timezone",
                "UTC",
            ])
        }
    });
    writeln!(importer.stdin.as_mut().unwrap()).unwrap();
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert!(importer.wait().unwrap().success(), "{rest:?}");
    assert!(
        rest.iter()
            .any(|l| l.contains(&format!("imported {IMPORTED}"))),
        "{rest:?}"
    );
    let (code, _, err) = writer.join().unwrap();
    assert_eq!(code, 0, "a write during an import: {err}");

    let store = Store::open_existing(&db, true).unwrap();
    assert_eq!(posts(&store), IMPORTED as i64);
    assert!(store.find_strategy("Meanwhile").is_ok());
    let mode: String = store
        .conn()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal", "the file is back in write-ahead-log mode");
}
