//! Step 1, the audit. Every command answers with the whole `AuditView`.

use super::today_for;
use crate::state::{AppState, Cmd};
use cinq_core::audit::{AuditView, CustomNetworkInput, MetricCheck, PersonaInput, Presence};
use cinq_core::Store;
use tauri::State;

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
pub fn audit_get(state: State<AppState>, strategy_id: i64) -> Cmd<AuditView> {
    audit_change(&state, strategy_id, |_| Ok(()))
}

#[tauri::command]
pub fn audit_set_options(
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
pub fn audit_select_network(
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
pub fn audit_add_network(
    state: State<AppState>,
    strategy_id: i64,
    input: CustomNetworkInput,
) -> Cmd<AuditView> {
    audit_change(&state, strategy_id, |s| {
        s.add_custom_network(strategy_id, &input).map(drop)
    })
}

#[tauri::command]
pub fn audit_delete_network(
    state: State<AppState>,
    strategy_id: i64,
    network: String,
) -> Cmd<AuditView> {
    audit_change(&state, strategy_id, |s| {
        s.delete_custom_network(strategy_id, &network)
    })
}

#[tauri::command]
pub fn persona_save(
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
pub fn persona_delete(state: State<AppState>, strategy_id: i64, persona_id: i64) -> Cmd<AuditView> {
    audit_change(&state, strategy_id, |s| {
        s.delete_persona(strategy_id, persona_id)
    })
}

#[tauri::command]
pub fn presence_save(
    state: State<AppState>,
    strategy_id: i64,
    presence: Presence,
) -> Cmd<AuditView> {
    audit_change(&state, strategy_id, |s| {
        s.save_presence(strategy_id, &presence)
    })
}

#[tauri::command]
pub fn metric_save(state: State<AppState>, strategy_id: i64, check: MetricCheck) -> Cmd<AuditView> {
    audit_change(&state, strategy_id, |s| s.save_metric(strategy_id, &check))
}
