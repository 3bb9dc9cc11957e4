//! The app's own commands: what it is, start-up, settings, backups, time zones, printing.

use crate::state::{AppState, Cmd};
use cinq_core::error::{ApiError, CoreError, ErrorCode};
use cinq_core::store::backup::{BackupInfo, BackupsView, RestoreReport};
use cinq_core::{AppInfo, Language, Settings, Store};
use tauri::{AppHandle, State};

#[tauri::command]
pub fn app_info(app: AppHandle, state: State<AppState>) -> Cmd<AppInfo> {
    let last_strategy_id = state.with(|s| s.last_strategy_id())?;
    Ok(AppInfo {
        name: app.package_info().name.clone(),
        version: cinq_core::VERSION.to_owned(),
        db_path: state.db_path.display().to_string(),
        last_strategy_id,
        system_language: Language::from_locale(&sys_locale::get_locale().unwrap_or_default()),
        limits: cinq_core::LIMITS,
    })
}

/// The UI calls this once its first screen has rendered with data. With CINQ_STARTUP_PROBE set, the time since exec
/// is printed (benchmarks read it) with the page's own milestones (`marks`, JSON, ms since the page began loading),
/// and with CINQ_STARTUP_PROBE=exit the app then quits.
#[tauri::command]
pub fn ui_ready(app: AppHandle, state: State<AppState>, marks: Option<String>) {
    if let Ok(mode) = std::env::var("CINQ_STARTUP_PROBE") {
        eprintln!(
            "cinq-ready-ms {}",
            state.started.elapsed().as_secs_f64() * 1000.0
        );
        eprintln!("cinq-ready-marks {}", marks.unwrap_or_default());
        if mode == "exit" {
            app.exit(0);
        }
    }
}

#[tauri::command]
pub fn settings_get(state: State<AppState>) -> Cmd<Settings> {
    state.with(|s| s.settings())
}

#[tauri::command]
pub fn settings_set(state: State<AppState>, settings: Settings) -> Cmd<Settings> {
    state.with(|s| s.set_settings(&settings))
}

/// The copies in the backups folder; read from the folder, so they are listed even when the database cannot open.
#[tauri::command]
pub fn backups_list(state: State<AppState>) -> Cmd<BackupsView> {
    cinq_core::store::backup::view(&state.db_path).map_err(ApiError::from)
}

#[tauri::command]
pub fn backup_create(state: State<AppState>) -> Cmd<BackupInfo> {
    state.with(|s| s.backup_now())
}

/// Restores a copy (its name from `backups_list`): the store's connection is closed around the swap and opened again.
/// When the database could not be opened at all, the restore is the way out: the store is opened on the result.
#[tauri::command]
pub fn backup_restore(state: State<AppState>, name: String) -> Cmd<RestoreReport> {
    let mut guard = state.store.lock().map_err(|_| ApiError {
        code: ErrorCode::Internal,
        message: "the database is unavailable after an earlier failure; restart Cinq".into(),
        fields: Vec::new(),
    })?;
    match guard.as_mut() {
        Ok(store) => {
            let out = store.restore_backup(&name).map_err(ApiError::from);
            // The file could not be opened again after the swap: no command may write to the stand-in in memory.
            if let Err(e) = &out {
                if store.path() == std::path::Path::new(":memory:") {
                    *guard = Err(e.clone());
                }
            }
            out
        }
        Err(_) => {
            let report = cinq_core::store::backup::restore(&state.db_path, &name)?;
            *guard = Store::open(&state.db_path).map_err(ApiError::from);
            Ok(report)
        }
    }
}

#[tauri::command]
pub fn timezones() -> Vec<String> {
    cinq_core::strategy::timezones()
}

/// Opens the system's print dialog for the window (which offers saving as PDF on every OS).
#[tauri::command]
pub fn window_print(window: tauri::WebviewWindow) -> Cmd<()> {
    window
        .print()
        .map_err(|e| ApiError::from(CoreError::Io(format!("cannot print: {e}"))))
}
