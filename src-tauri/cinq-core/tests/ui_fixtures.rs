//! Data the UI's tests and fakes take from Rust rather than copy: Cinq's limits (what `app_info` answers with) and
//! how a text's length is counted. Each test fails when its file in ui/src/test/fixtures drifts; run them with
//! UPDATE_FIXTURES=1 to write them again.

use std::path::PathBuf;

fn check(name: &str, json: String) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../ui/src/test/fixtures")
        .join(name);
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, json).unwrap();
        return;
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        stored == json,
        "{} is out of date: run `UPDATE_FIXTURES=1 cargo test -p cinq-core --test ui_fixtures` and commit the result",
        path.display()
    );
}

#[test]
fn the_fakes_limits_are_cinqs() {
    check(
        "limits.json",
        serde_json::to_string_pretty(&cinq_core::LIMITS).unwrap() + "\n",
    );
}

/// The editors count a text's length on every keystroke in TypeScript (`textLength`, ui/src/components/calendar/
/// state.ts); its test checks it against Rust's rule (`calendar::text_length`) on these texts.
#[test]
fn the_uis_text_lengths_are_rusts() {
    let texts = [
        "",
        "Hello",
        "Café crème à l’heure",
        "e\u{301}", // e and a combining acute accent: two characters
        "👋 Salut",
        "👨‍👩‍👧", // a family: three people joined by two zero-width joiners
        "🇫🇷", // a flag: two regional indicators
        "日本語のテキスト",
        "line one\nline two\r\n\ttab",
        "𝐁𝐨𝐥𝐝 letters outside the basic plane",
    ];
    let cases: Vec<_> = texts
        .iter()
        .map(|t| serde_json::json!({ "text": t, "length": cinq_core::calendar::text_length(t) }))
        .collect();
    check(
        "text-lengths.json",
        serde_json::to_string_pretty(&cases).unwrap() + "\n",
    );
}

/// The calendar fake answers `best_time_days` (where a best slot picked in the post editor moves a post) from Rust's
/// rule (`adapt::best_times::slot_day`): for the fakes' today, each day of three weeks around it.
#[test]
fn the_fakes_best_time_days_are_rusts() {
    use cinq_core::adapt::best_times::slot_day;
    let today = chrono::NaiveDate::from_ymd_opt(2027, 1, 12).unwrap();
    let cases: Vec<_> = (-8..13)
        .map(|offset| {
            let day = today + chrono::Duration::days(offset);
            let days: Vec<String> = (1..=7)
                .map(|w| slot_day(day, w, today).format("%Y-%m-%d").to_string())
                .collect();
            serde_json::json!({
                "today": today.format("%Y-%m-%d").to_string(),
                "day": day.format("%Y-%m-%d").to_string(),
                "days": days,
            })
        })
        .collect();
    check(
        "best-time-days.json",
        serde_json::to_string_pretty(&cases).unwrap() + "\n",
    );
}

/// What `best_times_get` answers for a strategy with no network yet: the fakes start from it (its thresholds and how
/// many slots the editor hints are Rust's), and add their networks.
#[test]
fn the_fakes_best_times_are_rusts() {
    let mut store = cinq_core::Store::open_in_memory().unwrap();
    let id = store
        .create_strategy(&cinq_core::StrategyInput {
            name: "Fixture".into(),
            organisation: String::new(),
            sector: String::new(),
            language: cinq_core::Language::En,
            timezone: "Europe/Paris".into(),
            start_date: "2027-01-04".into(),
        })
        .unwrap()
        .id;
    let times = store.best_times(id, None).unwrap();
    assert!(times.networks.is_empty());
    check(
        "best-times-empty.json",
        serde_json::to_string_pretty(&times).unwrap() + "\n",
    );
}
