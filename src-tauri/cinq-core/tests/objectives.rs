//! Step 3: the objectives' store and validation, the SMART checks with their edge cases, the vanity guard, missions,
//! the content mix, topics, the measurement plan, the findings, the strategy file and the sample.

use chrono::NaiveDate;
use cinq_core::audit::{Decision, Metric, MetricCheck, PersonaInput, Presence};
use cinq_core::findings::{FindingKind, Severity};
use cinq_core::objectives::smart::{ambition, Ambition};
use cinq_core::objectives::*;
use cinq_core::{CoreError, ErrorCode, Language, Store, StrategyInput};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const TODAY: &str = "2026-06-01";

fn store_with_strategy() -> (Store, i64) {
    let mut store = Store::open_in_memory().unwrap();
    let s = store
        .create_strategy(&StrategyInput {
            name: "Brand".into(),
            organisation: "Brand Co".into(),
            sector: String::new(),
            language: Language::En,
            timezone: "UTC".into(),
            start_date: "2026-01-01".into(),
        })
        .unwrap();
    (store, s.id)
}

fn objective(title: &str, metric: Option<KpiMetric>) -> ObjectiveInput {
    ObjectiveInput {
        title: title.into(),
        objective_type: ObjectiveType::Awareness,
        marketing_objective_id: None,
        kpi_metric: metric,
        kpi_name: String::new(),
        kpi_unit: String::new(),
        direction: Direction::Increase,
        baseline: Some(100.0),
        target: Some(150.0),
        deadline: Some("2026-12-01".into()),
        networks: Vec::new(),
        owner: String::new(),
        contribution: String::new(),
    }
}

fn codes(e: CoreError) -> Vec<(String, String)> {
    match e {
        CoreError::Validation(f) => f.into_iter().map(|f| (f.field, f.code)).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn pair(field: &str, code: &str) -> (String, String) {
    (field.to_owned(), code.to_owned())
}

/// A business goal and a marketing objective serving it; returns the marketing objective's id.
fn chain(store: &mut Store, id: i64) -> i64 {
    let g = store
        .save_goal(
            id,
            None,
            &BusinessGoalInput {
                title: "Sell more online".into(),
                outcome: BusinessOutcome::Sales,
                description: String::new(),
            },
        )
        .unwrap();
    store
        .save_marketing(
            id,
            None,
            &MarketingObjectiveInput {
                title: "Bring buyers to the shop".into(),
                business_goal_id: Some(g),
            },
        )
        .unwrap()
}

fn kinds(store: &Store, id: i64) -> Vec<(FindingKind, Option<i64>)> {
    store
        .objectives_view(id, day(TODAY))
        .unwrap()
        .findings
        .iter()
        .map(|f| (f.kind, f.link.item))
        .collect()
}

fn smart_of(store: &Store, id: i64, objective_id: i64) -> cinq_core::objectives::smart::SmartCheck {
    store
        .objectives_view(id, day(TODAY))
        .unwrap()
        .checks
        .into_iter()
        .find(|c| c.objective_id == objective_id)
        .unwrap()
        .smart
}

// ---------------------------------------------------------------------------------------------------------------
// Ambition.

fn amb(b: Option<f64>, t: Option<f64>, dir: Direction, deadline: Option<&str>) -> Ambition {
    ambition(b, t, dir, day(TODAY), deadline.map(day)).0
}

#[test]
fn a_tenfold_jump_in_four_weeks_is_too_ambitious() {
    assert_eq!(
        amb(
            Some(1000.0),
            Some(10_000.0),
            Direction::Increase,
            Some("2026-06-29")
        ),
        Ambition::TooHigh
    );
    let (_, monthly) = ambition(
        Some(1000.0),
        Some(10_000.0),
        Direction::Increase,
        day(TODAY),
        Some(day("2026-06-29")),
    );
    assert!(monthly.unwrap() > 10.0, "{monthly:?}");
    // The same jump over two years is fine; doubling in six months too.
    assert_eq!(
        amb(
            Some(1000.0),
            Some(10_000.0),
            Direction::Increase,
            Some("2028-06-01")
        ),
        Ambition::Ok
    );
    assert_eq!(
        amb(
            Some(1000.0),
            Some(2000.0),
            Direction::Increase,
            Some("2026-12-01")
        ),
        Ambition::Ok
    );
    // Exactly doubling each month is the limit; a bit more is too much.
    assert_eq!(
        amb(
            Some(100.0),
            Some(200.0),
            Direction::Increase,
            Some("2026-07-02")
        ),
        Ambition::Ok
    );
    assert_eq!(
        amb(
            Some(100.0),
            Some(230.0),
            Direction::Increase,
            Some("2026-07-01")
        ),
        Ambition::TooHigh
    );
}

#[test]
fn a_target_on_the_wrong_side_of_the_baseline_is_flagged() {
    assert_eq!(
        amb(
            Some(100.0),
            Some(80.0),
            Direction::Increase,
            Some("2026-12-01")
        ),
        Ambition::WrongWay
    );
    // For a KPI that should go down (a response time), it is the other way round.
    assert_eq!(
        amb(
            Some(12.0),
            Some(3.0),
            Direction::Decrease,
            Some("2026-12-01")
        ),
        Ambition::Ok
    );
    assert_eq!(
        amb(
            Some(3.0),
            Some(12.0),
            Direction::Decrease,
            Some("2026-12-01")
        ),
        Ambition::WrongWay
    );
    assert_eq!(
        amb(
            Some(12.0),
            Some(0.5),
            Direction::Decrease,
            Some("2026-06-15")
        ),
        Ambition::TooHigh
    );
}

#[test]
fn baseline_zero_unchanged_timid_and_missing_figures() {
    assert_eq!(
        amb(
            Some(0.0),
            Some(50.0),
            Direction::Increase,
            Some("2026-12-01")
        ),
        Ambition::FromZero
    );
    assert_eq!(
        amb(
            Some(0.0),
            Some(0.0),
            Direction::Increase,
            Some("2026-12-01")
        ),
        Ambition::Unchanged
    );
    // A KPI to bring down to 0 cannot be judged by a ratio either.
    assert_eq!(
        amb(
            Some(5.0),
            Some(0.0),
            Direction::Decrease,
            Some("2026-12-01")
        ),
        Ambition::FromZero
    );
    assert_eq!(
        amb(
            Some(100.0),
            Some(100.0),
            Direction::Increase,
            Some("2026-12-01")
        ),
        Ambition::Unchanged
    );
    assert_eq!(
        amb(
            Some(100.0),
            Some(103.0),
            Direction::Increase,
            Some("2026-12-01")
        ),
        Ambition::Timid
    );
    assert_eq!(
        amb(None, Some(100.0), Direction::Increase, Some("2026-12-01")),
        Ambition::Unknown
    );
    assert_eq!(
        amb(Some(100.0), None, Direction::Increase, Some("2026-12-01")),
        Ambition::Unknown
    );
    // With no time left, the pace cannot be judged.
    assert_eq!(
        amb(Some(100.0), Some(500.0), Direction::Increase, Some(TODAY)),
        Ambition::Unknown
    );
    assert_eq!(
        amb(Some(100.0), Some(500.0), Direction::Increase, None),
        Ambition::Unknown
    );
}

// ---------------------------------------------------------------------------------------------------------------
// SMART and the vanity guard, through the store.

#[test]
fn each_smart_letter_is_checked() {
    let (mut store, id) = store_with_strategy();
    let vague = store
        .save_objective(id, None, &objective("Be more visible", None))
        .unwrap();
    let s = smart_of(&store, id, vague);
    assert!(!s.specific && !s.measurable && !s.relevant);
    assert!(s.time_bound);
    let k = kinds(&store, id);
    for kind in [
        FindingKind::NotSpecific,
        FindingKind::NotMeasurable,
        FindingKind::NotLinkedToBusiness,
    ] {
        assert!(k.contains(&(kind, Some(vague))), "{kind:?} in {k:?}");
    }

    // Specific: a metric; a custom one needs its name (the store refuses it without).
    let mut input = objective("Be more visible", Some(KpiMetric::Custom));
    assert_eq!(
        codes(store.save_objective(id, Some(vague), &input).unwrap_err()),
        vec![pair("kpi_name", "required")]
    );
    input.kpi_name = "Branded searches".into();
    store.save_objective(id, Some(vague), &input).unwrap();
    assert!(smart_of(&store, id, vague).specific);
    assert!(!smart_of(&store, id, vague).measurable);

    // Measurable: a data source in the measurement plan.
    store
        .save_measurement(
            id,
            vague,
            &MeasurementPlan {
                source: "Google Search Console".into(),
                frequency: Some(ReviewFrequency::Monthly),
                reviewer: "Ana".into(),
            },
        )
        .unwrap();
    assert!(smart_of(&store, id, vague).measurable);
    assert!(!kinds(&store, id).contains(&(FindingKind::NotMeasurable, Some(vague))));

    // Relevant: linked through a marketing objective to a business goal.
    let m = chain(&mut store, id);
    input.marketing_objective_id = Some(m);
    store.save_objective(id, Some(vague), &input).unwrap();
    let s = smart_of(&store, id, vague);
    assert!(s.relevant && s.passes(), "{s:?}");
    assert!(!kinds(&store, id)
        .iter()
        .any(|(_, item)| *item == Some(vague)));
}

#[test]
fn the_deadline_must_be_after_today() {
    let (mut store, id) = store_with_strategy();
    let mut input = objective("Leads", Some(KpiMetric::Leads));
    input.deadline = Some(TODAY.into());
    let o = store.save_objective(id, None, &input).unwrap();
    assert!(!smart_of(&store, id, o).time_bound);
    let f = store.objectives_view(id, day(TODAY)).unwrap().findings;
    let nt = f
        .iter()
        .find(|f| f.kind == FindingKind::NotTimeBound)
        .unwrap();
    assert!(nt.title.en.contains("not after today"), "{}", nt.title.en);

    input.deadline = Some("2026-06-02".into());
    store.save_objective(id, Some(o), &input).unwrap();
    assert!(smart_of(&store, id, o).time_bound);

    input.deadline = None;
    store.save_objective(id, Some(o), &input).unwrap();
    assert!(!smart_of(&store, id, o).time_bound);
    let f = store.objectives_view(id, day(TODAY)).unwrap().findings;
    assert!(f
        .iter()
        .any(|f| f.kind == FindingKind::NotTimeBound && f.title.en.contains("no deadline")));

    input.deadline = Some("2026-13-01".into());
    assert_eq!(
        codes(store.save_objective(id, Some(o), &input).unwrap_err()),
        vec![pair("deadline", "invalid_date")]
    );
}

#[test]
fn baseline_zero_is_explained_not_flagged_as_out_of_reach() {
    let (mut store, id) = store_with_strategy();
    let mut input = objective("Leads", Some(KpiMetric::Leads));
    input.baseline = Some(0.0);
    input.target = Some(40.0);
    let o = store.save_objective(id, None, &input).unwrap();
    let s = smart_of(&store, id, o);
    assert_eq!(s.ambition, Ambition::FromZero);
    assert!(s.achievable());
    let k = kinds(&store, id);
    assert!(k.contains(&(FindingKind::StartsFromZero, Some(o))));
    assert!(!k.contains(&(FindingKind::TooAmbitious, Some(o))));
    let f = store.objectives_view(id, day(TODAY)).unwrap().findings;
    let z = f
        .iter()
        .find(|f| f.kind == FindingKind::StartsFromZero)
        .unwrap();
    assert_eq!(z.severity, Severity::Info);
}

#[test]
fn too_ambitious_and_wrong_way_targets_are_findings_with_figures() {
    let (mut store, id) = store_with_strategy();
    let mut input = objective("Followers", Some(KpiMetric::Reach));
    input.baseline = Some(1000.0);
    input.target = Some(10_000.0);
    input.deadline = Some("2026-06-29".into());
    let o = store.save_objective(id, None, &input).unwrap();
    let f = store.objectives_view(id, day(TODAY)).unwrap().findings;
    let t = f
        .iter()
        .find(|f| f.kind == FindingKind::TooAmbitious)
        .unwrap();
    assert!(
        t.explanation.en.contains("from 1,000 to 10,000"),
        "{}",
        t.explanation.en
    );
    assert!(
        t.explanation.fr.contains("de 1\u{202f}000 à 10\u{202f}000"),
        "{}",
        t.explanation.fr
    );
    assert_eq!(t.link.item, Some(o));

    input.target = Some(800.0);
    store.save_objective(id, Some(o), &input).unwrap();
    assert!(kinds(&store, id).contains(&(FindingKind::TargetWrongWay, Some(o))));
    input.target = Some(1000.0);
    store.save_objective(id, Some(o), &input).unwrap();
    assert!(kinds(&store, id).contains(&(FindingKind::TargetUnchanged, Some(o))));
    input.target = None;
    store.save_objective(id, Some(o), &input).unwrap();
    assert!(kinds(&store, id).contains(&(FindingKind::NoFigures, Some(o))));
}

#[test]
fn a_vanity_kpi_without_a_business_link_is_warned_and_the_warning_goes() {
    let (mut store, id) = store_with_strategy();
    let mut input = objective("Grow the community", Some(KpiMetric::Followers));
    let o = store.save_objective(id, None, &input).unwrap();
    assert!(smart_of(&store, id, o).vanity);
    let f = store.objectives_view(id, day(TODAY)).unwrap().findings;
    let v = f
        .iter()
        .find(|f| f.kind == FindingKind::VanityMetric)
        .unwrap();
    assert_eq!(v.severity, Severity::Warning);
    assert!(
        v.explanation.en.contains("followers"),
        "{}",
        v.explanation.en
    );
    assert!(
        v.suggestion.en.contains("qualified visits"),
        "{}",
        v.suggestion.en
    );
    assert!(
        v.suggestion.fr.contains("visites qualifiées"),
        "{}",
        v.suggestion.fr
    );

    // Likes and shares are vanity too; leads are not.
    for metric in [KpiMetric::Likes, KpiMetric::Shares] {
        input.kpi_metric = Some(metric);
        store.save_objective(id, Some(o), &input).unwrap();
        assert!(smart_of(&store, id, o).vanity, "{metric:?}");
    }
    input.kpi_metric = Some(KpiMetric::Leads);
    store.save_objective(id, Some(o), &input).unwrap();
    assert!(!smart_of(&store, id, o).vanity);
    assert!(!kinds(&store, id).contains(&(FindingKind::VanityMetric, Some(o))));

    // A vanity KPI linked to a business goal *and* explained is accepted; linked alone is not.
    input.kpi_metric = Some(KpiMetric::Followers);
    input.marketing_objective_id = Some(chain(&mut store, id));
    store.save_objective(id, Some(o), &input).unwrap();
    assert!(smart_of(&store, id, o).vanity);
    input.contribution =
        "Followers in Lyon get the shop's offers first; one in twenty buys.".into();
    store.save_objective(id, Some(o), &input).unwrap();
    assert!(!smart_of(&store, id, o).vanity);
}

#[test]
fn the_audit_says_when_a_kpi_cannot_be_measured_and_suggests_sources() {
    let (mut store, id) = store_with_strategy();
    store.select_network(id, "instagram", true).unwrap();
    store.select_network(id, "facebook", true).unwrap();
    for (network, available, source) in [
        ("instagram", false, ""),
        ("facebook", true, "Google Analytics (UTM)"),
    ] {
        store
            .save_metric(
                id,
                &MetricCheck {
                    network: network.into(),
                    metric: Metric::Conversions,
                    available,
                    source: source.into(),
                    not_applicable: false,
                },
            )
            .unwrap();
    }
    let mut input = objective("Sales", Some(KpiMetric::Sales));
    input.networks = vec!["instagram".into(), "facebook".into()];
    let o = store.save_objective(id, None, &input).unwrap();
    let view = store.objectives_view(id, day(TODAY)).unwrap();
    let u = view
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::MetricUnavailable)
        .unwrap();
    assert!(
        u.title.en.contains("Instagram") && !u.title.en.contains("Facebook"),
        "{}",
        u.title.en
    );
    let c = view.checks.iter().find(|c| c.objective_id == o).unwrap();
    assert_eq!(
        c.source_suggestions,
        vec!["Google Analytics (UTM)".to_owned()]
    );
}

#[test]
fn objective_input_is_checked_field_by_field() {
    let (mut store, id) = store_with_strategy();
    let mut input = objective(" ", Some(KpiMetric::Leads));
    input.baseline = Some(-1.0);
    input.target = Some(f64::NAN);
    input.kpi_unit = "u".repeat(41);
    assert_eq!(
        codes(store.save_objective(id, None, &input).unwrap_err()),
        vec![
            pair("title", "required"),
            pair("kpi_unit", "too_long"),
            pair("baseline", "negative"),
            pair("target", "negative"),
        ]
    );
    let mut input = objective("Leads", Some(KpiMetric::Leads));
    input.networks = vec!["myspace".into()];
    assert_eq!(
        codes(store.save_objective(id, None, &input).unwrap_err()),
        vec![pair("networks", "unknown_network")]
    );
    input.networks = Vec::new();
    input.marketing_objective_id = Some(999);
    assert_eq!(
        codes(store.save_objective(id, None, &input).unwrap_err()),
        vec![pair("marketing_objective_id", "unknown")]
    );
    // Nothing was stored by the refused saves.
    assert!(store.objectives(id).unwrap().objectives.is_empty());
    let e = store
        .save_objective(id, Some(12345), &objective("x", None))
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound);
}

// ---------------------------------------------------------------------------------------------------------------
// The chain, missions, mix and topics in the store.

#[test]
fn deleting_a_link_of_the_chain_keeps_what_hung_from_it() {
    let (mut store, id) = store_with_strategy();
    let m = chain(&mut store, id);
    let mut input = objective("Sales", Some(KpiMetric::Sales));
    input.marketing_objective_id = Some(m);
    let o = store.save_objective(id, None, &input).unwrap();
    let g = store.objectives(id).unwrap().goals[0].id;
    store.delete_goal(id, g).unwrap();
    let d = store.objectives(id).unwrap();
    assert_eq!(d.marketing[0].data.business_goal_id, None);
    assert_eq!(d.objectives[0].data.marketing_objective_id, Some(m));
    assert!(!smart_of(&store, id, o).relevant);
    store.delete_marketing(id, m).unwrap();
    let d = store.objectives(id).unwrap();
    assert_eq!(d.objectives[0].data.marketing_objective_id, None);
    assert_eq!(d.objectives.len(), 1);
}

fn keep(store: &mut Store, id: i64, network: &str, decision: Option<Decision>) {
    store.select_network(id, network, true).unwrap();
    store
        .save_presence(
            id,
            &Presence {
                active: true,
                decision,
                ..Presence::empty(network)
            },
        )
        .unwrap();
}

#[test]
fn kept_networks_need_a_mission_that_serves_an_objective() {
    let (mut store, id) = store_with_strategy();
    keep(&mut store, id, "linkedin", Some(Decision::Keep));
    keep(&mut store, id, "instagram", Some(Decision::Improve));
    keep(&mut store, id, "x", Some(Decision::Drop));
    keep(&mut store, id, "facebook", None);
    store.select_network(id, "pinterest", true).unwrap(); // no account yet: a network to open
    let view = store.objectives_view(id, day(TODAY)).unwrap();
    assert_eq!(view.kept, vec!["instagram", "linkedin", "pinterest"]);
    assert_eq!(view.undecided, vec!["facebook"]);
    let missing: Vec<_> = view
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::NetworkWithoutMission)
        .filter_map(|f| f.network.clone())
        .collect();
    assert_eq!(missing, vec!["instagram", "linkedin", "pinterest"]);
    assert!(view.findings.iter().any(
        |f| f.kind == FindingKind::UndecidedNetwork && f.network.as_deref() == Some("facebook")
    ));

    let persona = store
        .save_persona(
            id,
            None,
            &PersonaInput {
                name: "Léa".into(),
                description: String::new(),
                audience_type: cinq_core::audit::AudienceType::B2c,
                age_min: None,
                age_max: None,
                usage: Vec::new(),
            },
        )
        .unwrap();
    let mut mission = Mission {
        network: "linkedin".into(),
        statement: "  Credibility and expertise  ".into(),
        audiences: vec![persona, persona],
        objectives: Vec::new(),
        pillars: vec![Pillar::Curation, Pillar::Curation, Pillar::Interaction],
        posts_per_week: Some(2.5),
    };
    store.save_mission(id, &mission).unwrap();
    let stored = store.objectives(id).unwrap().missions[0].clone();
    assert_eq!(stored.statement, "Credibility and expertise");
    assert_eq!(stored.audiences, vec![persona]);
    assert_eq!(stored.pillars, vec![Pillar::Curation, Pillar::Interaction]);
    assert!(kinds(&store, id).contains(&(FindingKind::MissionWithoutObjective, None)));

    let o = store
        .save_objective(id, None, &objective("Leads", Some(KpiMetric::Leads)))
        .unwrap();
    mission.objectives = vec![o];
    store.save_mission(id, &mission).unwrap();
    let view = store.objectives_view(id, day(TODAY)).unwrap();
    assert!(!view
        .findings
        .iter()
        .any(|f| f.network.as_deref() == Some("linkedin")));

    // Deleting the objective or the persona unlinks them from the mission.
    store.delete_objective(id, o).unwrap();
    store.delete_persona(id, persona).unwrap();
    let m = store.objectives(id).unwrap().missions[0].clone();
    assert!(m.objectives.is_empty() && m.audiences.is_empty());

    // Bad links and figures are refused, and change nothing.
    mission.audiences = Vec::new();
    mission.objectives = vec![999];
    assert_eq!(
        codes(store.save_mission(id, &mission).unwrap_err()),
        vec![pair("objectives", "unknown")]
    );
    mission.objectives = Vec::new();
    mission.posts_per_week = Some(-1.0);
    assert_eq!(
        codes(store.save_mission(id, &mission).unwrap_err()),
        vec![pair("posts_per_week", "negative")]
    );
    mission.posts_per_week = Some(2.0);
    mission.network = "myspace".into();
    assert_eq!(
        codes(store.save_mission(id, &mission).unwrap_err()),
        vec![pair("networks", "unknown_network")]
    );
    assert_eq!(
        store.objectives(id).unwrap().missions[0].posts_per_week,
        Some(2.5)
    );
}

#[test]
fn the_mix_starts_at_a_third_each_and_always_sums_to_100() {
    let (mut store, id) = store_with_strategy();
    let mix = store.objectives(id).unwrap().mix;
    assert_eq!(mix.strategy, MixWeights::DEFAULT);
    assert_eq!(
        mix.strategy.promotion + mix.strategy.curation + mix.strategy.interaction,
        100
    );
    assert!(mix.networks.is_empty());

    let bad = MixWeights {
        promotion: 50,
        curation: 30,
        interaction: 30,
    };
    assert_eq!(
        codes(store.save_mix(id, None, Some(&bad)).unwrap_err()),
        vec![pair("weights", "sum_not_100")]
    );
    let under = MixWeights {
        promotion: 10,
        curation: 10,
        interaction: 10,
    };
    assert_eq!(
        codes(store.save_mix(id, None, Some(&under)).unwrap_err()),
        vec![pair("weights", "sum_not_100")]
    );
    let over = MixWeights {
        promotion: 150,
        curation: 0,
        interaction: 0,
    };
    assert_eq!(
        codes(store.save_mix(id, None, Some(&over)).unwrap_err()),
        vec![pair("promotion", "out_of_range")]
    );
    assert_eq!(
        store.objectives(id).unwrap().mix.strategy,
        MixWeights::DEFAULT
    );

    let all_in = MixWeights {
        promotion: 100,
        curation: 0,
        interaction: 0,
    };
    store.save_mix(id, None, Some(&all_in)).unwrap();
    let own = MixWeights {
        promotion: 20,
        curation: 50,
        interaction: 30,
    };
    store.save_mix(id, Some("linkedin"), Some(&own)).unwrap();
    let mix = store.objectives(id).unwrap().mix;
    assert_eq!(mix.strategy, all_in);
    assert_eq!(mix.for_network("linkedin"), own);
    assert_eq!(mix.for_network("instagram"), all_in);
    store.save_mix(id, Some("linkedin"), None).unwrap();
    assert!(store.objectives(id).unwrap().mix.networks.is_empty());
    assert_eq!(
        codes(store.save_mix(id, Some("myspace"), Some(&own)).unwrap_err()),
        vec![pair("networks", "unknown_network")]
    );
}

#[test]
fn the_database_refuses_a_mix_that_does_not_sum_to_100() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let s = store
        .create_strategy(&StrategyInput {
            name: "B".into(),
            organisation: String::new(),
            sector: String::new(),
            language: Language::En,
            timezone: "UTC".into(),
            start_date: "2026-01-01".into(),
        })
        .unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let e = conn.execute(
        "INSERT INTO content_mix (strategy_id, network, promotion, curation, interaction) VALUES (?1, '', 50, 30, 30)",
        [s.id],
    );
    assert!(e.is_err());
}

#[test]
fn topics_live_under_a_pillar_with_unique_names() {
    let (mut store, id) = store_with_strategy();
    let t = |pillar, name: &str| TopicInput {
        pillar,
        name: name.into(),
        description: String::new(),
    };
    let a = store
        .save_topic(id, None, &t(Pillar::Curation, " Interior design "))
        .unwrap();
    assert_eq!(
        codes(
            store
                .save_topic(id, None, &t(Pillar::Curation, "interior DESIGN"))
                .unwrap_err()
        ),
        vec![pair("name", "taken")]
    );
    // The same name under another pillar is fine, and renaming a topic to its own name too.
    store
        .save_topic(id, None, &t(Pillar::Promotion, "Interior design"))
        .unwrap();
    store
        .save_topic(id, Some(a), &t(Pillar::Curation, "Interior Design"))
        .unwrap();
    assert_eq!(
        codes(
            store
                .save_topic(id, None, &t(Pillar::Interaction, "  "))
                .unwrap_err()
        ),
        vec![pair("name", "required")]
    );
    let topics = store.objectives(id).unwrap().topics;
    assert_eq!(topics.len(), 2);
    assert_eq!(topics[0].data.name, "Interior Design");
    // Interaction has no topic: an info finding says so; promotion and curation have some.
    let k = kinds(&store, id);
    assert_eq!(
        k.iter()
            .filter(|(kind, _)| *kind == FindingKind::PillarWithoutTopics)
            .count(),
        1
    );
    store.delete_topic(id, a).unwrap();
    assert_eq!(store.objectives(id).unwrap().topics.len(), 1);
}

#[test]
fn a_mission_whose_pillars_weigh_little_in_its_mix_is_noted() {
    let (mut store, id) = store_with_strategy();
    keep(&mut store, id, "linkedin", Some(Decision::Keep));
    let o = store
        .save_objective(id, None, &objective("Leads", Some(KpiMetric::Leads)))
        .unwrap();
    store
        .save_mission(
            id,
            &Mission {
                network: "linkedin".into(),
                statement: "Expertise".into(),
                audiences: Vec::new(),
                objectives: vec![o],
                pillars: vec![Pillar::Curation],
                posts_per_week: Some(2.0),
            },
        )
        .unwrap();
    assert!(!kinds(&store, id).contains(&(FindingKind::MissionMixMismatch, None)));
    store
        .save_mix(
            id,
            Some("linkedin"),
            Some(&MixWeights {
                promotion: 80,
                curation: 10,
                interaction: 10,
            }),
        )
        .unwrap();
    assert!(kinds(&store, id).contains(&(FindingKind::MissionMixMismatch, None)));
}

#[test]
fn no_objective_is_blocking_and_findings_are_most_severe_first() {
    let (store, id) = store_with_strategy();
    let f = store.objectives_view(id, day(TODAY)).unwrap().findings;
    assert_eq!(f[0].kind, FindingKind::NoObjective);
    assert_eq!(f[0].severity, Severity::Blocking);
    let sample = {
        let mut s = Store::open_in_memory().unwrap();
        let x = s.create_sample().unwrap();
        s.objectives_view(x.id, day(TODAY)).unwrap().findings
    };
    let sev: Vec<Severity> = sample.iter().map(|f| f.severity).collect();
    let mut sorted = sev.clone();
    sorted.sort();
    assert_eq!(sev, sorted);
}

#[test]
fn deleting_a_custom_network_takes_it_out_of_step_3() {
    let (mut store, id) = store_with_strategy();
    let key = store
        .add_custom_network(
            id,
            &cinq_core::audit::CustomNetworkInput {
                name: "Forum".into(),
                kind: cinq_core::network::NetworkKind::Social,
                max_length: None,
                formats: Vec::new(),
            },
        )
        .unwrap();
    store.select_network(id, &key, true).unwrap();
    let mut input = objective("Leads", Some(KpiMetric::Leads));
    input.networks = vec![key.clone(), "linkedin".into()];
    store.save_objective(id, None, &input).unwrap();
    store
        .save_mission(
            id,
            &Mission {
                network: key.clone(),
                statement: "Help".into(),
                audiences: Vec::new(),
                objectives: Vec::new(),
                pillars: Vec::new(),
                posts_per_week: None,
            },
        )
        .unwrap();
    store
        .save_mix(id, Some(&key), Some(&MixWeights::DEFAULT))
        .unwrap();
    // The benchmark's observations of it and trends on it too.
    use cinq_core::benchmark::{ObservationInput, PlayerInput, PlayerType, TrendInput};
    let p = store
        .save_player(
            id,
            None,
            &PlayerInput {
                name: "Rival".into(),
                player_type: PlayerType::DirectCompetitor,
                website: String::new(),
                notes: String::new(),
            },
        )
        .unwrap();
    store
        .save_observation(
            id,
            None,
            &ObservationInput {
                player_id: p,
                network: key.clone(),
                observed_on: "2026-05-01".into(),
                followers: Some(10),
                posts_per_week: None,
                engagement_per_post: None,
                themes: Vec::new(),
                tone: String::new(),
                formats: Vec::new(),
                works: String::new(),
                fails: String::new(),
            },
        )
        .unwrap();
    store
        .save_trend(
            id,
            None,
            &TrendInput {
                title: "Threads on the forum".into(),
                network: Some(key.clone()),
                source: String::new(),
                why: String::new(),
                adaptation: String::new(),
            },
        )
        .unwrap();
    store.delete_custom_network(id, &key).unwrap();
    let b = store.benchmark(id).unwrap();
    assert!(b.observations.is_empty());
    assert_eq!(b.trends[0].data.network, None);
    let d = store.objectives(id).unwrap();
    assert_eq!(d.objectives[0].data.networks, vec!["linkedin"]);
    assert!(d.missions.is_empty() && d.mix.networks.is_empty());
    // The strategy still travels in a file.
    let file = store.export_strategy(id).unwrap();
    store.import_strategy(&file).unwrap();
}

// ---------------------------------------------------------------------------------------------------------------
// The strategy file, the sample, the overview.

#[test]
fn step_3_travels_in_the_strategy_file_and_in_copies() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = Store::open(&dir.path().join("a.sqlite3")).unwrap();
    let s = a.create_sample().unwrap();
    let f1 = dir.path().join("one.json");
    a.export_strategy_to(s.id, &f1).unwrap();
    let text = std::fs::read_to_string(&f1).unwrap();
    assert!(text.contains(&format!("\"version\": {}", cinq_core::file::FORMAT_VERSION)));
    let mut b = Store::open(&dir.path().join("b.sqlite3")).unwrap();
    let imported = b.import_strategy_from(&f1).unwrap();
    let f2 = dir.path().join("two.json");
    b.export_strategy_to(imported.id, &f2).unwrap();
    assert_eq!(text, std::fs::read_to_string(&f2).unwrap());
    let today = day(TODAY);
    let (one, two) = (
        a.objectives_view(s.id, today).unwrap(),
        b.objectives_view(imported.id, today).unwrap(),
    );
    assert_eq!(one.findings, two.findings);
    assert_eq!(one.data.objectives.len(), two.data.objectives.len());
    let copy = a.duplicate_strategy(s.id).unwrap();
    let c = a.objectives(copy.id).unwrap();
    assert_eq!(c.missions.len(), one.data.missions.len());
    assert_eq!(c.topics.len(), one.data.topics.len());
    assert_eq!(c.mix, one.data.mix);
    // Links point at the copy's own rows.
    let ids: Vec<i64> = c.objectives.iter().map(|o| o.id).collect();
    assert!(c
        .missions
        .iter()
        .all(|m| m.objectives.iter().all(|o| ids.contains(o))));
}

#[test]
fn an_older_file_reads_with_step_3_empty_and_a_bad_link_is_refused() {
    let mut store = Store::open_in_memory().unwrap();
    let s = store.create_sample().unwrap();
    let mut file = store.export_strategy(s.id).unwrap();
    let mut json = serde_json::to_value(&file).unwrap();
    json["version"] = 3.into();
    json["strategy"]
        .as_object_mut()
        .unwrap()
        .remove("objectives");
    // Nor step 4.
    json["strategy"].as_object_mut().unwrap().remove("calendar");
    json["strategy"].as_object_mut().unwrap().remove("adapt");
    let bytes = serde_json::to_vec(&json).unwrap();
    let old = cinq_core::file::parse_strategy_file(&bytes).unwrap();
    let imported = store.import_strategy(&old).unwrap();
    let o = store.objectives(imported.id).unwrap();
    assert!(o.objectives.is_empty() && o.missions.is_empty());
    assert_eq!(o.mix.strategy, MixWeights::DEFAULT);

    let before = store.list_strategies().unwrap().len();
    file.strategy.objectives.missions[0].objectives = vec![99];
    let e = store.import_strategy(&file).unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidFile);
    assert!(e.to_string().contains("refers to item 99"), "{e}");
    let mut file = store.export_strategy(s.id).unwrap();
    file.strategy.objectives.mix.strategy.promotion = 90;
    assert_eq!(
        store.import_strategy(&file).unwrap_err().code(),
        ErrorCode::InvalidFile
    );
    assert_eq!(store.list_strategies().unwrap().len(), before);
}

#[test]
fn the_sample_has_objectives_missions_a_mix_and_topics_with_a_vague_objective() {
    let mut store = Store::open_in_memory().unwrap();
    let s = store.create_sample().unwrap();
    let view = store
        .objectives_view(s.id, chrono::Utc::now().date_naive())
        .unwrap();
    assert!(view.data.objectives.len() >= 3);
    for k in &view.kept {
        assert!(
            view.data
                .missions
                .iter()
                .any(|m| &m.network == k && !m.statement.is_empty() && !m.objectives.is_empty()),
            "mission for {k}"
        );
    }
    for p in Pillar::ALL {
        assert!(view.data.topics.iter().any(|t| t.data.pillar == p));
    }
    assert_ne!(view.data.mix.strategy, MixWeights::DEFAULT);
    let vague: Vec<_> = view.checks.iter().filter(|c| !c.smart.passes()).collect();
    assert_eq!(vague.len(), 1, "one deliberately vague objective");
    for kind in [
        FindingKind::NotMeasurable,
        FindingKind::VanityMetric,
        FindingKind::TooAmbitious,
        FindingKind::NotLinkedToBusiness,
    ] {
        assert!(
            view.findings
                .iter()
                .any(|f| f.kind == kind && f.link.item == Some(vague[0].objective_id)),
            "{kind:?}"
        );
    }
}

#[test]
fn the_overview_sums_up_steps_1_to_3() {
    let mut store = Store::open_in_memory().unwrap();
    let s = store.create_sample().unwrap();
    let o = store
        .overview(s.id, chrono::Utc::now().date_naive())
        .unwrap();
    assert_eq!(o.audiences.len(), 2);
    assert_eq!(o.networks.len(), 5);
    assert!(o.networks.iter().all(|n| n.mission.is_some()));
    assert_eq!(o.objectives.len(), 4);
    use cinq_core::StepId;
    for step in [StepId::Audit, StepId::Benchmark, StepId::Objectives] {
        assert!(
            o.findings.iter().any(|f| f.link.step == step
                || (step == StepId::Objectives && f.link.step == StepId::Audit)),
            "{step:?}"
        );
    }
    let steps: Vec<StepId> = o.findings.iter().map(|f| f.link.step).collect();
    assert!(steps.contains(&StepId::Benchmark));
    assert!(o
        .findings
        .iter()
        .any(|f| f.kind == FindingKind::NotMeasurable));
}

#[test]
fn templates_cover_every_type_without_vanity_kpis() {
    let t = templates();
    for ty in ObjectiveType::ALL {
        assert!(t.iter().any(|x| x.objective_type == ty), "{ty:?}");
    }
    assert!(t.iter().all(|x| !x.kpi_metric.is_vanity()));
    assert!(t
        .iter()
        .all(|x| !x.title.fr.is_empty() && !x.why.en.is_empty()));
    let s = mission_suggestions();
    for n in cinq_core::network::catalogue() {
        assert!(s.iter().any(|m| m.network == n.key), "{}", n.key);
    }
}

#[test]
fn the_view_carries_the_mix_the_calendar_plans() {
    let (mut store, id) = store_with_strategy();
    let view = store.objectives_view(id, day(TODAY)).unwrap();
    assert_eq!((view.planned_mix, view.planned_posts), (None, 0));

    let s = store.create_sample().unwrap();
    let view = store.objectives_view(s.id, day(TODAY)).unwrap();
    let cal = store.calendar(s.id, None, None).unwrap();
    let with_pillar: Vec<_> = cal
        .posts
        .iter()
        .filter(|p| p.data.pillar.is_some())
        .collect();
    assert_eq!(view.planned_posts as usize, with_pillar.len());
    let promotion = with_pillar
        .iter()
        .filter(|p| p.data.pillar == Some(Pillar::Promotion))
        .count();
    let mix = view.planned_mix.unwrap();
    assert!((mix.promotion - promotion as f64 * 100.0 / with_pillar.len() as f64).abs() < 1e-9);
    assert!((mix.promotion + mix.curation + mix.interaction - 100.0).abs() < 1e-9);
}

#[test]
fn the_view_says_which_parts_are_filled_in() {
    let (mut store, id) = store_with_strategy();
    let parts = |store: &Store| {
        let p = store.objectives_view(id, day(TODAY)).unwrap().progress;
        [p.goals, p.objectives, p.missions, p.mix, p.measurement]
    };
    assert_eq!(parts(&store), [false; 5]);
    chain(&mut store, id);
    assert_eq!(parts(&store), [true, false, false, false, false]);
    let o = store
        .save_objective(id, None, &objective("Leads", Some(KpiMetric::Leads)))
        .unwrap();
    assert_eq!(parts(&store), [true, true, false, false, false]);
    // A mission counts once it has its statement; a measurement, once it names its source.
    let mut mission = Mission {
        network: "linkedin".into(),
        statement: "   ".into(),
        audiences: Vec::new(),
        objectives: Vec::new(),
        pillars: Vec::new(),
        posts_per_week: None,
    };
    store.select_network(id, "linkedin", true).unwrap();
    store.save_mission(id, &mission).unwrap();
    let plan = |source: &str| MeasurementPlan {
        source: source.into(),
        ..Default::default()
    };
    store.save_measurement(id, o, &plan("  ")).unwrap();
    assert_eq!(parts(&store), [true, true, false, false, false]);
    mission.statement = "Expertise".into();
    store.save_mission(id, &mission).unwrap();
    store
        .save_measurement(id, o, &plan("Search Console"))
        .unwrap();
    assert_eq!(parts(&store), [true, true, true, false, true]);
    store
        .save_topic(
            id,
            None,
            &TopicInput {
                pillar: Pillar::Curation,
                name: "Interior design".into(),
                description: String::new(),
            },
        )
        .unwrap();
    assert_eq!(parts(&store), [true; 5]);
}
