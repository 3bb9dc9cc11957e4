//! Step 5: test, evaluate, adapt (results and their imports, the evaluation, best times, A/B tests, adaptations).

use crate::dialogs::{pick_file, read_picked};
use crate::state::{forget, keep, kept, AppState, Cmd};
use cinq_core::adapt::abtests::{AbTest, AbTestInput, Learning, VariedElement};
use cinq_core::adapt::adaptations::{Adaptation, AdaptationAction, AdaptationInput, DueReview};
use cinq_core::adapt::best_times::BestTimes;
use cinq_core::adapt::evaluate::{Evaluation, KpiReading};
use cinq_core::adapt::results::{PostResults, TypedMeasures};
use cinq_core::adapt::results_import::{
    ResultsImportOptions, ResultsImportReport, ResultsMapping, ResultsPicked,
};
use cinq_core::calendar::Post;

use cinq_core::network::ContentFormat;
use cinq_core::Language;
use tauri::{AppHandle, State};

#[tauri::command]
pub fn evaluation_get(
    state: State<AppState>,
    strategy_id: i64,
    from: Option<String>,
    to: Option<String>,
) -> Cmd<Evaluation> {
    state.with(|s| {
        let today = cinq_core::adapt::evaluate::today_of(&s.strategy(strategy_id)?);
        s.evaluate(strategy_id, from.as_deref(), to.as_deref(), today)
    })
}

/// The best times of the strategy's networks (only `network`'s when given): step 5 shows them, step 4 hints them
/// where a post's time is chosen.
#[tauri::command]
pub fn best_times_get(
    state: State<AppState>,
    strategy_id: i64,
    network: Option<String>,
) -> Cmd<BestTimes> {
    state.with(|s| s.best_times(strategy_id, network.as_deref()))
}

/// The days a post on `day` (empty: today) moves to when a best slot is picked, one per weekday, Monday first.
#[tauri::command]
pub fn best_time_days(state: State<AppState>, strategy_id: i64, day: String) -> Cmd<Vec<String>> {
    state.with(|s| s.best_time_days(strategy_id, &day))
}

/// Asks for a network's export (a native dialog), keeps it, and answers with what importing it would do (a dry run).
/// `None` when the user cancels.
#[tauri::command]
pub async fn results_pick(
    app: AppHandle,
    state: State<'_, AppState>,
    strategy_id: i64,
) -> Cmd<Option<ResultsPicked>> {
    let Some(path) = pick_file(&app, "Network export", &["csv", "txt", "tsv", "xlsx"])? else {
        return Ok(None);
    };
    let (name, bytes) = read_picked(&path)?;
    let picked = state.with(|s| s.results_picked(strategy_id, &name, &bytes))?;
    keep(&state.picked_results, name, bytes)?;
    Ok(Some(picked))
}

/// What importing the CSV picked last through `mapping` would do (a dry run), for the mapping screen.
#[tauri::command]
pub fn results_mapping_check(
    state: State<AppState>,
    strategy_id: i64,
    mapping: ResultsMapping,
) -> Cmd<ResultsImportReport> {
    let (name, bytes) = kept(&state.picked_results)?;
    state.with(|s| s.results_mapping_check(strategy_id, &name, &bytes, &mapping))
}

/// The progress of a results import, sent as the `results-import-progress` event.
#[derive(Clone, serde::Serialize)]
struct ImportProgress {
    done: u32,
    total: u32,
}

/// Imports the export picked last, reporting its progress; `results_import_cancel` stops it and nothing is written.
#[tauri::command]
pub async fn results_import_run(
    app: AppHandle,
    state: State<'_, AppState>,
    strategy_id: i64,
    skip_invalid: bool,
    mapping: Option<ResultsMapping>,
) -> Cmd<ResultsImportReport> {
    use std::sync::atomic::Ordering;
    use tauri::Emitter;
    let (name, bytes) = kept(&state.picked_results)?;
    state.cancel_results.store(false, Ordering::SeqCst);
    let options = ResultsImportOptions {
        skip_invalid,
        ..Default::default()
    };
    let report = state.with(|s| {
        let mut progress = |done, total| {
            let _ = app.emit("results-import-progress", ImportProgress { done, total });
            !state.cancel_results.load(Ordering::SeqCst)
        };
        s.import_results_with(
            strategy_id,
            &name,
            &bytes,
            mapping.as_ref(),
            &options,
            &mut progress,
        )
    })?;
    if report.written {
        forget(&state.picked_results)?;
    }
    Ok(report)
}

#[tauri::command]
pub fn results_import_cancel(state: State<AppState>) {
    state
        .cancel_results
        .store(true, std::sync::atomic::Ordering::SeqCst);
}

#[tauri::command]
pub fn post_results_get(
    state: State<AppState>,
    strategy_id: i64,
    post_id: i64,
) -> Cmd<PostResults> {
    state.with(|s| s.post_results(strategy_id, post_id))
}

#[tauri::command]
pub fn post_results_save(
    state: State<AppState>,
    strategy_id: i64,
    post_id: i64,
    taken_on: String,
    measures: TypedMeasures,
) -> Cmd<PostResults> {
    state.with(|s| s.save_typed_post_results(strategy_id, post_id, &taken_on, &measures))
}

#[tauri::command]
pub fn post_format_set(
    state: State<AppState>,
    strategy_id: i64,
    post_id: i64,
    format: Option<ContentFormat>,
) -> Cmd<PostResults> {
    state.with(|s| s.set_post_format(strategy_id, post_id, format))
}

#[tauri::command]
pub fn unplanned_list(state: State<AppState>, strategy_id: i64) -> Cmd<Vec<Post>> {
    state.with(|s| s.unplanned_posts(strategy_id))
}

#[tauri::command]
pub fn unplanned_link(
    state: State<AppState>,
    strategy_id: i64,
    unplanned_id: i64,
    planned_id: i64,
) -> Cmd<PostResults> {
    state.with(|s| s.link_unplanned(strategy_id, unplanned_id, planned_id))
}

#[tauri::command]
pub fn kpi_reading_save(
    state: State<AppState>,
    strategy_id: i64,
    objective_id: i64,
    taken_on: String,
    value: f64,
    note: String,
) -> Cmd<Vec<KpiReading>> {
    state.with(|s| s.save_kpi_reading(strategy_id, objective_id, &taken_on, value, &note))
}

#[tauri::command]
pub fn kpi_reading_delete(state: State<AppState>, strategy_id: i64, reading_id: i64) -> Cmd<()> {
    state.with(|s| s.delete_kpi_reading(strategy_id, reading_id))
}

#[tauri::command]
pub fn ab_tests_get(state: State<AppState>, strategy_id: i64) -> Cmd<Vec<AbTest>> {
    state.with(|s| s.ab_tests(strategy_id))
}

/// Creates (`test_id` null) or replaces an A/B test; answers with every test.
#[tauri::command]
pub fn ab_test_save(
    state: State<AppState>,
    strategy_id: i64,
    test_id: Option<i64>,
    input: AbTestInput,
) -> Cmd<Vec<AbTest>> {
    state.with(|s| {
        s.save_ab_test(strategy_id, test_id, &input)?;
        s.ab_tests(strategy_id)
    })
}

#[tauri::command]
pub fn ab_test_delete(state: State<AppState>, strategy_id: i64, test_id: i64) -> Cmd<Vec<AbTest>> {
    state.with(|s| {
        s.delete_ab_test(strategy_id, test_id)?;
        s.ab_tests(strategy_id)
    })
}

/// Starts a test from a post (the post is A, a copy of it B); answers with the new test.
#[tauri::command]
pub fn ab_test_start(
    state: State<AppState>,
    strategy_id: i64,
    post_id: i64,
    varied: VariedElement,
    language: Language,
) -> Cmd<AbTest> {
    state.with(|s| {
        let id = s.start_ab_test(strategy_id, post_id, varied, language)?;
        s.ab_test(strategy_id, id)
    })
}

#[tauri::command]
pub fn learnings_get(
    state: State<AppState>,
    strategy_id: i64,
    network: String,
) -> Cmd<Vec<Learning>> {
    state.with(|s| s.learnings_for(strategy_id, &network))
}

#[tauri::command]
pub fn adaptations_get(state: State<AppState>, strategy_id: i64) -> Cmd<Vec<Adaptation>> {
    state.with(|s| s.adaptations(strategy_id))
}

/// Writes an adaptation by hand (`adaptation_id` null creates it); answers with every adaptation.
#[tauri::command]
pub fn adaptation_save(
    state: State<AppState>,
    strategy_id: i64,
    adaptation_id: Option<i64>,
    input: AdaptationInput,
) -> Cmd<Vec<Adaptation>> {
    state.with(|s| {
        s.save_adaptation(strategy_id, adaptation_id, &input)?;
        s.adaptations(strategy_id)
    })
}

#[tauri::command]
pub fn adaptation_delete(
    state: State<AppState>,
    strategy_id: i64,
    adaptation_id: i64,
) -> Cmd<Vec<Adaptation>> {
    state.with(|s| {
        s.delete_adaptation(strategy_id, adaptation_id)?;
        s.adaptations(strategy_id)
    })
}

/// Applies an action to the plan and logs it, in one transaction; answers with every adaptation.
#[tauri::command]
pub fn adaptation_apply(
    state: State<AppState>,
    strategy_id: i64,
    input: AdaptationInput,
    action: AdaptationAction,
) -> Cmd<Vec<Adaptation>> {
    state.with(|s| {
        let today = cinq_core::adapt::evaluate::today_of(&s.strategy(strategy_id)?);
        s.apply_adaptation(strategy_id, &input, &action, today)?;
        s.adaptations(strategy_id)
    })
}

/// The adaptations of every strategy whose review date has come (the home screen).
#[tauri::command]
pub fn reviews_due(state: State<AppState>) -> Cmd<Vec<DueReview>> {
    state.with(|s| s.due_reviews())
}
