//! Step 4, the scope of the calendar's checks: the period on screen or the whole plan, each saying what it covers;
//! the app's "Whole plan" and `cinq calendar check` are the same checks.

mod support;

use chrono::NaiveDate;
use cinq_core::audit::{Decision, Presence};
use cinq_core::calendar::checks::CheckOptions;
use cinq_core::calendar::view::{period_words, ChecksScope, ScopeKind};
use cinq_core::calendar::{PostInput, PostStatus};
use cinq_core::findings::FindingKind;
use cinq_core::objectives::{MixWeights, Pillar};
use cinq_core::{Language, Store, StrategyInput};
use support::cinq;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn post(at: &str, pillar: Pillar) -> PostInput {
    PostInput {
        network: "linkedin".into(),
        scheduled_at: Some(at.into()),
        pillar: Some(pillar),
        topic_id: None,
        title: format!("{pillar:?} on {at}"),
        text: "Text".into(),
        link: String::new(),
        media_notes: String::new(),
        status: PostStatus::Draft,
        editorial_item_id: None,
        objective_id: None,
        campaign: String::new(),
        ..PostInput::blank()
    }
}

/// A strategy on LinkedIn whose mix is 50 / 30 / 20: the week of Monday 2 March 2026 follows it (3 / 2 / 1 posts),
/// the next week has 6 promotion posts, so the plan (the two weeks) is off target.
fn two_weeks(store: &mut Store) -> i64 {
    let id = store
        .create_strategy(&StrategyInput {
            name: "Two weeks".into(),
            organisation: String::new(),
            sector: String::new(),
            language: Language::En,
            timezone: "Europe/Paris".into(),
            start_date: "2026-03-02".into(),
        })
        .unwrap()
        .id;
    store.select_network(id, "linkedin", true).unwrap();
    store
        .save_presence(
            id,
            &Presence {
                decision: Some(Decision::Keep),
                ..Presence::empty("linkedin")
            },
        )
        .unwrap();
    store
        .save_mix(
            id,
            None,
            Some(&MixWeights {
                promotion: 50,
                curation: 30,
                interaction: 20,
            }),
        )
        .unwrap();
    let first = [
        ("2026-03-02T09:00", Pillar::Promotion),
        ("2026-03-03T09:00", Pillar::Promotion),
        ("2026-03-04T09:00", Pillar::Promotion),
        ("2026-03-05T09:00", Pillar::Curation),
        ("2026-03-06T09:00", Pillar::Curation),
        ("2026-03-07T09:00", Pillar::Interaction),
    ];
    for (at, pillar) in first {
        store.save_post(id, None, &post(at, pillar)).unwrap();
    }
    for d in 9..15 {
        store
            .save_post(
                id,
                None,
                &post(&format!("2026-03-{d:02}T09:00"), Pillar::Promotion),
            )
            .unwrap();
    }
    id
}

fn mix_off(findings: &[cinq_core::calendar::checks::CalendarFinding]) -> bool {
    findings
        .iter()
        .any(|f| f.finding.kind == FindingKind::MixOffTarget && f.finding.network.is_none())
}

#[test]
fn a_week_within_its_mix_says_so_for_itself_and_the_whole_plan_says_it_is_off() {
    let mut store = Store::open_in_memory().unwrap();
    let id = two_weeks(&mut store);
    let view = store
        .calendar_view(
            id,
            "2026-03-02",
            "2026-03-08",
            day("2026-03-02"),
            &CheckOptions::default(),
        )
        .unwrap();
    let week = &view.checks;
    assert_eq!(week.scope.kind, ScopeKind::Period);
    assert_eq!(week.scope.name.en, "This week");
    assert_eq!(week.scope.name.fr, "Cette semaine");
    assert_eq!(
        week.scope.covers.en,
        "The posts from March 2 to 8, 2026, and the ideas."
    );
    assert_eq!(
        week.scope.covers.fr,
        "Les publications du 2 au 8 mars 2026, et les idées."
    );
    assert!(week.checks.gauges[0].network.is_none());
    assert!(week.checks.gauges[0].within_tolerance);
    assert!(!mix_off(&week.checks.findings));

    let plan = store.plan_checks(id, &CheckOptions::default()).unwrap();
    assert_eq!(plan.scope.kind, ScopeKind::Plan);
    assert_eq!(plan.scope.name.en, "Whole plan");
    assert_eq!(plan.scope.name.fr, "Tout le plan");
    assert_eq!(
        (plan.checks.from.as_str(), plan.checks.to.as_str()),
        ("2026-03-02", "2026-03-14")
    );
    assert_eq!(
        plan.scope.covers.en,
        "All the posts, the first to the last (from March 2 to 14, 2026), and the ideas."
    );
    assert_eq!(
        plan.scope.covers.fr,
        "Toutes les publications, de la première à la dernière (du 2 au 14 mars 2026), et les idées."
    );
    assert!(!plan.checks.gauges[0].within_tolerance);
    assert!(mix_off(&plan.checks.findings));
}

#[test]
fn the_cli_check_is_the_apps_whole_plan() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("scope.sqlite3");
    let (id, sample) = {
        let mut store = Store::open(&db).unwrap();
        let id = two_weeks(&mut store);
        // And the sample, whose plan has every kind of finding.
        (id, store.create_sample().unwrap().id)
    };
    let store = Store::open(&db).unwrap();
    for strategy in [id, sample] {
        let app = store
            .plan_checks(strategy, &CheckOptions::default())
            .unwrap();
        let r = cinq(&db, &["calendar", "check", &strategy.to_string(), "--json"]);
        assert_eq!(r.code, 0, "{}", r.err);
        let cli: serde_json::Value = serde_json::from_str(&r.out).unwrap();
        assert_eq!(cli, serde_json::to_value(&app).unwrap());
        assert_eq!(cli["scope"]["kind"], "plan");
        assert!(!app.checks.findings.is_empty());

        // In words, the same scope and findings.
        let r = cinq(&db, &["calendar", "check", &strategy.to_string()]);
        assert_eq!(r.code, 0, "{}", r.err);
        assert!(
            r.out
                .contains(&format!("Whole plan: {}", app.scope.covers.en)),
            "{}",
            r.out
        );
        for f in &app.checks.findings {
            assert!(r.out.contains(&f.finding.title.en), "{}", r.out);
        }
    }
    // The two weeks: the CLI says the mix of all networks is off, as the app's whole plan does.
    let r = cinq(&db, &["calendar", "check", &id.to_string()]);
    assert!(
        r.out
            .lines()
            .any(|l| l.contains("all networks") && l.ends_with("OFF TARGET")),
        "{}",
        r.out
    );
    // Given a period, the CLI checks the period as the app's view of it does.
    let r = cinq(
        &db,
        &[
            "calendar",
            "check",
            &id.to_string(),
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-08",
            "--json",
        ],
    );
    let cli: serde_json::Value = serde_json::from_str(&r.out).unwrap();
    let view = store
        .calendar_view(
            id,
            "2026-03-02",
            "2026-03-08",
            day("2026-03-02"),
            &CheckOptions::default(),
        )
        .unwrap();
    assert_eq!(cli, serde_json::to_value(&view.checks).unwrap());
}

#[test]
fn a_plan_with_nothing_dated_is_the_strategys_first_twelve_weeks() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store
        .create_strategy(&StrategyInput {
            name: "Empty".into(),
            organisation: String::new(),
            sector: String::new(),
            language: Language::Fr,
            timezone: "Europe/Paris".into(),
            start_date: "2027-01-01".into(),
        })
        .unwrap()
        .id;
    let plan = store.plan_checks(id, &CheckOptions::default()).unwrap();
    assert_eq!(
        (plan.checks.from.as_str(), plan.checks.to.as_str()),
        ("2027-01-01", "2027-03-25")
    );
    assert_eq!(
        plan.scope.covers.en,
        "Nothing is dated yet: the strategy's first 12 weeks (from January 1 to March 25, 2027), and the ideas."
    );
    assert_eq!(
        plan.scope.covers.fr,
        "Rien n’est encore daté : les 12 premières semaines de la stratégie (du 1er janvier au 25 mars 2027), et les idées."
    );
}

#[test]
fn a_period_is_named_after_what_it_is_and_its_days_are_written_out() {
    let name = |from: &str, to: &str| ChecksScope::period(day(from), day(to)).name;
    assert_eq!(name("2027-01-11", "2027-01-17").en, "This week");
    assert_eq!(name("2027-01-01", "2027-01-31").fr, "Ce mois-ci");
    assert_eq!(name("2028-02-01", "2028-02-29").en, "This month");
    // Not Monday to Sunday, not a whole month.
    assert_eq!(name("2027-01-12", "2027-01-18").en, "This period");
    assert_eq!(name("2027-01-01", "2027-01-30").fr, "Cette période");
    assert_eq!(name("2027-01-01", "2027-02-28").en, "This period");

    let words = |from: &str, to: &str| {
        let t = period_words(day(from), day(to));
        (t.en, t.fr)
    };
    assert_eq!(
        words("2027-01-11", "2027-01-11"),
        ("of January 11, 2027".into(), "du 11 janvier 2027".into())
    );
    assert_eq!(
        words("2027-01-01", "2027-01-31"),
        (
            "from January 1 to 31, 2027".into(),
            "du 1er au 31 janvier 2027".into()
        )
    );
    assert_eq!(
        words("2027-02-22", "2027-03-01"),
        (
            "from February 22 to March 1, 2027".into(),
            "du 22 février au 1er mars 2027".into()
        )
    );
    assert_eq!(
        words("2026-12-28", "2027-01-03"),
        (
            "from December 28, 2026 to January 3, 2027".into(),
            "du 28 décembre 2026 au 3 janvier 2027".into()
        )
    );
}
