//! Importing a network export of 100,000 rows (X's post export), the target being at most 1 s: into a strategy with
//! none of those posts yet (every row becomes an unplanned post, with its publication and snapshot), and the same
//! file again the next day (every row found by its id, its numbers updated). Each run starts from a fresh database
//! file; the time includes reading the file, matching, writing and the commit. The first is also timed without the
//! triggers that keep each post's latest results for the best times (store migration 13), to show what they cost.
use cinq_core::adapt::results_import::ResultsImportOptions;
use cinq_core::{Language, Store, StrategyInput};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};

const ROWS: usize = 100_000;

/// An X post export of `rows` rows, the numbers scaled by `scale`.
pub fn x_export(rows: usize, scale: u64) -> Vec<u8> {
    let mut out = String::from(
        "Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Replies,Reposts,Profile visits,Detail Expands,URL Clicks\n",
    );
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    for i in 0..rows {
        let id = 1_800_000_000_000_000_000u64 + i as u64;
        let (m, d) = (months[(i / 28) % 12], 1 + i % 28);
        let n = (i as u64 % 5000 + 100) * scale;
        out.push_str(&format!(
            "{id},\"Tue, {m} {d}, 2026\",\"Post number {i}: candles, wax and wicks, made in Lyon #{i}\",https://x.com/atelier/status/{id},{n},{},{},{},{},{},{},{},{},{},{}\n",
            n / 20, n / 15, n / 200, n / 300, n / 1000, n / 100, n / 150, n / 50, n / 40, n / 60
        ));
    }
    out.into_bytes()
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

/// A fresh database without the triggers of `latest_result` (what the import would cost without them).
fn fresh_without_triggers() -> (tempfile::TempDir, Store, i64) {
    let (dir, store, id) = fresh();
    for table in ["snapshot", "publication", "post"] {
        for write in ["insert", "update", "delete"] {
            store
                .conn()
                .execute_batch(&format!(
                    "DROP TRIGGER IF EXISTS latest_result_{table}_{write}"
                ))
                .unwrap();
        }
    }
    (dir, store, id)
}

fn options(day: &str) -> ResultsImportOptions {
    ResultsImportOptions {
        skip_invalid: false,
        dry_run: false,
        taken_on: Some(day.into()),
    }
}

fn results_import(c: &mut Criterion) {
    let first = x_export(ROWS, 1);
    let again = x_export(ROWS, 2);
    let mut group = c.benchmark_group("results import");
    group.sample_size(10);
    type Fresh = fn() -> (tempfile::TempDir, Store, i64);
    for (name, setup) in [
        ("100,000 new rows (unplanned posts)", fresh as Fresh),
        (
            "100,000 new rows (unplanned posts), without the latest results' triggers",
            fresh_without_triggers as Fresh,
        ),
    ] {
        group.bench_function(name, |b| {
            b.iter_batched(
                setup,
                |(dir, mut store, id)| {
                    let r = store
                        .import_results(id, "x.csv", &first, &options("2026-12-01"), &mut |_, _| {
                            true
                        })
                        .unwrap();
                    assert_eq!(r.unplanned as usize, ROWS);
                    (dir, store)
                },
                BatchSize::PerIteration,
            )
        });
    }
    group.bench_function("100,000 rows again, next day (updated)", |b| {
        b.iter_batched(
            || {
                let (dir, mut store, id) = fresh();
                store
                    .import_results(id, "x.csv", &first, &options("2026-12-01"), &mut |_, _| {
                        true
                    })
                    .unwrap();
                (dir, store, id)
            },
            |(dir, mut store, id)| {
                let r = store
                    .import_results(id, "x.csv", &again, &options("2026-12-02"), &mut |_, _| {
                        true
                    })
                    .unwrap();
                assert_eq!(r.updated as usize, ROWS);
                (dir, store)
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, results_import);
criterion_main!(benches);
