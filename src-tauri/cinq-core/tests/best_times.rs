//! Step 5's best times: the estimate on synthetic results with a known best slot, a single lucky post on a tiny reach,
//! too few posts, the week's circle, which posts count (the export's time, the planned post's, never a date alone;
//! a strategy's own, whatever their order in the file),
//! the migration that keeps the times earlier imports gave, the CLI, and property tests of the estimate.

mod support;

use proptest::prelude::*;

use cinq_core::adapt::best_times::{
    network_best_times, BestTimes, NetworkBestTimes, SlotEstimate, TimedPost, MAX_BEST, MIN_POSTS,
    MIN_SLOT_POSTS, SLOTS,
};
use cinq_core::adapt::results::Measures;
use cinq_core::adapt::results_import::ResultsImportOptions;
use cinq_core::calendar::{PostInput, PostStatus};
use cinq_core::{CoreError, Language, Store, StrategyInput};

// ---------------------------------------------------------------------------------------------------------------
// Helpers.

fn store_with_strategy() -> (Store, i64) {
    let mut store = Store::open_in_memory().unwrap();
    let s = store
        .create_strategy(&StrategyInput {
            name: "Brand".into(),
            organisation: String::new(),
            sector: String::new(),
            language: Language::Fr,
            timezone: "Europe/Paris".into(),
            start_date: "2026-01-05".into(),
        })
        .unwrap();
    (store, s.id)
}

fn input(network: &str, at: &str, title: &str, text: &str) -> PostInput {
    PostInput {
        network: network.into(),
        scheduled_at: Some(at.into()),
        pillar: None,
        topic_id: None,
        title: title.into(),
        text: text.into(),
        link: String::new(),
        media_notes: String::new(),
        status: PostStatus::Scheduled,
        editorial_item_id: None,
        objective_id: None,
        campaign: String::new(),
        ..PostInput::blank()
    }
}

/// A post at `at` (`YYYY-MM-DDTHH:MM`) whose results were typed: `engagements` reactions out of `reach`.
fn measured(
    store: &mut Store,
    id: i64,
    network: &str,
    at: &str,
    reach: u64,
    engagements: u64,
) -> i64 {
    let p = store
        .save_post(
            id,
            None,
            &input(network, at, &format!("{network} {at}"), ""),
        )
        .unwrap();
    store
        .save_post_results(id, p, &at[..10], &counts(reach, engagements))
        .unwrap();
    p
}

fn counts(reach: u64, engagements: u64) -> Measures {
    Measures {
        reach: Some(reach),
        impressions: Some(reach * 2),
        reactions: Some(engagements),
        ..Measures::default()
    }
}

/// The `k`th week's day at `hh:00`, from Monday 2026-01-05 (`weekday` 1 = Monday).
fn at(week: u32, weekday: u32, hour: u32) -> String {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()
        + chrono::Duration::days(i64::from(week * 7 + weekday - 1));
    format!("{}T{hour:02}:00", day.format("%Y-%m-%d"))
}

fn network<'a>(b: &'a BestTimes, key: &str) -> &'a NetworkBestTimes {
    b.networks
        .iter()
        .find(|n| n.network == key)
        .unwrap_or_else(|| panic!("no {key} in {:?}", b.networks))
}

fn slot(n: &NetworkBestTimes, weekday: u8, hour: u8) -> &SlotEstimate {
    n.slots
        .iter()
        .find(|s| s.weekday == weekday && s.hour == hour)
        .unwrap()
}

fn post(weekday: u32, hour: u32, reach: u64, engagements: u64) -> TimedPost {
    TimedPost::new(weekday, hour, &counts(reach, engagements)).unwrap()
}

// ---------------------------------------------------------------------------------------------------------------
// The estimate.

#[test]
fn the_known_best_slot_comes_first() {
    let (mut store, id) = store_with_strategy();
    // Four slots, eight posts each over eight weeks: Tuesday 10h does twice as well as the others.
    for week in 0..8 {
        for (weekday, hour, per_mille) in [(2, 10, 60), (1, 9, 30), (3, 14, 28), (4, 18, 32)] {
            let reach = 1000 + u64::from(week) * 37;
            measured(
                &mut store,
                id,
                "linkedin",
                &at(week, weekday, hour),
                reach,
                reach * per_mille / 1000,
            );
        }
    }
    let b = store.best_times(id, None).unwrap();
    assert_eq!(b.timezone, "Europe/Paris");
    let n = network(&b, "linkedin");
    assert_eq!(
        (n.posts, n.left_out, n.enough_data, n.needed),
        (32, 0, true, 0)
    );
    assert_eq!(n.slots.len(), SLOTS);
    let best = &n.best[0];
    assert_eq!((best.weekday, best.hour, best.posts), (2, 10, 8));
    // Shrunk toward the network's rate (3.75 %), but not far.
    assert!(0.05 < best.rate && best.rate < 0.06, "{best:?}");
    assert!(best.low < best.rate && best.rate < best.high);
    // Its interval is clear of the others'.
    for other in &n.best[1..] {
        assert!(other.high < best.low, "{other:?} overlaps {best:?}");
    }
    // Only the four slots with posts are listed, best first.
    assert_eq!(n.best.len(), 4);
    assert!(n.best.windows(2).all(|w| w[0].rate >= w[1].rate));
    assert_eq!((n.best[1].weekday, n.best[1].hour), (4, 18));
    // The network's rate is the sum of engagements over the sum of reach.
    let rate = n.rate.unwrap();
    assert!((rate - 0.0375).abs() < 0.001, "{rate}");
    // The slot to try has no post of its own and neighbours one that has: next to the best slot.
    let t = n.to_try.as_ref().unwrap();
    assert_eq!(t.posts, 0);
    assert_eq!(t.weekday, 2);
    assert!(t.hour == 9 || t.hour == 11, "{t:?}");
    assert!(
        n.note.en.contains("32 posts") && n.note.fr.contains("32 publications"),
        "{:?}",
        n.note
    );
}

#[test]
fn a_single_lucky_post_on_a_tiny_reach_is_shrunk_and_never_listed() {
    let mut posts = Vec::new();
    for week in 0..6 {
        let reach = 2000 + week * 100;
        posts.push(post(2, 10, reach, reach * 50 / 1000));
        posts.push(post(4, 15, reach, reach * 30 / 1000));
    }
    // 15 engagements out of a reach of 20: 75 %, on Saturday at 3 a.m.
    posts.push(post(6, 3, 20, 15));
    let n = network_best_times("instagram", "Instagram", &posts, 0);
    assert!(n.enough_data);
    let lucky = slot(&n, 6, 3);
    let rate = n.rate.unwrap();
    assert_eq!(lucky.posts, 1);
    // Near the network's rate, which its interval holds, and below the slot that is really the best.
    assert!(lucky.rate < 0.05, "not shrunk: {lucky:?}");
    assert!(lucky.low < rate && rate < lucky.high, "{lucky:?} vs {rate}");
    assert!(lucky.rate < slot(&n, 2, 10).rate, "{lucky:?}");
    assert!(n.best.iter().all(|s| s.posts >= MIN_SLOT_POSTS));
    assert!(!n.best.iter().any(|s| (s.weekday, s.hour) == (6, 3)));
    assert_eq!((n.best[0].weekday, n.best[0].hour), (2, 10));
    // Without shrinkage, the lucky post would be 0.75.
    assert_eq!(lucky.engagements * 100 / lucky.reach, 75);
}

#[test]
fn too_few_posts_say_how_many_more_are_needed() {
    let (mut store, id) = store_with_strategy();
    for week in 0..9 {
        measured(&mut store, id, "facebook", &at(week, 3, 12), 800, 30);
    }
    let n = store
        .best_times(id, Some("facebook"))
        .unwrap()
        .networks
        .remove(0);
    assert_eq!(n.network, "facebook");
    assert_eq!((n.posts, n.enough_data, n.needed), (9, false, 1));
    assert!(n.best.is_empty() && n.slots.is_empty() && n.to_try.is_none());
    assert!(n.rate.is_some());
    assert_eq!(
        n.note.en,
        "Not enough data yet: 9 posts on Facebook with results and a known time; 1 more is needed."
    );
    assert_eq!(
        n.note.fr,
        "Pas encore assez de données : 9 publications sur Facebook avec des résultats et une heure connue ; il en faut encore 1."
    );
    // The tenth post is enough.
    measured(&mut store, id, "facebook", &at(9, 3, 12), 800, 30);
    let n = store
        .best_times(id, Some("facebook"))
        .unwrap()
        .networks
        .remove(0);
    assert_eq!((n.posts, n.enough_data, n.needed), (MIN_POSTS, true, 0));
    assert_eq!(n.best.len(), 1);
    // No post at all: the whole count is needed.
    let n = network_best_times("x", "X", &[], 0);
    assert_eq!((n.posts, n.needed, n.rate), (0, MIN_POSTS, None));
    assert!(
        n.note.en.contains("0 posts") && n.note.fr.contains("0 publication sur"),
        "{:?}",
        n.note
    );
}

#[test]
fn each_post_counts_once_with_its_latest_numbers() {
    let (mut store, id) = store_with_strategy();
    let mut posts = Vec::new();
    for week in 0..10 {
        posts.push(measured(
            &mut store,
            id,
            "linkedin",
            &at(week, 1, 9),
            1000,
            10,
        ));
    }
    // A week later, the first post's numbers grew; an earlier day's numbers typed later do not count.
    store
        .save_post_results(id, posts[0], "2026-01-12", &counts(2000, 50))
        .unwrap();
    store
        .save_post_results(id, posts[1], "2026-01-01", &counts(9000, 900))
        .unwrap();
    let n = store
        .best_times(id, Some("linkedin"))
        .unwrap()
        .networks
        .remove(0);
    assert_eq!(n.posts, 10);
    let monday_9 = slot(&n, 1, 9);
    assert_eq!(
        (monday_9.posts, monday_9.reach, monday_9.engagements),
        (10, 2000 + 9 * 1000, 50 + 9 * 10)
    );
}

#[test]
fn each_strategy_counts_its_own_posts_whatever_their_order_in_the_file() {
    let (mut store, a) = store_with_strategy();
    let b = store
        .create_strategy(&StrategyInput {
            name: "Other brand".into(),
            organisation: String::new(),
            sector: String::new(),
            language: Language::En,
            timezone: "Europe/Paris".into(),
            start_date: "2026-01-05".into(),
        })
        .unwrap()
        .id;
    // The two strategies' posts alternate in the file, with drafts without results between them, and the other
    // strategy's posts have several snapshots each.
    for week in 0..10 {
        store
            .save_post(a, None, &input("linkedin", &at(week, 2, 10), "Draft", ""))
            .unwrap();
        measured(&mut store, a, "linkedin", &at(week, 1, 9), 1000, 10);
        let other = measured(&mut store, b, "linkedin", &at(week, 5, 17), 500, 5);
        store
            .save_post_results(b, other, &at(week + 1, 5, 17)[..10], &counts(800, 40))
            .unwrap();
        store
            .save_post(b, None, &input("linkedin", &at(week, 3, 8), "Draft", ""))
            .unwrap();
    }
    // A post moved after its results were typed counts at its new time.
    let moved = measured(&mut store, a, "linkedin", &at(3, 4, 15), 1000, 30);
    store
        .save_post(
            a,
            Some(moved),
            &input("linkedin", &at(3, 4, 16), "Moved", ""),
        )
        .unwrap();
    let n = network(&store.best_times(a, None).unwrap(), "linkedin").clone();
    assert_eq!((n.posts, n.left_out), (11, 0));
    let monday_9 = slot(&n, 1, 9);
    assert_eq!(
        (monday_9.posts, monday_9.reach, monday_9.engagements),
        (10, 10_000, 100)
    );
    assert_eq!((slot(&n, 4, 15).posts, slot(&n, 4, 16).posts), (0, 1));
    assert_eq!(slot(&n, 5, 17).posts + slot(&n, 2, 10).posts, 0);
    let n = network(&store.best_times(b, None).unwrap(), "linkedin").clone();
    assert_eq!((n.posts, n.left_out), (10, 0));
    let friday_17 = slot(&n, 5, 17);
    assert_eq!(
        (friday_17.posts, friday_17.reach, friday_17.engagements),
        (10, 8_000, 400)
    );
    assert_eq!(slot(&n, 1, 9).posts + slot(&n, 3, 8).posts, 0);
}

#[test]
fn hours_share_strength_in_a_circle_over_the_week() {
    let mut posts = Vec::new();
    for week in 0..5 {
        let _ = week;
        posts.push(post(7, 23, 1000, 90));
        posts.push(post(3, 12, 1000, 20));
        posts.push(post(3, 12, 1000, 25));
    }
    let n = network_best_times("linkedin", "LinkedIn", &posts, 0);
    let monday_midnight = slot(&n, 1, 0);
    let sunday_22 = slot(&n, 7, 22);
    let alone = slot(&n, 5, 5);
    let prior = n.rate.unwrap();
    // Monday 0h has no post, but its neighbour across the week's end pulls it up, like Sunday 22h.
    assert_eq!(monday_midnight.posts, 0);
    assert!(
        monday_midnight.rate > prior,
        "{monday_midnight:?} vs {prior}"
    );
    assert!((monday_midnight.rate - sunday_22.rate).abs() < 1e-12);
    // A slot with no neighbour rests on the prior alone: wider, and at the network's rate.
    assert!((alone.rate - prior).abs() < 0.002, "{alone:?} vs {prior}");
    assert!(alone.high - alone.low > monday_midnight.high - monday_midnight.low);
    // The slot to try is next to the best one.
    let t = n.to_try.unwrap();
    assert!(
        (t.weekday, t.hour) == (1, 0) || (t.weekday, t.hour) == (7, 22),
        "{t:?}"
    );
}

#[test]
fn at_most_the_best_few_are_listed() {
    let posts: Vec<TimedPost> = (0..10u32)
        .flat_map(|h| (0..3).map(move |_| post(1, h * 2, 1000, 10 + u64::from(h))))
        .collect();
    let n = network_best_times("linkedin", "LinkedIn", &posts, 0);
    assert_eq!(n.best.len(), MAX_BEST);
    assert_eq!((n.best[0].weekday, n.best[0].hour), (1, 18));
}

#[test]
fn engagements_above_the_reach_count_as_the_reach_and_impressions_stand_in_for_it() {
    let m = Measures {
        impressions: Some(100),
        reach: None,
        reactions: Some(250),
        ..Measures::default()
    };
    assert_eq!(
        TimedPost::new(1, 0, &m),
        Some(TimedPost {
            slot: 0,
            engagements: 100,
            reach: 100
        })
    );
    // Reach first; no engagements or no audience: no rate.
    assert_eq!(TimedPost::new(7, 23, &counts(40, 3)).unwrap().reach, 40);
    assert_eq!(TimedPost::new(7, 23, &counts(40, 3)).unwrap().slot, 167);
    assert_eq!(
        TimedPost::new(
            1,
            0,
            &Measures {
                reach: Some(40),
                clicks: Some(3),
                ..Measures::default()
            }
        ),
        None
    );
    assert_eq!(TimedPost::new(1, 0, &counts(0, 0)), None);
    assert_eq!(TimedPost::new(8, 0, &counts(10, 1)), None);
    assert_eq!(TimedPost::new(1, 24, &counts(10, 1)), None);
}

// ---------------------------------------------------------------------------------------------------------------
// Which posts count.

const X_TWEETS_HEADER: &str = "Tweet id,Tweet permalink,Tweet text,time,impressions,engagements,engagement rate,\
retweets,replies,likes,user profile clicks,url clicks,hashtag clicks,detail expands,permalink clicks,app opens,\
app installs,follows,email tweet,dial phone,media views,media engagements";

fn tweet(id: &str, time: &str, text: &str) -> String {
    let counts = "1500.0,90.0,0.06,10.0,5.0,40.0";
    let pad = ",".repeat(18 - counts.split(',').count());
    format!("{id},https://twitter.com/brand/status/{id},\"{text}\",{time},{counts}{pad}")
}

const X_POSTS_HEADER: &str =
    "Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,\
New follows,Replies,Reposts,Profile visits,Detail Expands,URL Clicks";

fn import(store: &mut Store, id: i64, name: &str, text: &str) {
    let options = ResultsImportOptions {
        skip_invalid: false,
        dry_run: false,
        taken_on: Some("2026-03-02".into()),
    };
    let r = store
        .import_results(id, name, text.as_bytes(), &options, &mut |_, _| true)
        .unwrap();
    assert_eq!(r.rejected, 0, "{r:?}");
}

#[test]
fn the_exports_time_counts_else_the_planned_posts_and_never_a_date_alone() {
    let (mut store, id) = store_with_strategy();
    // Ten posts typed by hand on Wednesdays at noon: enough data.
    for week in 0..10 {
        measured(&mut store, id, "x", &at(week, 3, 12), 1000, 20);
    }
    // A planned post on Tuesday 2026-02-10 at 8:00; the export says it went out at 7:30 UTC, 8:30 in Paris.
    let planned = store
        .save_post(
            id,
            None,
            &input(
                "x",
                "2026-02-10T08:00",
                "Carte d'été",
                "Notre nouvelle carte d'été arrive : glaces artisanales",
            ),
        )
        .unwrap();
    let tweets = [
        X_TWEETS_HEADER.to_owned(),
        tweet(
            "1001",
            "2026-02-10 07:30 +0000",
            "Notre nouvelle carte d'été arrive : glaces artisanales",
        ),
        // No planned post: an unplanned post, whose time the export gives (Saturday 18:05 in Paris).
        tweet(
            "1002",
            "2026-02-14 17:05 +0000",
            "Bonne Saint-Valentin à tous nos clients",
        ),
    ]
    .join("\n");
    import(&mut store, id, "tweets.csv", &tweets);
    let p = store
        .post_results(id, planned)
        .unwrap()
        .publication
        .unwrap();
    assert_eq!(p.published_at.as_deref(), Some("2026-02-10T08:30"));
    assert!(!p.unplanned);
    // X's post export gives the date alone: two unplanned posts put at noon, whose time is unknown.
    let posts = [
        X_POSTS_HEADER.to_owned(),
        "2001,\"Sat, Feb 21, 2026\",\"Un autre jour\",https://x.com/brand/status/2001,900,30,40,1,2,0,3,4,5,6,7".into(),
        "2002,\"Sun, Feb 22, 2026\",\"Encore un\",https://x.com/brand/status/2002,900,30,40,1,2,0,3,4,5,6,7".into(),
        // The first tweet again, in the export with the date alone: its time stays.
        "1001,\"Tue, Feb 10, 2026\",\"Notre nouvelle carte d'été arrive : glaces artisanales\",https://x.com/brand/status/1001,1600,95,40,1,2,0,3,4,5,6,7".into(),
    ]
    .join("\n");
    import(&mut store, id, "posts.csv", &posts);
    let p = store
        .post_results(id, planned)
        .unwrap()
        .publication
        .unwrap();
    assert_eq!(p.published_at.as_deref(), Some("2026-02-10T08:30"));

    let n = network(&store.best_times(id, None).unwrap(), "x").clone();
    assert_eq!((n.posts, n.left_out), (12, 2), "{:?}", n.note);
    assert_eq!(
        slot(&n, 2, 8).posts,
        1,
        "the export's time, not the plan's 8:00"
    );
    assert_eq!(slot(&n, 6, 18).posts, 1);
    assert_eq!(slot(&n, 6, 12).posts + slot(&n, 7, 12).posts, 0);
    assert_eq!(slot(&n, 3, 12).posts, 10);
    assert!(
        n.note.en.contains("2 posts with results left out"),
        "{}",
        n.note.en
    );
    assert!(
        n.note
            .fr
            .contains("2 publications avec des résultats sont laissées de côté"),
        "{}",
        n.note.fr
    );

    // Linking an unplanned post to a planned one carries the export's time with it.
    let unplanned = store.unplanned_posts(id).unwrap();
    let saturday = unplanned
        .iter()
        .find(|p| p.data.title.contains("Valentin"))
        .unwrap()
        .id;
    let target = store
        .save_post(id, None, &input("x", "2026-02-14T09:00", "Valentin", ""))
        .unwrap();
    let linked = store.link_unplanned(id, saturday, target).unwrap();
    assert_eq!(
        linked.publication.unwrap().published_at.as_deref(),
        Some("2026-02-14T18:05")
    );
    let n = network(&store.best_times(id, None).unwrap(), "x").clone();
    assert_eq!((slot(&n, 6, 18).posts, slot(&n, 6, 9).posts), (1, 0));
}

#[test]
fn the_strategy_file_keeps_the_exports_time() {
    let (mut store, id) = store_with_strategy();
    let planned = store
        .save_post(
            id,
            None,
            &input(
                "x",
                "2026-02-10T08:00",
                "Carte",
                "Notre nouvelle carte d'été arrive : glaces artisanales",
            ),
        )
        .unwrap();
    let tweets = [
        X_TWEETS_HEADER.to_owned(),
        tweet(
            "1001",
            "2026-02-10 07:30 +0000",
            "Notre nouvelle carte d'été arrive : glaces artisanales",
        ),
    ]
    .join("\n");
    import(&mut store, id, "tweets.csv", &tweets);
    assert!(store
        .post_results(id, planned)
        .unwrap()
        .publication
        .unwrap()
        .published_at
        .is_some());
    let file = store.export_strategy(id).unwrap();
    assert_eq!(file.version, cinq_core::file::FORMAT_VERSION);
    let json = serde_json::to_string(&file).unwrap();
    assert!(
        json.contains("\"published_at\":\"2026-02-10T08:30\""),
        "{json}"
    );
    let copy = store.import_strategy(&file).unwrap();
    let b = store.best_times(copy.id, Some("x")).unwrap();
    assert_eq!(b.networks[0].posts, 1);
    let again = store.export_strategy(copy.id).unwrap();
    assert_eq!(again.strategy.calendar, file.strategy.calendar);
}

#[test]
fn the_migration_keeps_the_times_earlier_imports_gave_to_unplanned_posts() {
    use cinq_core::store::MIGRATIONS;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.sqlite3");
    let before = MIGRATIONS.len() - 1;
    {
        let mut store = Store::open_with_migrations(&db, &MIGRATIONS[..before]).unwrap();
        let s = store
            .create_strategy(&StrategyInput {
                name: "Old".into(),
                organisation: String::new(),
                sector: String::new(),
                language: Language::En,
                timezone: "Europe/Paris".into(),
                start_date: "2026-01-05".into(),
            })
            .unwrap();
        drop(store);
        let conn = rusqlite::Connection::open(&db).unwrap();
        let data = r#"{"title":"","text":"","status":"published"}"#;
        for (post, at, unplanned) in [
            (1, "2026-02-10T09:30", true),
            (2, "2026-02-11T12:00", true),
            (3, "2026-02-12T08:00", false),
        ] {
            conn.execute(
                "INSERT INTO post (id, strategy_id, network, scheduled_at, data) VALUES (?1, ?2, 'x', ?3, ?4)",
                rusqlite::params![post, s.id, at, data],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO publication (post_id, strategy_id, network, external_id, unplanned) VALUES (?1, ?2, 'x', ?1, ?3)",
                rusqlite::params![post, s.id, unplanned],
            )
            .unwrap();
        }
    }
    let store = Store::open(&db).unwrap();
    let at: Vec<Option<String>> = store
        .conn()
        .prepare("SELECT published_at FROM publication ORDER BY post_id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    // An unplanned post's time is its export's, unless it is the noon of a date alone; a planned post keeps its own.
    assert_eq!(at, [Some("2026-02-10T09:30".to_owned()), None, None]);
}

#[test]
fn a_network_not_of_the_strategy_is_refused() {
    let (store, id) = store_with_strategy();
    let e = store.best_times(id, Some("myspace")).unwrap_err();
    assert!(
        matches!(e, CoreError::Validation(ref f) if f[0].field == "network" && f[0].code == "unknown_network"),
        "{e:?}"
    );
    assert!(store.best_times(id + 1, None).is_err());
}

// ---------------------------------------------------------------------------------------------------------------
// The CLI.

#[test]
fn cli_prints_the_best_times_as_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cinq.sqlite3");
    let r = support::cinq(
        &db,
        &[
            "strategy",
            "create",
            "--name",
            "Brand",
            "--timezone",
            "Europe/Paris",
            "--json",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    {
        let mut store = Store::open(&db).unwrap();
        let id = store.find_strategy("Brand").unwrap().id;
        for week in 0..4 {
            measured(&mut store, id, "linkedin", &at(week, 2, 10), 1000, 60);
            measured(&mut store, id, "linkedin", &at(week, 4, 16), 1000, 30);
            measured(&mut store, id, "linkedin", &at(week, 5, 8), 1000, 20);
            measured(&mut store, id, "instagram", &at(week, 5, 8), 1000, 20);
        }
    }
    let r = support::cinq(&db, &["results", "best-times", "Brand", "--json"]);
    assert_eq!(r.code, 0, "{}", r.err);
    let v: serde_json::Value = serde_json::from_str(&r.out).unwrap();
    let networks = v["networks"].as_array().unwrap();
    let linkedin = networks
        .iter()
        .find(|n| n["network"] == "linkedin")
        .unwrap();
    assert_eq!(linkedin["posts"], 12);
    assert_eq!(linkedin["enough_data"], true);
    let best = linkedin["best"].as_array().unwrap();
    assert_eq!(best.len(), 3);
    assert_eq!(
        (best[0]["weekday"].as_u64(), best[0]["hour"].as_u64()),
        (Some(2), Some(10))
    );
    assert_eq!(best[0]["posts"], 4);
    for s in best {
        let (rate, low, high) = (
            s["rate"].as_f64().unwrap(),
            s["low"].as_f64().unwrap(),
            s["high"].as_f64().unwrap(),
        );
        assert!(
            0.0 <= low && low <= rate && rate <= high && high <= 1.0,
            "{s}"
        );
    }
    let instagram = networks
        .iter()
        .find(|n| n["network"] == "instagram")
        .unwrap();
    assert_eq!(
        (
            instagram["posts"].as_u64(),
            instagram["enough_data"].as_bool()
        ),
        (Some(4), Some(false))
    );
    assert_eq!(instagram["needed"], 6);
    assert_eq!(instagram["best"].as_array().unwrap().len(), 0);

    let r = support::cinq(
        &db,
        &["results", "best-times", "Brand", "--network", "linkedin"],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(
        r.out.contains("Best times of 'Brand' (Europe/Paris):"),
        "{}",
        r.out
    );
    assert!(
        r.out.contains("  linkedin: 12 post(s), rate 3.7 %"),
        "{}",
        r.out
    );
    assert!(r.out.contains("    1. Tue 10:00  "), "{}", r.out);
    assert!(
        r.out.contains("to try (a test, not a recommendation): "),
        "{}",
        r.out
    );
    assert!(!r.out.contains("instagram"), "{}", r.out);

    let r = support::cinq(
        &db,
        &["results", "best-times", "Brand", "--network", "myspace"],
    );
    assert_eq!(r.code, 1);
    assert!(r.err.contains("network"), "{}", r.err);
}

// ---------------------------------------------------------------------------------------------------------------
// Properties.

fn any_post() -> impl Strategy<Value = TimedPost> {
    (
        1u32..=7,
        0u32..24,
        1u64..10_000_000,
        0u64..=1000,
        any::<bool>(),
    )
        .prop_map(|(weekday, hour, reach, per_mille, over)| {
            // Now and then more engagements than reach (capped), and tiny reaches.
            let engagements = if over {
                reach * 2
            } else {
                reach * per_mille / 1000
            };
            let reach = if per_mille % 7 == 0 {
                reach % 30 + 1
            } else {
                reach
            };
            TimedPost::new(weekday, hour, &counts(reach, engagements)).unwrap()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn the_estimate_never_panics_and_stays_in_its_bounds(
        posts in prop::collection::vec(any_post(), 0..200),
        left_out in 0u32..5,
    ) {
        let n = network_best_times("linkedin", "LinkedIn", &posts, left_out);
        prop_assert_eq!(n.posts as usize, posts.len());
        prop_assert_eq!(n.enough_data, posts.len() >= MIN_POSTS as usize);
        prop_assert_eq!(n.slots.len(), if n.enough_data { SLOTS } else { 0 });
        if let Some(r) = n.rate {
            prop_assert!((0.0..=1.0).contains(&r));
        }
        for s in n.slots.iter().chain(&n.best).chain(&n.to_try) {
            prop_assert!(s.rate.is_finite() && s.low.is_finite() && s.high.is_finite(), "{:?}", s);
            prop_assert!(0.0 <= s.low && s.low <= s.rate && s.rate <= s.high && s.high <= 1.0, "{:?}", s);
            prop_assert!((1..=7).contains(&s.weekday) && s.hour < 24);
        }
        prop_assert!(n.best.len() <= MAX_BEST);
        prop_assert!(n.best.iter().all(|s| s.posts >= MIN_SLOT_POSTS));
        prop_assert!(n.best.windows(2).all(|w| w[0].rate >= w[1].rate));
        if let Some(t) = &n.to_try {
            prop_assert_eq!(t.posts, 0);
        }
        let own: u32 = n.slots.iter().map(|s| s.posts).sum();
        prop_assert!(!n.enough_data || own == n.posts);
    }
}
