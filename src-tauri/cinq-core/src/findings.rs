//! Findings: conclusions computed from what the user entered, each with its evidence, a suggestion, and a link to the
//! data behind it. The rules of steps 1 and 2 live here, those of step 3 in [`crate::objectives::smart`]; the UI shows the texts
//! as they come, in English or French.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{Audit, Metric, Presence, UsageLevel};
use crate::model::StepId;
use crate::network::ContentFormat;
use crate::words::{cap, count_en, count_fr, figure_count, NetName};

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
    /// The brand posts less often than the median competitor on a network.
    PostsLessThanCompetitors,
    /// The brand's posts get less engagement than the median competitor's.
    EngagesLessThanCompetitors,
    /// Formats the leaders use on a network and the brand does not.
    FormatGap,
    /// A theme of the brand's that no player covers: a way to stand apart.
    WhiteSpaceTheme,
    /// A theme every player covers.
    CrowdedTheme,
    // Step 3.
    /// No social objective yet.
    NoObjective,
    /// Specific: the objective has no metric.
    NotSpecific,
    /// Measurable: no metric or no data source in the measurement plan (blocking).
    NotMeasurable,
    /// No baseline or no target: the ambition cannot be judged.
    NoFigures,
    /// A target too far from the baseline for the time left.
    TooAmbitious,
    /// A target below the baseline (above it for a KPI that should go down).
    TargetWrongWay,
    TargetUnchanged,
    /// A target barely better than the baseline.
    TargetTimid,
    /// A baseline of 0: the ambition cannot be judged from it.
    StartsFromZero,
    /// Relevant: not linked to a business goal.
    NotLinkedToBusiness,
    /// Time-bound: no deadline, or one that is not after today.
    NotTimeBound,
    /// A vanity KPI with no link to a business outcome.
    VanityMetric,
    /// The audit says the KPI cannot be measured on one of the objective's networks.
    MetricUnavailable,
    /// The objective is on a network the audit did not keep.
    ObjectiveOffKeptNetworks,
    NetworkWithoutMission,
    MissionWithoutObjective,
    /// The brand is active on a network and the audit has not decided whether to keep it.
    UndecidedNetwork,
    PillarWithoutTopics,
    /// A network's mission favours pillars that its mix gives little weight.
    MissionMixMismatch,
    // Step 4.
    FrequencyTooLow,
    FrequencyTooHigh,
    /// Weeks with no post on an active network.
    EmptyWeeks,
    /// The same topic several times in a row on one network.
    TopicRepeated,
    TopicUnused,
    /// One topic takes a large share of the posts.
    TopicDominant,
    /// A network's posts stray from its mission's pillars.
    MissionMisfit,
    /// The actual mix is off the target (strategy-wide or on a network).
    MixOffTarget,
    /// Two posts on one network too close in time.
    PostCollision,
    PostWithoutObjective,
    /// An editorial item that no post relays.
    EditorialNotRelayed,
    /// A post's text longer than its network takes.
    PostTooLong,
    /// Stored dates or times that are not in their one form and that no repair could read (see `stored_dates`).
    StoredDateInvalid,
}

/// A text in both of the app's languages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Text {
    pub en: String,
    pub fr: String,
}

pub(crate) fn text(en: String, fr: String) -> Text {
    Text { en, fr }
}

/// Where the data behind a finding is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FindingLink {
    pub step: StepId,
    /// The part of the step: `audiences`, `presence` or `measurement` (audit); `comparison` or `coverage`
    /// (benchmark); `goals`, `objectives`, `missions`, `mix` or `measurement` (objectives).
    pub section: String,
    pub network: Option<String>,
    /// The item concerned, when one: a social objective's id (objectives).
    #[ts(type = "number | null")]
    pub item: Option<i64>,
    /// The pillar concerned, when one (a pillar with no topics).
    pub pillar: Option<crate::objectives::Pillar>,
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

impl Finding {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        kind: FindingKind,
        severity: Severity,
        network: Option<&str>,
        title: Text,
        explanation: Text,
        suggestion: Text,
        link: FindingLink,
    ) -> Finding {
        Finding {
            kind,
            severity,
            network: network.map(str::to_owned),
            title,
            explanation,
            suggestion,
            link,
        }
    }
}

fn link(section: &str, network: &str) -> FindingLink {
    FindingLink {
        step: StepId::Audit,
        section: section.to_owned(),
        network: Some(network.to_owned()),
        item: None,
        pillar: None,
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

pub(crate) use crate::words::join;

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

fn bench_link(section: &str, network: Option<&str>) -> FindingLink {
    FindingLink {
        step: StepId::Benchmark,
        section: section.to_owned(),
        network: network.map(str::to_owned),
        item: None,
        pillar: None,
    }
}

/// A figure as people write it, in English and in French: at most one decimal, none when whole.
/// Thousands are grouped: "4,200" and "4 200" (a narrow no-break space).
pub(crate) fn figures(v: f64) -> (String, String) {
    let plain = format!("{}", (v * 10.0).round() / 10.0);
    let (sign, rest) = plain
        .strip_prefix('-')
        .map_or(("", plain.as_str()), |r| ("-", r));
    let (whole, decimals) = rest
        .split_once('.')
        .map_or((rest, None), |(w, d)| (w, Some(d)));
    let group = |sep: &str| {
        let digits: Vec<char> = whole.chars().collect();
        let mut out = String::new();
        for (i, c) in digits.iter().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push_str(sep);
            }
            out.push(*c);
        }
        out
    };
    let en = format!(
        "{sign}{}{}",
        group(","),
        decimals.map(|d| format!(".{d}")).unwrap_or_default()
    );
    let fr = format!(
        "{sign}{}{}",
        group("\u{202f}"),
        decimals.map(|d| format!(",{d}")).unwrap_or_default()
    );
    (en, fr)
}

pub(crate) fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

/// The benchmark's findings, most severe first, then in network order.
pub fn benchmark_findings(
    b: &crate::benchmark::Benchmark,
    audit: &Audit,
    coverage: &crate::benchmark::Coverage,
) -> Vec<Finding> {
    use crate::benchmark::{brand_engagement, latest, PlayerType};
    let latest = latest(b);
    let kind_of = |player_id: i64| {
        b.players
            .iter()
            .find(|p| p.id == player_id)
            .map(|p| p.player_type)
    };
    let mut out = Vec::new();
    for n in &audit.networks {
        let Some(p) = audit
            .presences
            .iter()
            .find(|p| p.network == n.key && p.active)
        else {
            continue;
        };
        let NetName { en: name, fr } = NetName::of(&audit.networks, &n.key);
        let on = &fr.on;
        let on_network: Vec<_> = latest.iter().filter(|o| o.data.network == n.key).collect();
        let competitors: Vec<_> = on_network
            .iter()
            .filter(|o| kind_of(o.data.player_id).is_some_and(PlayerType::is_competitor))
            .collect();
        let posts = median(
            competitors
                .iter()
                .filter_map(|o| o.data.posts_per_week)
                .collect(),
        );
        if let (Some(mine), Some(med)) = (p.posts_per_week, posts) {
            if mine < med {
                let (mine, mine_fr) =
                    figure_count(mine, ("post", "publication"), ("posts", "publications"));
                let (med, med_fr) = figures(med);
                out.push(Finding {
                    kind: FindingKind::PostsLessThanCompetitors,
                    severity: Severity::Warning,
                    network: Some(n.key.clone()),
                    title: text(
                        format!("On {name}, you post less than your competitors"),
                        format!("{}, vous publiez moins que vos concurrents", cap(on)),
                    ),
                    explanation: text(
                        format!("{mine} a week, against {med} for the median competitor."),
                        format!("{mine_fr} par semaine, contre {med_fr} pour le concurrent médian."),
                    ),
                    suggestion: text(
                        format!("Set a target frequency for {name} in step 3, or choose to be rarer but better."),
                        format!("Fixez une fréquence cible {on} à l’étape 3, ou choisissez de publier moins souvent, mais mieux."),
                    ),
                    link: bench_link("comparison", Some(&n.key)),
                });
            }
        }
        let engagement = median(
            competitors
                .iter()
                .filter_map(|o| o.data.engagement_per_post)
                .collect(),
        );
        if let (Some(mine), Some(med)) = (brand_engagement(p), engagement) {
            if mine < med {
                let (mine, mine_fr) = figure_count(
                    mine,
                    ("interaction", "interaction"),
                    ("interactions", "interactions"),
                );
                let (med, med_fr) = figures(med);
                out.push(Finding {
                    kind: FindingKind::EngagesLessThanCompetitors,
                    severity: Severity::Warning,
                    network: Some(n.key.clone()),
                    title: text(
                        format!("On {name}, your posts engage less than your competitors'"),
                        format!("{}, vos publications suscitent moins d’engagement que celles de vos concurrents", cap(on)),
                    ),
                    explanation: text(
                        format!("{mine} per post, against {med} for the median competitor."),
                        format!("{mine_fr} par publication, contre {med_fr} pour le concurrent médian."),
                    ),
                    suggestion: text(
                        "Look at what works for them in the observations, and test it in step 5.".to_owned(),
                        "Regardez ce qui fonctionne pour eux dans les observations, et testez-le à l’étape 5.".to_owned(),
                    ),
                    link: bench_link("comparison", Some(&n.key)),
                });
            }
        }
        let mut gap: Vec<ContentFormat> = on_network
            .iter()
            .filter(|o| kind_of(o.data.player_id).is_some_and(|t| !t.is_competitor()))
            .flat_map(|o| o.data.formats.iter().copied())
            .filter(|f| !p.formats.iter().any(|r| r.format == *f))
            .collect();
        gap.sort();
        gap.dedup();
        if !gap.is_empty() {
            let en: Vec<String> = gap.iter().map(|f| format_name(*f).0.to_owned()).collect();
            let formats: Vec<String> = gap.iter().map(|f| format_name(*f).1.to_owned()).collect();
            let (en, formats) = (join(&en, "and"), join(&formats, "et"));
            out.push(Finding {
                kind: FindingKind::FormatGap,
                severity: Severity::Info,
                network: Some(n.key.clone()),
                title: text(
                    format!("Leaders use {en} on {name}; you do not"),
                    format!("Les leaders utilisent {formats} {on} ; pas vous"),
                ),
                explanation: text(
                    format!("Seen in the latest observations of the leaders and inspiring brands on {name}."),
                    format!("Vu dans les dernières observations des leaders et des marques inspirantes {on}."),
                ),
                suggestion: text(
                    format!("Try {en} on {name} and rate the result in the audit."),
                    format!("Essayez {formats} {on} et notez le résultat dans l’audit."),
                ),
                link: bench_link("comparison", Some(&n.key)),
            });
        }
    }
    if !latest.is_empty() {
        for t in &coverage.white_space {
            out.push(Finding {
                kind: FindingKind::WhiteSpaceTheme,
                severity: Severity::Info,
                network: None,
                title: text(
                    format!("No one covers \"{t}\""),
                    format!("Personne ne traite « {t} »"),
                ),
                explanation: text(
                    format!("None of the players observed talks about \"{t}\"."),
                    format!("Aucun des acteurs observés ne parle de « {t} »."),
                ),
                suggestion: text(
                    format!("Make \"{t}\" a topic of your own to stand apart."),
                    format!("Faites de « {t} » un thème à vous pour vous démarquer."),
                ),
                link: bench_link("coverage", None),
            });
        }
        for t in &coverage.crowded {
            out.push(Finding {
                kind: FindingKind::CrowdedTheme,
                severity: Severity::Info,
                network: None,
                title: text(
                    format!("Everyone covers \"{t}\""),
                    format!("Tout le monde traite « {t} »"),
                ),
                explanation: text(
                    format!("Every player observed talks about \"{t}\"."),
                    format!("Tous les acteurs observés parlent de « {t} »."),
                ),
                suggestion: text(
                    format!("If you cover \"{t}\" too, find an angle of your own."),
                    format!(
                        "Si vous traitez aussi « {t} », trouvez un angle qui vous soit propre."
                    ),
                ),
                link: bench_link("coverage", None),
            });
        }
    }
    out.sort_by_key(|f| f.severity);
    out
}
