//! The CLI through `cli::run`, as the binary calls it: output, `--json`, exit codes and messages.

mod support;
use support::cinq;

use cinq_core::cli::{run, Outcome};

#[test]
fn no_subcommand_opens_the_app() {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(
        run(["cinq"], &mut out, &mut err),
        Outcome::OpenApp { db: None }
    );
    assert_eq!(
        run(["cinq", "--db", "x.sqlite3"], &mut out, &mut err),
        Outcome::OpenApp {
            db: Some("x.sqlite3".into())
        }
    );
}

#[test]
fn help_version_and_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    let r = cinq(&db, &["--help"]);
    assert_eq!(r.code, 0);
    assert!(
        r.out.contains("strategy") && r.out.contains("sample"),
        "{}",
        r.out
    );
    let r = cinq(&db, &["--version"]);
    assert_eq!(r.code, 0);
    assert!(r.out.starts_with("cinq "), "{}", r.out);
    let r = cinq(&db, &["strategy", "frobnicate"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.err.lines().count(), 1, "one line: {}", r.err);
    assert!(r.err.starts_with("cinq: "), "{}", r.err);
    let r = cinq(&db, &["strategy", "create"]);
    assert_eq!(r.code, 2, "a missing --name is a usage error");
    assert!(r.err.contains("--name"), "{}", r.err);
    let r = cinq(
        &db,
        &["strategy", "create", "--name", "X", "--language", "de"],
    );
    assert_eq!(r.code, 2);
}

#[test]
fn create_list_show_export_import_and_sample() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    let r = cinq(
        &db,
        &[
            "strategy",
            "create",
            "--name",
            "Café Brûlot",
            "--organisation",
            "Brûlot SA",
            "--language",
            "fr",
            "--timezone",
            "Europe/Paris",
            "--start-date",
            "2026-02-01",
            "--json",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    let s: serde_json::Value = serde_json::from_str(&r.out).expect("--json prints JSON only");
    assert_eq!(s["name"], "Café Brûlot");
    assert_eq!(s["language"], "fr");
    assert_eq!(s["steps"].as_array().unwrap().len(), 5);

    let r = cinq(&db, &["strategy", "list", "--json"]);
    let list: serde_json::Value = serde_json::from_str(&r.out).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    let r = cinq(&db, &["strategy", "list"]);
    assert!(r.out.contains("Café Brûlot"), "{}", r.out);

    let r = cinq(&db, &["strategy", "show", "café brûlot"]);
    assert_eq!(r.code, 0);
    assert!(r.out.contains("Europe/Paris"), "{}", r.out);
    let r = cinq(&db, &["strategy", "show", "nope"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.err.trim(),
        "cinq: there is no strategy with the id or name 'nope'"
    );

    let file = dir.path().join("out.json");
    let r = cinq(
        &db,
        &["strategy", "export", "1", "--out", file.to_str().unwrap()],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    let r = cinq(
        &db,
        &["strategy", "import", file.to_str().unwrap(), "--json"],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    let s: serde_json::Value = serde_json::from_str(&r.out).unwrap();
    assert_eq!(s["name"], "Café Brûlot (imported)");

    let r = cinq(&db, &["sample", "--json"]);
    assert_eq!(r.code, 0, "{}", r.err);
    let s: serde_json::Value = serde_json::from_str(&r.out).unwrap();
    assert_eq!(s["name"], cinq_core::sample::SAMPLE_NAME);
}

#[test]
fn errors_are_one_clear_line_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    let r = cinq(
        &db,
        &["strategy", "create", "--name", "X", "--timezone", "Paris"],
    );
    assert_eq!(r.code, 1);
    assert_eq!(
        r.err.trim(),
        "cinq: timezone: not a valid IANA time zone (for example Europe/Paris)"
    );
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        "{\n  \"format\": \"cinq.strategy\",\n  \"version\": 1,\n  \"strategy\": 12\n}\n",
    )
    .unwrap();
    let r = cinq(&db, &["strategy", "import", bad.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert_eq!(r.err.lines().count(), 1);
    assert!(r.err.contains("bad.json: line 4, column"), "{}", r.err);
    let r = cinq(&db, &["strategy", "list", "--json"]);
    assert_eq!(r.out.trim(), "[]");

    let not_db = dir.path().join("notes.txt");
    std::fs::write(&not_db, "hello").unwrap();
    let r = cinq(&not_db, &["strategy", "list"]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("is not a Cinq database"), "{}", r.err);
    assert_eq!(std::fs::read(&not_db).unwrap(), b"hello");
}

#[test]
fn audit_show_prints_the_audit_with_its_findings() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    assert_eq!(cinq(&db, &["sample"]).code, 0);
    let r = cinq(&db, &["audit", "show", "1", "--json"]);
    assert_eq!(r.code, 0, "{}", r.err);
    let v: serde_json::Value = serde_json::from_str(&r.out).unwrap();
    assert!(v["audit"]["personas"].as_array().unwrap().len() >= 2);
    assert!(!v["findings"].as_array().unwrap().is_empty());
    let r = cinq(&db, &["audit", "show", "1"]);
    assert_eq!(r.code, 0);
    assert!(
        r.out.contains("Findings")
            && r.out.contains("Your targets are on Pinterest")
            && r.out
                .contains("Measurement\n  Not yet. Missing: conversions on Instagram;"),
        "{}",
        r.out
    );
    let r = cinq(&db, &["audit", "show", "nope"]);
    assert_eq!(r.code, 1);
}

#[test]
fn benchmark_show_prints_the_comparison_and_findings() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    assert_eq!(cinq(&db, &["sample"]).code, 0);
    let r = cinq(&db, &["benchmark", "show", "1", "--json"]);
    assert_eq!(r.code, 0, "{}", r.err);
    let v: serde_json::Value = serde_json::from_str(&r.out).unwrap();
    assert_eq!(v["benchmark"]["players"].as_array().unwrap().len(), 4);
    assert!(!v["comparison"].as_array().unwrap().is_empty());
    assert!(!v["coverage"]["white_space"].as_array().unwrap().is_empty());
    let r = cinq(&db, &["benchmark", "show", "1"]);
    assert_eq!(r.code, 0);
    assert!(
        r.out.contains("White space: ") && r.out.contains("[warning] On Instagram, you post less"),
        "{}",
        r.out
    );
}

#[test]
fn objectives_show_prints_objectives_missions_mix_plan_and_findings() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    assert_eq!(cinq(&db, &["sample"]).code, 0);
    let r = cinq(
        &db,
        &["objectives", "show", "Atelier Lumière (sample)", "--json"],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    let v: serde_json::Value = serde_json::from_str(&r.out).unwrap();
    assert_eq!(v["data"]["objectives"].as_array().unwrap().len(), 4);
    assert_eq!(v["data"]["missions"].as_array().unwrap().len(), 5);
    assert_eq!(v["data"]["mix"]["strategy"]["interaction"], 40);
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["kind"] == "vanity_metric"));
    let r = cinq(&db, &["objectives", "show", "1"]);
    assert_eq!(r.code, 0);
    for part in [
        "Business goals",
        "Social objectives",
        "SMART: specific yes, measurable NO",
        "VANITY METRIC",
        "Missions",
        "Instagram: Raconter",
        "Content mix: promotion 30 %, curation 30 %, interaction 40 %",
        "Pinterest: promotion 40 %",
        "Topics",
        "Measurement plan",
        "NO DATA SOURCE",
        "[blocking] You cannot measure objective “Être plus visible sur Instagram”",
    ] {
        assert!(r.out.contains(part), "{part} in:\n{}", r.out);
    }
    let r = cinq(&db, &["objectives", "show", "nope"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.err.lines().count(), 1, "{}", r.err);
}

#[test]
fn calendar_check_prints_the_gauges_and_every_finding() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    assert_eq!(cinq(&db, &["sample"]).code, 0);
    let r = cinq(&db, &["calendar", "check", "1", "--json"]);
    assert_eq!(r.code, 0, "{}", r.err);
    let v: serde_json::Value = serde_json::from_str(&r.out).unwrap();
    assert!(v["gauges"].as_array().unwrap().len() >= 2);
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["kind"] == "post_collision" && f["posts"].as_array().unwrap().len() == 2));
    let r = cinq(
        &db,
        &[
            "calendar",
            "check",
            "1",
            "--from",
            "2020-01-01",
            "--to",
            "2020-01-31",
        ],
    );
    assert_eq!(r.code, 0);
    assert!(
        r.out
            .contains("Calendar checks of Atelier Lumière (sample), 2020-01-01 to 2020-01-31"),
        "{}",
        r.out
    );
    let r = cinq(&db, &["calendar", "check", "1", "--from", "March"]);
    assert_eq!(r.code, 2);
    assert!(r.err.contains("YYYY-MM-DD"), "{}", r.err);
}

#[test]
fn calendar_show_prints_the_posts_and_ideas() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    assert_eq!(cinq(&db, &["sample"]).code, 0);
    let r = cinq(&db, &["calendar", "show", "1", "--json"]);
    assert_eq!(r.code, 0, "{}", r.err);
    let v: serde_json::Value = serde_json::from_str(&r.out).unwrap();
    let posts = v["posts"].as_array().unwrap();
    assert!(posts.len() > 100);
    assert!(posts[0]["id"].as_i64().is_some() && posts[0]["scheduled_at"].is_string());
    assert_eq!(v["ideas"].as_array().unwrap().len(), 5);
    let first_day = &posts[0]["scheduled_at"].as_str().unwrap()[..10];
    let r = cinq(
        &db,
        &[
            "calendar", "show", "1", "--from", first_day, "--to", first_day,
        ],
    );
    assert_eq!(r.code, 0);
    assert!(
        r.out.starts_with("Calendar of Atelier Lumière (sample)"),
        "{}",
        r.out
    );
    assert!(r.out.contains("Ideas: 5"), "{}", r.out);
}

#[test]
fn calendar_export_and_import_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    assert_eq!(cinq(&db, &["sample"]).code, 0);
    let csv = dir.path().join("plan.csv");
    let r = cinq(
        &db,
        &[
            "calendar",
            "export",
            "1",
            "--format",
            "cinq-csv",
            "--delimiter",
            ";",
            "--bom",
            "--out",
            csv.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(std::fs::read(&csv)
        .unwrap()
        .starts_with(b"\xEF\xBB\xBFnetwork;date;time"));
    let hoot = dir.path().join("hootsuite");
    let r = cinq(
        &db,
        &[
            "calendar",
            "export",
            "1",
            "--format",
            "hootsuite",
            "--network",
            "instagram",
            "--out",
            hoot.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    assert_eq!(std::fs::read_dir(&hoot).unwrap().count(), 1);
    let ics = dir.path().join("plan.ics");
    let r = cinq(
        &db,
        &[
            "calendar",
            "export",
            "1",
            "--format",
            "ics",
            "--from",
            "2020-01-01",
            "--out",
            ics.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(std::fs::read_to_string(&ics)
        .unwrap()
        .contains("BEGIN:VEVENT"));

    assert_eq!(
        cinq(
            &db,
            &["strategy", "create", "--name", "Copy", "--timezone", "UTC"]
        )
        .code,
        0
    );
    let r = cinq(
        &db,
        &[
            "calendar",
            "import",
            "Copy",
            csv.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    let v: serde_json::Value = serde_json::from_str(&r.out).unwrap();
    assert!(v["posts"].as_u64().unwrap() > 100);
    let r = cinq(
        &db,
        &["calendar", "export", "1", "--format", "excel", "--out", "x"],
    );
    assert_eq!(r.code, 2);
    let r = cinq(&db, &["calendar", "import", "Copy", "/nonexistent.csv"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.err.lines().count(), 1, "{}", r.err);
}

// ---------------------------------------------------------------------------------------------------------------
// Step 5: the A/B test and the results import.

#[test]
fn abtest_prints_a_verdict_without_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("never.sqlite3");
    let r = cinq(
        &db,
        &["abtest", "--metric-a", "120/2400", "--metric-b", "156/2400"],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.out.contains("A: 120/2400 = 5.00 %"), "{}", r.out);
    assert!(r.out.contains("B: 156/2400 = 6.50 %"), "{}", r.out);
    assert!(r.out.contains("p = 0.0256"), "{}", r.out);
    assert!(
        r.out.contains("B beats A with 97 % confidence"),
        "{}",
        r.out
    );
    assert!(!db.exists(), "abtest needs no database");

    // The pooled two-proportion z-test, as R's prop.test(c(156, 120), c(2400, 2400), correct = FALSE):
    // p̂ = 276/4800 = 0.0575, SE = √(0.0575 × 0.9425 × (1/2400 + 1/2400)) = 0.0067202,
    // z = (0.065 − 0.05)/SE = 2.232067, X² = z² = 4.9821, p = erfc(z/√2) = 0.0256105.
    let r = cinq(
        &db,
        &[
            "abtest",
            "--metric-a",
            "120/2400",
            "--metric-b",
            "156/2400",
            "--json",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    let v: serde_json::Value = serde_json::from_str(&r.out).unwrap();
    let c = &v["comparisons"][0];
    let p = c["p_value"].as_f64().unwrap();
    assert!((p - 0.025_610_5).abs() < 1e-4, "p = {p}");
    assert!((c["z"].as_f64().unwrap() - 2.232_067).abs() < 1e-4);
    assert_eq!(c["test"], "z_test");
    assert_eq!(c["significant"], true);
    assert!(c["verdict"]["en"].as_str().unwrap().contains("B beats A"));
    assert_eq!(v["variants"].as_array().unwrap().len(), 2);

    // More variants, each against A, Holm-adjusted.
    let r = cinq(
        &db,
        &[
            "abtest",
            "--metric-a",
            "120/2400",
            "--metric-b",
            "156/2400",
            "--metric",
            "121/2400",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.out.contains("C vs A"), "{}", r.out);
    assert!(r.out.contains("Holm-adjusted"), "{}", r.out);

    for bad in ["5/abc", "5", "7/5"] {
        let r = cinq(&db, &["abtest", "--metric-a", bad, "--metric-b", "1/10"]);
        assert_ne!(r.code, 0, "{bad}");
        assert_eq!(r.err.lines().count(), 1, "{bad}: {}", r.err);
    }
    let r = cinq(
        &db,
        &["abtest", "--metric-a", "5/abc", "--metric-b", "1/10"],
    );
    assert_eq!(r.code, 2, "a malformed value is a usage error");
    assert!(r.err.contains("SUCCESSES/TRIALS"), "{}", r.err);
    assert!(!db.exists());
}

const X_EXPORT: &str = "Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,\
Replies,Reposts,Profile visits,Detail Expands,URL Clicks
1944000000000000001,\"Tue, Jul 14, 2026\",Notre nouvelle carte d'été arrive,https://x.com/c/status/1944000000000000001,\
\"1,234\",48,97,6,2,3,5,7,12,20,9
1944000000000000002,\"Wed, Jul 15, 2026\",Fermeture exceptionnelle jeudi,https://x.com/c/status/1944000000000000002,\
812,15,30,1,0,0,4,2,3,5,0
";

fn count_rows(db: &std::path::Path, table: &str) -> i64 {
    cinq_core::Store::open(db)
        .unwrap()
        .conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn results_import_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    let r = cinq(
        &db,
        &[
            "strategy",
            "create",
            "--name",
            "Café",
            "--timezone",
            "Europe/Paris",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    let file = dir.path().join("account_analytics_content.csv");
    std::fs::write(&file, X_EXPORT).unwrap();
    let path = file.to_str().unwrap();

    let r = cinq(
        &db,
        &[
            "results",
            "import",
            "Café",
            path,
            "--date",
            "2026-07-20",
            "--json",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    let v: serde_json::Value = serde_json::from_str(&r.out).unwrap();
    assert_eq!(v["kind"], "x_posts");
    assert_eq!(v["network"], "x");
    assert_eq!(v["rows"], 2);
    assert_eq!(v["unplanned"], 2);
    assert_eq!(v["matched"], 0);
    assert_eq!(v["rejected"], 0);
    assert_eq!(v["written"], true);
    assert_eq!(v["taken_on"], "2026-07-20");
    assert_eq!(count_rows(&db, "result_snapshot"), 2);

    // Again, as text: nothing new.
    let r = cinq(
        &db,
        &["results", "import", "1", path, "--date", "2026-07-20"],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(
        r.out
            .contains("Imported into 'Café': X post export, 2 rows"),
        "{}",
        r.out
    );
    assert!(r.out.contains("unchanged 2"), "{}", r.out);

    // A bad row: exit 1, one line on stderr, the report says why, nothing written.
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        X_EXPORT.replace("812,15", "812,lots")
            + "1944000000000000003,\"Thu, Jul 16, 2026\",Concours,,1,1,1,1,1,1,1,1,1,1,1\n",
    )
    .unwrap();
    let bad = bad.to_str().unwrap();
    let r = cinq(
        &db,
        &[
            "results",
            "import",
            "Café",
            bad,
            "--date",
            "2026-07-21",
            "--json",
        ],
    );
    assert_eq!(r.code, 1);
    assert_eq!(r.err.lines().count(), 1, "{}", r.err);
    assert!(r.err.contains("--skip-invalid"), "{}", r.err);
    let v: serde_json::Value = serde_json::from_str(&r.out).unwrap();
    assert_eq!(v["written"], false);
    assert_eq!(v["rejected"], 1);
    assert_eq!(v["errors"][0]["line"], 3);
    assert_eq!(v["errors"][0]["column"], "Likes");
    assert_eq!(count_rows(&db, "post"), 2);
    assert_eq!(count_rows(&db, "result_snapshot"), 2);

    // The text report names the line and column.
    let r = cinq(
        &db,
        &["results", "import", "Café", bad, "--date", "2026-07-21"],
    );
    assert_eq!(r.code, 1);
    assert!(r.out.contains("Nothing written"), "{}", r.out);
    assert!(r.out.contains("line 3, column \"Likes\""), "{}", r.out);

    // A dry run exits 0 and writes nothing; skipping the bad row writes the rest.
    let r = cinq(
        &db,
        &[
            "results",
            "import",
            "Café",
            bad,
            "--date",
            "2026-07-21",
            "--dry-run",
            "--json",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    assert_eq!(count_rows(&db, "post"), 2);
    let r = cinq(
        &db,
        &[
            "results",
            "import",
            "Café",
            bad,
            "--date",
            "2026-07-21",
            "--skip-invalid",
            "--json",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    let v: serde_json::Value = serde_json::from_str(&r.out).unwrap();
    assert_eq!(
        (v["unchanged"].as_u64(), v["unplanned"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(count_rows(&db, "post"), 3);

    // Usage errors and unknown files.
    let r = cinq(
        &db,
        &["results", "import", "Café", path, "--date", "20/07/2026"],
    );
    assert_eq!(r.code, 2);
    let other = dir.path().join("other.csv");
    std::fs::write(&other, "Campaign,Budget\nSummer,100\n").unwrap();
    let r = cinq(&db, &["results", "import", "Café", other.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("Post id"), "{}", r.err);
    assert_eq!(r.err.lines().count(), 1, "{}", r.err);
}
