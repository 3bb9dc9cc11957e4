//! The plan the app's tests show (ui/src/components/calendar/fixtures/plan-week.json): a real answer of
//! `Store::plan_period`, what the `calendar_plan` command sends, for the week the calendar's tests show. This test
//! fails when the planner's answer drifts from it; run it with UPDATE_FIXTURES=1 to write it again.

use chrono::NaiveDate;
use cinq_core::calendar::plan::PlanRequest;
use cinq_core::calendar::PostStatus;
use cinq_core::objectives::*;
use cinq_core::{Language, Store, StrategyInput};

fn objective(title: &str, t: ObjectiveType, network: &str) -> ObjectiveInput {
    ObjectiveInput {
        title: title.into(),
        objective_type: t,
        marketing_objective_id: None,
        kpi_metric: Some(KpiMetric::Reach),
        kpi_name: String::new(),
        kpi_unit: String::new(),
        direction: KpiMetric::Reach.default_direction(),
        baseline: None,
        target: None,
        deadline: None,
        networks: vec![network.to_owned()],
        owner: String::new(),
        contribution: String::new(),
    }
}

/// Instagram (3 posts a week, interaction and promotion) and LinkedIn (2, curation), topics under promotion and
/// curation only: the answer has a note.
fn strategy() -> (Store, i64) {
    let mut store = Store::open_in_memory().unwrap();
    let id = store
        .create_strategy(&StrategyInput {
            name: "Brand".into(),
            organisation: String::new(),
            sector: String::new(),
            language: Language::En,
            timezone: "Europe/Paris".into(),
            start_date: "2027-01-01".into(),
        })
        .unwrap()
        .id;
    store.set_audit_options(id, true, 30).unwrap();
    store.select_network(id, "instagram", true).unwrap();
    store.select_network(id, "linkedin", true).unwrap();
    store
        .save_mix(
            id,
            None,
            Some(&MixWeights {
                promotion: 30,
                curation: 30,
                interaction: 40,
            }),
        )
        .unwrap();
    for (pillar, name) in [
        (Pillar::Promotion, "Offers"),
        (Pillar::Promotion, "Workshops"),
        (Pillar::Curation, "Tips"),
        (Pillar::Curation, "Press"),
    ] {
        let topic = TopicInput {
            pillar,
            name: name.into(),
            description: String::new(),
        };
        store.save_topic(id, None, &topic).unwrap();
    }
    for (network, t, pillars, pace) in [
        (
            "instagram",
            ObjectiveType::Engagement,
            vec![Pillar::Interaction, Pillar::Promotion],
            3.0,
        ),
        (
            "linkedin",
            ObjectiveType::Reputation,
            vec![Pillar::Curation],
            2.0,
        ),
    ] {
        let o = store
            .save_objective(id, None, &objective(network, t, network))
            .unwrap();
        let mission = Mission {
            network: network.into(),
            statement: String::new(),
            audiences: Vec::new(),
            objectives: vec![o],
            pillars,
            posts_per_week: Some(pace),
        };
        store.save_mission(id, &mission).unwrap();
    }
    (store, id)
}

#[test]
fn the_apps_plan_fixture_is_the_planners_answer() {
    let (store, id) = strategy();
    let request = PlanRequest {
        from: "2027-01-11".into(),
        to: "2027-01-17".into(),
        networks: Vec::new(),
        avoid: Vec::new(),
        recycle: false,
        cooldown_days: None,
    };
    let today = NaiveDate::from_ymd_opt(2027, 1, 12).unwrap();
    let plan = store.plan_period(id, &request, today).unwrap();
    assert!(
        !plan.posts.is_empty() && !plan.notes.is_empty(),
        "{plan:#?}"
    );
    assert!(plan.posts.iter().all(|p| p.post.status == PostStatus::Draft
        && p.post.scheduled_at.as_deref() >= Some("2027-01-12")));
    let json = serde_json::to_string_pretty(&plan).unwrap() + "\n";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../ui/src/components/calendar/fixtures/plan-week.json");
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, json).unwrap();
    } else {
        let stored = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            stored == json,
            "{} is out of date with the planner: run \
             `UPDATE_FIXTURES=1 cargo test -p cinq-core --test plan_fixture` and commit the result",
            path.display()
        );
    }
}
