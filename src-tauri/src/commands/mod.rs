//! The IPC commands, one module per step: `app` (the app itself: start-up, settings, backups, time zones, print),
//! `strategy`, `audit`, `benchmark`, `objectives`, `calendar` and `adapt` (step 5). The rule: each command is a
//! one-liner over the domain crate (`cinq_core`), which decides everything; a command only locks the state, opens a
//! native dialog (`crate::dialogs`) or sends an event. Every `#[tauri::command]` of these files is registered,
//! declared and granted by the build (`src-tauri/build.rs` reads them): defining it here is all it takes.

pub mod adapt;
pub mod app;
pub mod audit;
pub mod benchmark;
pub mod calendar;
pub mod objectives;
pub mod strategy;

use cinq_core::Store;

/// Today in the strategy's time zone: findings about dates (stale accounts…) are computed against it.
pub(crate) fn today_for(store: &Store, id: i64) -> cinq_core::Result<chrono::NaiveDate> {
    let tz: chrono_tz::Tz = store
        .strategy(id)?
        .timezone
        .parse()
        .unwrap_or(chrono_tz::UTC);
    Ok(chrono::Utc::now().with_timezone(&tz).date_naive())
}
