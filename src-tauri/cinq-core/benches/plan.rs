//! Planning a year of the large sample (10,000 posts over a year on 8 networks, `cinq sample --size large`): the year
//! it holds (its posts count toward the targets and stay), the next year (empty: every post is planned), and the
//! next year with re-runs of the best published posts. Target: 200 ms for a year. Each run reads the whole calendar,
//! step 3 and the audit, plans, and runs the checks on the planned period (`Store::plan_period`).
use chrono::{Duration, NaiveDate};
use cinq_core::calendar::plan::PlanRequest;
use cinq_core::Store;
use criterion::{criterion_group, criterion_main, Criterion};

fn plan(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("bench.sqlite3")).unwrap();
    let s = store.create_large_sample(10_000).unwrap();
    let start = NaiveDate::parse_from_str(&s.start_date, "%Y-%m-%d").unwrap();
    let day = |n: i64| (start + Duration::days(n)).format("%Y-%m-%d").to_string();
    let year = |from: i64, recycle: bool| PlanRequest {
        from: day(from),
        to: day(from + 364),
        networks: Vec::new(),
        avoid: Vec::new(),
        recycle,
        cooldown_days: None,
    };
    let (this, next, rerun) = (year(0, false), year(365, false), year(365, true));
    for (req, what) in [(&this, "this"), (&next, "next"), (&rerun, "next, re-runs")] {
        let plan = store.plan_period(s.id, req, start).unwrap();
        eprintln!(
            "{what} year: {} posts planned, {} notes",
            plan.posts.len(),
            plan.notes.len()
        );
    }

    c.bench_function("plan the large sample's year (plan_period)", |b| {
        b.iter(|| store.plan_period(s.id, &this, start).unwrap())
    });
    c.bench_function("plan the year after it, empty", |b| {
        b.iter(|| store.plan_period(s.id, &next, start).unwrap())
    });
    c.bench_function("plan the year after it, with re-runs", |b| {
        b.iter(|| store.plan_period(s.id, &rerun, start).unwrap())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = plan
}
criterion_main!(benches);
