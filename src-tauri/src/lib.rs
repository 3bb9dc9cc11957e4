//! The Tauri shell: window, plugins and the IPC commands. Each command is a thin adapter over `cinq_core`; errors
//! cross the IPC as `cinq_core::ApiError` (`{code, message, fields}`).

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;

use cinq_core::adapt::abtests::{AbTest, AbTestInput, Learning, VariedElement};
use cinq_core::adapt::adaptations::{Adaptation, AdaptationAction, AdaptationInput, DueReview};
use cinq_core::adapt::best_times::BestTimes;
use cinq_core::adapt::evaluate::{Evaluation, KpiReading};
use cinq_core::adapt::results::{PostResults, TypedMeasures};
use cinq_core::adapt::results_import::{
    ResultsImportOptions, ResultsImportReport, ResultsMapping, ResultsPicked,
};
use cinq_core::audit::{AuditView, CustomNetworkInput, MetricCheck, PersonaInput, Presence};
use cinq_core::benchmark::{
    BenchmarkView, CustomerVoice, ObservationInput, PlayerInput, TrendInput,
};
use cinq_core::calendar::checks::CheckOptions;
use cinq_core::calendar::export::ExportOptions;
use cinq_core::calendar::import::{ColumnMapping, CsvPreview};
use cinq_core::calendar::plan::{Plan, PlanRequest, ProposedPost};
use cinq_core::calendar::view::{
    CalendarChange, CalendarChanged, CalendarImported, CalendarView, PostMoved, ScopedChecks,
};
use cinq_core::calendar::{EditorialItemInput, Post, PostInput};
use cinq_core::error::{ApiError, CoreError, ErrorCode};
use cinq_core::network::ContentFormat;
use cinq_core::objectives::{
    BusinessGoalInput, MarketingObjectiveInput, MeasurementPlan, Mission, MixWeights,
    ObjectiveInput, ObjectivesView, TopicInput,
};
use cinq_core::overview::StrategyOverview;
use cinq_core::store::backup::{BackupInfo, BackupsView, RestoreReport};
use cinq_core::store::DB_FILE_NAME;
use cinq_core::{
    AppInfo, Language, Settings, StepId, Store, Strategy, StrategyInput, StrategySummary,
};
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;

/// What the commands share: the store, or the reason it could not be opened (shown by the UI in plain words).
pub struct AppState {
    store: Mutex<Result<Store, ApiError>>,
    db_path: PathBuf,
    started: Instant,
    /// The file last picked for a calendar import (its name and bytes), between its preview and its import.
    picked_csv: Mutex<Option<(String, Vec<u8>)>>,
    /// The network export last picked for a results import (its name and bytes), between its check and its import.
    picked_results: Mutex<Option<(String, Vec<u8>)>>,
    /// Set to stop the results import under way.
    cancel_results: std::sync::atomic::AtomicBool,
}

type Cmd<T> = Result<T, ApiError>;

impl AppState {
    fn with<T>(&self, f: impl FnOnce(&mut Store) -> cinq_core::Result<T>) -> Cmd<T> {
        let mut guard = self.store.lock().map_err(|_| ApiError {
            code: ErrorCode::Internal,
            message: "the database is unavailable after an earlier failure; restart Cinq".into(),
            fields: Vec::new(),
        })?;
        match guard.as_mut() {
            // Last resort: a panic in the domain becomes an `internal` error, never a dead window. It is caught
            // while the lock is held, so the lock is not poisoned; an open transaction rolls back as it unwinds.
            Ok(store) => std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(store)))
                .unwrap_or_else(|panic| Err(cinq_core::error::internal_from_panic(&*panic)))
                .map_err(ApiError::from),
            Err(e) => Err(e.clone()),
        }
    }
}

#[tauri::command]
fn app_info(app: AppHandle, state: State<AppState>) -> Cmd<AppInfo> {
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
fn ui_ready(app: AppHandle, state: State<AppState>, marks: Option<String>) {
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
fn settings_get(state: State<AppState>) -> Cmd<Settings> {
    state.with(|s| s.settings())
}

#[tauri::command]
fn settings_set(state: State<AppState>, settings: Settings) -> Cmd<Settings> {
    state.with(|s| s.set_settings(&settings))
}

/// The copies in the backups folder; read from the folder, so they are listed even when the database cannot open.
#[tauri::command]
fn backups_list(state: State<AppState>) -> Cmd<BackupsView> {
    cinq_core::store::backup::view(&state.db_path).map_err(ApiError::from)
}

#[tauri::command]
fn backup_create(state: State<AppState>) -> Cmd<BackupInfo> {
    state.with(|s| s.backup_now())
}

/// Restores a copy (its name from `backups_list`): the store's connection is closed around the swap and opened again.
/// When the database could not be opened at all, the restore is the way out: the store is opened on the result.
#[tauri::command]
fn backup_restore(state: State<AppState>, name: String) -> Cmd<RestoreReport> {
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
fn timezones() -> Vec<String> {
    cinq_core::strategy::timezones()
}

#[tauri::command]
fn strategy_list(state: State<AppState>) -> Cmd<Vec<StrategySummary>> {
    state.with(|s| s.list_strategies())
}

#[tauri::command]
fn strategy_get(state: State<AppState>, id: i64) -> Cmd<Strategy> {
    state.with(|s| s.strategy(id))
}

/// Reads a strategy and records it as the one to reopen at the next start.
#[tauri::command]
fn strategy_open(state: State<AppState>, id: i64) -> Cmd<Strategy> {
    state.with(|s| s.open_strategy(id))
}

#[tauri::command]
fn strategy_create(state: State<AppState>, input: StrategyInput) -> Cmd<Strategy> {
    state.with(|s| s.create_strategy(&input))
}

#[tauri::command]
fn strategy_update(state: State<AppState>, id: i64, input: StrategyInput) -> Cmd<Strategy> {
    state.with(|s| s.update_strategy(id, &input))
}

#[tauri::command]
fn strategy_duplicate(state: State<AppState>, id: i64, language: Language) -> Cmd<Strategy> {
    state.with(|s| s.duplicate_strategy_in(id, language))
}

#[tauri::command]
fn strategy_delete(state: State<AppState>, id: i64) -> Cmd<()> {
    state.with(|s| s.delete_strategy(id))
}

#[tauri::command]
fn strategy_restore(state: State<AppState>, id: i64) -> Cmd<Strategy> {
    state.with(|s| s.restore_strategy(id))
}

#[tauri::command]
fn strategy_set_current_step(state: State<AppState>, id: i64, step: StepId) -> Cmd<Strategy> {
    state.with(|s| s.set_current_step(id, step))
}

#[tauri::command]
fn strategy_set_step_completed(
    state: State<AppState>,
    id: i64,
    step: StepId,
    completed: bool,
) -> Cmd<Strategy> {
    state.with(|s| s.set_step_completed(id, step, completed))
}

/// A file name for a strategy: its name without characters that file systems refuse.
fn file_name_for(name: &str) -> String {
    format!("{}.cinq.json", cinq_core::strategy::file_stem(name))
}

fn picked(path: tauri_plugin_dialog::FilePath) -> Cmd<PathBuf> {
    path.into_path()
        .map_err(|e| ApiError::from(CoreError::Io(e.to_string())))
}

/// Asks where to save (a native dialog) and writes the strategy file there. `None` when the user cancels.
#[tauri::command]
async fn strategy_export(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
) -> Cmd<Option<String>> {
    let name = state.with(|s| s.strategy(id))?.name;
    let Some(path) = app
        .dialog()
        .file()
        .add_filter("Cinq strategy", &["json"])
        .set_file_name(file_name_for(&name))
        .blocking_save_file()
    else {
        return Ok(None);
    };
    let path = picked(path)?;
    state.with(|s| s.export_strategy_to(id, &path))?;
    Ok(Some(path.display().to_string()))
}

/// Asks for a strategy file (a native dialog) and imports it as a new strategy. `None` when the user cancels.
#[tauri::command]
async fn strategy_import(
    app: AppHandle,
    state: State<'_, AppState>,
    language: Language,
) -> Cmd<Option<Strategy>> {
    let Some(path) = app
        .dialog()
        .file()
        .add_filter("Cinq strategy", &["json"])
        .blocking_pick_file()
    else {
        return Ok(None);
    };
    let path = picked(path)?;
    state
        .with(|s| s.import_strategy_from_in(&path, language))
        .map(Some)
}

/// Today in the strategy's time zone: findings about dates (stale accounts…) are computed against it.
fn today_for(store: &Store, id: i64) -> cinq_core::Result<chrono::NaiveDate> {
    let tz: chrono_tz::Tz = store
        .strategy(id)?
        .timezone
        .parse()
        .unwrap_or(chrono_tz::UTC);
    Ok(chrono::Utc::now().with_timezone(&tz).date_naive())
}

/// Runs a change to a strategy's audit, then answers with the audit and its findings.
fn audit_change(
    state: &AppState,
    id: i64,
    change: impl FnOnce(&mut Store) -> cinq_core::Result<()>,
) -> Cmd<AuditView> {
    state.with(|s| {
        change(s)?;
        let today = today_for(s, id)?;
        s.audit_view(id, today)
    })
}

#[tauri::command]
fn audit_get(state: State<AppState>, strategy_id: i64) -> Cmd<AuditView> {
    audit_change(&state, strategy_id, |_| Ok(()))
}

#[tauri::command]
fn audit_set_options(
    state: State<AppState>,
    strategy_id: i64,
    not_on_social_yet: bool,
    stale_after_days: u32,
) -> Cmd<AuditView> {
    audit_change(&state, strategy_id, |s| {
        s.set_audit_options(strategy_id, not_on_social_yet, stale_after_days)
    })
}

#[tauri::command]
fn audit_select_network(
    state: State<AppState>,
    strategy_id: i64,
    network: String,
    selected: bool,
) -> Cmd<AuditView> {
    audit_change(&state, strategy_id, |s| {
        s.select_network(strategy_id, &network, selected)
    })
}

#[tauri::command]
fn audit_add_network(
    state: State<AppState>,
    strategy_id: i64,
    input: CustomNetworkInput,
) -> Cmd<AuditView> {
    audit_change(&state, strategy_id, |s| {
        s.add_custom_network(strategy_id, &input).map(drop)
    })
}

#[tauri::command]
fn audit_delete_network(
    state: State<AppState>,
    strategy_id: i64,
    network: String,
) -> Cmd<AuditView> {
    audit_change(&state, strategy_id, |s| {
        s.delete_custom_network(strategy_id, &network)
    })
}

#[tauri::command]
fn persona_save(
    state: State<AppState>,
    strategy_id: i64,
    persona_id: Option<i64>,
    input: PersonaInput,
) -> Cmd<AuditView> {
    audit_change(&state, strategy_id, |s| {
        s.save_persona(strategy_id, persona_id, &input).map(drop)
    })
}

#[tauri::command]
fn persona_delete(state: State<AppState>, strategy_id: i64, persona_id: i64) -> Cmd<AuditView> {
    audit_change(&state, strategy_id, |s| {
        s.delete_persona(strategy_id, persona_id)
    })
}

#[tauri::command]
fn presence_save(state: State<AppState>, strategy_id: i64, presence: Presence) -> Cmd<AuditView> {
    audit_change(&state, strategy_id, |s| {
        s.save_presence(strategy_id, &presence)
    })
}

#[tauri::command]
fn metric_save(state: State<AppState>, strategy_id: i64, check: MetricCheck) -> Cmd<AuditView> {
    audit_change(&state, strategy_id, |s| s.save_metric(strategy_id, &check))
}

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
fn benchmark_get(state: State<AppState>, strategy_id: i64) -> Cmd<BenchmarkView> {
    benchmark_change(&state, strategy_id, |_| Ok(()))
}

#[tauri::command]
fn player_save(
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
fn player_delete(state: State<AppState>, strategy_id: i64, player_id: i64) -> Cmd<BenchmarkView> {
    benchmark_change(&state, strategy_id, |s| {
        s.delete_player(strategy_id, player_id)
    })
}

#[tauri::command]
fn observation_save(
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
fn observation_delete(
    state: State<AppState>,
    strategy_id: i64,
    observation_id: i64,
) -> Cmd<BenchmarkView> {
    benchmark_change(&state, strategy_id, |s| {
        s.delete_observation(strategy_id, observation_id)
    })
}

#[tauri::command]
fn voice_save(
    state: State<AppState>,
    strategy_id: i64,
    voice: CustomerVoice,
) -> Cmd<BenchmarkView> {
    benchmark_change(&state, strategy_id, |s| s.save_voice(strategy_id, &voice))
}

#[tauri::command]
fn trend_save(
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
fn trend_delete(state: State<AppState>, strategy_id: i64, trend_id: i64) -> Cmd<BenchmarkView> {
    benchmark_change(&state, strategy_id, |s| {
        s.delete_trend(strategy_id, trend_id)
    })
}

#[tauri::command]
fn brand_themes_save(
    state: State<AppState>,
    strategy_id: i64,
    themes: Vec<String>,
) -> Cmd<BenchmarkView> {
    benchmark_change(&state, strategy_id, |s| {
        s.save_brand_themes(strategy_id, &themes)
    })
}

/// Runs a change to a strategy's objectives, then answers with step 3, its checks and findings.
fn objectives_change(
    state: &AppState,
    id: i64,
    change: impl FnOnce(&mut Store) -> cinq_core::Result<()>,
) -> Cmd<ObjectivesView> {
    state.with(|s| {
        change(s)?;
        let today = today_for(s, id)?;
        s.objectives_view(id, today)
    })
}

#[tauri::command]
fn objectives_get(state: State<AppState>, strategy_id: i64) -> Cmd<ObjectivesView> {
    objectives_change(&state, strategy_id, |_| Ok(()))
}

#[tauri::command]
fn goal_save(
    state: State<AppState>,
    strategy_id: i64,
    goal_id: Option<i64>,
    input: BusinessGoalInput,
) -> Cmd<ObjectivesView> {
    objectives_change(&state, strategy_id, |s| {
        s.save_goal(strategy_id, goal_id, &input).map(drop)
    })
}

#[tauri::command]
fn goal_delete(state: State<AppState>, strategy_id: i64, goal_id: i64) -> Cmd<ObjectivesView> {
    objectives_change(&state, strategy_id, |s| s.delete_goal(strategy_id, goal_id))
}

#[tauri::command]
fn marketing_save(
    state: State<AppState>,
    strategy_id: i64,
    marketing_id: Option<i64>,
    input: MarketingObjectiveInput,
) -> Cmd<ObjectivesView> {
    objectives_change(&state, strategy_id, |s| {
        s.save_marketing(strategy_id, marketing_id, &input)
            .map(drop)
    })
}

#[tauri::command]
fn marketing_delete(
    state: State<AppState>,
    strategy_id: i64,
    marketing_id: i64,
) -> Cmd<ObjectivesView> {
    objectives_change(&state, strategy_id, |s| {
        s.delete_marketing(strategy_id, marketing_id)
    })
}

#[tauri::command]
fn objective_save(
    state: State<AppState>,
    strategy_id: i64,
    objective_id: Option<i64>,
    input: ObjectiveInput,
) -> Cmd<ObjectivesView> {
    objectives_change(&state, strategy_id, |s| {
        s.save_objective(strategy_id, objective_id, &input)
            .map(drop)
    })
}

#[tauri::command]
fn objective_delete(
    state: State<AppState>,
    strategy_id: i64,
    objective_id: i64,
) -> Cmd<ObjectivesView> {
    objectives_change(&state, strategy_id, |s| {
        s.delete_objective(strategy_id, objective_id)
    })
}

#[tauri::command]
fn measurement_save(
    state: State<AppState>,
    strategy_id: i64,
    objective_id: i64,
    plan: MeasurementPlan,
) -> Cmd<ObjectivesView> {
    objectives_change(&state, strategy_id, |s| {
        s.save_measurement(strategy_id, objective_id, &plan)
    })
}

#[tauri::command]
fn mission_save(state: State<AppState>, strategy_id: i64, mission: Mission) -> Cmd<ObjectivesView> {
    objectives_change(&state, strategy_id, |s| {
        s.save_mission(strategy_id, &mission)
    })
}

/// `network` null is the strategy-wide mix; `weights` null removes a network's own mix.
#[tauri::command]
fn mix_save(
    state: State<AppState>,
    strategy_id: i64,
    network: Option<String>,
    weights: Option<MixWeights>,
) -> Cmd<ObjectivesView> {
    objectives_change(&state, strategy_id, |s| {
        s.save_mix(strategy_id, network.as_deref(), weights.as_ref())
    })
}

#[tauri::command]
fn topic_save(
    state: State<AppState>,
    strategy_id: i64,
    topic_id: Option<i64>,
    input: TopicInput,
) -> Cmd<ObjectivesView> {
    objectives_change(&state, strategy_id, |s| {
        s.save_topic(strategy_id, topic_id, &input).map(drop)
    })
}

#[tauri::command]
fn topic_delete(state: State<AppState>, strategy_id: i64, topic_id: i64) -> Cmd<ObjectivesView> {
    objectives_change(&state, strategy_id, |s| {
        s.delete_topic(strategy_id, topic_id)
    })
}

#[tauri::command]
fn overview_get(state: State<AppState>, strategy_id: i64) -> Cmd<StrategyOverview> {
    state.with(|s| {
        let today = today_for(s, strategy_id)?;
        s.overview(strategy_id, today)
    })
}

// ---------------------------------------------------------------------------------------------------------------
// Step 4, the calendar. Every change answers with the view of the period the screen shows (`from`..=`to`), so the
// checks are recomputed with each one.

fn calendar_view(s: &Store, id: i64, from: &str, to: &str) -> cinq_core::Result<CalendarView> {
    let today = today_for(s, id)?;
    s.calendar_view(id, from, to, today, &CheckOptions::default())
}

/// Runs a change that writes posts or editorial items (their ids), then answers with them as stored and the view.
fn calendar_change(
    state: &AppState,
    id: i64,
    from: &str,
    to: &str,
    change: impl FnOnce(&mut Store) -> cinq_core::Result<(Vec<i64>, Vec<i64>)>,
) -> Cmd<CalendarChanged> {
    state.with(|s| {
        let (posts, editorial) = change(s)?;
        let posts = posts
            .into_iter()
            .map(|pid| s.post(id, pid))
            .collect::<cinq_core::Result<_>>()?;
        let editorial = editorial
            .into_iter()
            .map(|eid| s.editorial_item(id, eid))
            .collect::<cinq_core::Result<_>>()?;
        Ok(CalendarChanged {
            posts,
            editorial,
            view: calendar_view(s, id, from, to)?,
        })
    })
}

#[tauri::command]
fn calendar_get(
    state: State<AppState>,
    strategy_id: i64,
    from: String,
    to: String,
) -> Cmd<CalendarView> {
    state.with(|s| calendar_view(s, strategy_id, &from, &to))
}

/// The whole plan's checks (`Store::plan_checks`, what `cinq calendar check` prints without a period).
#[tauri::command]
fn calendar_plan_checks(state: State<AppState>, strategy_id: i64) -> Cmd<ScopedChecks> {
    state.with(|s| s.plan_checks(strategy_id, &CheckOptions::default()))
}

/// `post_id` null creates the post.
#[tauri::command]
fn post_save(
    state: State<AppState>,
    strategy_id: i64,
    post_id: Option<i64>,
    input: PostInput,
    from: String,
    to: String,
) -> Cmd<CalendarChanged> {
    calendar_change(&state, strategy_id, &from, &to, |s| {
        Ok((vec![s.save_post(strategy_id, post_id, &input)?], vec![]))
    })
}

/// Moves a post (or, with `copy`, adds a copy) to a network and a date and time; `scheduled_at` null sends it to
/// the ideas. Run off the main thread (`async`), which goes on drawing the drop meanwhile; the UI sends one
/// calendar change at a time, so moves never race each other for the store.
#[allow(clippy::too_many_arguments)]
#[tauri::command(async)]
fn post_move(
    state: State<AppState>,
    strategy_id: i64,
    post_id: i64,
    network: String,
    scheduled_at: Option<String>,
    copy: bool,
    from: String,
    to: String,
) -> Cmd<PostMoved> {
    let changed = calendar_change(&state, strategy_id, &from, &to, |s| {
        let pid = s.move_post(
            strategy_id,
            post_id,
            &network,
            scheduled_at.as_deref(),
            copy,
        )?;
        Ok((vec![pid], vec![]))
    })?;
    PostMoved::of(changed).ok_or_else(|| ApiError {
        code: ErrorCode::Internal,
        message: "the move wrote no post".into(),
        fields: Vec::new(),
    })
}

#[tauri::command]
fn post_delete(
    state: State<AppState>,
    strategy_id: i64,
    post_id: i64,
    from: String,
    to: String,
) -> Cmd<CalendarView> {
    state.with(|s| {
        s.delete_post(strategy_id, post_id)?;
        calendar_view(s, strategy_id, &from, &to)
    })
}

/// `item_id` null creates the editorial item.
#[tauri::command]
fn editorial_save(
    state: State<AppState>,
    strategy_id: i64,
    item_id: Option<i64>,
    input: EditorialItemInput,
    from: String,
    to: String,
) -> Cmd<CalendarChanged> {
    calendar_change(&state, strategy_id, &from, &to, |s| {
        Ok((
            vec![],
            vec![s.save_editorial(strategy_id, item_id, &input)?],
        ))
    })
}

/// The posts that relayed it stay, unlinked; the answer holds them as they were (linked), for undo.
#[tauri::command]
fn editorial_delete(
    state: State<AppState>,
    strategy_id: i64,
    item_id: i64,
    from: String,
    to: String,
) -> Cmd<CalendarChanged> {
    state.with(|s| {
        let posts = s.delete_editorial(strategy_id, item_id)?;
        Ok(CalendarChanged {
            posts,
            editorial: Vec::new(),
            view: calendar_view(s, strategy_id, &from, &to)?,
        })
    })
}

/// Creates a relay post of the editorial item on each network.
#[tauri::command]
fn relay_posts_create(
    state: State<AppState>,
    strategy_id: i64,
    item_id: i64,
    networks: Vec<String>,
    from: String,
    to: String,
) -> Cmd<CalendarChanged> {
    calendar_change(&state, strategy_id, &from, &to, |s| {
        let made = s.create_relay_posts(strategy_id, item_id, &networks)?;
        Ok((made.into_iter().map(|p| p.id).collect(), vec![]))
    })
}

/// Plans a period (`Store::plan_period`, what `cinq calendar plan --dry-run` prints): the proposed posts and the
/// notes. Writes nothing.
#[tauri::command]
fn calendar_plan(state: State<AppState>, strategy_id: i64, request: PlanRequest) -> Cmd<Plan> {
    state.with(|s| {
        let today = today_for(s, strategy_id)?;
        s.plan_period(strategy_id, &request, today)
    })
}

/// Writes the proposed posts the user kept as planned drafts, in one transaction (`Store::accept_plan`); answers
/// with them as stored (for undo) and the view.
#[tauri::command]
fn calendar_plan_accept(
    state: State<AppState>,
    strategy_id: i64,
    posts: Vec<ProposedPost>,
    from: String,
    to: String,
) -> Cmd<CalendarChanged> {
    calendar_change(&state, strategy_id, &from, &to, |s| {
        let saved = s.accept_plan(strategy_id, &posts)?;
        Ok((saved.into_iter().map(|p| p.id).collect(), vec![]))
    })
}

/// Writes back what undo or redo restores.
#[tauri::command]
fn calendar_apply(
    state: State<AppState>,
    strategy_id: i64,
    change: CalendarChange,
    from: String,
    to: String,
) -> Cmd<CalendarView> {
    state.with(|s| {
        s.apply_calendar_change(strategy_id, &change)?;
        calendar_view(s, strategy_id, &from, &to)
    })
}

/// Asks where to save (a native dialog: a folder for Hootsuite, which gets one file per network) and writes the
/// export there. Answers with the files written; `None` when the user cancels.
#[tauri::command]
async fn calendar_export(
    app: AppHandle,
    state: State<'_, AppState>,
    strategy_id: i64,
    options: ExportOptions,
) -> Cmd<Option<Vec<String>>> {
    let files = state.with(|s| s.export_calendar(strategy_id, &options))?;
    let folder_export = options.format == cinq_core::calendar::export::ExportFormat::Hootsuite;
    let targets: Vec<PathBuf> = if folder_export {
        let Some(dir) = app.dialog().file().blocking_pick_folder() else {
            return Ok(None);
        };
        let dir = picked(dir)?;
        // All the files or none (cinq_core::io::write).
        let set: Vec<(&str, &[u8])> = files
            .iter()
            .map(|f| (f.name.as_str(), f.bytes.as_slice()))
            .collect();
        cinq_core::io::write::write_folder(&dir, &set)?;
        return Ok(Some(
            files
                .iter()
                .map(|f| dir.join(&f.name).display().to_string())
                .collect(),
        ));
    } else {
        let Some(file) = files.first() else {
            return Ok(Some(Vec::new()));
        };
        let ext = file.name.rsplit('.').next().unwrap_or("csv").to_owned();
        let Some(path) = save_file(&app, &file.name, &ext)? else {
            return Ok(None);
        };
        vec![path]
    };
    for (file, path) in files.iter().zip(&targets) {
        cinq_core::io::write::write_file(path, &file.bytes)?;
    }
    Ok(Some(
        targets.iter().map(|p| p.display().to_string()).collect(),
    ))
}

/// Asks for a CSV file (a native dialog), keeps it for the import, and answers with its preview. `None` when the
/// user cancels.
#[tauri::command]
async fn calendar_import_pick(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Cmd<Option<CsvPreview>> {
    let Some(path) = app
        .dialog()
        .file()
        .add_filter("CSV", &["csv", "txt", "tsv"])
        .blocking_pick_file()
    else {
        return Ok(None);
    };
    let path = picked(path)?;
    let bytes = cinq_core::io::read::read_file(&path, cinq_core::io::read::Limits::default())
        .map_err(ApiError::from)?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let preview =
        cinq_core::calendar::import::csv_preview(&name, &bytes).map_err(ApiError::from)?;
    *state.picked_csv.lock().map_err(|_| internal())? = Some((name, bytes));
    Ok(Some(preview))
}

/// Imports the file picked last: as it stands when `mapping` is null (Cinq's own CSV), else through the mapping.
/// With `dry_run`, only checks (a dry run needs a mapping: `Store::import_calendar_file`).
#[allow(clippy::too_many_arguments)]
#[tauri::command]
fn calendar_import_run(
    state: State<AppState>,
    strategy_id: i64,
    mapping: Option<ColumnMapping>,
    skip_invalid: bool,
    dry_run: bool,
    from: String,
    to: String,
) -> Cmd<CalendarImported> {
    let (name, bytes) = state
        .picked_csv
        .lock()
        .map_err(|_| internal())?
        .clone()
        .ok_or_else(|| {
            ApiError::from(CoreError::Validation(vec![cinq_core::FieldError::new(
                "file", "required",
            )]))
        })?;
    state.with(|s| {
        let report = s.import_calendar_file(
            strategy_id,
            &name,
            &bytes,
            mapping.as_ref(),
            skip_invalid,
            dry_run,
        )?;
        Ok(CalendarImported {
            report,
            view: calendar_view(s, strategy_id, &from, &to)?,
        })
    })
}

// ---------------------------------------------------------------------------------------------------------------
// Step 5: test, evaluate, adapt.

#[tauri::command]
fn evaluation_get(
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
fn best_times_get(
    state: State<AppState>,
    strategy_id: i64,
    network: Option<String>,
) -> Cmd<BestTimes> {
    state.with(|s| s.best_times(strategy_id, network.as_deref()))
}

/// A file to open: the native dialog's pick, or in a debug build the path in CINQ_E2E_PICK (the end-to-end tests
/// cannot drive a native dialog).
fn pick_file(app: &AppHandle, name: &str, extensions: &[&str]) -> Cmd<Option<PathBuf>> {
    #[cfg(debug_assertions)]
    if let Some(p) = std::env::var_os("CINQ_E2E_PICK").filter(|p| !p.is_empty()) {
        return Ok(Some(PathBuf::from(p)));
    }
    match app
        .dialog()
        .file()
        .add_filter(name, extensions)
        .blocking_pick_file()
    {
        Some(p) => picked(p).map(Some),
        None => Ok(None),
    }
}

/// Where to save a file: the native dialog's answer, or in a debug build the path in CINQ_E2E_PICK (as for
/// [`pick_file`]: the end-to-end tests cannot drive a native dialog).
fn save_file(app: &AppHandle, name: &str, ext: &str) -> Cmd<Option<PathBuf>> {
    #[cfg(debug_assertions)]
    if let Some(p) = std::env::var_os("CINQ_E2E_PICK").filter(|p| !p.is_empty()) {
        return Ok(Some(PathBuf::from(p)));
    }
    match app
        .dialog()
        .file()
        .add_filter(ext.to_uppercase(), &[ext])
        .set_file_name(name)
        .blocking_save_file()
    {
        Some(p) => picked(p).map(Some),
        None => Ok(None),
    }
}

fn read_picked(path: &std::path::Path) -> Cmd<(String, Vec<u8>)> {
    let bytes = cinq_core::io::read::read_file(path, cinq_core::io::read::Limits::default())
        .map_err(ApiError::from)?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Ok((name, bytes))
}

/// Asks for a network's export (a native dialog), keeps it, and answers with what importing it would do (a dry run).
/// `None` when the user cancels.
#[tauri::command]
async fn results_pick(
    app: AppHandle,
    state: State<'_, AppState>,
    strategy_id: i64,
) -> Cmd<Option<ResultsPicked>> {
    let Some(path) = pick_file(&app, "Network export", &["csv", "txt", "tsv", "xlsx"])? else {
        return Ok(None);
    };
    let (name, bytes) = read_picked(&path)?;
    let options = ResultsImportOptions {
        dry_run: true,
        ..Default::default()
    };
    let picked = state.with(|s| {
        match s.import_results(strategy_id, &name, &bytes, &options, &mut |_, _| true) {
            Ok(report) => Ok(ResultsPicked {
                report: Some(report),
                preview: None,
            }),
            // Not a known export: a CSV goes to the column mapping.
            Err(CoreError::InvalidFile(why)) => {
                match cinq_core::adapt::results_import::results_csv_preview(&name, &bytes) {
                    Ok(preview) => Ok(ResultsPicked {
                        report: None,
                        preview: Some(preview),
                    }),
                    Err(_) => Err(CoreError::InvalidFile(why)),
                }
            }
            Err(e) => Err(e),
        }
    })?;
    *state.picked_results.lock().map_err(|_| internal())? = Some((name, bytes));
    Ok(Some(picked))
}

/// What importing the CSV picked last through `mapping` would do (a dry run), for the mapping screen.
#[tauri::command]
fn results_mapping_check(
    state: State<AppState>,
    strategy_id: i64,
    mapping: ResultsMapping,
) -> Cmd<ResultsImportReport> {
    let (name, bytes) = picked_results(&state)?;
    let options = ResultsImportOptions {
        dry_run: true,
        ..Default::default()
    };
    state.with(|s| {
        s.import_results_mapped(
            strategy_id,
            &name,
            &bytes,
            &mapping,
            &options,
            &mut |_, _| true,
        )
    })
}

fn picked_results(state: &AppState) -> Cmd<(String, Vec<u8>)> {
    state
        .picked_results
        .lock()
        .map_err(|_| internal())?
        .clone()
        .ok_or_else(|| {
            ApiError::from(CoreError::Validation(vec![cinq_core::FieldError::new(
                "file", "required",
            )]))
        })
}

/// The progress of a results import, sent as the `results-import-progress` event.
#[derive(Clone, serde::Serialize)]
struct ImportProgress {
    done: u32,
    total: u32,
}

/// Imports the export picked last, reporting its progress; `results_import_cancel` stops it and nothing is written.
#[tauri::command]
async fn results_import_run(
    app: AppHandle,
    state: State<'_, AppState>,
    strategy_id: i64,
    skip_invalid: bool,
    mapping: Option<ResultsMapping>,
) -> Cmd<ResultsImportReport> {
    use std::sync::atomic::Ordering;
    use tauri::Emitter;
    let (name, bytes) = picked_results(&state)?;
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
        match &mapping {
            Some(m) => {
                s.import_results_mapped(strategy_id, &name, &bytes, m, &options, &mut progress)
            }
            None => s.import_results(strategy_id, &name, &bytes, &options, &mut progress),
        }
    })?;
    if report.written {
        *state.picked_results.lock().map_err(|_| internal())? = None;
    }
    Ok(report)
}

#[tauri::command]
fn results_import_cancel(state: State<AppState>) {
    state
        .cancel_results
        .store(true, std::sync::atomic::Ordering::SeqCst);
}

#[tauri::command]
fn post_results_get(state: State<AppState>, strategy_id: i64, post_id: i64) -> Cmd<PostResults> {
    state.with(|s| s.post_results(strategy_id, post_id))
}

#[tauri::command]
fn post_results_save(
    state: State<AppState>,
    strategy_id: i64,
    post_id: i64,
    taken_on: String,
    measures: TypedMeasures,
) -> Cmd<PostResults> {
    state.with(|s| s.save_typed_post_results(strategy_id, post_id, &taken_on, &measures))
}

#[tauri::command]
fn post_format_set(
    state: State<AppState>,
    strategy_id: i64,
    post_id: i64,
    format: Option<ContentFormat>,
) -> Cmd<PostResults> {
    state.with(|s| s.set_post_format(strategy_id, post_id, format))
}

#[tauri::command]
fn unplanned_list(state: State<AppState>, strategy_id: i64) -> Cmd<Vec<Post>> {
    state.with(|s| s.unplanned_posts(strategy_id))
}

#[tauri::command]
fn unplanned_link(
    state: State<AppState>,
    strategy_id: i64,
    unplanned_id: i64,
    planned_id: i64,
) -> Cmd<PostResults> {
    state.with(|s| s.link_unplanned(strategy_id, unplanned_id, planned_id))
}

#[tauri::command]
fn kpi_reading_save(
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
fn kpi_reading_delete(state: State<AppState>, strategy_id: i64, reading_id: i64) -> Cmd<()> {
    state.with(|s| s.delete_kpi_reading(strategy_id, reading_id))
}

#[tauri::command]
fn ab_tests_get(state: State<AppState>, strategy_id: i64) -> Cmd<Vec<AbTest>> {
    state.with(|s| s.ab_tests(strategy_id))
}

/// Creates (`test_id` null) or replaces an A/B test; answers with every test.
#[tauri::command]
fn ab_test_save(
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
fn ab_test_delete(state: State<AppState>, strategy_id: i64, test_id: i64) -> Cmd<Vec<AbTest>> {
    state.with(|s| {
        s.delete_ab_test(strategy_id, test_id)?;
        s.ab_tests(strategy_id)
    })
}

/// Starts a test from a post (the post is A, a copy of it B); answers with the new test.
#[tauri::command]
fn ab_test_start(
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
fn learnings_get(state: State<AppState>, strategy_id: i64, network: String) -> Cmd<Vec<Learning>> {
    state.with(|s| s.learnings_for(strategy_id, &network))
}

#[tauri::command]
fn adaptations_get(state: State<AppState>, strategy_id: i64) -> Cmd<Vec<Adaptation>> {
    state.with(|s| s.adaptations(strategy_id))
}

/// Writes an adaptation by hand (`adaptation_id` null creates it); answers with every adaptation.
#[tauri::command]
fn adaptation_save(
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
fn adaptation_delete(
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
fn adaptation_apply(
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
fn reviews_due(state: State<AppState>) -> Cmd<Vec<DueReview>> {
    state.with(|s| s.due_reviews())
}

fn internal() -> ApiError {
    ApiError {
        code: ErrorCode::Internal,
        message: "an earlier failure left Cinq in a bad state; restart Cinq".into(),
        fields: Vec::new(),
    }
}

/// Opens the system's print dialog for the window (which offers saving as PDF on every OS).
#[tauri::command]
fn window_print(window: tauri::WebviewWindow) -> Cmd<()> {
    window
        .print()
        .map_err(|e| ApiError::from(CoreError::Io(format!("cannot print: {e}"))))
}

/// Asks where to save (a native dialog) and writes the customer survey text there, in `language`. `None` when the
/// user cancels.
#[tauri::command]
async fn survey_export(
    app: AppHandle,
    state: State<'_, AppState>,
    strategy_id: i64,
    language: Language,
) -> Cmd<Option<String>> {
    let survey = state.with(|s| s.benchmark_view(strategy_id))?.survey;
    let (text, name) = match language {
        Language::En => (survey.en, "survey.txt"),
        Language::Fr => (survey.fr, "questionnaire.txt"),
    };
    let Some(path) = app
        .dialog()
        .file()
        .add_filter("Text", &["txt"])
        .set_file_name(name)
        .blocking_save_file()
    else {
        return Ok(None);
    };
    let path = picked(path)?;
    cinq_core::io::write::write_file(&path, text.as_bytes())?;
    Ok(Some(path.display().to_string()))
}

#[tauri::command]
fn sample_create(state: State<AppState>) -> Cmd<Strategy> {
    state.with(|s| s.create_sample())
}

/// The database: `--db`, else `CINQ_DB`, else `cinq.sqlite3` in the OS application-data folder.
fn db_path(app: &AppHandle, flag: Option<PathBuf>) -> PathBuf {
    let explicit = flag.is_some() || std::env::var_os("CINQ_DB").is_some_and(|v| !v.is_empty());
    if explicit {
        return Store::resolve_path(flag);
    }
    app.path()
        .app_data_dir()
        .map(|d| d.join(DB_FILE_NAME))
        .unwrap_or_else(|_| Store::default_path())
}

fn open_store(path: &std::path::Path) -> Result<Store, ApiError> {
    let mut store = Store::open(path)?;
    // Deletions are undoable for the session that made them; earlier ones are removed for good.
    store.purge_deleted()?;
    Ok(store)
}

/// Shrinks the window to the screen when its default (or remembered) size does not fit there, e.g. on a 1366×768
/// laptop, so no part of the app is ever off-screen.
fn fit_to_screen(window: &tauri::WebviewWindow) {
    let (Ok(Some(monitor)), Ok(size)) = (window.current_monitor(), window.outer_size()) else {
        return;
    };
    let (area, origin) = (monitor.size(), monitor.position());
    if size.width > area.width || size.height > area.height {
        let (w, h) = (size.width.min(area.width), size.height.min(area.height));
        let _ = window.set_size(tauri::PhysicalSize::new(w, h));
        let _ = window.set_position(tauri::PhysicalPosition::new(
            origin.x + ((area.width - w) / 2) as i32,
            origin.y + ((area.height - h) / 2) as i32,
        ));
    }
}

/// Without a GPU (no DRM render node: a virtual machine, a remote desktop, a CI runner), WebKitGTK composites the page
/// with OpenGL emulated on the processor (Mesa's llvmpipe), whose threads then take the processor from the page itself:
/// a drop on the calendar kept two cores busy for some 200 ms. Its plain software path paints the same screens with a
/// fraction of that work. Called before anything starts a thread; a value the user set wins.
#[cfg(target_os = "linux")]
fn paint_in_software_without_gpu() {
    const VAR: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    if std::env::var_os(VAR).is_some() {
        return;
    }
    let render_node = std::fs::read_dir("/dev/dri").is_ok_and(|dir| {
        dir.flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
    });
    if !render_node {
        std::env::set_var(VAR, "1");
    }
}

/// Opens the window on the database at `db` (`None`: the default place).
pub fn run(db: Option<PathBuf>, started: Instant) {
    #[cfg(target_os = "linux")]
    paint_in_software_without_gpu();
    tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.set_focus();
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .setup(move |app| {
            let db_path = db_path(app.handle(), db);
            let store = open_store(&db_path);
            if let Err(e) = &store {
                eprintln!("cinq: {}", e.message);
            }
            app.manage(AppState {
                store: Mutex::new(store),
                db_path,
                started,
                picked_csv: Mutex::new(None),
                picked_results: Mutex::new(None),
                cancel_results: std::sync::atomic::AtomicBool::new(false),
            });
            if let Some(window) = app.get_webview_window("main") {
                fit_to_screen(&window);
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            app_info,
            ui_ready,
            settings_get,
            settings_set,
            backups_list,
            backup_create,
            backup_restore,
            timezones,
            strategy_list,
            strategy_get,
            strategy_open,
            strategy_create,
            strategy_update,
            strategy_duplicate,
            strategy_delete,
            strategy_restore,
            strategy_set_current_step,
            strategy_set_step_completed,
            strategy_export,
            strategy_import,
            sample_create,
            audit_get,
            audit_set_options,
            audit_select_network,
            audit_add_network,
            audit_delete_network,
            persona_save,
            persona_delete,
            presence_save,
            metric_save,
            benchmark_get,
            player_save,
            player_delete,
            observation_save,
            observation_delete,
            voice_save,
            trend_save,
            trend_delete,
            brand_themes_save,
            survey_export,
            objectives_get,
            goal_save,
            goal_delete,
            marketing_save,
            marketing_delete,
            objective_save,
            objective_delete,
            measurement_save,
            mission_save,
            mix_save,
            topic_save,
            topic_delete,
            overview_get,
            window_print,
            calendar_get,
            calendar_plan_checks,
            post_save,
            post_move,
            post_delete,
            editorial_save,
            editorial_delete,
            relay_posts_create,
            calendar_plan,
            calendar_plan_accept,
            calendar_apply,
            calendar_export,
            calendar_import_pick,
            calendar_import_run,
            evaluation_get,
            best_times_get,
            results_pick,
            results_import_run,
            results_import_cancel,
            results_mapping_check,
            post_results_get,
            post_results_save,
            post_format_set,
            unplanned_list,
            unplanned_link,
            kpi_reading_save,
            kpi_reading_delete,
            ab_tests_get,
            ab_test_save,
            ab_test_delete,
            ab_test_start,
            learnings_get,
            adaptations_get,
            adaptation_save,
            adaptation_delete,
            adaptation_apply,
            reviews_due,
        ])
        .run(tauri::generate_context!())
        .expect("Cinq could not start its window");
}
