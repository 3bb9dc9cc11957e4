//! Step 4, what the calendar screen reads and writes: the view of a period (rows, posts, ideas, checks), the changes
//! undo and redo write back, relay posts made from an editorial item, and their text.

use cinq_core::audit::{Decision, Presence};
use cinq_core::calendar::checks::CheckOptions;
use cinq_core::calendar::view::{relay_text, CalendarChange, RELAY_TIME};
use cinq_core::calendar::*;
use cinq_core::findings::FindingKind;
use cinq_core::objectives::{Mission, Pillar};
use cinq_core::{ErrorCode, Language, Store, StrategyInput};

fn new_strategy(store: &mut Store, name: &str) -> i64 {
    store
        .create_strategy(&StrategyInput {
            name: name.into(),
            organisation: String::new(),
            sector: String::new(),
            language: Language::En,
            timezone: "Europe/Paris".into(),
            start_date: "2026-01-01".into(),
        })
        .unwrap()
        .id
}

fn store_with_strategy() -> (Store, i64) {
    let mut store = Store::open_in_memory().unwrap();
    let id = new_strategy(&mut store, "Brand");
    (store, id)
}

fn post(network: &str, at: Option<&str>, title: &str) -> PostInput {
    PostInput {
        network: network.into(),
        scheduled_at: at.map(str::to_owned),
        pillar: Some(Pillar::Curation),
        topic_id: None,
        title: title.into(),
        text: format!("{title}: the text"),
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

fn day(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Keeps Facebook, LinkedIn and X (missions on LinkedIn and X); Instagram is selected but dropped.
fn planned() -> (Store, i64) {
    let (mut store, id) = store_with_strategy();
    for (n, decision) in [
        ("facebook", Decision::Keep),
        ("instagram", Decision::Drop),
        ("linkedin", Decision::Keep),
        ("x", Decision::Improve),
    ] {
        store.select_network(id, n, true).unwrap();
        store
            .save_presence(
                id,
                &Presence {
                    decision: Some(decision),
                    ..Presence::empty(n)
                },
            )
            .unwrap();
    }
    for (n, per_week, pillars) in [
        ("x", 3.0, vec![Pillar::Interaction]),
        ("linkedin", 2.0, vec![Pillar::Curation, Pillar::Promotion]),
    ] {
        store
            .save_mission(
                id,
                &Mission {
                    network: n.into(),
                    statement: "Why".into(),
                    audiences: Vec::new(),
                    objectives: Vec::new(),
                    pillars,
                    posts_per_week: Some(per_week),
                },
            )
            .unwrap();
    }
    (store, id)
}

// ---------------------------------------------------------------------------------------------------------------
// The view.

#[test]
fn the_view_of_a_period_has_its_rows_posts_ideas_items_and_checks() {
    let (mut store, id) = planned();
    let e1 = store
        .save_editorial(
            id,
            None,
            &editorial("2026-03-06", "Relayed after the period"),
        )
        .unwrap();
    let e2 = store
        .save_editorial(id, None, &editorial("2026-03-07", "Not relayed"))
        .unwrap();
    let e3 = store
        .save_editorial(id, None, &editorial("2026-03-20", "Later"))
        .unwrap();
    let mut li = post("linkedin", Some("2026-03-03T09:00"), "LinkedIn");
    li.campaign = "Spring".into();
    let li = store.save_post(id, None, &li).unwrap();
    let x = store
        .save_post(id, None, &post("x", Some("2026-03-04T12:00"), "X"))
        .unwrap();
    let ig = store
        .save_post(
            id,
            None,
            &post("instagram", Some("2026-03-08T23:59"), "Dropped network"),
        )
        .unwrap();
    let mut later = post("tiktok", Some("2026-03-20T10:00"), "Outside");
    later.campaign = "Autumn".into();
    store.save_post(id, None, &later).unwrap();
    let mut relay = post("linkedin", Some("2026-03-09T09:00"), "Relay, the day after");
    relay.editorial_item_id = Some(e1);
    store.save_post(id, None, &relay).unwrap();
    let idea = store
        .save_post(id, None, &post("linkedin", None, "An idea"))
        .unwrap();

    let v = store
        .calendar_view(
            id,
            "2026-03-02",
            "2026-03-08",
            day("2026-03-05"),
            &CheckOptions::default(),
        )
        .unwrap();
    assert_eq!(
        (v.from.as_str(), v.to.as_str(), v.today.as_str()),
        ("2026-03-02", "2026-03-08", "2026-03-05")
    );

    // Kept networks with a mission, then kept without one, then a dropped network that has a post in the period;
    // TikTok's only post is outside it.
    let rows: Vec<(&str, bool)> = v
        .rows
        .iter()
        .map(|r| (r.network.as_str(), r.kept))
        .collect();
    assert_eq!(
        rows,
        [
            ("linkedin", true),
            ("x", true),
            ("facebook", true),
            ("instagram", false)
        ]
    );
    let linkedin = &v.rows[0];
    assert_eq!(linkedin.name, "LinkedIn");
    assert_eq!(linkedin.posts_per_week, Some(2.0));
    assert_eq!(linkedin.pillars, [Pillar::Curation, Pillar::Promotion]);
    assert_eq!(v.rows[1].max_length, Some(280));
    assert_eq!(v.rows[2].posts_per_week, None);
    assert!(v.rows[2].pillars.is_empty());
    assert_eq!(v.rows[3].name, "Instagram");

    assert_eq!(
        v.calendar.posts.iter().map(|p| p.id).collect::<Vec<_>>(),
        [li, x, ig]
    );
    assert_eq!(
        v.calendar.ideas.iter().map(|p| p.id).collect::<Vec<_>>(),
        [idea]
    );
    assert_eq!(
        v.calendar
            .editorial
            .iter()
            .map(|e| e.id)
            .collect::<Vec<_>>(),
        [e1, e2]
    );
    let all: Vec<(i64, &str, &str)> = v
        .editorial_all
        .iter()
        .map(|e| (e.id, e.title.as_str(), e.date.as_str()))
        .collect();
    assert_eq!(
        all,
        [
            (e1, "Relayed after the period", "2026-03-06"),
            (e2, "Not relayed", "2026-03-07"),
            (e3, "Later", "2026-03-20")
        ]
    );
    assert_eq!(v.campaigns, ["Autumn", "Spring"]);

    // The checks cover the period: the item relayed the day after is not called unrelayed.
    assert_eq!(
        (v.checks.from.as_str(), v.checks.to.as_str()),
        ("2026-03-02", "2026-03-08")
    );
    let unrelayed: Vec<&Vec<i64>> = v
        .checks
        .findings
        .iter()
        .filter(|f| f.finding.kind == FindingKind::EditorialNotRelayed)
        .map(|f| &f.editorial)
        .collect();
    assert_eq!(unrelayed, [&vec![e2]]);
    let orphans = v
        .checks
        .findings
        .iter()
        .find(|f| f.finding.kind == FindingKind::PostWithoutObjective)
        .unwrap();
    assert_eq!(orphans.posts, [li, x, ig]);
    // No check points at a stand-in for a relay outside the period.
    assert!(v
        .checks
        .findings
        .iter()
        .all(|f| f.posts.iter().all(|p| *p > 0)));
    // X asks for 3 a week and has 1.
    assert!(v
        .checks
        .findings
        .iter()
        .any(|f| f.finding.kind == FindingKind::FrequencyTooLow
            && f.finding.network.as_deref() == Some("x")));
}

#[test]
fn the_view_takes_a_reversed_period_as_one_day_and_refuses_bad_dates() {
    let (mut store, id) = planned();
    store
        .save_post(id, None, &post("x", Some("2026-03-04T12:00"), "X"))
        .unwrap();
    let v = store
        .calendar_view(
            id,
            "2026-03-04",
            "2026-03-01",
            day("2026-03-04"),
            &CheckOptions::default(),
        )
        .unwrap();
    assert_eq!(
        (v.from.as_str(), v.to.as_str()),
        ("2026-03-04", "2026-03-04")
    );
    assert_eq!(v.calendar.posts.len(), 1);
    for (from, to) in [("2026-02-30", "2026-03-08"), ("2026-03-01", "soon")] {
        let e = store
            .calendar_view(id, from, to, day("2026-03-04"), &CheckOptions::default())
            .unwrap_err();
        assert_eq!(e.code(), ErrorCode::Validation);
    }
    let e = store
        .calendar_view(
            999,
            "2026-03-01",
            "2026-03-08",
            day("2026-03-04"),
            &CheckOptions::default(),
        )
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound);
}

// ---------------------------------------------------------------------------------------------------------------
// Undo and redo.

#[test]
fn undoing_and_redoing_a_move() {
    let (mut store, id) = store_with_strategy();
    let mut input = post("instagram", Some("2026-03-10T19:00"), "Move me");
    input.status = PostStatus::Scheduled;
    let p = store.save_post(id, None, &input).unwrap();
    let before = store.post(id, p).unwrap();
    store.move_post(id, p, "linkedin", None, false).unwrap();
    let after = store.post(id, p).unwrap();
    assert_eq!(after.data.scheduled_at, None);
    assert_eq!(after.data.status, PostStatus::Ready);

    let undo = CalendarChange {
        posts: vec![before.clone()],
        ..CalendarChange::default()
    };
    store.apply_calendar_change(id, &undo).unwrap();
    assert_eq!(store.post(id, p).unwrap(), before);
    let redo = CalendarChange {
        posts: vec![after.clone()],
        ..CalendarChange::default()
    };
    store.apply_calendar_change(id, &redo).unwrap();
    assert_eq!(store.post(id, p).unwrap(), after);
    assert_eq!(store.calendar(id, None, None).unwrap().ideas.len(), 1);
}

#[test]
fn undoing_a_delete_recreates_the_post_with_its_id() {
    let (mut store, id) = store_with_strategy();
    let e = store
        .save_editorial(id, None, &editorial("2026-03-10", "Article"))
        .unwrap();
    let mut input = post("x", Some("2026-03-10T19:00"), "Delete me");
    input.editorial_item_id = Some(e);
    let p = store.save_post(id, None, &input).unwrap();
    let other = store
        .save_post(id, None, &post("x", None, "Made after"))
        .unwrap();
    let before = store.post(id, p).unwrap();
    store.delete_post(id, p).unwrap();
    assert_eq!(store.post(id, p).unwrap_err().code(), ErrorCode::NotFound);

    store
        .apply_calendar_change(
            id,
            &CalendarChange {
                posts: vec![before.clone()],
                ..CalendarChange::default()
            },
        )
        .unwrap();
    assert_eq!(store.post(id, p).unwrap(), before);
    assert_eq!(store.post(id, other).unwrap().data.title, "Made after");

    // Redo deletes it again.
    store
        .apply_calendar_change(
            id,
            &CalendarChange {
                delete_posts: vec![p],
                ..CalendarChange::default()
            },
        )
        .unwrap();
    assert_eq!(store.post(id, p).unwrap_err().code(), ErrorCode::NotFound);
}

#[test]
fn undoing_an_editorial_delete_restores_the_item_and_its_relays() {
    let (mut store, id) = store_with_strategy();
    let e = store
        .save_editorial(id, None, &editorial("2026-03-10", "Whitepaper"))
        .unwrap();
    let item = store.editorial_item(id, e).unwrap();
    let mut relays = Vec::new();
    for n in ["linkedin", "x"] {
        let mut p = post(n, Some("2026-03-10T10:00"), "Relay");
        p.editorial_item_id = Some(e);
        relays.push(store.save_post(id, None, &p).unwrap());
    }
    let unrelated = store
        .save_post(id, None, &post("x", None, "Unrelated"))
        .unwrap();

    let returned = store.delete_editorial(id, e).unwrap();
    assert_eq!(returned.iter().map(|p| p.id).collect::<Vec<_>>(), relays);
    assert!(returned.iter().all(|p| p.data.editorial_item_id == Some(e)));
    // The posts stay, unlinked.
    for r in &relays {
        assert_eq!(store.post(id, *r).unwrap().data.editorial_item_id, None);
    }

    store
        .apply_calendar_change(
            id,
            &CalendarChange {
                editorial: vec![item.clone()],
                posts: returned,
                ..CalendarChange::default()
            },
        )
        .unwrap();
    assert_eq!(store.editorial_item(id, e).unwrap(), item);
    for r in &relays {
        assert_eq!(store.post(id, *r).unwrap().data.editorial_item_id, Some(e));
    }
    assert_eq!(
        store.post(id, unrelated).unwrap().data.editorial_item_id,
        None
    );

    // Redo deletes the item again; the relays are unlinked again.
    store
        .apply_calendar_change(
            id,
            &CalendarChange {
                delete_editorial: vec![e],
                ..CalendarChange::default()
            },
        )
        .unwrap();
    assert_eq!(
        store.editorial_item(id, e).unwrap_err().code(),
        ErrorCode::NotFound
    );
    assert_eq!(
        store.post(id, relays[0]).unwrap().data.editorial_item_id,
        None
    );
}

#[test]
fn a_change_naming_another_strategys_post_or_item_is_refused_whole() {
    let (mut store, a) = store_with_strategy();
    let b = new_strategy(&mut store, "Other brand");
    let mine = store
        .save_post(a, None, &post("x", Some("2026-03-10T10:00"), "Mine"))
        .unwrap();
    let theirs = store
        .save_post(b, None, &post("x", Some("2026-03-10T10:00"), "Theirs"))
        .unwrap();
    let their_item = store
        .save_editorial(b, None, &editorial("2026-03-10", "Their article"))
        .unwrap();
    let mine_before = store.post(a, mine).unwrap();
    let theirs_before = store.post(b, theirs).unwrap();
    let their_item_before = store.editorial_item(b, their_item).unwrap();

    let mut changed = mine_before.clone();
    changed.data.title = "Changed".into();
    let mut stolen = theirs_before.clone();
    stolen.data.title = "Stolen".into();
    let e = store
        .apply_calendar_change(
            a,
            &CalendarChange {
                posts: vec![changed.clone(), stolen],
                delete_posts: vec![mine],
                ..CalendarChange::default()
            },
        )
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Conflict);
    assert_eq!(store.post(a, mine).unwrap(), mine_before);
    assert_eq!(store.post(b, theirs).unwrap(), theirs_before);

    let mut item = their_item_before.clone();
    item.data.title = "Stolen".into();
    let e = store
        .apply_calendar_change(
            a,
            &CalendarChange {
                posts: vec![changed],
                editorial: vec![item],
                ..CalendarChange::default()
            },
        )
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Conflict);
    assert_eq!(store.post(a, mine).unwrap(), mine_before);
    assert_eq!(
        store.editorial_item(b, their_item).unwrap(),
        their_item_before
    );
    assert!(store.calendar(a, None, None).unwrap().editorial.is_empty());

    // A deletion of another strategy's post does nothing to it.
    store
        .apply_calendar_change(
            a,
            &CalendarChange {
                delete_posts: vec![theirs],
                ..CalendarChange::default()
            },
        )
        .unwrap();
    assert_eq!(store.post(b, theirs).unwrap(), theirs_before);
}

#[test]
fn a_change_with_a_bad_post_is_refused_before_anything_is_written() {
    let (mut store, id) = store_with_strategy();
    let p = store
        .save_post(id, None, &post("x", Some("2026-03-10T10:00"), "Fine"))
        .unwrap();
    let before = store.post(id, p).unwrap();
    let mut bad = before.clone();
    bad.data.scheduled_at = Some("tomorrow".into());
    let e = store
        .apply_calendar_change(
            id,
            &CalendarChange {
                posts: vec![bad],
                delete_posts: vec![p],
                ..CalendarChange::default()
            },
        )
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Validation);
    let mut unknown = before.clone();
    unknown.data.network = "myspace".into();
    let e = store
        .apply_calendar_change(
            id,
            &CalendarChange {
                posts: vec![unknown],
                ..CalendarChange::default()
            },
        )
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Validation);
    assert_eq!(store.post(id, p).unwrap(), before);
}

// ---------------------------------------------------------------------------------------------------------------
// Relay posts.

#[test]
fn relay_posts_are_drafts_on_the_items_day_that_fit_their_network() {
    let mut store = Store::open_in_memory().unwrap();
    let s = store.create_sample().unwrap();
    let id = s.id;
    let link = format!("https://atelier-lumiere.example/journal/{}", "a".repeat(60));
    let title = format!(
        "Comment choisir sa bougie : {}",
        "cire, mèche, parfum. ".repeat(8)
    );
    let title = title.trim().to_owned();
    assert!(title.chars().count() <= 200);
    let item = store
        .save_editorial(
            id,
            None,
            &EditorialItemInput {
                link: link.clone(),
                ..editorial("2027-03-15", &title)
            },
        )
        .unwrap();
    let objectives = store.objectives(id).unwrap();
    let instagram_first = objectives
        .missions
        .iter()
        .find(|m| m.network == "instagram")
        .unwrap()
        .objectives[0];
    assert!(!objectives.missions.iter().any(|m| m.network == "x"));

    let made = store
        .create_relay_posts(id, item, &["x".to_owned(), "instagram".to_owned()])
        .unwrap();
    assert_eq!(made.len(), 2);
    for p in &made {
        assert_eq!(store.post(id, p.id).unwrap(), *p);
        assert_eq!(
            p.data.scheduled_at.as_deref(),
            Some(format!("2027-03-15T{RELAY_TIME}").as_str())
        );
        assert_eq!(RELAY_TIME, "10:00");
        assert_eq!(p.data.status, PostStatus::Draft);
        assert_eq!(p.data.editorial_item_id, Some(item));
        assert_eq!(p.data.pillar, Some(Pillar::Promotion));
        assert_eq!(p.data.title, title);
        assert_eq!(p.data.link, link);
    }
    let (x, instagram) = (&made[0].data, &made[1].data);
    assert_eq!(x.network, "x");
    // X takes 280 characters: the title is shortened, the link kept whole.
    assert!(text_length(&x.text) <= 280, "{}", text_length(&x.text));
    assert!(x.text.ends_with(&format!("… {link}")), "{}", x.text);
    assert!(title.starts_with(x.text.split('…').next().unwrap()));
    assert_eq!(x.objective_id, None);
    // Instagram has room for everything, and serves its mission's first objective.
    assert_eq!(instagram.text, format!("{title} {link}"));
    assert_eq!(instagram.objective_id, Some(instagram_first));

    let e = store
        .create_relay_posts(id, 999_999, &["x".to_owned()])
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound);
}

#[test]
fn relay_text_fits_the_limit() {
    // Fits, or no limit: the title and the link.
    assert_eq!(
        relay_text("Title", "https://a.b", Some(280)),
        "Title https://a.b"
    );
    assert_eq!(relay_text("Title", "", Some(5)), "Title");
    assert_eq!(relay_text(&"t".repeat(500), "https://a.b", None).len(), 512);
    // Too long without a link: the title shortened with "…".
    assert_eq!(relay_text("abcdef", "", Some(4)), "abc…");
    // Too long with a link: the link whole, the title shortened, no space before "…".
    assert_eq!(
        relay_text("Hello world again", "http://x.y", Some(20)),
        "Hello wo… http://x.y"
    );
    assert_eq!(
        relay_text("Hello world", "http://x.y", Some(18)),
        "Hello… http://x.y"
    );
    // Characters, not bytes.
    let t = relay_text(&"🕯".repeat(300), "", Some(280));
    assert_eq!(text_length(&t), 280);
    assert!(t.ends_with("🕯…"));
    // A link longer than the limit: only the link, cut to the limit.
    let t = relay_text("Title", "https://example.com/a/very/long/path", Some(10));
    assert_eq!(t, "https://ex");
    for max in 1..40 {
        let t = relay_text("Some title here", "https://a.b/c", Some(max));
        assert!(text_length(&t) <= max as usize, "{max}: {t}");
    }
}

/// Migration 9 gives the campaign a column of its own and drops the JSON CHECK of posts: a file from before it keeps
/// its campaigns, and every write (a new post, an edit, a move, an undo) keeps the column in step with the post.
#[test]
fn campaigns_come_through_their_own_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v8.sqlite3");
    let with_campaign = |campaign: &str, network: &str, at: Option<&str>| PostInput {
        campaign: campaign.into(),
        ..post(network, at, "Campaign post")
    };
    let (id, a) = {
        // Written as a Cinq of schema 8 wrote posts: the campaign only in the JSON.
        let mut store =
            Store::open_with_migrations(&path, &cinq_core::store::MIGRATIONS[..8]).unwrap();
        let id = new_strategy(&mut store, "Brand");
        let insert = |network: &str, at: Option<&str>, campaign: &str| {
            store
                .conn()
                .execute(
                    "INSERT INTO post (strategy_id, network, scheduled_at, data) VALUES (?1, ?2, ?3, ?4)",
                    rusqlite::params![
                        id,
                        network,
                        at,
                        format!(
                            r#"{{"pillar":"curation","title":"Campaign post","text":"t","status":"draft","campaign":"{campaign}"}}"#
                        )
                    ],
                )
                .unwrap();
            store.conn().last_insert_rowid()
        };
        let a = insert("linkedin", Some("2026-03-03T09:00"), "Spring");
        insert("x", None, "Autumn");
        insert("x", None, "");
        (id, a)
    };
    let mut store = Store::open(&path).unwrap();
    let campaigns = |store: &Store| {
        store
            .calendar_view(
                id,
                "2026-03-02",
                "2026-03-08",
                day("2026-03-02"),
                &CheckOptions::default(),
            )
            .unwrap()
            .campaigns
    };
    assert_eq!(campaigns(&store), ["Autumn", "Spring"]);
    let sql: String = store
        .conn()
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'post'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(!sql.contains("json_valid"), "{sql}");
    assert!(sql.contains("campaign"), "{sql}");
    // The connection that migrated has read the new definition again: a write no longer parses the JSON.
    store
        .conn()
        .execute_batch(&format!(
            "SAVEPOINT probe;
             INSERT INTO post (strategy_id, network, data) VALUES ({id}, 'x', 'not parsed');
             ROLLBACK TO probe;
             RELEASE probe;"
        ))
        .unwrap();

    let before = store.post(id, a).unwrap();
    store
        .save_post(
            id,
            Some(a),
            &with_campaign("Summer", "linkedin", Some("2026-03-03T09:00")),
        )
        .unwrap();
    assert_eq!(campaigns(&store), ["Autumn", "Summer"]);
    store.move_post(id, a, "x", None, true).unwrap();
    assert_eq!(campaigns(&store), ["Autumn", "Summer"]);
    let undo = CalendarChange {
        posts: vec![before],
        ..CalendarChange::default()
    };
    store.apply_calendar_change(id, &undo).unwrap();
    assert_eq!(
        campaigns(&store),
        ["Autumn", "Spring", "Summer"],
        "the copy keeps Summer, the post is back to Spring"
    );
    let integrity: String = store
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
}

/// A move answers with the post as saved and the rows and checks of the period after it, not with the period's posts.
#[test]
fn a_move_answers_with_its_post_the_rows_and_the_checks() {
    use cinq_core::calendar::view::{CalendarChanged, PostMoved};
    let (mut store, id) = planned();
    let p = store
        .save_post(
            id,
            None,
            &post("linkedin", Some("2026-03-03T09:00"), "Moved"),
        )
        .unwrap();
    store
        .move_post(id, p, "linkedin", Some("2026-03-04T09:00"), false)
        .unwrap();
    let view = store
        .calendar_view(
            id,
            "2026-03-02",
            "2026-03-08",
            day("2026-03-02"),
            &CheckOptions::default(),
        )
        .unwrap();
    let saved = store.post(id, p).unwrap();
    let moved = PostMoved::of(CalendarChanged {
        posts: vec![saved.clone()],
        editorial: Vec::new(),
        view: view.clone(),
    })
    .unwrap();
    assert_eq!(moved.post, saved);
    assert_eq!(moved.rows, view.rows);
    assert_eq!(moved.checks, view.checks);
    assert!(PostMoved::of(CalendarChanged {
        posts: Vec::new(),
        editorial: Vec::new(),
        view,
    })
    .is_none());
}

/// The blog is in one place: its articles are editorial items, which its mission's pace counts; it gets a row of its
/// own only once a post is put on it; the planner leaves it to the editorial calendar.
#[test]
fn the_blogs_articles_are_editorial_items_which_its_mission_counts() {
    let (mut store, id) = planned();
    store.select_network(id, "blog", true).unwrap();
    store
        .save_presence(
            id,
            &Presence {
                decision: Some(Decision::Keep),
                ..Presence::empty("blog")
            },
        )
        .unwrap();
    store
        .save_mission(
            id,
            &Mission {
                network: "blog".into(),
                statement: "Answer our customers' questions".into(),
                audiences: Vec::new(),
                objectives: Vec::new(),
                pillars: vec![Pillar::Curation],
                posts_per_week: Some(1.0),
            },
        )
        .unwrap();
    let view = |store: &Store| {
        store
            .calendar_view(
                id,
                "2026-03-02",
                "2026-03-15",
                day("2026-03-01"),
                &CheckOptions::default(),
            )
            .unwrap()
    };
    let blog_findings = |v: &cinq_core::calendar::view::CalendarView| {
        v.checks
            .checks
            .findings
            .iter()
            .filter(|f| f.finding.network.as_deref() == Some("blog"))
            .cloned()
            .collect::<Vec<_>>()
    };

    // No article yet: too few, in words of articles; no row for the blog.
    let v = view(&store);
    assert!(!v.rows.iter().any(|r| r.network == "blog"), "{:?}", v.rows);
    let low = blog_findings(&v)
        .into_iter()
        .find(|f| f.finding.kind == FindingKind::FrequencyTooLow)
        .expect("too few articles");
    assert_eq!(low.finding.title.en, "Too few articles on Blog");
    assert_eq!(low.finding.title.fr, "Trop peu d’articles sur le blog");
    assert!(
        low.finding.suggestion.en.contains("editorial calendar"),
        "{}",
        low.finding.suggestion.en
    );
    assert!(
        low.finding.suggestion.fr.contains("calendrier éditorial"),
        "{}",
        low.finding.suggestion.fr
    );

    // An article each week: the pace is met, and the items are what the finding would point at.
    let a1 = store
        .save_editorial(id, None, &editorial("2026-03-04", "How to choose"))
        .unwrap();
    let a2 = store
        .save_editorial(id, None, &editorial("2026-03-11", "Care guide"))
        .unwrap();
    let v = view(&store);
    assert!(blog_findings(&v).is_empty(), "{:?}", blog_findings(&v));
    // A newsletter issue is not a blog article.
    store
        .save_editorial(
            id,
            None,
            &EditorialItemInput {
                item_type: EditorialType::Newsletter,
                ..editorial("2026-03-05", "March letter")
            },
        )
        .unwrap();
    store.delete_editorial(id, a1).unwrap();
    let v = view(&store);
    let low = blog_findings(&v)
        .into_iter()
        .find(|f| f.finding.kind == FindingKind::FrequencyTooLow)
        .expect("one article in two weeks is too few");
    assert_eq!(low.editorial, vec![a2]);
    assert!(
        low.finding
            .explanation
            .en
            .starts_with("0.5 articles a week"),
        "{}",
        low.finding.explanation.en
    );
    assert!(
        low.finding
            .explanation
            .fr
            .starts_with("0,5 article par semaine"),
        "{}",
        low.finding.explanation.fr
    );

    // The planner plans the social networks, not the blog.
    let plan = store
        .plan_period(
            id,
            &cinq_core::calendar::plan::PlanRequest {
                from: "2026-03-02".into(),
                to: "2026-03-15".into(),
                networks: Vec::new(),
                avoid: Vec::new(),
                recycle: false,
                cooldown_days: None,
            },
            day("2026-03-01"),
        )
        .unwrap();
    assert!(plan.posts.iter().all(|p| p.post.network != "blog"));
    assert!(!plan.posts.is_empty());

    // A post put on the blog (an import, an older plan) gets the blog a row, and counts.
    store
        .save_post(
            id,
            None,
            &post("blog", Some("2026-03-12T09:00"), "Old style"),
        )
        .unwrap();
    let v = view(&store);
    assert!(v.rows.iter().any(|r| r.network == "blog"));
}

/// A new post on a row starts with the mission's first pillar, and with its objective when there is only one to serve.
#[test]
fn a_rows_new_post_starts_with_the_missions_pillar_and_its_only_objective() {
    use cinq_core::objectives::{KpiMetric, ObjectiveInput, ObjectiveType};
    let (mut store, id) = planned();
    let objective = |title: &str, networks: &[&str]| ObjectiveInput {
        title: title.into(),
        objective_type: ObjectiveType::Leads,
        marketing_objective_id: None,
        kpi_metric: Some(KpiMetric::Leads),
        kpi_name: String::new(),
        kpi_unit: String::new(),
        direction: KpiMetric::Leads.default_direction(),
        baseline: None,
        target: None,
        deadline: None,
        networks: networks.iter().map(|n| (*n).to_owned()).collect(),
        owner: String::new(),
        contribution: String::new(),
    };
    let leads = store
        .save_objective(id, None, &objective("Leads", &["linkedin"]))
        .unwrap();
    let visits = store
        .save_objective(id, None, &objective("Visits", &["x", "facebook"]))
        .unwrap();
    store
        .save_objective(id, None, &objective("Reputation", &["x"]))
        .unwrap();
    let rows = |store: &Store| {
        store
            .calendar_view(
                id,
                "2026-03-02",
                "2026-03-08",
                day("2026-03-01"),
                &CheckOptions::default(),
            )
            .unwrap()
            .rows
    };
    let row = |rows: &[cinq_core::calendar::view::CalendarRow], n: &str| {
        let r = rows.iter().find(|r| r.network == n).unwrap();
        (r.new_pillar, r.new_objective)
    };
    let r = rows(&store);
    // LinkedIn: no objective in its mission, one objective names it.
    assert_eq!(row(&r, "linkedin"), (Some(Pillar::Curation), Some(leads)));
    // X: two objectives name it, none in its mission: a choice to make.
    assert_eq!(row(&r, "x"), (Some(Pillar::Interaction), None));
    // Facebook: no mission; one objective names it.
    assert_eq!(row(&r, "facebook"), (None, Some(visits)));
    // The mission's only objective comes first.
    let mut x = store
        .objectives(id)
        .unwrap()
        .missions
        .into_iter()
        .find(|m| m.network == "x")
        .unwrap();
    x.objectives = vec![visits];
    store.save_mission(id, &x).unwrap();
    assert_eq!(
        row(&rows(&store), "x"),
        (Some(Pillar::Interaction), Some(visits))
    );
}

#[test]
fn a_change_answers_with_what_it_wrote_as_stored_and_the_view_of_today() {
    let (mut store, id) = store_with_strategy();
    let p = store
        .save_post(
            id,
            None,
            &post("instagram", Some("2026-03-02T09:00"), "Spring"),
        )
        .unwrap();
    let e = store
        .save_editorial(id, None, &editorial("2026-03-03", "Article"))
        .unwrap();
    let today = store.strategy_today(id).unwrap();
    let view = store
        .calendar_view(
            id,
            "2026-03-01",
            "2026-03-31",
            today,
            &CheckOptions::default(),
        )
        .unwrap();
    assert_eq!(
        store
            .calendar_view_now(id, "2026-03-01", "2026-03-31")
            .unwrap(),
        view
    );

    let changed = store
        .calendar_changed(id, &[p], &[e], "2026-03-01", "2026-03-31")
        .unwrap();
    assert_eq!(changed.posts, vec![store.post(id, p).unwrap()]);
    assert_eq!(
        changed.editorial,
        vec![store.editorial_item(id, e).unwrap()]
    );
    assert_eq!(changed.view, view);
    assert!(store
        .calendar_changed(id, &[p + 100], &[], "2026-03-01", "2026-03-31")
        .is_err());
}
