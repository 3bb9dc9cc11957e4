//! Step 2: the benchmark's store, validation, comparison views and findings.

use cinq_core::audit::{Audit, FormatRating, Presence};
use cinq_core::benchmark::findings::benchmark_findings;
use cinq_core::benchmark::*;
use cinq_core::findings::FindingKind;
use cinq_core::network::ContentFormat;
use cinq_core::{CoreError, ErrorCode, Language, Store, StrategyInput};

fn store_with_strategy() -> (Store, i64) {
    let mut store = Store::open_in_memory().unwrap();
    let s = store
        .create_strategy(&StrategyInput {
            name: "Brand".into(),
            organisation: "Brand Co".into(),
            sector: String::new(),
            language: Language::En,
            timezone: "UTC".into(),
            start_date: "2026-01-01".into(),
        })
        .unwrap();
    (store, s.id)
}

fn player(name: &str, t: PlayerType) -> PlayerInput {
    PlayerInput {
        name: name.into(),
        player_type: t,
        website: String::new(),
        notes: String::new(),
    }
}

fn seen(
    player_id: i64,
    network: &str,
    on: &str,
    posts: Option<f64>,
    engagement: Option<f64>,
    themes: &[&str],
    formats: &[ContentFormat],
) -> ObservationInput {
    ObservationInput {
        player_id,
        network: network.into(),
        observed_on: on.into(),
        followers: Some(1000),
        posts_per_week: posts,
        engagement_per_post: engagement,
        themes: themes.iter().map(|t| (*t).to_owned()).collect(),
        tone: String::new(),
        formats: formats.to_vec(),
        works: String::new(),
        fails: String::new(),
    }
}

fn codes(e: CoreError) -> Vec<(String, String)> {
    match e {
        CoreError::Validation(f) => f.into_iter().map(|f| (f.field, f.code)).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

/// A benchmark built by hand (ids 1, 2, 3…) with an audit where the brand is on Instagram.
fn bench(
    players: &[(i64, PlayerType)],
    observations: Vec<ObservationInput>,
    brand_themes: &[&str],
) -> Benchmark {
    Benchmark {
        players: players
            .iter()
            .map(|(id, t)| Player {
                id: *id,
                name: format!("P{id}"),
                player_type: *t,
                website: String::new(),
                notes: String::new(),
            })
            .collect(),
        observations: observations
            .into_iter()
            .enumerate()
            .map(|(i, data)| Observation {
                id: i as i64 + 1,
                data,
            })
            .collect(),
        voice: CustomerVoice::default(),
        trends: Vec::new(),
        brand_themes: brand_themes.iter().map(|t| (*t).to_owned()).collect(),
    }
}

fn brand_on_instagram(posts: f64, likes: f64, formats: &[ContentFormat]) -> Audit {
    let mut p = Presence::empty("instagram");
    p.active = true;
    p.posts_per_week = Some(posts);
    p.likes_per_post = Some(likes);
    p.formats = formats
        .iter()
        .map(|f| FormatRating {
            format: *f,
            rating: 3,
        })
        .collect();
    Audit {
        networks: cinq_core::network::catalogue(),
        selected: vec!["instagram".into()],
        not_on_social_yet: false,
        stale_after_days: 30,
        personas: Vec::new(),
        presences: vec![p],
        metrics: Vec::new(),
    }
}

fn kinds_of(b: &Benchmark, a: &Audit) -> Vec<FindingKind> {
    benchmark_findings(b, a, &coverage(b))
        .into_iter()
        .map(|f| f.kind)
        .collect()
}

#[test]
fn players_observations_voice_trends_and_themes_are_stored() {
    let (mut store, id) = store_with_strategy();
    let p = store
        .save_player(id, None, &player("Rival", PlayerType::DirectCompetitor))
        .unwrap();
    store
        .save_player(
            id,
            Some(p),
            &player("Rival SA", PlayerType::DirectCompetitor),
        )
        .unwrap();
    let o1 = store
        .save_observation(
            id,
            None,
            &seen(
                p,
                "instagram",
                "2026-01-10",
                Some(3.0),
                Some(50.0),
                &["Gifts", " gifts ", ""],
                &[],
            ),
        )
        .unwrap();
    store
        .save_observation(
            id,
            None,
            &seen(
                p,
                "instagram",
                "2026-03-10",
                Some(4.0),
                Some(60.0),
                &["gifts"],
                &[],
            ),
        )
        .unwrap();
    store
        .save_voice(
            id,
            &CustomerVoice {
                words: "cosy".into(),
                questions: vec!["Why?".into()],
                ..Default::default()
            },
        )
        .unwrap();
    let t = store
        .save_trend(
            id,
            None,
            &TrendInput {
                title: "ASMR".into(),
                network: Some("tiktok".into()),
                source: String::new(),
                why: String::new(),
                adaptation: String::new(),
            },
        )
        .unwrap();
    store
        .save_brand_themes(
            id,
            &["Recycling".into(), "recycling".into(), "Gifts".into()],
        )
        .unwrap();

    let b = store.benchmark(id).unwrap();
    assert_eq!(b.players[0].name, "Rival SA");
    assert_eq!(b.observations.len(), 2);
    assert_eq!(
        b.observations[0].data.observed_on, "2026-03-10",
        "newest first"
    );
    assert_eq!(
        b.observations[1].data.themes,
        vec!["Gifts".to_string()],
        "themes are cleaned"
    );
    assert_eq!(
        b.brand_themes,
        vec!["Recycling".to_string(), "Gifts".to_string()]
    );
    assert_eq!(b.trends[0].id, t);
    // The comparison uses the latest observation only.
    let view = store.benchmark_view(id).unwrap();
    assert_eq!(view.comparison.len(), 2, "the brand row and the player's");
    assert_eq!(view.comparison[0].name, "Brand Co");
    assert_eq!(view.comparison[1].posts_per_week, Some(4.0));

    store.delete_observation(id, o1).unwrap();
    store.delete_player(id, p).unwrap();
    store.delete_trend(id, t).unwrap();
    let b = store.benchmark(id).unwrap();
    assert!(b.players.is_empty() && b.observations.is_empty() && b.trends.is_empty());
}

#[test]
fn bad_input_is_refused_field_by_field() {
    let (mut store, id) = store_with_strategy();
    assert_eq!(
        codes(
            store
                .save_player(id, None, &player("  ", PlayerType::Leader))
                .unwrap_err()
        ),
        vec![("name".into(), "required".into())]
    );
    let p = store
        .save_player(id, None, &player("P", PlayerType::Leader))
        .unwrap();
    let mut o = seen(
        p,
        "instagram",
        "2026-13-01",
        Some(-1.0),
        Some(-2.0),
        &[],
        &[],
    );
    o.followers = Some(-3);
    assert_eq!(
        codes(store.save_observation(id, None, &o).unwrap_err()),
        vec![
            ("observed_on".into(), "invalid_date".into()),
            ("followers".into(), "negative".into()),
            ("posts_per_week".into(), "negative".into()),
            ("engagement_per_post".into(), "negative".into()),
        ]
    );
    assert_eq!(
        codes(
            store
                .save_observation(
                    id,
                    None,
                    &seen(p + 100, "instagram", "2026-01-01", None, None, &[], &[])
                )
                .unwrap_err()
        ),
        vec![("player_id".into(), "unknown_player".into())]
    );
    assert_eq!(
        codes(
            store
                .save_observation(
                    id,
                    None,
                    &seen(p, "myspace", "2026-01-01", None, None, &[], &[])
                )
                .unwrap_err()
        ),
        vec![("network".into(), "unknown_network".into())]
    );
    let t = TrendInput {
        title: String::new(),
        network: None,
        source: String::new(),
        why: String::new(),
        adaptation: String::new(),
    };
    assert_eq!(
        codes(store.save_trend(id, None, &t).unwrap_err()),
        vec![("title".into(), "required".into())]
    );
    assert!(store.benchmark(id).unwrap().observations.is_empty());
    assert_eq!(
        store.benchmark(404).unwrap_err().code(),
        ErrorCode::NotFound
    );
}

#[test]
fn no_data_gives_no_findings() {
    let b = bench(&[], vec![], &[]);
    assert!(kinds_of(&b, &brand_on_instagram(1.0, 1.0, &[])).is_empty());
    // Brand themes alone are not white space: nobody was observed.
    let b = bench(&[], vec![], &["recycling"]);
    assert!(kinds_of(&b, &brand_on_instagram(1.0, 1.0, &[])).is_empty());
}

#[test]
fn a_single_competitor_is_its_own_median_and_ties_are_not_findings() {
    let b = bench(
        &[(1, PlayerType::DirectCompetitor)],
        vec![seen(
            1,
            "instagram",
            "2026-01-01",
            Some(3.0),
            Some(40.0),
            &[],
            &[],
        )],
        &[],
    );
    assert_eq!(
        kinds_of(&b, &brand_on_instagram(2.0, 39.0, &[])),
        vec![
            FindingKind::PostsLessThanCompetitors,
            FindingKind::EngagesLessThanCompetitors
        ]
    );
    assert!(
        kinds_of(&b, &brand_on_instagram(3.0, 40.0, &[])).is_empty(),
        "equal to the median is not less"
    );
}

#[test]
fn the_median_competitor_ignores_leaders_and_old_observations() {
    let b = bench(
        &[
            (1, PlayerType::DirectCompetitor),
            (2, PlayerType::IndirectCompetitor),
            (3, PlayerType::Leader),
        ],
        vec![
            seen(1, "instagram", "2026-01-01", Some(10.0), None, &[], &[]),
            seen(1, "instagram", "2026-02-01", Some(2.0), None, &[], &[]),
            seen(2, "instagram", "2026-02-01", Some(4.0), None, &[], &[]),
            seen(3, "instagram", "2026-02-01", Some(50.0), None, &[], &[]),
        ],
        &[],
    );
    // Latest: 2 and 4 → median 3. The leader's 50 and the old 10 do not count.
    let a = brand_on_instagram(2.9, 0.0, &[]);
    let f = benchmark_findings(&b, &a, &coverage(&b));
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].kind, FindingKind::PostsLessThanCompetitors);
    assert_eq!(
        f[0].explanation.en,
        "2.9 posts a week, against 3 for the median competitor."
    );
    assert!(kinds_of(&b, &brand_on_instagram(3.0, 0.0, &[])).is_empty());
}

#[test]
fn formats_the_leaders_use_and_the_brand_does_not() {
    let b = bench(
        &[
            (1, PlayerType::Leader),
            (2, PlayerType::Inspiring),
            (3, PlayerType::DirectCompetitor),
        ],
        vec![
            seen(
                1,
                "instagram",
                "2026-02-01",
                None,
                None,
                &[],
                &[ContentFormat::Live, ContentFormat::Carousel],
            ),
            seen(
                2,
                "instagram",
                "2026-02-01",
                None,
                None,
                &[],
                &[ContentFormat::ShortVideo],
            ),
            seen(
                3,
                "instagram",
                "2026-02-01",
                None,
                None,
                &[],
                &[ContentFormat::Story],
            ),
        ],
        &[],
    );
    let f = benchmark_findings(
        &b,
        &brand_on_instagram(1.0, 1.0, &[ContentFormat::Carousel]),
        &coverage(&b),
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].kind, FindingKind::FormatGap);
    assert_eq!(
        f[0].title.en,
        "Leaders use lives and short videos on Instagram; you do not"
    );
}

#[test]
fn coverage_shows_white_space_and_crowded_themes() {
    let b = bench(
        &[(1, PlayerType::DirectCompetitor), (2, PlayerType::Leader)],
        vec![
            seen(
                1,
                "instagram",
                "2026-02-01",
                None,
                None,
                &["Gifts", "Workshop"],
                &[],
            ),
            seen(2, "facebook", "2026-02-01", None, None, &["gifts"], &[]),
        ],
        &["Recycling", "workshop"],
    );
    let c = coverage(&b);
    assert_eq!(c.themes, vec!["Recycling", "workshop", "Gifts"]);
    assert_eq!(c.covered_by, vec![vec![], vec![1], vec![1, 2]]);
    assert_eq!(c.white_space, vec!["Recycling"]);
    assert_eq!(c.crowded, vec!["Gifts"]);
    // One player alone does not make a theme crowded.
    let single = bench(
        &[(1, PlayerType::DirectCompetitor)],
        vec![seen(1, "x", "2026-02-01", None, None, &["Gifts"], &[])],
        &[],
    );
    assert!(coverage(&single).crowded.is_empty());
    let k = kinds_of(&b, &brand_on_instagram(1.0, 1.0, &[]));
    assert!(
        k.contains(&FindingKind::WhiteSpaceTheme) && k.contains(&FindingKind::CrowdedTheme),
        "{k:?}"
    );
}

#[test]
fn the_survey_text_lists_the_questions() {
    let v = CustomerVoice {
        questions: vec!["Why?".into(), " ".into(), "When?".into()],
        ..Default::default()
    };
    let t = survey_text("Brand", &v);
    assert!(t.en.contains("1. Why?\n2. When?\n"), "{}", t.en);
    assert!(
        t.fr.starts_with("Brand aimerait avoir votre avis"),
        "{}",
        t.fr
    );
    assert_eq!(survey_text("Brand", &CustomerVoice::default()).en, "");
}

#[test]
fn the_sample_shows_every_kind_of_benchmark_finding() {
    let mut store = Store::open_in_memory().unwrap();
    let s = store.create_sample().unwrap();
    let view = store.benchmark_view(s.id).unwrap();
    assert_eq!(view.benchmark.players.len(), 4);
    assert!(view.benchmark.trends.len() >= 2);
    assert!(!view.benchmark.voice.questions.is_empty());
    assert!(!view.survey.fr.is_empty());
    for kind in [
        FindingKind::PostsLessThanCompetitors,
        FindingKind::EngagesLessThanCompetitors,
        FindingKind::FormatGap,
        FindingKind::WhiteSpaceTheme,
        FindingKind::CrowdedTheme,
    ] {
        assert!(
            view.findings.iter().any(|f| f.kind == kind),
            "the sample shows {kind:?}"
        );
    }
}

#[test]
fn the_benchmark_travels_in_the_strategy_file_and_in_copies() {
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
        a.benchmark_view(s.id).unwrap(),
        b.benchmark_view(imported.id).unwrap(),
    );
    assert_eq!(one.findings, two.findings);
    assert_eq!(one.coverage, two.coverage);

    let copy = a.duplicate_strategy(s.id).unwrap();
    assert_eq!(
        a.benchmark(copy.id).unwrap().observations.len(),
        one.benchmark.observations.len()
    );
}

#[test]
fn a_file_with_a_bad_observation_is_refused_and_changes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let s = store.create_sample().unwrap();
    let mut file = store.export_strategy(s.id).unwrap();
    file.strategy.benchmark.players[0].observations[0].network = "myspace".into();
    let e = store.import_strategy(&file).unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidFile);
    assert!(e.to_string().contains("unknown network 'myspace'"), "{e}");
    assert_eq!(store.list_strategies().unwrap().len(), 1);
}

#[test]
fn a_second_player_of_the_same_name_is_refused_whatever_its_case() {
    let (mut store, id) = store_with_strategy();
    let a = store
        .save_player(
            id,
            None,
            &player("Le Fournil", PlayerType::DirectCompetitor),
        )
        .unwrap();
    for name in ["Le Fournil", "  le fournil ", "LE FOURNIL"] {
        let e = store
            .save_player(id, None, &player(name, PlayerType::Leader))
            .unwrap_err();
        assert_eq!(codes(e), vec![("name".into(), "taken".into())], "{name}");
    }
    // Case beyond ASCII counts too.
    store
        .save_player(id, None, &player("Élan Café", PlayerType::Inspiring))
        .unwrap();
    let e = store
        .save_player(id, None, &player("ÉLAN CAFÉ", PlayerType::Inspiring))
        .unwrap_err();
    assert_eq!(codes(e), vec![("name".into(), "taken".into())]);
    // A player keeps its own name, in another case if it likes; it cannot take another's.
    store
        .save_player(
            id,
            Some(a),
            &player("LE FOURNIL", PlayerType::DirectCompetitor),
        )
        .unwrap();
    let b = store
        .save_player(id, None, &player("La Mie", PlayerType::IndirectCompetitor))
        .unwrap();
    let e = store
        .save_player(
            id,
            Some(b),
            &player("le fournil", PlayerType::IndirectCompetitor),
        )
        .unwrap_err();
    assert_eq!(codes(e), vec![("name".into(), "taken".into())]);
    let names: Vec<String> = store
        .benchmark(id)
        .unwrap()
        .players
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, vec!["LE FOURNIL", "Élan Café", "La Mie"]);
    // Another strategy may watch a player of the same name.
    let other = store
        .create_strategy(&StrategyInput {
            name: "Other".into(),
            organisation: String::new(),
            sector: String::new(),
            language: Language::Fr,
            timezone: "UTC".into(),
            start_date: "2026-01-01".into(),
        })
        .unwrap();
    store
        .save_player(other.id, None, &player("Le Fournil", PlayerType::Leader))
        .unwrap();
}

#[test]
fn the_view_says_which_parts_are_filled_in() {
    let (mut store, id) = store_with_strategy();
    let parts = |store: &Store| {
        let p = store.benchmark_view(id).unwrap().progress;
        [p.players, p.observations, p.voice, p.trends]
    };
    assert_eq!(parts(&store), [false; 4]);
    store
        .save_player(id, None, &player("Rival", PlayerType::DirectCompetitor))
        .unwrap();
    assert_eq!(parts(&store), [true, false, false, false]);
    // Blank words are no voice; one question is.
    let mut voice = CustomerVoice {
        words: "  ".into(),
        questions: vec![" ".into()],
        ..Default::default()
    };
    store.save_voice(id, &voice).unwrap();
    assert_eq!(parts(&store), [true, false, false, false]);
    voice.questions = vec!["Why us?".into()];
    store.save_voice(id, &voice).unwrap();
    assert_eq!(parts(&store), [true, false, true, false]);
}

#[test]
fn the_survey_is_saved_in_the_language_asked_under_that_languages_name() {
    let survey = cinq_core::findings::Text {
        en: "What do you follow us for?".into(),
        fr: "Pourquoi nous suivez-vous ?".into(),
    };
    assert_eq!(
        survey_file(&survey, Language::En),
        (survey.en.as_str(), "survey.txt")
    );
    assert_eq!(
        survey_file(&survey, Language::Fr),
        (survey.fr.as_str(), "questionnaire.txt")
    );
}
