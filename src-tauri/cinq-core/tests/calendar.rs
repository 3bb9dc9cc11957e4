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
                kind: cinq_core::audit::NetworkKind::Social,
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
    assert!(e.to_string().contains("1 post(s)"), "{e}");
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
