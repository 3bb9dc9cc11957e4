//! Step 3, objectives. Every command answers with the whole `ObjectivesView`.

use super::today_for;
use crate::state::{AppState, Cmd};
use cinq_core::objectives::{
    BusinessGoalInput, MarketingObjectiveInput, MeasurementPlan, Mission, MixWeights,
    ObjectiveInput, ObjectivesView, TopicInput,
};
use cinq_core::Store;
use tauri::State;

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
pub fn objectives_get(state: State<AppState>, strategy_id: i64) -> Cmd<ObjectivesView> {
    objectives_change(&state, strategy_id, |_| Ok(()))
}

#[tauri::command]
pub fn goal_save(
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
pub fn goal_delete(state: State<AppState>, strategy_id: i64, goal_id: i64) -> Cmd<ObjectivesView> {
    objectives_change(&state, strategy_id, |s| s.delete_goal(strategy_id, goal_id))
}

#[tauri::command]
pub fn marketing_save(
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
pub fn marketing_delete(
    state: State<AppState>,
    strategy_id: i64,
    marketing_id: i64,
) -> Cmd<ObjectivesView> {
    objectives_change(&state, strategy_id, |s| {
        s.delete_marketing(strategy_id, marketing_id)
    })
}

#[tauri::command]
pub fn objective_save(
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
pub fn objective_delete(
    state: State<AppState>,
    strategy_id: i64,
    objective_id: i64,
) -> Cmd<ObjectivesView> {
    objectives_change(&state, strategy_id, |s| {
        s.delete_objective(strategy_id, objective_id)
    })
}

#[tauri::command]
pub fn measurement_save(
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
pub fn mission_save(
    state: State<AppState>,
    strategy_id: i64,
    mission: Mission,
) -> Cmd<ObjectivesView> {
    objectives_change(&state, strategy_id, |s| {
        s.save_mission(strategy_id, &mission)
    })
}

/// `network` null is the strategy-wide mix; `weights` null removes a network's own mix.
#[tauri::command]
pub fn mix_save(
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
pub fn topic_save(
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
pub fn topic_delete(
    state: State<AppState>,
    strategy_id: i64,
    topic_id: i64,
) -> Cmd<ObjectivesView> {
    objectives_change(&state, strategy_id, |s| {
        s.delete_topic(strategy_id, topic_id)
    })
}
