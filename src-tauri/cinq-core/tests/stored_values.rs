//! Stored values: no command panics on any of them (every export format, every view), the migration to the strict
//! forms repairs what reads without ambiguity and lists the rest, and names never become paths.

mod support;
use support::{cinq, Ran};

use cinq_core::store::{Store, MIGRATIONS};

/// Every odd value a schedule, a day or a timestamp may hold once written by hand, an old version or a damaged file.
const EDGE_SCHEDULES: &[&str] = &[
    "1-1-1T1:1",
    "0000-01-01T00:00",
    "0001-01-01T00:00",
    "1899-12-31T23:59",
    "2201-01-01T00:00",
    "9999-12-31T23:59",
    "2027-01-05T09:30\u{a0}",
    "2027-01-05\u{2003}09:30",
    " 2027-01-05T09:30",
    "",
    "T",
    "2027",
    "2027-01-05",
    "2027-02-30T10:00",
    "2027-01-05T24:00",
    "+2027-01-05T09:30",
    "２０２７-01-05T09:30",
    "é",
];

const EDGE_DAYS: &[&str] = &[
    "1-1-1",
    "0000-01-01",
    "1899-12-31",
    "2201-01-01",
    "9999-12-31",
    "",
    " ",
    "2027-1-5",
    "yesterday",
    "2027-01-05\u{a0}",
    "é",
];

/// A database with the sample strategy and every edge value written by raw SQL where the schema allows it.
fn seeded() -> (tempfile::TempDir, std::path::PathBuf, i64) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("edge.sqlite3");
    let r = cinq(&db, &["sample", "--json"]);
    assert_eq!(r.code, 0, "{}", r.err);
    let id: i64 = serde_json::from_str::<serde_json::Value>(&r.out).unwrap()["id"]
        .as_i64()
        .unwrap();
    let conn = rusqlite::Connection::open(&db).unwrap();
    let post = |at: Option<&str>, data: &str, network: &str| {
        conn.execute(
            "INSERT INTO post (strategy_id, network, scheduled_at, data) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![id, network, at, data],
        )
        .unwrap()
    };
    let ok = r#"{"title":"Edge","text":"An edge value","status":"scheduled"}"#;
    for at in EDGE_SCHEDULES {
        post(Some(at), ok, "linkedin");
    }
    post(None, ok, "linkedin");
    // JSON that reads as JSON but not as a post; a huge number; a wrong type.
    post(Some("2027-01-05T09:30"), r#"{"status":42}"#, "linkedin");
    post(
        Some("2027-01-05T09:30"),
        r#"{"title":1e999,"text":"","status":"draft"}"#,
        "linkedin",
    );
    post(Some("2027-01-05T09:30"), r#"[]"#, "linkedin");
    // A network no one knows, and one whose key is a path.
    post(Some("2027-01-06T09:30"), ok, "");
    post(Some("2027-01-06T09:30"), ok, "../../evil");
    // Publication times an export never writes, on posts with results the best times read.
    let edge_posts: Vec<i64> = conn
        .prepare("SELECT id FROM post WHERE strategy_id = ?1 AND network = 'linkedin' AND data LIKE '%An edge value%'")
        .unwrap()
        .query_map([id], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for (post, at) in edge_posts.iter().zip(EDGE_SCHEDULES.iter().rev()) {
        conn.execute(
            "INSERT INTO publication (post_id, strategy_id, network, published_at, unplanned) VALUES (?1, ?2, 'linkedin', ?3, 0)",
            rusqlite::params![post, id, at],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO result_snapshot (post_id, taken_on, source, reach, reactions) VALUES (?1, '2027-01-05', 'import', ?2, 3)",
            rusqlite::params![post, i64::MAX],
        )
        .unwrap();
    }
    // Dates of the other tables.
    let post_id: i64 = conn
        .query_row(
            "SELECT id FROM post WHERE strategy_id = ?1 AND scheduled_at IS NOT NULL ORDER BY id LIMIT 1",
            [id],
            |r| r.get(0),
        )
        .unwrap();
    let objective: i64 = conn
        .query_row(
            "SELECT id FROM social_objective WHERE strategy_id = ?1 ORDER BY id LIMIT 1",
            [id],
            |r| r.get(0),
        )
        .unwrap();
    let player: Option<i64> = conn
        .query_row(
            "SELECT id FROM player WHERE strategy_id = ?1 ORDER BY id LIMIT 1",
            [id],
            |r| r.get(0),
        )
        .ok();
    for (i, day) in EDGE_DAYS.iter().enumerate() {
        conn.execute(
            "INSERT INTO editorial_item (strategy_id, date, data) VALUES (?1, ?2, ?3)",
            rusqlite::params![
                id,
                day,
                r#"{"item_type":"other","title":"Edge","theme":"","owner":"","link":""}"#
            ],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO kpi_reading (objective_id, taken_on, value, note) VALUES (?1, ?2, ?3, '')",
            rusqlite::params![objective, day, [1e308, -1e308, 0.0, f64::MAX][i % 4]],
        )
        .unwrap();
        conn.execute(
            "INSERT OR IGNORE INTO result_snapshot (post_id, taken_on, source, impressions, reach, clicks)
             VALUES (?1, ?2, 'manual', ?3, -1, 0)",
            rusqlite::params![post_id, day, i64::MAX],
        )
        .unwrap();
        if let Some(player) = player {
            conn.execute(
                "INSERT INTO observation (player_id, network, observed_on, data) VALUES (?1, 'linkedin', ?2, '{}')",
                rusqlite::params![player, day],
            )
            .unwrap();
        }
        conn.execute(
            "INSERT INTO adaptation (strategy_id, review_on, data) VALUES (?1, ?2, '{}')",
            rusqlite::params![id, day],
        )
        .unwrap();
    }
    (dir, db, id)
}

fn no_panic(r: &Ran, what: &str) {
    assert!(
        r.code == 0 || r.code == 1,
        "{what}: exit {}: {}",
        r.code,
        r.err
    );
    assert!(
        !r.err.contains("internal error") && !r.err.contains("panicked"),
        "{what}: {}",
        r.err
    );
    assert!(
        r.err.lines().count() <= 1,
        "{what}: one line at most: {}",
        r.err
    );
}

#[test]
fn no_command_panics_on_a_stored_value() {
    let (dir, db, id) = seeded();
    let sid = id.to_string();
    let s = sid.as_str();
    for format in [
        "cinq-csv",
        "google-csv",
        "outlook-csv",
        "hootsuite",
        "sprout",
        "ics",
    ] {
        let out = dir.path().join(format!("out.{format}"));
        let r = cinq(
            &db,
            &[
                "calendar",
                "export",
                s,
                "--format",
                format,
                "--out",
                out.to_str().unwrap(),
            ],
        );
        no_panic(&r, format);
        // The posts it cannot write are named, not dropped.
        assert_eq!(r.code, 1, "{format}: {}", r.out);
        assert!(
            r.err.contains("cannot write") && r.err.contains("post"),
            "{format}: {}",
            r.err
        );
        assert!(r.err.chars().count() < 2000, "{format}: a short message");
        assert!(!out.exists(), "{format}: nothing written");
    }
    for args in [
        &["audit", "show", s][..],
        &["audit", "show", s, "--json"],
        &["benchmark", "show", s],
        &["benchmark", "show", s, "--json"],
        &["objectives", "show", s],
        &["objectives", "show", s, "--json"],
        &["calendar", "show", s],
        &["calendar", "show", s, "--json"],
        &["calendar", "check", s],
        &["calendar", "check", s, "--json"],
        &["evaluate", s],
        &["evaluate", s, "--json"],
        &["results", "best-times", s],
        &["results", "best-times", s, "--json"],
        &[
            "results",
            "best-times",
            s,
            "--network",
            "linkedin",
            "--json",
        ],
        &["strategy", "show", s],
        &["strategy", "list"],
    ] {
        let r = cinq(&db, args);
        no_panic(&r, &args.join(" "));
        assert_eq!(r.code, 0, "{args:?}: {}", r.err);
    }
    let exported = dir.path().join("strategy.json");
    let r = cinq(
        &db,
        &["strategy", "export", s, "--out", exported.to_str().unwrap()],
    );
    no_panic(&r, "strategy export");
    // The views of the app that the CLI does not print.
    let store = Store::open(&db).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2027, 1, 5).unwrap();
    store.overview(id, today).unwrap();
    for (from, to) in [
        ("2027-01-01", "2027-01-31"),
        ("1900-01-01", "2200-12-31"),
        ("1-1-1", "x"),
    ] {
        let _ = store.calendar_view(id, from, to, today, &Default::default());
    }
}

#[test]
fn a_bad_start_date_or_timestamp_breaks_no_view() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite3");
    assert_eq!(cinq(&db, &["sample"]).code, 0);
    let conn = rusqlite::Connection::open(&db).unwrap();
    for (start, at) in [
        ("1-1-1", "yesterday"),
        ("9999-12-31", ""),
        ("", "0000-01-01T00:00:00Z"),
    ] {
        conn.execute(
            "UPDATE strategy SET start_date = ?1, created_at = ?2, updated_at = ?2",
            [start, at],
        )
        .unwrap();
        for args in [
            &["audit", "show", "1"][..],
            &["benchmark", "show", "1"],
            &["objectives", "show", "1"],
            &["calendar", "show", "1"],
            &["calendar", "check", "1"],
            &["evaluate", "1"],
            &["strategy", "show", "1"],
            &["strategy", "list"],
        ] {
            let r = cinq(&db, args);
            no_panic(&r, &args.join(" "));
        }
        let out = dir.path().join("x.ics");
        let r = cinq(
            &db,
            &[
                "calendar",
                "export",
                "1",
                "--format",
                "ics",
                "--out",
                out.to_str().unwrap(),
            ],
        );
        no_panic(&r, "ics");
    }
}

#[test]
fn the_migration_repairs_what_it_can_and_lists_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.sqlite3");
    // A database at the schema before the repair, with values an older Cinq let through.
    let before = cinq_core::store::REPAIR_DATES_AFTER - 1;
    drop(Store::open_with_migrations(&db, &MIGRATIONS[..before]).unwrap());
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "INSERT INTO strategy (id, name, organisation, sector, language, timezone, start_date, current_step,
             created_at, updated_at)
         VALUES (1, 'Old', '', '', 'en', 'Europe/Paris', ' 2027-1-5', 'audit', '2026-12-07T10:00:00Z',
             '2026-12-07T10:00:00Z');",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let ok = r#"{"title":"Old","text":"","status":"draft"}"#;
    for at in [
        "2027-1-5T9:30",
        "2027-01-06 10:00",
        " 2027-01-07T11:00\u{a0}",
        "1-1-1T1:1",
        "2027-01-08T09:30",
    ] {
        conn.execute(
            "INSERT INTO post (strategy_id, network, scheduled_at, data) VALUES (1, 'linkedin', ?1, ?2)",
            [at, ok],
        )
        .unwrap();
    }
    conn.execute(
        "INSERT INTO editorial_item (strategy_id, date, data) VALUES (1, '2027-2-1', '{}'), (1, '01/02/2027', '{}')",
        [],
    )
    .unwrap();
    // Dates kept in a row's JSON: an objective's deadline, a presence's last post.
    conn.execute_batch(
        r#"INSERT INTO social_objective (id, strategy_id, position, data)
               VALUES (1, 1, 1, '{"title":"Leads","deadline":"2027-3-1"}'),
                      (2, 1, 2, '{"title":"Visits","deadline":"soon"}');
           INSERT INTO presence (strategy_id, network, data)
               VALUES (1, 'linkedin', '{"last_post_on":" 2026-12-1"}');"#,
    )
    .unwrap();
    drop(conn);
    let store = Store::open(&db).unwrap();
    assert_eq!(store.schema_version().unwrap(), MIGRATIONS.len() as i64);
    let at: Vec<Option<String>> = store
        .conn()
        .prepare("SELECT scheduled_at FROM post ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        at,
        [
            Some("2027-01-05T09:30".to_owned()),
            Some("2027-01-06T10:00".to_owned()),
            Some("2027-01-07T11:00".to_owned()),
            Some("1-1-1T1:1".to_owned()),
            Some("2027-01-08T09:30".to_owned()),
        ]
    );
    let start: String = store
        .conn()
        .query_row("SELECT start_date FROM strategy", [], |r| r.get(0))
        .unwrap();
    assert_eq!(start, "2027-01-05");
    let json_day = |sql: &str| -> String { store.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        json_day("SELECT json_extract(data, '$.deadline') FROM social_objective WHERE id = 1"),
        "2027-03-01"
    );
    assert_eq!(
        json_day("SELECT json_extract(data, '$.last_post_on') FROM presence"),
        "2026-12-01"
    );
    let problems = cinq_core::store::stored_dates::problems(store.conn(), Some(1)).unwrap();
    let listed: Vec<&str> = problems.iter().map(|p| p.value.as_str()).collect();
    assert_eq!(listed, ["01/02/2027", "1-1-1T1:1", "soon"]);
    drop(store);
    // The CLI lists them, and so do the calendar's checks (with their posts and items).
    let r = cinq(&db, &["strategy", "show", "1"]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(
        r.out.contains("3 stored dates or times") && r.out.contains("\"1-1-1T1:1\""),
        "{}",
        r.out
    );
    assert!(
        r.out.contains("editorial item") && r.out.contains("\"01/02/2027\""),
        "{}",
        r.out
    );
    assert!(
        r.out.contains("social objective 2: deadline is \"soon\""),
        "{}",
        r.out
    );
    let r = cinq(&db, &["calendar", "check", "1", "--json"]);
    assert_eq!(r.code, 0, "{}", r.err);
    let checks: serde_json::Value = serde_json::from_str(&r.out).unwrap();
    let finding = checks["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "stored_date_invalid")
        .unwrap_or_else(|| panic!("{}", r.out));
    assert_eq!(finding["posts"].as_array().unwrap().len(), 1);
    assert_eq!(finding["editorial"].as_array().unwrap().len(), 1);
    assert!(finding["title"]["fr"].as_str().unwrap().contains("dates"));
    let r = cinq(&db, &["calendar", "check", "1"]);
    assert!(r.out.contains("Dates Cinq cannot read"), "{}", r.out);
}

#[test]
fn a_stored_network_key_never_becomes_a_path() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.sqlite3");
    assert_eq!(
        cinq(&db, &["strategy", "create", "--name", "../../Keys"]).code,
        0
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "INSERT INTO custom_network (strategy_id, key, position, name, kind) VALUES
             (1, '../../evil', 0, 'Evil', 'social'), (1, '..', 1, 'Dots', 'social');
         INSERT INTO post (strategy_id, network, scheduled_at, data) VALUES
             (1, '../../evil', '2027-01-05T09:30', '{\"title\":\"a\",\"text\":\"a\",\"status\":\"draft\"}'),
             (1, '..', '2027-01-05T10:30', '{\"title\":\"b\",\"text\":\"b\",\"status\":\"draft\"}'),
             (1, '/', '2027-01-05T11:30', '{\"title\":\"c\",\"text\":\"c\",\"status\":\"draft\"}');",
    )
    .unwrap();
    let out = dir.path().join("deep").join("hootsuite");
    let r = cinq(
        &db,
        &[
            "calendar",
            "export",
            "1",
            "--format",
            "hootsuite",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 3, "{names:?}");
    for n in &names {
        assert!(n.starts_with("Keys.hootsuite.") && !n.contains('/'), "{n}");
    }
    // Nothing beside the folder, nor above it.
    let mut around: Vec<String> = std::fs::read_dir(dir.path().join("deep"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    around.sort();
    assert_eq!(around, ["hootsuite"]);
    assert!(!dir.path().join("evil.csv").exists());
}

/// A strategy file exported from the sample, changed by `edit`, then imported: the error (must be one).
fn import_edited(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("f.sqlite3");
    assert_eq!(cinq(&db, &["sample"]).code, 0);
    let file = dir.path().join("s.cinq.json");
    let r = cinq(
        &db,
        &["strategy", "export", "1", "--out", file.to_str().unwrap()],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    edit(&mut v["strategy"]);
    std::fs::write(&file, serde_json::to_vec(&v).unwrap()).unwrap();
    let before = cinq(&db, &["strategy", "list", "--json"]).out;
    let r = cinq(&db, &["strategy", "import", file.to_str().unwrap()]);
    assert_eq!(r.code, 1, "refused: {}", r.out);
    assert_eq!(
        cinq(&db, &["strategy", "list", "--json"]).out,
        before,
        "nothing imported"
    );
    r.err
}

#[test]
fn a_strategy_file_is_refused_for_a_key_that_is_a_path() {
    let e = import_edited(|s| {
        s["audit"]["custom_networks"] = serde_json::json!([{
            "key": "../../evil", "name": "Evil", "kind": "social", "max_length": null, "formats": []
        }]);
    });
    assert!(
        e.contains("audit.custom_networks[0].key") && e.contains("../../evil"),
        "{e}"
    );
    for key in [
        "custom-a/b",
        "custom-..",
        "custom-a\\b",
        "custom-\u{7}",
        "custom-",
    ] {
        let e = import_edited(|s| {
            s["audit"]["custom_networks"] = serde_json::json!([{
                "key": key, "name": "X", "kind": "social", "max_length": null, "formats": []
            }]);
        });
        assert!(e.contains("custom_networks[0].key"), "{key:?}: {e}");
    }
}

#[test]
fn a_strategy_file_is_refused_for_a_date_not_in_its_form_with_where_it_is() {
    let e = import_edited(|s| s["calendar"]["posts"][0]["scheduled_at"] = "1-1-1T1:1".into());
    assert!(
        e.contains("calendar.posts[0].scheduled_at") && e.contains("YYYY-MM-DDTHH:MM"),
        "{e}"
    );
    let e = import_edited(|s| s["created_at"] = "not a date".into());
    assert!(e.contains("created_at") && e.contains("RFC 3339"), "{e}");
    let e = import_edited(|s| s["start_date"] = "2027-1-5".into());
    assert!(e.contains("start_date"), "{e}");
    let e = import_edited(|s| s["calendar"]["editorial"][0]["date"] = "2027-02-30".into());
    assert!(e.contains("calendar.editorial[0].date"), "{e}");
    let e = import_edited(|s| {
        s["objectives"]["objectives"][0]["readings"] =
            serde_json::json!([{"taken_on": "yesterday", "value": 1.0, "note": ""}]);
    });
    assert!(
        e.contains("objectives.objectives[0].readings[0].taken_on"),
        "{e}"
    );
    let long = "x".repeat(10_000);
    let e = import_edited(|s| s["calendar"]["posts"][0]["scheduled_at"] = long.clone().into());
    assert!(
        e.chars().count() < 400 && e.contains('…'),
        "a short quote: {e}"
    );
}

#[test]
fn a_strategy_file_is_refused_for_a_link_out_of_range() {
    let e = import_edited(|s| {
        let posts = s["calendar"]["posts"].as_array().unwrap().len();
        s["adapt"]["adaptations"] = serde_json::json!([{
            "entry": {
                "date": "2027-01-05", "observation": "o", "decision": "d",
                "evidence": {"kind": "none", "ref_id": null, "label": ""},
                "expected_effect": "", "review_on": null, "reviewed": false
            },
            "action": {"type": "move_post", "post_id": posts + 5, "scheduled_at": "2027-01-06T09:00"},
            "changes": []
        }]);
    });
    assert!(
        e.contains("adapt.adaptations[0].action.post_id") && e.contains("refers to post"),
        "{e}"
    );
}

#[test]
fn an_export_names_a_post_whose_data_does_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.sqlite3");
    assert_eq!(cinq(&db, &["sample"]).code, 0);
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "INSERT INTO post (id, strategy_id, network, scheduled_at, data) VALUES (987654, 1, 'linkedin', '2027-01-05T09:30', '{\"status\":42}')",
        [],
    )
    .unwrap();
    for format in [
        "cinq-csv",
        "google-csv",
        "outlook-csv",
        "hootsuite",
        "sprout",
        "ics",
    ] {
        let out = dir.path().join(format!("out.{format}"));
        let r = cinq(
            &db,
            &[
                "calendar",
                "export",
                "1",
                "--format",
                format,
                "--out",
                out.to_str().unwrap(),
            ],
        );
        assert_eq!(r.code, 1, "{format}");
        assert!(
            r.err.contains("post 987654") && r.err.contains("does not read"),
            "{format}: {}",
            r.err
        );
        assert!(!out.exists());
    }
    conn.execute("DELETE FROM post WHERE id = 987654", [])
        .unwrap();
    let out = dir.path().join("out.ics");
    let r = cinq(
        &db,
        &[
            "calendar",
            "export",
            "1",
            "--format",
            "ics",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.err);
}

#[test]
fn the_calendar_checks_see_a_bad_date_written_by_another_connection() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v.sqlite3");
    assert_eq!(cinq(&db, &["sample"]).code, 0);
    let store = Store::open(&db).unwrap();
    let has = |store: &Store| {
        store
            .calendar_checks(1, None, None, &Default::default())
            .unwrap()
            .findings
            .iter()
            .any(|f| f.finding.kind == cinq_core::findings::FindingKind::StoredDateInvalid)
    };
    assert!(!has(&store));
    assert!(!has(&store), "clean, remembered");
    let other = rusqlite::Connection::open(&db).unwrap();
    other
        .execute(
            "INSERT INTO post (strategy_id, network, scheduled_at, data) VALUES (1, 'linkedin', '2027-1-5T9:30', '{\"title\":\"\",\"text\":\"\",\"status\":\"draft\"}')",
            [],
        )
        .unwrap();
    assert!(has(&store), "seen once another connection wrote");
    other
        .execute("DELETE FROM post WHERE scheduled_at = '2027-1-5T9:30'", [])
        .unwrap();
    assert!(!has(&store));
}
