//! Step 5, adapting the plan: the evaluation (KPI tracks, performance, underperformers), the A/B tests and the
//! adaptations, with numbers worked out by hand; and the sample's step 5 through the strategy file.

use chrono::{Duration, NaiveDate};

use cinq_core::adapt::abtests::{
    judge, validate_test, AbStatus, AbTestInput, AbVariantData, AbVariantInput, MeasureKey,
    SuccessMetric, VariedElement,
};
use cinq_core::adapt::adaptations::{AdaptationAction, AdaptationInput, Evidence, EvidenceKind};
use cinq_core::adapt::evaluate::{
    today_of, trajectory, Evaluation, GroupBy, KpiSource, KpiStatus, KpiTrack, UnderperformerKind,
};
use cinq_core::adapt::results::Measures;
use cinq_core::calendar::{PostInput, PostStatus};
use cinq_core::file::StrategyData;
use cinq_core::network::ContentFormat;
use cinq_core::objectives::{
    Direction, KpiMetric, MeasurementPlan, Mission, MixWeights, ObjectiveInput, ObjectiveType,
    Pillar, ReviewFrequency, TopicInput,
};
use cinq_core::{CoreError, Language, Store, StrategyInput};

// ---------------------------------------------------------------------------------------------------------------
// Helpers.

const START: &str = "2026-01-05";

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The day every test evaluates on: a Monday, 56 days after the start.
fn today() -> NaiveDate {
    date("2026-03-02")
}

fn strategy(store: &mut Store, name: &str) -> i64 {
    store
        .create_strategy(&StrategyInput {
            name: name.into(),
            organisation: String::new(),
            sector: String::new(),
            language: Language::Fr,
            timezone: "Europe/Paris".into(),
            start_date: START.into(),
        })
        .unwrap()
        .id
}

fn store_with_strategy() -> (Store, i64) {
    let mut store = Store::open_in_memory().unwrap();
    let id = strategy(&mut store, "Brand");
    (store, id)
}

fn post_input(network: &str, at: Option<&str>, title: &str) -> PostInput {
    PostInput {
        network: network.into(),
        scheduled_at: at.map(str::to_owned),
        pillar: None,
        topic_id: None,
        title: title.into(),
        text: String::new(),
        link: String::new(),
        media_notes: String::new(),
        status: if at.is_some() {
            PostStatus::Scheduled
        } else {
            PostStatus::Idea
        },
        editorial_item_id: None,
        objective_id: None,
        campaign: String::new(),
        planned: false,
        recycled_from: None,
    }
}

fn new_post(store: &mut Store, id: i64, input: &PostInput) -> i64 {
    store.save_post(id, None, input).unwrap()
}

/// A published post at `at` (`YYYY-MM-DDTHH:MM`) with one snapshot of `m`, taken on the day it was published.
fn measured(store: &mut Store, id: i64, network: &str, at: &str, m: Measures) -> i64 {
    let p = new_post(
        store,
        id,
        &PostInput {
            status: PostStatus::Published,
            ..post_input(network, Some(at), &format!("{network} {at}"))
        },
    );
    store.save_post_results(id, p, &at[..10], &m).unwrap();
    p
}

/// Impressions and reactions: an engagement rate of `reactions / impressions`.
fn er(impressions: u64, reactions: u64) -> Measures {
    Measures {
        impressions: Some(impressions),
        reactions: Some(reactions),
        ..Measures::default()
    }
}

fn clicks(n: u64) -> Measures {
    Measures {
        clicks: Some(n),
        ..Measures::default()
    }
}

fn follows(n: u64) -> Measures {
    Measures {
        follows: Some(n),
        ..Measures::default()
    }
}

fn objective(title: &str, metric: Option<KpiMetric>, networks: &[&str]) -> ObjectiveInput {
    ObjectiveInput {
        title: title.into(),
        objective_type: ObjectiveType::Traffic,
        marketing_objective_id: None,
        kpi_metric: metric,
        kpi_name: String::new(),
        kpi_unit: String::new(),
        direction: Direction::Increase,
        baseline: None,
        target: None,
        deadline: None,
        networks: networks.iter().map(|n| n.to_string()).collect(),
        owner: String::new(),
        contribution: String::new(),
    }
}

/// An objective from `baseline` to `target` by 2026-04-27 (112 days after the start: today is halfway).
fn tracked(
    title: &str,
    metric: KpiMetric,
    networks: &[&str],
    baseline: f64,
    target: f64,
) -> ObjectiveInput {
    ObjectiveInput {
        baseline: Some(baseline),
        target: Some(target),
        deadline: Some("2026-04-27".into()),
        ..objective(title, Some(metric), networks)
    }
}

fn track(e: &Evaluation, objective_id: i64) -> &KpiTrack {
    e.objectives
        .iter()
        .find(|t| t.objective_id == objective_id)
        .unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn assert_close(a: Option<f64>, b: f64) {
    let a = a.unwrap_or_else(|| panic!("expected {b}, got none"));
    assert!(close(a, b), "expected {b}, got {a}");
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

fn is_conflict(e: &CoreError) -> bool {
    matches!(e, CoreError::Conflict(_))
}

fn is_not_found(e: &CoreError) -> bool {
    matches!(e, CoreError::NotFound(_))
}

// ---------------------------------------------------------------------------------------------------------------
// The trajectory rule.

#[test]
fn trajectory_of_a_kpi_to_raise() {
    // 100 → 200 over 100 days; on day 50, 150 is expected.
    let (start, deadline, day50) = (date("2026-01-05"), date("2026-04-15"), date("2026-02-24"));
    assert_eq!((deadline - start).num_days(), 100);
    assert_eq!((day50 - start).num_days(), 50);
    let t = |v: f64| trajectory(100.0, 200.0, start, deadline, day50, v);

    // 150: all the way expected, (150 − 100) / (150 − 100) = 1.0; the pace goes on to 100 + 50 × 100/50 = 200.
    let (expected, progress, projected, status) = t(150.0);
    assert!(close(expected, 150.0));
    assert_close(progress, 1.0);
    assert_close(projected, 200.0);
    assert_eq!(status, KpiStatus::OnTrack);

    // 140: 40 / 50 = 0.8, at risk (≥ 0.6, < 0.9); projected 100 + 40 × 2 = 180.
    let (_, progress, projected, status) = t(140.0);
    assert_close(progress, 0.8);
    assert_close(projected, 180.0);
    assert_eq!(status, KpiStatus::AtRisk);

    // 120: 20 / 50 = 0.4, off track; projected 140.
    let (_, progress, projected, status) = t(120.0);
    assert_close(progress, 0.4);
    assert_close(projected, 140.0);
    assert_eq!(status, KpiStatus::OffTrack);

    // The thresholds: 145 is 0.9 (on track), 130 is 0.6 (at risk), 129 is 0.58 (off track).
    assert_eq!(t(145.0).3, KpiStatus::OnTrack);
    assert_eq!(t(130.0).3, KpiStatus::AtRisk);
    assert_eq!(t(129.0).3, KpiStatus::OffTrack);

    // Worse than the baseline: negative progress, off track.
    let (_, progress, _, status) = t(90.0);
    assert_close(progress, -0.2);
    assert_eq!(status, KpiStatus::OffTrack);

    // 210: the target is reached, on track whatever the pace (progress 110 / 50 = 2.2).
    let (_, progress, _, status) = t(210.0);
    assert_close(progress, 2.2);
    assert_eq!(status, KpiStatus::OnTrack);
}

#[test]
fn trajectory_of_a_kpi_to_lower() {
    // A response time from 12 hours to 3 over 100 days: on day 50, 12 − 9 × 0.5 = 7.5 is expected.
    let (start, deadline, day50) = (date("2026-01-05"), date("2026-04-15"), date("2026-02-24"));
    let t = |v: f64| trajectory(12.0, 3.0, start, deadline, day50, v);

    let (expected, progress, _, status) = t(7.5);
    assert!(close(expected, 7.5));
    assert_close(progress, 1.0);
    assert_eq!(status, KpiStatus::OnTrack);

    // 9: (9 − 12) / (7.5 − 12) = 3 / 4.5 = 0.667, at risk; the pace leads to 12 − 3 × 2 = 6.
    let (_, progress, projected, status) = t(9.0);
    assert_close(progress, 2.0 / 3.0);
    assert_close(projected, 6.0);
    assert_eq!(status, KpiStatus::AtRisk);

    // 11: 1 / 4.5 = 0.22, off track. 13 is worse than the baseline: off track.
    assert_eq!(t(11.0).3, KpiStatus::OffTrack);
    assert_eq!(t(13.0).3, KpiStatus::OffTrack);
    assert!(t(13.0).1.unwrap() < 0.0);

    // 2.5 is below the target of 3: reached.
    assert_eq!(t(2.5).3, KpiStatus::OnTrack);
}

#[test]
fn trajectory_before_the_start_and_after_the_deadline() {
    let (start, deadline) = (date("2026-01-05"), date("2026-04-15"));
    // Before the start (and on it), nothing is expected yet: expected = baseline, no progress, no projection.
    for today in [date("2025-12-20"), start] {
        let (expected, progress, projected, status) =
            trajectory(100.0, 200.0, start, deadline, today, 100.0);
        assert!(close(expected, 100.0));
        assert_eq!(progress, None);
        assert_eq!(projected, None);
        assert_eq!(status, KpiStatus::OnTrack, "not worse than the baseline");
        let worse = trajectory(100.0, 200.0, start, deadline, today, 95.0).3;
        assert_ne!(worse, KpiStatus::OnTrack, "worse than the baseline");
        assert_eq!(
            trajectory(100.0, 200.0, start, deadline, today, 120.0).3,
            KpiStatus::OnTrack
        );
        // To lower: 13 hours is worse than 12.
        assert_ne!(
            trajectory(12.0, 3.0, start, deadline, today, 13.0).3,
            KpiStatus::OnTrack
        );
        assert_eq!(
            trajectory(12.0, 3.0, start, deadline, today, 11.0).3,
            KpiStatus::OnTrack
        );
    }

    // Ten days after the deadline at 180: the target was missed, off track, though 80 % of the way.
    let late = date("2026-04-25");
    let (expected, progress, projected, status) =
        trajectory(100.0, 200.0, start, deadline, late, 180.0);
    assert!(close(expected, 200.0), "the line stops at the target");
    assert_close(progress, 0.8);
    assert_close(projected, 180.0);
    assert_eq!(status, KpiStatus::OffTrack);
    // ... and on track when it was reached.
    assert_eq!(
        trajectory(100.0, 200.0, start, deadline, late, 200.0).3,
        KpiStatus::OnTrack
    );
    // On the deadline itself, the ordinary rule: 0.9 of the way is on track.
    assert_eq!(
        trajectory(100.0, 200.0, start, deadline, deadline, 190.0).3,
        KpiStatus::OnTrack
    );
}

// ---------------------------------------------------------------------------------------------------------------
// KPI tracks.

/// Instagram posts with clicks and follows around the monthly window of today (2026-03-02: (01-31, 03-02]), and
/// Facebook posts with clicks and engagements.
fn kpi_posts(store: &mut Store, id: i64) {
    // Before the start, follows only.
    measured(store, id, "instagram", "2025-12-20T10:00", follows(100));
    measured(
        store,
        id,
        "instagram",
        "2026-01-20T10:00",
        Measures {
            follows: Some(5),
            ..clicks(40)
        },
    );
    // 30 days before today: just outside the monthly window.
    measured(store, id, "instagram", "2026-01-31T10:00", clicks(1000));
    measured(store, id, "instagram", "2026-02-01T10:00", clicks(30));
    measured(store, id, "instagram", "2026-02-20T10:00", clicks(50));
    measured(
        store,
        id,
        "instagram",
        "2026-03-02T10:00",
        Measures {
            follows: Some(7),
            ..clicks(70)
        },
    );
    // After today: never counted.
    measured(
        store,
        id,
        "instagram",
        "2026-03-03T10:00",
        Measures {
            follows: Some(50),
            ..clicks(9)
        },
    );
    // Facebook: clicks without impressions, and engagements.
    measured(store, id, "facebook", "2026-01-10T10:00", er(100, 50));
    measured(store, id, "facebook", "2026-02-15T10:00", clicks(500));
    measured(
        store,
        id,
        "facebook",
        "2026-02-10T10:00",
        Measures {
            comments: Some(10),
            clicks: Some(25),
            ..er(1000, 30)
        },
    );
    measured(store, id, "facebook", "2026-02-25T10:00", er(3000, 50));
    measured(
        store,
        id,
        "facebook",
        "2026-02-27T10:00",
        Measures {
            reach: Some(1000),
            reactions: Some(10),
            ..Measures::default()
        },
    );
}

#[test]
fn a_flow_kpi_sums_its_networks_over_the_review_period() {
    let (mut store, id) = store_with_strategy();
    kpi_posts(&mut store, id);
    let instagram = store
        .save_objective(
            id,
            None,
            &tracked("Clicks", KpiMetric::Clicks, &["instagram"], 50.0, 250.0),
        )
        .unwrap();
    let everywhere = store
        .save_objective(
            id,
            None,
            &tracked("All clicks", KpiMetric::Clicks, &[], 50.0, 250.0),
        )
        .unwrap();

    let e = store.evaluate(id, None, None, today()).unwrap();
    let t = track(&e, instagram);
    assert_eq!(t.source, KpiSource::Posts);
    assert_eq!(
        t.period_days,
        Some(30),
        "monthly when the plan names no frequency"
    );
    // (01-31, 03-02]: 30 (02-01) + 50 (02-20) + 70 (03-02); not 1000 (01-31), 40 (01-20), 9 (03-03) nor Facebook.
    assert_eq!(t.current, Some(150.0));
    // 50 → 250 by 2026-04-27, halfway: 150 expected, progress 1.0, on the pace to 250.
    assert_close(t.expected, 150.0);
    assert_close(t.progress, 1.0);
    assert_close(t.projected, 250.0);
    assert_eq!(t.status, KpiStatus::OnTrack);
    assert!(
        t.explanation.en.starts_with("On track"),
        "{}",
        t.explanation.en
    );
    // The value at each week's end (Sunday) since the start, and today; weeks with no post measured have none.
    let history: Vec<(&str, f64)> = t
        .history
        .iter()
        .map(|p| (p.date.as_str(), p.value))
        .collect();
    assert_eq!(
        history,
        vec![
            ("2026-01-25", 40.0),   // (12-26, 01-25]: 40
            ("2026-02-01", 1070.0), // 40 + 1000 + 30
            ("2026-02-08", 1070.0),
            ("2026-02-15", 1070.0),
            ("2026-02-22", 1080.0), // (01-23, 02-22]: 1000 + 30 + 50
            ("2026-03-01", 1080.0), // (01-30, 03-01]: 1000 + 30 + 50
            ("2026-03-02", 150.0),
        ]
    );
    // Each point carries the straight path's value on its date (50 → 250 over 112 days): 85.71 on 01-25 (20 days
    // in), 150 today (56 days in); the path's ends are the baseline on the start and the target on the deadline.
    assert_close(t.history[0].expected, 50.0 + 200.0 * 20.0 / 112.0);
    assert_close(t.history.last().unwrap().expected, 150.0);
    let path: Vec<(&str, f64)> = t.path.iter().map(|p| (p.date.as_str(), p.value)).collect();
    assert_eq!(path, vec![("2026-01-05", 50.0), ("2026-04-27", 250.0)]);
    // With no network named, every network: 150 + Facebook's 500 (02-15) + 25 (02-10).
    assert_eq!(track(&e, everywhere).current, Some(675.0));

    // The review period follows the measurement plan.
    for (frequency, days, value) in [
        (ReviewFrequency::Weekly, 7, 70.0),        // (02-23, 03-02]
        (ReviewFrequency::Fortnightly, 14, 120.0), // (02-16, 03-02]: 50 + 70
        (ReviewFrequency::Monthly, 30, 150.0),
        (ReviewFrequency::Quarterly, 91, 1190.0), // (2025-12-01, 03-02]: 40 + 1000 + 30 + 50 + 70
    ] {
        store
            .save_measurement(
                id,
                instagram,
                &MeasurementPlan {
                    source: String::new(),
                    frequency: Some(frequency),
                    reviewer: String::new(),
                },
            )
            .unwrap();
        let e = store.evaluate(id, None, None, today()).unwrap();
        let t = track(&e, instagram);
        assert_eq!(t.period_days, Some(days), "{frequency:?}");
        assert_eq!(t.current, Some(value), "{frequency:?}");
    }
    // Weekly: 70 is (70 − 50) / 100 = 0.2 of the way, off track.
    store
        .save_measurement(
            id,
            instagram,
            &MeasurementPlan {
                source: String::new(),
                frequency: Some(ReviewFrequency::Weekly),
                reviewer: String::new(),
            },
        )
        .unwrap();
    let e = store.evaluate(id, None, None, today()).unwrap();
    assert_close(track(&e, instagram).progress, 0.2);
    assert_eq!(track(&e, instagram).status, KpiStatus::OffTrack);

    // A period with no post measured has no value, not 0: a week later than the last post plus a week.
    let e = store.evaluate(id, None, None, date("2026-03-20")).unwrap();
    assert_eq!(track(&e, instagram).current, None);
    assert_eq!(track(&e, instagram).status, KpiStatus::NoData);
}

#[test]
fn a_rate_kpi_is_in_percent_and_followers_are_a_stock() {
    let (mut store, id) = store_with_strategy();
    kpi_posts(&mut store, id);
    let rate = store
        .save_objective(
            id,
            None,
            &tracked(
                "Engagement",
                KpiMetric::EngagementRate,
                &["facebook"],
                1.5,
                3.0,
            ),
        )
        .unwrap();
    let ctr = store
        .save_objective(
            id,
            None,
            &tracked("CTR", KpiMetric::ClickThroughRate, &["facebook"], 1.0, 5.0),
        )
        .unwrap();
    let followers = store
        .save_objective(
            id,
            None,
            &tracked(
                "Followers",
                KpiMetric::Followers,
                &["instagram"],
                1000.0,
                1200.0,
            ),
        )
        .unwrap();
    let e = store.evaluate(id, None, None, today()).unwrap();

    // Facebook in (01-31, 03-02]: engagements 40 + 50 + 10 over audiences 1000 + 3000 + 1000 (the reach when there
    // are no impressions) = 100 / 5000 = 2 %; the 02-15 post has no engagements, the 01-10 one is outside.
    let t = track(&e, rate);
    assert_eq!(t.source, KpiSource::Posts);
    assert_close(t.current, 2.0);
    // 1.5 → 3 %: 2.25 % expected, (2 − 1.5) / 0.75 = 0.667, at risk.
    assert_close(t.expected, 2.25);
    assert_close(t.progress, 2.0 / 3.0);
    assert_eq!(t.status, KpiStatus::AtRisk);

    // Click-through: only posts with both clicks and impressions: 25 / 1000 = 2.5 % (500 clicks without impressions
    // are left out).
    assert_close(track(&e, ctr).current, 2.5);

    // Followers: 1000 + the follows gained since the start up to today: 5 (01-20) + 7 (03-02); not the 100 before
    // the start nor the 50 after today.
    let t = track(&e, followers);
    assert_eq!(t.current, Some(1012.0));
    assert_eq!(t.period_days, None, "a stock sums no period");
    // 1000 → 1200: 1100 expected, 12 / 100 = 0.12, off track.
    assert_close(t.progress, 0.12);
    assert_eq!(t.status, KpiStatus::OffTrack);
    let first = t.history.first().unwrap();
    assert_eq!((first.date.as_str(), first.value), ("2026-01-25", 1005.0));
    let last = t.history.last().unwrap();
    assert_eq!((last.date.as_str(), last.value), ("2026-03-02", 1012.0));
}

#[test]
fn readings_override_posts_one_a_day() {
    let (mut store, id) = store_with_strategy();
    kpi_posts(&mut store, id);
    let o = store
        .save_objective(
            id,
            None,
            &tracked("Clicks", KpiMetric::Clicks, &["instagram"], 50.0, 250.0),
        )
        .unwrap();
    store
        .save_kpi_reading(id, o, "2026-02-15", 80.0, "")
        .unwrap();
    let readings = store
        .save_kpi_reading(id, o, "2026-01-20", 60.0, "  from analytics  ")
        .unwrap();
    assert_eq!(
        readings
            .iter()
            .map(|r| (r.taken_on.as_str(), r.value))
            .collect::<Vec<_>>(),
        [("2026-01-20", 60.0), ("2026-02-15", 80.0)],
        "by date, whatever the order typed"
    );
    assert_eq!(readings[0].note, "from analytics");

    let e = store.evaluate(id, None, None, today()).unwrap();
    let t = track(&e, o);
    assert_eq!(t.source, KpiSource::Readings);
    assert_eq!(
        t.current,
        Some(80.0),
        "the latest reading, not the posts' 150"
    );
    assert_eq!(t.period_days, None);
    assert_eq!(
        t.history
            .iter()
            .map(|p| (p.date.as_str(), p.value))
            .collect::<Vec<_>>(),
        [("2026-01-20", 60.0), ("2026-02-15", 80.0)]
    );
    // (80 − 50) / (150 − 50) = 0.3: off track.
    assert_close(t.progress, 0.3);
    assert_eq!(t.status, KpiStatus::OffTrack);

    // A second reading on a day replaces it.
    let readings = store
        .save_kpi_reading(id, o, "2026-02-15", 140.0, "fixed")
        .unwrap();
    assert_eq!(readings.len(), 2);
    assert_eq!(
        (readings[1].value, readings[1].note.as_str()),
        (140.0, "fixed")
    );
    let e = store.evaluate(id, None, None, today()).unwrap();
    // 90 / 100 = 0.9: on track.
    assert_eq!(track(&e, o).status, KpiStatus::OnTrack);

    // Deleting: the reading goes; twice or from another strategy is not found.
    let other = strategy(&mut store, "Other");
    assert!(is_not_found(
        &store.delete_kpi_reading(other, readings[0].id).unwrap_err()
    ));
    store.delete_kpi_reading(id, readings[0].id).unwrap();
    assert!(is_not_found(
        &store.delete_kpi_reading(id, readings[0].id).unwrap_err()
    ));
    let e = store.evaluate(id, None, None, today()).unwrap();
    assert_eq!(track(&e, o).readings.len(), 1);
    // Without readings, the posts again.
    store.delete_kpi_reading(id, readings[1].id).unwrap();
    let e = store.evaluate(id, None, None, today()).unwrap();
    assert_eq!(track(&e, o).source, KpiSource::Posts);
    assert_eq!(track(&e, o).current, Some(150.0));

    // Validation, and an objective of another strategy.
    assert_eq!(
        codes(
            store
                .save_kpi_reading(id, o, "2026-02-30", f64::NAN, "")
                .unwrap_err()
        ),
        [
            pair("taken_on", "invalid_date"),
            pair("value", "invalid_number")
        ]
    );
    assert!(is_not_found(
        &store
            .save_kpi_reading(other, o, "2026-02-01", 1.0, "")
            .unwrap_err()
    ));
}

#[test]
fn kpis_to_lower_and_kpis_without_data() {
    let (mut store, id) = store_with_strategy();
    kpi_posts(&mut store, id);
    // A response time from 12 hours to 3 by 2026-04-27: 7.5 expected today.
    let care = store
        .save_objective(
            id,
            None,
            &ObjectiveInput {
                direction: Direction::Decrease,
                kpi_unit: "hours".into(),
                ..tracked("Answer fast", KpiMetric::ResponseTime, &[], 12.0, 3.0)
            },
        )
        .unwrap();
    // Readings only: no reading, no value.
    let visits = store
        .save_objective(
            id,
            None,
            &tracked("Visits", KpiMetric::QualifiedVisits, &[], 100.0, 200.0),
        )
        .unwrap();
    // A value but no target.
    let untargeted = store
        .save_objective(
            id,
            None,
            &objective("Clicks", Some(KpiMetric::Clicks), &["instagram"]),
        )
        .unwrap();
    // No metric at all.
    let vague = store
        .save_objective(id, None, &objective("Vague", None, &[]))
        .unwrap();

    let e = store.evaluate(id, None, None, today()).unwrap();
    let t = track(&e, care);
    assert_eq!(t.source, KpiSource::None);
    assert_eq!(t.status, KpiStatus::NoData);
    assert!(
        t.explanation.en.contains("type its readings"),
        "{}",
        t.explanation.en
    );
    let t = track(&e, visits);
    assert_eq!((t.current, t.status), (None, KpiStatus::NoData));
    let t = track(&e, untargeted);
    assert_eq!(t.current, Some(150.0));
    assert_eq!(t.status, KpiStatus::NoData);
    assert_eq!((t.expected, t.progress), (None, None));
    assert!(t.explanation.en.contains("a target and a deadline"));
    let t = track(&e, vague);
    assert_eq!((t.source, t.status), (KpiSource::None, KpiStatus::NoData));

    store
        .save_kpi_reading(id, care, "2026-02-28", 7.5, "")
        .unwrap();
    let e = store.evaluate(id, None, None, today()).unwrap();
    let t = track(&e, care);
    assert_close(t.progress, 1.0);
    assert_eq!(t.status, KpiStatus::OnTrack);
    assert!(
        t.explanation.en.contains("7.5 hours now"),
        "{}",
        t.explanation.en
    );
    // 9 hours: 3 / 4.5 = 0.667, at risk.
    store
        .save_kpi_reading(id, care, "2026-03-01", 9.0, "")
        .unwrap();
    let e = store.evaluate(id, None, None, today()).unwrap();
    assert_close(track(&e, care).progress, 2.0 / 3.0);
    assert_eq!(track(&e, care).status, KpiStatus::AtRisk);
}

// ---------------------------------------------------------------------------------------------------------------
// Performance.

#[test]
fn performance_by_network_pillar_topic_and_format_with_weeks() {
    let (mut store, id) = store_with_strategy();
    let candles = store
        .save_topic(
            id,
            None,
            &TopicInput {
                pillar: Pillar::Promotion,
                name: "Candles".into(),
                description: String::new(),
            },
        )
        .unwrap();
    let mut add = |network: &str,
                   at: &str,
                   pillar: Pillar,
                   topic: Option<i64>,
                   format: Option<ContentFormat>,
                   m: Measures| {
        let p = new_post(
            &mut store,
            id,
            &PostInput {
                pillar: Some(pillar),
                topic_id: topic,
                status: PostStatus::Published,
                ..post_input(network, Some(at), at)
            },
        );
        store.save_post_results(id, p, &at[..10], &m).unwrap();
        if format.is_some() {
            store.set_post_format(id, p, format).unwrap();
        }
        p
    };
    // Week of 01-05.
    let a = add(
        "instagram",
        "2026-01-06T09:00",
        Pillar::Promotion,
        Some(candles),
        Some(ContentFormat::Photo),
        Measures {
            clicks: Some(20),
            ..er(1000, 50)
        },
    ); // 5 %, CTR 2 %
    let b = add(
        "instagram",
        "2026-01-08T09:00",
        Pillar::Curation,
        None,
        Some(ContentFormat::Carousel),
        Measures {
            comments: Some(20),
            saves: Some(20),
            clicks: Some(10),
            ..er(2000, 60)
        },
    ); // 100 / 2000 = 5 %
       // Week of 01-12.
    let c = add(
        "instagram",
        "2026-01-13T09:00",
        Pillar::Promotion,
        Some(candles),
        Some(ContentFormat::Photo),
        er(99, 50),
    ); // 50.5 %, but on 99 impressions
    let d = add(
        "facebook",
        "2026-01-14T09:00",
        Pillar::Interaction,
        None,
        None,
        Measures {
            reach: Some(500),
            reactions: Some(10),
            clicks: Some(5),
            ..Measures::default()
        },
    ); // 10 / 500 = 2 % of the reach; clicks without impressions
    let e_ = add(
        "instagram",
        "2026-01-15T09:00",
        Pillar::Promotion,
        None,
        None,
        er(1000, 10),
    ); // 1 %
       // A post without results counts nowhere.
    new_post(
        &mut store,
        id,
        &post_input("instagram", Some("2026-01-16T09:00"), "no results"),
    );

    let e = store.evaluate(id, None, None, today()).unwrap();
    assert_eq!((e.from.as_str(), e.to.as_str()), (START, "2026-03-02"));
    assert_eq!(
        e.posts.iter().map(|p| p.post_id).collect::<Vec<_>>(),
        [a, b, c, d, e_]
    );
    // Overall: impressions 1000 + 2000 + 99 + 0 + 1000 = 4099; engagements 50 + 100 + 50 + 10 + 10 = 220 over
    // audiences 4099 + 500 (D's reach) = 4599; clicks 20 + 10 = 30 over 3000 impressions (D's 5 clicks have no
    // impressions to divide by).
    assert_eq!(e.overall.posts, 5);
    assert_eq!(e.overall.impressions, 4099);
    assert_eq!(e.overall.engagements, 220);
    assert_eq!(e.overall.clicks, 30);
    assert_close(e.overall.engagement_rate, 220.0 / 4599.0 * 100.0);
    assert_close(e.overall.click_through_rate, 1.0);

    let group = |by: GroupBy, key: &str| {
        e.groups
            .iter()
            .find(|g| g.by == by && g.key == key)
            .unwrap_or_else(|| panic!("no group {by:?} {key}"))
    };
    let ig = group(GroupBy::Network, "instagram");
    assert_eq!(ig.label, "Instagram");
    assert_eq!(
        (
            ig.totals.posts,
            ig.totals.impressions,
            ig.totals.engagements,
            ig.totals.clicks
        ),
        (4, 4099, 210, 30)
    );
    assert_close(ig.totals.engagement_rate, 210.0 / 4099.0 * 100.0);
    // Rates 1, 5, 5, 50.5: median (5 + 5) / 2.
    assert_close(ig.median_engagement_rate, 5.0);
    let weeks: Vec<(&str, u32, u64, u64)> = ig
        .weeks
        .iter()
        .map(|w| {
            (
                w.week.as_str(),
                w.totals.posts,
                w.totals.impressions,
                w.totals.engagements,
            )
        })
        .collect();
    assert_eq!(
        weeks,
        [("2026-01-05", 2, 3000, 150), ("2026-01-12", 2, 1099, 60)]
    );
    assert_close(ig.weeks[0].totals.engagement_rate, 5.0);
    assert_close(ig.weeks[0].totals.click_through_rate, 1.0);
    assert_eq!(
        ig.weeks[1].totals.click_through_rate, None,
        "no clicks that week"
    );
    // Top by rate among posts with ≥ 100 impressions (C is left out), ties by id; with 5 or fewer, no bottom list.
    assert_eq!(ig.top, [a, b, e_]);
    assert!(ig.bottom.is_empty());

    let fb = group(GroupBy::Network, "facebook");
    assert_eq!(
        (
            fb.totals.posts,
            fb.totals.impressions,
            fb.totals.engagements
        ),
        (1, 0, 10)
    );
    assert_close(fb.totals.engagement_rate, 2.0);
    assert_eq!(fb.totals.click_through_rate, None);

    let promotion = group(GroupBy::Pillar, "promotion");
    assert_eq!(promotion.label, "promotion");
    assert_eq!(promotion.totals.posts, 3);
    assert_eq!(promotion.totals.engagements, 110);
    assert_eq!(group(GroupBy::Pillar, "curation").totals.posts, 1);
    assert_eq!(group(GroupBy::Pillar, "interaction").totals.posts, 1);

    let topic = group(GroupBy::Topic, &candles.to_string());
    assert_eq!(topic.label, "Candles");
    assert_eq!((topic.totals.posts, topic.totals.impressions), (2, 1099));
    assert_eq!(group(GroupBy::Topic, "").totals.posts, 3);

    let photo = group(GroupBy::Format, "photo");
    assert_eq!((photo.totals.posts, photo.totals.engagements), (2, 100));
    assert_eq!(group(GroupBy::Format, "carousel").totals.posts, 1);
    assert_eq!(group(GroupBy::Format, "").totals.posts, 2);
    assert_eq!(e.posts[0].format, Some(ContentFormat::Photo));
    assert_close(e.posts[0].engagement_rate, 5.0);
    assert_close(e.posts[0].click_through_rate, 2.0);

    // Overall top: A 5, B 5, D 2, E 1.
    assert_eq!(e.top, [a, b, d, e_]);

    // A period: only 01-13 and 01-14.
    let e = store
        .evaluate(id, Some("2026-01-13"), Some("2026-01-14"), today())
        .unwrap();
    assert_eq!(
        e.posts.iter().map(|p| p.post_id).collect::<Vec<_>>(),
        [c, d]
    );
    assert_eq!(e.overall.posts, 2);
    assert_eq!(e.overall.impressions, 99);
}

#[test]
fn top_and_bottom_posts_need_100_impressions() {
    let (mut store, id) = store_with_strategy();
    // Rates 1 % to 7 %, on 1000 impressions each.
    let ids: Vec<i64> = (1..=7u64)
        .map(|k| {
            measured(
                &mut store,
                id,
                "instagram",
                &format!("2026-01-{:02}T09:00", 5 + k),
                er(1000, 10 * k),
            )
        })
        .collect();
    // 90.9 % on 99 impressions: noise.
    let noisy = measured(&mut store, id, "instagram", "2026-01-20T09:00", er(99, 90));
    let e = store.evaluate(id, None, None, today()).unwrap();
    assert_eq!(e.top, [ids[6], ids[5], ids[4], ids[3], ids[2]]);
    // The bottom never repeats the top: with 7 rated posts it has the other 2.
    assert_eq!(e.bottom, [ids[0], ids[1]]);
    assert!(!e.top.contains(&noisy) && !e.bottom.contains(&noisy));
    // 100 impressions are enough.
    let hundred = measured(&mut store, id, "instagram", "2026-01-21T09:00", er(100, 90));
    let e = store.evaluate(id, None, None, today()).unwrap();
    assert_eq!(e.top[0], hundred);
}

// ---------------------------------------------------------------------------------------------------------------
// Underperformers.

/// January posts (none in the last four weeks) on `network`, one a day from 01-06, with these rates in per ten
/// thousand.
fn january(
    store: &mut Store,
    id: i64,
    network: &str,
    rates: &[(u64, Option<ContentFormat>)],
) -> Vec<i64> {
    rates
        .iter()
        .enumerate()
        .map(|(i, (r, format))| {
            let p = measured(
                store,
                id,
                network,
                &format!("2026-01-{:02}T09:00", 6 + i),
                er(10_000, *r),
            );
            if format.is_some() {
                store.set_post_format(id, p, *format).unwrap();
            }
            p
        })
        .collect()
}

#[test]
fn a_post_below_half_its_network_median_is_flagged() {
    let (mut store, id) = store_with_strategy();
    // Instagram: 4 %, 4 %, 4 %, 1.9 %, 2.01 %: median 4 %, threshold 2 %: 1.9 % is flagged, 2.01 % is not.
    let ig = january(
        &mut store,
        id,
        "instagram",
        &[
            (400, None),
            (400, None),
            (400, None),
            (190, None),
            (201, None),
        ],
    );
    // Facebook: only 3 posts with a rate, however weak one of them is.
    january(
        &mut store,
        id,
        "facebook",
        &[(400, None), (400, None), (50, None)],
    );
    let e = store.evaluate(id, None, None, today()).unwrap();
    assert_eq!(e.underperformers.len(), 1, "{:#?}", e.underperformers);
    let u = &e.underperformers[0];
    assert_eq!(u.kind, UnderperformerKind::Post);
    assert_eq!(u.network, "instagram");
    assert_eq!(u.post_id, Some(ig[3]));
    assert_close(Some(u.value), 1.9);
    assert_close(Some(u.baseline), 4.0);
    assert!(u.title.en.contains("less than half"), "{}", u.title.en);
    assert!(!u.suggestion.en.is_empty() && !u.suggestion.fr.is_empty());

    // A fourth Facebook post: 4 rated posts, sorted 0.5, 4, 4, 4, median 4: the 0.5 % is flagged.
    january(&mut store, id, "facebook", &[(400, None)]);
    let e = store.evaluate(id, None, None, today()).unwrap();
    assert_eq!(
        e.underperformers
            .iter()
            .map(|u| (u.kind, u.network.as_str()))
            .collect::<Vec<_>>(),
        [
            (UnderperformerKind::Post, "facebook"),
            (UnderperformerKind::Post, "instagram")
        ]
    );

    // Outside the period, a post is not judged.
    let e = store
        .evaluate(id, Some("2026-01-09"), Some("2026-01-10"), today())
        .unwrap();
    assert!(e.underperformers.is_empty());
}

#[test]
fn a_weak_format_is_flagged_and_its_posts_are_not() {
    let (mut store, id) = store_with_strategy();
    use ContentFormat::*;
    // Photo 3 × 1.5 %, text 3 × 2.6 %, carousel 5 × 6 %, short video 4 × 5 %, one without format at 2.4 %.
    // Sorted: 1.5 ×3, 2.4, 2.6 ×3, 5 ×4, 6 ×5: 16 rates, median (5 + 5) / 2 = 5 %, threshold 2.5 %.
    let mut rates: Vec<(u64, Option<ContentFormat>)> = Vec::new();
    rates.extend([(150, Some(Photo)); 3]);
    rates.extend([(260, Some(Text)); 3]);
    rates.extend([(600, Some(Carousel)); 5]);
    rates.extend([(500, Some(ShortVideo)); 4]);
    rates.push((240, None));
    let posts = january(&mut store, id, "instagram", &rates);
    let e = store.evaluate(id, None, None, today()).unwrap();
    let ig = e
        .groups
        .iter()
        .find(|g| g.by == GroupBy::Network && g.key == "instagram")
        .unwrap();
    assert_close(ig.median_engagement_rate, 5.0);
    assert_eq!(e.underperformers.len(), 2, "{:#?}", e.underperformers);
    // The photo format (median 1.5 % < 2.5 %); the text format (2.6 %) is not, nor are its posts.
    let f = &e.underperformers[0];
    assert_eq!(f.kind, UnderperformerKind::Format);
    assert_eq!(f.format, Some(Photo));
    assert_eq!(f.post_id, None);
    assert_close(Some(f.value), 1.5);
    assert_close(Some(f.baseline), 5.0);
    assert!(
        f.explanation.en.starts_with("Its 3 posts"),
        "{}",
        f.explanation.en
    );
    // The best format with 3 posts or more is the carousel (6 %).
    assert!(f.suggestion.en.contains("carousel"), "{}", f.suggestion.en);
    // The photo posts (1.5 % each) are the format's problem, not their own; the post without format (2.4 %) is flagged.
    let p = &e.underperformers[1];
    assert_eq!(p.kind, UnderperformerKind::Post);
    assert_eq!(p.post_id, Some(posts[15]));

    // A format needs 3 posts: 2 photo posts at 1.5 % are flagged as posts instead.
    let (mut store, id) = store_with_strategy();
    let mut rates: Vec<(u64, Option<ContentFormat>)> = vec![(150, Some(Photo)); 2];
    rates.extend([(500, Some(Carousel)); 4]);
    let posts = january(&mut store, id, "instagram", &rates);
    let e = store.evaluate(id, None, None, today()).unwrap();
    assert_eq!(
        e.underperformers
            .iter()
            .map(|u| (u.kind, u.post_id))
            .collect::<Vec<_>>(),
        [
            (UnderperformerKind::Post, Some(posts[0])),
            (UnderperformerKind::Post, Some(posts[1]))
        ]
    );
}

#[test]
fn a_network_losing_steam_is_flagged() {
    let (mut store, id) = store_with_strategy();
    // The last four weeks are after 2026-02-02 (today − 28 days).
    let recent = |store: &mut Store, network: &str, days: &[&str], rate: u64| -> Vec<i64> {
        days.iter()
            .map(|d| measured(store, id, network, &format!("{d}T09:00"), er(10_000, rate)))
            .collect()
    };
    // LinkedIn: 6 January posts at 4 %, 3 recent ones at 1 %: sorted 1 ×3, 4 ×6, median 4; recent median 1 < 2.
    january(&mut store, id, "linkedin", &[(400, None); 6]);
    let linkedin = recent(
        &mut store,
        "linkedin",
        &["2026-02-20", "2026-02-25", "2026-03-01"],
        100,
    );
    // X: the same but the recent posts at 2.1 %: just above half.
    january(&mut store, id, "x", &[(400, None); 6]);
    recent(
        &mut store,
        "x",
        &["2026-02-20", "2026-02-25", "2026-03-01"],
        210,
    );
    // Pinterest: recent posts at 0.5 %, but one of them on 02-02 is not in the last four weeks: only 2 recent.
    january(&mut store, id, "pinterest", &[(400, None); 6]);
    let pinterest = recent(
        &mut store,
        "pinterest",
        &["2026-02-02", "2026-02-20", "2026-02-25"],
        50,
    );

    let e = store.evaluate(id, None, None, today()).unwrap();
    let summary: Vec<(UnderperformerKind, &str, Option<i64>)> = e
        .underperformers
        .iter()
        .map(|u| (u.kind, u.network.as_str(), u.post_id))
        .collect();
    use UnderperformerKind::{Network, Post};
    assert_eq!(
        summary,
        [
            (Network, "linkedin", None),
            (Post, "linkedin", Some(linkedin[0])),
            (Post, "linkedin", Some(linkedin[1])),
            (Post, "linkedin", Some(linkedin[2])),
            (Post, "pinterest", Some(pinterest[0])),
            (Post, "pinterest", Some(pinterest[1])),
            (Post, "pinterest", Some(pinterest[2])),
        ]
    );
    let n = &e.underperformers[0];
    assert_close(Some(n.value), 1.0);
    assert_close(Some(n.baseline), 4.0);
    assert!(n.title.en.contains("losing steam"), "{}", n.title.en);

    // Fewer than 6 posts in all: 2 old at 4 % and 3 recent at 1 %, 1 % and 10 % on Facebook: sorted 1, 1, 4, 4, 10,
    // median 4, recent median 1, but only 5 posts: nothing for the network.
    let (mut store, id) = store_with_strategy();
    january(&mut store, id, "facebook", &[(400, None); 2]);
    recent(&mut store, "facebook", &["2026-02-20", "2026-02-25"], 100);
    recent(&mut store, "facebook", &["2026-03-01"], 1000);
    let e = store.evaluate(id, None, None, today()).unwrap();
    assert!(e
        .underperformers
        .iter()
        .all(|u| u.kind != UnderperformerKind::Network));
}

// ---------------------------------------------------------------------------------------------------------------
// A/B tests.

fn variant(label: &str, post_id: Option<i64>) -> AbVariantInput {
    AbVariantInput {
        label: label.into(),
        post_id,
        successes: None,
        trials: None,
    }
}

fn typed(label: &str, successes: u64, trials: u64) -> AbVariantInput {
    AbVariantInput {
        label: label.into(),
        post_id: None,
        successes: Some(successes),
        trials: Some(trials),
    }
}

fn test_input(varied: VariedElement, variants: Vec<AbVariantInput>) -> AbTestInput {
    AbTestInput {
        name: "Close-up or mood?".into(),
        hypothesis: String::new(),
        varied,
        metric: SuccessMetric::ClickThrough,
        numerator: None,
        denominator: None,
        variants,
        learning: String::new(),
    }
}

fn ctr(clicks: u64, impressions: u64) -> Measures {
    Measures {
        clicks: Some(clicks),
        impressions: Some(impressions),
        ..Measures::default()
    }
}

#[test]
fn a_clear_difference_decides_the_test() {
    let (mut store, id) = store_with_strategy();
    let a = measured(
        &mut store,
        id,
        "instagram",
        "2026-02-03T09:00",
        ctr(10, 1000),
    );
    // The latest snapshot counts: 37 clicks on 3100 impressions.
    store
        .save_post_results(id, a, "2026-02-10", &ctr(37, 3100))
        .unwrap();
    let b = measured(
        &mut store,
        id,
        "instagram",
        "2026-02-05T09:00",
        ctr(79, 3050),
    );
    let t = store
        .save_ab_test(
            id,
            None,
            &AbTestInput {
                learning: "Close-ups make people click.".into(),
                ..test_input(
                    VariedElement::Photo,
                    // B's typed counts are ignored: its post has results.
                    vec![variant("A", Some(a)), typed("B", 1, 10)],
                )
            },
        )
        .unwrap();
    // B is variant B's post.
    let mut input = store.ab_test(id, t).unwrap().data;
    input.variants[1].post_id = Some(b);
    store.save_ab_test(id, Some(t), &input).unwrap();

    let test = store.ab_test(id, t).unwrap();
    assert_eq!(
        test.variants
            .iter()
            .map(|v| (v.label.as_str(), v.from_results, v.successes, v.trials))
            .collect::<Vec<_>>(),
        [
            ("A", true, Some(37), Some(3100)),
            ("B", true, Some(79), Some(3050))
        ]
    );
    assert_eq!(test.variants[1].network, "instagram");
    assert_eq!(
        test.variants[1].scheduled_at.as_deref(),
        Some("2026-02-05T09:00")
    );
    // 1.19 % against 2.59 %: z ≈ 4, p < 0.001.
    assert_eq!(test.status, AbStatus::Decided);
    assert_eq!(test.winner.as_deref(), Some("B"));
    assert_eq!(test.comparisons.len(), 1);
    assert!(test.comparisons[0].significant);
    assert!(
        test.verdicts[0].en.contains("B beats A"),
        "{}",
        test.verdicts[0].en
    );
    assert_eq!(test.networks, ["instagram"]);
}

#[test]
fn too_little_data_runs_on_and_missing_data_waits() {
    let (mut store, id) = store_with_strategy();
    // Typed counts: 2 % against 2.5 %, not significant on 900 impressions.
    let running = store
        .save_ab_test(
            id,
            None,
            &test_input(
                VariedElement::Title,
                vec![typed("A", 18, 900), typed("B", 22, 880)],
            ),
        )
        .unwrap();
    let test = store.ab_test(id, running).unwrap();
    assert_eq!(test.status, AbStatus::Running);
    assert_eq!(test.winner, None);
    assert!(!test.variants[0].from_results);
    assert!(
        test.verdicts[0].en.contains("more impressions per variant"),
        "{}",
        test.verdicts[0].en
    );
    assert!(test.networks.is_empty());

    // A post with no results yet and no typed counts: no data, the test waits.
    let a = measured(&mut store, id, "facebook", "2026-02-03T09:00", ctr(18, 900));
    let b = new_post(
        &mut store,
        id,
        &post_input("facebook", Some("2026-02-04T09:00"), "B"),
    );
    let waiting = store
        .save_ab_test(
            id,
            None,
            &test_input(
                VariedElement::Title,
                vec![variant("A", Some(a)), variant("B", Some(b))],
            ),
        )
        .unwrap();
    let test = store.ab_test(id, waiting).unwrap();
    assert_eq!(test.status, AbStatus::WaitingForData);
    assert!(test.comparisons.is_empty() && test.verdicts.is_empty());
    assert_eq!(
        (test.variants[1].successes, test.variants[1].trials),
        (None, None)
    );
    // Typed counts stand in for the post's missing results.
    let mut input = test.data.clone();
    input.variants[1].successes = Some(22);
    input.variants[1].trials = Some(880);
    store.save_ab_test(id, Some(waiting), &input).unwrap();
    let test = store.ab_test(id, waiting).unwrap();
    assert_eq!(test.status, AbStatus::Running);
    assert!(test.variants[0].from_results && !test.variants[1].from_results);

    // Newest first; deleting.
    assert_eq!(
        store
            .ab_tests(id)
            .unwrap()
            .iter()
            .map(|t| t.id)
            .collect::<Vec<_>>(),
        [waiting, running]
    );
    store.delete_ab_test(id, running).unwrap();
    assert!(is_not_found(&store.ab_test(id, running).unwrap_err()));
    assert!(is_not_found(
        &store.delete_ab_test(id, running).unwrap_err()
    ));
    assert!(is_not_found(
        &store.save_ab_test(id, Some(running), &input).unwrap_err()
    ));
}

#[test]
fn ab_tests_are_validated() {
    let ok = test_input(
        VariedElement::Text,
        vec![typed("A", 1, 10), typed("B", 2, 10)],
    );
    assert!(validate_test(&ok).is_ok());
    // A ratio needs its two measures.
    let ratio = AbTestInput {
        metric: SuccessMetric::Ratio,
        numerator: Some(MeasureKey::Leads),
        ..ok.clone()
    };
    assert_eq!(
        codes(validate_test(&ratio).unwrap_err()),
        [pair("numerator", "required")]
    );
    assert!(validate_test(&AbTestInput {
        denominator: Some(MeasureKey::Clicks),
        ..ratio
    })
    .is_ok());
    // Labels unique (trimmed, whatever the case), required; successes ≤ trials; at least two variants; a name.
    let bad = AbTestInput {
        name: "  ".into(),
        variants: vec![typed("A", 11, 10), typed(" a ", 1, 10), typed("", 1, 10)],
        ..ok.clone()
    };
    assert_eq!(
        codes(validate_test(&bad).unwrap_err()),
        [
            pair("name", "required"),
            pair("variants.0.successes", "more_than_trials"),
            pair("variants.1.label", "taken"),
            pair("variants.2.label", "required"),
        ]
    );
    assert_eq!(
        codes(
            validate_test(&AbTestInput {
                variants: vec![typed("A", 1, 10)],
                ..ok.clone()
            })
            .unwrap_err()
        ),
        [pair("variants", "too_few")]
    );

    // The store refuses the same, and a post of another strategy.
    let (mut store, id) = store_with_strategy();
    let other = strategy(&mut store, "Other");
    let elsewhere = new_post(
        &mut store,
        other,
        &post_input("instagram", None, "elsewhere"),
    );
    assert_eq!(
        codes(
            store
                .save_ab_test(
                    id,
                    None,
                    &AbTestInput {
                        variants: vec![typed("A", 1, 10), variant("B", Some(elsewhere))],
                        ..ok.clone()
                    }
                )
                .unwrap_err()
        ),
        [pair("variants.1.post_id", "not_found")]
    );
    assert!(store.ab_tests(id).unwrap().is_empty());
}

#[test]
fn a_ratio_test_counts_its_two_measures() {
    let (mut store, id) = store_with_strategy();
    let m = |leads: u64, clicks: u64| Measures {
        leads: Some(leads),
        clicks: Some(clicks),
        impressions: Some(10_000),
        ..Measures::default()
    };
    let a = measured(&mut store, id, "facebook", "2026-02-03T09:00", m(10, 500));
    let b = measured(&mut store, id, "facebook", "2026-02-04T09:00", m(40, 500));
    let t = store
        .save_ab_test(
            id,
            None,
            &AbTestInput {
                metric: SuccessMetric::Ratio,
                numerator: Some(MeasureKey::Leads),
                denominator: Some(MeasureKey::Clicks),
                ..test_input(
                    VariedElement::Text,
                    vec![variant("A", Some(a)), variant("B", Some(b))],
                )
            },
        )
        .unwrap();
    let test = store.ab_test(id, t).unwrap();
    assert_eq!(
        test.variants
            .iter()
            .map(|v| (v.successes, v.trials))
            .collect::<Vec<_>>(),
        [(Some(10), Some(500)), (Some(40), Some(500))]
    );
    // 2 % against 8 % of the clicks.
    assert_eq!(test.status, AbStatus::Decided);
    assert_eq!(test.winner.as_deref(), Some("B"));
    assert!(test.verdicts[0].en.contains("B beats A"));
}

fn data(label: &str, successes: u64, trials: u64) -> AbVariantData {
    AbVariantData {
        label: label.into(),
        post_id: None,
        post_title: String::new(),
        network: String::new(),
        scheduled_at: None,
        from_results: false,
        successes: Some(successes),
        trials: Some(trials),
    }
}

#[test]
fn the_winner_is_the_best_variant_that_beats_the_control_or_the_control() {
    let t = test_input(VariedElement::Photo, Vec::new());
    // B (20 %) and C (30 %) both beat A (10 %): C, the highest.
    let (comparisons, verdicts, status, winner) = judge(
        &t,
        &[
            data("A", 100, 1000),
            data("B", 200, 1000),
            data("C", 300, 1000),
        ],
    );
    assert_eq!((comparisons.len(), verdicts.len()), (2, 2));
    assert_eq!(status, AbStatus::Decided);
    assert_eq!(winner.as_deref(), Some("C"));
    // B beats A, C (10.5 %) does not differ: B.
    let (_, _, status, winner) = judge(
        &t,
        &[
            data("A", 100, 1000),
            data("B", 200, 1000),
            data("C", 105, 1000),
        ],
    );
    assert_eq!(status, AbStatus::Decided);
    assert_eq!(winner.as_deref(), Some("B"));
    // The control (30 %) beats B (10 %): the control.
    let (_, verdicts, status, winner) = judge(&t, &[data("A", 300, 1000), data("B", 100, 1000)]);
    assert_eq!(status, AbStatus::Decided);
    assert_eq!(winner.as_deref(), Some("A"));
    assert!(verdicts[0].en.contains("A beats B"), "{}", verdicts[0].en);
    // One variant with data: waiting.
    let mut none = data("B", 0, 0);
    none.successes = None;
    none.trials = None;
    let (_, _, status, winner) = judge(&t, &[data("A", 300, 1000), none]);
    assert_eq!((status, winner), (AbStatus::WaitingForData, None));
}

#[test]
fn a_test_starts_from_a_post() {
    let (mut store, id) = store_with_strategy();
    let p = new_post(
        &mut store,
        id,
        &PostInput {
            pillar: Some(Pillar::Promotion),
            text: "Our new candle".into(),
            ..post_input("instagram", Some("2026-03-10T23:00"), "Night light")
        },
    );
    let t = store
        .start_ab_test(id, p, VariedElement::Time, Language::Fr)
        .unwrap();
    let test = store.ab_test(id, t).unwrap();
    // The name is in the language the user reads the app in.
    assert_eq!(test.data.name, "Test A/B : Night light");
    assert_eq!(test.data.metric, SuccessMetric::ClickThrough);
    assert_eq!(test.data.varied, VariedElement::Time);
    assert_eq!(
        test.variants
            .iter()
            .map(|v| v.label.as_str())
            .collect::<Vec<_>>(),
        ["A", "B"]
    );
    assert_eq!(test.variants[0].post_id, Some(p));
    assert_eq!(test.status, AbStatus::WaitingForData);
    let b = store.post(id, test.variants[1].post_id.unwrap()).unwrap();
    assert_ne!(b.id, p);
    // On A's day two hours apart: two hours earlier here, since two hours later is past midnight. A draft, the rest
    // copied.
    assert_eq!(b.data.scheduled_at.as_deref(), Some("2026-03-10T21:00"));
    assert_eq!(b.data.status, PostStatus::Draft);
    let original = store.post(id, p).unwrap();
    assert_eq!(
        original.data.status,
        PostStatus::Scheduled,
        "A is untouched"
    );
    assert_eq!(
        PostInput {
            scheduled_at: original.data.scheduled_at.clone(),
            status: original.data.status,
            ..b.data.clone()
        },
        original.data
    );

    // A post already in a test is not put in a second one.
    assert!(matches!(
        store.start_ab_test(id, p, VariedElement::Photo, Language::En),
        Err(cinq_core::CoreError::Conflict(_))
    ));
    // Another element varied: the same slot a week later (from a post in no test yet).
    let p = new_post(
        &mut store,
        id,
        &post_input("instagram", Some("2026-03-10T23:00"), "Night light"),
    );
    let t = store
        .start_ab_test(id, p, VariedElement::Photo, Language::En)
        .unwrap();
    let b = store
        .post(
            id,
            store.ab_test(id, t).unwrap().variants[1].post_id.unwrap(),
        )
        .unwrap();
    assert_eq!(b.data.scheduled_at.as_deref(), Some("2026-03-17T23:00"));
    // An idea stays an idea; its time cannot be what is tested.
    let idea = new_post(&mut store, id, &post_input("instagram", None, ""));
    assert!(matches!(
        store.start_ab_test(id, idea, VariedElement::Time, Language::En),
        Err(cinq_core::CoreError::Validation(_))
    ));
    let t = store
        .start_ab_test(id, idea, VariedElement::Title, Language::En)
        .unwrap();
    let test = store.ab_test(id, t).unwrap();
    // In English, though the strategy is in French (store_with_strategy).
    assert_eq!(test.data.name, format!("A/B test: #{idea}"));
    let b = store.post(id, test.variants[1].post_id.unwrap()).unwrap();
    assert_eq!(
        (b.data.status, b.data.scheduled_at),
        (PostStatus::Idea, None)
    );
    // A post of another strategy is not found.
    let other = strategy(&mut store, "Other");
    assert!(is_not_found(
        &store
            .start_ab_test(other, p, VariedElement::Title, Language::En)
            .unwrap_err()
    ));
}

/// The time of variant B of a test started from a post at `at` on Instagram, `varied` being tested.
fn variant_b_at(store: &mut Store, id: i64, at: &str, varied: VariedElement) -> String {
    let a = new_post(store, id, &post_input("instagram", Some(at), "A"));
    let t = store.start_ab_test(id, a, varied, Language::En).unwrap();
    let b = store.ab_test(id, t).unwrap().variants[1].post_id.unwrap();
    store.post(id, b).unwrap().data.scheduled_at.unwrap()
}

#[test]
fn variant_b_goes_where_it_collides_with_no_post_and_differs_only_in_what_is_tested() {
    let (mut store, id) = store_with_strategy();
    // The same weekday and time a week later: only the element tested differs.
    assert_eq!(
        variant_b_at(&mut store, id, "2026-04-07T09:00", VariedElement::Title),
        "2026-04-14T09:00"
    );
    // A week later the network already has a post at that slot (less than the collision gap away), and the week after
    // too: the first free week after them. Another network's post is no collision.
    for at in ["2026-05-12T10:00", "2026-05-19T08:30"] {
        new_post(&mut store, id, &post_input("instagram", Some(at), "Taken"));
    }
    new_post(
        &mut store,
        id,
        &post_input("linkedin", Some("2026-05-26T09:00"), "Elsewhere"),
    );
    assert_eq!(
        variant_b_at(&mut store, id, "2026-05-05T09:00", VariedElement::Photo),
        "2026-05-26T09:00"
    );
    // The time tested: on the same day, two hours later; with a post there, two hours earlier; with both taken, three
    // hours later.
    assert_eq!(
        variant_b_at(&mut store, id, "2026-06-02T12:00", VariedElement::Time),
        "2026-06-02T14:00"
    );
    new_post(
        &mut store,
        id,
        &post_input("instagram", Some("2026-06-09T14:30"), "Taken"),
    );
    assert_eq!(
        variant_b_at(&mut store, id, "2026-06-09T12:00", VariedElement::Time),
        "2026-06-09T10:00"
    );
    new_post(
        &mut store,
        id,
        &post_input("instagram", Some("2026-06-16T10:00"), "Taken"),
    );
    new_post(
        &mut store,
        id,
        &post_input("instagram", Some("2026-06-16T14:00"), "Taken"),
    );
    assert_eq!(
        variant_b_at(&mut store, id, "2026-06-16T12:00", VariedElement::Time),
        "2026-06-16T16:00"
    );
    // Whatever is tested, the calendar's checks find no collision between the variants, nor with the other posts.
    let checks = store
        .calendar_checks(
            id,
            Some(date("2026-04-01")),
            Some(date("2026-06-30")),
            &Default::default(),
        )
        .unwrap();
    let collisions: Vec<_> = checks
        .findings
        .iter()
        .filter(|f| f.finding.kind == cinq_core::findings::FindingKind::PostCollision)
        .map(|f| f.finding.title.en.clone())
        .collect();
    assert_eq!(collisions, Vec::<String>::new());
}

#[test]
fn placing_variant_b_when_every_slot_is_taken() {
    use cinq_core::adapt::abtests::{place_variant_b, VARIANT_WEEKS};
    let at = |s: &str| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap();
    let a = at("2026-03-10T23:00");
    // Every hour of the day and the slot of every week looked at are taken: two hours from A (earlier, since later
    // is past midnight), a week later.
    let every_hour: Vec<_> = (0..24)
        .map(|h| at(&format!("2026-03-10T{h:02}:00")))
        .collect();
    assert_eq!(
        place_variant_b(a, VariedElement::Time, &every_hour, 120),
        at("2026-03-10T21:00")
    );
    let every_week: Vec<_> = (1..=VARIANT_WEEKS)
        .map(|w| a + Duration::weeks(w))
        .collect();
    assert_eq!(
        place_variant_b(a, VariedElement::Format, &every_week, 120),
        at("2026-03-17T23:00")
    );
    // With nothing else planned: two hours earlier at 23:00, two hours later in the morning.
    assert_eq!(
        place_variant_b(at("2026-03-10T08:00"), VariedElement::Time, &[], 120),
        at("2026-03-10T10:00")
    );
}

#[test]
fn learnings_show_on_the_networks_of_decided_tests() {
    let (mut store, id) = store_with_strategy();
    let a = measured(
        &mut store,
        id,
        "instagram",
        "2026-02-03T09:00",
        ctr(37, 3100),
    );
    let b = measured(
        &mut store,
        id,
        "instagram",
        "2026-02-05T09:00",
        ctr(79, 3050),
    );
    let learning = "Close-ups make people click.";
    let decided = store
        .save_ab_test(
            id,
            None,
            &AbTestInput {
                learning: learning.into(),
                ..test_input(
                    VariedElement::Photo,
                    vec![variant("A", Some(a)), variant("B", Some(b))],
                )
            },
        )
        .unwrap();
    // A running test's learning does not show.
    store
        .save_ab_test(
            id,
            None,
            &AbTestInput {
                learning: "Not yet known.".into(),
                ..test_input(
                    VariedElement::Title,
                    vec![typed("A", 18, 900), typed("B", 22, 880)],
                )
            },
        )
        .unwrap();
    // A decided test without a learning does not show either.
    store
        .save_ab_test(
            id,
            None,
            &test_input(
                VariedElement::Title,
                vec![typed("A", 100, 1000), typed("B", 300, 1000)],
            ),
        )
        .unwrap();

    let on_instagram = store.learnings_for(id, "instagram").unwrap();
    assert_eq!(on_instagram.len(), 1);
    let l = &on_instagram[0];
    assert_eq!(
        (l.test_id, l.learning.as_str(), l.winner.as_str()),
        (decided, learning, "B")
    );
    assert_eq!(l.networks, ["instagram"]);
    assert!(store.learnings_for(id, "facebook").unwrap().is_empty());

    // A decided test with no post applies everywhere.
    let everywhere = store
        .save_ab_test(
            id,
            None,
            &AbTestInput {
                learning: "Questions work.".into(),
                ..test_input(
                    VariedElement::Title,
                    vec![typed("A", 100, 1000), typed("B", 300, 1000)],
                )
            },
        )
        .unwrap();
    let on_facebook = store.learnings_for(id, "facebook").unwrap();
    assert_eq!(
        on_facebook.iter().map(|l| l.test_id).collect::<Vec<_>>(),
        [everywhere]
    );
    assert_eq!(store.learnings_for(id, "instagram").unwrap().len(), 2);
}

// ---------------------------------------------------------------------------------------------------------------
// Adaptations.

fn entry(decision: &str) -> AdaptationInput {
    AdaptationInput {
        date: "2026-03-02".into(),
        observation: "Seen in the evaluation".into(),
        decision: decision.into(),
        evidence: Evidence {
            kind: EvidenceKind::None,
            ref_id: None,
            label: String::new(),
        },
        expected_effect: String::new(),
        review_on: Some("2026-03-30".into()),
        reviewed: false,
    }
}

fn mission(network: &str, posts_per_week: Option<f64>) -> Mission {
    Mission {
        network: network.into(),
        statement: format!("Why {network}"),
        audiences: Vec::new(),
        objectives: Vec::new(),
        pillars: vec![Pillar::Promotion],
        posts_per_week,
    }
}

#[test]
fn set_frequency_changes_the_mission_and_logs_it() {
    let (mut store, id) = store_with_strategy();
    store
        .save_mission(id, &mission("instagram", Some(3.0)))
        .unwrap();
    let a = store
        .apply_adaptation(
            id,
            &entry("Post more on Instagram"),
            &AdaptationAction::SetFrequency {
                network: "instagram".into(),
                posts_per_week: Some(5.0),
            },
            today(),
        )
        .unwrap();
    assert_eq!(a.changes.len(), 1);
    // The network by its name, never its key.
    assert_eq!(a.changes[0].what.en, "Posts per week on Instagram");
    assert_eq!(
        a.changes[0].what.fr,
        "Publications par semaine sur Instagram"
    );
    assert_eq!(
        (a.changes[0].before.as_str(), a.changes[0].after.as_str()),
        ("3", "5")
    );
    assert_eq!(a.changes[0].post_id, None);
    assert_eq!(a.data.decision, "Post more on Instagram");
    assert!(matches!(
        a.action,
        Some(AdaptationAction::SetFrequency { .. })
    ));
    let o = store.objectives(id).unwrap();
    let m = o
        .missions
        .iter()
        .find(|m| m.network == "instagram")
        .unwrap();
    assert_eq!(m.posts_per_week, Some(5.0));
    assert_eq!(
        m.statement, "Why instagram",
        "the rest of the mission stays"
    );
    assert_eq!(m.pillars, [Pillar::Promotion]);

    // A network without a mission gets one; 2.5 a week; none.
    let a = store
        .apply_adaptation(
            id,
            &entry("Start Facebook"),
            &AdaptationAction::SetFrequency {
                network: "facebook".into(),
                posts_per_week: Some(2.5),
            },
            today(),
        )
        .unwrap();
    assert_eq!(
        (a.changes[0].before.as_str(), a.changes[0].after.as_str()),
        ("—", "2.5")
    );
    let a = store
        .apply_adaptation(
            id,
            &entry("No target"),
            &AdaptationAction::SetFrequency {
                network: "facebook".into(),
                posts_per_week: None,
            },
            today(),
        )
        .unwrap();
    assert_eq!(
        (a.changes[0].before.as_str(), a.changes[0].after.as_str()),
        ("2.5", "—")
    );
    let o = store.objectives(id).unwrap();
    let m = o.missions.iter().find(|m| m.network == "facebook").unwrap();
    assert_eq!(m.posts_per_week, None);
    assert_eq!(store.adaptations(id).unwrap().len(), 3);

    // The same frequency again changes nothing: refused, not logged.
    let e = store
        .apply_adaptation(
            id,
            &entry("Again"),
            &AdaptationAction::SetFrequency {
                network: "instagram".into(),
                posts_per_week: Some(5.0),
            },
            today(),
        )
        .unwrap_err();
    assert!(is_conflict(&e), "{e:?}");
    // Out of range, or an unknown network: refused, not logged.
    let e = store
        .apply_adaptation(
            id,
            &entry("Too much"),
            &AdaptationAction::SetFrequency {
                network: "instagram".into(),
                posts_per_week: Some(101.0),
            },
            today(),
        )
        .unwrap_err();
    assert_eq!(codes(e), [pair("posts_per_week", "out_of_range")]);
    let e = store
        .apply_adaptation(
            id,
            &entry("Nowhere"),
            &AdaptationAction::SetFrequency {
                network: "myspace".into(),
                posts_per_week: Some(2.0),
            },
            today(),
        )
        .unwrap_err();
    assert_eq!(codes(e), [pair("networks", "unknown_network")]);
    let o = store.objectives(id).unwrap();
    assert!(o.missions.iter().all(|m| m.network != "myspace"));
    assert_eq!(store.adaptations(id).unwrap().len(), 3);
}

#[test]
fn set_mix_changes_the_strategy_or_a_network_mix() {
    let (mut store, id) = store_with_strategy();
    let w = |promotion, curation, interaction| MixWeights {
        promotion,
        curation,
        interaction,
    };
    let a = store
        .apply_adaptation(
            id,
            &entry("More promotion"),
            &AdaptationAction::SetMix {
                network: None,
                weights: w(50, 25, 25),
            },
            today(),
        )
        .unwrap();
    assert_eq!(
        a.changes[0].what.en,
        "Content mix (promotion / curation / interaction)"
    );
    assert_eq!(
        (a.changes[0].before.as_str(), a.changes[0].after.as_str()),
        ("33 / 33 / 34", "50 / 25 / 25")
    );
    assert_eq!(store.objectives(id).unwrap().mix.strategy, w(50, 25, 25));

    // Instagram's own mix, from the strategy's.
    let a = store
        .apply_adaptation(
            id,
            &entry("Talk more on Instagram"),
            &AdaptationAction::SetMix {
                network: Some("instagram".into()),
                weights: w(20, 30, 50),
            },
            today(),
        )
        .unwrap();
    assert_eq!(
        a.changes[0].what.en,
        "Content mix of Instagram (promotion / curation / interaction)"
    );
    assert_eq!(
        a.changes[0].what.fr,
        "Mix de contenus d’Instagram (promotion / curation / interaction)"
    );
    assert_eq!(
        (a.changes[0].before.as_str(), a.changes[0].after.as_str()),
        ("50 / 25 / 25", "20 / 30 / 50")
    );
    let mix = store.objectives(id).unwrap().mix;
    assert_eq!(mix.for_network("instagram"), w(20, 30, 50));
    assert_eq!(mix.strategy, w(50, 25, 25));

    // The same mix: refused. A mix summing to 90: refused, nothing written or logged.
    assert!(is_conflict(
        &store
            .apply_adaptation(
                id,
                &entry("Same"),
                &AdaptationAction::SetMix {
                    network: Some("instagram".into()),
                    weights: w(20, 30, 50),
                },
                today(),
            )
            .unwrap_err()
    ));
    let e = store
        .apply_adaptation(
            id,
            &entry("Broken"),
            &AdaptationAction::SetMix {
                network: None,
                weights: w(50, 20, 20),
            },
            today(),
        )
        .unwrap_err();
    assert_eq!(codes(e), [pair("weights", "sum_not_100")]);
    let e = store
        .apply_adaptation(
            id,
            &entry("Nowhere"),
            &AdaptationAction::SetMix {
                network: Some("myspace".into()),
                weights: w(20, 30, 50),
            },
            today(),
        )
        .unwrap_err();
    assert_eq!(codes(e), [pair("networks", "unknown_network")]);
    assert_eq!(store.objectives(id).unwrap().mix, mix);
    assert_eq!(store.adaptations(id).unwrap().len(), 2);
}

#[test]
fn move_and_duplicate_a_post() {
    let (mut store, id) = store_with_strategy();
    let p = new_post(
        &mut store,
        id,
        &post_input("instagram", Some("2026-03-10T09:00"), "Weak pin"),
    );
    let a = store
        .apply_adaptation(
            id,
            &entry("Move it to the evening"),
            &AdaptationAction::MovePost {
                post_id: p,
                scheduled_at: "2026-03-12T18:30".into(),
            },
            today(),
        )
        .unwrap();
    assert_eq!(a.changes[0].what.en, "Slot of “Weak pin”");
    assert_eq!(
        (
            a.changes[0].before.as_str(),
            a.changes[0].after.as_str(),
            a.changes[0].post_id
        ),
        ("2026-03-10T09:00", "2026-03-12T18:30", Some(p))
    );
    assert_eq!(
        store.post(id, p).unwrap().data.scheduled_at.as_deref(),
        Some("2026-03-12T18:30")
    );
    // The same slot: refused. A bad slot: refused, the post stays.
    assert!(is_conflict(
        &store
            .apply_adaptation(
                id,
                &entry("Same"),
                &AdaptationAction::MovePost {
                    post_id: p,
                    scheduled_at: "2026-03-12T18:30".into(),
                },
                today(),
            )
            .unwrap_err()
    ));
    assert_eq!(
        codes(
            store
                .apply_adaptation(
                    id,
                    &entry("Bad"),
                    &AdaptationAction::MovePost {
                        post_id: p,
                        scheduled_at: "next Tuesday".into(),
                    },
                    today(),
                )
                .unwrap_err()
        ),
        [pair("scheduled_at", "invalid_date_time")]
    );
    assert_eq!(
        store.post(id, p).unwrap().data.scheduled_at.as_deref(),
        Some("2026-03-12T18:30")
    );

    // Duplicating: a draft copy at the new slot; the change names the copy.
    let a = store
        .apply_adaptation(
            id,
            &entry("Post it again"),
            &AdaptationAction::DuplicatePost {
                post_id: p,
                scheduled_at: "2026-03-19T18:30".into(),
            },
            today(),
        )
        .unwrap();
    assert_eq!(a.changes[0].what.en, "Copy of “Weak pin”");
    assert_eq!(
        (a.changes[0].before.as_str(), a.changes[0].after.as_str()),
        ("", "2026-03-19T18:30")
    );
    let copy = a.changes[0].post_id.unwrap();
    assert_ne!(copy, p);
    let posts = store.calendar(id, None, None).unwrap().posts;
    assert_eq!(
        posts
            .iter()
            .map(|x| (x.id, x.data.scheduled_at.as_deref().unwrap(), x.data.status))
            .collect::<Vec<_>>(),
        [
            (p, "2026-03-12T18:30", PostStatus::Scheduled),
            (copy, "2026-03-19T18:30", PostStatus::Draft)
        ]
    );
    assert_eq!(posts[1].data.title, "Weak pin");
    // The stored log reads back the same.
    let stored = store.adaptations(id).unwrap();
    assert_eq!(stored.len(), 2);
    assert_eq!(stored.iter().find(|x| x.id == a.id).unwrap(), &a);
    // A post of another strategy.
    let other = strategy(&mut store, "Other");
    assert!(is_not_found(
        &store
            .apply_adaptation(
                other,
                &entry("Elsewhere"),
                &AdaptationAction::MovePost {
                    post_id: p,
                    scheduled_at: "2026-03-13T09:00".into(),
                },
                today(),
            )
            .unwrap_err()
    ));
}

/// A click-through test between post A (37 / 3100, the loser) and post B (79 / 3050, the winner), decided for B.
fn decided_test(
    store: &mut Store,
    id: i64,
    varied: VariedElement,
    a: &PostInput,
    b: &PostInput,
) -> (i64, i64, i64) {
    let pa = new_post(store, id, a);
    let pb = new_post(store, id, b);
    store
        .save_post_results(id, pa, "2026-02-12", &ctr(37, 3100))
        .unwrap();
    store
        .save_post_results(id, pb, "2026-02-12", &ctr(79, 3050))
        .unwrap();
    let t = store
        .save_ab_test(
            id,
            None,
            &test_input(varied, vec![variant("A", Some(pa)), variant("B", Some(pb))]),
        )
        .unwrap();
    assert_eq!(store.ab_test(id, t).unwrap().winner.as_deref(), Some("B"));
    (t, pa, pb)
}

fn published(network: &str, at: &str, title: &str) -> PostInput {
    PostInput {
        status: PostStatus::Published,
        ..post_input(network, Some(at), title)
    }
}

#[test]
fn replace_variant_changes_the_upcoming_posts_that_use_the_losing_title() {
    let (mut store, id) = store_with_strategy();
    let (t, pa, pb) = decided_test(
        &mut store,
        id,
        VariedElement::Title,
        &published("instagram", "2026-02-10T09:00", "Mood"),
        &published("instagram", "2026-02-11T09:00", "Close-up"),
    );
    let mut add = |network: &str, at: Option<&str>, title: &str, status: PostStatus| {
        new_post(
            &mut store,
            id,
            &PostInput {
                status,
                ..post_input(network, at, title)
            },
        )
    };
    let upcoming = add(
        "instagram",
        Some("2026-03-10T09:00"),
        "Mood",
        PostStatus::Scheduled,
    );
    let upcoming_draft = add(
        "instagram",
        Some("2026-03-20T12:00"),
        "Mood",
        PostStatus::Draft,
    );
    let keep = [
        // Published (however odd in the future).
        add(
            "instagram",
            Some("2026-03-11T09:00"),
            "Mood",
            PostStatus::Published,
        ),
        // Not on the test's networks.
        add(
            "facebook",
            Some("2026-03-10T09:00"),
            "Mood",
            PostStatus::Scheduled,
        ),
        // In the past, or today: not upcoming.
        add(
            "instagram",
            Some("2026-03-01T09:00"),
            "Mood",
            PostStatus::Draft,
        ),
        add(
            "instagram",
            Some("2026-03-02T20:00"),
            "Mood",
            PostStatus::Draft,
        ),
        // Another title.
        add(
            "instagram",
            Some("2026-03-12T09:00"),
            "Other",
            PostStatus::Draft,
        ),
        // An idea: no date.
        add("instagram", None, "Mood", PostStatus::Idea),
    ];
    let before: Vec<_> = keep.iter().map(|p| store.post(id, *p).unwrap()).collect();
    let a = store
        .apply_adaptation(
            id,
            &AdaptationInput {
                evidence: Evidence {
                    kind: EvidenceKind::Test,
                    ref_id: Some(t),
                    label: "Close-up or mood?".into(),
                },
                ..entry("Keep the close-up title")
            },
            &AdaptationAction::ReplaceVariant { test_id: t },
            today(),
        )
        .unwrap();
    assert_eq!(
        a.changes
            .iter()
            .map(|c| (c.post_id, c.before.as_str(), c.after.as_str()))
            .collect::<Vec<_>>(),
        [
            (Some(upcoming), "Mood", "Close-up"),
            (Some(upcoming_draft), "Mood", "Close-up")
        ]
    );
    assert_eq!(store.post(id, upcoming).unwrap().data.title, "Close-up");
    assert_eq!(
        store.post(id, upcoming_draft).unwrap().data.title,
        "Close-up"
    );
    let after: Vec<_> = keep.iter().map(|p| store.post(id, *p).unwrap()).collect();
    assert_eq!(before, after, "the other posts are untouched");
    assert_eq!(
        store.post(id, pa).unwrap().data.title,
        "Mood",
        "the test's own posts stay"
    );
    assert_eq!(store.post(id, pb).unwrap().data.title, "Close-up");

    // Again: nothing uses the losing title any more.
    assert!(is_conflict(
        &store
            .apply_adaptation(
                id,
                &entry("Again"),
                &AdaptationAction::ReplaceVariant { test_id: t },
                today(),
            )
            .unwrap_err()
    ));
    assert_eq!(store.adaptations(id).unwrap().len(), 1);

    // An undecided test has no winner to keep.
    let running = store
        .save_ab_test(
            id,
            None,
            &test_input(
                VariedElement::Title,
                vec![variant("A", Some(pa)), typed("B", 40, 3100)],
            ),
        )
        .unwrap();
    assert_ne!(
        store.ab_test(id, running).unwrap().status,
        AbStatus::Decided
    );
    assert!(is_conflict(
        &store
            .apply_adaptation(
                id,
                &entry("Too early"),
                &AdaptationAction::ReplaceVariant { test_id: running },
                today(),
            )
            .unwrap_err()
    ));
}

#[test]
fn replace_variant_of_photo_time_and_format() {
    // Photo: the media notes.
    let (mut store, id) = store_with_strategy();
    let with_notes = |at: &str, notes: &str| PostInput {
        media_notes: notes.into(),
        ..published("instagram", at, "Candle")
    };
    let (t, _, _) = decided_test(
        &mut store,
        id,
        VariedElement::Photo,
        &with_notes("2026-02-10T09:00", "Living room mood shot"),
        &with_notes("2026-02-11T09:00", "Close-up on the wick"),
    );
    let up = new_post(
        &mut store,
        id,
        &PostInput {
            status: PostStatus::Draft,
            ..with_notes("2026-03-05T09:00", "Living room mood shot")
        },
    );
    let a = store
        .apply_adaptation(
            id,
            &entry("Close-ups"),
            &AdaptationAction::ReplaceVariant { test_id: t },
            today(),
        )
        .unwrap();
    assert_eq!(
        a.changes
            .iter()
            .map(|c| (c.post_id, c.before.as_str(), c.after.as_str()))
            .collect::<Vec<_>>(),
        [(Some(up), "Living room mood shot", "Close-up on the wick")]
    );
    assert_eq!(a.changes[0].what.en, "Photo of “Candle”");
    assert_eq!(
        store.post(id, up).unwrap().data.media_notes,
        "Close-up on the wick"
    );

    // Time: the time of day, the date kept.
    let (mut store, id) = store_with_strategy();
    let (t, _, _) = decided_test(
        &mut store,
        id,
        VariedElement::Time,
        &published("instagram", "2026-02-10T09:00", "Morning"),
        &published("instagram", "2026-02-10T18:00", "Evening"),
    );
    let up = new_post(
        &mut store,
        id,
        &post_input("instagram", Some("2026-03-05T09:00"), "Soon"),
    );
    let other_time = new_post(
        &mut store,
        id,
        &post_input("instagram", Some("2026-03-05T12:00"), "Noon"),
    );
    let a = store
        .apply_adaptation(
            id,
            &entry("Evenings"),
            &AdaptationAction::ReplaceVariant { test_id: t },
            today(),
        )
        .unwrap();
    assert_eq!(
        a.changes
            .iter()
            .map(|c| (c.post_id, c.before.as_str(), c.after.as_str()))
            .collect::<Vec<_>>(),
        [(Some(up), "09:00", "18:00")]
    );
    assert_eq!(a.changes[0].what.en, "Time of “Soon”");
    assert_eq!(
        store.post(id, up).unwrap().data.scheduled_at.as_deref(),
        Some("2026-03-05T18:00")
    );
    assert_eq!(
        store
            .post(id, other_time)
            .unwrap()
            .data
            .scheduled_at
            .as_deref(),
        Some("2026-03-05T12:00")
    );

    // Format: the publication's format.
    let (mut store, id) = store_with_strategy();
    let (t, pa, pb) = decided_test(
        &mut store,
        id,
        VariedElement::Format,
        &published("instagram", "2026-02-10T09:00", "Still"),
        &published("instagram", "2026-02-11T09:00", "Reel"),
    );
    store
        .set_post_format(id, pa, Some(ContentFormat::Photo))
        .unwrap();
    store
        .set_post_format(id, pb, Some(ContentFormat::ShortVideo))
        .unwrap();
    let up = new_post(
        &mut store,
        id,
        &post_input("instagram", Some("2026-03-05T09:00"), "Soon"),
    );
    store
        .set_post_format(id, up, Some(ContentFormat::Photo))
        .unwrap();
    let carousel = new_post(
        &mut store,
        id,
        &post_input("instagram", Some("2026-03-06T09:00"), "Later"),
    );
    store
        .set_post_format(id, carousel, Some(ContentFormat::Carousel))
        .unwrap();
    let no_format = new_post(
        &mut store,
        id,
        &post_input("instagram", Some("2026-03-07T09:00"), "None"),
    );
    let a = store
        .apply_adaptation(
            id,
            &entry("Reels"),
            &AdaptationAction::ReplaceVariant { test_id: t },
            today(),
        )
        .unwrap();
    assert_eq!(
        a.changes
            .iter()
            .map(|c| (c.post_id, c.before.as_str(), c.after.as_str()))
            .collect::<Vec<_>>(),
        [(Some(up), "photo", "short_video")]
    );
    let format = |p: i64| {
        store
            .post_results(id, p)
            .unwrap()
            .publication
            .and_then(|x| x.format)
    };
    assert_eq!(format(up), Some(ContentFormat::ShortVideo));
    assert_eq!(format(carousel), Some(ContentFormat::Carousel));
    assert_eq!(format(no_format), None);
    assert_eq!(
        format(pa),
        Some(ContentFormat::Photo),
        "the test's loser keeps its format"
    );
}

#[test]
fn adaptations_written_by_hand() {
    let (mut store, id) = store_with_strategy();
    let first = store
        .save_adaptation(
            id,
            None,
            &AdaptationInput {
                date: "2026-02-01".into(),
                ..entry("  Fewer photos  ")
            },
        )
        .unwrap();
    let second = store
        .save_adaptation(id, None, &entry("More reels"))
        .unwrap();
    let list = store.adaptations(id).unwrap();
    assert_eq!(
        list.iter().map(|a| a.id).collect::<Vec<_>>(),
        [second, first],
        "newest first"
    );
    assert_eq!(list[1].data.decision, "Fewer photos");
    assert!(list[1].action.is_none() && list[1].changes.is_empty());

    // Editing an applied adaptation keeps its action and changes.
    let applied = store
        .apply_adaptation(
            id,
            &entry("Mix"),
            &AdaptationAction::SetMix {
                network: None,
                weights: MixWeights {
                    promotion: 40,
                    curation: 30,
                    interaction: 30,
                },
            },
            today(),
        )
        .unwrap();
    store
        .save_adaptation(
            id,
            Some(applied.id),
            &AdaptationInput {
                reviewed: true,
                ..entry("Mix, reviewed")
            },
        )
        .unwrap();
    let edited = store
        .adaptations(id)
        .unwrap()
        .into_iter()
        .find(|a| a.id == applied.id)
        .unwrap();
    assert_eq!(edited.data.decision, "Mix, reviewed");
    assert!(edited.data.reviewed);
    assert_eq!(
        (edited.action, edited.changes),
        (applied.action, applied.changes)
    );

    // Validation.
    let e = store
        .save_adaptation(
            id,
            None,
            &AdaptationInput {
                date: "yesterday".into(),
                observation: " ".into(),
                decision: String::new(),
                review_on: Some("2026-02-31".into()),
                ..entry("")
            },
        )
        .unwrap_err();
    assert_eq!(
        codes(e),
        [
            pair("date", "invalid_date"),
            pair("review_on", "invalid_date"),
            pair("decision", "required")
        ]
    );
    // An invalid entry with an action: nothing is applied.
    let e = store
        .apply_adaptation(
            id,
            &AdaptationInput {
                date: "yesterday".into(),
                ..entry("x")
            },
            &AdaptationAction::SetFrequency {
                network: "instagram".into(),
                posts_per_week: Some(4.0),
            },
            today(),
        )
        .unwrap_err();
    assert_eq!(codes(e), [pair("date", "invalid_date")]);
    assert!(store.objectives(id).unwrap().missions.is_empty());

    // Deleting; an unknown one or another strategy's is not found.
    let other = strategy(&mut store, "Other");
    assert!(is_not_found(
        &store.delete_adaptation(other, first).unwrap_err()
    ));
    assert!(is_not_found(
        &store
            .save_adaptation(other, Some(first), &entry("x"))
            .unwrap_err()
    ));
    store.delete_adaptation(id, first).unwrap();
    assert!(is_not_found(
        &store.delete_adaptation(id, first).unwrap_err()
    ));
    assert_eq!(store.adaptations(id).unwrap().len(), 2);
}

#[test]
fn due_reviews_are_listed_across_strategies() {
    let mut store = Store::open_in_memory().unwrap();
    let one = strategy(&mut store, "One");
    let two = strategy(&mut store, "Two");
    // Today in the strategies' time zone, as the rule reads it.
    let today = today_of(&store.strategy(one).unwrap());
    let day = |d: i64| (today + Duration::days(d)).format("%Y-%m-%d").to_string();
    let mut add = |id: i64, decision: &str, review_on: Option<String>, reviewed: bool| {
        store
            .save_adaptation(
                id,
                None,
                &AdaptationInput {
                    review_on,
                    reviewed,
                    ..entry(decision)
                },
            )
            .unwrap()
    };
    let a = add(one, "Yesterday's", Some(day(-1)), false);
    let b = add(two, "Today's", Some(day(0)), false);
    let c = add(two, "Long overdue", Some(day(-10)), false);
    add(one, "Reviewed", Some(day(-3)), true);
    add(one, "Later", Some(day(2)), false);
    add(two, "Never", None, false);
    // Only the observation: it stands for the decision.
    let d = store
        .save_adaptation(
            one,
            None,
            &AdaptationInput {
                observation: "Reels do better".into(),
                decision: String::new(),
                review_on: Some(day(-2)),
                ..entry("")
            },
        )
        .unwrap();
    let due = store.due_reviews().unwrap();
    assert_eq!(
        due.iter()
            .map(|r| (
                r.strategy_id,
                r.adaptation_id,
                r.decision.as_str(),
                r.review_on.clone()
            ))
            .collect::<Vec<_>>(),
        [
            (two, c, "Long overdue", day(-10)),
            (one, d, "Reels do better", day(-2)),
            (one, a, "Yesterday's", day(-1)),
            (two, b, "Today's", day(0)),
        ]
    );
    assert_eq!(due[0].strategy_name, "Two");
    // The step's list says the same of each adaptation (the UI shows its badge from `due`).
    let due_in_list = |id: i64| {
        let mut v: Vec<(String, bool)> = store
            .adaptations(id)
            .unwrap()
            .into_iter()
            .map(|a| (a.data.decision, a.due))
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        due_in_list(one),
        [
            (String::new(), true),
            ("Later".to_owned(), false),
            ("Reviewed".to_owned(), false),
            ("Yesterday's".to_owned(), true),
        ]
    );
    assert_eq!(
        due_in_list(two),
        [
            ("Long overdue".to_owned(), true),
            ("Never".to_owned(), false),
            ("Today's".to_owned(), true),
        ]
    );
    // Marked reviewed, it is no longer due.
    store
        .save_adaptation(
            two,
            Some(c),
            &AdaptationInput {
                review_on: Some(day(-10)),
                reviewed: true,
                ..entry("Long overdue")
            },
        )
        .unwrap();
    assert_eq!(store.due_reviews().unwrap().len(), 3);
}

#[test]
fn step_5_writes_date_the_strategy_and_failed_deletes_write_nothing() {
    let (mut store, id) = store_with_strategy();
    let old = "2000-01-01T00:00:00.000Z";
    let reset = |store: &Store| {
        store
            .conn()
            .execute("UPDATE strategy SET updated_at = ?1", [old])
            .unwrap();
    };
    let touched = |store: &Store| store.strategy(id).unwrap().updated_at != old;
    let o = store
        .save_objective(
            id,
            None,
            &objective("Visits", Some(KpiMetric::QualifiedVisits), &[]),
        )
        .unwrap();

    reset(&store);
    let reading = store
        .save_kpi_reading(id, o, "2026-02-01", 10.0, "")
        .unwrap()[0]
        .id;
    assert!(touched(&store), "save_kpi_reading");
    reset(&store);
    store.delete_kpi_reading(id, reading).unwrap();
    assert!(touched(&store), "delete_kpi_reading");

    reset(&store);
    let t = store
        .save_ab_test(
            id,
            None,
            &test_input(
                VariedElement::Title,
                vec![typed("A", 1, 10), typed("B", 2, 10)],
            ),
        )
        .unwrap();
    assert!(touched(&store), "save_ab_test");
    reset(&store);
    store.delete_ab_test(id, t).unwrap();
    assert!(touched(&store), "delete_ab_test");

    reset(&store);
    let a = store.save_adaptation(id, None, &entry("x")).unwrap();
    assert!(touched(&store), "save_adaptation");
    reset(&store);
    store.delete_adaptation(id, a).unwrap();
    assert!(touched(&store), "delete_adaptation");

    // Deleting what is not there fails and leaves the strategy as it was.
    reset(&store);
    assert!(is_not_found(
        &store.delete_kpi_reading(id, reading).unwrap_err()
    ));
    assert!(is_not_found(&store.delete_ab_test(id, t).unwrap_err()));
    assert!(is_not_found(&store.delete_adaptation(id, a).unwrap_err()));
    assert!(!touched(&store));
}

// ---------------------------------------------------------------------------------------------------------------
// The sample.

fn without_names_and_times(mut d: StrategyData) -> StrategyData {
    d.name = String::new();
    d.created_at = String::new();
    d.updated_at = String::new();
    d
}

#[test]
fn the_sample_step_5_goes_through_the_strategy_file_losslessly() {
    let mut store = Store::open_in_memory().unwrap();
    let s = store.create_sample().unwrap();
    let first = store.export_strategy(s.id).unwrap();
    let data = &first.strategy;
    assert!(
        data.calendar.posts.iter().any(|p| !p.results.is_empty()),
        "the sample has results"
    );
    assert!(data
        .calendar
        .posts
        .iter()
        .any(|p| p.publication.as_ref().is_some_and(|x| x.format.is_some())));
    assert_eq!(data.adapt.tests.len(), 2);
    assert!(data.adapt.adaptations.len() >= 2);
    assert!(data.adapt.adaptations.iter().any(|a| a.action.is_some()));
    assert!(data
        .objectives
        .objectives
        .iter()
        .any(|o| !o.readings.is_empty()));

    // Into another store and out again.
    let mut other = Store::open_in_memory().unwrap();
    let imported = other.import_strategy(&first).unwrap();
    let second = other.export_strategy(imported.id).unwrap();
    assert_eq!(
        without_names_and_times(first.strategy.clone()),
        without_names_and_times(second.strategy.clone())
    );
    // And into the same store, beside the original.
    let again = store.import_strategy(&first).unwrap();
    assert_ne!(again.name, s.name);
    let third = store.export_strategy(again.id).unwrap();
    assert_eq!(
        without_names_and_times(first.strategy),
        without_names_and_times(third.strategy)
    );
    // The tests keep their verdicts.
    let verdicts = |store: &Store, id: i64| {
        store
            .ab_tests(id)
            .unwrap()
            .into_iter()
            .map(|t| (t.data, t.status, t.winner))
            .collect::<Vec<_>>()
    };
    assert_eq!(verdicts(&store, s.id).len(), 2);
    let mut mine = verdicts(&store, s.id);
    let mut theirs = verdicts(&other, imported.id);
    // Post ids differ from store to store.
    for (x, _, _) in mine.iter_mut().chain(theirs.iter_mut()) {
        for v in &mut x.variants {
            v.post_id = None;
        }
    }
    assert_eq!(mine, theirs);
}

#[test]
fn the_sample_evaluation_has_something_to_say() {
    let mut store = Store::open_in_memory().unwrap();
    let s = store.create_sample().unwrap();
    let today = today_of(&s);
    let e = store.evaluate(s.id, None, None, today).unwrap();
    assert!(!e.underperformers.is_empty(), "at least one underperformer");
    assert!(e.overall.posts > 0 && !e.groups.is_empty() && !e.top.is_empty());
    let tests = store.ab_tests(s.id).unwrap();
    let count = |status: AbStatus| tests.iter().filter(|t| t.status == status).count();
    assert_eq!(count(AbStatus::Decided), 1);
    assert_eq!(count(AbStatus::Running), 1);
    let decided = tests
        .iter()
        .find(|t| t.status == AbStatus::Decided)
        .unwrap();
    assert!(decided.verdicts[0].en.contains("beats"));
    assert!(!store.learnings_for(s.id, "instagram").unwrap().is_empty());
    let no_data: Vec<&str> = e
        .objectives
        .iter()
        .filter(|t| t.status == KpiStatus::NoData)
        .map(|t| t.title.as_str())
        .collect();
    assert!(no_data.len() <= 1, "objectives without data: {no_data:?}");
    // A flow from posts sums its review period: a KPI counted "per month" is reviewed monthly.
    for t in &e.objectives {
        if t.source == KpiSource::Posts && t.unit.ends_with("/ mois") {
            assert_eq!(t.period_days, Some(30), "{}", t.title);
        }
    }
    assert!(!e.objectives.is_empty());
    // Its adaptation due for review shows on the home screen.
    assert!(store
        .due_reviews()
        .unwrap()
        .iter()
        .any(|r| r.strategy_id == s.id));
}
