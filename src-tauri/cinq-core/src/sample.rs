//! The sample strategy: a realistic brand that a first-timer can open and explore. Each step's issue adds its data
//! here, so that every view shows real content on the sample.

use chrono::{Datelike, NaiveDate, Utc};

use crate::audit::{
    self, AudienceType, ContentFormat, Decision, FormatRating, Metric, MetricCheck, PersonaInput,
    PersonaUsage, Presence, UsageLevel,
};
use crate::benchmark::{
    self, CustomerVoice, ObservationInput, PlayerInput, PlayerType, TrendInput,
};
use crate::error::Result;
use crate::model::{Language, StepId, StepState, Strategy, StrategyInput};
use crate::store::Store;
use crate::strategy::{insert, now, NewStrategy};

pub const SAMPLE_NAME: &str = "Atelier Lumière (sample)";

/// The start date of the sample: the first day of the current month, so its plan is always current.
fn start_date(today: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(today.year(), today.month(), 1).unwrap_or(today)
}

impl Store {
    /// Adds the sample strategy (under a free name if one is already there) and returns it.
    pub fn create_sample(&mut self) -> Result<Strategy> {
        let start = start_date(Utc::now().date_naive());
        let id = self.write(|tx| {
            let name = crate::strategy::free_name_for_sample(tx, SAMPLE_NAME)?;
            let t = now();
            insert(
                tx,
                &NewStrategy {
                    input: &StrategyInput {
                        name,
                        organisation: "Atelier Lumière".to_owned(),
                        sector: "Bougies artisanales et parfums d'intérieur, vente en ligne et deux boutiques à Lyon"
                            .to_owned(),
                        language: Language::Fr,
                        timezone: "Europe/Paris".to_owned(),
                        start_date: start.format("%Y-%m-%d").to_string(),
                    },
                    current_step: StepId::Audit,
                    // Steps 1 and 2 are filled in, so the sample shows them as done.
                    steps: &[
                        StepState {
                            step: StepId::Audit,
                            completed: true,
                        },
                        StepState {
                            step: StepId::Benchmark,
                            completed: true,
                        },
                    ],
                    created_at: &t,
                    updated_at: &t,
                },
            )
            .and_then(|id| {
                sample_audit(tx, id, Utc::now().date_naive())?;
                sample_benchmark(tx, id, Utc::now().date_naive())?;
                Ok(id)
            })
        })?;
        self.strategy(id)
    }
}

fn usage(pairs: &[(&str, UsageLevel)]) -> Vec<PersonaUsage> {
    pairs
        .iter()
        .map(|(n, l)| PersonaUsage {
            network: (*n).to_owned(),
            level: *l,
        })
        .collect()
}

fn rated(pairs: &[(ContentFormat, u8)]) -> Vec<FormatRating> {
    pairs
        .iter()
        .map(|(f, r)| FormatRating {
            format: *f,
            rating: *r,
        })
        .collect()
}

/// The sample's audit: two personas, five networks. It is built so that every kind of audit finding shows on it.
fn sample_audit(tx: &rusqlite::Transaction, id: i64, today: NaiveDate) -> Result<()> {
    use ContentFormat::*;
    use UsageLevel::*;
    audit::write_options(tx, id, false, audit::DEFAULT_STALE_AFTER_DAYS)?;
    for key in [
        "instagram",
        "facebook",
        "pinterest",
        "x",
        "google_business",
        "newsletter",
    ] {
        audit::write_selected(tx, id, key, true)?;
    }
    audit::insert_persona(
        tx,
        id,
        &PersonaInput {
            name: "Léa, la décoratrice".to_owned(),
            description:
                "30–40 ans, vit en ville, aménage son appartement et cherche des objets faits main \
                          qui racontent une histoire. Achète en ligne, souvent le soir."
                    .to_owned(),
            audience_type: AudienceType::B2c,
            age_min: Some(30),
            age_max: Some(40),
            usage: usage(&[
                ("instagram", High),
                ("pinterest", Medium),
                ("facebook", Low),
                ("newsletter", Medium),
            ]),
        },
    )?;
    audit::insert_persona(
        tx,
        id,
        &PersonaInput {
            name: "Marc, l'acheteur de cadeaux".to_owned(),
            description:
                "45–60 ans, cherche un cadeau pour une occasion précise, compare les avis, \
                          passe volontiers en boutique à Lyon."
                    .to_owned(),
            audience_type: AudienceType::B2c,
            age_min: Some(45),
            age_max: Some(60),
            usage: usage(&[
                ("facebook", High),
                ("google_business", High),
                ("instagram", Low),
                ("newsletter", Low),
            ]),
        },
    )?;
    let day = |days_ago: i64| {
        (today - chrono::Duration::days(days_ago))
            .format("%Y-%m-%d")
            .to_string()
    };
    let instagram = Presence {
        handle: "@atelier.lumiere".to_owned(),
        owner: "Camille".to_owned(),
        followers: Some(4_200),
        posts_per_week: Some(3.0),
        likes_per_post: Some(180.0),
        comments_per_post: Some(12.0),
        shares_per_post: Some(6.0),
        engagement_rate: Some(4.7),
        who_interacts: "Surtout des femmes de 25 à 40 ans, beaucoup de Lyonnaises.".to_owned(),
        best_times: "Mardi et jeudi, 19 h – 21 h".to_owned(),
        last_post_on: Some(day(2)),
        decision: Some(Decision::Keep),
        formats: rated(&[(Photo, 4), (Carousel, 3), (ShortVideo, 5), (Story, 3)]),
        ..Presence::empty("instagram")
    };
    let facebook = Presence {
        handle: "facebook.com/atelierlumiere".to_owned(),
        owner: "Camille".to_owned(),
        followers: Some(1_850),
        posts_per_week: Some(0.5),
        likes_per_post: Some(15.0),
        comments_per_post: Some(2.0),
        shares_per_post: Some(1.0),
        who_interacts: "Des clients des boutiques, plutôt 45 ans et plus.".to_owned(),
        best_times: "Dimanche matin".to_owned(),
        last_post_on: Some(day(47)),
        decision: Some(Decision::Improve),
        formats: rated(&[(Photo, 3), (Link, 1), (Video, 2)]),
        ..Presence::empty("facebook")
    };
    let x = Presence {
        handle: "@atelierlumiere".to_owned(),
        owner: "Hugo".to_owned(),
        followers: Some(310),
        posts_per_week: Some(2.0),
        likes_per_post: Some(2.0),
        comments_per_post: Some(0.0),
        shares_per_post: Some(0.0),
        who_interacts: "Quelques comptes d'artisans, peu de clients.".to_owned(),
        last_post_on: Some(day(6)),
        formats: rated(&[(Text, 2), (Link, 1)]),
        ..Presence::empty("x")
    };
    for p in [&instagram, &facebook, &x] {
        audit::write_presence(tx, id, p)?;
    }
    let checks: &[(&str, Metric, bool, &str)] = &[
        ("instagram", Metric::Reach, true, "Meta Business Suite"),
        ("instagram", Metric::Engagement, true, "Meta Business Suite"),
        ("instagram", Metric::Clicks, true, "Meta Business Suite"),
        (
            "instagram",
            Metric::FollowerGrowth,
            true,
            "Meta Business Suite",
        ),
        ("instagram", Metric::Conversions, false, ""),
        ("facebook", Metric::Reach, true, "Meta Business Suite"),
        ("facebook", Metric::Engagement, true, "Meta Business Suite"),
        ("facebook", Metric::Clicks, true, "Meta Business Suite"),
        (
            "facebook",
            Metric::FollowerGrowth,
            true,
            "Meta Business Suite",
        ),
        (
            "facebook",
            Metric::Conversions,
            true,
            "Google Analytics (UTM)",
        ),
        ("x", Metric::Reach, true, "X Analytics"),
        ("x", Metric::Engagement, true, "X Analytics"),
    ];
    for (network, metric, available, source) in checks {
        audit::write_metric(
            tx,
            id,
            &MetricCheck {
                network: (*network).to_owned(),
                metric: *metric,
                available: *available,
                source: (*source).to_owned(),
            },
        )?;
    }
    Ok(())
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

/// The sample's benchmark: four players observed on Instagram and Facebook, a month apart, with customer voice,
/// trends and the brand's themes; built so that every kind of benchmark finding shows on it.
fn sample_benchmark(tx: &rusqlite::Transaction, id: i64, today: NaiveDate) -> Result<()> {
    use ContentFormat::*;
    let day = |days_ago: i64| {
        (today - chrono::Duration::days(days_ago))
            .format("%Y-%m-%d")
            .to_string()
    };
    struct Seen<'a> {
        network: &'a str,
        days_ago: i64,
        followers: i64,
        posts: f64,
        engagement: f64,
        themes: &'a [&'a str],
        tone: &'a str,
        formats: &'a [ContentFormat],
        works: &'a str,
        fails: &'a str,
    }
    let players: [(PlayerInput, Vec<Seen>); 4] = [
        (
            PlayerInput {
                name: "Cire & Co".to_owned(),
                player_type: PlayerType::DirectCompetitor,
                website: "https://cire-and-co.example".to_owned(),
                notes: "Bougies artisanales lyonnaises, même gamme de prix.".to_owned(),
            },
            vec![
                Seen {
                    network: "instagram",
                    days_ago: 35,
                    followers: 6_100,
                    posts: 4.0,
                    engagement: 230.0,
                    themes: &["idées cadeaux", "savoir-faire"],
                    tone: "Chaleureux, tutoiement",
                    formats: &[Photo, ShortVideo],
                    works: "Les vidéos de coulage de cire.",
                    fails: "Les visuels promotionnels sans contexte.",
                },
                Seen {
                    network: "instagram",
                    days_ago: 5,
                    followers: 6_400,
                    posts: 5.0,
                    engagement: 250.0,
                    themes: &["idées cadeaux", "savoir-faire", "décoration"],
                    tone: "Chaleureux, tutoiement",
                    formats: &[Photo, ShortVideo, Carousel],
                    works: "Les vidéos de coulage de cire.",
                    fails: "Les visuels promotionnels sans contexte.",
                },
                Seen {
                    network: "facebook",
                    days_ago: 5,
                    followers: 2_300,
                    posts: 2.0,
                    engagement: 40.0,
                    themes: &["idées cadeaux", "événements"],
                    tone: "Informatif",
                    formats: &[Photo, Link],
                    works: "Les annonces de marchés de créateurs.",
                    fails: "Les liens vers la boutique.",
                },
            ],
        ),
        (
            PlayerInput {
                name: "Senteurs du Sud".to_owned(),
                player_type: PlayerType::IndirectCompetitor,
                website: "https://senteurs-du-sud.example".to_owned(),
                notes: "Diffuseurs et parfums d'intérieur, vendus en jardinerie et en ligne."
                    .to_owned(),
            },
            vec![Seen {
                network: "instagram",
                days_ago: 6,
                followers: 12_000,
                posts: 4.0,
                engagement: 150.0,
                themes: &["idées cadeaux", "décoration", "ingrédients naturels"],
                tone: "Lumineux, vouvoiement",
                formats: &[Photo, Carousel, Story],
                works: "Les carrousels « avant / après » de pièces.",
                fails: "Les jeux-concours à répétition.",
            }],
        ),
        (
            PlayerInput {
                name: "Flamme Parisienne".to_owned(),
                player_type: PlayerType::Leader,
                website: "https://flamme-parisienne.example".to_owned(),
                notes: "La référence haut de gamme du secteur.".to_owned(),
            },
            vec![Seen {
                network: "instagram",
                days_ago: 4,
                followers: 250_000,
                posts: 6.0,
                engagement: 3_400.0,
                themes: &["idées cadeaux", "art de vivre", "savoir-faire"],
                tone: "Élégant, poétique",
                formats: &[ShortVideo, Carousel, Live],
                works: "Les lives de composition de parfums.",
                fails: "Peu de réponses aux commentaires.",
            }],
        ),
        (
            PlayerInput {
                name: "Terre & Tour".to_owned(),
                player_type: PlayerType::Inspiring,
                website: "https://terre-et-tour.example".to_owned(),
                notes: "Céramiste : un autre secteur, une communauté très engagée.".to_owned(),
            },
            vec![Seen {
                network: "instagram",
                days_ago: 3,
                followers: 38_000,
                posts: 3.0,
                engagement: 1_900.0,
                themes: &["idées cadeaux", "coulisses de l'atelier"],
                tone: "Intime, humour",
                formats: &[ShortVideo, Story, Live],
                works: "Les ratés de cuisson racontés avec humour.",
                fails: "Les publications sans visage.",
            }],
        ),
    ];
    for (player, seen) in &players {
        let pid = benchmark::insert_player(tx, id, player)?;
        for o in seen {
            benchmark::insert_observation(
                tx,
                &ObservationInput {
                    player_id: pid,
                    network: o.network.to_owned(),
                    observed_on: day(o.days_ago),
                    followers: Some(o.followers),
                    posts_per_week: Some(o.posts),
                    engagement_per_post: Some(o.engagement),
                    themes: strings(o.themes),
                    tone: o.tone.to_owned(),
                    formats: o.formats.to_vec(),
                    works: o.works.to_owned(),
                    fails: o.fails.to_owned(),
                },
            )?;
        }
    }
    benchmark::write_voice(
        tx,
        id,
        &CustomerVoice {
            words: "« cocooning », « fait main », « ça sent la maison de ma grand-mère », « cadeau qui fait plaisir »"
                .to_owned(),
            tone: "Affectueux, enthousiaste ; beaucoup d'émojis bougie et cœur.".to_owned(),
            shares: "Les photos de leur intérieur avec la bougie allumée, les idées cadeaux de dernière minute."
                .to_owned(),
            reactions: "Les vidéos d'atelier récoltent des commentaires ; les promotions, surtout des likes.".to_owned(),
            questions: strings(&[
                "Quelle est votre bougie préférée, et pourquoi ?",
                "À quelle occasion offrez-vous une bougie ?",
                "Quels contenus aimeriez-vous voir plus souvent ?",
                "Rapporteriez-vous vos pots vides pour qu'on les recycle ?",
            ]),
        },
    )?;
    for trend in [
        TrendInput {
            title: "Vidéos ASMR d'allumage et de coulage".to_owned(),
            network: Some("tiktok".to_owned()),
            source: "Tendances TikTok, rubrique « Home »".to_owned(),
            why: "Format court et apaisant, très partagé le soir.".to_owned(),
            adaptation: "Filmer le coulage de la cire en plan serré, sans musique.".to_owned(),
        },
        TrendInput {
            title: "Coulisses « une journée à l'atelier »".to_owned(),
            network: Some("instagram".to_owned()),
            source: "Observation des comptes d'artisans".to_owned(),
            why: "Montre le fait main et crée de la proximité.".to_owned(),
            adaptation: "Une story par semaine, tournée par l'équipe elle-même.".to_owned(),
        },
    ] {
        benchmark::insert_trend(tx, id, &trend)?;
    }
    benchmark::write_brand_themes(
        tx,
        id,
        &strings(&[
            "coulisses de l'atelier",
            "recyclage des pots",
            "idées cadeaux",
            "bien-être",
        ]),
    )?;
    Ok(())
}
