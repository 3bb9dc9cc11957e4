//! Step 4, the calendar's data: editorial items, posts and ideas in the store, moves and copies, links that survive
//! deletions, the strategy file and the sample.

use cinq_core::calendar::*;
use cinq_core::objectives::{KpiMetric, ObjectiveInput, ObjectiveType, Pillar, TopicInput};
use cinq_core::{CoreError, ErrorCode, Language, Store, StrategyInput};

fn store_with_strategy() -> (Store, i64) {
    let mut store = Store::open_in_memory().unwrap();
    let s = store
        .create_strategy(&StrategyInput {
            name: "Brand".into(),
            organisation: String::new(),
            sector: String::new(),
            language: Language::En,
            timezone: "Europe/Paris".into(),
            start_date: "2026-01-01".into(),
        })
        .unwrap();
    (store, s.id)
}

fn post(network: &str, at: Option<&str>, title: &str) -> PostInput {
    PostInput {
        network: network.into(),
        scheduled_at: at.map(str::to_owned),
        pillar: Some(Pillar::Curation),
        topic_id: None,
        title: title.into(),
        text: "Café ☕ et croissants 🥐\nsur deux lignes".into(),
        link: String::new(),
        media_notes: String::new(),
        status: if at.is_some() {
            PostStatus::Draft
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

fn editorial(date: &str, title: &str) -> EditorialItemInput {
    EditorialItemInput {
        item_type: EditorialType::Article,
        date: date.into(),
        title: title.into(),
        theme: String::new(),
        owner: String::new(),
        status: EditorialStatus::Planned,
        link: String::new(),
    }
}

fn codes(e: CoreError) -> Vec<(String, String)> {
    match e {
        CoreError::Validation(f) => f.into_iter().map(|f| (f.field, f.code)).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn posts_ideas_and_editorial_items_are_stored_and_listed_by_period() {
    let (mut store, id) = store_with_strategy();
    let e = store
        .save_editorial(id, None, &editorial("2026-03-10", " Spring article "))
        .unwrap();
    let a = store
        .save_post(id, None, &post("linkedin", Some("2026-03-10T09:30"), "A"))
        .unwrap();
    let b = store
        .save_post(id, None, &post("instagram", Some("2026-03-31T23:59"), "B"))
        .unwrap();
    store
        .save_post(id, None, &post("instagram", Some("2026-04-01T00:00"), "C"))
        .unwrap();
    let idea = store.save_post(id, None, &post("x", None, "Idea")).unwrap();

    let march = store
        .calendar(id, Some("2026-03-01"), Some("2026-03-31"))
        .unwrap();
    assert_eq!(
        march.posts.iter().map(|p| p.id).collect::<Vec<_>>(),
        vec![a, b]
    );
    assert_eq!(
        march.ideas.iter().map(|p| p.id).collect::<Vec<_>>(),
        vec![idea]
    );
    assert_eq!(march.editorial.len(), 1);
    assert_eq!(march.editorial[0].id, e);
    assert_eq!(march.editorial[0].data.title, "Spring article");
    // Accents, emoji and line breaks come back as typed.
    assert_eq!(
        store.post(id, a).unwrap().data.text,
        "Café ☕ et croissants 🥐\nsur deux lignes"
    );
    let all = store.calendar(id, None, None).unwrap();
    assert_eq!(all.posts.len(), 3);
}

#[test]
fn moves_copies_and_back_to_the_ideas() {
    let (mut store, id) = store_with_strategy();
    let mut p = post("instagram", Some("2026-03-10T19:00"), "Move me");
    p.status = PostStatus::Scheduled;
    let a = store.save_post(id, None, &p).unwrap();
    // Another day and another network, in one go.
    assert_eq!(
        store
            .move_post(id, a, "linkedin", Some("2026-03-12T08:00"), false)
            .unwrap(),
        a
    );
    let moved = store.post(id, a).unwrap().data;
    assert_eq!(
        (moved.network.as_str(), moved.scheduled_at.as_deref()),
        ("linkedin", Some("2026-03-12T08:00"))
    );
    // A copy is a new post; the original stays.
    let copy = store
        .move_post(id, a, "facebook", Some("2026-03-13T08:00"), true)
        .unwrap();
    assert_ne!(copy, a);
    assert_eq!(store.post(id, copy).unwrap().data.title, "Move me");
    assert_eq!(store.post(id, a).unwrap().data.network, "linkedin");
    // Back to the backlog: no date, and no longer "scheduled".
    store.move_post(id, a, "linkedin", None, false).unwrap();
    let idea = store.post(id, a).unwrap().data;
    assert_eq!(idea.scheduled_at, None);
    assert_eq!(idea.status, PostStatus::Ready);
    // A bad target changes nothing.
    assert_eq!(
        codes(
            store
                .move_post(id, copy, "myspace", Some("2026-03-13T08:00"), false)
                .unwrap_err()
        ),
        vec![("network".into(), "unknown_network".into())]
    );
    assert_eq!(store.post(id, copy).unwrap().data.network, "facebook");
    store.delete_post(id, copy).unwrap();
    assert_eq!(
        store.post(id, copy).unwrap_err().code(),
        ErrorCode::NotFound
    );
}

#[test]
fn bad_input_is_refused_field_by_field() {
    let (mut store, id) = store_with_strategy();
    let mut p = post("instagram", Some("2026-03-10 19:00"), "x");
    p.campaign = "c".repeat(200);
    assert_eq!(
        codes(store.save_post(id, None, &p).unwrap_err()),
        vec![
            ("scheduled_at".into(), "invalid_date_time".into()),
            ("campaign".into(), "too_long".into())
        ]
    );
    // The error carries the limit, and crosses the IPC with it: the UI quotes Rust's number, never its own.
    let CoreError::Validation(fields) = store.save_post(id, None, &p).unwrap_err() else {
        panic!("not a validation error")
    };
    assert_eq!(fields[1].max, Some(cinq_core::error::MAX_NAME_CHARS as i64));
    assert_eq!(fields[0].max, None);
    let api =
        serde_json::to_value(cinq_core::ApiError::from(CoreError::Validation(fields))).unwrap();
    assert_eq!(api["fields"][1]["max"], 120);
    assert!(api["fields"][0].get("max").is_none());
    let mut idea = post("instagram", None, "x");
    idea.status = PostStatus::Published;
    assert_eq!(
        codes(store.save_post(id, None, &idea).unwrap_err()),
        vec![("status".into(), "needs_date".into())]
    );
    let mut linked = post("instagram", None, "x");
    linked.topic_id = Some(42);
    assert_eq!(
        codes(store.save_post(id, None, &linked).unwrap_err()),
        vec![("topic_id".into(), "unknown".into())]
    );
    assert_eq!(
        codes(
            store
                .save_editorial(id, None, &editorial("2026-02-30", " "))
                .unwrap_err()
        ),
        vec![
            ("title".into(), "required".into()),
            ("date".into(), "invalid_date".into())
        ]
    );
    assert!(store.calendar(id, None, None).unwrap().ideas.is_empty());
}

#[test]
fn deleting_what_a_post_links_to_keeps_the_post() {
    let (mut store, id) = store_with_strategy();
    let e = store
        .save_editorial(id, None, &editorial("2026-03-10", "Article"))
        .unwrap();
    let t = store
        .save_topic(
            id,
            None,
            &TopicInput {
                pillar: Pillar::Curation,
                name: "Design".into(),
                description: String::new(),
            },
        )
        .unwrap();
    let o = store
        .save_objective(
            id,
            None,
            &ObjectiveInput {
                title: "Leads".into(),
                objective_type: ObjectiveType::Leads,
                marketing_objective_id: None,
                kpi_metric: Some(KpiMetric::Leads),
                kpi_name: String::new(),
                kpi_unit: String::new(),
                direction: KpiMetric::Leads.default_direction(),
                baseline: None,
                target: None,
                deadline: None,
                networks: Vec::new(),
                owner: String::new(),
                contribution: String::new(),
            },
        )
        .unwrap();
    let mut p = post("instagram", Some("2026-03-10T19:00"), "Relay");
    p.editorial_item_id = Some(e);
    p.topic_id = Some(t);
    p.objective_id = Some(o);
    let a = store.save_post(id, None, &p).unwrap();
    store.delete_editorial(id, e).unwrap();
    store.delete_topic(id, t).unwrap();
    store.delete_objective(id, o).unwrap();
    let kept = store.post(id, a).unwrap().data;
    assert_eq!(
        (kept.editorial_item_id, kept.topic_id, kept.objective_id),
        (None, None, None)
    );
    assert_eq!(kept.title, "Relay");
}

#[test]
fn a_network_with_posts_cannot_be_deleted() {
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
    let a = store
        .save_post(
            id,
            None,
            &post(&key, Some("2026-03-10T19:00"), "On the forum"),
        )
        .unwrap();
    let e = store.delete_custom_network(id, &key).unwrap_err();
    assert_eq!(e.code(), ErrorCode::Conflict);
    assert!(e.to_string().contains("1 post is planned"), "{e}");
    assert_eq!(store.post(id, a).unwrap().data.network, key);
    store.delete_post(id, a).unwrap();
    store.delete_custom_network(id, &key).unwrap();
}

#[test]
fn the_sample_has_three_months_of_posts_editorial_items_and_ideas() {
    let mut store = Store::open_in_memory().unwrap();
    let s = store.create_sample().unwrap();
    let c = store.calendar(s.id, None, None).unwrap();
    assert!(c.posts.len() >= 100, "{} posts", c.posts.len());
    assert!(c.editorial.len() >= 5);
    assert!(c.ideas.len() >= 3);
    let networks: std::collections::BTreeSet<&str> =
        c.posts.iter().map(|p| p.data.network.as_str()).collect();
    assert!(networks.len() >= 3, "{networks:?}");
    assert!(c.posts.iter().any(|p| p.data.editorial_item_id.is_some()));
    let first = c.posts.first().unwrap().data.scheduled_at.clone().unwrap();
    let last = c.posts.last().unwrap().data.scheduled_at.clone().unwrap();
    let days = (parse_date_time(&last).unwrap() - parse_date_time(&first).unwrap()).num_days();
    assert!((80..=100).contains(&days), "{days} days");
}

#[test]
fn the_calendar_travels_in_the_strategy_file_and_in_copies() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = Store::open(&dir.path().join("a.sqlite3")).unwrap();
    let s = a.create_sample().unwrap();
    let f1 = dir.path().join("one.json");
    a.export_strategy_to(s.id, &f1).unwrap();
    let mut b = Store::open(&dir.path().join("b.sqlite3")).unwrap();
    let imported = b.import_strategy_from(&f1).unwrap();
    let f2 = dir.path().join("two.json");
    b.export_strategy_to(imported.id, &f2).unwrap();
    assert_eq!(
        std::fs::read_to_string(&f1).unwrap(),
        std::fs::read_to_string(&f2).unwrap()
    );
    let (one, two) = (
        a.calendar(s.id, None, None).unwrap(),
        b.calendar(imported.id, None, None).unwrap(),
    );
    assert_eq!(one.posts.len(), two.posts.len());
    assert_eq!(
        one.posts
            .iter()
            .filter(|p| p.data.topic_id.is_some())
            .count(),
        two.posts
            .iter()
            .filter(|p| p.data.topic_id.is_some())
            .count()
    );
    let copy = a.duplicate_strategy(s.id).unwrap();
    let c = a.calendar(copy.id, None, None).unwrap();
    assert_eq!(c.posts.len(), one.posts.len());
    // The copy's posts point at the copy's own editorial items.
    let own: Vec<i64> = c.editorial.iter().map(|e| e.id).collect();
    assert!(c
        .posts
        .iter()
        .filter_map(|p| p.data.editorial_item_id)
        .all(|e| own.contains(&e)));

    let mut file = a.export_strategy(s.id).unwrap();
    file.strategy.calendar.posts[0].editorial_item = Some(999);
    let e = a.import_strategy(&file).unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidFile);
    assert!(
        e.to_string().contains("refers to editorial item 999"),
        "{e}"
    );
}

// ---------------------------------------------------------------------------------------------------------------
// The live checks.

use cinq_core::audit::{Decision, Presence};
use cinq_core::calendar::checks::CheckOptions;
use cinq_core::findings::FindingKind;
use cinq_core::objectives::{Mission, MixWeights};

fn day(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A strategy that keeps LinkedIn and Instagram, with missions (LinkedIn: 2 a week, curation).
fn planned() -> (Store, i64) {
    let (mut store, id) = store_with_strategy();
    for n in ["linkedin", "instagram"] {
        store.select_network(id, n, true).unwrap();
        store
            .save_presence(
                id,
                &Presence {
                    decision: Some(Decision::Keep),
                    ..Presence::empty(n)
                },
            )
            .unwrap();
    }
    store
        .save_mission(
            id,
            &Mission {
                network: "linkedin".into(),
                statement: "Expertise".into(),
                audiences: Vec::new(),
                objectives: Vec::new(),
                pillars: vec![Pillar::Curation],
                posts_per_week: Some(2.0),
            },
        )
        .unwrap();
    (store, id)
}

fn add(
    store: &mut Store,
    id: i64,
    network: &str,
    at: &str,
    pillar: Pillar,
    topic: Option<i64>,
) -> i64 {
    let mut p = post(network, Some(at), at);
    p.pillar = Some(pillar);
    p.topic_id = topic;
    store.save_post(id, None, &p).unwrap()
}

fn check(
    store: &Store,
    id: i64,
    from: &str,
    to: &str,
) -> cinq_core::calendar::checks::CalendarChecks {
    store
        .calendar_checks(id, Some(day(from)), Some(day(to)), &CheckOptions::default())
        .unwrap()
}

fn kinds_of(c: &cinq_core::calendar::checks::CalendarChecks) -> Vec<(FindingKind, Option<String>)> {
    c.findings
        .iter()
        .map(|f| (f.finding.kind, f.finding.network.clone()))
        .collect()
}

#[test]
fn frequency_against_the_mission_and_empty_weeks() {
    let (mut store, id) = planned();
    // Two weeks from Monday 2 March: 2 posts in the first, none in the second.
    add(
        &mut store,
        id,
        "linkedin",
        "2026-03-02T09:00",
        Pillar::Curation,
        None,
    );
    add(
        &mut store,
        id,
        "linkedin",
        "2026-03-04T09:00",
        Pillar::Curation,
        None,
    );
    let c = check(&store, id, "2026-03-02", "2026-03-15");
    let k = kinds_of(&c);
    assert!(
        k.contains(&(FindingKind::FrequencyTooLow, Some("linkedin".into()))),
        "{k:?}"
    );
    let empty = c
        .findings
        .iter()
        .find(|f| f.finding.kind == FindingKind::EmptyWeeks)
        .unwrap();
    assert!(
        empty.finding.explanation.en.contains("2026-03-09"),
        "{}",
        empty.finding.explanation.en
    );
    // Two a week exactly is fine; seven a week is many.
    add(
        &mut store,
        id,
        "linkedin",
        "2026-03-10T09:00",
        Pillar::Curation,
        None,
    );
    add(
        &mut store,
        id,
        "linkedin",
        "2026-03-12T09:00",
        Pillar::Curation,
        None,
    );
    let k = kinds_of(&check(&store, id, "2026-03-02", "2026-03-15"));
    assert!(
        !k.iter().any(|(kind, _)| matches!(
            kind,
            FindingKind::FrequencyTooLow | FindingKind::EmptyWeeks
        )),
        "{k:?}"
    );
    for d in 16..=22 {
        add(
            &mut store,
            id,
            "linkedin",
            &format!("2026-03-{d}T18:00"),
            Pillar::Curation,
            None,
        );
    }
    let k = kinds_of(&check(&store, id, "2026-03-16", "2026-03-22"));
    assert!(
        k.contains(&(FindingKind::FrequencyTooHigh, Some("linkedin".into()))),
        "{k:?}"
    );
    // Instagram has no target: no frequency finding for it.
    assert!(!k.iter().any(|(_, n)| n.as_deref() == Some("instagram")));
}

#[test]
fn topic_variety_repeats_unused_and_dominant_topics() {
    let (mut store, id) = planned();
    let topic = |store: &mut Store, name: &str| {
        store
            .save_topic(
                id,
                None,
                &TopicInput {
                    pillar: Pillar::Curation,
                    name: name.into(),
                    description: String::new(),
                },
            )
            .unwrap()
    };
    let (a, b, _unused) = (
        topic(&mut store, "AI"),
        topic(&mut store, "Hiring"),
        topic(&mut store, "Events"),
    );
    let two = [
        add(
            &mut store,
            id,
            "linkedin",
            "2026-03-02T09:00",
            Pillar::Curation,
            Some(a),
        ),
        add(
            &mut store,
            id,
            "linkedin",
            "2026-03-04T09:00",
            Pillar::Curation,
            Some(a),
        ),
    ];
    add(
        &mut store,
        id,
        "linkedin",
        "2026-03-06T09:00",
        Pillar::Curation,
        Some(b),
    );
    let c = check(&store, id, "2026-03-01", "2026-03-31");
    assert!(!kinds_of(&c)
        .iter()
        .any(|(k, _)| *k == FindingKind::TopicRepeated));
    // A third in a row on one network (another network in between does not break it).
    add(
        &mut store,
        id,
        "instagram",
        "2026-03-07T09:00",
        Pillar::Curation,
        Some(a),
    );
    let third = add(
        &mut store,
        id,
        "linkedin",
        "2026-03-08T09:00",
        Pillar::Curation,
        Some(b),
    );
    add(
        &mut store,
        id,
        "linkedin",
        "2026-03-10T09:00",
        Pillar::Curation,
        Some(b),
    );
    let c = check(&store, id, "2026-03-01", "2026-03-31");
    let repeat = c
        .findings
        .iter()
        .find(|f| f.finding.kind == FindingKind::TopicRepeated)
        .unwrap();
    assert_eq!(repeat.posts.len(), 3);
    assert!(repeat.posts.contains(&third) && !repeat.posts.contains(&two[0]));
    let unused = c
        .findings
        .iter()
        .find(|f| f.finding.kind == FindingKind::TopicUnused)
        .unwrap();
    assert!(
        unused.finding.title.en.contains("Events"),
        "{}",
        unused.finding.title.en
    );
    assert_eq!(c.topics.iter().map(|t| t.posts).sum::<u32>(), 6);
    // Over a period shorter than four weeks, an unused topic is not judged.
    let short = check(&store, id, "2026-03-01", "2026-03-14");
    assert!(!kinds_of(&short)
        .iter()
        .any(|(k, _)| *k == FindingKind::TopicUnused));
    // Ten tagged posts, over 40 % on one topic.
    for d in 11..=16 {
        add(
            &mut store,
            id,
            "instagram",
            &format!("2026-03-{d}T12:00"),
            Pillar::Curation,
            Some(a),
        );
    }
    let c = check(&store, id, "2026-03-01", "2026-03-31");
    assert!(kinds_of(&c)
        .iter()
        .any(|(k, _)| *k == FindingKind::TopicDominant));
}

#[test]
fn mission_fit_and_the_mix_gauges() {
    let (mut store, id) = planned();
    let off: Vec<i64> = (2..=5)
        .map(|d| {
            add(
                &mut store,
                id,
                "linkedin",
                &format!("2026-03-0{d}T09:00"),
                Pillar::Promotion,
                None,
            )
        })
        .collect();
    add(
        &mut store,
        id,
        "linkedin",
        "2026-03-06T09:00",
        Pillar::Curation,
        None,
    );
    let c = check(&store, id, "2026-03-02", "2026-03-08");
    let misfit = c
        .findings
        .iter()
        .find(|f| f.finding.kind == FindingKind::MissionMisfit)
        .unwrap();
    assert_eq!(misfit.posts, off);
    // Gauges: the strategy and each kept network; 4 promotion + 1 curation = 80 / 20 / 0 against 33 / 33 / 34.
    let strategy = &c.gauges[0];
    assert_eq!(strategy.network, None);
    let a = strategy.actual.unwrap();
    assert_eq!((a.promotion, a.curation, a.interaction), (80.0, 20.0, 0.0));
    assert_eq!(strategy.posts, 5);
    // Fewer than 6 posts: not judged yet.
    assert!(strategy.within_tolerance);
    add(
        &mut store,
        id,
        "instagram",
        "2026-03-07T09:00",
        Pillar::Promotion,
        None,
    );
    let c = check(&store, id, "2026-03-02", "2026-03-08");
    assert!(!c.gauges[0].within_tolerance);
    assert!(kinds_of(&c).contains(&(FindingKind::MixOffTarget, None)));
    assert_eq!(c.gauges.len(), 3);
    // A network following the strategy's mix gets a gauge but no finding; one with its own mix gets both.
    assert!(!kinds_of(&c).contains(&(FindingKind::MixOffTarget, Some("linkedin".into()))));
    for d in 9..=14 {
        add(
            &mut store,
            id,
            "linkedin",
            &format!("2026-03-{d:02}T09:00"),
            Pillar::Promotion,
            None,
        );
    }
    store
        .save_mix(
            id,
            Some("linkedin"),
            Some(&MixWeights {
                promotion: 10,
                curation: 80,
                interaction: 10,
            }),
        )
        .unwrap();
    let c = check(&store, id, "2026-03-09", "2026-03-15");
    assert!(kinds_of(&c).contains(&(FindingKind::MixOffTarget, Some("linkedin".into()))));
    // A mix on target within the tolerance: 6 posts at 33 / 33 / 33 against 33 / 33 / 34.
    let (mut store, id) = planned();
    for (d, p) in [
        (2, Pillar::Promotion),
        (3, Pillar::Curation),
        (4, Pillar::Interaction),
    ] {
        add(
            &mut store,
            id,
            "instagram",
            &format!("2026-03-0{d}T09:00"),
            p,
            None,
        );
        add(
            &mut store,
            id,
            "instagram",
            &format!("2026-03-0{d}T18:00"),
            p,
            None,
        );
    }
    assert!(check(&store, id, "2026-03-02", "2026-03-08").gauges[0].within_tolerance);
}

#[test]
fn collisions_orphans_unrelayed_items_and_posts_too_long() {
    let (mut store, id) = planned();
    let a = add(
        &mut store,
        id,
        "instagram",
        "2026-03-02T09:00",
        Pillar::Curation,
        None,
    );
    let b = add(
        &mut store,
        id,
        "instagram",
        "2026-03-02T10:30",
        Pillar::Curation,
        None,
    );
    add(
        &mut store,
        id,
        "linkedin",
        "2026-03-02T09:30",
        Pillar::Curation,
        None,
    );
    let c = check(&store, id, "2026-03-02", "2026-03-08");
    let collision = c
        .findings
        .iter()
        .find(|f| f.finding.kind == FindingKind::PostCollision)
        .unwrap();
    assert_eq!(collision.posts, vec![a, b]);
    assert!(collision.finding.title.en.contains("90 min"));
    // With a gap of one hour, 90 minutes is fine.
    let relaxed = store
        .calendar_checks(
            id,
            Some(day("2026-03-02")),
            Some(day("2026-03-08")),
            &CheckOptions {
                collision_gap_minutes: 60,
                ..CheckOptions::default()
            },
        )
        .unwrap();
    assert!(!kinds_of(&relaxed)
        .iter()
        .any(|(k, _)| *k == FindingKind::PostCollision));
    // Every post here serves no objective.
    let orphans = c
        .findings
        .iter()
        .find(|f| f.finding.kind == FindingKind::PostWithoutObjective)
        .unwrap();
    assert_eq!(orphans.posts.len(), 3);

    let e = store
        .save_editorial(id, None, &editorial("2026-03-05", "Whitepaper"))
        .unwrap();
    let c = check(&store, id, "2026-03-02", "2026-03-08");
    let lonely = c
        .findings
        .iter()
        .find(|f| f.finding.kind == FindingKind::EditorialNotRelayed)
        .unwrap();
    assert_eq!(lonely.editorial, vec![e]);
    let mut relay = post("linkedin", None, "Relay idea");
    relay.editorial_item_id = Some(e);
    store.save_post(id, None, &relay).unwrap();
    let c = check(&store, id, "2026-03-02", "2026-03-08");
    assert!(!kinds_of(&c)
        .iter()
        .any(|(k, _)| *k == FindingKind::EditorialNotRelayed));

    // X takes 280 characters: 280 emoji fit, 281 do not (characters, not bytes).
    let mut fits = post("x", Some("2026-03-03T12:00"), "Fits");
    fits.text = "🕯".repeat(280);
    store.save_post(id, None, &fits).unwrap();
    let mut long = post("x", Some("2026-03-04T12:00"), "Too long");
    long.text = "🕯".repeat(281);
    let long = store.save_post(id, None, &long).unwrap();
    let c = check(&store, id, "2026-03-02", "2026-03-08");
    let too_long: Vec<_> = c
        .findings
        .iter()
        .filter(|f| f.finding.kind == FindingKind::PostTooLong)
        .collect();
    assert_eq!(too_long.len(), 1);
    assert_eq!(too_long[0].posts, vec![long]);
    // Moving it to a network with room clears it.
    store
        .move_post(id, long, "linkedin", Some("2026-03-04T12:00"), false)
        .unwrap();
    let c = check(&store, id, "2026-03-02", "2026-03-08");
    assert!(!kinds_of(&c)
        .iter()
        .any(|(k, _)| *k == FindingKind::PostTooLong));
}

#[test]
fn the_sample_calendar_shows_its_checks() {
    let mut store = Store::open_in_memory().unwrap();
    let s = store.create_sample().unwrap();
    let c = store
        .calendar_checks(s.id, None, None, &CheckOptions::default())
        .unwrap();
    let kinds: Vec<FindingKind> = c.findings.iter().map(|f| f.finding.kind).collect();
    for kind in [
        FindingKind::FrequencyTooLow,
        FindingKind::TopicRepeated,
        FindingKind::MixOffTarget,
        FindingKind::PostCollision,
        FindingKind::PostWithoutObjective,
        FindingKind::EditorialNotRelayed,
        FindingKind::PostTooLong,
    ] {
        assert!(kinds.contains(&kind), "{kind:?} in {kinds:?}");
    }
    let sev: Vec<_> = c.findings.iter().map(|f| f.finding.severity).collect();
    let mut sorted = sev.clone();
    sorted.sort();
    assert_eq!(sev, sorted);
}

// ---------------------------------------------------------------------------------------------------------------
// Exports and the Cinq CSV import.

use cinq_core::calendar::export::{Delimiter, ExportFormat, ExportOptions};

fn options(format: ExportFormat) -> ExportOptions {
    ExportOptions {
        format,
        from: None,
        to: None,
        networks: Vec::new(),
        statuses: Vec::new(),
        delimiter: Delimiter::Comma,
        bom: false,
    }
}

fn export(store: &Store, id: i64, o: &ExportOptions) -> Vec<u8> {
    let files = store.export_calendar(id, o).unwrap();
    assert_eq!(files.len(), 1);
    files.into_iter().next().unwrap().bytes
}

fn records(bytes: &[u8], delimiter: u8, headers: bool) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(headers)
        .from_reader(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

fn empty_strategy(store: &mut Store, name: &str) -> i64 {
    store
        .create_strategy(&StrategyInput {
            name: name.into(),
            organisation: String::new(),
            sector: String::new(),
            language: Language::Fr,
            timezone: "Europe/Paris".into(),
            start_date: "2026-01-01".into(),
        })
        .unwrap()
        .id
}

#[test]
fn the_cinq_csv_round_trip_gives_identical_files() {
    let mut store = Store::open_in_memory().unwrap();
    let s = store.create_sample().unwrap();
    // A post with everything a spreadsheet could run, and a leading quote of its own.
    let tricky = [
        "=HYPERLINK(\"http://evil\")",
        "+33 6 12 34 56 78",
        "-15 % ce week-end",
        "@atelier.lumiere",
        "\tindenté",
        "'déjà entre quotes",
        "Émojis 🕯️✨, « guillemets », point-virgule ; virgule, \"quotes\"\r\nsur deux lignes",
    ];
    for (i, text) in tricky.iter().enumerate() {
        let mut p = post(
            "instagram",
            Some(&format!("2026-11-0{}T07:00", i + 1)),
            text,
        );
        p.text = (*text).to_owned();
        p.campaign = (*text).to_owned();
        store.save_post(s.id, None, &p).unwrap();
    }
    for (delimiter, bom) in [(Delimiter::Comma, false), (Delimiter::Semicolon, true)] {
        let o = ExportOptions {
            delimiter,
            bom,
            ..options(ExportFormat::CinqCsv)
        };
        let first = export(&store, s.id, &o);
        let empty = empty_strategy(&mut store, &format!("Empty {bom}"));
        let report = store
            .import_calendar_csv(empty, "plan.csv", &first)
            .unwrap();
        assert_eq!(
            report.posts as usize,
            store.calendar(s.id, None, None).unwrap().posts.len()
                + store.calendar(s.id, None, None).unwrap().ideas.len()
        );
        let again = export(&store, empty, &o);
        assert_eq!(
            String::from_utf8_lossy(&first),
            String::from_utf8_lossy(&again)
        );
        assert_eq!(first.starts_with(b"\xEF\xBB\xBF"), bom);
        // The texts come back as typed.
        let imported = store
            .calendar(empty, Some("2026-11-01"), Some("2026-11-07"))
            .unwrap();
        for text in tricky {
            assert!(
                imported.posts.iter().any(|p| p.data.text == text),
                "{text:?}"
            );
        }
    }
    // In the file, no cell starts with a formula character.
    let bytes = export(&store, s.id, &options(ExportFormat::CinqCsv));
    for row in records(&bytes, b',', true) {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?}"
            );
        }
    }
}

#[test]
fn every_format_neutralises_formulas_and_keeps_accents_emoji_and_line_breaks() {
    let (mut store, id) = store_with_strategy();
    let mut p = post("instagram", Some("2026-03-10T19:00"), "=SUM(A1)");
    p.text = "=1+1 Café ☕\nligne 2".into();
    p.link = "https://example.com/é".into();
    store.save_post(id, None, &p).unwrap();
    for (format, text_column, headers) in [
        (ExportFormat::GoogleCsv, 6, true),
        (ExportFormat::OutlookCsv, 6, true),
        (ExportFormat::Sprout, 2, true),
    ] {
        let rows = records(&export(&store, id, &options(format)), b',', headers);
        assert_eq!(rows.len(), 1, "{format:?}");
        assert_eq!(
            rows[0][text_column], "'=1+1 Café ☕\nligne 2\nhttps://example.com/é",
            "{format:?}"
        );
    }
    let files = store
        .export_calendar(id, &options(ExportFormat::Hootsuite))
        .unwrap();
    let rows = records(&files[0].bytes, b',', false);
    assert_eq!(rows[0][1], "'=1+1 Café ☕\nligne 2");
    assert_eq!(rows[0][2], "https://example.com/é");
}

#[test]
fn the_tools_formats_have_their_columns_dates_and_files() {
    let (mut store, id) = store_with_strategy();
    store
        .save_post(
            id,
            None,
            &post("instagram", Some("2026-03-10T19:05"), "One"),
        )
        .unwrap();
    store
        .save_post(id, None, &post("linkedin", Some("2026-03-11T08:00"), "Two"))
        .unwrap();
    let mut published = post("linkedin", Some("2026-04-02T08:00"), "Three");
    published.status = PostStatus::Published;
    store.save_post(id, None, &published).unwrap();
    store
        .save_post(id, None, &post("x", None, "An idea"))
        .unwrap();

    let google = export(&store, id, &options(ExportFormat::GoogleCsv));
    let text = String::from_utf8(google).unwrap();
    assert!(text.starts_with(
        "Subject,Start Date,Start Time,End Date,End Time,All Day Event,Description,Location,Private\r\n\
         [Instagram] One,03/10/2026,07:05 PM,03/10/2026,07:35 PM,False,"
    ), "{text}");
    let outlook =
        String::from_utf8(export(&store, id, &options(ExportFormat::OutlookCsv))).unwrap();
    assert!(outlook.starts_with("Subject,Start Date,Start Time,End Date,End Time,All day event,Description,Location,Categories,Private\r\n"));
    // Sprout: day first for a French strategy, month first for an English one (this one).
    let sprout = records(
        &export(&store, id, &options(ExportFormat::Sprout)),
        b',',
        false,
    );
    assert_eq!(sprout[0], vec!["date", "time_24hr", "message_text"]);
    assert_eq!(
        &sprout[1][..2],
        &["03/10/2026".to_owned(), "19:05".to_owned()]
    );
    // Hootsuite: no header, one file per network.
    let files = store
        .export_calendar(id, &options(ExportFormat::Hootsuite))
        .unwrap();
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "Brand.hootsuite.instagram.csv",
            "Brand.hootsuite.linkedin.csv"
        ]
    );
    let rows = records(&files[1].bytes, b',', false);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0][0], "03/11/2026 08:00");
    // Filters: period, network, status; semicolons.
    let o = ExportOptions {
        from: Some("2026-03-11".into()),
        to: Some("2026-04-30".into()),
        networks: vec!["linkedin".into()],
        statuses: vec![PostStatus::Published],
        delimiter: Delimiter::Semicolon,
        ..options(ExportFormat::CinqCsv)
    };
    let rows = records(&export(&store, id, &o), b';', true);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][5], "Three");
}

#[test]
fn the_ics_parses_in_an_independent_parser_with_stable_uids_and_real_times() {
    let (mut store, id) = store_with_strategy();
    let mut winter = post(
        "instagram",
        Some("2026-03-10T19:00"),
        "Winter, time; \\ check",
    );
    winter.text = "Ligne 1\nLigne 2 — café ☕ ".repeat(5);
    store.save_post(id, None, &winter).unwrap();
    store
        .save_post(
            id,
            None,
            &post("linkedin", Some("2026-07-10T19:00"), "Summer"),
        )
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ics");
    let bytes = export(&store, id, &options(ExportFormat::Ics));
    // Lines end in CRLF and are folded at 75 octets.
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.split("\r\n").all(|l| l.len() <= 75), "{text}");
    std::fs::write(&path, &bytes).unwrap();
    let out = std::process::Command::new("/usr/bin/python3")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/ics_check.py"
        ))
        .arg(&path)
        .output()
        .expect("python3 with the icalendar package (installed by .ci/setup) parses the export");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let parsed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(parsed["zones"], serde_json::json!(["Europe/Paris"]));
    let events = parsed["events"].as_array().unwrap();
    assert_eq!(events[0]["tzid"], "Europe/Paris");
    assert_eq!(events.len(), 2);
    // Local times with their zone: Paris is UTC+1 in March and UTC+2 in July. The VTIMEZONE has the 2026 changes.
    assert!(
        text.contains("DTSTART;TZID=Europe/Paris:20260310T190000"),
        "{text}"
    );
    assert!(
        text.contains(
            "BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100"
        ),
        "{text}"
    );
    assert_eq!(events[0]["start"], "2026-03-10T18:00:00Z");
    assert_eq!(events[1]["start"], "2026-07-10T17:00:00Z");
    assert_eq!(events[0]["summary"], "[Instagram] Winter, time; \\ check");
    assert_eq!(
        events[0]["description"],
        "Ligne 1\nLigne 2 — café ☕ ".repeat(5)
    );
    // A second export keeps the UIDs, so a calendar updates its events instead of adding copies.
    let again = String::from_utf8(export(&store, id, &options(ExportFormat::Ics))).unwrap();
    let uids = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| l.starts_with("UID:"))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(uids(&text), uids(&again));
}

#[test]
fn a_bad_cinq_csv_is_refused_with_its_line_and_column_and_changes_nothing() {
    let (mut store, id) = store_with_strategy();
    let header = "network,date,time,pillar,topic,title,text,link,media_notes,status,editorial_item,objective,campaign\n";
    let good = "linkedin,2026-03-10,09:00,curation,,Fine,Text,,,draft,,,\n";
    let cases = [
        (
            format!("{header}{good}myspace,2026-03-10,09:00,,,T,x,,,draft,,,\n"),
            "line 3, column network",
        ),
        (
            format!("{header}{good}linkedin,10/03/2026,09:00,,,T,x,,,draft,,,\n"),
            "line 3, column date",
        ),
        (
            format!("{header}{good}linkedin,2026-03-10,9h,,,T,x,,,draft,,,\n"),
            "line 3, column time",
        ),
        (
            format!("{header}{good}linkedin,2026-03-10,09:00,sales,,T,x,,,draft,,,\n"),
            "line 3, column pillar",
        ),
        (
            format!("{header}{good}linkedin,2026-03-10,09:00,,,T,x,,,done,,,\n"),
            "line 3, column status",
        ),
        (
            "subject,when\nx,y\n".to_owned(),
            "line 1: expected the columns of a Cinq CSV",
        ),
        (format!("{header}{good}linkedin,2026-03-10\n"), "line 3"),
    ];
    for (file, want) in cases {
        let e = store
            .import_calendar_csv(id, "plan.csv", file.as_bytes())
            .unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvalidFile);
        assert!(e.to_string().contains(want), "{want:?} in {e}");
        assert!(e.to_string().starts_with("plan.csv"), "{e}");
    }
    let c = store.calendar(id, None, None).unwrap();
    assert!(c.posts.is_empty() && c.ideas.is_empty());
    store
        .import_calendar_csv(id, "plan.csv", format!("{header}{good}").as_bytes())
        .unwrap();
    assert_eq!(store.calendar(id, None, None).unwrap().posts.len(), 1);
}

/// Export and import move posts between two threads in batches of hundreds: a calendar of thousands goes out and
/// comes back whole and in order, and a bad row far into the file (a row the CSV reader refuses, or one whose
/// content is wrong) is reported on its own line, with nothing written.
#[test]
fn thousands_of_posts_go_out_and_come_back_in_batches() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("cinq.sqlite3")).unwrap();
    let s = store.create_large_sample(3_000).unwrap();
    let o = options(ExportFormat::CinqCsv);
    let first = export(&store, s.id, &o);
    let lines = String::from_utf8(first.clone()).unwrap();
    let all = store.calendar(s.id, None, None).unwrap();
    assert!(all.posts.len() >= 3_000, "{}", all.posts.len());
    assert_eq!(
        records(&first, b',', true).len(),
        all.posts.len() + all.ideas.len()
    );

    let empty = empty_strategy(&mut store, "Copy");
    assert_eq!(
        store
            .import_calendar_csv(empty, "plan.csv", &first)
            .unwrap()
            .posts as usize,
        records(&first, b',', true).len()
    );
    assert_eq!(String::from_utf8(export(&store, empty, &o)).unwrap(), lines);

    // Record 2,345 (the header is record 1); texts with line breaks put it further down the file.
    let records_in: Vec<&str> = {
        // Split on the CRLF that ends a record (line breaks inside quoted cells are bare LF or inside quotes).
        let mut v = Vec::new();
        let (mut start, mut quoted) = (0, false);
        let bytes = lines.as_bytes();
        for i in 0..bytes.len() {
            match bytes[i] {
                b'"' => quoted = !quoted,
                b'\n' if !quoted => {
                    v.push(&lines[start..=i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        v
    };
    let at = 2_344;
    let line = 1 + records_in[..at].concat().matches('\n').count();
    let with = |bad: String| {
        let mut v = records_in.clone();
        v[at] = &bad;
        v.concat()
    };
    let extra = with(records_in[at].replacen("\r\n", ",extra\r\n", 1));
    let status = records(records_in[at].as_bytes(), b',', false)[0][9].clone();
    let unknown = with(records_in[at].replacen(&format!(",{status},"), ",someday,", 1));
    for (bad, what) in [
        (extra, format!("line {line}:")),
        (unknown, format!("line {line}, column status")),
    ] {
        let target = empty_strategy(&mut store, &format!("Bad {what}"));
        let e = store
            .import_calendar_csv(target, "plan.csv", bad.as_bytes())
            .unwrap_err();
        assert!(e.to_string().contains(&what), "{what}: {e}");
        assert!(store.calendar(target, None, None).unwrap().posts.is_empty());
    }
}

#[test]
fn variants_of_one_ab_test_do_not_collide() {
    use cinq_core::adapt::abtests::{AbTestInput, AbVariantInput, SuccessMetric, VariedElement};
    let (mut store, id) = planned();
    // A and B of a test at the same minute, and a post of no test half an hour later.
    let a = add(
        &mut store,
        id,
        "instagram",
        "2026-03-02T09:00",
        Pillar::Curation,
        None,
    );
    let b = add(
        &mut store,
        id,
        "instagram",
        "2026-03-02T09:00",
        Pillar::Curation,
        None,
    );
    let variant = |label: &str, post: i64| AbVariantInput {
        label: label.into(),
        post_id: Some(post),
        successes: None,
        trials: None,
    };
    let test = AbTestInput {
        name: "Photo".into(),
        hypothesis: String::new(),
        varied: VariedElement::Photo,
        metric: SuccessMetric::ClickThrough,
        numerator: None,
        denominator: None,
        variants: vec![variant("A", a), variant("B", b)],
        learning: String::new(),
    };
    let t = store.save_ab_test(id, None, &test).unwrap();
    let collisions = |store: &Store| -> Vec<Vec<i64>> {
        check(store, id, "2026-03-02", "2026-03-08")
            .findings
            .into_iter()
            .filter(|f| f.finding.kind == FindingKind::PostCollision)
            .map(|f| f.posts)
            .collect()
    };
    assert_eq!(
        collisions(&store),
        Vec::<Vec<i64>>::new(),
        "the variants run side by side"
    );
    // The calendar screen's view judges them alike.
    let view = store
        .calendar_view(
            id,
            "2026-03-02",
            "2026-03-08",
            day("2026-03-02"),
            &CheckOptions::default(),
        )
        .unwrap();
    assert!(!view
        .checks
        .findings
        .iter()
        .any(|f| f.finding.kind == FindingKind::PostCollision));
    // A post of no test still collides with a variant.
    let c = add(
        &mut store,
        id,
        "instagram",
        "2026-03-02T09:30",
        Pillar::Curation,
        None,
    );
    assert_eq!(collisions(&store), vec![vec![b, c]]);
    // Once the test is deleted, its posts are two posts like any others.
    store.delete_ab_test(id, t).unwrap();
    assert_eq!(collisions(&store), vec![vec![a, b], vec![b, c]]);
}
