//! Step 1's findings: what the audit's data says (personas and their networks, presence, measurements), each with
//! its evidence, a suggestion and a link to the data behind it, in English and French.

use chrono::NaiveDate;

use crate::audit::{Audit, Metric, Presence, UsageLevel};
use crate::findings::{join, text, Finding, FindingKind, FindingLink, Severity, Text};
use crate::model::StepId;
use crate::network::{ContentFormat, NetName};
use crate::words::{cap, count_en, count_fr, figures};

fn link(section: &str, network: &str) -> FindingLink {
    FindingLink {
        step: StepId::Audit,
        section: section.to_owned(),
        network: Some(network.to_owned()),
        item: None,
        pillar: None,
    }
}

pub(crate) fn format_name(f: ContentFormat) -> (&'static str, &'static str) {
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

/// What a measurement of the audit measures, each thing apart, so that a list of measurements has a single "and":
/// "reach, impressions, clicks, conversions and leads".
pub(crate) fn metric_parts(m: Metric) -> &'static [(&'static str, &'static str)] {
    match m {
        Metric::Reach => &[("reach", "la portée"), ("impressions", "les impressions")],
        Metric::Engagement => &[("engagement", "l’engagement")],
        Metric::Clicks => &[("clicks", "les clics")],
        Metric::FollowerGrowth => &[("follower growth", "la croissance des abonnés")],
        Metric::Conversions => &[("conversions", "les conversions"), ("leads", "les leads")],
    }
}

/// Measurements in a sentence: "clicks, conversions and leads" / "les clics, les conversions et les leads".
pub(crate) fn metric_list(metrics: &[Metric]) -> (String, String) {
    let parts = || metrics.iter().flat_map(|m| metric_parts(*m).iter());
    let en: Vec<String> = parts().map(|p| p.0.to_owned()).collect();
    let fr: Vec<String> = parts().map(|p| p.1.to_owned()).collect();
    (join(&en, "and"), join(&fr, "et"))
}

fn level_name(l: UsageLevel) -> (&'static str, &'static str) {
    match l {
        UsageLevel::None => ("not at all", "pas du tout"),
        UsageLevel::Low => ("a little", "un peu"),
        UsageLevel::Medium => ("moderately", "moyennement"),
        UsageLevel::High => ("a lot", "beaucoup"),
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
    let name = |key: &str| NetName::of(&audit.networks, key);
    let presence =
        |key: &str| -> Option<&Presence> { audit.presences.iter().find(|p| p.network == key) };
    let order: Vec<&str> = audit.networks.iter().map(|n| n.key.as_str()).collect();
    // Owned media (blog, newsletter) belong to the editorial calendar: no presence findings about them.
    let social: Vec<&str> = audit
        .networks
        .iter()
        .filter(|n| n.kind == crate::network::NetworkKind::Social)
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
            let NetName { en: n, fr } = name(key);
            let who = who_uses(audit, key, UsageLevel::Medium);
            out.push(Finding {
                kind: FindingKind::CandidateNetwork,
                severity: Severity::Info,
                network: Some(key.to_owned()),
                title: text(
                    format!("{n} is a candidate network"),
                    format!("{} est un réseau social candidat", cap(&fr.the)),
                ),
                explanation: text(
                    format!("Used by {}.", who.en),
                    format!("Utilisé par {}.", who.fr),
                ),
                suggestion: text(
                    format!(
                        "Consider opening an account on {n} and giving it a mission in step 3."
                    ),
                    format!(
                        "Envisagez d’ouvrir un compte {} et de lui donner une mission à l’étape 3.",
                        fr.on
                    ),
                ),
                link: link("audiences", key),
            });
        }
        return out;
    }

    for key in &social {
        let NetName { en: n, fr } = name(key);
        let on = &fr.on;
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
                        format!("Vos cibles sont {on}, votre marque n’y est pas"),
                    ),
                    explanation: text(
                        format!("Used by {}, yet the brand has no active account on {n}.", who.en),
                        format!("Utilisé par {}, mais la marque n’a pas de compte actif {on}.", who.fr),
                    ),
                    suggestion: text(
                        format!("Open or revive an account on {n}, or say in step 3 why you leave it aside."),
                        format!("Ouvrez ou relancez un compte {on}, ou expliquez à l’étape 3 pourquoi vous le laissez de côté."),
                    ),
                    link: link("presence", key),
                }),
                Some(p) if p.posts_per_week.is_some_and(|w| w < 1.0) => {
                    let (w, w_fr) = figures(p.posts_per_week.unwrap_or(0.0));
                    out.push(Finding {
                        kind: FindingKind::WeakPresence,
                        severity: Severity::Warning,
                        network: Some((*key).to_owned()),
                        title: text(
                            format!("Your presence on {n} is weak for your targets"),
                            format!("Votre présence {on} est faible pour vos cibles"),
                        ),
                        explanation: text(
                            format!("Used by {}, yet the brand posts only {w} times a week on {n}.", who.en),
                            format!("Utilisé par {}, mais la marque n’y publie que {w_fr} fois par semaine.", who.fr),
                        ),
                        suggestion: text(
                            format!("Post on {n} at least once a week, or mark it “Improve”."),
                            format!("Publiez {on} au moins une fois par semaine, ou choisissez « Améliorer » pour ce réseau."),
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
                        format!("{} est un candidat à l’abandon", cap(&fr.the)),
                    ),
                    explanation: text(
                        format!("The brand is active on {n}, but none of your audiences uses it."),
                        format!("La marque est active {on}, mais aucune de vos cibles ne l’utilise."),
                    ),
                    suggestion: text(
                        format!("Consider dropping {n} and putting that time where your targets are."),
                        format!("Envisagez d’abandonner {} et de consacrer ce temps aux réseaux de vos cibles.", fr.the),
                    ),
                    link: link("presence", key),
                });
            }
        }
    }

    for key in &order {
        let Some(p) = presence(key) else { continue };
        let NetName { en: n, fr } = name(key);
        let on = &fr.on;
        if let Some(best) = p.formats.iter().map(|f| f.rating).max().filter(|r| *r > 0) {
            let mut top: Vec<ContentFormat> = p
                .formats
                .iter()
                .filter(|f| f.rating == best)
                .map(|f| f.format)
                .collect();
            top.sort();
            let en: Vec<String> = top.iter().map(|f| format_name(*f).0.to_owned()).collect();
            let formats: Vec<String> = top.iter().map(|f| format_name(*f).1.to_owned()).collect();
            let (en, formats) = (join(&en, "and"), join(&formats, "et"));
            out.push(Finding {
                kind: FindingKind::BestFormat,
                severity: Severity::Info,
                network: Some((*key).to_owned()),
                title: text(
                    format!("On {n}, {en} work best"),
                    format!("{}, {formats} fonctionnent le mieux", cap(on)),
                ),
                explanation: text(
                    format!("Rated {best}/5, the highest of the formats tried on {n}."),
                    if top.len() == 1 {
                        format!("Noté {best}/5 : le meilleur des formats essayés {on}.")
                    } else {
                        format!("Notés {best}/5 : les meilleurs des formats essayés {on}.")
                    },
                ),
                suggestion: text(
                    format!("Favour {en} when planning posts for {n}."),
                    format!("Privilégiez {formats} en planifiant les publications {on}."),
                ),
                link: link("presence", key),
            });
        }
        if !p.active {
            continue;
        }
        if p.decision != Some(crate::audit::Decision::Drop) {
            // A measurement marked not applicable on the network is settled, as one available is.
            let missing: Vec<Metric> = crate::audit::unsettled_metrics(audit, key);
            if !missing.is_empty() {
                let (what_en, what_fr) = metric_list(&missing);
                out.push(Finding {
                    kind: FindingKind::MissingMeasurement,
                    severity: Severity::Warning,
                    network: Some((*key).to_owned()),
                    title: text(
                        format!("Measurements missing on {n}"),
                        format!("Mesures manquantes {on}"),
                    ),
                    explanation: text(
                        format!("You cannot yet measure {what_en} on {n}."),
                        format!("Vous ne pouvez pas encore mesurer {what_fr} {on}."),
                    ),
                    suggestion: text(
                        format!("Set up what is missing (the network's statistics, UTM links, a tracking pixel) before you set objectives, or mark what does not apply to {n}."),
                        format!("Mettez en place ce qui manque (statistiques du réseau, liens UTM, pixel de suivi) avant de fixer vos objectifs, ou marquez ce qui est sans objet sur {n}."),
                    ),
                    link: link("measurement", key),
                });
            }
        }
        if let Some(last) = p.last_post_on.as_deref().and_then(crate::dates::parse_day) {
            let days = (today - last).num_days();
            if days > i64::from(audit.stale_after_days) {
                out.push(Finding {
                    kind: FindingKind::StaleAccount,
                    severity: Severity::Warning,
                    network: Some((*key).to_owned()),
                    title: text(
                        format!("{n} looks abandoned"),
                        format!("{} semble à l’abandon", cap(&fr.the)),
                    ),
                    explanation: text(
                        format!(
                            "The last post on {n} was {} ago (the limit is {}).",
                            count_en(days as usize, "day", "days"),
                            count_en(audit.stale_after_days as usize, "day", "days")
                        ),
                        format!(
                            "La dernière publication {on} remonte à {} (la limite est de {}).",
                            count_fr(days as usize, "jour", "jours"),
                            count_fr(audit.stale_after_days as usize, "jour", "jours")
                        ),
                    ),
                    suggestion: text(
                        format!("Post again on {n}, or decide to drop it."),
                        format!("Publiez de nouveau {on}, ou décidez d’abandonner ce réseau."),
                    ),
                    link: link("presence", key),
                });
            }
        }
    }
    out.sort_by_key(|f| f.severity);
    out
}
