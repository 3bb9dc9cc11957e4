//! Step 2, the benchmark. Every command answers with the whole `BenchmarkView`; the customer survey's file.

use crate::dialogs::save_file;
use crate::state::{AppState, Cmd};
use cinq_core::benchmark::{
    BenchmarkView, CustomerVoice, ObservationInput, PlayerInput, TrendInput,
};
use cinq_core::{Language, Store};
use tauri::{AppHandle, State};

/// Runs a change to a strategy's benchmark, then answers with the benchmark, its comparisons and findings.
fn benchmark_change(
    state: &AppState,
    id: i64,
    change: impl FnOnce(&mut Store) -> cinq_core::Result<()>,
) -> Cmd<BenchmarkView> {
    state.with(|s| {
        change(s)?;
        s.benchmark_view(id)
    })
}

#[tauri::command]
pub fn benchmark_get(state: State<AppState>, strategy_id: i64) -> Cmd<BenchmarkView> {
    benchmark_change(&state, strategy_id, |_| Ok(()))
}

#[tauri::command]
pub fn player_save(
    state: State<AppState>,
    strategy_id: i64,
    player_id: Option<i64>,
    input: PlayerInput,
) -> Cmd<BenchmarkView> {
    benchmark_change(&state, strategy_id, |s| {
        s.save_player(strategy_id, player_id, &input).map(drop)
    })
}

#[tauri::command]
pub fn player_delete(
    state: State<AppState>,
    strategy_id: i64,
    player_id: i64,
) -> Cmd<BenchmarkView> {
    benchmark_change(&state, strategy_id, |s| {
        s.delete_player(strategy_id, player_id)
    })
}

#[tauri::command]
pub fn observation_save(
    state: State<AppState>,
    strategy_id: i64,
    observation_id: Option<i64>,
    input: ObservationInput,
) -> Cmd<BenchmarkView> {
    benchmark_change(&state, strategy_id, |s| {
        s.save_observation(strategy_id, observation_id, &input)
            .map(drop)
    })
}

#[tauri::command]
pub fn observation_delete(
    state: State<AppState>,
    strategy_id: i64,
    observation_id: i64,
) -> Cmd<BenchmarkView> {
    benchmark_change(&state, strategy_id, |s| {
        s.delete_observation(strategy_id, observation_id)
    })
}

#[tauri::command]
pub fn voice_save(
    state: State<AppState>,
    strategy_id: i64,
    voice: CustomerVoice,
) -> Cmd<BenchmarkView> {
    benchmark_change(&state, strategy_id, |s| s.save_voice(strategy_id, &voice))
}

#[tauri::command]
pub fn trend_save(
    state: State<AppState>,
    strategy_id: i64,
    trend_id: Option<i64>,
    input: TrendInput,
) -> Cmd<BenchmarkView> {
    benchmark_change(&state, strategy_id, |s| {
        s.save_trend(strategy_id, trend_id, &input).map(drop)
    })
}

#[tauri::command]
pub fn trend_delete(state: State<AppState>, strategy_id: i64, trend_id: i64) -> Cmd<BenchmarkView> {
    benchmark_change(&state, strategy_id, |s| {
        s.delete_trend(strategy_id, trend_id)
    })
}

#[tauri::command]
pub fn brand_themes_save(
    state: State<AppState>,
    strategy_id: i64,
    themes: Vec<String>,
) -> Cmd<BenchmarkView> {
    benchmark_change(&state, strategy_id, |s| {
        s.save_brand_themes(strategy_id, &themes)
    })
}

/// Asks where to save (a native dialog) and writes the customer survey text there, in `language`. `None` when the
/// user cancels.
#[tauri::command]
pub async fn survey_export(
    app: AppHandle,
    state: State<'_, AppState>,
    strategy_id: i64,
    language: Language,
) -> Cmd<Option<String>> {
    let survey = state.with(|s| s.benchmark_view(strategy_id))?.survey;
    let (text, name) = cinq_core::benchmark::survey_file(&survey, language);
    let Some(path) = save_file(&app, name, "Text", &["txt"])? else {
        return Ok(None);
    };
    cinq_core::io::write::write_file(&path, text.as_bytes())?;
    Ok(Some(path.display().to_string()))
}
