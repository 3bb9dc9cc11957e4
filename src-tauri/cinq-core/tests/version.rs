//! One version everywhere: the workspace's `Cargo.toml`, `tauri.conf.json` (the installers), `ui/package.json` (and
//! its lock file), `cinq --version` and the app's About (which shows `cinq_core::VERSION` through `app_info`).
//! Releasing a new version means changing all four files; this test fails until they agree.

use std::path::{Path, PathBuf};

use cinq_core::cli::{run, Outcome};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn json(path: &str) -> serde_json::Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `version = "…"` in the `[workspace.package]` table of the top-level `Cargo.toml`.
fn workspace_version() -> String {
    let text = read("Cargo.toml");
    let mut in_table = false;
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            in_table = line == "[workspace.package]";
        } else if in_table {
            if let Some(value) = line.strip_prefix("version") {
                let value = value.trim_start().trim_start_matches('=').trim();
                return value.trim_matches('"').to_owned();
            }
        }
    }
    panic!("Cargo.toml has no [workspace.package] version");
}

#[test]
fn every_file_names_the_same_version() {
    let version = cinq_core::VERSION;
    assert_eq!(
        workspace_version(),
        version,
        "Cargo.toml [workspace.package]"
    );
    assert!(
        read("Cargo.toml").contains("version.workspace = true"),
        "the app package takes the workspace's version"
    );
    assert_eq!(
        json("tauri.conf.json")["version"],
        version,
        "tauri.conf.json"
    );
    assert_eq!(
        json("ui/package.json")["version"],
        version,
        "ui/package.json"
    );
    let lock = json("ui/package-lock.json");
    assert_eq!(lock["version"], version, "ui/package-lock.json");
    assert_eq!(
        lock["packages"][""]["version"], version,
        "ui/package-lock.json (root package)"
    );
}

#[test]
fn the_cli_prints_the_version() {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(
        run(["cinq", "--version"], &mut out, &mut err),
        Outcome::Exit(0)
    );
    assert_eq!(
        String::from_utf8(out).unwrap(),
        format!("cinq {}\n", cinq_core::VERSION)
    );
}

#[test]
fn the_bundle_identifier_is_the_data_folder_name() {
    // The app-data folder (README, "Where your data lives") is named after the bundle identifier.
    assert_eq!(
        json("tauri.conf.json")["identifier"],
        cinq_core::store::APP_IDENTIFIER
    );
}
