//! Cinq's domain: the model, the SQLite store and its migrations, validation, the strategy file, the sample strategy
//! and the headless CLI. Nothing here depends on Tauri; the app's commands are thin adapters over this crate.

pub mod abtests;
pub mod adaptations;
pub mod audit;
pub mod backup;
pub mod benchmark;
pub mod best_times;
pub mod calendar;
pub mod calendar_checks;
pub mod calendar_export;
pub mod calendar_import;
pub mod calendar_view;
mod check;
pub mod cli;
pub mod dates;
pub mod error;
pub mod evaluate;
pub mod file;
pub mod findings;
pub mod io;
pub mod model;
pub mod objectives;
pub mod overview;
pub mod plan;
pub mod results;
pub mod results_import;
pub mod sample;
pub mod smart;
pub mod stats;
pub mod store;
pub mod stored_dates;
pub mod strategy;
pub mod words;

/// Cinq's version: the workspace's (`Cargo.toml`), which `cinq --version`, the app's About and the installers show.
/// `tests/version.rs` fails when `tauri.conf.json` or `ui/package.json` say otherwise.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub use error::{ApiError, CoreError, ErrorCode, FieldError, Result};
pub use model::*;
pub use store::Store;
