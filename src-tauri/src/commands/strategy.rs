//! Strategies: list, open, create, edit, duplicate, delete and restore, files in and out, the sample, the overview.

use crate::dialogs::{pick_file, save_file};
use crate::state::{AppState, Cmd};
use cinq_core::overview::StrategyOverview;
// The name offered when a strategy is saved (`cinq_core::strategy::file_name`).
use cinq_core::strategy::file_name as file_name_for;
use cinq_core::{Language, StepId, Strategy, StrategyInput, StrategySummary};
use tauri::{AppHandle, State};

#[tauri::command]
pub fn strategy_list(state: State<AppState>) -> Cmd<Vec<StrategySummary>> {
    state.with(|s| s.list_strategies())
}

#[tauri::command]
pub fn strategy_get(state: State<AppState>, id: i64) -> Cmd<Strategy> {
    state.with(|s| s.strategy(id))
}

/// Reads a strategy and records it as the one to reopen at the next start.
#[tauri::command]
pub fn strategy_open(state: State<AppState>, id: i64) -> Cmd<Strategy> {
    state.with(|s| s.open_strategy(id))
}

#[tauri::command]
pub fn strategy_create(state: State<AppState>, input: StrategyInput) -> Cmd<Strategy> {
    state.with(|s| s.create_strategy(&input))
}

#[tauri::command]
pub fn strategy_update(state: State<AppState>, id: i64, input: StrategyInput) -> Cmd<Strategy> {
    state.with(|s| s.update_strategy(id, &input))
}

#[tauri::command]
pub fn strategy_duplicate(state: State<AppState>, id: i64, language: Language) -> Cmd<Strategy> {
    state.with(|s| s.duplicate_strategy_in(id, language))
}

#[tauri::command]
pub fn strategy_delete(state: State<AppState>, id: i64) -> Cmd<()> {
    state.with(|s| s.delete_strategy(id))
}

#[tauri::command]
pub fn strategy_restore(state: State<AppState>, id: i64) -> Cmd<Strategy> {
    state.with(|s| s.restore_strategy(id))
}

#[tauri::command]
pub fn strategy_set_current_step(state: State<AppState>, id: i64, step: StepId) -> Cmd<Strategy> {
    state.with(|s| s.set_current_step(id, step))
}

#[tauri::command]
pub fn strategy_set_step_completed(
    state: State<AppState>,
    id: i64,
    step: StepId,
    completed: bool,
) -> Cmd<Strategy> {
    state.with(|s| s.set_step_completed(id, step, completed))
}

/// Asks where to save (a native dialog) and writes the strategy file there. `None` when the user cancels.
#[tauri::command]
pub async fn strategy_export(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
) -> Cmd<Option<String>> {
    let name = state.with(|s| s.strategy(id))?.name;
    let Some(path) = save_file(&app, &file_name_for(&name), "Cinq strategy", &["json"])? else {
        return Ok(None);
    };
    state.with(|s| s.export_strategy_to(id, &path))?;
    Ok(Some(path.display().to_string()))
}

/// Asks for a strategy file (a native dialog) and imports it as a new strategy. `None` when the user cancels.
#[tauri::command]
pub async fn strategy_import(
    app: AppHandle,
    state: State<'_, AppState>,
    language: Language,
) -> Cmd<Option<Strategy>> {
    let Some(path) = pick_file(&app, "Cinq strategy", &["json"])? else {
        return Ok(None);
    };
    state
        .with(|s| s.import_strategy_from_in(&path, language))
        .map(Some)
}

#[tauri::command]
pub fn overview_get(state: State<AppState>, strategy_id: i64) -> Cmd<StrategyOverview> {
    state.with(|s| {
        let today = s.strategy_today(strategy_id)?;
        s.overview(strategy_id, today)
    })
}

#[tauri::command]
pub fn sample_create(state: State<AppState>) -> Cmd<Strategy> {
    state.with(|s| s.create_sample())
}
