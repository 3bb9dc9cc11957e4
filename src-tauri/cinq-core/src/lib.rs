//! Cinq's domain. Nothing here depends on Tauri; the app's commands and the CLI are thin adapters over this crate.
//!
//! - The five steps: `audit` (1), `benchmark` (2), `objectives` (3, with `smart`), `calendar` (4: its checks, view,
//!   planner, imports and exports), `adapt` (5: results, evaluation, best times, A/B tests, adaptations).
//! - What they share: `model` and `error` (the types the seams carry), `network` (the catalogue and a strategy's
//!   networks), `dates`, `words` and `findings` (how Cinq writes), `io` (reading and writing a user's files),
//!   `store` (the database, its migrations and backups), `strategy`, `file` (the strategy file), `sample`,
//!   `overview`, and `cli`.

pub mod adapt;
pub mod audit;
pub mod benchmark;
pub mod calendar;
mod check;
pub mod cli;
pub mod dates;
pub mod error;
pub mod file;
pub mod findings;
pub mod io;
pub mod model;
pub mod network;
pub mod objectives;
pub mod overview;
pub mod sample;
pub mod store;
pub mod strategy;
pub mod words;

/// Cinq's version: the workspace's (`Cargo.toml`), which `cinq --version`, the app's About and the installers show.
/// `tests/version.rs` fails when `tauri.conf.json` or `ui/package.json` say otherwise.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub use error::{ApiError, CoreError, ErrorCode, FieldError, Result};
pub use model::*;
pub use store::Store;

/// Cinq's limits, as [`AppInfo`] carries them: gathered here, above every module, from the rules that own them (so
/// that `model`, which every step uses, uses none of them).
pub const LIMITS: Limits = Limits {
    name_chars: error::MAX_NAME_CHARS as u32,
    posts_per_week: objectives::MAX_POSTS_PER_WEEK,
    review_after_days: adapt::adaptations::REVIEW_AFTER_DAYS,
};
