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
