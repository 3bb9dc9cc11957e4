//! Data the UI's tests and fakes take from Rust rather than copy: Cinq's limits (what `app_info` answers with), how a
//! text's length is counted, the field errors of bad inputs, the best times' empty answer and slot days, and the views
//! of the sample strategy that the steps load first. Each test fails when its file in ui/src/test/fixtures drifts; run
//! them with UPDATE_FIXTURES=1 to write them again.

use std::path::PathBuf;

fn check(name: &str, json: String) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../ui/src/test/fixtures")
        .join(name);
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, json).unwrap();
        return;
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        stored == json,
        "{} is out of date: run `UPDATE_FIXTURES=1 cargo test -p cinq-core --test ui_fixtures` and commit the result",
        path.display()
    );
}

#[test]
fn the_fakes_limits_are_cinqs() {
    check(
        "limits.json",
        serde_json::to_string_pretty(&cinq_core::LIMITS).unwrap() + "\n",
    );
}

/// The editors count a text's length on every keystroke in TypeScript (`textLength`, ui/src/components/calendar/
/// state.ts); its test checks it against Rust's rule (`calendar::text_length`) on these texts.
#[test]
fn the_uis_text_lengths_are_rusts() {
    let texts = [
        "",
        "Hello",
        "Café crème à l’heure",
        "e\u{301}", // e and a combining acute accent: two characters
        "👋 Salut",
        "👨‍👩‍👧", // a family: three people joined by two zero-width joiners
        "🇫🇷", // a flag: two regional indicators
        "日本語のテキスト",
        "line one\nline two\r\n\ttab",
        "𝐁𝐨𝐥𝐝 letters outside the basic plane",
    ];
    let cases: Vec<_> = texts
        .iter()
        .map(|t| serde_json::json!({ "text": t, "length": cinq_core::calendar::text_length(t) }))
        .collect();
    check(
        "text-lengths.json",
        serde_json::to_string_pretty(&cases).unwrap() + "\n",
    );
}

/// The calendar fake answers `best_time_days` (where a best slot picked in the post editor moves a post) from Rust's
/// rule (`adapt::best_times::slot_day`): for the fakes' today, each day of three weeks around it.
#[test]
fn the_fakes_best_time_days_are_rusts() {
    use cinq_core::adapt::best_times::slot_day;
    let today = chrono::NaiveDate::from_ymd_opt(2027, 1, 12).unwrap();
    let cases: Vec<_> = (-8..13)
        .map(|offset| {
            let day = today + chrono::Duration::days(offset);
            let days: Vec<String> = (1..=7)
                .map(|w| slot_day(day, w, today).format("%Y-%m-%d").to_string())
                .collect();
            serde_json::json!({
                "today": today.format("%Y-%m-%d").to_string(),
                "day": day.format("%Y-%m-%d").to_string(),
                "days": days,
            })
        })
        .collect();
    check(
        "best-time-days.json",
        serde_json::to_string_pretty(&cases).unwrap() + "\n",
    );
}

/// What `best_times_get` answers for a strategy with no network yet: the fakes start from it (its thresholds and how
/// many slots the editor hints are Rust's), and add their networks.
#[test]
fn the_fakes_best_times_are_rusts() {
    let mut store = cinq_core::Store::open_in_memory().unwrap();
    let id = store
        .create_strategy(&cinq_core::StrategyInput {
            name: "Fixture".into(),
            organisation: String::new(),
            sector: String::new(),
            language: cinq_core::Language::En,
            timezone: "Europe/Paris".into(),
            start_date: "2027-01-04".into(),
        })
        .unwrap()
        .id;
    let times = store.best_times(id, None).unwrap();
    assert!(times.networks.is_empty());
    check(
        "best-times-empty.json",
        serde_json::to_string_pretty(&times).unwrap() + "\n",
    );
}

/// A valid item with `patch` over it: what a form sends when one of its fields is bad.
fn patched<T: serde::de::DeserializeOwned>(
    valid: &impl serde::Serialize,
    patch: &serde_json::Value,
) -> T {
    let mut v = serde_json::to_value(valid).unwrap();
    for (k, x) in patch.as_object().unwrap() {
        v[k] = x.clone();
    }
    serde_json::from_value(v).unwrap()
}

/// Rust's field errors for a bad input (the fields of `patch`), as the fakes answer them.
fn refused(patch: serde_json::Value, r: cinq_core::Result<impl Sized>) -> serde_json::Value {
    let fields = match r {
        Err(cinq_core::CoreError::Validation(fields)) => fields,
        Err(e) => panic!("{patch}: not a validation error: {e:?}"),
        Ok(_) => panic!("{patch} was accepted"),
    };
    serde_json::json!({ "input": patch, "fields": fields })
}

/// The fakes' validation errors are Rust's: for each command, bad inputs (the fields a UI test types wrong) and the
/// field errors Rust answers for them, with their limits. A fake answers an input holding a case's values with the
/// case's errors (`ui/src/test/rustErrors.ts`), so no fake copies a rule (a sign, a sum, a range).
#[test]
fn the_fakes_field_errors_are_rusts() {
    use serde_json::json;
    let mut store = cinq_core::Store::open_in_memory().unwrap();
    let id = store.create_sample().unwrap().id;
    let audit = store.audit(id).unwrap();
    let presence = &audit.presences[0];
    let bench = store.benchmark(id).unwrap();
    let observation = &bench.observations[0];
    let objectives = store.objectives(id).unwrap();
    let objective = &objectives.objectives[0].data;
    let mission = &objectives.missions[0];

    let mut presence_cases = Vec::new();
    for f in [
        "followers",
        "posts_per_week",
        "likes_per_post",
        "comments_per_post",
        "shares_per_post",
    ] {
        let patch = json!({ f: -5 });
        presence_cases.push(refused(
            patch.clone(),
            store.save_presence(id, &patched(presence, &patch)),
        ));
    }
    for rating in [0, 6] {
        let patch = json!({ "formats": [{ "format": "photo", "rating": rating }] });
        presence_cases.push(refused(
            patch.clone(),
            store.save_presence(id, &patched(presence, &patch)),
        ));
    }
    for rate in [-1.0, 101.0] {
        let patch = json!({ "engagement_rate": rate });
        presence_cases.push(refused(
            patch.clone(),
            store.save_presence(id, &patched(presence, &patch)),
        ));
    }

    let mut persona_cases = Vec::new();
    for patch in [
        json!({ "age_min": 121, "age_max": null }),
        json!({ "age_min": null, "age_max": 121 }),
        json!({ "age_min": 40, "age_max": 30 }),
    ] {
        let input: cinq_core::audit::PersonaInput = patched(&audit.personas[0], &patch);
        persona_cases.push(refused(patch.clone(), store.save_persona(id, None, &input)));
    }
    let options_cases: Vec<_> = [0, 3651]
        .into_iter()
        .map(|days| {
            refused(
                json!({ "stale_after_days": days }),
                store.set_audit_options(id, false, days),
            )
        })
        .collect();

    let custom = json!({ "name": "Forum", "kind": "social", "max_length": 0, "formats": [] });
    let custom_cases = vec![refused(
        json!({ "max_length": 0 }),
        store.add_custom_network(id, &serde_json::from_value(custom).unwrap()),
    )];

    let mut observation_cases = Vec::new();
    for f in ["followers", "posts_per_week", "engagement_per_post"] {
        let patch = json!({ f: -5 });
        let input = patched(&observation.data, &patch);
        observation_cases.push(refused(
            patch.clone(),
            store.save_observation(id, None, &input),
        ));
    }

    let mut objective_cases = Vec::new();
    for f in ["baseline", "target"] {
        let patch = json!({ f: -3 });
        let input = patched(objective, &patch);
        objective_cases.push(refused(
            patch.clone(),
            store.save_objective(id, None, &input),
        ));
    }
    let patch = json!({ "posts_per_week": -1 });
    let mission_cases = vec![refused(
        patch.clone(),
        store.save_mission(id, &patched(mission, &patch)),
    )];

    let mut mix_cases = Vec::new();
    for weights in [
        json!({ "promotion": 50, "curation": 30, "interaction": 30 }),
        json!({ "promotion": 150, "curation": 0, "interaction": 0 }),
    ] {
        let w: cinq_core::objectives::MixWeights = serde_json::from_value(weights.clone()).unwrap();
        mix_cases.push(refused(
            json!({ "weights": weights }),
            store.save_mix(id, None, Some(&w)),
        ));
    }

    let all = json!({
        "presence_save": presence_cases,
        "audit_add_network": custom_cases,
        "persona_save": persona_cases,
        "audit_set_options": options_cases,
        "observation_save": observation_cases,
        "objective_save": objective_cases,
        "mission_save": mission_cases,
        "mix_save": mix_cases,
    });
    check(
        "field-errors.json",
        serde_json::to_string_pretty(&all).unwrap() + "\n",
    );
}

/// Every key path of a JSON value (`presences[].followers`), arrays' items merged: the shape the UI reads.
fn key_paths(v: &serde_json::Value, at: &str, out: &mut std::collections::BTreeSet<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, x) in map {
                let path = if at.is_empty() {
                    k.clone()
                } else {
                    format!("{at}.{k}")
                };
                out.insert(path.clone());
                key_paths(x, &path, out);
            }
        }
        serde_json::Value::Array(items) => {
            for x in items {
                key_paths(x, &format!("{at}[]"), out);
            }
        }
        _ => {}
    }
}

/// Like [`check`], for a view of the sample strategy. The sample is dated from today (`create_sample`), so its
/// dates, its posts' statuses and what is measured by now change from day to day: the check compares the views'
/// shapes (every key path), which is what a UI that reads them depends on. UPDATE_FIXTURES=1 writes today's views.
fn check_sample(name: &str, view: &impl serde::Serialize) {
    let json = serde_json::to_value(view).unwrap();
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../ui/src/test/fixtures")
        .join(name);
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, serde_json::to_string_pretty(&json).unwrap() + "\n").unwrap();
        return;
    }
    let stored: serde_json::Value = std::fs::read_to_string(&path)
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default();
    let (mut was, mut now) = (Default::default(), Default::default());
    key_paths(&stored, "", &mut was);
    key_paths(&json, "", &mut now);
    let gone: Vec<_> = was.difference(&now).collect();
    let new: Vec<_> = now.difference(&was).collect();
    assert!(
        gone.is_empty() && new.is_empty(),
        "{} is out of date (no longer answered: {gone:?}; new: {new:?}): run `UPDATE_FIXTURES=1 cargo test -p cinq-core --test ui_fixtures` and commit the result",
        path.display()
    );
}

/// The views the UI's steps load first, as the IPC answers them for the sample strategy (the same Store calls as
/// `audit_get`, `benchmark_get`, `objectives_get` and `calendar_get` for the sample's first month): the fakes start
/// from them (`ui/src/test/sample.ts`), so a UI that no longer reads the shape Rust answers fails its tests.
#[test]
fn the_fakes_sample_views_are_rusts() {
    let mut store = cinq_core::Store::open_in_memory().unwrap();
    let strategy = store.create_sample().unwrap();
    let id = strategy.id;
    let today = store.strategy_today(id).unwrap();
    check_sample("sample-strategy.json", &strategy);
    check_sample("sample-audit.json", &store.audit_view(id, today).unwrap());
    check_sample("sample-benchmark.json", &store.benchmark_view(id).unwrap());
    check_sample(
        "sample-objectives.json",
        &store.objectives_view(id, today).unwrap(),
    );
    let start = chrono::NaiveDate::parse_from_str(&strategy.start_date, "%Y-%m-%d").unwrap();
    let end = start
        .checked_add_months(chrono::Months::new(1))
        .unwrap()
        .pred_opt()
        .unwrap();
    let month = store
        .calendar_view_now(
            id,
            &start.format("%Y-%m-%d").to_string(),
            &end.format("%Y-%m-%d").to_string(),
        )
        .unwrap();
    check_sample("sample-calendar.json", &month);
}
