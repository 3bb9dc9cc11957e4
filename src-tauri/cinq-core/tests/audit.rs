//! Step 1: the audit's store, validation and findings.

use chrono::NaiveDate;
use cinq_core::audit::findings::audit_findings;
use cinq_core::audit::*;
use cinq_core::findings::{FindingKind, Severity};
use cinq_core::network::*;
use cinq_core::{CoreError, ErrorCode, Language, Store, StrategyInput};

fn store_with_strategy() -> (Store, i64) {
    let mut store = Store::open_in_memory().unwrap();
    let s = store
        .create_strategy(&StrategyInput {
            name: "Brand".into(),
            organisation: String::new(),
            sector: String::new(),
            language: Language::En,
            timezone: "UTC".into(),
            start_date: "2026-01-01".into(),
        })
        .unwrap();
    (store, s.id)
}

fn persona(name: &str, usage: &[(&str, UsageLevel)]) -> PersonaInput {
    PersonaInput {
        name: name.into(),
        description: String::new(),
        audience_type: AudienceType::B2c,
        age_min: None,
        age_max: None,
        usage: usage
            .iter()
            .map(|(n, l)| PersonaUsage {
                network: (*n).into(),
                level: *l,
            })
            .collect(),
    }
}

fn codes(e: CoreError) -> Vec<(String, String)> {
    match e {
        CoreError::Validation(f) => f.into_iter().map(|f| (f.field, f.code)).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn empty_audit() -> Audit {
    Audit {
        networks: catalogue(),
        selected: Vec::new(),
        not_on_social_yet: false,
        stale_after_days: 30,
        personas: Vec::new(),
        presences: Vec::new(),
        metrics: Vec::new(),
    }
}

fn with_personas(audit: &mut Audit, personas: &[PersonaInput]) {
    audit.personas = personas
        .iter()
        .enumerate()
        .map(|(i, p)| Persona {
            id: i as i64 + 1,
            name: p.name.clone(),
            description: String::new(),
            audience_type: p.audience_type,
            age_min: None,
            age_max: None,
            usage: p.usage.clone(),
        })
        .collect();
}

fn all_metrics(network: &str) -> Vec<MetricCheck> {
    Metric::ALL
        .into_iter()
        .map(|metric| MetricCheck {
            network: network.into(),
            metric,
            available: true,
            source: "stats".into(),
            not_applicable: false,
        })
        .collect()
}

fn kinds(audit: &Audit, today: &str) -> Vec<(FindingKind, Option<String>)> {
    audit_findings(audit, day(today))
        .into_iter()
        .map(|f| (f.kind, f.network))
        .collect()
}

#[test]
fn the_catalogue_carries_the_facts_later_steps_use() {
    let c = catalogue();
    let keys: Vec<&str> = c.iter().map(|n| n.key.as_str()).collect();
    for k in [
        "facebook",
        "instagram",
        "linkedin",
        "x",
        "tiktok",
        "youtube",
        "pinterest",
        "threads",
        "bluesky",
        "mastodon",
        "snapchat",
        "google_business",
        "blog",
        "newsletter",
    ] {
        assert!(keys.contains(&k), "{k} is in the catalogue");
    }
    assert_eq!(
        c.iter().find(|n| n.key == "x").unwrap().max_length,
        Some(280)
    );
    assert!(c.iter().filter(|n| n.kind == NetworkKind::Owned).count() == 2);
    assert!(c.iter().all(|n| !n.formats.is_empty() && !n.custom));
}

#[test]
fn personas_presence_metrics_and_networks_are_stored() {
    let (mut store, id) = store_with_strategy();
    store.select_network(id, "instagram", true).unwrap();
    store.select_network(id, "linkedin", true).unwrap();
    store.select_network(id, "linkedin", false).unwrap();
    let pid = store
        .save_persona(
            id,
            None,
            &persona("Léa", &[("instagram", UsageLevel::High)]),
        )
        .unwrap();
    store
        .save_persona(
            id,
            Some(pid),
            &persona(
                "Léa B.",
                &[("instagram", UsageLevel::Medium), ("x", UsageLevel::Low)],
            ),
        )
        .unwrap();
    let mut p = Presence::empty("instagram");
    p.followers = Some(1200);
    p.engagement_rate = Some(3.5);
    p.formats = vec![FormatRating {
        format: ContentFormat::Photo,
        rating: 4,
    }];
    store.save_presence(id, &p).unwrap();
    store
        .save_metric(
            id,
            &MetricCheck {
                network: "instagram".into(),
                metric: Metric::Reach,
                available: true,
                source: "Meta".into(),
                not_applicable: false,
            },
        )
        .unwrap();
    let key = store
        .add_custom_network(
            id,
            &CustomNetworkInput {
                name: "Le Bon Coin".into(),
                kind: NetworkKind::Social,
                max_length: Some(4000),
                formats: vec![ContentFormat::Photo],
            },
        )
        .unwrap();
    assert_eq!(key, "custom-le-bon-coin");

    let a = store.audit(id).unwrap();
    assert_eq!(a.selected, vec!["instagram".to_string(), key.clone()]);
    assert_eq!(a.personas.len(), 1);
    assert_eq!(a.personas[0].name, "Léa B.");
    assert_eq!(a.personas[0].usage.len(), 2);
    assert_eq!(a.presences, vec![p]);
    assert_eq!(a.metrics.len(), 1);
    assert!(a.networks.iter().any(|n| n.key == key && n.custom));

    // Deleting the custom network removes what was recorded about it.
    store.save_presence(id, &Presence::empty(&key)).unwrap();
    store.delete_custom_network(id, &key).unwrap();
    let a = store.audit(id).unwrap();
    assert!(!a.selected.contains(&key));
    assert!(a.presences.iter().all(|p| p.network != key));
    store.delete_persona(id, pid).unwrap();
    assert!(store.audit(id).unwrap().personas.is_empty());
}

#[test]
fn bad_input_is_refused_field_by_field_and_changes_nothing() {
    let (mut store, id) = store_with_strategy();
    let mut bad = persona(" ", &[]);
    bad.age_min = Some(50);
    bad.age_max = Some(30);
    assert_eq!(
        codes(store.save_persona(id, None, &bad).unwrap_err()),
        vec![
            ("name".into(), "required".into()),
            ("age_max".into(), "less_than_min".into())
        ]
    );
    let mut old = persona("Old", &[]);
    old.age_max = Some(130);
    assert_eq!(
        codes(store.save_persona(id, None, &old).unwrap_err()),
        vec![("age_max".into(), "out_of_range".into())]
    );
    assert_eq!(
        codes(
            store
                .save_persona(id, None, &persona("P", &[("myspace", UsageLevel::High)]))
                .unwrap_err()
        ),
        vec![("network".into(), "unknown_network".into())]
    );

    let mut p = Presence::empty("instagram");
    p.followers = Some(-5);
    p.posts_per_week = Some(-1.0);
    p.engagement_rate = Some(100.5);
    p.last_post_on = Some("2026-02-30".into());
    p.formats = vec![FormatRating {
        format: ContentFormat::Photo,
        rating: 6,
    }];
    assert_eq!(
        codes(store.save_presence(id, &p).unwrap_err()),
        vec![
            ("followers".into(), "negative".into()),
            ("posts_per_week".into(), "negative".into()),
            ("engagement_rate".into(), "not_a_percentage".into()),
            ("last_post_on".into(), "invalid_date".into()),
            ("formats".into(), "rating_out_of_range".into()),
        ]
    );
    let mut edge = Presence::empty("instagram");
    edge.engagement_rate = Some(100.0);
    edge.followers = Some(0);
    store.save_presence(id, &edge).unwrap();

    assert_eq!(
        codes(
            store
                .add_custom_network(
                    id,
                    &CustomNetworkInput {
                        name: "linkedin".into(),
                        kind: NetworkKind::Social,
                        max_length: None,
                        formats: vec![]
                    }
                )
                .unwrap_err()
        ),
        vec![("name".into(), "taken".into())]
    );
    assert_eq!(
        codes(store.set_audit_options(id, false, 0).unwrap_err()),
        vec![("stale_after_days".into(), "out_of_range".into())]
    );
    let a = store.audit(id).unwrap();
    assert!(a.personas.is_empty());
    assert_eq!(a.presences, vec![edge]);
    assert_eq!(store.audit(999).unwrap_err().code(), ErrorCode::NotFound);
}

#[test]
fn no_data_gives_no_findings() {
    assert!(audit_findings(&empty_audit(), day("2026-06-01")).is_empty());
    let mut a = empty_audit();
    a.not_on_social_yet = true;
    assert!(audit_findings(&a, day("2026-06-01")).is_empty());
}

#[test]
fn targets_without_presence_and_weak_presence() {
    let mut a = empty_audit();
    with_personas(
        &mut a,
        &[persona(
            "Léa",
            &[
                ("instagram", UsageLevel::High),
                ("pinterest", UsageLevel::Medium),
                ("x", UsageLevel::Low),
            ],
        )],
    );
    let mut ig = Presence::empty("instagram");
    ig.active = true;
    ig.posts_per_week = Some(0.5);
    a.presences = vec![ig];
    a.metrics = all_metrics("instagram");
    let k = kinds(&a, "2026-06-01");
    assert!(
        k.contains(&(FindingKind::WeakPresence, Some("instagram".into()))),
        "{k:?}"
    );
    assert!(
        k.contains(&(
            FindingKind::TargetsWithoutPresence,
            Some("pinterest".into())
        )),
        "{k:?}"
    );
    assert!(
        !k.iter().any(|(_, n)| n.as_deref() == Some("x")),
        "low usage is not a target: {k:?}"
    );

    // An inactive account counts as absent.
    a.presences[0].active = false;
    let k = kinds(&a, "2026-06-01");
    assert!(
        k.contains(&(
            FindingKind::TargetsWithoutPresence,
            Some("instagram".into())
        )),
        "{k:?}"
    );
    // A strong presence is not flagged.
    a.presences[0].active = true;
    a.presences[0].posts_per_week = Some(3.0);
    let k = kinds(&a, "2026-06-01");
    assert!(
        !k.iter()
            .any(|(kind, n)| n.as_deref() == Some("instagram") && *kind != FindingKind::BestFormat),
        "{k:?}"
    );
    let f = &audit_findings(&a, day("2026-06-01"))[0];
    assert!(
        f.explanation.en.contains("Léa (moderately)"),
        "{}",
        f.explanation.en
    );
    assert!(
        f.explanation.fr.contains("Léa (moyennement)"),
        "{}",
        f.explanation.fr
    );
}

#[test]
fn drop_candidates_need_audiences_and_none_of_them_there() {
    let mut a = empty_audit();
    let mut x = Presence::empty("x");
    x.active = true;
    x.posts_per_week = Some(2.0);
    a.presences = vec![x];
    a.metrics = all_metrics("x");
    assert!(
        kinds(&a, "2026-06-01").is_empty(),
        "without personas nothing says the targets are elsewhere"
    );
    with_personas(
        &mut a,
        &[persona("Léa", &[("instagram", UsageLevel::High)])],
    );
    assert!(kinds(&a, "2026-06-01").contains(&(FindingKind::DropCandidate, Some("x".into()))));
    // A single persona with low usage is still a target of sorts: not a drop candidate.
    with_personas(&mut a, &[persona("Léa", &[("x", UsageLevel::Low)])]);
    assert!(!kinds(&a, "2026-06-01")
        .iter()
        .any(|(k, _)| *k == FindingKind::DropCandidate));
    // Already decided: no need to say it again.
    with_personas(&mut a, &[persona("Léa", &[])]);
    a.presences[0].decision = Some(Decision::Drop);
    assert!(!kinds(&a, "2026-06-01")
        .iter()
        .any(|(k, _)| *k == FindingKind::DropCandidate));
}

#[test]
fn best_format_reports_ties_together() {
    let mut a = empty_audit();
    let mut ig = Presence::empty("instagram");
    ig.active = false;
    ig.formats = vec![
        FormatRating {
            format: ContentFormat::ShortVideo,
            rating: 5,
        },
        FormatRating {
            format: ContentFormat::Photo,
            rating: 5,
        },
        FormatRating {
            format: ContentFormat::Story,
            rating: 2,
        },
    ];
    a.presences = vec![ig];
    let f = audit_findings(&a, day("2026-06-01"));
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].kind, FindingKind::BestFormat);
    assert_eq!(
        f[0].title.en,
        "On Instagram, photos and short videos work best"
    );
    assert_eq!(
        f[0].title.fr,
        "Sur Instagram, les photos et les vidéos courtes fonctionnent le mieux"
    );
}

#[test]
fn missing_measurements_and_stale_accounts() {
    let mut a = empty_audit();
    let mut ig = Presence::empty("instagram");
    ig.active = true;
    ig.last_post_on = Some("2026-05-02".into());
    a.presences = vec![ig];
    a.metrics = all_metrics("instagram");
    a.metrics[4].available = false; // conversions
    let f = audit_findings(&a, day("2026-06-01"));
    let missing = f
        .iter()
        .find(|f| f.kind == FindingKind::MissingMeasurement)
        .expect("missing measurement");
    assert_eq!(
        missing.explanation.en,
        "You cannot yet measure conversions and leads on Instagram."
    );
    assert_eq!(missing.link.section, "measurement");
    // 30 days ago exactly is not stale; 31 is.
    assert!(!f.iter().any(|f| f.kind == FindingKind::StaleAccount));
    let f = audit_findings(&a, day("2026-06-02"));
    let stale = f
        .iter()
        .find(|f| f.kind == FindingKind::StaleAccount)
        .expect("stale");
    assert!(
        stale.explanation.en.contains("31 days"),
        "{}",
        stale.explanation.en
    );
    // A dropped network needs no measurements; an inactive one is neither measured nor stale.
    a.presences[0].decision = Some(Decision::Drop);
    assert!(!kinds(&a, "2026-06-02")
        .iter()
        .any(|(k, _)| *k == FindingKind::MissingMeasurement));
    a.presences[0].active = false;
    assert!(kinds(&a, "2026-06-02").is_empty());
}

#[test]
fn first_timers_get_candidate_networks_most_used_first() {
    let mut a = empty_audit();
    a.not_on_social_yet = true;
    with_personas(
        &mut a,
        &[
            persona(
                "A",
                &[
                    ("pinterest", UsageLevel::Medium),
                    ("tiktok", UsageLevel::High),
                    ("newsletter", UsageLevel::High),
                ],
            ),
            persona(
                "B",
                &[
                    ("instagram", UsageLevel::High),
                    ("tiktok", UsageLevel::High),
                    ("x", UsageLevel::Low),
                ],
            ),
        ],
    );
    a.presences = vec![Presence::empty("x")];
    let k = kinds(&a, "2026-06-01");
    assert_eq!(
        k,
        vec![
            (FindingKind::CandidateNetwork, Some("tiktok".into())),
            (FindingKind::CandidateNetwork, Some("instagram".into())),
            (FindingKind::CandidateNetwork, Some("pinterest".into())),
        ],
        "owned media are not candidates; presence questions are skipped"
    );
}

#[test]
fn findings_are_sorted_by_severity() {
    let mut a = empty_audit();
    with_personas(
        &mut a,
        &[persona("Léa", &[("pinterest", UsageLevel::High)])],
    );
    let mut ig = Presence::empty("instagram");
    ig.formats = vec![FormatRating {
        format: ContentFormat::Photo,
        rating: 3,
    }];
    a.presences = vec![ig];
    a.metrics = all_metrics("instagram");
    let f = audit_findings(&a, day("2026-06-01"));
    let sev: Vec<Severity> = f.iter().map(|f| f.severity).collect();
    let mut sorted = sev.clone();
    sorted.sort();
    assert_eq!(sev, sorted);
}

#[test]
fn the_sample_shows_every_kind_of_audit_finding() {
    let mut store = Store::open_in_memory().unwrap();
    let s = store.create_sample().unwrap();
    let view = store
        .audit_view(s.id, chrono::Utc::now().date_naive())
        .unwrap();
    assert!(view.audit.personas.len() >= 2);
    assert!(view.audit.presences.len() >= 3);
    for kind in [
        FindingKind::TargetsWithoutPresence,
        FindingKind::WeakPresence,
        FindingKind::DropCandidate,
        FindingKind::BestFormat,
        FindingKind::MissingMeasurement,
        FindingKind::StaleAccount,
    ] {
        assert!(
            view.findings.iter().any(|f| f.kind == kind),
            "the sample shows {kind:?}"
        );
    }
}

#[test]
fn the_audit_travels_in_the_strategy_file_and_in_copies() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = Store::open(&dir.path().join("a.sqlite3")).unwrap();
    let s = a.create_sample().unwrap();
    a.add_custom_network(
        s.id,
        &CustomNetworkInput {
            name: "Vinted".into(),
            kind: NetworkKind::Social,
            max_length: None,
            formats: vec![ContentFormat::Photo],
        },
    )
    .unwrap();
    a.set_audit_options(s.id, true, 45).unwrap();
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

    let original = a.audit(s.id).unwrap();
    let copy = a.duplicate_strategy(s.id).unwrap();
    let copied = a.audit(copy.id).unwrap();
    assert_eq!(copied.presences, original.presences);
    assert_eq!(copied.selected, original.selected);
    assert_eq!(copied.personas.len(), original.personas.len());
    assert!(copied.not_on_social_yet);
}

#[test]
fn a_version_1_file_reads_with_an_empty_audit() {
    let text = r#"{"format":"cinq.strategy","version":1,"strategy":{"name":"Old","organisation":"","sector":"",
        "language":"fr","timezone":"Europe/Paris","start_date":"2025-01-01","current_step":"audit",
        "steps":[],"created_at":"2025-01-01T00:00:00.000Z","updated_at":"2025-01-01T00:00:00.000Z"}}"#;
    let file = cinq_core::file::parse_strategy_file(text.as_bytes()).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let s = store.import_strategy(&file).unwrap();
    let a = store.audit(s.id).unwrap();
    assert!(a.personas.is_empty() && a.presences.is_empty());
    assert_eq!(a.stale_after_days, DEFAULT_STALE_AFTER_DAYS);
}

#[test]
fn a_file_with_bad_audit_data_is_refused_and_changes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let s = store.create_sample().unwrap();
    let mut file = store.export_strategy(s.id).unwrap();
    file.strategy.audit.presences[0].followers = Some(-1);
    assert_eq!(
        store.import_strategy(&file).unwrap_err().code(),
        ErrorCode::InvalidFile
    );
    let mut file = store.export_strategy(s.id).unwrap();
    file.strategy.audit.selected.push("myspace".into());
    let e = store.import_strategy(&file).unwrap_err();
    assert!(e.to_string().contains("unknown network 'myspace'"), "{e}");
    assert_eq!(store.list_strategies().unwrap().len(), 1);
}

fn check(network: &str, metric: Metric, available: bool, not_applicable: bool) -> MetricCheck {
    MetricCheck {
        network: network.into(),
        metric,
        available,
        source: String::new(),
        not_applicable,
    }
}

fn active(network: &str) -> Presence {
    Presence {
        active: true,
        handle: format!("@brand on {network}"),
        ..Presence::empty(network)
    }
}

#[test]
fn a_measurement_not_applicable_is_settled_and_the_answer_names_what_is_missing() {
    let (mut store, id) = store_with_strategy();
    for n in ["linkedin", "blog"] {
        store.select_network(id, n, true).unwrap();
        store.save_presence(id, &active(n)).unwrap();
    }
    let today = day("2026-06-01");

    // The catalogue knows a blog has no followers: follower growth is not applicable there until the user says
    // otherwise. Nothing else is settled.
    let a = store.audit(id).unwrap();
    assert_eq!(
        a.metrics,
        vec![check("blog", Metric::FollowerGrowth, false, true)]
    );
    let v = store.audit_view(id, today).unwrap();
    assert!(!v.progress.measurement);
    assert_eq!(
        v.progress.gaps,
        vec![
            MetricGap {
                network: "linkedin".into(),
                metrics: Metric::ALL.to_vec(),
            },
            MetricGap {
                network: "blog".into(),
                metrics: vec![
                    Metric::Reach,
                    Metric::Engagement,
                    Metric::Clicks,
                    Metric::Conversions
                ],
            },
        ]
    );
    assert_eq!(
        v.progress.measurement_answer.en,
        "Not yet. Missing: reach, engagement, clicks, follower growth and conversions on LinkedIn; reach, \
         engagement, clicks and conversions on Blog. Tick what you can measure, or mark what does not apply to a \
         network."
    );
    assert_eq!(
        v.progress.measurement_answer.fr,
        "Pas encore. Il manque : la portée, l’engagement, les clics, la croissance des abonnés et les \
         conversions sur LinkedIn ; la portée, l’engagement, les clics et les conversions sur Blog. Cochez ce que \
         vous savez mesurer, ou marquez ce qui est sans objet sur un réseau."
    );

    // Everything available, but follower growth on LinkedIn not applicable (sent ticked as well: not applicable
    // wins, and the store keeps it unavailable).
    for m in Metric::ALL {
        let na = m == Metric::FollowerGrowth;
        store
            .save_metric(id, &check("linkedin", m, true, na))
            .unwrap();
        if m != Metric::FollowerGrowth {
            store
                .save_metric(id, &check("blog", m, true, false))
                .unwrap();
        }
    }
    let v = store.audit_view(id, today).unwrap();
    assert!(v.progress.measurement, "{:?}", v.progress.gaps);
    assert!(v.progress.gaps.is_empty());
    assert_eq!(
        v.progress.measurement_answer.en,
        "Yes: every measurement you need is available, or marked as not applicable."
    );
    assert_eq!(
        v.progress.measurement_answer.fr,
        "Oui : toutes les mesures nécessaires sont disponibles, ou marquées sans objet."
    );
    assert!(!v
        .findings
        .iter()
        .any(|f| f.kind == FindingKind::MissingMeasurement));
    let li = v
        .audit
        .metrics
        .iter()
        .find(|c| c.network == "linkedin" && c.metric == Metric::FollowerGrowth)
        .unwrap();
    assert_eq!((li.available, li.not_applicable), (false, true));

    // The user says a blog's follower growth does apply (its subscribers): the default gives way, and the gap is
    // back, in the banner and in the finding.
    store
        .save_metric(id, &check("blog", Metric::FollowerGrowth, false, false))
        .unwrap();
    let v = store.audit_view(id, today).unwrap();
    assert!(!v.progress.measurement);
    assert_eq!(
        v.progress.gaps,
        vec![MetricGap {
            network: "blog".into(),
            metrics: vec![Metric::FollowerGrowth],
        }]
    );
    assert!(
        v.progress
            .measurement_answer
            .en
            .contains("Missing: follower growth on Blog."),
        "{}",
        v.progress.measurement_answer.en
    );
    let f = v
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::MissingMeasurement)
        .unwrap();
    assert_eq!(f.network.as_deref(), Some("blog"));
    assert_eq!(
        f.explanation.en,
        "You cannot yet measure follower growth on Blog."
    );
    assert!(
        f.suggestion.fr.contains("sans objet sur Blog"),
        "{}",
        f.suggestion.fr
    );
}

#[test]
fn measurements_are_needed_where_the_brand_has_an_active_account_it_keeps() {
    let mut a = empty_audit();
    a.selected = vec!["instagram".into(), "tiktok".into()];
    // No account yet: nothing needs measuring, but nothing is answered either.
    let p = progress(&a);
    assert!(p.gaps.is_empty() && !p.measurement);
    assert!(
        p.measurement_answer
            .en
            .starts_with("No active account to measure yet"),
        "{}",
        p.measurement_answer.en
    );
    // One measurement available somewhere answers the part.
    a.metrics = vec![check("tiktok", Metric::Reach, true, false)];
    assert!(progress(&a).measurement);
    // An active account needs every measurement settled; a dropped one needs none.
    a.presences = vec![active("instagram")];
    let p = progress(&a);
    assert!(!p.measurement);
    assert_eq!(p.gaps[0].network, "instagram");
    a.presences[0].decision = Some(Decision::Drop);
    assert!(progress(&a).measurement);
    // First-timers: no account to measure; they say what they will be able to measure.
    a.presences.clear();
    a.metrics.clear();
    a.not_on_social_yet = true;
    let p = progress(&a);
    assert!(!p.measurement);
    assert!(
        p.measurement_answer
            .fr
            .starts_with("Votre marque n’est pas encore sur les réseaux sociaux"),
        "{}",
        p.measurement_answer.fr
    );
    // No network chosen: nothing is filled in.
    a.selected.clear();
    let p = progress(&a);
    assert!(!p.measurement && !p.presence);
    assert_eq!(
        p.measurement_answer.en,
        "Choose the networks to audit first."
    );
}

#[test]
fn only_described_accounts_count_and_an_account_is_off_until_said() {
    let empty = Presence::empty("instagram");
    assert!(!empty.active, "no account until the brand says it has one");
    assert!(!empty.is_described());
    // The switch and the decision alone describe nothing.
    let switched = Presence {
        active: true,
        decision: Some(Decision::Keep),
        ..Presence::empty("x")
    };
    assert!(!switched.is_described());

    let mut a = empty_audit();
    a.selected = ["facebook", "instagram", "linkedin", "x", "tiktok"]
        .map(String::from)
        .to_vec();
    let mut ig = Presence::empty("instagram");
    ig.followers = Some(0);
    let mut li = Presence::empty("linkedin");
    li.who_interacts = "Buyers".into();
    let mut tiktok = Presence::empty("tiktok");
    tiktok.handle = "   ".into();
    a.presences = vec![
        switched,
        ig,
        li,
        tiktok,
        Presence {
            decision: Some(Decision::Drop),
            ..Presence::empty("facebook")
        },
    ];
    let p = progress(&a);
    assert_eq!(p.described, vec!["instagram", "linkedin"]);
    assert!(p.presence);
    // A network no longer under audit is not counted.
    a.selected.retain(|k| k != "linkedin");
    assert_eq!(progress(&a).described, vec!["instagram"]);
    a.selected.retain(|k| k != "instagram");
    let p = progress(&a);
    assert!(p.described.is_empty() && !p.presence);
    // First-timers have nothing to describe.
    a.not_on_social_yet = true;
    assert!(progress(&a).presence);
}

#[test]
fn the_sample_reads_right_three_accounts_described_and_its_measurement_gaps() {
    let mut store = Store::open_in_memory().unwrap();
    let s = store.create_sample().unwrap();
    let v = store
        .audit_view(s.id, chrono::Utc::now().date_naive())
        .unwrap();
    let p = &v.progress;
    assert!(p.audiences && p.presence && !p.measurement);
    assert_eq!(p.described, vec!["facebook", "instagram", "x"]);
    assert!(v
        .audit
        .presences
        .iter()
        .all(|p| p.active && p.is_described()));
    assert_eq!(
        p.gaps,
        vec![
            MetricGap {
                network: "instagram".into(),
                metrics: vec![Metric::Conversions],
            },
            MetricGap {
                network: "x".into(),
                metrics: vec![Metric::Clicks, Metric::FollowerGrowth, Metric::Conversions],
            },
        ]
    );
}

#[test]
fn not_applicable_travels_in_the_strategy_file_and_an_older_file_reads_it_as_false() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = store_with_strategy();
    store.select_network(id, "blog", true).unwrap();
    store.select_network(id, "linkedin", true).unwrap();
    store
        .save_metric(id, &check("linkedin", Metric::Clicks, false, true))
        .unwrap();
    let file = dir.path().join("s.json");
    store.export_strategy_to(id, &file).unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains(&format!("\"version\": {}", cinq_core::file::FORMAT_VERSION)),
        "{text}"
    );
    assert!(text.contains("\"not_applicable\": true"), "{text}");
    let copy = store.import_strategy_from(&file).unwrap();
    assert_eq!(
        store.audit(copy.id).unwrap().metrics,
        store.audit(id).unwrap().metrics
    );

    // A version 6 file has no such field: every measurement in it applies.
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["version"] = 6.into();
    for m in json["strategy"]["audit"]["metrics"].as_array_mut().unwrap() {
        m.as_object_mut().unwrap().remove("not_applicable");
    }
    let old = serde_json::to_string(&json).unwrap();
    assert!(!old.contains("not_applicable"), "{old}");
    let parsed = cinq_core::file::parse_strategy_file(old.as_bytes()).unwrap();
    assert!(parsed
        .strategy
        .audit
        .metrics
        .iter()
        .all(|m| !m.not_applicable));
}

#[test]
fn a_database_before_not_applicable_is_migrated_and_keeps_its_measurements() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.sqlite3");
    let migrations = cinq_core::store::MIGRATIONS;
    let before = migrations
        .iter()
        .position(|m| m.contains("not_applicable"))
        .expect("the migration that adds not_applicable");
    drop(Store::open_with_migrations(&db, &migrations[..before]).unwrap());
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "INSERT INTO strategy (id, name, organisation, sector, language, timezone, start_date, current_step,
             created_at, updated_at)
         VALUES (1, 'Old', '', '', 'en', 'UTC', '2026-01-01', 'audit', '2026-01-01T00:00:00Z',
             '2026-01-01T00:00:00Z');
         INSERT INTO selected_network (strategy_id, network) VALUES (1, 'instagram');
         INSERT INTO metric_check (strategy_id, network, metric, available, source)
             VALUES (1, 'instagram', 'reach', 1, 'Meta');",
    )
    .unwrap();
    drop(conn);
    let mut store = Store::open(&db).unwrap();
    let mut reach = check("instagram", Metric::Reach, true, false);
    reach.source = "Meta".into();
    assert_eq!(store.audit(1).unwrap().metrics, vec![reach]);
    store
        .save_metric(1, &check("instagram", Metric::Clicks, false, true))
        .unwrap();
    assert!(store.audit(1).unwrap().metrics[1].not_applicable);
}
