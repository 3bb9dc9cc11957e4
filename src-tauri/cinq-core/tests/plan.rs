//! Planning a period (plan.rs): property tests over random feasible strategies (step 4's checks find nothing on the
//! plan, the same data gives the same plan, posts already there are untouched, planning writes nothing until the
//! plan is accepted), an infeasible strategy and its note, bad input, relays, re-runs, the slots' reasons, the
//! strategy file and the CLI.

mod support;

use chrono::{Datelike, Duration, NaiveDate};
use cinq_core::calendar::checks::CheckOptions;
use cinq_core::calendar::plan::*;
use cinq_core::calendar::*;
use cinq_core::findings::FindingKind;
use cinq_core::objectives::*;
use cinq_core::{CoreError, Language, Store, StrategyInput};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

fn day(s: &str) -> NaiveDate {
    cinq_core::dates::parse_day(s).unwrap()
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn new_strategy(store: &mut Store) -> i64 {
    store
        .create_strategy(&StrategyInput {
            name: "Brand".into(),
            organisation: String::new(),
            sector: String::new(),
            language: Language::En,
            timezone: "Europe/Paris".into(),
            start_date: "2030-01-01".into(),
        })
        .unwrap()
        .id
}

fn objective(title: &str, t: ObjectiveType, networks: &[&str]) -> ObjectiveInput {
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
        networks: networks.iter().map(|n| (*n).to_owned()).collect(),
        owner: String::new(),
        contribution: String::new(),
    }
}

fn post(network: &str, at: &str, pillar: Pillar, topic: Option<i64>, objective: i64) -> PostInput {
    PostInput {
        network: network.into(),
        scheduled_at: Some(at.into()),
        pillar: Some(pillar),
        topic_id: topic,
        title: "Already there".into(),
        status: PostStatus::Ready,
        objective_id: Some(objective),
        ..PostInput::blank()
    }
}

fn codes(e: CoreError) -> Vec<(String, String)> {
    match e {
        CoreError::Validation(f) => f.into_iter().map(|f| (f.field, f.code)).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn request(from: &str, to: &str) -> PlanRequest {
    PlanRequest {
        from: from.into(),
        to: to.into(),
        networks: Vec::new(),
        avoid: Vec::new(),
        recycle: false,
        cooldown_days: None,
    }
}

/// The kinds of finding a plan must leave none of.
const PLANNED_KINDS: [FindingKind; 9] = [
    FindingKind::FrequencyTooLow,
    FindingKind::FrequencyTooHigh,
    FindingKind::EmptyWeeks,
    FindingKind::TopicRepeated,
    FindingKind::TopicDominant,
    FindingKind::MissionMisfit,
    FindingKind::MixOffTarget,
    FindingKind::PostCollision,
    FindingKind::PostWithoutObjective,
];

fn remaining(store: &Store, id: i64, from: NaiveDate, to: NaiveDate) -> Vec<String> {
    store
        .calendar_checks(id, Some(from), Some(to), &CheckOptions::default())
        .unwrap()
        .findings
        .into_iter()
        .filter(|f| PLANNED_KINDS.contains(&f.finding.kind))
        .map(|f| {
            format!(
                "{:?}: {} — {}",
                f.finding.kind, f.finding.title.en, f.finding.explanation.en
            )
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------------------------
// Random feasible strategies.
//
// What the generator assumes, so that a plan can meet every check:
// - the period has 4 to 30 whole weeks (and 0 to 6 more days), today is its first day or before it, and each
//   network's posts per week are 0.5 to 7: a whole number of posts within 75–150 % of the target exists;
// - every pillar of the mix weighs 15 % or more (multiples of 5), and each mission's main pillars carry at least half
//   of the mix that applies on its network (the generator adds pillars to a mission until they do), so that following
//   the mix keeps each mission's half; a network's own mix moves 5 points from one pillar to another of the
//   strategy's, so that the strategy's mix stays reachable;
// - a pillar has no topic or 3 to 4 (so that no topic needs more than 40 % of the posts and none repeats);
// - every network has an objective;
// - posts already there (in the period or two weeks around it): per network at most a sixth of its target over the
//   period, on distinct days, in the heaviest pillar of its mission (of the mix when the mission names none), with
//   its topics in turn, each serving an objective, so that they neither collide, repeat a topic, nor take more of a
//   pillar than the mix allows (relays and existing posts stay under a third of a network's posts, and the heaviest
//   pillar weighs a third or more);
// - at most one editorial item per 12 weeks (its relays are promotion), at most two avoided days per week.

const KEYS: [&str; 6] = [
    "facebook",
    "instagram",
    "linkedin",
    "x",
    "tiktok",
    "pinterest",
];
const PACES: [f64; 7] = [0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 7.0];
const TYPES: [ObjectiveType; 7] = ObjectiveType::ALL;

#[derive(Debug, Clone)]
struct NetSpec {
    key: &'static str,
    pace: f64,
    pillars: Vec<Pillar>,
    own_mix: Option<MixWeights>,
    objectives: Vec<ObjectiveType>,
    /// (day offset, hour, topic pick) of posts already there.
    existing: Vec<(i64, u32, usize)>,
}

#[derive(Debug, Clone)]
struct Spec {
    from: NaiveDate,
    days: i64,
    today_before: i64,
    mix: MixWeights,
    topics: [usize; 3],
    nets: Vec<NetSpec>,
    /// A selected network with no posts per week.
    idle: bool,
    items: Vec<i64>,
    avoid: Vec<i64>,
}

fn weights(p: u32, c: u32) -> MixWeights {
    MixWeights {
        promotion: p,
        curation: c,
        interaction: 100 - p - c,
    }
}

/// Adds pillars (heaviest first) to `mission` until they carry half of `mix`.
fn half(mut mission: Vec<Pillar>, mix: MixWeights) -> Vec<Pillar> {
    if mission.is_empty() {
        return mission;
    }
    let mut by_weight = Pillar::ALL.to_vec();
    by_weight.sort_by_key(|p| std::cmp::Reverse(mix.of(*p)));
    for p in by_weight {
        if mission.iter().map(|x| mix.of(*x)).sum::<u32>() >= 50 {
            break;
        }
        if !mission.contains(&p) {
            mission.push(p);
        }
    }
    mission.sort();
    mission
}

fn spec() -> impl Strategy<Value = Spec> {
    let mix = (3u32..=14, 3u32..=14)
        .prop_filter("each pillar 15 % or more", |(p, c)| p * 5 + c * 5 <= 85)
        .prop_map(|(p, c)| weights(p * 5, c * 5));
    let net = (
        0usize..7,
        0u8..8,
        prop::option::weighted(0.25, (0usize..3, 0usize..3)),
        prop::collection::vec(0usize..7, 1..=2),
        prop::collection::vec((0i64..400, 8u32..=20, 0usize..8), 0..8),
    );
    (
        0i64..7,
        4i64..=30,
        0i64..7,
        0i64..4,
        mix,
        prop::array::uniform3(prop::sample::select(vec![0usize, 3, 4])),
        prop::collection::vec(net, 1..=4),
        any::<bool>(),
        prop::collection::vec(0i64..400, 0..4),
        prop::collection::vec(0i64..400, 0..30),
    )
        .prop_map(
            |(shift, weeks, extra, before, mix, topics, nets, idle, items, avoid)| {
                let from = day("2030-01-07") + Duration::days(shift);
                let days = weeks * 7 + extra;
                let mut specs: Vec<NetSpec> = Vec::new();
                for (i, (pace, mask, own, types, existing)) in nets.into_iter().enumerate() {
                    let pace = PACES[pace];
                    let own_mix = own.and_then(|(a, b)| {
                        let mut w = [mix.promotion, mix.curation, mix.interaction];
                        if a == b || w[a] < 20 {
                            return None;
                        }
                        w[a] -= 5;
                        w[b] += 5;
                        Some(weights(w[0], w[1]))
                    });
                    let chosen: Vec<Pillar> = (0..3)
                        .filter(|b| mask & (1 << b) != 0)
                        .map(|b| Pillar::ALL[b])
                        .collect();
                    let pillars = half(chosen, own_mix.unwrap_or(mix));
                    // At most a sixth of the target over the period, on distinct days.
                    let cap = (pace * days as f64 / 7.0 / 6.0).floor() as usize;
                    let mut seen = std::collections::BTreeSet::new();
                    let existing: Vec<(i64, u32, usize)> = existing
                        .into_iter()
                        // Some just outside the period: they count for collisions and spacing only.
                        .map(|(d, h, t)| (d % (days + 28) - 14, h, t))
                        .filter(|(d, _, _)| seen.insert(*d))
                        .take(cap)
                        .collect();
                    specs.push(NetSpec {
                        key: KEYS[i],
                        pace,
                        pillars,
                        own_mix,
                        objectives: types.into_iter().map(|t| TYPES[t]).collect(),
                        existing,
                    });
                }
                let items: Vec<i64> = items
                    .into_iter()
                    .take((weeks / 12) as usize)
                    .map(|d| d % days)
                    .collect();
                let mut per_block = std::collections::BTreeMap::new();
                let avoid: Vec<i64> = avoid
                    .into_iter()
                    .map(|d| d % days)
                    .filter(|d| {
                        let n = per_block.entry(d / 7).or_insert(0);
                        *n += 1;
                        *n <= 2
                    })
                    .collect();
                Spec {
                    from,
                    days,
                    today_before: before,
                    mix,
                    topics,
                    nets: specs,
                    idle,
                    items,
                    avoid,
                }
            },
        )
}

/// The strategy of `spec` in a new in-memory store.
fn build(spec: &Spec) -> (Store, i64) {
    let mut store = Store::open_in_memory().unwrap();
    let id = new_strategy(&mut store);
    store.set_audit_options(id, true, 30).unwrap();
    for n in &spec.nets {
        store.select_network(id, n.key, true).unwrap();
    }
    if spec.idle {
        store.select_network(id, "youtube", true).unwrap();
    }
    store.save_mix(id, None, Some(&spec.mix)).unwrap();
    let mut topics: [Vec<i64>; 3] = Default::default();
    for (i, count) in spec.topics.iter().enumerate() {
        for t in 0..*count {
            topics[i].push(
                store
                    .save_topic(
                        id,
                        None,
                        &TopicInput {
                            pillar: Pillar::ALL[i],
                            name: format!("{} {}", Pillar::ALL[i].name().0, t + 1),
                            description: String::new(),
                        },
                    )
                    .unwrap(),
            );
        }
    }
    let from = spec.from;
    for n in &spec.nets {
        let ids: Vec<i64> = n
            .objectives
            .iter()
            .enumerate()
            .map(|(i, t)| {
                store
                    .save_objective(
                        id,
                        None,
                        &objective(&format!("{} {i}", n.key), *t, &[n.key]),
                    )
                    .unwrap()
            })
            .collect();
        store
            .save_mission(
                id,
                &Mission {
                    network: n.key.into(),
                    statement: String::new(),
                    audiences: Vec::new(),
                    objectives: ids.clone(),
                    pillars: n.pillars.clone(),
                    posts_per_week: Some(n.pace),
                },
            )
            .unwrap();
        if let Some(w) = &n.own_mix {
            store.save_mix(id, Some(n.key), Some(w)).unwrap();
        }
        let applies = n.own_mix.unwrap_or(spec.mix);
        let pillar = if n.pillars.is_empty() {
            Pillar::ALL.to_vec()
        } else {
            n.pillars.clone()
        }
        .into_iter()
        .max_by_key(|p| (applies.of(*p), std::cmp::Reverse(*p)))
        .unwrap();
        let mut existing = n.existing.clone();
        existing.sort();
        let first = existing.first().map_or(0, |e| e.2);
        for (j, (offset, hour, _)) in existing.iter().enumerate() {
            let under = &topics[Pillar::ALL.iter().position(|p| *p == pillar).unwrap()];
            // In turn from a random first one, so that they make no run of their own.
            let topic = (!under.is_empty()).then(|| under[(j + first) % under.len()]);
            let at = format!("{}T{hour:02}:00", iso(from + Duration::days(*offset)));
            store
                .save_post(id, None, &post(n.key, &at, pillar, topic, ids[0]))
                .unwrap();
        }
    }
    if spec.idle {
        store
            .save_mission(
                id,
                &Mission {
                    network: "youtube".into(),
                    statement: String::new(),
                    audiences: Vec::new(),
                    objectives: Vec::new(),
                    pillars: Vec::new(),
                    posts_per_week: None,
                },
            )
            .unwrap();
    }
    for (i, offset) in spec.items.iter().enumerate() {
        store
            .save_editorial(
                id,
                None,
                &EditorialItemInput {
                    item_type: EditorialType::Article,
                    date: iso(from + Duration::days(*offset)),
                    title: format!("Article {i}"),
                    theme: String::new(),
                    owner: String::new(),
                    status: EditorialStatus::Planned,
                    link: "https://example.com/a".into(),
                },
            )
            .unwrap();
    }
    (store, id)
}

impl Spec {
    fn to(&self) -> NaiveDate {
        self.from + Duration::days(self.days - 1)
    }
    fn today(&self) -> NaiveDate {
        self.from - Duration::days(self.today_before)
    }
    fn request(&self) -> PlanRequest {
        PlanRequest {
            avoid: self
                .avoid
                .iter()
                .map(|d| iso(self.from + Duration::days(*d)))
                .collect(),
            ..request(&iso(self.from), &iso(self.to()))
        }
    }
}

fn check_spec(spec: &Spec) -> Result<(), TestCaseError> {
    let (mut store, id) = build(spec);
    let before = store.calendar(id, None, None).unwrap();
    let updated = store.strategy(id).unwrap().updated_at;
    let plan = store
        .plan_period(id, &spec.request(), spec.today())
        .unwrap();
    // The same data gives the same plan; planning writes nothing.
    let again = store
        .plan_period(id, &spec.request(), spec.today())
        .unwrap();
    prop_assert_eq!(&plan, &again);
    // What the store reads (the period, a week on each side, the relays) plans as the whole calendar does.
    let whole = store.calendar(id, None, None).unwrap();
    let opts = spec
        .request()
        .options(spec.today(), CheckOptions::default())
        .unwrap();
    let pure = cinq_core::calendar::plan::plan(
        &PlanInput {
            calendar: &whole,
            objectives: &store.objectives(id).unwrap(),
            audit: &store.audit(id).unwrap(),
            slots: &default_slots,
            rates: &std::collections::HashMap::new(),
            variants: &cinq_core::adapt::abtests::VariantGroups::default(),
        },
        &opts,
    )
    .unwrap();
    prop_assert_eq!(&plan, &pure);
    prop_assert_eq!(&store.calendar(id, None, None).unwrap(), &before);
    prop_assert_eq!(store.strategy(id).unwrap().updated_at, updated);

    let avoided: Vec<String> = spec.request().avoid;
    for p in &plan.posts {
        let at = p.post.scheduled_at.as_deref().unwrap();
        prop_assert!(
            !avoided.iter().any(|d| at.starts_with(d.as_str())),
            "{at} is avoided"
        );
        prop_assert!(
            at[..10] >= *iso(spec.today()) && at[..10] >= *iso(spec.from),
            "{at}"
        );
        prop_assert!(at[..10] <= *iso(spec.to()), "{at}");
        prop_assert!(p.post.planned);
        prop_assert_eq!(p.post.status, PostStatus::Draft);
        prop_assert!(p.post.objective_id.is_some());
        prop_assert!(!p.reason.en.is_empty() && !p.reason.fr.is_empty());
        prop_assert!(!p.reason.en.contains('\n') && !p.reason.fr.contains('\n'));
    }

    let written = store.accept_plan(id, &plan.posts).unwrap();
    prop_assert_eq!(written.len(), plan.posts.len());
    // The posts already there are as they were.
    let after = store.calendar(id, None, None).unwrap();
    for p in &before.posts {
        prop_assert_eq!(Some(p), after.posts.iter().find(|q| q.id == p.id));
    }
    prop_assert_eq!(after.posts.len(), before.posts.len() + plan.posts.len());
    let left = remaining(&store, id, spec.from, spec.to());
    prop_assert!(left.is_empty(), "{left:#?}\nnotes: {:#?}", plan.notes);
    let still: Vec<&str> = plan
        .notes
        .iter()
        .map(|n| n.en.as_str())
        .filter(|n| n.starts_with("Still found"))
        .collect();
    prop_assert!(still.is_empty(), "{still:?}");
    Ok(())
}

#[test]
fn plans_of_feasible_strategies_meet_the_checks() {
    // 96 cases a run; `PROPTEST_CASES` (and `PROPTEST_RNG_SEED`) explore further.
    let base = Config::default();
    let mut runner = TestRunner::new(Config {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            base.cases
        } else {
            96
        },
        failure_persistence: None,
        ..base
    });
    runner.run(&spec(), |s| check_spec(&s)).unwrap();
}

/// Cases the property once failed on, kept as examples.
#[test]
fn plans_of_strategies_that_once_failed_meet_the_checks() {
    // Three topics under curation only, 12 posts with a topic: avoiding two in a row used to give one topic 5 of
    // them (41.7 %, a dominant topic).
    let net = |key: &'static str, pace: f64, own_mix: Option<MixWeights>| NetSpec {
        key,
        pace,
        pillars: Vec::new(),
        own_mix,
        objectives: vec![ObjectiveType::Awareness],
        existing: Vec::new(),
    };
    let dominant = Spec {
        from: day("2030-01-10"),
        days: 28,
        today_before: 0,
        mix: weights(30, 50),
        topics: [0, 3, 0],
        nets: vec![
            net("facebook", 5.0, Some(weights(30, 45))),
            net("instagram", 1.0, None),
        ],
        idle: false,
        items: Vec::new(),
        avoid: Vec::new(),
    };
    check_spec(&dominant).unwrap();

    // One network of 7 posts with a mix of its own (60 / 20 / 20) against the strategy's (65 / 15 / 20): the
    // strategy's whole counts (5 / 1 / 1) would take the network off its own mix, and its own counts (4 / 2 / 1) the
    // strategy off its; 4 / 1 / 2 keeps both within tolerance.
    let mix_between = Spec {
        from: day("2030-01-07"),
        days: 31,
        today_before: 0,
        mix: weights(65, 15),
        topics: [0, 0, 0],
        nets: vec![net("facebook", 1.5, Some(weights(60, 20)))],
        idle: false,
        items: Vec::new(),
        avoid: Vec::new(),
    };
    check_spec(&mix_between).unwrap();
}

// ---------------------------------------------------------------------------------------------------------------
// Examples.

/// A strategy on Facebook (3 a week, promotion and interaction) and LinkedIn (1 a week, curation), mix 30/30/40,
/// two topics under each pillar but interaction, which has none.
fn example() -> (Store, i64, [i64; 2]) {
    let mut store = Store::open_in_memory().unwrap();
    let id = new_strategy(&mut store);
    store.set_audit_options(id, true, 30).unwrap();
    store.select_network(id, "facebook", true).unwrap();
    store.select_network(id, "linkedin", true).unwrap();
    store.save_mix(id, None, Some(&weights(30, 30))).unwrap();
    for (pillar, name) in [
        (Pillar::Promotion, "Offers"),
        (Pillar::Promotion, "New products"),
        (Pillar::Promotion, "Workshops"),
        (Pillar::Curation, "Tips"),
        (Pillar::Curation, "Press"),
        (Pillar::Curation, "Partners"),
    ] {
        store
            .save_topic(
                id,
                None,
                &TopicInput {
                    pillar,
                    name: name.into(),
                    description: String::new(),
                },
            )
            .unwrap();
    }
    let fb = store
        .save_objective(
            id,
            None,
            &objective("Sales", ObjectiveType::Conversions, &["facebook"]),
        )
        .unwrap();
    let li = store
        .save_objective(
            id,
            None,
            &objective("Reputation", ObjectiveType::Reputation, &["linkedin"]),
        )
        .unwrap();
    for (network, o, pillars, pace) in [
        (
            "facebook",
            fb,
            vec![Pillar::Promotion, Pillar::Interaction],
            3.0,
        ),
        ("linkedin", li, vec![Pillar::Curation], 1.0),
    ] {
        store
            .save_mission(
                id,
                &Mission {
                    network: network.into(),
                    statement: String::new(),
                    audiences: Vec::new(),
                    objectives: vec![o],
                    pillars,
                    posts_per_week: Some(pace),
                },
            )
            .unwrap();
    }
    (store, id, [fb, li])
}

#[test]
fn a_plan_meets_the_checks_and_explains_each_post() {
    let (mut store, id, [fb, li]) = example();
    let plan = store
        .plan_period(id, &request("2030-03-04", "2030-05-26"), day("2030-03-01"))
        .unwrap();
    // 12 weeks: 36 posts on Facebook, 12 on LinkedIn.
    let on = |n: &str| plan.posts.iter().filter(|p| p.post.network == n).count();
    assert_eq!((on("facebook"), on("linkedin")), (36, 12));
    for p in &plan.posts {
        let o = p.post.objective_id.unwrap();
        assert_eq!(o, if p.post.network == "facebook" { fb } else { li });
        assert!(p.post.text.is_empty(), "no invented text");
        if p.post.pillar == Some(Pillar::Interaction) {
            assert_eq!(p.post.topic_id, None);
            assert_eq!(p.post.title, "Interaction");
        } else {
            assert!(p.post.topic_id.is_some());
        }
    }
    // Default hours, with their source.
    let first = &plan.posts[0];
    assert!(
        first.reason.en.contains("a usual good hour on")
            && first.reason.en.contains("(Sprout Social, 2023)"),
        "{}",
        first.reason.en
    );
    assert!(
        first
            .reason
            .fr
            .contains("une heure habituellement favorable"),
        "{}",
        first.reason.fr
    );
    assert!(
        plan.posts.iter().any(|p| p
            .reason
            .en
            .ends_with("curation: a main pillar of its mission; the mix asks for 30 %")),
        "{:#?}",
        plan.posts.iter().map(|p| &p.reason.en).collect::<Vec<_>>()
    );
    assert!(plan.posts.iter().any(|p| p
        .reason
        .fr
        .ends_with("curation : un pilier principal de sa mission ; le mix en demande 30 %")));
    // The pillar with no topic is planned by pillar alone, and the answer says so.
    assert_eq!(plan.notes.len(), 1, "{:#?}", plan.notes);
    assert_eq!(
        plan.notes[0].en,
        "No topic under the interaction pillar (step 3): its posts are planned by pillar alone."
    );
    store.accept_plan(id, &plan.posts).unwrap();
    assert_eq!(
        remaining(&store, id, day("2030-03-04"), day("2030-05-26")),
        Vec::<String>::new()
    );
    // The posts are planned drafts, and the list view can tell them.
    let cal = store.calendar(id, None, None).unwrap();
    assert!(cal
        .posts
        .iter()
        .all(|p| p.data.planned && p.data.status == PostStatus::Draft));
}

#[test]
fn posts_already_in_the_period_count_and_stay() {
    let (mut store, id, [fb, _]) = example();
    // Three Facebook posts in the first week already: nothing more that week.
    let mine: Vec<i64> = ["2030-03-04T09:00", "2030-03-06T09:00", "2030-03-08T09:00"]
        .iter()
        .map(|at| {
            store
                .save_post(id, None, &post("facebook", at, Pillar::Promotion, None, fb))
                .unwrap()
        })
        .collect();
    let before: Vec<Post> = mine.iter().map(|p| store.post(id, *p).unwrap()).collect();
    let plan = store
        .plan_period(id, &request("2030-03-04", "2030-03-31"), day("2030-03-01"))
        .unwrap();
    let first_week = plan
        .posts
        .iter()
        .filter(|p| {
            p.post.network == "facebook" && p.post.scheduled_at.as_deref().unwrap() < "2030-03-11"
        })
        .count();
    assert_eq!(first_week, 0);
    assert_eq!(
        plan.posts
            .iter()
            .filter(|p| p.post.network == "facebook")
            .count(),
        9
    );
    // The mix counts them: promotion is already well served on Facebook.
    store.accept_plan(id, &plan.posts).unwrap();
    for p in &before {
        assert_eq!(&store.post(id, p.id).unwrap(), p);
    }
    assert_eq!(
        remaining(&store, id, day("2030-03-04"), day("2030-03-31")),
        Vec::<String>::new()
    );
}

#[test]
fn nothing_goes_on_an_avoided_day_or_before_today() {
    let (store, id, _) = example();
    let mut req = request("2030-03-04", "2030-03-31");
    req.avoid = vec!["2030-03-19".into(), "2030-03-20".into()];
    let plan = store.plan_period(id, &req, day("2030-03-13")).unwrap();
    assert!(!plan.posts.is_empty());
    for p in &plan.posts {
        let d = &p.post.scheduled_at.as_deref().unwrap()[..10];
        assert!(
            d >= "2030-03-13" && d != "2030-03-19" && d != "2030-03-20",
            "{d}"
        );
    }
    // The past weeks cannot be planned, and the notes say what the checks still find.
    assert!(
        plan.notes.iter().any(|n| n
            .en
            .contains("no day can take a post in the week starting 2030-03-04")),
        "{:#?}",
        plan.notes
    );
    assert!(plan
        .notes
        .iter()
        .any(|n| n.en.starts_with("Still found on the planned period: ")));
}

#[test]
fn an_infeasible_strategy_gets_its_best_plan_and_a_note() {
    // Every mission is promotion only, while the mix asks for a third each: mission fit needs half of each network's
    // posts in promotion, the mix a third overall. The plan keeps the missions and says the mix cannot be met.
    let mut store = Store::open_in_memory().unwrap();
    let id = new_strategy(&mut store);
    store.set_audit_options(id, true, 30).unwrap();
    for n in ["facebook", "instagram"] {
        store.select_network(id, n, true).unwrap();
        let o = store
            .save_objective(id, None, &objective(n, ObjectiveType::Conversions, &[n]))
            .unwrap();
        store
            .save_mission(
                id,
                &Mission {
                    network: n.into(),
                    statement: String::new(),
                    audiences: Vec::new(),
                    objectives: vec![o],
                    pillars: vec![Pillar::Promotion],
                    posts_per_week: Some(3.0),
                },
            )
            .unwrap();
    }
    store
        .save_mix(id, None, Some(&MixWeights::DEFAULT))
        .unwrap();
    let plan = store
        .plan_period(id, &request("2030-03-04", "2030-04-28"), day("2030-03-01"))
        .unwrap();
    assert_eq!(plan.posts.len(), 48);
    let notes: Vec<&str> = plan.notes.iter().map(|n| n.en.as_str()).collect();
    assert!(
        notes.contains(
            &"The strategy's mix cannot be met for promotion: each mission keeps at least half of its network's posts \
              in its main pillars, and the posts already in the period count."
        ),
        "{notes:#?}"
    );
    assert!(notes
        .iter()
        .any(|n| n.starts_with("Still found on the planned period: ")));
    assert!(plan.notes.iter().any(|n| n
        .fr
        .starts_with("Le mix de la stratégie ne peut pas être tenu pour promotion")));
    store.accept_plan(id, &plan.posts).unwrap();
    let left = remaining(&store, id, day("2030-03-04"), day("2030-04-28"));
    assert_eq!(left.len(), 1, "{left:#?}");
    assert!(left[0].starts_with("MixOffTarget"));
    // Promotion is exactly half on each network: the missions hold, and the mix comes as close as they allow.
    let cal = store.calendar(id, None, None).unwrap();
    let promo = cal
        .posts
        .iter()
        .filter(|p| p.data.pillar == Some(Pillar::Promotion))
        .count();
    assert_eq!(promo, 24);
}

#[test]
fn bad_input_is_refused_and_changes_nothing() {
    let (store, id, _) = example();
    let today = day("2030-01-01");
    let e = store
        .plan_period(id, &request("2030-03-04", "2030-03-03"), today)
        .unwrap_err();
    assert_eq!(e.to_string(), "to: the period ends before it starts");
    let e = store
        .plan_period(id, &request("2030-03-04", "2031-03-05"), today)
        .unwrap_err();
    assert_eq!(e.to_string(), "to: a plan covers at most 366 days (a year)");
    assert!(store
        .plan_period(id, &request("2030-03-04", "2031-03-04"), today)
        .is_ok());
    let e = store
        .plan_period(id, &request("2030-02-30", "2030-03-03"), today)
        .unwrap_err();
    assert_eq!(
        codes(e),
        vec![("from".to_owned(), "invalid_date".to_owned())]
    );
    let mut req = request("2030-03-04", "2030-03-31");
    req.networks = vec!["tiktok".into()];
    let e = store.plan_period(id, &req, today).unwrap_err();
    assert_eq!(
        codes(e),
        vec![("networks".to_owned(), "not_planned".to_owned())]
    );

    // A strategy with no mission that sets posts per week: the message names what step 3 must hold.
    let mut store = Store::open_in_memory().unwrap();
    let id = new_strategy(&mut store);
    store.set_audit_options(id, true, 30).unwrap();
    store.select_network(id, "facebook", true).unwrap();
    let e = store
        .plan_period(id, &request("2030-03-04", "2030-03-31"), today)
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "missions: no mission of a network the audit kept sets its posts per week; step 3 must give at least one \
         mission its posts per week"
    );
}

#[test]
fn only_the_networks_asked_for_are_planned() {
    let (store, id, _) = example();
    let mut req = request("2030-03-04", "2030-03-31");
    req.networks = vec!["linkedin".into()];
    let plan = store.plan_period(id, &req, day("2030-03-01")).unwrap();
    assert_eq!(plan.posts.len(), 4);
    assert!(plan.posts.iter().all(|p| p.post.network == "linkedin"));
}

#[test]
fn editorial_items_are_relayed_where_the_mission_fits_and_existing_relays_are_reused() {
    let (mut store, id, [fb, _]) = example();
    let item = store
        .save_editorial(
            id,
            None,
            &EditorialItemInput {
                item_type: EditorialType::Article,
                date: "2030-03-13".into(),
                title: "How we make candles".into(),
                theme: String::new(),
                owner: String::new(),
                status: EditorialStatus::Planned,
                link: "https://example.com/candles".into(),
            },
        )
        .unwrap();
    let plan = store
        .plan_period(id, &request("2030-03-04", "2030-03-31"), day("2030-03-01"))
        .unwrap();
    let relays: Vec<&ProposedPost> = plan
        .posts
        .iter()
        .filter(|p| p.post.editorial_item_id == Some(item))
        .collect();
    // Facebook's mission names promotion; LinkedIn's is curation only.
    assert_eq!(relays.len(), 1);
    let r = &relays[0].post;
    assert_eq!(r.network, "facebook");
    assert_eq!(&r.scheduled_at.as_deref().unwrap()[..10], "2030-03-13");
    assert_eq!(r.pillar, Some(Pillar::Promotion));
    assert_eq!(r.title, "How we make candles");
    assert_eq!(r.text, "How we make candles https://example.com/candles");
    assert_eq!(r.objective_id, Some(fb));
    assert!(
        relays[0]
            .reason
            .en
            .ends_with("relays “How we make candles” of 2030-03-13"),
        "{}",
        relays[0].reason.en
    );
    // It counts toward Facebook's 3 a week.
    assert_eq!(
        plan.posts
            .iter()
            .filter(|p| p.post.network == "facebook")
            .count(),
        12
    );

    // A relay that exists (even long after the period, or as an idea) is reused.
    let later = store
        .save_post(
            id,
            None,
            &PostInput {
                network: "facebook".into(),
                scheduled_at: Some("2030-09-01T10:00".into()),
                title: "Relay".into(),
                editorial_item_id: Some(item),
                ..PostInput::blank()
            },
        )
        .unwrap();
    let relays = |store: &Store| {
        store
            .plan_period(id, &request("2030-03-04", "2030-03-31"), day("2030-03-01"))
            .unwrap()
            .posts
            .iter()
            .filter(|p| p.post.editorial_item_id.is_some())
            .count()
    };
    assert_eq!(relays(&store), 0);
    store.move_post(id, later, "facebook", None, false).unwrap();
    assert_eq!(relays(&store), 0);
    store.delete_post(id, later).unwrap();
    assert_eq!(relays(&store), 1);
}

#[test]
fn best_times_given_to_the_planner_choose_the_slots_and_name_their_figures() {
    let (store, id, _) = example();
    let cal = store.calendar(id, None, None).unwrap();
    let objectives = store.objectives(id).unwrap();
    let audit = store.audit(id).unwrap();
    let slots = |network: &str| {
        if network == "facebook" {
            vec![
                Slot {
                    weekday: chrono::Weekday::Tue,
                    hour: 18,
                    minute: 0,
                    score: 0.06,
                    basis: SlotBasis::Measured {
                        posts: 21,
                        rate: 6.0,
                    },
                },
                Slot {
                    weekday: chrono::Weekday::Fri,
                    hour: 12,
                    minute: 30,
                    score: 0.05,
                    basis: SlotBasis::Measured {
                        posts: 1,
                        rate: 5.0,
                    },
                },
            ]
        } else {
            Vec::new()
        }
    };
    let rates = std::collections::HashMap::new();
    let opts = request("2030-03-04", "2030-03-17")
        .options(day("2030-03-01"), CheckOptions::default())
        .unwrap();
    let input = PlanInput {
        calendar: &cal,
        objectives: &objectives,
        audit: &audit,
        slots: &slots,
        rates: &rates,
        variants: &cinq_core::adapt::abtests::VariantGroups::default(),
    };
    let plan = cinq_core::calendar::plan::plan(&input, &opts).unwrap();
    assert_eq!(
        plan,
        cinq_core::calendar::plan::plan(&input, &opts).unwrap()
    );
    let fb: Vec<&ProposedPost> = plan
        .posts
        .iter()
        .filter(|p| p.post.network == "facebook")
        .collect();
    let at: Vec<&str> = fb
        .iter()
        .map(|p| p.post.scheduled_at.as_deref().unwrap())
        .collect();
    assert!(
        at.contains(&"2030-03-05T18:00") && at.contains(&"2030-03-12T18:00"),
        "{at:?}"
    );
    assert!(at.contains(&"2030-03-08T12:30"), "{at:?}");
    let tuesday = fb
        .iter()
        .find(|p| p.post.scheduled_at.as_deref() == Some("2030-03-05T18:00"))
        .unwrap();
    assert!(
        tuesday
            .reason
            .en
            .starts_with("Tuesday 18:00: best slot on Facebook (21 posts, 6.0 %); "),
        "{}",
        tuesday.reason.en
    );
    assert!(
        tuesday
            .reason
            .fr
            .starts_with("Mardi 18 h : meilleur créneau sur Facebook (21 publications, 6,0 %) ; "),
        "{}",
        tuesday.reason.fr
    );
    let friday = fb
        .iter()
        .find(|p| p.post.scheduled_at.as_deref() == Some("2030-03-08T12:30"))
        .unwrap();
    assert!(
        friday
            .reason
            .fr
            .starts_with("Vendredi 12 h 30 : créneau n° 2 sur Facebook (1 publication, 5,0 %)"),
        "{}",
        friday.reason.fr
    );
}

/// The store's plan reads step 5's best times: a slot the network's own results measure above its rate goes first, and
/// a usual good hour measured below it is left aside.
#[test]
fn the_stores_plan_uses_the_best_times_the_results_measure() {
    let (mut store, id, [fb, _]) = example();
    // 2029: 12 Facebook posts on Thursdays at 19:00 (10 % of their reach engaged) and 12 on Mondays at 9:00 (1 %).
    let first = day("2029-01-01");
    for week in 0..12 {
        for (offset, hour, engaged) in [(3, 19, 100), (0, 9, 10)] {
            let at = first + Duration::days(week * 7 + offset);
            let p = store
                .save_post(
                    id,
                    None,
                    &PostInput {
                        status: PostStatus::Published,
                        ..post(
                            "facebook",
                            &format!("{}T{hour:02}:00", iso(at)),
                            Pillar::Promotion,
                            None,
                            fb,
                        )
                    },
                )
                .unwrap();
            store
                .save_post_results(
                    id,
                    p,
                    &iso(at),
                    &cinq_core::adapt::results::Measures {
                        reach: Some(1000),
                        reactions: Some(engaged),
                        ..Default::default()
                    },
                )
                .unwrap();
        }
    }
    let plan = store
        .plan_period(id, &request("2030-03-04", "2030-03-31"), day("2030-03-01"))
        .unwrap();
    let fb_at: Vec<&str> = plan
        .posts
        .iter()
        .filter(|p| p.post.network == "facebook")
        .map(|p| p.post.scheduled_at.as_deref().unwrap())
        .collect();
    for thursday in ["2030-03-07", "2030-03-14", "2030-03-21", "2030-03-28"] {
        assert!(
            fb_at.contains(&format!("{thursday}T19:00").as_str()),
            "{fb_at:?}"
        );
    }
    assert!(
        !fb_at
            .iter()
            .any(|t| t.ends_with("T09:00") && day(&t[..10]).weekday() == chrono::Weekday::Mon),
        "{fb_at:?}"
    );
    let reason = &plan
        .posts
        .iter()
        .find(|p| p.post.scheduled_at.as_deref() == Some("2030-03-07T19:00"))
        .unwrap()
        .reason;
    assert!(
        reason
            .en
            .starts_with("Thursday 19:00: best slot on Facebook (12 posts, "),
        "{}",
        reason.en
    );
    assert!(
        reason
            .fr
            .starts_with("Jeudi 19 h : meilleur créneau sur Facebook (12 publications, "),
        "{}",
        reason.fr
    );
    // The other posts go to Facebook's usual good hours.
    assert!(plan
        .posts
        .iter()
        .any(|p| p.reason.en.contains("a usual good hour on Facebook")));
}

#[test]
fn with_recycling_a_best_published_post_is_re_run_once_per_cooldown() {
    let (mut store, id, [fb, _]) = example();
    let topics = store.objectives(id).unwrap().topics;
    let offers = topics.iter().find(|t| t.data.name == "Offers").unwrap().id;
    // Two published promotion posts on Facebook, "Offers", in January: the first did better.
    let mut ids = Vec::new();
    for (at, title, reactions) in [
        ("2030-01-08T10:00", "Winter sale", 90),
        ("2030-01-15T10:00", "Second sale", 10),
    ] {
        let pid = store
            .save_post(
                id,
                None,
                &PostInput {
                    title: title.into(),
                    text: format!("{title}: 20 % off"),
                    status: PostStatus::Published,
                    ..post("facebook", at, Pillar::Promotion, Some(offers), fb)
                },
            )
            .unwrap();
        store
            .save_post_results(
                id,
                pid,
                "2030-01-20",
                &cinq_core::adapt::results::Measures {
                    impressions: Some(1000),
                    reactions: Some(reactions),
                    ..Default::default()
                },
            )
            .unwrap();
        ids.push(pid);
    }
    let mut req = request("2030-03-04", "2030-03-31");
    let plan = store.plan_period(id, &req, day("2030-03-01")).unwrap();
    assert!(plan.posts.iter().all(|p| p.post.recycled_from.is_none()));

    req.recycle = true;
    let plan = store.plan_period(id, &req, day("2030-03-01")).unwrap();
    let reruns: Vec<&ProposedPost> = plan
        .posts
        .iter()
        .filter(|p| p.post.recycled_from.is_some())
        .collect();
    assert_eq!(reruns.len(), 1, "{reruns:#?}");
    let r = reruns[0];
    assert_eq!(r.post.recycled_from.as_deref(), Some("2030-01-08"));
    assert_eq!(r.post.title, "Winter sale");
    assert_eq!(r.post.text, "Winter sale: 20 % off");
    assert_eq!(r.post.topic_id, Some(offers));
    assert!(r.post.planned);
    assert!(
        r.reason
            .en
            .ends_with("re-runs “Winter sale” of 2030-01-08 (9.0 % engagement)"),
        "{}",
        r.reason.en
    );
    assert!(
        r.reason
            .fr
            .ends_with("reprend « Winter sale » du 2030-01-08 (9,0 % d’engagement)"),
        "{}",
        r.reason.fr
    );
    store.accept_plan(id, &plan.posts).unwrap();
    assert_eq!(
        remaining(&store, id, day("2030-03-04"), day("2030-03-31")),
        Vec::<String>::new()
    );

    // The next month: within the cooldown of that re-run, the post is not run again.
    let plan = store
        .plan_period(
            id,
            &PlanRequest {
                recycle: true,
                ..request("2030-04-01", "2030-04-28")
            },
            day("2030-03-01"),
        )
        .unwrap();
    assert!(
        plan.posts.iter().all(|p| p.post.recycled_from.is_none()),
        "{:#?}",
        plan.posts
    );
    // A shorter cooldown lets it come back, as a re-run of the original.
    let plan = store
        .plan_period(
            id,
            &PlanRequest {
                recycle: true,
                cooldown_days: Some(20),
                ..request("2030-04-15", "2030-05-12")
            },
            day("2030-03-01"),
        )
        .unwrap();
    assert!(
        plan.posts
            .iter()
            .any(|p| p.post.recycled_from.as_deref() == Some("2030-01-08")),
        "{:#?}",
        plan.posts
    );
}

#[test]
fn planned_marks_go_through_the_strategy_file_and_undo() {
    let (mut store, id, _) = example();
    let plan = store
        .plan_period(id, &request("2030-03-04", "2030-03-17"), day("2030-03-01"))
        .unwrap();
    let mut posts = plan.posts.clone();
    posts[0].post.recycled_from = Some("2030-01-08".into());
    let written = store.accept_plan(id, &posts).unwrap();
    assert!(written.iter().all(|p| p.data.planned));
    assert_eq!(written[0].data.recycled_from.as_deref(), Some("2030-01-08"));

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    store.export_strategy_to(id, &path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("\"planned\": true") && text.contains("\"recycled_from\": \"2030-01-08\"")
    );
    let copy = store.import_strategy_from(&path).unwrap();
    let back = store.calendar(copy.id, None, None).unwrap();
    assert_eq!(
        back.posts.iter().filter(|p| p.data.planned).count(),
        written.len()
    );
    assert_eq!(
        back.posts
            .iter()
            .filter(|p| p.data.recycled_from.is_some())
            .count(),
        1
    );

    // One undo removes them all: the change deletes the posts the plan wrote.
    store
        .apply_calendar_change(
            id,
            &cinq_core::calendar::view::CalendarChange {
                delete_posts: written.iter().map(|p| p.id).collect(),
                ..Default::default()
            },
        )
        .unwrap();
    assert!(store.calendar(id, None, None).unwrap().posts.is_empty());
    // A bad day in the mark is refused.
    let mut bad = plan.posts[0].clone();
    bad.post.recycled_from = Some("2030-02-30".into());
    assert_eq!(
        codes(store.accept_plan(id, &[bad]).unwrap_err()),
        vec![("recycled_from".to_owned(), "invalid_date".to_owned())]
    );
}

#[test]
fn a_year_of_the_large_sample_is_planned() {
    let mut store = Store::open_in_memory().unwrap();
    let s = store.create_large_sample(2_000).unwrap();
    let start = day(&s.start_date);
    let req = request(&iso(start), &iso(start + Duration::days(364)));
    let plan = store.plan_period(s.id, &req, start).unwrap();
    let again = store.plan_period(s.id, &req, start).unwrap();
    assert_eq!(plan, again);
    // The following year, empty: every kept network with posts per week gets its posts.
    let next = request(
        &iso(start + Duration::days(365)),
        &iso(start + Duration::days(729)),
    );
    let plan = store.plan_period(s.id, &next, start).unwrap();
    assert!(plan.posts.len() > 300, "{}", plan.posts.len());
}

// ---------------------------------------------------------------------------------------------------------------
// The CLI.

#[test]
fn the_cli_plans_prints_and_writes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cinq.sqlite3");
    {
        let (store, id, _) = example();
        let path = dir.path().join("s.json");
        store.export_strategy_to(id, &path).unwrap();
        let mut file = Store::open(&db).unwrap();
        file.import_strategy_from(&path).unwrap();
    }
    let bytes = std::fs::read(&db).unwrap();
    let args = [
        "calendar",
        "plan",
        "Brand",
        "--from",
        "2031-03-03",
        "--to",
        "2031-03-16",
        "--avoid",
        "2031-03-05",
    ];
    let dry = support::cinq(&db, &[&args[..], &["--dry-run", "--json"]].concat());
    assert_eq!(dry.code, 0, "{}", dry.err);
    let v: serde_json::Value = serde_json::from_str(&dry.out).unwrap();
    assert_eq!(v["written"], false);
    let posts = v["posts"].as_array().unwrap();
    assert_eq!(posts.len(), 8);
    for p in posts {
        for key in [
            "network",
            "scheduled_at",
            "pillar",
            "topic_id",
            "objective_id",
            "title",
            "status",
            "reason",
        ] {
            assert!(p.get(key).is_some(), "{key} in {p}");
        }
        assert!(p["id"].is_null());
        assert_eq!(p["planned"], true);
        assert!(p["reason"]["en"].is_string() && p["reason"]["fr"].is_string());
        assert!(!p["scheduled_at"]
            .as_str()
            .unwrap()
            .starts_with("2031-03-05"));
    }
    assert_eq!(
        std::fs::read(&db).unwrap(),
        bytes,
        "a dry run writes nothing"
    );

    let human = support::cinq(&db, &[&args[..], &["--dry-run"]].concat());
    assert_eq!(human.code, 0, "{}", human.err);
    assert!(human.out.starts_with(
        "Plan of Brand, 2031-03-03 to 2031-03-16: 8 posts proposed (dry run: nothing written)."
    ));
    assert_eq!(
        human
            .out
            .lines()
            .filter(|l| l.starts_with("  2031-"))
            .count(),
        8
    );
    assert!(
        human
            .out
            .contains("Notes\n  - No topic under the interaction pillar"),
        "{}",
        human.out
    );

    let run = support::cinq(&db, &[&args[..], &["--json"]].concat());
    assert_eq!(run.code, 0, "{}", run.err);
    let v: serde_json::Value = serde_json::from_str(&run.out).unwrap();
    assert_eq!(v["written"], true);
    assert!(v["posts"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["id"].is_i64()));
    let shown = support::cinq(&db, &["calendar", "show", "Brand", "--json"]);
    let cal: serde_json::Value = serde_json::from_str(&shown.out).unwrap();
    assert_eq!(cal["posts"].as_array().unwrap().len(), 8);
    assert!(cal["posts"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["planned"] == true));

    // Bad input: one line, nothing written.
    let bytes = std::fs::read(&db).unwrap();
    let bad = support::cinq(
        &db,
        &[
            "calendar",
            "plan",
            "Brand",
            "--from",
            "2031-03-16",
            "--to",
            "2031-03-03",
        ],
    );
    assert_eq!(bad.code, 1);
    assert_eq!(bad.err, "cinq: to: the period ends before it starts\n");
    assert_eq!(std::fs::read(&db).unwrap(), bytes);
}
