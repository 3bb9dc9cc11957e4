//! Step 1, the audit: the networks (a built-in catalogue plus the strategy's own), the audiences (personas) and how
//! much each uses each network, the brand's presence network by network, and the measurements available.
//!
//! Owns: the tables of step 1 (`audit_options`, `custom_network`, `selected_network`, `persona`, `persona_usage`,
//! `presence`, `metric_check`) and the step's findings ([`findings`]). Must not: depend on a later step; the
//! network catalogue itself is `network`'s.

pub mod findings;

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check;
use crate::error::{CoreError, FieldError, Result, MAX_NAME_CHARS};
use crate::network::{is_custom_key, networks_of, ContentFormat, Network, NetworkKind};
use crate::store::{enum_from, enum_str, next_position, Store};
use crate::strategy::touch;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CustomNetworkInput {
    pub name: String,
    pub kind: NetworkKind,
    pub max_length: Option<u32>,
    pub formats: Vec<ContentFormat>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AudienceType {
    B2b,
    B2c,
}

/// How much an audience uses a network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum UsageLevel {
    None,
    Low,
    Medium,
    High,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonaUsage {
    pub network: String,
    pub level: UsageLevel,
}

/// A target audience (persona).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Persona {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub description: String,
    pub audience_type: AudienceType,
    pub age_min: Option<u32>,
    pub age_max: Option<u32>,
    /// One entry per network the user rated; a network not listed counts as `none`.
    pub usage: Vec<PersonaUsage>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonaInput {
    pub name: String,
    pub description: String,
    pub audience_type: AudienceType,
    pub age_min: Option<u32>,
    pub age_max: Option<u32>,
    pub usage: Vec<PersonaUsage>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Keep,
    Improve,
    Drop,
}

/// The lowest rating of a format (poorly) and the highest (very well); an error out of them carries both.
pub const MIN_RATING: u8 = 1;
pub const MAX_RATING: u8 = 5;

/// The shortest length limit a network of the user's own may have (none is also allowed); an error carries it.
pub const MIN_CUSTOM_MAX_LENGTH: u32 = 1;

/// How well a content format performs on a network, from 1 (poorly) to 5 (very well).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FormatRating {
    pub format: ContentFormat,
    pub rating: u8,
}

/// The brand's account on one network and its current figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Presence {
    pub network: String,
    /// Handle or URL.
    pub handle: String,
    pub owner: String,
    pub active: bool,
    #[ts(type = "number | null")]
    pub followers: Option<i64>,
    pub posts_per_week: Option<f64>,
    pub likes_per_post: Option<f64>,
    pub comments_per_post: Option<f64>,
    pub shares_per_post: Option<f64>,
    /// In percent, from 0 to 100.
    pub engagement_rate: Option<f64>,
    pub who_interacts: String,
    pub best_times: String,
    /// `YYYY-MM-DD`.
    pub last_post_on: Option<String>,
    pub decision: Option<Decision>,
    pub formats: Vec<FormatRating>,
}

impl Presence {
    /// Nothing said about the network yet: no account (`active` is off until the brand says it has one there).
    pub fn empty(network: &str) -> Presence {
        Presence {
            network: network.to_owned(),
            handle: String::new(),
            owner: String::new(),
            active: false,
            followers: None,
            posts_per_week: None,
            likes_per_post: None,
            comments_per_post: None,
            shares_per_post: None,
            engagement_rate: None,
            who_interacts: String::new(),
            best_times: String::new(),
            last_post_on: None,
            decision: None,
            formats: Vec::new(),
        }
    }

    /// Whether the account is described: a figure, a handle, an owner, a description, a last post or a rated
    /// format. Saying the brand has an active account there (`active`) and the keep / improve / drop decision alone
    /// describe nothing.
    pub fn is_described(&self) -> bool {
        let texts = [
            &self.handle,
            &self.owner,
            &self.who_interacts,
            &self.best_times,
        ];
        let figures = [
            self.posts_per_week,
            self.likes_per_post,
            self.comments_per_post,
            self.shares_per_post,
            self.engagement_rate,
        ];
        self.followers.is_some()
            || figures.iter().any(Option::is_some)
            || texts.iter().any(|t| !t.trim().is_empty())
            || self.last_post_on.is_some()
            || !self.formats.is_empty()
    }
}

/// A measurement the audit asks about, for every network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    Reach,
    Engagement,
    Clicks,
    FollowerGrowth,
    Conversions,
}

impl Metric {
    pub const ALL: [Metric; 5] = [
        Metric::Reach,
        Metric::Engagement,
        Metric::Clicks,
        Metric::FollowerGrowth,
        Metric::Conversions,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Reach => "reach",
            Metric::Engagement => "engagement",
            Metric::Clicks => "clicks",
            Metric::FollowerGrowth => "follower_growth",
            Metric::Conversions => "conversions",
        }
    }
    pub fn parse(s: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// Whether a measurement is available on a network, and where it is read from; or that it does not apply there
/// (follower growth on a blog). A measurement not applicable is settled, as one available is; `not_applicable`
/// wins over `available` (the store writes `available` off then).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MetricCheck {
    pub network: String,
    pub metric: Metric,
    pub available: bool,
    pub source: String,
    /// Absent from strategy files before version 7: read as false.
    #[serde(default)]
    pub not_applicable: bool,
}

impl MetricCheck {
    /// Available, or not applicable: nothing left to set up.
    pub fn settled(&self) -> bool {
        self.available || self.not_applicable
    }
}

/// The measurements that make no sense on a network of the catalogue, marked "not applicable" until the user says
/// otherwise (a row of `metric_check` overrides it): a blog has readers, not followers.
pub fn not_applicable_by_default(network: &Network) -> &'static [Metric] {
    match (network.custom, network.key.as_str()) {
        (false, "blog") => &[Metric::FollowerGrowth],
        _ => &[],
    }
}

/// The whole audit of a strategy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Audit {
    /// The catalogue, then the strategy's own networks.
    pub networks: Vec<Network>,
    /// The keys of the networks under audit, in catalogue order.
    pub selected: Vec<String>,
    /// "We are not on social media yet": the presence questions are skipped.
    pub not_on_social_yet: bool,
    /// An active account with no post for longer than this is stale.
    pub stale_after_days: u32,
    pub personas: Vec<Persona>,
    pub presences: Vec<Presence>,
    pub metrics: Vec<MetricCheck>,
}

/// The audit with its findings and its progress, as the UI shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AuditView {
    pub audit: Audit,
    pub findings: Vec<crate::findings::Finding>,
    pub progress: AuditProgress,
}

/// The measurements still to settle (neither available nor marked not applicable) on one network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MetricGap {
    pub network: String,
    /// In the order of [`Metric::ALL`].
    pub metrics: Vec<Metric>,
}

/// Which of the audit's three data parts are filled in (the step's progress), what the summary counts, and the
/// measurement part's answer. The rules are in [`progress`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditProgress {
    pub audiences: bool,
    pub presence: bool,
    pub measurement: bool,
    /// The networks under audit whose account is described ([`Presence::is_described`]), in network order.
    pub described: Vec<String>,
    /// The measurements to settle, per network that needs them ([`measured_networks`]), in network order.
    pub gaps: Vec<MetricGap>,
    /// The answer to "Do I have every measurement I need?", naming what is missing and where.
    pub measurement_answer: crate::findings::Text,
}

/// The default number of days after which an active account with no post is stale.
pub const DEFAULT_STALE_AFTER_DAYS: u32 = 30;

// ---------------------------------------------------------------------------------------------------------------
// Progress: when is each part of the audit filled in.

/// The networks whose measurements the audit needs: those under audit where the brand has an active account that it
/// does not drop, in network order. None for a brand not on social media yet. (The same networks get a
/// `missing_measurement` finding when a measurement is not settled.)
pub fn measured_networks(audit: &Audit) -> Vec<&str> {
    selected_where(audit, |p| p.active && p.decision != Some(Decision::Drop))
        .map(String::as_str)
        .collect()
}

/// The networks under audit, in network order, whose presence meets `f`; none for a brand not on social media yet.
pub(crate) fn selected_where<'a>(
    audit: &'a Audit,
    f: impl Fn(&Presence) -> bool + 'a,
) -> impl Iterator<Item = &'a String> + 'a {
    let on_social = !audit.not_on_social_yet;
    audit
        .selected
        .iter()
        .filter(move |k| on_social && audit.presences.iter().any(|p| &p.network == *k && f(p)))
}

/// The measurements of `network` that are neither available nor marked not applicable.
pub fn unsettled_metrics(audit: &Audit, network: &str) -> Vec<Metric> {
    Metric::ALL
        .into_iter()
        .filter(|m| {
            !audit
                .metrics
                .iter()
                .any(|c| c.network == network && c.metric == *m && c.settled())
        })
        .collect()
}

/// The audit's progress. A part is filled in when:
/// - audiences: there is one audience at least;
/// - presence: networks are chosen, and the account is described on one of them ([`Presence::is_described`]), or
///   the brand is not on social media yet;
/// - measurement: networks are chosen, and every measurement is available or marked not applicable on each network
///   that needs them ([`measured_networks`]); when none does (no active account yet), one measurement available
///   somewhere says the part was answered.
pub fn progress(audit: &Audit) -> AuditProgress {
    use crate::findings::{join, text};
    let chosen = !audit.selected.is_empty();
    let described: Vec<String> = audit
        .selected
        .iter()
        .filter(|k| {
            audit
                .presences
                .iter()
                .any(|p| &p.network == *k && p.is_described())
        })
        .cloned()
        .collect();
    let measured = measured_networks(audit);
    let gaps: Vec<MetricGap> = measured
        .iter()
        .map(|k| MetricGap {
            network: (*k).to_owned(),
            metrics: unsettled_metrics(audit, k),
        })
        .filter(|g| !g.metrics.is_empty())
        .collect();
    let answered = audit
        .metrics
        .iter()
        .any(|c| c.available && audit.selected.contains(&c.network));
    let measurement = chosen && gaps.is_empty() && (!measured.is_empty() || answered);

    let name = |key: &str| -> String {
        audit
            .networks
            .iter()
            .find(|n| n.key == key)
            .map_or_else(|| key.to_owned(), |n| n.name.clone())
    };
    let measurement_answer = if !chosen {
        text(
            "Choose the networks to audit first.".to_owned(),
            "Choisissez d’abord les réseaux à auditer.".to_owned(),
        )
    } else if !gaps.is_empty() {
        let part = |g: &MetricGap, fr: bool| {
            let metrics: Vec<String> = g
                .metrics
                .iter()
                .map(|m| {
                    let (en, f) = metric_short_name(*m);
                    (if fr { f } else { en }).to_owned()
                })
                .collect();
            if fr {
                format!("{} sur {}", join(&metrics, "et"), name(&g.network))
            } else {
                format!("{} on {}", join(&metrics, "and"), name(&g.network))
            }
        };
        let en: Vec<String> = gaps.iter().map(|g| part(g, false)).collect();
        let fr: Vec<String> = gaps.iter().map(|g| part(g, true)).collect();
        text(
            format!(
                "Not yet. Missing: {}. Tick what you can measure, or mark what does not apply to a network.",
                en.join("; ")
            ),
            format!(
                "Pas encore. Il manque : {}. Cochez ce que vous savez mesurer, ou marquez ce qui est sans objet sur un réseau.",
                fr.join(" ; ")
            ),
        )
    } else if measurement {
        text(
            "Yes: every measurement you need is available, or marked as not applicable.".to_owned(),
            "Oui : toutes les mesures nécessaires sont disponibles, ou marquées sans objet."
                .to_owned(),
        )
    } else if audit.not_on_social_yet {
        text(
            "Your brand is not on social media yet: tick what you will be able to measure on the networks you plan to open.".to_owned(),
            "Votre marque n’est pas encore sur les réseaux sociaux : cochez ce que vous pourrez mesurer sur les réseaux que vous comptez ouvrir.".to_owned(),
        )
    } else {
        text(
            "No active account to measure yet: say under Networks & presence where the brand has an active account, or tick what you will be able to measure.".to_owned(),
            "Aucun compte actif à mesurer pour l’instant : indiquez dans Réseaux et présence où la marque a un compte actif, ou cochez ce que vous pourrez mesurer.".to_owned(),
        )
    };
    AuditProgress {
        audiences: !audit.personas.is_empty(),
        presence: chosen && (audit.not_on_social_yet || !described.is_empty()),
        measurement,
        described,
        gaps,
        measurement_answer,
    }
}

/// A measurement's name in a list of what is missing: short, since the list names several per network.
pub(crate) fn metric_short_name(m: Metric) -> (&'static str, &'static str) {
    match m {
        Metric::Reach => ("reach", "la portée"),
        Metric::Engagement => ("engagement", "l’engagement"),
        Metric::Clicks => ("clicks", "les clics"),
        Metric::FollowerGrowth => ("follower growth", "la croissance des abonnés"),
        Metric::Conversions => ("conversions", "les conversions"),
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Validation: field-level codes, as for strategies. Field names are the JSON field names.

/// The oldest age a persona's range can name.
pub const MAX_AGE: u32 = 120;
/// The days after which the audit's figures are called stale: from 1 to 3650 (ten years).
pub const STALE_AFTER_DAYS: std::ops::RangeInclusive<u32> = 1..=3650;

pub fn validate_persona(input: &PersonaInput) -> Result<()> {
    let mut e = Vec::new();
    check::required(&mut e, "name", &input.name, MAX_NAME_CHARS);
    check::text(&mut e, "description", &input.description, 2000);
    for (field, age) in [("age_min", input.age_min), ("age_max", input.age_max)] {
        if age.is_some_and(|a| a > MAX_AGE) {
            e.push(FieldError::out_of_range(field, 0, MAX_AGE.into()));
        }
    }
    if let (Some(min), Some(max)) = (input.age_min, input.age_max) {
        if min > max {
            e.push(FieldError::new("age_max", "less_than_min"));
        }
    }
    check::done(e)
}

pub fn validate_presence(p: &Presence) -> Result<()> {
    let mut e = Vec::new();
    check::text(&mut e, "handle", &p.handle, 300);
    check::text(&mut e, "owner", &p.owner, MAX_NAME_CHARS);
    check::text(&mut e, "who_interacts", &p.who_interacts, 2000);
    check::text(&mut e, "best_times", &p.best_times, 300);
    if p.followers.is_some_and(|f| f < 0) {
        e.push(FieldError::new("followers", "negative"));
    }
    check::not_negative(&mut e, "posts_per_week", p.posts_per_week);
    check::not_negative(&mut e, "likes_per_post", p.likes_per_post);
    check::not_negative(&mut e, "comments_per_post", p.comments_per_post);
    check::not_negative(&mut e, "shares_per_post", p.shares_per_post);
    if let Some(r) = p.engagement_rate {
        if !r.is_finite() || !(0.0..=100.0).contains(&r) {
            e.push(FieldError::new("engagement_rate", "not_a_percentage"));
        }
    }
    check::date(&mut e, "last_post_on", p.last_post_on.as_deref());
    if p.formats
        .iter()
        .any(|f| !(MIN_RATING..=MAX_RATING).contains(&f.rating))
    {
        e.push(FieldError {
            min: Some(MIN_RATING.into()),
            max: Some(MAX_RATING.into()),
            ..FieldError::new("formats", "rating_out_of_range")
        });
    }
    check::done(e)
}

fn validate_custom_network(input: &CustomNetworkInput, existing: &[Network]) -> Result<()> {
    let mut e = Vec::new();
    let name = input.name.trim();
    if name.is_empty() {
        e.push(FieldError::new("name", "required"));
    } else if existing.iter().any(|n| n.name.eq_ignore_ascii_case(name)) {
        e.push(FieldError::new("name", "taken"));
    }
    check::text(&mut e, "name", name, 60);
    if input.max_length.is_some_and(|m| m < MIN_CUSTOM_MAX_LENGTH) {
        e.push(FieldError {
            min: Some(MIN_CUSTOM_MAX_LENGTH.into()),
            ..FieldError::new("max_length", "out_of_range")
        });
    }
    check::done(e)
}

// ---------------------------------------------------------------------------------------------------------------
// The store.

fn json_err(e: serde_json::Error) -> CoreError {
    CoreError::Io(format!("cannot encode audit data: {e}"))
}

fn ensure_network(networks: &[Network], key: &str) -> Result<()> {
    if networks.iter().any(|n| n.key == key) {
        Ok(())
    } else {
        Err(CoreError::Validation(vec![FieldError::new(
            "network",
            "unknown_network",
        )]))
    }
}

/// "custom-<slug>", made unique within the strategy.
fn custom_key(name: &str, existing: &[Network]) -> String {
    let slug: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let base = format!("custom-{}", if slug.is_empty() { "network" } else { &slug });
    let mut key = base.clone();
    let mut n = 2;
    while existing.iter().any(|x| x.key == key) {
        key = format!("{base}-{n}");
        n += 1;
    }
    key
}

pub(crate) fn insert_persona(tx: &Transaction, id: i64, input: &PersonaInput) -> Result<i64> {
    let position = next_position(tx, "persona", id)?;
    tx.execute(
        "INSERT INTO persona (strategy_id, position, name, description, audience_type, age_min, age_max)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            id,
            position,
            input.name.trim(),
            input.description,
            enum_str(&input.audience_type),
            input.age_min,
            input.age_max
        ],
    )?;
    let pid = tx.last_insert_rowid();
    write_usage(tx, pid, &input.usage)?;
    Ok(pid)
}

fn write_usage(tx: &Transaction, persona_id: i64, usage: &[PersonaUsage]) -> Result<()> {
    tx.execute(
        "DELETE FROM persona_usage WHERE persona_id = ?1",
        [persona_id],
    )?;
    for u in usage {
        tx.execute(
            "INSERT INTO persona_usage (persona_id, network, level) VALUES (?1, ?2, ?3)
             ON CONFLICT (persona_id, network) DO UPDATE SET level = excluded.level",
            params![persona_id, u.network, enum_str(&u.level)],
        )?;
    }
    Ok(())
}

pub(crate) fn write_presence(tx: &Transaction, id: i64, p: &Presence) -> Result<()> {
    tx.execute(
        "INSERT INTO presence (strategy_id, network, data) VALUES (?1, ?2, ?3)
         ON CONFLICT (strategy_id, network) DO UPDATE SET data = excluded.data",
        params![id, p.network, serde_json::to_string(p).map_err(json_err)?],
    )?;
    Ok(())
}

pub(crate) fn write_metric(tx: &Transaction, id: i64, c: &MetricCheck) -> Result<()> {
    tx.execute(
        "INSERT INTO metric_check (strategy_id, network, metric, available, source, not_applicable)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (strategy_id, network, metric) DO UPDATE SET available = excluded.available,
                                                                  source = excluded.source,
                                                                  not_applicable = excluded.not_applicable",
        params![
            id,
            c.network,
            c.metric.as_str(),
            c.available && !c.not_applicable,
            c.source.trim(),
            c.not_applicable
        ],
    )?;
    Ok(())
}

pub(crate) fn write_options(
    tx: &Transaction,
    id: i64,
    not_on_social_yet: bool,
    stale_after_days: u32,
) -> Result<()> {
    tx.execute(
        "INSERT INTO audit_options (strategy_id, not_on_social_yet, stale_after_days) VALUES (?1, ?2, ?3)
         ON CONFLICT (strategy_id) DO UPDATE SET not_on_social_yet = excluded.not_on_social_yet,
                                                 stale_after_days = excluded.stale_after_days",
        params![id, not_on_social_yet, stale_after_days],
    )?;
    Ok(())
}

pub(crate) fn write_selected(tx: &Transaction, id: i64, key: &str, selected: bool) -> Result<()> {
    if selected {
        tx.execute(
            "INSERT OR IGNORE INTO selected_network (strategy_id, network) VALUES (?1, ?2)",
            params![id, key],
        )?;
    } else {
        tx.execute(
            "DELETE FROM selected_network WHERE strategy_id = ?1 AND network = ?2",
            params![id, key],
        )?;
    }
    Ok(())
}

pub(crate) fn insert_custom_network(
    tx: &Transaction,
    id: i64,
    key: &str,
    input: &CustomNetworkInput,
) -> Result<()> {
    if !is_custom_key(key) {
        return Err(CoreError::Validation(vec![FieldError::new(
            "key",
            "invalid_key",
        )]));
    }
    let position = next_position(tx, "custom_network", id)?;
    tx.execute(
        "INSERT INTO custom_network (strategy_id, key, position, name, kind, max_length, formats)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            id,
            key,
            position,
            input.name.trim(),
            enum_str(&input.kind),
            input.max_length,
            serde_json::to_string(&input.formats).map_err(json_err)?
        ],
    )?;
    Ok(())
}

impl Store {
    /// The strategy's audit.
    pub fn audit(&self, id: i64) -> Result<Audit> {
        self.strategy(id)?;
        let conn = self.conn();
        let networks = networks_of(conn, id)?;
        let (not_on_social_yet, stale_after_days) = conn
            .query_row(
                "SELECT not_on_social_yet, stale_after_days FROM audit_options WHERE strategy_id = ?1",
                [id],
                |r| Ok((r.get::<_, bool>(0)?, r.get::<_, u32>(1)?)),
            )
            .optional()?
            .unwrap_or((false, DEFAULT_STALE_AFTER_DAYS));
        let chosen: Vec<String> = conn
            .prepare_cached("SELECT network FROM selected_network WHERE strategy_id = ?1")?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let selected = networks
            .iter()
            .filter(|n| chosen.contains(&n.key))
            .map(|n| n.key.clone())
            .collect();

        let mut personas: Vec<Persona> = conn
            .prepare_cached(
                "SELECT id, name, description, audience_type, age_min, age_max FROM persona
                 WHERE strategy_id = ?1 ORDER BY position, id",
            )?
            .query_map([id], |r| {
                let t: String = r.get(3)?;
                Ok(Persona {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    description: r.get(2)?,
                    audience_type: enum_from(&t).unwrap_or(AudienceType::B2c),
                    age_min: r.get(4)?,
                    age_max: r.get(5)?,
                    usage: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut usage_stmt =
            conn.prepare_cached("SELECT network, level FROM persona_usage WHERE persona_id = ?1")?;
        for p in &mut personas {
            let mut usage: Vec<PersonaUsage> = usage_stmt
                .query_map([p.id], |r| {
                    let level: String = r.get(1)?;
                    Ok(PersonaUsage {
                        network: r.get(0)?,
                        level: enum_from(&level).unwrap_or(UsageLevel::None),
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            let pos = |k: &str| {
                networks
                    .iter()
                    .position(|n| n.key == k)
                    .unwrap_or(usize::MAX)
            };
            usage.sort_by_key(|u| pos(&u.network));
            p.usage = usage;
        }

        let mut presences: Vec<Presence> = conn
            .prepare_cached("SELECT data FROM presence WHERE strategy_id = ?1")?
            .query_map([id], |r| r.get::<_, String>(0))?
            .filter_map(|r| r.ok())
            .filter_map(|d| serde_json::from_str(&d).ok())
            .collect();
        let pos = |k: &str| {
            networks
                .iter()
                .position(|n| n.key == k)
                .unwrap_or(usize::MAX)
        };
        presences.sort_by_key(|p| pos(&p.network));

        let mut metrics: Vec<MetricCheck> = conn
            .prepare_cached(
                "SELECT network, metric, available, source, not_applicable FROM metric_check WHERE strategy_id = ?1",
            )?
            .query_map([id], |r| {
                let m: String = r.get(1)?;
                Ok((
                    r.get::<_, String>(0)?,
                    m,
                    r.get::<_, bool>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, bool>(4)?,
                ))
            })?
            .filter_map(|r| r.ok())
            .filter_map(|(network, m, available, source, not_applicable)| {
                Metric::parse(&m).map(|metric| MetricCheck {
                    network,
                    metric,
                    available,
                    source,
                    not_applicable,
                })
            })
            .collect();
        // The catalogue's defaults for the networks under audit, where the user has said nothing.
        for n in networks.iter().filter(|n| chosen.contains(&n.key)) {
            for m in not_applicable_by_default(n) {
                if !metrics.iter().any(|c| c.network == n.key && c.metric == *m) {
                    metrics.push(MetricCheck {
                        network: n.key.clone(),
                        metric: *m,
                        available: false,
                        source: String::new(),
                        not_applicable: true,
                    });
                }
            }
        }
        metrics.sort_by_key(|c| (pos(&c.network), c.metric));

        Ok(Audit {
            networks,
            selected,
            not_on_social_yet,
            stale_after_days,
            personas,
            presences,
            metrics,
        })
    }

    /// The audit and its findings as of `today`.
    pub fn audit_view(&self, id: i64, today: NaiveDate) -> Result<AuditView> {
        let audit = self.audit(id)?;
        let findings = findings::audit_findings(&audit, today);
        let progress = progress(&audit);
        Ok(AuditView {
            audit,
            findings,
            progress,
        })
    }

    pub fn set_audit_options(
        &mut self,
        id: i64,
        not_on_social_yet: bool,
        stale_after_days: u32,
    ) -> Result<()> {
        if !STALE_AFTER_DAYS.contains(&stale_after_days) {
            return Err(CoreError::Validation(vec![FieldError::out_of_range(
                "stale_after_days",
                (*STALE_AFTER_DAYS.start()).into(),
                (*STALE_AFTER_DAYS.end()).into(),
            )]));
        }
        self.write(|tx| {
            touch(tx, id)?;
            write_options(tx, id, not_on_social_yet, stale_after_days)
        })
    }

    pub fn select_network(&mut self, id: i64, key: &str, selected: bool) -> Result<()> {
        self.write(|tx| {
            touch(tx, id)?;
            ensure_network(&networks_of(tx, id)?, key)?;
            write_selected(tx, id, key, selected)
        })
    }

    /// Adds a network of the strategy's own; it is selected at once. Returns its key.
    pub fn add_custom_network(&mut self, id: i64, input: &CustomNetworkInput) -> Result<String> {
        self.write(|tx| {
            touch(tx, id)?;
            let existing = networks_of(tx, id)?;
            validate_custom_network(input, &existing)?;
            let key = custom_key(&input.name, &existing);
            insert_custom_network(tx, id, &key, input)?;
            write_selected(tx, id, &key, true)?;
            Ok(key)
        })
    }

    /// Removes a network of the strategy's own, with everything recorded about it.
    pub fn delete_custom_network(&mut self, id: i64, key: &str) -> Result<()> {
        self.write(|tx| {
            touch(tx, id)?;
            let n = tx.execute(
                "DELETE FROM custom_network WHERE strategy_id = ?1 AND key = ?2",
                params![id, key],
            )?;
            if n == 0 {
                return Err(CoreError::NotFound(format!(
                    "there is no network of this strategy's own with key {key}"
                )));
            }
            // Posts are what the user wrote: they are never deleted with their network.
            let posts: i64 = tx.query_row(
                "SELECT count(*) FROM post WHERE strategy_id = ?1 AND network = ?2",
                params![id, key],
                |r| r.get(0),
            )?;
            if posts > 0 {
                return Err(CoreError::Conflict(format!(
                    "{} planned on this network: move or delete {} first",
                    crate::words::en(posts as usize, "1 post is", &format!("{posts} posts are")),
                    crate::words::en(posts as usize, "it", "them")
                )));
            }
            for table in [
                "selected_network",
                "presence",
                "metric_check",
                "mission",
                "content_mix",
            ] {
                tx.execute(
                    &format!("DELETE FROM {table} WHERE strategy_id = ?1 AND network = ?2"),
                    params![id, key],
                )?;
            }
            tx.execute(
                "DELETE FROM persona_usage WHERE network = ?2
                 AND persona_id IN (SELECT id FROM persona WHERE strategy_id = ?1)",
                params![id, key],
            )?;
            // The benchmark's observations of it go; trends stop naming it.
            tx.execute(
                "DELETE FROM observation WHERE network = ?2
                 AND player_id IN (SELECT id FROM player WHERE strategy_id = ?1)",
                params![id, key],
            )?;
            tx.execute(
                "UPDATE trend SET data = json_set(data, '$.network', json('null'))
                 WHERE strategy_id = ?1 AND json_extract(data, '$.network') = ?2",
                params![id, key],
            )?;
            // Objectives stop naming the network.
            tx.execute(
                "UPDATE social_objective SET data = json_set(data, '$.networks',
                   json((SELECT json_group_array(value) FROM json_each(data, '$.networks') WHERE value <> ?2)))
                 WHERE strategy_id = ?1",
                params![id, key],
            )?;
            Ok(())
        })
    }

    /// Creates (`persona_id` None) or updates a persona. Returns its id.
    pub fn save_persona(
        &mut self,
        id: i64,
        persona_id: Option<i64>,
        input: &PersonaInput,
    ) -> Result<i64> {
        validate_persona(input)?;
        self.write(|tx| {
            touch(tx, id)?;
            let networks = networks_of(tx, id)?;
            for u in &input.usage {
                ensure_network(&networks, &u.network)?;
            }
            match persona_id {
                None => insert_persona(tx, id, input),
                Some(pid) => {
                    let n = tx.execute(
                        "UPDATE persona SET name = ?3, description = ?4, audience_type = ?5, age_min = ?6,
                                            age_max = ?7
                         WHERE id = ?2 AND strategy_id = ?1",
                        params![
                            id,
                            pid,
                            input.name.trim(),
                            input.description,
                            enum_str(&input.audience_type),
                            input.age_min,
                            input.age_max
                        ],
                    )?;
                    if n == 0 {
                        return Err(CoreError::NotFound(format!("there is no persona with id {pid}")));
                    }
                    write_usage(tx, pid, &input.usage)?;
                    Ok(pid)
                }
            }
        })
    }

    pub fn delete_persona(&mut self, id: i64, persona_id: i64) -> Result<()> {
        self.write(|tx| {
            touch(tx, id)?;
            let n = tx.execute(
                "DELETE FROM persona WHERE id = ?2 AND strategy_id = ?1",
                params![id, persona_id],
            )?;
            if n == 0 {
                return Err(CoreError::NotFound(format!(
                    "there is no persona with id {persona_id}"
                )));
            }
            Ok(())
        })
    }

    pub fn save_presence(&mut self, id: i64, presence: &Presence) -> Result<()> {
        validate_presence(presence)?;
        self.write(|tx| {
            touch(tx, id)?;
            ensure_network(&networks_of(tx, id)?, &presence.network)?;
            write_presence(tx, id, presence)
        })
    }

    pub fn save_metric(&mut self, id: i64, check: &MetricCheck) -> Result<()> {
        let mut e = Vec::new();
        check::text(&mut e, "source", &check.source, 300);
        check::done(e)?;
        self.write(|tx| {
            touch(tx, id)?;
            ensure_network(&networks_of(tx, id)?, &check.network)?;
            write_metric(tx, id, check)
        })
    }
}
