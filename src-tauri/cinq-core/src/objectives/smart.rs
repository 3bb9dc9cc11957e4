//! The checks of step 3: SMART per objective (specific, measurable, ambitious but achievable, relevant, time-bound),
//! the vanity guard, and the step's findings (objectives, missions, mix, measurement plan).
//!
//! The rules, in one place:
//! - **Specific**: the KPI has a metric (a custom metric needs a name).
//! - **Measurable**: specific, and the measurement plan names a data source. Failing it is a blocking finding.
//! - **Ambitious but achievable**: with a baseline, a target and a deadline after today, the growth the target asks
//!   for is spread over the months left: more than doubling each month ([`MAX_MONTHLY_FACTOR`]) is too ambitious
//!   (10× in four weeks is 12× a month); a target on the wrong side of the baseline, or equal to it, is flagged; less
//!   than 5 % better is timid. A baseline of 0 cannot be judged this way, and says so. The pace is said per week when
//!   the deadline is less than about two months away ([`WEEKLY_PACE_BELOW_DAYS`]), per month otherwise.
//! - **Relevant**: the objective serves a marketing objective that serves a business goal.
//! - **Time-bound**: a deadline strictly after today.
//! - **Vanity guard**: a vanity KPI (followers, likes, shares) is flagged unless the objective is relevant *and* says
//!   how it leads to the business outcome (`contribution`). Before a metric is chosen (or with a custom one), the
//!   title (and the custom KPI's name) is read for one, in English and French ([`KpiMetric::named_in`]): "More
//!   followers" is a vanity objective from its first word.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::findings::metric_list;
use crate::audit::Audit;
use crate::findings::{join, text, Finding, FindingKind, FindingLink, Severity, Text};
use crate::model::StepId;
use crate::network::NetName;
use crate::objectives::{
    kept_networks, undecided_networks, Direction, KpiMetric, Objective, ObjectiveType, Objectives,
    Pillar,
};
use crate::words::figures;
use crate::words::{cap, fr};

/// The most a KPI may be multiplied by per month before the target is too ambitious.
pub const MAX_MONTHLY_FACTOR: f64 = 2.0;
/// A target less than this much better than the baseline is timid.
pub const TIMID_FACTOR: f64 = 1.05;
const DAYS_PER_MONTH: f64 = 30.4375;
/// A deadline less than this many days away has its pace said per week ("×2 every week"), not per month.
pub const WEEKLY_PACE_BELOW_DAYS: i64 = 61;
/// A mission's pillar weighing less than this in the network's mix does not fit it.
pub const MIN_PILLAR_WEIGHT: u32 = 20;

/// How the target compares with the baseline and the time left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Ambition {
    Ok,
    TooHigh,
    /// Below the baseline (above it for a KPI that should go down).
    WrongWay,
    Unchanged,
    Timid,
    /// A baseline of 0 (or a target of 0 for a KPI that should go down): no ratio to judge.
    FromZero,
    /// No baseline, no target, or no deadline after today.
    Unknown,
}

/// Per week or per month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PacePeriod {
    Week,
    Month,
}

/// The change the target asks for, per week or per month as the time left suggests ([`WEEKLY_PACE_BELOW_DAYS`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct Pace {
    pub per: PacePeriod,
    /// The factor by which the KPI must change each period (1.5 = +50 %).
    pub factor: f64,
}

/// The pace of a `monthly` factor with `days` left: the same growth said per week when the deadline is near.
pub fn pace(monthly: f64, days: i64) -> Pace {
    if days < WEEKLY_PACE_BELOW_DAYS {
        Pace {
            per: PacePeriod::Week,
            factor: monthly.powf(7.0 / DAYS_PER_MONTH),
        }
    } else {
        Pace {
            per: PacePeriod::Month,
            factor: monthly,
        }
    }
}

/// The SMART checks of one objective, and the vanity guard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SmartCheck {
    pub specific: bool,
    pub measurable: bool,
    pub ambition: Ambition,
    /// Ambitious but achievable: the ambition is ok, timid, or cannot be judged from a baseline of 0.
    pub achievable: bool,
    /// The KPI's change per month the target asks for, as a factor (1.5 = +50 % a month), when it can be computed.
    pub monthly_factor: Option<f64>,
    /// The same change said per week when the deadline is near, per month otherwise: what the texts show.
    pub pace: Option<Pace>,
    pub relevant: bool,
    pub time_bound: bool,
    pub vanity: bool,
}

impl SmartCheck {
    pub fn achievable(&self) -> bool {
        self.achievable
    }
    /// All five letters pass and the KPI is not a vanity one.
    pub fn passes(&self) -> bool {
        self.specific
            && self.measurable
            && self.achievable()
            && self.relevant
            && self.time_bound
            && !self.vanity
    }
}

fn date(s: Option<&str>) -> Option<NaiveDate> {
    s.and_then(crate::dates::parse_day)
}

/// The ambition of a target: see the module's rules.
pub fn ambition(
    baseline: Option<f64>,
    target: Option<f64>,
    direction: Direction,
    today: NaiveDate,
    deadline: Option<NaiveDate>,
) -> (Ambition, Option<f64>) {
    let (Some(b), Some(t)) = (baseline, target) else {
        return (Ambition::Unknown, None);
    };
    if b == t {
        return (Ambition::Unchanged, None);
    }
    let (from, to) = match direction {
        Direction::Increase => (b, t),
        Direction::Decrease => (t, b),
    };
    if to < from {
        return (Ambition::WrongWay, None);
    }
    if from == 0.0 {
        return (Ambition::FromZero, None);
    }
    let factor = to / from;
    let days = deadline.map(|d| (d - today).num_days()).unwrap_or(0);
    if days <= 0 {
        // Without time left, only timidity can be judged.
        return (
            if factor < TIMID_FACTOR {
                Ambition::Timid
            } else {
                Ambition::Unknown
            },
            None,
        );
    }
    let monthly = factor.powf(DAYS_PER_MONTH / days as f64);
    let verdict = if monthly > MAX_MONTHLY_FACTOR {
        Ambition::TooHigh
    } else if factor < TIMID_FACTOR {
        Ambition::Timid
    } else {
        Ambition::Ok
    };
    (verdict, Some(monthly))
}

/// The business goal an objective leads to, through its marketing objective.
fn business_goal<'a>(
    o: &Objective,
    data: &'a Objectives,
) -> Option<&'a crate::objectives::BusinessGoal> {
    let m = data
        .marketing
        .iter()
        .find(|m| Some(m.id) == o.data.marketing_objective_id)?;
    data.goals
        .iter()
        .find(|g| Some(g.id) == m.data.business_goal_id)
}

pub fn check(o: &Objective, data: &Objectives, today: NaiveDate) -> SmartCheck {
    let d = &o.data;
    let specific = match d.kpi_metric {
        None => false,
        Some(KpiMetric::Custom) => !d.kpi_name.trim().is_empty(),
        Some(_) => true,
    };
    let measurable = specific && !o.measurement.source.trim().is_empty();
    let deadline = date(d.deadline.as_deref());
    let (ambition, monthly_factor) = ambition(d.baseline, d.target, d.direction, today, deadline);
    let relevant = business_goal(o, data).is_some();
    let time_bound = deadline.is_some_and(|dl| dl > today);
    let pace = monthly_factor
        .zip(deadline)
        .map(|(m, dl)| pace(m, (dl - today).num_days()));
    // A vanity KPI passes only when the objective is linked to the business and says how.
    let explained = relevant && !d.contribution.trim().is_empty();
    let vanity = vanity_metric(o).is_some() && !explained;
    SmartCheck {
        specific,
        measurable,
        ambition,
        achievable: matches!(
            ambition,
            Ambition::Ok | Ambition::Timid | Ambition::FromZero
        ),
        monthly_factor,
        pace,
        relevant,
        time_bound,
        vanity,
    }
}

/// The vanity metric an objective follows: its KPI's metric, or, before one is chosen (or for a custom one), the one
/// its title or its KPI's name says ("More followers").
pub fn vanity_metric(o: &Objective) -> Option<KpiMetric> {
    let d = &o.data;
    match d.kpi_metric {
        Some(KpiMetric::Custom) => {
            KpiMetric::named_in(&d.kpi_name).or_else(|| KpiMetric::named_in(&d.title))
        }
        Some(m) => m.is_vanity().then_some(m),
        None => KpiMetric::named_in(&d.title),
    }
}

/// A better KPI than a vanity one, for an objective of this type: one tied to a business result.
pub fn better_kpi(t: ObjectiveType) -> KpiMetric {
    match t {
        ObjectiveType::Awareness | ObjectiveType::Engagement | ObjectiveType::Traffic => {
            KpiMetric::QualifiedVisits
        }
        ObjectiveType::Leads => KpiMetric::Leads,
        ObjectiveType::Conversions => KpiMetric::Sales,
        ObjectiveType::Reputation => KpiMetric::Rating,
        ObjectiveType::CustomerCare => KpiMetric::ResponseTime,
    }
}

/// The data sources the audit lists for this KPI on the objective's networks (available ones only, no repeats).
pub fn source_suggestions(o: &Objective, audit: &Audit) -> Vec<String> {
    let Some(metric) = o.data.kpi_metric.and_then(KpiMetric::audit_metric) else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for m in &audit.metrics {
        let source = m.source.trim();
        if m.metric == metric
            && m.available
            && !source.is_empty()
            && (o.data.networks.is_empty() || o.data.networks.contains(&m.network))
            && !out.iter().any(|s| s.eq_ignore_ascii_case(source))
        {
            out.push(source.to_owned());
        }
    }
    out
}

fn link(section: &str, network: Option<&str>, item: Option<i64>) -> FindingLink {
    FindingLink {
        step: StepId::Objectives,
        section: section.to_owned(),
        network: network.map(str::to_owned),
        item,
        pillar: None,
    }
}

struct Out(Vec<Finding>);

impl Out {
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        kind: FindingKind,
        severity: Severity,
        network: Option<&str>,
        title: Text,
        explanation: Text,
        suggestion: Text,
        link: FindingLink,
    ) {
        self.0.push(Finding::new(
            kind,
            severity,
            network,
            title,
            explanation,
            suggestion,
            link,
        ));
    }
}

fn quoted(title: &str) -> (String, String) {
    (format!("“{title}”"), format!("« {title} »"))
}

fn kpi_names(m: KpiMetric) -> (&'static str, &'static str) {
    m.name()
}

fn pillar_names(p: Pillar) -> (&'static str, &'static str) {
    p.name()
}

/// The findings of step 3 as of `today`: most severe first, then objectives, missions and the mix in order.
pub fn objectives_findings(data: &Objectives, audit: &Audit, today: NaiveDate) -> Vec<Finding> {
    let mut out = Out(Vec::new());
    let name = |key: &str| NetName::of(&audit.networks, key);
    let kept = kept_networks(audit);

    if data.objectives.is_empty() {
        out.push(
            FindingKind::NoObjective,
            Severity::Blocking,
            None,
            text("No social objective yet".into(), "Aucun objectif social pour l’instant".into()),
            text(
                "Without objectives, nothing says what the posts are for or whether they work.".into(),
                "Sans objectifs, rien ne dit à quoi servent les publications ni si elles fonctionnent.".into(),
            ),
            text(
                "Start from a template: pick the type closest to what the business needs.".into(),
                "Partez d’un modèle : choisissez le type le plus proche de ce dont l’entreprise a besoin.".into(),
            ),
            link("objectives", None, None),
        );
    }

    for o in &data.objectives {
        let c = check(o, data, today);
        let d = &o.data;
        let (qen, qfr) = quoted(&d.title);
        let item = Some(o.id);
        if !c.specific {
            out.push(
                FindingKind::NotSpecific,
                Severity::Warning,
                None,
                text(format!("{qen} has no metric"), format!("{qfr} n’a pas d’indicateur")),
                text(
                    "An objective without a metric is a wish: nobody can say whether it is met.".into(),
                    "Un objectif sans indicateur est un vœu : personne ne peut dire s’il est atteint.".into(),
                ),
                text(
                    "Choose the KPI that tells whether it is met, with its unit.".into(),
                    "Choisissez le KPI qui dira s’il est atteint, avec son unité.".into(),
                ),
                link("objectives", None, item),
            );
        }
        if !c.measurable {
            let (why_en, why_fr) = if c.specific {
                (
                    "Its KPI has no data source in the measurement plan.",
                    "Son KPI n’a pas de source de données dans le plan de mesure.",
                )
            } else {
                (
                    "It has no metric, so nothing can be measured.",
                    "Il n’a pas d’indicateur : rien ne peut être mesuré.",
                )
            };
            out.push(
                FindingKind::NotMeasurable,
                Severity::Blocking,
                None,
                text(
                    format!("You cannot measure objective {qen}"),
                    format!("Vous ne pouvez pas mesurer l’objectif {qfr}"),
                ),
                text(why_en.into(), why_fr.into()),
                text(
                    "Say where the figure will come from (a network's export, web analytics, a CRM), how often it is reviewed and by whom.".into(),
                    "Indiquez d’où viendra le chiffre (export d’un réseau, statistiques du site, CRM), à quel rythme il est suivi et par qui.".into(),
                ),
                link(if c.specific { "measurement" } else { "objectives" }, None, item),
            );
        }
        let unit = if d.kpi_unit.is_empty() {
            String::new()
        } else {
            format!(" {}", d.kpi_unit)
        };
        let fig = |v: Option<f64>| figures(v.unwrap_or(0.0));
        let (b_en, b_fr) = fig(d.baseline);
        let (t_en, t_fr) = fig(d.target);
        match c.ambition {
            Ambition::Unknown if d.baseline.is_none() || d.target.is_none() => out.push(
                FindingKind::NoFigures,
                Severity::Warning,
                None,
                text(
                    format!("{qen} has no baseline or no target"),
                    format!("{qfr} n’a pas de point de départ ou pas de cible"),
                ),
                text(
                    "Without today's value and the value wanted, progress cannot be followed.".into(),
                    "Sans la valeur d’aujourd’hui et la valeur visée, on ne peut pas suivre les progrès.".into(),
                ),
                text(
                    "Enter the KPI's value today (the audit's figures help) and the value you aim for.".into(),
                    "Indiquez la valeur actuelle du KPI (les chiffres de l’audit aident) et la valeur visée.".into(),
                ),
                link("objectives", None, item),
            ),
            Ambition::TooHigh => {
                let pace = c.pace.unwrap_or(Pace {
                    per: PacePeriod::Month,
                    factor: c.monthly_factor.unwrap_or(0.0),
                });
                let (m_en, m_fr) = figures(pace.factor);
                let (every_en, every_fr) = match pace.per {
                    PacePeriod::Week => ("every week", "chaque semaine"),
                    PacePeriod::Month => ("every month", "chaque mois"),
                };
                out.push(
                    FindingKind::TooAmbitious,
                    Severity::Warning,
                    None,
                    text(
                        format!("The target of {qen} looks out of reach"),
                        format!("La cible de l’objectif {qfr} semble hors d’atteinte"),
                    ),
                    text(
                        format!("Going from {b_en} to {t_en}{unit} by the deadline means multiplying the KPI by {m_en} {every_en}."),
                        format!("Passer de {b_fr} à {t_fr}{unit} d’ici l’échéance, c’est multiplier le KPI par {m_fr} {every_fr}."),
                    ),
                    text(
                        "Lower the target or push the deadline back: a target the team believes in keeps it going.".into(),
                        "Baissez la cible ou repoussez l’échéance : une cible à laquelle l’équipe croit la fait avancer.".into(),
                    ),
                    link("objectives", None, item),
                );
            }
            Ambition::WrongWay => out.push(
                FindingKind::TargetWrongWay,
                Severity::Warning,
                None,
                match d.direction {
                    Direction::Increase => text(
                        format!("The target of {qen} is below its baseline"),
                        format!("La cible de l’objectif {qfr} est sous son point de départ"),
                    ),
                    Direction::Decrease => text(
                        format!("The target of {qen} is above its baseline"),
                        format!("La cible de l’objectif {qfr} est au-dessus de son point de départ"),
                    ),
                },
                text(
                    format!("The KPI is at {b_en}{unit} today and the target is {t_en}{unit}."),
                    format!("Le KPI est à {b_fr}{unit} aujourd’hui, et la cible à {t_fr}{unit}."),
                ),
                text(
                    "Check the two figures, or whether the KPI should go up or down.".into(),
                    "Vérifiez les deux chiffres, ou si le KPI doit monter ou baisser.".into(),
                ),
                link("objectives", None, item),
            ),
            Ambition::Unchanged => out.push(
                FindingKind::TargetUnchanged,
                Severity::Warning,
                None,
                text(
                    format!("The target of {qen} equals its baseline"),
                    format!("La cible de l’objectif {qfr} est égale à son point de départ"),
                ),
                text(
                    format!("Both are {b_en}{unit}: the objective asks for no progress."),
                    format!("Les deux valent {b_fr}{unit} : l’objectif ne demande aucun progrès."),
                ),
                text(
                    "Set the value you want to reach by the deadline.".into(),
                    "Indiquez la valeur à atteindre d’ici l’échéance.".into(),
                ),
                link("objectives", None, item),
            ),
            Ambition::Timid => out.push(
                FindingKind::TargetTimid,
                Severity::Info,
                None,
                text(
                    format!("The target of {qen} is barely above today's value"),
                    format!("La cible de l’objectif {qfr} dépasse à peine la valeur actuelle"),
                ),
                text(
                    format!("From {b_en} to {t_en}{unit} is less than 5 % of progress."),
                    format!("De {b_fr} à {t_fr}{unit}, c’est moins de 5 % de progrès."),
                ),
                text(
                    "An objective should stretch the team a little: aim somewhat higher.".into(),
                    "Un objectif doit pousser un peu l’équipe : visez un peu plus haut.".into(),
                ),
                link("objectives", None, item),
            ),
            Ambition::FromZero => out.push(
                FindingKind::StartsFromZero,
                Severity::Info,
                None,
                text(
                    format!("{qen} starts from zero"),
                    format!("{qfr} part de zéro"),
                ),
                text(
                    "With a baseline of 0 the target cannot be compared with today's value.".into(),
                    "Avec un point de départ à 0, la cible ne peut pas être comparée à la valeur actuelle.".into(),
                ),
                text(
                    "Compare the target with what competitors get (the benchmark) to check it is realistic.".into(),
                    "Comparez la cible avec les résultats des concurrents (le benchmark) pour vérifier qu’elle est réaliste.".into(),
                ),
                link("objectives", None, item),
            ),
            Ambition::Ok | Ambition::Unknown => {}
        }
        if !c.relevant {
            out.push(
                FindingKind::NotLinkedToBusiness,
                Severity::Warning,
                None,
                text(
                    format!("{qen} serves no business goal"),
                    format!("{qfr} ne sert aucun objectif business"),
                ),
                text(
                    "Social objectives lead to marketing objectives, which lead to business goals; this one is not linked.".into(),
                    "Les objectifs sociaux mènent à des objectifs marketing, qui mènent à des objectifs business ; celui-ci n’est pas relié.".into(),
                ),
                text(
                    "Link it to the marketing objective it serves (and that one to its business goal).".into(),
                    "Reliez-le à l’objectif marketing qu’il sert (et celui-ci à son objectif business).".into(),
                ),
                link("objectives", None, item),
            );
        }
        if !c.time_bound {
            let (en, fr) = match &d.deadline {
                None => (
                    "has no deadline".to_owned(),
                    "n’a pas d’échéance".to_owned(),
                ),
                Some(_) => (
                    "has a deadline that is not after today".to_owned(),
                    "a une échéance qui n’est plus à venir".to_owned(),
                ),
            };
            out.push(
                FindingKind::NotTimeBound,
                Severity::Warning,
                None,
                text(format!("{qen} {en}"), format!("{qfr} {fr}")),
                text(
                    "A date makes the objective real: it says when to check it and sets the pace.".into(),
                    "Une date rend l’objectif concret : elle dit quand le vérifier et donne le rythme.".into(),
                ),
                text(
                    "Set a deadline in the coming months.".into(),
                    "Fixez une échéance dans les mois à venir.".into(),
                ),
                link("objectives", None, item),
            );
        }
        if c.vanity {
            let metric = vanity_metric(o).unwrap_or(KpiMetric::Followers);
            let (m_en, m_fr) = kpi_names(metric);
            let better = better_kpi(d.objective_type);
            let (be, bf) = kpi_names(better);
            out.push(
                FindingKind::VanityMetric,
                Severity::Warning,
                None,
                text(
                    format!("{qen} follows a vanity metric"),
                    format!("{qfr} suit un indicateur de vanité"),
                ),
                text(
                    format!("The number of {m_en} does not say whether social media brings business: nothing links this KPI to leads, qualified visits or sales."),
                    format!("L’indicateur « {m_fr} » ne dit pas si les réseaux rapportent : rien ne le relie aux leads, aux visites qualifiées ou aux ventes."),
                ),
                text(
                    format!("Follow {be} instead, or link the objective to a business goal and explain how its {m_en} lead to it."),
                    format!("Suivez plutôt l’indicateur « {bf} », ou reliez l’objectif à un objectif business et expliquez comment cet indicateur y mène."),
                ),
                link("objectives", None, item),
            );
        }
        if let Some(metric) = d.kpi_metric.and_then(KpiMetric::audit_metric) {
            let missing: Vec<NetName> = d
                .networks
                .iter()
                .filter(|n| {
                    audit
                        .metrics
                        .iter()
                        .any(|m| &m.network == *n && m.metric == metric && !m.available)
                })
                .map(|n| name(n))
                .collect();
            if !missing.is_empty() {
                let (me, mf) = metric_list(&[metric]);
                let on_en: Vec<String> = missing.iter().map(|n| n.en.clone()).collect();
                let on_fr: Vec<String> = missing.iter().map(|n| n.fr.on.clone()).collect();
                out.push(
                    FindingKind::MetricUnavailable,
                    Severity::Warning,
                    None,
                    text(
                        format!("The audit says {me} cannot be measured on {}", join(&on_en, "and")),
                        format!("D’après l’audit, on ne peut pas mesurer {mf} {}", join(&on_fr, "et")),
                    ),
                    text(
                        format!("{qen} relies on it."),
                        format!("{qfr} en dépend."),
                    ),
                    text(
                        "Set up the measurement first (UTM links, a form, the network's statistics), or choose a KPI you can measure.".into(),
                        "Mettez d’abord la mesure en place (liens UTM, formulaire, statistiques du réseau), ou choisissez un KPI mesurable.".into(),
                    ),
                    link("measurement", None, item),
                );
            }
        }
        let off: Vec<NetName> = d
            .networks
            .iter()
            .filter(|n| !kept.contains(n))
            .map(|n| name(n))
            .collect();
        if !off.is_empty() {
            let off_en: Vec<String> = off.iter().map(|n| n.en.clone()).collect();
            let off_fr: Vec<String> = off.iter().map(|n| n.fr.the.clone()).collect();
            out.push(
                FindingKind::ObjectiveOffKeptNetworks,
                Severity::Info,
                None,
                text(
                    format!("{qen} counts on networks the audit did not keep"),
                    format!("{qfr} compte sur des réseaux que l’audit n’a pas retenus"),
                ),
                text(
                    format!(
                        "{}: not among the networks kept in the audit.",
                        join(&off_en, "and")
                    ),
                    format!(
                        "{} : {} parmi les réseaux retenus dans l’audit.",
                        cap(&join(&off_fr, "et")),
                        fr(off.len(), "ne figure pas", "ne figurent pas")
                    ),
                ),
                text(
                    "Keep the network in the audit, or take it off the objective.".into(),
                    "Retenez le réseau dans l’audit, ou retirez-le de l’objectif.".into(),
                ),
                link("objectives", None, item),
            );
        }
    }

    for k in &kept {
        let NetName { en: n, fr: f } = name(k);
        match data.missions.iter().find(|m| &m.network == k) {
            Some(m) if !m.statement.trim().is_empty() => {
                if m.objectives.is_empty() {
                    out.push(
                        FindingKind::MissionWithoutObjective,
                        Severity::Warning,
                        Some(k),
                        text(
                            format!("The mission of {n} serves no objective"),
                            format!("La mission {} ne sert aucun objectif", f.of),
                        ),
                        text(
                            "A network's mission should serve at least one social objective, or the effort spent there is not counted.".into(),
                            "La mission d’un réseau doit servir au moins un objectif social, sinon l’effort qu’on y met n’est pas compté.".into(),
                        ),
                        text(
                            format!("Choose the objectives {n} serves."),
                            format!("Choisissez les objectifs que sert {}.", f.the),
                        ),
                        link("missions", Some(k), None),
                    );
                }
                let weights = data.mix.for_network(k);
                let weak: Vec<String> = m
                    .pillars
                    .iter()
                    .filter(|p| weights.of(**p) < MIN_PILLAR_WEIGHT)
                    .map(|p| pillar_names(*p).0.to_owned())
                    .collect();
                if !weak.is_empty() {
                    let weak_fr: Vec<String> = m
                        .pillars
                        .iter()
                        .filter(|p| weights.of(**p) < MIN_PILLAR_WEIGHT)
                        .map(|p| pillar_names(*p).1.to_owned())
                        .collect();
                    out.push(
                        FindingKind::MissionMixMismatch,
                        Severity::Info,
                        Some(k),
                        text(
                            format!("The mix of {n} gives little room to its main pillars"),
                            format!("Le mix {} laisse peu de place à ses piliers principaux", f.of),
                        ),
                        if weak.len() == 1 {
                            text(
                                format!("Its mission favours {}, which weighs less than {MIN_PILLAR_WEIGHT} % in its mix.", weak[0]),
                                format!("Sa mission privilégie le pilier {}, qui pèse moins de {MIN_PILLAR_WEIGHT} % dans son mix.", weak_fr[0]),
                            )
                        } else {
                            text(
                                format!("Its mission favours {}, which each weigh less than {MIN_PILLAR_WEIGHT} % in its mix.", join(&weak, "and")),
                                format!("Sa mission privilégie les piliers {}, qui pèsent chacun moins de {MIN_PILLAR_WEIGHT} % dans son mix.", join(&weak_fr, "et")),
                            )
                        },
                        text(
                            format!("Give {n} its own mix, or change its main pillars."),
                            format!("Donnez {} son propre mix, ou changez ses piliers principaux.", f.to),
                        ),
                        link("mix", Some(k), None),
                    );
                }
            }
            _ => out.push(
                FindingKind::NetworkWithoutMission,
                Severity::Warning,
                Some(k),
                text(format!("{n} has no mission"), format!("{} n’a pas de mission", cap(&f.the))),
                text(
                    "The audit kept this network; without a mission, nobody knows what to post there or why.".into(),
                    "L’audit a retenu ce réseau ; sans mission, personne ne sait quoi y publier ni pourquoi.".into(),
                ),
                text(
                    format!("Write what {n} is for, in one sentence; start from the suggestion."),
                    format!("Écrivez à quoi sert {}, en une phrase ; partez de la suggestion.", f.the),
                ),
                link("missions", Some(k), None),
            ),
        }
    }
    for k in undecided_networks(audit) {
        let NetName { en: n, fr: f } = name(&k);
        out.push(
            FindingKind::UndecidedNetwork,
            Severity::Info,
            Some(&k),
            text(
                format!("Keep or drop {n}? The audit has not decided"),
                format!("Garder ou abandonner {} ? L’audit n’a pas tranché", f.the),
            ),
            text(
                format!("The brand is active on {n}, but the audit has no decision for it, so it gets no mission yet."),
                format!("La marque est active {}, mais l’audit n’a rien décidé à son sujet : ce réseau n’a donc pas encore de mission.", f.on),
            ),
            text(
                "Decide in the audit: keep, improve or drop.".into(),
                "Décidez dans l’audit : garder, améliorer ou abandonner.".into(),
            ),
            FindingLink {
                step: StepId::Audit,
                section: "presence".to_owned(),
                network: Some(k.clone()),
                item: None,
                pillar: None,
            },
        );
    }
    for p in Pillar::ALL {
        if data.mix.strategy.of(p) > 0 && !data.topics.iter().any(|t| t.data.pillar == p) {
            let (en, fr) = pillar_names(p);
            out.push(
                FindingKind::PillarWithoutTopics,
                Severity::Info,
                None,
                text(
                    format!("No topic under {en}"),
                    format!("Aucun thème sous le pilier {fr}"),
                ),
                text(
                    format!("The mix gives {en} {} % of the posts, but no topic says what they will be about.", data.mix.strategy.of(p)),
                    format!("Le mix donne {} % des publications au pilier {fr}, mais aucun thème ne dit de quoi elles parleront.", data.mix.strategy.of(p)),
                ),
                text(
                    "Add two or three topics: the calendar uses them to check the variety of the posts.".into(),
                    "Ajoutez deux ou trois thèmes : le calendrier s’en sert pour vérifier la variété des publications.".into(),
                ),
                FindingLink {
                    pillar: Some(p),
                    ..link("mix", None, None)
                },
            );
        }
    }
    let mut out = out.0;
    out.sort_by_key(|f| f.severity);
    out
}
