//! Importing a Cinq CSV of 100,000 posts into an empty strategy of a fresh database file, through `Store::bulk` (the
//! path `cinq calendar import` takes; tests/bench/export.sh times the whole process against sqlite3's `.import`).
use cinq_core::{Language, Store, StrategyInput};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};

const POSTS: usize = 100_000;

fn plan(posts: usize) -> Vec<u8> {
    let mut file = String::from(
        "network,date,time,pillar,topic,title,text,link,media_notes,status,editorial_item,objective,campaign\n",
    );
    for i in 0..posts {
        file.push_str(&format!(
            "linkedin,2026-{:02}-{:02},{:02}:00,curation,Tips {},Post {i},\"Text of post {i}, with a comma\",https://example.com/{i},,draft,,,Launch {}\n",
            i % 12 + 1,
            i % 28 + 1,
            i % 24,
            i % 20,
            i % 7
        ));
    }
    file.into_bytes()
}

fn fresh() -> (tempfile::TempDir, Store, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("bench.sqlite3")).unwrap();
    let s = store
        .create_strategy(&StrategyInput {
            name: "Bench".into(),
            organisation: String::new(),
            sector: String::new(),
            language: Language::En,
            timezone: "Europe/Paris".into(),
            start_date: "2026-01-01".into(),
        })
        .unwrap();
    (dir, store, s.id)
}

fn calendar_import(c: &mut Criterion) {
    let file = plan(POSTS);
    let mut group = c.benchmark_group("calendar import");
    group.sample_size(10);
    group.bench_function("Cinq CSV, 100,000 posts", |b| {
        b.iter_batched(
            fresh,
            |(dir, mut store, id)| {
                store.import_calendar_csv(id, "plan.csv", &file).unwrap();
                drop(store); // the close (and its checkpoint) is part of an import's cost.
                dir
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, calendar_import);
criterion_main!(benches);
