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
    // The schema before migration 12, which added the publication's time.
    let before = 11;
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

// ---------------------------------------------------------------------------------------------------------------
// The posts' latest results (store migration 13), kept by triggers: after any write, the table equals what its view
// computes from the snapshots, posts and publications.

/// A write to the tables the latest results come from.
#[derive(Debug, Clone)]
enum Write {
    Snapshot {
        post: i64,
        day: u32,
        reach: i64,
        reactions: i64,
    },
    ChangeSnapshot {
        post: i64,
        day: u32,
        to_post: i64,
        reach: i64,
    },
    DeleteSnapshot {
        post: i64,
        day: u32,
    },
    Publication {
        post: i64,
        at: Option<u32>,
        unplanned: bool,
    },
    ChangePublication {
        post: i64,
        at: Option<u32>,
        unplanned: bool,
    },
    DeletePublication {
        post: i64,
    },
    MovePost {
        post: i64,
        hour: Option<u32>,
        network: bool,
        strategy: bool,
    },
    DeletePost {
        post: i64,
    },
    DeleteStrategy {
        second: bool,
    },
    /// A large write begins (the triggers only note the posts they touch) or ends (the noted posts are computed).
    Pause,
    Resume,
}

fn any_write() -> impl Strategy<Value = Write> {
    let post = 1..=6_i64;
    prop_oneof![
        4 => (post.clone(), 0..4_u32, 0..500_i64, 0..50_i64)
            .prop_map(|(post, day, reach, reactions)| Write::Snapshot { post, day, reach, reactions }),
        1 => (post.clone(), 0..4_u32, 1..=6_i64, 0..500_i64)
            .prop_map(|(post, day, to_post, reach)| Write::ChangeSnapshot { post, day, to_post, reach }),
        1 => (post.clone(), 0..4_u32).prop_map(|(post, day)| Write::DeleteSnapshot { post, day }),
        2 => (post.clone(), proptest::option::of(0..24_u32), any::<bool>())
            .prop_map(|(post, at, unplanned)| Write::Publication { post, at, unplanned }),
        1 => (post.clone(), proptest::option::of(0..24_u32), any::<bool>())
            .prop_map(|(post, at, unplanned)| Write::ChangePublication { post, at, unplanned }),
        1 => post.clone().prop_map(|post| Write::DeletePublication { post }),
        2 => (post.clone(), proptest::option::of(0..24_u32), any::<bool>(), any::<bool>())
            .prop_map(|(post, hour, network, strategy)| Write::MovePost { post, hour, network, strategy }),
        1 => post.prop_map(|post| Write::DeletePost { post }),
        1 => any::<bool>().prop_map(|second| Write::DeleteStrategy { second }),
        1 => Just(Write::Pause),
        1 => Just(Write::Resume),
    ]
}

/// Two strategies with three posts each (ids 1–6), no results yet.
fn store_for_writes() -> (Store, [i64; 2]) {
    let mut store = Store::open_in_memory().unwrap();
    let mut ids = [0; 2];
    for (n, id) in ids.iter_mut().enumerate() {
        *id = store
            .create_strategy(&StrategyInput {
                name: format!("Brand {n}"),
                organisation: String::new(),
                sector: String::new(),
                language: Language::En,
                timezone: "Europe/Paris".into(),
                start_date: "2026-01-05".into(),
            })
            .unwrap()
            .id;
    }
    for post in 1..=6_i64 {
        store
            .conn()
            .execute(
                "INSERT INTO post (id, strategy_id, network, scheduled_at, data) VALUES (?1, ?2, 'x', ?3, ?4)",
                rusqlite::params![
                    post,
                    ids[usize::from(post > 3)],
                    format!("2026-02-0{post}T10:00"),
                    r#"{"title":"","text":"","status":"published"}"#
                ],
            )
            .unwrap();
    }
    (store, ids)
}

/// Applies a write with plain SQL, as any code path would; a write SQLite refuses (a constraint) changes nothing.
fn apply(store: &Store, ids: [i64; 2], w: &Write) {
    let conn = store.conn();
    let day = |d: u32| format!("2026-03-0{}", d + 1);
    let at = |h: Option<u32>| h.map(|h| format!("2026-02-10T{h:02}:15"));
    let _ = match w {
        Write::Snapshot { post, day: d, reach, reactions } => conn.execute(
            "INSERT INTO result_snapshot (post_id, taken_on, source, reach, reactions) VALUES (?1, ?2, 'import', ?3, ?4)
             ON CONFLICT (post_id, taken_on) DO UPDATE SET reach = excluded.reach, reactions = excluded.reactions",
            rusqlite::params![post, day(*d), reach, reactions],
        ),
        Write::ChangeSnapshot { post, day: d, to_post, reach } => conn.execute(
            "UPDATE result_snapshot SET post_id = ?3, reach = ?4 WHERE post_id = ?1 AND taken_on = ?2",
            rusqlite::params![post, day(*d), to_post, reach],
        ),
        Write::DeleteSnapshot { post, day: d } => conn.execute(
            "DELETE FROM result_snapshot WHERE post_id = ?1 AND taken_on = ?2",
            rusqlite::params![post, day(*d)],
        ),
        Write::Publication { post, at: h, unplanned } => conn.execute(
            "INSERT INTO publication (post_id, strategy_id, network, external_id, unplanned, published_at)
             SELECT id, strategy_id, network, id, ?2, ?3 FROM post WHERE id = ?1",
            rusqlite::params![post, unplanned, at(*h)],
        ),
        Write::ChangePublication { post, at: h, unplanned } => conn.execute(
            "UPDATE publication SET published_at = ?2, unplanned = ?3 WHERE post_id = ?1",
            rusqlite::params![post, at(*h), unplanned],
        ),
        Write::DeletePublication { post } => {
            conn.execute("DELETE FROM publication WHERE post_id = ?1", [post])
        }
        Write::MovePost { post, hour, network, strategy } => {
            // Only the columns the write names are set, as the app's own updates do.
            let mut set = Vec::new();
            if let Some(h) = hour {
                set.push(format!("scheduled_at = '2026-02-11T{h:02}:00'"));
            }
            if *network {
                set.push("network = 'linkedin'".to_owned());
            }
            if *strategy {
                set.push(format!("strategy_id = {}", ids[1]));
            }
            if set.is_empty() {
                return;
            }
            conn.execute(&format!("UPDATE post SET {} WHERE id = ?1", set.join(", ")), [post])
        }
        Write::DeletePost { post } => conn.execute("DELETE FROM post WHERE id = ?1", [post]),
        Write::Pause => conn.execute("INSERT OR IGNORE INTO latest_result_paused VALUES (1)", []),
        Write::Resume => conn.execute_batch(cinq_core::store::RESUME_LATEST_RESULTS).map(|_| 0),
        Write::DeleteStrategy { second } => conn.execute(
            "DELETE FROM strategy WHERE id = ?1",
            [ids[usize::from(*second)]],
        ),
    };
}

type LatestRow = (i64, i64, String, Option<String>, Option<i64>, Option<i64>);

fn latest_rows(store: &Store, from: &str) -> Vec<LatestRow> {
    store
        .conn()
        .prepare(&format!(
            "SELECT strategy_id, post_id, network, at, reach, engagements FROM {from} ORDER BY post_id"
        ))
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(128)
    ))]

    #[test]
    fn latest_results_follow_every_write(writes in proptest::collection::vec(any_write(), 1..40)) {
        let (store, ids) = store_for_writes();
        let mut paused = false;
        for w in writes.iter().chain([&Write::Resume]) {
            apply(&store, ids, w);
            paused = match w {
                Write::Pause => true,
                Write::Resume => false,
                _ => paused,
            };
            if paused {
                continue;
            }
            prop_assert_eq!(
                latest_rows(&store, "latest_result"),
                latest_rows(&store, "latest_result_source"),
                "after {:?}", w
            );
        }
    }
}

#[test]
fn latest_results_follow_the_apps_own_writes() {
    // A results import, a strategy's duplicate, its deletion and the purge, through the store's own calls.
    let (mut store, id) = store_with_strategy();
    import(
        &mut store,
        id,
        "x.csv",
        &[
            X_TWEETS_HEADER.to_owned(),
            tweet("1001", "2026-02-10 09:30 +0000", "One"),
            tweet("1002", "2026-02-11 18:00 +0000", "Two"),
        ]
        .join("\n"),
    );
    let rows = latest_rows(&store, "latest_result");
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows, latest_rows(&store, "latest_result_source"));
    let copy = store.duplicate_strategy(id).unwrap();
    let rows = latest_rows(&store, "latest_result");
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert_eq!(rows, latest_rows(&store, "latest_result_source"));
    // The copy learns from the same posts as the original.
    let posts = |id| {
        store
            .best_times(id, None)
            .unwrap()
            .networks
            .iter()
            .map(|n| (n.network.clone(), n.posts))
            .collect::<Vec<_>>()
    };
    assert_eq!(posts(copy.id), posts(id));
    store.delete_strategy(id).unwrap();
    store.purge_deleted().unwrap();
    let rows = latest_rows(&store, "latest_result");
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows.iter().all(|r| r.0 == copy.id), "{rows:?}");
    assert_eq!(rows, latest_rows(&store, "latest_result_source"));
}

/// A stored value as a hand-edited file may hold it: none, a whole number (negative too), a fraction or a text.
fn any_count() -> impl Strategy<Value = rusqlite::types::Value> {
    use rusqlite::types::Value;
    prop_oneof![
        2 => Just(Value::Null),
        4 => (0..2000_i64).prop_map(Value::Integer),
        1 => (-5..0_i64).prop_map(Value::Integer),
        1 => (0.0..100.0_f64).prop_map(Value::Real),
        1 => "[0-9a-z]{0,3}".prop_map(Value::Text),
    ]
}

/// A time as stored, mostly well formed, sometimes a day that does not exist, out of range, or malformed.
fn any_time() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        6 => (1899..2202_u32, 0..14_u32, 0..33_u32, 0..26_u32, 0..62_u32)
            .prop_map(|(y, m, d, h, min)| Some(format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}"))),
        1 => Just(None),
        1 => "[0-9T:\\- ]{0,17}".prop_map(Some),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(256)
    ))]

    /// The view that fills `latest_result` applies the Rust rules: `TimedPost::new` (and `Measures::engagements`)
    /// for the counts, a non-whole count being unknown and a negative one 0; the time, kept as stored, is read with
    /// `dates::parse_day_time`.
    #[test]
    fn the_latest_results_apply_the_rust_rules(
        at in any_time(),
        counts in proptest::collection::vec(any_count(), 6),
    ) {
        let (store, ids) = store_for_writes();
        let conn = store.conn();
        conn.execute("UPDATE post SET scheduled_at = ?1 WHERE id = 1", [&at]).unwrap();
        conn.execute(
            "INSERT INTO result_snapshot (post_id, taken_on, source, impressions, reach, reactions, comments, shares, saves)
             VALUES (1, '2026-03-01', 'import', ?1, ?2, ?3, ?4, ?5, ?6)",
            rusqlite::params_from_iter(counts.iter()),
        ).unwrap();
        let row = latest_rows(&store, "latest_result").into_iter().find(|r| r.1 == 1).unwrap();
        let count = |v: &rusqlite::types::Value| match v {
            rusqlite::types::Value::Integer(n) => Some(u64::try_from(*n).unwrap_or(0)),
            _ => None,
        };
        // The values as stored (a column's affinity turns a text of digits into a number).
        let stored: Vec<rusqlite::types::Value> = conn
            .query_row(
                "SELECT impressions, reach, reactions, comments, shares, saves FROM result_snapshot WHERE post_id = 1",
                [],
                |r| (0..6).map(|i| r.get(i)).collect(),
            )
            .unwrap();
        let counts = stored;
        let m = Measures {
            impressions: count(&counts[0]),
            reach: count(&counts[1]),
            reactions: count(&counts[2]),
            comments: count(&counts[3]),
            shares: count(&counts[4]),
            saves: count(&counts[5]),
            ..Measures::default()
        };
        use chrono::{Datelike, Timelike};
        let rust = at
            .as_deref()
            .and_then(cinq_core::dates::parse_day_time)
            .and_then(|t| TimedPost::new(t.weekday().number_from_monday(), t.hour(), &m));
        let sql = match (row.3.as_deref().and_then(cinq_core::dates::parse_day_time), row.4, row.5) {
            (Some(t), Some(reach), Some(e)) => Some(TimedPost {
                slot: u8::try_from((t.weekday().number_from_monday() - 1) * 24 + t.hour()).unwrap(),
                reach: u64::try_from(reach).unwrap(),
                engagements: u64::try_from(e).unwrap().min(u64::try_from(reach).unwrap()),
            }),
            _ => None,
        };
        // And the time is the post's own (no publication here).
        prop_assert_eq!(&row.3, &at);
        prop_assert_eq!(sql, rust, "at {:?}, counts {:?}, row {:?}, strategy {}", at, counts, row, ids[0]);
    }
}

#[test]
fn a_picked_best_slot_moves_a_post_within_its_week_never_into_the_past() {
    use cinq_core::adapt::best_times::slot_day;
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    // Wednesday 13 January 2027, today Tuesday 12: Tuesday is today, Sunday later this week, Monday (past) next week.
    assert_eq!(
        slot_day(d("2027-01-13"), 2, d("2027-01-12")),
        d("2027-01-12")
    );
    assert_eq!(
        slot_day(d("2027-01-13"), 7, d("2027-01-12")),
        d("2027-01-17")
    );
    assert_eq!(
        slot_day(d("2027-01-13"), 1, d("2027-01-12")),
        d("2027-01-18")
    );
    // A post already in the past stays in its own week (the marketer chose it).
    assert_eq!(
        slot_day(d("2027-01-06"), 1, d("2027-01-12")),
        d("2027-01-04")
    );
    // Through the store: today in the strategy's time zone when the day is empty; a day that is not one is refused.
    let (store, id) = store_with_strategy();
    let days = store.best_time_days(id, "2027-01-13").unwrap();
    assert_eq!(days.len(), 7);
    assert!(
        days.iter().all(|day| cinq_core::dates::is_day(day)),
        "{days:?}"
    );
    let today = store.strategy_today(id).unwrap();
    let this_week = store.best_time_days(id, "").unwrap();
    assert!(this_week.iter().all(|day| d(day) >= today), "{this_week:?}");
    assert!(matches!(
        store.best_time_days(id, "2027-02-30"),
        Err(CoreError::Validation(ref f)) if f[0].field == "day" && f[0].code == "invalid_date"
    ));
}
