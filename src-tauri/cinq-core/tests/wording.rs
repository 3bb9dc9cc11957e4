//! The wording Cinq writes, as a first-time marketer reads it in English then in French: real plurals, lists with one
//! "and", networks by their display name (in French with their article: "sur le blog", "d’Instagram"), decimal
//! commas, the pace of a near deadline per week, vanity read from an objective's title, the checks a post's own
//! editor shows, and the names Cinq makes in the language of the app.

use chrono::NaiveDate;
use cinq_core::audit::{Decision, FormatRating, Presence};
use cinq_core::calendar::checks::{CalendarChecks, CalendarFinding, CheckOptions};
use cinq_core::calendar::{PostInput, PostStatus};
use cinq_core::findings::{Finding, FindingKind};
use cinq_core::network::ContentFormat;
use cinq_core::objectives::smart::PacePeriod;
use cinq_core::objectives::{Direction, KpiMetric, Mission, ObjectiveInput, ObjectiveType, Pillar};
use cinq_core::{Language, Store, StrategyInput};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const TODAY: &str = "2026-06-01";

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

fn keep(store: &mut Store, id: i64, network: &str) {
    store.select_network(id, network, true).unwrap();
    store
        .save_presence(
            id,
            &Presence {
                decision: Some(Decision::Keep),
                ..Presence::empty(network)
            },
        )
        .unwrap();
}

fn mission(network: &str, statement: &str, posts_per_week: Option<f64>) -> Mission {
    Mission {
        network: network.into(),
        statement: statement.into(),
        audiences: Vec::new(),
        objectives: Vec::new(),
        pillars: vec![Pillar::Curation],
        posts_per_week,
    }
}

fn post(network: &str, at: &str, title: &str) -> PostInput {
    PostInput {
        network: network.into(),
        scheduled_at: Some(at.into()),
        pillar: Some(Pillar::Curation),
        topic_id: None,
        title: title.into(),
        text: "Text".into(),
        link: String::new(),
        media_notes: String::new(),
        status: PostStatus::Draft,
        editorial_item_id: None,
        objective_id: None,
        campaign: String::new(),
        ..PostInput::blank()
    }
}

fn objective(title: &str, metric: Option<KpiMetric>) -> ObjectiveInput {
    ObjectiveInput {
        title: title.into(),
        objective_type: ObjectiveType::Awareness,
        marketing_objective_id: None,
        kpi_metric: metric,
        kpi_name: String::new(),
        kpi_unit: String::new(),
        direction: Direction::Increase,
        baseline: Some(100.0),
        target: Some(150.0),
        deadline: Some("2026-12-01".into()),
        networks: Vec::new(),
        owner: String::new(),
        contribution: String::new(),
    }
}

fn checks(store: &Store, id: i64, from: &str, to: &str) -> CalendarChecks {
    store
        .calendar_checks(id, Some(day(from)), Some(day(to)), &CheckOptions::default())
        .unwrap()
}

fn calendar_finding(c: &CalendarChecks, kind: FindingKind) -> &CalendarFinding {
    c.findings
        .iter()
        .find(|f| f.finding.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} in {:?}", c.findings))
}

fn finding(findings: &[Finding], kind: FindingKind) -> &Finding {
    findings
        .iter()
        .find(|f| f.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} in {findings:?}"))
}

#[test]
fn the_calendar_counts_in_real_plurals_with_decimal_commas_and_networks_with_their_article() {
    let (mut store, id) = store_with_strategy();
    keep(&mut store, id, "blog");
    keep(&mut store, id, "instagram");
    store
        .save_mission(id, &mission("blog", "Be the reference", Some(2.0)))
        .unwrap();
    // Two weeks from Monday 2 March: one post on the blog (which counts among its articles), two posts on Instagram
    // half an hour apart.
    store
        .save_post(id, None, &post("blog", "2026-03-03T09:00", "Guide"))
        .unwrap();
    let a = store
        .save_post(id, None, &post("instagram", "2026-03-04T09:00", "A"))
        .unwrap();
    let b = store
        .save_post(id, None, &post("instagram", "2026-03-04T09:30", "B"))
        .unwrap();
    let c = checks(&store, id, "2026-03-02", "2026-03-15");

    let low = &calendar_finding(&c, FindingKind::FrequencyTooLow).finding;
    assert_eq!(low.title.en, "Too few articles on Blog");
    assert_eq!(low.title.fr, "Trop peu d’articles sur le blog");
    assert_eq!(
        low.explanation.en,
        "0.5 articles a week on average, for a target of 2 set by its mission."
    );
    assert_eq!(
        low.explanation.fr,
        "0,5 article par semaine en moyenne, pour une cible de 2 fixée par sa mission."
    );

    let empty = &calendar_finding(&c, FindingKind::EmptyWeeks).finding;
    assert_eq!(empty.title.en, "1 week with nothing on Blog");
    assert_eq!(empty.title.fr, "1 semaine sans rien sur le blog");
    assert_eq!(empty.explanation.en, "The week starting 2026-03-09.");
    assert_eq!(empty.explanation.fr, "La semaine du 2026-03-09.");

    let orphans = calendar_finding(&c, FindingKind::PostWithoutObjective);
    assert_eq!(orphans.finding.title.en, "3 posts serve no objective");
    assert_eq!(
        orphans.finding.title.fr,
        "3 publications ne servent aucun objectif"
    );
    let collision = calendar_finding(&c, FindingKind::PostCollision);
    assert_eq!(
        collision.finding.title.fr,
        "Deux publications à 30 min d’intervalle sur Instagram"
    );
    assert_eq!(collision.posts, vec![a, b]);

    // One post alone: the singular, in both languages ("0" and "1" are singular in French).
    store.delete_post(id, b).unwrap();
    let c = checks(&store, id, "2026-03-04", "2026-03-04");
    let orphans = calendar_finding(&c, FindingKind::PostWithoutObjective);
    assert_eq!(orphans.finding.title.en, "1 post serves no objective");
    assert_eq!(
        orphans.finding.title.fr,
        "1 publication ne sert aucun objectif"
    );
}

#[test]
fn a_post_s_own_checks_hold_only_the_findings_about_each_of_its_posts() {
    let (mut store, id) = store_with_strategy();
    keep(&mut store, id, "instagram");
    store
        .save_mission(id, &mission("instagram", "Stories", Some(5.0)))
        .unwrap();
    store
        .save_post(id, None, &post("instagram", "2026-03-04T09:00", "A"))
        .unwrap();
    store
        .save_post(id, None, &post("instagram", "2026-03-04T09:30", "B"))
        .unwrap();
    let c = checks(&store, id, "2026-03-02", "2026-03-08");

    // About the network as a whole: its posts are named for selecting them, not for a post's checks.
    let low = calendar_finding(&c, FindingKind::FrequencyTooLow);
    assert_eq!(low.posts.len(), 2);
    assert_eq!(low.post_title, None);
    // About each post: a post's checks show it, said of that post when the title speaks of the plan.
    let orphans = calendar_finding(&c, FindingKind::PostWithoutObjective);
    let title = orphans.post_title.as_ref().unwrap();
    assert_eq!(title.en, "This post serves no objective");
    assert_eq!(title.fr, "Cette publication ne sert aucun objectif");
    let collision = calendar_finding(&c, FindingKind::PostCollision);
    assert_eq!(
        collision.post_title.as_ref(),
        Some(&collision.finding.title)
    );
}

#[test]
fn the_audit_names_networks_with_their_article_and_lists_measurements_with_one_and() {
    let (mut store, id) = store_with_strategy();
    store.select_network(id, "blog", true).unwrap();
    store
        .save_presence(
            id,
            &Presence {
                formats: vec![
                    FormatRating {
                        format: ContentFormat::Photo,
                        rating: 4,
                    },
                    FormatRating {
                        format: ContentFormat::Text,
                        rating: 2,
                    },
                ],
                // Measurements are asked of an account the brand has (accounts start off).
                active: true,
                ..Presence::empty("blog")
            },
        )
        .unwrap();
    let f = store.audit_view(id, day(TODAY)).unwrap().findings;

    let best = finding(&f, FindingKind::BestFormat);
    assert_eq!(best.title.en, "On Blog, photos work best");
    assert_eq!(
        best.title.fr,
        "Sur le blog, les photos fonctionnent le mieux"
    );
    assert_eq!(
        best.explanation.fr,
        "Noté 4/5 : le meilleur des formats essayés sur le blog."
    );

    let missing = finding(&f, FindingKind::MissingMeasurement);
    assert_eq!(missing.title.fr, "Mesures manquantes sur le blog");
    assert_eq!(
        missing.explanation.en,
        // A blog's follower growth does not apply (the catalogue's default), so it is not asked for.
        "You cannot yet measure reach, impressions, engagement, clicks, conversions and leads on Blog."
    );
    assert_eq!(
        missing.explanation.fr,
        "Vous ne pouvez pas encore mesurer la portée, les impressions, l’engagement, les clics, les conversions et les \
         leads sur le blog."
    );
}

#[test]
fn step_3_names_networks_with_their_article() {
    let (mut store, id) = store_with_strategy();
    keep(&mut store, id, "blog");
    keep(&mut store, id, "newsletter");
    keep(&mut store, id, "instagram");
    store
        .save_mission(id, &mission("newsletter", "News first", None))
        .unwrap();
    store
        .save_mission(id, &mission("instagram", "Pictures", None))
        .unwrap();
    let f = store.objectives_view(id, day(TODAY)).unwrap().findings;
    let of = |kind: FindingKind, network: &str| {
        f.iter()
            .find(|x| x.kind == kind && x.network.as_deref() == Some(network))
            .unwrap_or_else(|| panic!("no {kind:?} on {network}"))
    };
    let blog = of(FindingKind::NetworkWithoutMission, "blog");
    assert_eq!(blog.title.en, "Blog has no mission");
    assert_eq!(blog.title.fr, "Le blog n’a pas de mission");
    assert_eq!(
        blog.suggestion.fr,
        "Écrivez à quoi sert le blog, en une phrase ; partez de la suggestion."
    );
    assert_eq!(
        of(FindingKind::MissionWithoutObjective, "newsletter")
            .title
            .fr,
        "La mission de la newsletter ne sert aucun objectif"
    );
    assert_eq!(
        of(FindingKind::MissionWithoutObjective, "instagram")
            .title
            .fr,
        "La mission d’Instagram ne sert aucun objectif"
    );
}

#[test]
fn the_pace_of_a_near_deadline_is_said_per_week() {
    let (mut store, id) = store_with_strategy();
    // ×10 in three weeks.
    let mut soon = objective("Soon", Some(KpiMetric::Reach));
    soon.baseline = Some(1000.0);
    soon.target = Some(10_000.0);
    soon.deadline = Some("2026-06-22".into());
    let o = store.save_objective(id, None, &soon).unwrap();
    let view = store.objectives_view(id, day(TODAY)).unwrap();
    let pace = view.checks[0].smart.pace.unwrap();
    assert_eq!(pace.per, PacePeriod::Week);
    // 10 over 3 weeks is about 2.15 a week.
    assert!(
        (pace.factor - 10f64.powf(1.0 / 3.0)).abs() < 0.01,
        "{pace:?}"
    );
    let t = finding(&view.findings, FindingKind::TooAmbitious);
    assert_eq!(t.link.item, Some(o));
    assert_eq!(
        t.explanation.en,
        "Going from 1,000 to 10,000 by the deadline means multiplying the KPI by 2.2 every week."
    );
    assert_eq!(
        t.explanation.fr,
        "Passer de 1\u{202f}000 à 10\u{202f}000 d’ici l’échéance, c’est multiplier le KPI par 2,2 chaque semaine."
    );

    // ×100 in six months: still said per month.
    soon.target = Some(100_000.0);
    soon.deadline = Some("2026-12-01".into());
    store.save_objective(id, Some(o), &soon).unwrap();
    let view = store.objectives_view(id, day(TODAY)).unwrap();
    assert_eq!(view.checks[0].smart.pace.unwrap().per, PacePeriod::Month);
    let t = finding(&view.findings, FindingKind::TooAmbitious);
    assert!(
        t.explanation.en.ends_with("every month."),
        "{}",
        t.explanation.en
    );
    assert!(
        t.explanation.fr.ends_with("chaque mois."),
        "{}",
        t.explanation.fr
    );
}

#[test]
fn an_objective_is_vain_from_its_title_before_its_metric_is_chosen() {
    let (mut store, id) = store_with_strategy();
    let smart = |store: &Store, o: i64| {
        store
            .objectives_view(id, day(TODAY))
            .unwrap()
            .checks
            .into_iter()
            .find(|c| c.objective_id == o)
            .unwrap()
            .smart
    };
    for title in [
        "More followers",
        "Plus d’abonnés",
        "Gagner des abonnés sur Instagram",
        "1,000 likes a month",
        "Plus de J’aime",
        "More shares and reposts",
    ] {
        let o = store
            .save_objective(id, None, &objective(title, None))
            .unwrap();
        assert!(smart(&store, o).vanity, "{title}");
        let f = store.objectives_view(id, day(TODAY)).unwrap().findings;
        assert!(
            f.iter()
                .any(|f| f.kind == FindingKind::VanityMetric && f.link.item == Some(o)),
            "{title}"
        );
        store.delete_objective(id, o).unwrap();
    }
    for title in [
        "More qualified visits",
        "What customers like",
        "Our share of voice",
    ] {
        let o = store
            .save_objective(id, None, &objective(title, None))
            .unwrap();
        assert!(!smart(&store, o).vanity, "{title}");
        store.delete_objective(id, o).unwrap();
    }
    // A metric chosen decides; a custom one is read by its name.
    let o = store
        .save_objective(
            id,
            None,
            &objective("More followers", Some(KpiMetric::Leads)),
        )
        .unwrap();
    assert!(!smart(&store, o).vanity);
    let mut custom = objective("Grow", Some(KpiMetric::Custom));
    custom.kpi_name = "Instagram followers".into();
    store.save_objective(id, Some(o), &custom).unwrap();
    assert!(smart(&store, o).vanity);
    let f = store.objectives_view(id, day(TODAY)).unwrap().findings;
    let v = finding(&f, FindingKind::VanityMetric);
    assert!(
        v.explanation.en.contains("followers"),
        "{}",
        v.explanation.en
    );
}

#[test]
fn a_copy_and_an_import_are_named_in_the_language_of_the_app() {
    let (mut store, id) = store_with_strategy();
    let fr = store.duplicate_strategy_in(id, Language::Fr).unwrap();
    assert_eq!(fr.name, "Brand (copie)");
    let fr2 = store.duplicate_strategy_in(id, Language::Fr).unwrap();
    assert_eq!(fr2.name, "Brand (copie 2)");
    let en = store.duplicate_strategy(id).unwrap();
    assert_eq!(en.name, "Brand (copy)");

    let file = store.export_strategy(id).unwrap();
    let imported = store.import_strategy_in(&file, Language::Fr).unwrap();
    assert_eq!(imported.name, "Brand (importée)");
    let imported = store.import_strategy(&file).unwrap();
    assert_eq!(imported.name, "Brand (imported)");
}
