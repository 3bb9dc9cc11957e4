//! Step 5's evaluation: each objective's KPI against its target and deadline, the performance of networks, pillars,
//! topics and formats, and the underperformers, from the posts' results (results.rs) and the KPI readings typed by
//! hand.
//!
//! The rules, in one place:
//! - **A KPI's value.** When the objective has readings (typed by hand), the latest reading. Otherwise, when its
//!   metric comes from posts, it is computed from the latest snapshot of every post published on the objective's
//!   networks (all networks when it names none):
//!   - a **flow** (reach, impressions, likes, shares, comments, video views, clicks, leads, sign-ups, conversions) is
//!     the sum over the posts published in the review period ending on the day (7, 14, 30 or 91 days: the measurement
//!     plan's weekly, fortnightly, monthly or quarterly; monthly when it names none), as in "900 visits a month";
//!   - a **rate** (engagement rate, click-through rate) is in percent, the sum of the numerators over the sum of the
//!     denominators of those same posts;
//!   - **followers** are a stock: the baseline plus every follow gained since the strategy's start.
//!   - Other metrics (qualified visits, sales, response time, rating…) come only from readings.
//! - **History**: the readings, or the value computed at the end of each week since the start (the last 52 weeks).
//! - **Trajectory**: the straight line from the baseline on the start date to the target on the deadline. `expected`
//!   is that line today; `progress` = (value − baseline) / (expected − baseline), which works both ways (a KPI to lower
//!   too). **On track**: the target is reached, or progress ≥ 90 %; **at risk**: progress ≥ 60 %; **off track**
//!   below, or the deadline passed without the target. Before any time has passed (expected = baseline), on track
//!   unless the value is worse than the baseline. With no baseline, target or deadline, or no value: **no data**.
//!   `projected` is the value on the deadline if the pace so far goes on.
//! - **Performance** of a group of posts (a network, a pillar, a topic, a format) over the period: impressions,
//!   engagements and clicks summed over the posts' latest snapshots, and the rates computed from those sums; by week
//!   too. Top and bottom posts by engagement rate, among posts with at least [`MIN_IMPRESSIONS`] impressions.
//! - **Underperformers**, against their own baseline: a post whose engagement rate is below half of its network's
//!   median over the period (the network having at least 4 posts with a rate); a format whose median engagement rate
//!   on a network is below half of that network's median (at least 3 posts of the format); a network whose median of
//!   the last 4 weeks is below half of its median over the whole period (at least 3 recent posts and 6 in all). Each
//!   comes with a suggested adaptation.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::adapt::results::{all_results, Measures};
use crate::calendar::{self, Post};
use crate::error::{CoreError, FieldError, Result};
use crate::findings::{median, text, Text};
use crate::network::ContentFormat;
use crate::objectives::{Direction, KpiMetric, Objective, Pillar, ReviewFrequency};
use crate::store::{not_found, Store};
use crate::words::figures;

pub const ON_TRACK: f64 = 0.9;
pub const AT_RISK: f64 = 0.6;
/// Below this share of its baseline, a post, format or network is an underperformer.
pub const UNDERPERFORMING: f64 = 0.5;
/// Posts with fewer impressions are left out of the top and bottom lists (their rates are noise).
pub const MIN_IMPRESSIONS: u64 = 100;
const TOP: usize = 5;
const HISTORY_WEEKS: i64 = 52;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum KpiStatus {
    OnTrack,
    AtRisk,
    OffTrack,
    NoData,
}

/// Where a KPI's value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum KpiSource {
    Readings,
    Posts,
    None,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct KpiPoint {
    pub date: String,
    pub value: f64,
    /// The straight path's value on that date (see [`expected_on`]), when the objective has a baseline, a target and a
    /// deadline.
    pub expected: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct KpiReading {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub objective_id: i64,
    pub taken_on: String,
    pub value: f64,
    pub note: String,
}

/// One objective's KPI against its target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct KpiTrack {
    #[ts(type = "number")]
    pub objective_id: i64,
    pub title: String,
    pub metric: Option<KpiMetric>,
    pub unit: String,
    pub direction: Direction,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub start: String,
    pub deadline: Option<String>,
    pub source: KpiSource,
    /// For a flow computed from posts: the days each value sums.
    pub period_days: Option<u32>,
    pub current: Option<f64>,
    pub history: Vec<KpiPoint>,
    /// The straight path's two ends, for charts: the baseline on the start date and the target on the deadline.
    pub path: Vec<KpiPoint>,
    pub expected: Option<f64>,
    pub progress: Option<f64>,
    pub projected: Option<f64>,
    pub status: KpiStatus,
    /// The status in a sentence, with its figures.
    pub explanation: Text,
    pub readings: Vec<KpiReading>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    Network,
    Pillar,
    Topic,
    Format,
}

/// The totals of a set of posts and the rates they give.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Totals {
    pub posts: u32,
    #[ts(type = "number")]
    pub impressions: u64,
    #[ts(type = "number")]
    pub engagements: u64,
    #[ts(type = "number")]
    pub clicks: u64,
    /// Engagements over impressions (reach when a post has no impressions), in percent.
    pub engagement_rate: Option<f64>,
    /// Clicks over impressions, in percent.
    pub click_through_rate: Option<f64>,
}

#[derive(Debug, Default)]
struct Sums {
    posts: u32,
    impressions: u64,
    audience: u64,
    engagements: u64,
    clicks: u64,
    click_impressions: u64,
}

impl Sums {
    fn add(&mut self, m: &Measures) {
        self.posts += 1;
        self.impressions += m.impressions.unwrap_or(0);
        if let (Some(e), Some(a)) = (m.engagements(), m.audience()) {
            self.engagements += e;
            self.audience += a;
        }
        if let (Some(c), Some(i)) = (m.clicks, m.impressions.filter(|i| *i > 0)) {
            self.clicks += c;
            self.click_impressions += i;
        }
    }

    fn totals(&self) -> Totals {
        let pct = |n: u64, d: u64| (d > 0).then(|| n as f64 / d as f64 * 100.0);
        Totals {
            posts: self.posts,
            impressions: self.impressions,
            engagements: self.engagements,
            clicks: self.clicks,
            engagement_rate: pct(self.engagements, self.audience),
            click_through_rate: pct(self.clicks, self.click_impressions),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WeekTotals {
    /// The Monday of the week.
    pub week: String,
    pub totals: Totals,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PerformanceGroup {
    pub by: GroupBy,
    /// The network's key, the pillar, the topic's id or the format; empty for posts with none.
    pub key: String,
    pub label: String,
    pub totals: Totals,
    /// The median of the posts' engagement rates, in percent.
    pub median_engagement_rate: Option<f64>,
    pub weeks: Vec<WeekTotals>,
    #[ts(type = "number[]")]
    pub top: Vec<i64>,
    #[ts(type = "number[]")]
    pub bottom: Vec<i64>,
}

/// A post with results in the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PostPerformance {
    #[ts(type = "number")]
    pub post_id: i64,
    pub network: String,
    pub scheduled_at: String,
    pub title: String,
    pub pillar: Option<Pillar>,
    #[ts(type = "number | null")]
    pub topic_id: Option<i64>,
    pub format: Option<ContentFormat>,
    pub unplanned: bool,
    pub measures: Measures,
    /// In percent.
    pub engagement_rate: Option<f64>,
    pub click_through_rate: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum UnderperformerKind {
    Post,
    Format,
    Network,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Underperformer {
    pub kind: UnderperformerKind,
    pub network: String,
    #[ts(type = "number | null")]
    pub post_id: Option<i64>,
    pub format: Option<ContentFormat>,
    /// Its engagement rate, in percent.
    pub value: f64,
    /// The baseline it is compared with, in percent.
    pub baseline: f64,
    pub title: Text,
    pub explanation: Text,
    pub suggestion: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Evaluation {
    pub from: String,
    pub to: String,
    pub today: String,
    pub objectives: Vec<KpiTrack>,
    pub overall: Totals,
    pub groups: Vec<PerformanceGroup>,
    /// Posts with results in the period, by date.
    pub posts: Vec<PostPerformance>,
    #[ts(type = "number[]")]
    pub top: Vec<i64>,
    #[ts(type = "number[]")]
    pub bottom: Vec<i64>,
    pub underperformers: Vec<Underperformer>,
}

// ---------------------------------------------------------------------------------------------------------------
// KPIs.

/// Today in a strategy's time zone.
pub fn today_of(s: &crate::model::Strategy) -> NaiveDate {
    crate::dates::today_in(&s.timezone)
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn parse_day(s: &str) -> Option<NaiveDate> {
    crate::dates::parse_day(s)
}

fn period_days(f: Option<ReviewFrequency>) -> u32 {
    match f {
        Some(ReviewFrequency::Weekly) => 7,
        Some(ReviewFrequency::Fortnightly) => 14,
        Some(ReviewFrequency::Quarterly) => 91,
        Some(ReviewFrequency::Monthly) | None => 30,
    }
}

/// How a metric is computed from posts.
enum FromPosts {
    Flow(fn(&Measures) -> Option<u64>),
    Rate(fn(&Measures) -> Option<(u64, u64)>),
    Followers,
}

fn from_posts(m: KpiMetric) -> Option<FromPosts> {
    use FromPosts::*;
    Some(match m {
        KpiMetric::Reach => Flow(|m| m.reach),
        KpiMetric::Impressions => Flow(|m| m.impressions),
        KpiMetric::Likes => Flow(|m| m.reactions),
        KpiMetric::Shares => Flow(|m| m.shares),
        KpiMetric::Comments => Flow(|m| m.comments),
        KpiMetric::VideoViews => Flow(|m| m.video_views),
        KpiMetric::Clicks => Flow(|m| m.clicks),
        KpiMetric::Leads | KpiMetric::SignUps | KpiMetric::Conversions => Flow(|m| m.leads),
        KpiMetric::EngagementRate => Rate(|m| Some((m.engagements()?, m.audience()?))),
        KpiMetric::ClickThroughRate => {
            Rate(|m| Some((m.clicks?, m.impressions.filter(|i| *i > 0)?)))
        }
        KpiMetric::Followers => Followers,
        _ => return None,
    })
}

/// A published post's day and latest numbers.
struct Measured<'a> {
    post: &'a Post,
    on: NaiveDate,
    measures: Measures,
    format: Option<ContentFormat>,
    unplanned: bool,
}

fn compute(
    how: &FromPosts,
    posts: &[&Measured],
    end: NaiveDate,
    days: u32,
    start: NaiveDate,
    baseline: f64,
) -> Option<f64> {
    let from = end - Duration::days(i64::from(days));
    let in_period = || posts.iter().filter(move |p| p.on > from && p.on <= end);
    match how {
        FromPosts::Flow(f) => {
            let values: Vec<u64> = in_period().filter_map(|p| f(&p.measures)).collect();
            // A period with no post measured has no value (rather than a misleading 0).
            (!values.is_empty()).then(|| values.iter().sum::<u64>() as f64)
        }
        FromPosts::Rate(f) => {
            let (n, d) = in_period()
                .filter_map(|p| f(&p.measures))
                .fold((0u64, 0u64), |(a, b), (n, d)| (a + n, b + d));
            (d > 0).then(|| n as f64 / d as f64 * 100.0)
        }
        FromPosts::Followers => {
            let gained: Vec<u64> = posts
                .iter()
                .filter(|p| p.on >= start && p.on <= end)
                .filter_map(|p| p.measures.follows)
                .collect();
            (!gained.is_empty()).then(|| baseline + gained.iter().sum::<u64>() as f64)
        }
    }
}

/// The straight path's value on `day`: from the baseline on the start date to the target on the deadline, flat
/// before and after.
pub fn expected_on(
    baseline: f64,
    target: f64,
    start: NaiveDate,
    deadline: NaiveDate,
    day: NaiveDate,
) -> f64 {
    let total = (deadline - start).num_days().max(1) as f64;
    let elapsed = ((day - start).num_days() as f64).clamp(0.0, total);
    baseline + (target - baseline) * elapsed / total
}

/// The trajectory rule (see the module's doc): `(expected, progress, projected, status)`.
pub fn trajectory(
    baseline: f64,
    target: f64,
    start: NaiveDate,
    deadline: NaiveDate,
    today: NaiveDate,
    value: f64,
) -> (f64, Option<f64>, Option<f64>, KpiStatus) {
    let total = (deadline - start).num_days().max(1) as f64;
    let elapsed = ((today - start).num_days() as f64).clamp(0.0, total);
    let expected = expected_on(baseline, target, start, deadline, today);
    let up = target >= baseline;
    let reached = if up { value >= target } else { value <= target };
    let projected = (elapsed > 0.0).then(|| baseline + (value - baseline) * total / elapsed);
    if reached {
        return (
            expected,
            Some(1.0_f64.max(progress_of(baseline, expected, value).unwrap_or(1.0))),
            projected,
            KpiStatus::OnTrack,
        );
    }
    if today > deadline {
        return (
            expected,
            progress_of(baseline, expected, value),
            projected,
            KpiStatus::OffTrack,
        );
    }
    let Some(progress) = progress_of(baseline, expected, value) else {
        let worse = if up {
            value < baseline
        } else {
            value > baseline
        };
        let status = if worse {
            KpiStatus::AtRisk
        } else {
            KpiStatus::OnTrack
        };
        return (expected, None, projected, status);
    };
    let status = if progress >= ON_TRACK {
        KpiStatus::OnTrack
    } else if progress >= AT_RISK {
        KpiStatus::AtRisk
    } else {
        KpiStatus::OffTrack
    };
    (expected, Some(progress), projected, status)
}

fn progress_of(baseline: f64, expected: f64, value: f64) -> Option<f64> {
    let span = expected - baseline;
    (span.abs() > f64::EPSILON).then(|| (value - baseline) / span)
}

fn explain(t: &KpiTrack) -> Text {
    let f = |v: f64| figures(v);
    let unit = if t.unit.is_empty() {
        String::new()
    } else {
        format!(" {}", t.unit)
    };
    let Some(current) = t.current else {
        return match t.metric.and_then(from_posts) {
            Some(_) => text(
                "No value yet: import the networks' results, or type a reading.".into(),
                "Pas encore de valeur : importez les résultats des réseaux, ou saisissez un relevé.".into(),
            ),
            None => text(
                "No value yet: this KPI comes from outside the networks; type its readings.".into(),
                "Pas encore de valeur : cet indicateur vient d’un autre outil ; saisissez ses relevés.".into(),
            ),
        };
    };
    let (c_en, c_fr) = f(current);
    let (Some(target), Some(deadline), Some(expected)) = (t.target, &t.deadline, t.expected) else {
        return text(
            format!("Now {c_en}{unit}. Give this objective a baseline, a target and a deadline to track it."),
            format!("Actuellement {c_fr}{unit}. Donnez à cet objectif une valeur de départ, une cible et une échéance pour le suivre."),
        );
    };
    let (t_en, t_fr) = f(target);
    let (e_en, e_fr) = f(expected);
    let pct = t.progress.map(|p| (p * 100.0).round());
    let pace = match pct {
        Some(p) if p < 0.0 => (
            " (worse than the baseline)".to_owned(),
            " (moins bien qu’au point de départ)".to_owned(),
        ),
        Some(p) => (
            format!(" ({p} % of the way expected by now)"),
            format!(" ({p} % du chemin prévu)"),
        ),
        None => (String::new(), String::new()),
    };
    let (s_en, s_fr) = match t.status {
        KpiStatus::OnTrack => ("On track", "En bonne voie"),
        KpiStatus::AtRisk => ("At risk", "À surveiller"),
        KpiStatus::OffTrack => ("Off track", "En retard"),
        KpiStatus::NoData => ("No data", "Pas de données"),
    };
    text(
        format!(
            "{s_en}: {c_en}{unit} now, {e_en} expected on the way to {t_en} by {}{}.",
            long_date(deadline).0,
            pace.0
        ),
        format!(
            "{s_fr} : {c_fr}{unit} aujourd’hui ; la trajectoire vers {t_fr} au {} en prévoit {e_fr} à ce jour{}.",
            long_date(deadline).1,
            pace.1
        ),
    )
}

fn track(
    o: &Objective,
    readings: Vec<KpiReading>,
    measured: &[Measured],
    start: NaiveDate,
    today: NaiveDate,
) -> KpiTrack {
    let d = &o.data;
    let posts: Vec<&Measured> = measured
        .iter()
        .filter(|m| d.networks.is_empty() || d.networks.contains(&m.post.data.network))
        .collect();
    let days = period_days(o.measurement.frequency);
    let how = d.kpi_metric.and_then(from_posts);
    let (source, current, history, period) = if !readings.is_empty() {
        let history: Vec<KpiPoint> = readings
            .iter()
            .map(|r| KpiPoint {
                date: r.taken_on.clone(),
                value: r.value,
                expected: None,
            })
            .collect();
        let current = readings.last().map(|r| r.value);
        (KpiSource::Readings, current, history, None)
    } else if let Some(how) = &how {
        let baseline = d.baseline.unwrap_or(0.0);
        let current = compute(how, &posts, today, days, start, baseline);
        // Week ends (Sundays) from the start, the last 52, and today.
        let mut ends = Vec::new();
        let mut e = start + Duration::days(6 - i64::from(start.weekday().num_days_from_monday()));
        while e < today {
            ends.push(e);
            e += Duration::days(7);
        }
        let skip = ends.len().saturating_sub(HISTORY_WEEKS as usize);
        let history = ends[skip..]
            .iter()
            .chain(std::iter::once(&today))
            .filter_map(|e| {
                compute(how, &posts, *e, days, start, baseline).map(|v| KpiPoint {
                    date: day(*e),
                    value: v,
                    expected: None,
                })
            })
            .collect();
        let period = (!matches!(how, FromPosts::Followers)).then_some(days);
        (KpiSource::Posts, current, history, period)
    } else {
        (KpiSource::None, None, Vec::new(), None)
    };
    let deadline = d.deadline.as_deref().and_then(parse_day);
    let mut history: Vec<KpiPoint> = history;
    let mut path = Vec::new();
    if let (Some(b), Some(t), Some(dl)) = (d.baseline, d.target, deadline.filter(|dl| *dl > start))
    {
        for h in &mut history {
            h.expected = parse_day(&h.date).map(|on| expected_on(b, t, start, dl, on));
        }
        for (on, v) in [(start, b), (dl, t)] {
            path.push(KpiPoint {
                date: day(on),
                value: v,
                expected: Some(v),
            });
        }
    }
    let (expected, progress, projected, status) = match (d.baseline, d.target, deadline, current) {
        (Some(b), Some(t), Some(dl), Some(v)) if dl > start => {
            let (e, p, pr, s) = trajectory(b, t, start, dl, today, v);
            (Some(e), p, pr, s)
        }
        _ => (None, None, None, KpiStatus::NoData),
    };
    let mut t = KpiTrack {
        objective_id: o.id,
        title: d.title.clone(),
        metric: d.kpi_metric,
        unit: d.kpi_unit.clone(),
        direction: d.direction,
        baseline: d.baseline,
        target: d.target,
        start: day(start),
        deadline: d.deadline.clone(),
        source,
        period_days: period,
        current,
        history,
        path,
        expected,
        progress,
        projected,
        status,
        explanation: Text::default(),
        readings,
    };
    t.explanation = explain(&t);
    t
}

// ---------------------------------------------------------------------------------------------------------------
// Performance.

fn rate(m: &Measures) -> Option<f64> {
    m.engagement_rate().map(|r| r * 100.0)
}

fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// The top and bottom posts by engagement rate, among those with enough impressions.
fn ends_of(posts: &[&Measured]) -> (Vec<i64>, Vec<i64>) {
    let mut rated: Vec<(f64, i64)> = posts
        .iter()
        .filter(|p| p.measures.impressions.or(p.measures.reach).unwrap_or(0) >= MIN_IMPRESSIONS)
        .filter_map(|p| Some((rate(&p.measures)?, p.post.id)))
        .collect();
    rated.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let top: Vec<i64> = rated.iter().take(TOP).map(|r| r.1).collect();
    // The bottom never repeats the top: with fewer than 2 × TOP posts it has the rest.
    let bottom: Vec<i64> = rated
        .iter()
        .rev()
        .take(TOP.min(rated.len() - top.len()))
        .map(|r| r.1)
        .collect();
    (top, bottom)
}

fn group(by: GroupBy, key: String, label: String, posts: &[&Measured]) -> PerformanceGroup {
    let mut all = Sums::default();
    let mut weeks: BTreeMap<NaiveDate, Sums> = BTreeMap::new();
    for p in posts {
        all.add(&p.measures);
        weeks.entry(monday(p.on)).or_default().add(&p.measures);
    }
    let (top, bottom) = ends_of(posts);
    PerformanceGroup {
        by,
        key,
        label,
        totals: all.totals(),
        median_engagement_rate: median(posts.iter().filter_map(|p| rate(&p.measures)).collect()),
        weeks: weeks
            .into_iter()
            .map(|(w, s)| WeekTotals {
                week: day(w),
                totals: s.totals(),
            })
            .collect(),
        top,
        bottom,
    }
}

/// A format's name in English and French.
fn format_name(f: ContentFormat) -> (&'static str, &'static str) {
    match f {
        ContentFormat::Photo => ("photo", "photo"),
        ContentFormat::Video => ("video", "vidéo"),
        ContentFormat::Carousel => ("carousel", "carrousel"),
        ContentFormat::Text => ("text", "texte"),
        ContentFormat::Link => ("link", "lien"),
        ContentFormat::Story => ("story", "story"),
        ContentFormat::Live => ("live", "live"),
        ContentFormat::ShortVideo => ("short video", "vidéo courte"),
    }
}

/// `YYYY-MM-DD` as people write it: "May 25, 2027", "25 mai 2027" ("1er mai 2027"); as it is when it is not a day.
fn long_date(s: &str) -> (String, String) {
    match parse_day(s) {
        Some(d) => crate::words::long_day(d),
        None => (s.to_owned(), s.to_owned()),
    }
}

fn pct(v: f64) -> (String, String) {
    let (en, fr) = figures(v);
    (format!("{en} %"), format!("{fr} %"))
}

fn underperformers(
    measured: &[Measured],
    today: NaiveDate,
    network_name: &dyn Fn(&str) -> crate::network::NetName,
) -> Vec<Underperformer> {
    let mut out = Vec::new();
    let mut by_network: BTreeMap<&str, Vec<&Measured>> = BTreeMap::new();
    for m in measured {
        by_network
            .entry(m.post.data.network.as_str())
            .or_default()
            .push(m);
    }
    for (network, posts) in &by_network {
        let crate::network::NetName { en: name, fr } = network_name(network);
        let rates: Vec<f64> = posts.iter().filter_map(|p| rate(&p.measures)).collect();
        let Some(med) = median(rates.clone()).filter(|_| rates.len() >= 4) else {
            continue;
        };
        if med <= 0.0 {
            continue;
        }
        let (m_en, m_fr) = pct(med);
        let mut by_format: BTreeMap<ContentFormat, Vec<f64>> = BTreeMap::new();
        for p in posts {
            if let (Some(f), Some(r)) = (p.format, rate(&p.measures)) {
                by_format.entry(f).or_default().push(r);
            }
        }
        let mut flagged: Vec<ContentFormat> = Vec::new();
        let best = by_format
            .iter()
            .filter(|(_, v)| v.len() >= 3)
            .filter_map(|(f, v)| Some((*f, median(v.clone())?)))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        for (f, v) in &by_format {
            let Some(fm) = median(v.clone()).filter(|_| v.len() >= 3) else {
                continue;
            };
            if fm < UNDERPERFORMING * med {
                flagged.push(*f);
                let (f_en, f_fr) = pct(fm);
                let (fname, fname_fr) = format_name(*f);
                let better = best.filter(|(b, _)| b != f).map(|(b, _)| format_name(b));
                out.push(Underperformer {
                    kind: UnderperformerKind::Format,
                    network: network.to_string(),
                    post_id: None,
                    format: Some(*f),
                    value: fm,
                    baseline: med,
                    title: text(
                        format!("The {fname} format falls short on {name}"),
                        format!("Le format {fname_fr} déçoit {}", fr.on),
                    ),
                    explanation: text(
                        format!("Its {} posts have a median engagement rate of {f_en}, against {m_en} for all of {name}'s posts.", v.len()),
                        format!("Ses {} publications ont un taux d’engagement médian de {f_fr}, contre {m_fr} pour l’ensemble des publications {}.", v.len(), fr.of),
                    ),
                    suggestion: match better {
                        Some((b, b_fr)) => text(
                            format!("Replace some {fname} posts with the {b} format, which does best here, and test the change."),
                            format!("Remplacez une partie des publications au format {fname_fr} par le format {b_fr}, le meilleur ici, et testez le changement."),
                        ),
                        None => text(
                            format!("Post fewer {fname} posts on {name}, or test a new treatment of them against the current one."),
                            format!("Publiez moins au format {fname_fr} {}, ou testez une autre façon de le traiter face à l’actuelle.", fr.on),
                        ),
                    },
                });
            }
        }
        let mut post_flags = Vec::new();
        for p in posts {
            let Some(r) = rate(&p.measures) else { continue };
            // A post of a format already flagged is that format's problem, not its own.
            if p.format.is_some_and(|f| flagged.contains(&f)) {
                continue;
            }
            if r < UNDERPERFORMING * med {
                let (r_en, r_fr) = pct(r);
                post_flags.push(Underperformer {
                    kind: UnderperformerKind::Post,
                    network: network.to_string(),
                    post_id: Some(p.post.id),
                    format: p.format,
                    value: r,
                    baseline: med,
                    title: text(
                        format!("“{}” engaged less than half as much as usual on {name}", p.post.data.title),
                        format!("« {} » a suscité moins de la moitié de l’engagement habituel {}", p.post.data.title, fr.on),
                    ),
                    explanation: text(
                        format!("Its engagement rate is {r_en}, against a median of {m_en} for {name}'s posts over the period."),
                        format!("Son taux d’engagement est de {r_fr}, pour une médiane de {m_fr} sur les publications {} de la période.", fr.of),
                    ),
                    suggestion: text(
                        "Move this slot to a day and time that worked better, or rework the hook and visual before reusing the topic.".into(),
                        "Déplacez ce créneau vers un jour et une heure qui ont mieux marché, ou retravaillez l’accroche et le visuel avant de reprendre ce thème.".into(),
                    ),
                });
            }
        }
        post_flags.sort_by(|a: &Underperformer, b: &Underperformer| {
            (a.value / a.baseline).total_cmp(&(b.value / b.baseline))
        });
        let recent_from = today - Duration::days(28);
        let recent: Vec<f64> = posts
            .iter()
            .filter(|p| p.on > recent_from)
            .filter_map(|p| rate(&p.measures))
            .collect();
        if recent.len() >= 3 && rates.len() >= 6 {
            let rm = median(recent).unwrap_or(0.0);
            if rm < UNDERPERFORMING * med {
                let (r_en, r_fr) = pct(rm);
                out.push(Underperformer {
                    kind: UnderperformerKind::Network,
                    network: network.to_string(),
                    post_id: None,
                    format: None,
                    value: rm,
                    baseline: med,
                    title: text(
                        format!("{name} is losing steam"),
                        format!("{} s’essouffle", crate::words::cap(&fr.the)),
                    ),
                    explanation: text(
                        format!("The median engagement rate of the last 4 weeks is {r_en}, against {m_en} over the whole period."),
                        format!("Le taux d’engagement médian des 4 dernières semaines est de {r_fr}, contre {m_fr} sur toute la période."),
                    ),
                    suggestion: text(
                        format!("Lower {name}'s posting frequency for a while and put the effort on the formats and topics that still work there."),
                        format!("Baissez un temps la fréquence {} et concentrez l’effort sur les formats et les thèmes qui y marchent encore.", fr.on),
                    ),
                });
            }
        }
        out.extend(post_flags);
    }
    out
}

// ---------------------------------------------------------------------------------------------------------------
// Store.

pub(crate) fn readings_of(
    conn: &rusqlite::Connection,
    objective_id: i64,
) -> Result<Vec<KpiReading>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, taken_on, value, note FROM kpi_reading WHERE objective_id = ?1 ORDER BY taken_on",
    )?;
    let rows = stmt.query_map([objective_id], |r| {
        Ok(KpiReading {
            id: r.get(0)?,
            objective_id,
            taken_on: r.get(1)?,
            value: r.get(2)?,
            note: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// Today in the strategy's time zone (UTC when its zone cannot be read): findings about dates (stale accounts,
    /// objectives' deadlines, the calendar's past days…) are computed against it.
    pub fn strategy_today(&self, id: i64) -> Result<chrono::NaiveDate> {
        Ok(crate::adapt::evaluate::today_of(&self.strategy(id)?))
    }

    /// The evaluation of a strategy over `[from, to]` (default: from the start to today) as of `today`.
    pub fn evaluate(
        &self,
        id: i64,
        from: Option<&str>,
        to: Option<&str>,
        today: NaiveDate,
    ) -> Result<Evaluation> {
        let mut errors = Vec::new();
        let (from, to) = (from.filter(|d| !d.is_empty()), to.filter(|d| !d.is_empty()));
        crate::check::date(&mut errors, "from", from);
        crate::check::date(&mut errors, "to", to);
        crate::check::done(errors)?;
        let strategy = self.strategy(id)?;
        let start = parse_day(&strategy.start_date).unwrap_or(today);
        let from = from.and_then(parse_day).unwrap_or(start.min(today));
        let to = to.and_then(parse_day).unwrap_or(today);
        let objectives = self.objectives(id)?;
        let (_, posts) = calendar::all_items(self.conn(), id)?;
        let by_id: HashMap<i64, &Post> = posts.iter().map(|p| (p.id, p)).collect();
        let mut measured: Vec<Measured> = all_results(self.conn(), id)?
            .into_iter()
            .filter_map(|r| {
                let post = *by_id.get(&r.post_id)?;
                let on = calendar::parse_date_time(post.data.scheduled_at.as_deref()?)?.date();
                let measures = *r.latest()?;
                Some(Measured {
                    post,
                    on,
                    measures,
                    format: r.publication.as_ref().and_then(|p| p.format),
                    unplanned: r.publication.as_ref().is_some_and(|p| p.unplanned),
                })
            })
            .collect();
        measured.sort_by(|a, b| {
            (a.on, &a.post.data.scheduled_at, a.post.id).cmp(&(
                b.on,
                &b.post.data.scheduled_at,
                b.post.id,
            ))
        });
        let tracks = objectives
            .objectives
            .iter()
            .map(|o| {
                Ok(track(
                    o,
                    readings_of(self.conn(), o.id)?,
                    &measured,
                    start,
                    today,
                ))
            })
            .collect::<Result<Vec<_>>>()?;
        let period: Vec<Measured> = measured
            .into_iter()
            .filter(|m| m.on >= from && m.on <= to)
            .collect();
        let refs: Vec<&Measured> = period.iter().collect();
        let networks = self.audit(id)?.networks;
        let network_name = |k: &str| {
            networks
                .iter()
                .find(|n| n.key == k)
                .map_or(k.to_owned(), |n| n.name.clone())
        };
        let topic_name = |t: i64| {
            objectives
                .topics
                .iter()
                .find(|x| x.id == t)
                .map_or(String::new(), |x| x.data.name.clone())
        };
        let mut groups = Vec::new();
        let mut push = |by: GroupBy, key: String, label: String, members: Vec<&Measured>| {
            groups.push(group(by, key, label, &members));
        };
        let mut keyed: BTreeMap<(GroupBy, String), (String, Vec<&Measured>)> = BTreeMap::new();
        for m in &refs {
            let d = &m.post.data;
            let entries = [
                (
                    GroupBy::Network,
                    d.network.clone(),
                    network_name(&d.network),
                ),
                (
                    GroupBy::Pillar,
                    d.pillar
                        .map(|p| crate::store::enum_str(&p))
                        .unwrap_or_default(),
                    d.pillar.map(|p| p.name().0.to_owned()).unwrap_or_default(),
                ),
                (
                    GroupBy::Topic,
                    d.topic_id.map(|t| t.to_string()).unwrap_or_default(),
                    d.topic_id.map(topic_name).unwrap_or_default(),
                ),
                (
                    GroupBy::Format,
                    m.format.map(|f| f.as_str().to_owned()).unwrap_or_default(),
                    m.format
                        .map(|f| f.as_str().replace('_', " "))
                        .unwrap_or_default(),
                ),
            ];
            for (by, key, label) in entries {
                keyed
                    .entry((by, key))
                    .or_insert_with(|| (label, Vec::new()))
                    .1
                    .push(m);
            }
        }
        for ((by, key), (label, members)) in keyed {
            push(by, key, label, members);
        }
        let mut all = Sums::default();
        for m in &refs {
            all.add(&m.measures);
        }
        let (top, bottom) = ends_of(&refs);
        let under = underperformers(&period, today.min(to), &|k| {
            crate::network::NetName::of(&networks, k)
        });
        Ok(Evaluation {
            from: day(from),
            to: day(to),
            today: day(today),
            objectives: tracks,
            overall: all.totals(),
            groups,
            posts: period
                .iter()
                .map(|m| PostPerformance {
                    post_id: m.post.id,
                    network: m.post.data.network.clone(),
                    scheduled_at: m.post.data.scheduled_at.clone().unwrap_or_default(),
                    title: m.post.data.title.clone(),
                    pillar: m.post.data.pillar,
                    topic_id: m.post.data.topic_id,
                    format: m.format,
                    unplanned: m.unplanned,
                    measures: m.measures,
                    engagement_rate: rate(&m.measures),
                    click_through_rate: m.measures.click_through_rate().map(|r| r * 100.0),
                })
                .collect(),
            top,
            bottom,
            underperformers: under,
        })
    }

    /// Writes a KPI reading (one per objective and day: a second one on the same day replaces it).
    pub fn save_kpi_reading(
        &mut self,
        id: i64,
        objective_id: i64,
        taken_on: &str,
        value: f64,
        note: &str,
    ) -> Result<Vec<KpiReading>> {
        let mut errors = Vec::new();
        if !crate::dates::is_day(taken_on) {
            errors.push(FieldError::new("taken_on", "invalid_date"));
        }
        if !value.is_finite() {
            errors.push(FieldError::new("value", "invalid_number"));
        }
        if !errors.is_empty() {
            return Err(CoreError::Validation(errors));
        }
        self.objective_of(id, objective_id)?;
        self.write(|tx| {
            crate::strategy::touch(tx, id)?;
            tx.execute(
                "INSERT INTO kpi_reading (objective_id, taken_on, value, note) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (objective_id, taken_on) DO UPDATE SET value = excluded.value, note = excluded.note",
                params![objective_id, taken_on, value, note.trim()],
            )?;
            Ok(())
        })?;
        readings_of(self.conn(), objective_id)
    }

    pub fn delete_kpi_reading(&mut self, id: i64, reading_id: i64) -> Result<()> {
        // Nothing is written (not even the strategy's date) when there is nothing to delete.
        self.write(|tx| {
            crate::strategy::touch(tx, id)?;
            let n = tx.execute(
                "DELETE FROM kpi_reading WHERE id = ?1 AND objective_id IN
                   (SELECT id FROM social_objective WHERE strategy_id = ?2)",
                params![reading_id, id],
            )?;
            if n == 0 {
                return Err(not_found("KPI reading", reading_id));
            }
            Ok(())
        })
    }

    fn objective_of(&self, id: i64, objective_id: i64) -> Result<()> {
        let found: bool = self.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM social_objective WHERE id = ?1 AND strategy_id = ?2)",
            params![objective_id, id],
            |r| r.get(0),
        )?;
        if found {
            Ok(())
        } else {
            Err(not_found("objective", objective_id))
        }
    }
}
