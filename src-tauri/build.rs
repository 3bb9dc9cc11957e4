//! Tauri's build step. The app's own commands are declared here so that each gets an `allow-…` permission; the
//! capability in tauri.conf.json grants them through the `cinq-commands` set (src-tauri/permissions/).

const COMMANDS: &[&str] = &[
    "app_info",
    "ui_ready",
    "settings_get",
    "settings_set",
    "timezones",
    "strategy_list",
    "strategy_get",
    "strategy_open",
    "strategy_create",
    "strategy_update",
    "strategy_duplicate",
    "strategy_delete",
    "strategy_restore",
    "strategy_set_current_step",
    "strategy_set_step_completed",
    "strategy_export",
    "strategy_import",
    "sample_create",
    "audit_get",
    "audit_set_options",
    "audit_select_network",
    "audit_add_network",
    "audit_delete_network",
    "persona_save",
    "persona_delete",
    "presence_save",
    "metric_save",
    "benchmark_get",
    "player_save",
    "player_delete",
    "observation_save",
    "observation_delete",
    "voice_save",
    "trend_save",
    "trend_delete",
    "brand_themes_save",
    "survey_export",
    "objectives_get",
    "goal_save",
    "goal_delete",
    "marketing_save",
    "marketing_delete",
    "objective_save",
    "objective_delete",
    "measurement_save",
    "mission_save",
    "mix_save",
    "topic_save",
    "topic_delete",
    "overview_get",
    "window_print",
];

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/permissions");
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(
            tauri_build::AppManifest::new()
                .commands(COMMANDS)
                .permissions_path_pattern("src-tauri/permissions/**/*"),
        ),
    )
    .expect("failed to run the Tauri build step");
}
