//! Step 4, the calendar. Every change answers with the view of the period the screen shows (`from`..=`to`), so
//! the checks are recomputed with each one.

use crate::dialogs::{pick_file, pick_folder, read_picked, save_file};
use crate::state::{keep, kept, AppState, Cmd};
use cinq_core::calendar::checks::CheckOptions;
use cinq_core::calendar::export::{self, ExportOptions};
use cinq_core::calendar::import::{ColumnMapping, CsvPreview};
use cinq_core::calendar::plan::{Plan, PlanRequest, ProposedPost};
use cinq_core::calendar::view::{
    CalendarChange, CalendarChanged, CalendarImported, CalendarView, PostMoved, ScopedChecks,
};
use cinq_core::calendar::{EditorialItemInput, PostInput};
use cinq_core::error::{ApiError, ErrorCode};
use cinq_core::Store;
use tauri::{AppHandle, State};

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
        s.calendar_changed(id, &posts, &editorial, from, to)
    })
}

#[tauri::command]
pub fn calendar_get(
    state: State<AppState>,
    strategy_id: i64,
    from: String,
    to: String,
) -> Cmd<CalendarView> {
    state.with(|s| s.calendar_view_now(strategy_id, &from, &to))
}

/// The whole plan's checks (`Store::plan_checks`, what `cinq calendar check` prints without a period).
#[tauri::command]
pub fn calendar_plan_checks(state: State<AppState>, strategy_id: i64) -> Cmd<ScopedChecks> {
    state.with(|s| s.plan_checks(strategy_id, &CheckOptions::default()))
}

/// `post_id` null creates the post.
#[tauri::command]
pub fn post_save(
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
pub fn post_move(
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
pub fn post_delete(
    state: State<AppState>,
    strategy_id: i64,
    post_id: i64,
    from: String,
    to: String,
) -> Cmd<CalendarView> {
    state.with(|s| {
        s.delete_post(strategy_id, post_id)?;
        s.calendar_view_now(strategy_id, &from, &to)
    })
}

/// `item_id` null creates the editorial item.
#[tauri::command]
pub fn editorial_save(
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
pub fn editorial_delete(
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
            view: s.calendar_view_now(strategy_id, &from, &to)?,
        })
    })
}

/// Creates a relay post of the editorial item on each network.
#[tauri::command]
pub fn relay_posts_create(
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
pub fn calendar_plan(state: State<AppState>, strategy_id: i64, request: PlanRequest) -> Cmd<Plan> {
    state.with(|s| {
        let today = s.strategy_today(strategy_id)?;
        s.plan_period(strategy_id, &request, today)
    })
}

/// Writes the proposed posts the user kept as planned drafts, in one transaction (`Store::accept_plan`); answers
/// with them as stored (for undo) and the view.
#[tauri::command]
pub fn calendar_plan_accept(
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
pub fn calendar_apply(
    state: State<AppState>,
    strategy_id: i64,
    change: CalendarChange,
    from: String,
    to: String,
) -> Cmd<CalendarView> {
    state.with(|s| {
        s.apply_calendar_change(strategy_id, &change)?;
        s.calendar_view_now(strategy_id, &from, &to)
    })
}

/// Asks where to save (a native dialog: a folder for Hootsuite, which gets one file per network) and writes the
/// export there. Answers with the files written; `None` when the user cancels.
#[tauri::command]
pub async fn calendar_export(
    app: AppHandle,
    state: State<'_, AppState>,
    strategy_id: i64,
    options: ExportOptions,
) -> Cmd<Option<Vec<String>>> {
    let files = state.with(|s| s.export_calendar(strategy_id, &options))?;
    if options.format.to_folder() {
        let Some(dir) = pick_folder(&app)? else {
            return Ok(None);
        };
        return Ok(Some(export::write_to_folder(&dir, &files)?));
    }
    let Some(file) = files.first() else {
        return Ok(Some(Vec::new()));
    };
    let ext = file.extension();
    let Some(path) = save_file(&app, &file.name, &ext.to_uppercase(), &[ext])? else {
        return Ok(None);
    };
    Ok(Some(vec![export::write_to_file(&path, file)?]))
}

/// Asks for a CSV file (a native dialog), keeps it for the import, and answers with its preview. `None` when the
/// user cancels.
#[tauri::command]
pub async fn calendar_import_pick(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Cmd<Option<CsvPreview>> {
    let Some(path) = pick_file(&app, "CSV", &["csv", "txt", "tsv"])? else {
        return Ok(None);
    };
    let (name, bytes) = read_picked(&path)?;
    let preview = cinq_core::calendar::import::csv_preview(&name, &bytes)?;
    keep(&state.picked_csv, name, bytes)?;
    Ok(Some(preview))
}

/// Imports the file picked last: as it stands when `mapping` is null (Cinq's own CSV), else through the mapping.
/// With `dry_run`, only checks (a dry run needs a mapping: `Store::import_calendar_file`).
#[allow(clippy::too_many_arguments)]
#[tauri::command]
pub fn calendar_import_run(
    state: State<AppState>,
    strategy_id: i64,
    mapping: Option<ColumnMapping>,
    skip_invalid: bool,
    dry_run: bool,
    from: String,
    to: String,
) -> Cmd<CalendarImported> {
    let (name, bytes) = kept(&state.picked_csv)?;
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
            view: s.calendar_view_now(strategy_id, &from, &to)?,
        })
    })
}
