//! Data the UI's tests and fakes take from Rust rather than copy: Cinq's limits (what `app_info` answers with). Each
//! test fails when its file in ui/src/test/fixtures drifts; run them with UPDATE_FIXTURES=1 to write them again.

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
