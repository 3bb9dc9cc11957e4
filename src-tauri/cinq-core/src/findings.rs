//! Findings: conclusions computed from what the user entered, each with its evidence, a suggestion, and a link to the
//! data behind it. The rules live here and only here; the UI shows the texts as they come, in English or French.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{Audit, ContentFormat, Metric, Presence, UsageLevel};
use crate::model::StepId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Blocking,
    Warning,
    Info,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// The targets use a network where the brand is absent.
    TargetsWithoutPresence,
    /// The targets use a network where the brand is present but weak.
    WeakPresence,
    /// First-timers: a network worth opening, given the audiences.
    CandidateNetwork,
    /// The brand is active where its targets are not.
    DropCandidate,
    BestFormat,
    MissingMeasurement,
    StaleAccount,
}

/// A text in both of the app's languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Text {
    pub en: String,
    pub fr: String,
}

fn text(en: String, fr: String) -> Text {
    Text { en, fr }
}

/// Where the data behind a finding is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FindingLink {
    pub step: StepId,
    /// The part of the step: `audiences`, `presence` or `measurement`.
    pub section: String,
    pub network: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Finding {
    pub kind: FindingKind,
    pub severity: Severity,
    pub network: Option<String>,
    pub title: Text,
    /// The evidence, in a sentence or two.
    pub explanation: Text,
    pub suggestion: Text,
    pub link: FindingLink,
}

fn link(section: &str, network: &str) -> FindingLink {
    FindingLink {
        step: StepId::Audit,
        section: section.to_owned(),
        network: Some(network.to_owned()),
    }
}

fn format_name(f: ContentFormat) -> (&'static str, &'static str) {
    match f {
        ContentFormat::Photo => ("photos", "les photos"),
        ContentFormat::Video => ("videos", "les vidéos"),
        ContentFormat::Carousel => ("carousels", "les carrousels"),
        ContentFormat::Text => ("text posts", "les publications texte"),
        ContentFormat::Link => ("links", "les liens"),
        ContentFormat::Story => ("stories", "les stories"),
        ContentFormat::Live => ("lives", "les lives"),
        ContentFormat::ShortVideo => ("short videos", "les vidéos courtes"),
    }
}

fn metric_name(m: Metric) -> (&'static str, &'static str) {
    match m {
        Metric::Reach => ("reach and impressions", "la portée et les impressions"),
        Metric::Engagement => ("engagement", "l’engagement"),
        Metric::Clicks => ("clicks", "les clics"),
        Metric::FollowerGrowth => ("follower growth", "la croissance des abonnés"),
        Metric::Conversions => ("conversions and leads", "les conversions et leads"),
    }
}

fn level_name(l: UsageLevel) -> (&'static str, &'static str) {
    match l {
        UsageLevel::None => ("not at all", "pas du tout"),
        UsageLevel::Low => ("a little", "un peu"),
        UsageLevel::Medium => ("moderately", "moyennement"),
        UsageLevel::High => ("a lot", "beaucoup"),
    }
}

/// "a, b and c" / "a, b et c".
fn join(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// How much each persona uses `network`, highest first (personas that did not rate it count as `none`).
fn usage_on(audit: &Audit, network: &str) -> Vec<(String, UsageLevel)> {
    let mut v: Vec<(String, UsageLevel)> = audit
        .personas
        .iter()
        .map(|p| {
            let level = p
                .usage
                .iter()
                .find(|u| u.network == network)
                .map_or(UsageLevel::None, |u| u.level);
            (p.name.clone(), level)
        })
        .collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

fn max_usage(audit: &Audit, network: &str) -> UsageLevel {
    usage_on(audit, network)
        .first()
        .map_or(UsageLevel::None, |(_, l)| *l)
}

/// "Léa (a lot) and Marc (moderately)".
fn who_uses(audit: &Audit, network: &str, at_least: UsageLevel) -> Text {
    let users: Vec<(String, UsageLevel)> = usage_on(audit, network)
        .into_iter()
        .filter(|(_, l)| *l >= at_least)
        .collect();
    let en: Vec<String> = users
        .iter()
        .map(|(n, l)| format!("{n} ({})", level_name(*l).0))
        .collect();
    let fr: Vec<String> = users
        .iter()
        .map(|(n, l)| format!("{n} ({})", level_name(*l).1))
        .collect();
    text(join(&en, "and"), join(&fr, "et"))
}

/// The audit's findings as of `today`, most severe first, then in network order.
pub fn audit_findings(audit: &Audit, today: NaiveDate) -> Vec<Finding> {
    let mut out = Vec::new();
    let name = |key: &str| -> String {
        audit
            .networks
            .iter()
            .find(|n| n.key == key)
            .map_or_else(|| key.to_owned(), |n| n.name.clone())
    };
    let presence =
        |key: &str| -> Option<&Presence> { audit.presences.iter().find(|p| p.network == key) };
    let order: Vec<&str> = audit.networks.iter().map(|n| n.key.as_str()).collect();
    // Owned media (blog, newsletter) belong to the editorial calendar: no presence findings about them.
    let social: Vec<&str> = audit
        .networks
        .iter()
        .filter(|n| n.kind == crate::audit::NetworkKind::Social)
        .map(|n| n.key.as_str())
        .collect();

    if audit.not_on_social_yet {
        // First-timers: go from the audiences to candidate networks, most used first.
        let mut candidates: Vec<(&str, UsageLevel, usize)> = social
            .iter()
            .filter_map(|key| {
                let level = max_usage(audit, key);
                let fans = usage_on(audit, key)
                    .iter()
                    .filter(|(_, l)| *l >= UsageLevel::Medium)
                    .count();
                (level >= UsageLevel::Medium).then_some((*key, level, fans))
            })
            .collect();
        candidates.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)));
        for (key, _, _) in candidates {
            let n = name(key);
            let who = who_uses(audit, key, UsageLevel::Medium);
            out.push(Finding {
                kind: FindingKind::CandidateNetwork,
                severity: Severity::Info,
                network: Some(key.to_owned()),
                title: text(format!("{n} is a candidate network"), format!("{n} est un réseau social candidat")),
                explanation: text(
                    format!("Used by {}.", who.en),
                    format!("Utilisé par {}.", who.fr),
                ),
                suggestion: text(
                    format!("Consider opening an account on {n} and giving it a mission in step 3."),
                    format!("Envisagez d’ouvrir un compte sur {n} et de lui donner une mission à l’étape 3."),
                ),
                link: link("audiences", key),
            });
        }
        return out;
    }

    for key in &social {
        let n = name(key);
        let level = max_usage(audit, key);
        let p = presence(key).filter(|p| p.active);
        if level >= UsageLevel::Medium {
            let who = who_uses(audit, key, UsageLevel::Medium);
            match p {
                None => out.push(Finding {
                    kind: FindingKind::TargetsWithoutPresence,
                    severity: Severity::Warning,
                    network: Some((*key).to_owned()),
                    title: text(
                        format!("Your targets are on {n}, your brand is not"),
                        format!("Vos cibles sont sur {n}, votre marque n’y est pas"),
                    ),
                    explanation: text(
                        format!("Used by {}, yet the brand has no active account on {n}.", who.en),
                        format!("Utilisé par {}, mais la marque n’a pas de compte actif sur {n}.", who.fr),
                    ),
                    suggestion: text(
                        format!("Open or revive an account on {n}, or say in step 3 why you leave it aside."),
                        format!("Ouvrez ou relancez un compte sur {n}, ou expliquez à l’étape 3 pourquoi vous le laissez de côté."),
                    ),
                    link: link("presence", key),
                }),
                Some(p) if p.posts_per_week.is_some_and(|w| w < 1.0) => {
                    let w = p.posts_per_week.unwrap_or(0.0);
                    out.push(Finding {
                        kind: FindingKind::WeakPresence,
                        severity: Severity::Warning,
                        network: Some((*key).to_owned()),
                        title: text(
                            format!("Your presence on {n} is weak for your targets"),
                            format!("Votre présence sur {n} est faible pour vos cibles"),
                        ),
                        explanation: text(
                            format!("Used by {}, yet the brand posts only {w} times a week on {n}.", who.en),
                            format!("Utilisé par {}, mais la marque ne publie que {w} fois par semaine sur {n}.", who.fr),
                        ),
                        suggestion: text(
                            format!("Post on {n} at least once a week, or mark it \"improve\"."),
                            format!("Publiez sur {n} au moins une fois par semaine, ou marquez-le « à améliorer »."),
                        ),
                        link: link("presence", key),
                    });
                }
                Some(_) => {}
            }
        } else if let Some(p) = p {
            if !audit.personas.is_empty()
                && level == UsageLevel::None
                && p.decision != Some(crate::audit::Decision::Drop)
            {
                out.push(Finding {
                    kind: FindingKind::DropCandidate,
                    severity: Severity::Info,
                    network: Some((*key).to_owned()),
                    title: text(
                        format!("{n} is a candidate to drop"),
                        format!("{n} est un candidat à l’abandon"),
                    ),
                    explanation: text(
                        format!("The brand is active on {n}, but none of your audiences uses it."),
                        format!("La marque est active sur {n}, mais aucune de vos cibles ne l’utilise."),
                    ),
                    suggestion: text(
                        format!("Consider dropping {n} and putting that time where your targets are."),
                        format!("Envisagez d’abandonner {n} et de consacrer ce temps aux réseaux de vos cibles."),
                    ),
                    link: link("presence", key),
                });
            }
        }
    }

    for key in &order {
        let Some(p) = presence(key) else { continue };
        let n = name(key);
        if let Some(best) = p.formats.iter().map(|f| f.rating).max().filter(|r| *r > 0) {
            let mut top: Vec<ContentFormat> = p
                .formats
                .iter()
                .filter(|f| f.rating == best)
                .map(|f| f.format)
                .collect();
            top.sort();
            let en: Vec<String> = top.iter().map(|f| format_name(*f).0.to_owned()).collect();
            let fr: Vec<String> = top.iter().map(|f| format_name(*f).1.to_owned()).collect();
            let (en, fr) = (join(&en, "and"), join(&fr, "et"));
            out.push(Finding {
                kind: FindingKind::BestFormat,
                severity: Severity::Info,
                network: Some((*key).to_owned()),
                title: text(
                    format!("On {n}, {en} work best"),
                    format!("Sur {n}, {fr} fonctionnent le mieux"),
                ),
                explanation: text(
                    format!("Rated {best}/5, the highest of the formats tried on {n}."),
                    format!("Note de {best}/5, la meilleure des formats essayés sur {n}."),
                ),
                suggestion: text(
                    format!("Favour {en} when planning posts for {n}."),
                    format!("Privilégiez {fr} en planifiant les publications sur {n}."),
                ),
                link: link("presence", key),
            });
        }
        if !p.active {
            continue;
        }
        if p.decision != Some(crate::audit::Decision::Drop) {
            let missing: Vec<Metric> = Metric::ALL
                .into_iter()
                .filter(|m| {
                    !audit
                        .metrics
                        .iter()
                        .any(|c| c.network == *key && c.metric == *m && c.available)
                })
                .collect();
            if !missing.is_empty() {
                let en: Vec<String> = missing
                    .iter()
                    .map(|m| metric_name(*m).0.to_owned())
                    .collect();
                let fr: Vec<String> = missing
                    .iter()
                    .map(|m| metric_name(*m).1.to_owned())
                    .collect();
                out.push(Finding {
                    kind: FindingKind::MissingMeasurement,
                    severity: Severity::Warning,
                    network: Some((*key).to_owned()),
                    title: text(
                        format!("Measurements missing on {n}"),
                        format!("Mesures manquantes sur {n}"),
                    ),
                    explanation: text(
                        format!("You cannot yet measure {} on {n}.", join(&en, "and")),
                        format!("Vous ne pouvez pas encore mesurer {} sur {n}.", join(&fr, "et")),
                    ),
                    suggestion: text(
                        "Set up what is missing (the network's statistics, UTM links, a tracking pixel) before you set objectives."
                            .to_owned(),
                        "Mettez en place ce qui manque (statistiques du réseau, liens UTM, pixel de suivi) avant de fixer vos objectifs."
                            .to_owned(),
                    ),
                    link: link("measurement", key),
                });
            }
        }
        if let Some(last) = p
            .last_post_on
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        {
            let days = (today - last).num_days();
            if days > i64::from(audit.stale_after_days) {
                out.push(Finding {
                    kind: FindingKind::StaleAccount,
                    severity: Severity::Warning,
                    network: Some((*key).to_owned()),
                    title: text(format!("{n} looks abandoned"), format!("{n} semble à l’abandon")),
                    explanation: text(
                        format!("The last post on {n} was {days} days ago (the limit is {} days).", audit.stale_after_days),
                        format!("La dernière publication sur {n} date de {days} jours (la limite est de {} jours).", audit.stale_after_days),
                    ),
                    suggestion: text(
                        format!("Post again on {n}, or decide to drop it."),
                        format!("Publiez de nouveau sur {n}, ou décidez de l’abandonner."),
                    ),
                    link: link("presence", key),
                });
            }
        }
    }
    out.sort_by_key(|f| f.severity);
    out
}
