//! What the calendar screen asks of the store on the large sample (10,000 posts over a year on 8 networks): the view
//! of a month (posts, ideas, rows and the checks), and a drop (a move in one transaction, then the month's view
//! again). The whole path in the real app, with the IPC and the paint, is timed by tests/bench/calendar.sh.
use chrono::NaiveDate;
use cinq_core::calendar::checks::CheckOptions;
use cinq_core::Store;
use criterion::{criterion_group, criterion_main, Criterion};

fn calendar(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("bench.sqlite3")).unwrap();
    let s = store.create_large_sample(10_000).unwrap();
    let start = NaiveDate::parse_from_str(&s.start_date, "%Y-%m-%d").unwrap();
    let from = (start + chrono::Duration::days(62))
        .format("%Y-%m-01")
        .to_string();
    let to = NaiveDate::parse_from_str(&from, "%Y-%m-%d").unwrap() + chrono::Duration::days(30);
    let to = to.format("%Y-%m-%d").to_string();
    let today = start;
    let opts = CheckOptions::default();
    let view = store.calendar_view(s.id, &from, &to, today, &opts).unwrap();
    assert!(
        view.calendar.posts.len() > 500,
        "{} posts",
        view.calendar.posts.len()
    );

    c.bench_function("month view (calendar_view)", |b| {
        b.iter(|| store.calendar_view(s.id, &from, &to, today, &opts).unwrap())
    });
    c.bench_function("month view as JSON (what the IPC sends)", |b| {
        b.iter(|| {
            serde_json::to_string(&store.calendar_view(s.id, &from, &to, today, &opts).unwrap())
                .unwrap()
        })
    });
    let post = view.calendar.posts[0].clone();
    let (a, b2) = (
        post.data.scheduled_at.clone().unwrap(),
        format!("{}T09:15", &to[..10]),
    );
    let mut flip = false;
    c.bench_function("drop (move_post + month view)", |b| {
        b.iter(|| {
            flip = !flip;
            let at = if flip { &b2 } else { &a };
            store
                .move_post(s.id, post.id, &post.data.network, Some(at), false)
                .unwrap();
            store.calendar_view(s.id, &from, &to, today, &opts).unwrap()
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = calendar
}
criterion_main!(benches);
