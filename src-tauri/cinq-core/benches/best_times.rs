//! The best times over 100,000 published posts (target: at most 100 ms): the whole query of a strategy whose posts
//! all have results, on four networks, half of them with the export's own time (`Store::best_times`), and the
//! estimate alone on the same posts already read (`network_best_times`, four networks of 25,000 posts).
use cinq_core::adapt::best_times::{network_best_times, TimedPost};
use cinq_core::adapt::results::Measures;
use cinq_core::{Language, Store, StrategyInput};
use criterion::{criterion_group, criterion_main, Criterion};

const POSTS: usize = 100_000;
const NETWORKS: [&str; 4] = ["linkedin", "instagram", "facebook", "x"];

/// The `i`th post's network, weekday (1 = Monday), hour, reach and engagements: spread over the week, with rates that
/// depend on the hour.
fn post(i: usize) -> (&'static str, u32, u32, u64, u64) {
    let network = NETWORKS[i % NETWORKS.len()];
    let weekday = (i / 7 % 7) as u32 + 1;
    let hour = ((i * 13) % 16 + 7) as u32;
    let reach = 200 + (i as u64 * 7919) % 5000;
    let engagements = reach * (20 + u64::from(hour % 5) * 6 + (i as u64 % 11)) / 1000;
    (network, weekday, hour, reach, engagements)
}

fn database() -> (tempfile::TempDir, Store, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("bench.sqlite3")).unwrap();
    let id = store
        .create_strategy(&StrategyInput {
            name: "Bench".into(),
            organisation: String::new(),
            sector: String::new(),
            language: Language::En,
            timezone: "Europe/Paris".into(),
            start_date: "2025-01-06".into(),
        })
        .unwrap()
        .id;
    let conn = store.conn();
    conn.execute_batch("BEGIN").unwrap();
    {
        let mut insert_post = conn
            .prepare(
                "INSERT INTO post (id, strategy_id, network, scheduled_at, data) VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .unwrap();
        let mut insert_publication = conn
            .prepare(
                "INSERT INTO publication (post_id, strategy_id, network, external_id, unplanned, published_at)
                 VALUES (?1, ?2, ?3, ?1, 0, ?4)",
            )
            .unwrap();
        let mut insert_snapshot = conn
            .prepare(
                "INSERT INTO result_snapshot (post_id, taken_on, source, impressions, reach, reactions, comments)
                 VALUES (?1, ?2, 'import', ?3, ?4, ?5, ?6)",
            )
            .unwrap();
        let monday = chrono::NaiveDate::from_ymd_opt(2025, 1, 6).unwrap();
        for i in 0..POSTS {
            let (network, weekday, hour, reach, engagements) = post(i);
            let week = (i / 49) as i64 % 150;
            let day = monday + chrono::Duration::days(week * 7 + i64::from(weekday) - 1);
            let planned = format!("{}T{hour:02}:00", day.format("%Y-%m-%d"));
            let published = format!("{}T{hour:02}:20", day.format("%Y-%m-%d"));
            let post_id = i as i64 + 1;
            insert_post
                .execute(rusqlite::params![
                    post_id,
                    id,
                    network,
                    planned,
                    r#"{"title":"","text":"","status":"published"}"#
                ])
                .unwrap();
            insert_publication
                .execute(rusqlite::params![
                    post_id,
                    id,
                    network,
                    (i % 2 == 0).then_some(published)
                ])
                .unwrap();
            for (taken_on, part) in [
                (day + chrono::Duration::days(2), 85),
                (day + chrono::Duration::days(7), 100),
            ] {
                insert_snapshot
                    .execute(rusqlite::params![
                        post_id,
                        taken_on.format("%Y-%m-%d").to_string(),
                        (reach * 2 * part / 100) as i64,
                        (reach * part / 100) as i64,
                        (engagements * part / 100 * 4 / 5) as i64,
                        (engagements * part / 100 / 5) as i64
                    ])
                    .unwrap();
            }
        }
    }
    conn.execute_batch("COMMIT").unwrap();
    (dir, store, id)
}

fn best_times(c: &mut Criterion) {
    let (_dir, store, id) = database();
    let b = store.best_times(id, None).unwrap();
    assert_eq!(
        b.networks.iter().map(|n| n.posts as usize).sum::<usize>(),
        POSTS
    );
    let per_network: Vec<Vec<TimedPost>> = NETWORKS
        .iter()
        .map(|key| {
            (0..POSTS)
                .map(post)
                .filter(|p| p.0 == *key)
                .map(|(_, weekday, hour, reach, engagements)| {
                    let m = Measures {
                        reach: Some(reach),
                        reactions: Some(engagements),
                        ..Measures::default()
                    };
                    TimedPost::new(weekday, hour, &m).unwrap()
                })
                .collect()
        })
        .collect();
    let mut group = c.benchmark_group("best times");
    group.sample_size(20);
    group.bench_function("100,000 published posts, from the database", |b| {
        b.iter(|| store.best_times(id, None).unwrap())
    });
    group.bench_function("100,000 published posts, the estimate alone", |b| {
        b.iter(|| {
            per_network
                .iter()
                .zip(NETWORKS)
                .map(|(posts, key)| network_best_times(key, key, posts, 0))
                .collect::<Vec<_>>()
        })
    });
    group.finish();
}

criterion_group!(benches, best_times);
criterion_main!(benches);
