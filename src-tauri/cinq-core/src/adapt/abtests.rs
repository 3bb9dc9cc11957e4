//! Step 5's A/B tests: two or more variants of one message that differ in one thing (photo, title, text, time or
//! format), each a post of the calendar (or counts typed by hand), compared on a success metric with the statistics
//! of stats.rs.
//!
//! The rules, in one place:
//! - **Success metric**: click-through (clicks / impressions), engagement rate (engagements / impressions) or another
//!   ratio of two measures. A variant's counts are its post's latest snapshot; a variant with no post, or whose post
//!   has no results yet, uses the counts typed for it, if any. A variant with no counts has no data.
//! - **Verdict**: every variant is compared with the first (the control) by [`stats::compare_all`]; with fewer than
//!   two variants with data, the test waits for data. The test is **decided** when some comparison is significant.
//!   The **winner** is then the variant with the highest rate among those that significantly beat the control, or
//!   the control when none does (it significantly beat some variant).
//! - **Learning**: what a decided test taught, in the marketer's words. It shows when planning posts on the networks
//!   of the test's posts (on every network when the test has no post).
//! - **From the calendar**: a test can start from a post; the post becomes variant A and a copy of it variant B, on
//!   the same network, as a draft to be changed. Only the element tested should differ, and two posts of one network
//!   should not be published less than the calendar's collision gap apart ([`CheckOptions`]), so B is placed
//!   ([`place_variant_b`]):
//!   - when the time is tested, on A's day, at least two hours from A: two hours later, else two hours earlier, then
//!     three, four… hours either way, the first time with no other post of the network within the gap (two hours
//!     later, or earlier past midnight, when every time of the day has one);
//!   - otherwise in A's slot (same weekday and time) a week later, or the first of the next
//!     [`VARIANT_WEEKS`] weeks whose slot has no other post of the network within the gap (a week later when none is
//!     free);
//!   - an idea stays an idea.
//!
//!   The calendar's checks know the variants of one test are meant to run side by side: they never report two of
//!   them as colliding ([`VariantGroups`]).

use std::collections::HashMap;

use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::adapt::results::{all_results, Measures};
use crate::adapt::stats::{self, Comparison, Variant};
use crate::calendar::checks::CheckOptions;
use crate::calendar::{self, PostStatus};
use crate::check;
use crate::error::{CoreError, FieldError, Result};
use crate::findings::{text, Text};
use crate::store::{not_found, Store};

/// What the variants differ in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VariedElement {
    Photo,
    Title,
    Text,
    Time,
    Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SuccessMetric {
    /// Clicks / impressions.
    ClickThrough,
    /// Engagements / impressions.
    EngagementRate,
    /// `numerator / denominator`, two measures.
    Ratio,
}

/// A measure a ratio can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MeasureKey {
    Impressions,
    Reach,
    Reactions,
    Comments,
    Shares,
    Saves,
    Clicks,
    VideoViews,
    Follows,
    Leads,
    /// Reactions + comments + shares + saves.
    Engagements,
}

impl MeasureKey {
    pub fn of(self, m: &Measures) -> Option<u64> {
        match self {
            MeasureKey::Impressions => m.impressions,
            MeasureKey::Reach => m.reach,
            MeasureKey::Reactions => m.reactions,
            MeasureKey::Comments => m.comments,
            MeasureKey::Shares => m.shares,
            MeasureKey::Saves => m.saves,
            MeasureKey::Clicks => m.clicks,
            MeasureKey::VideoViews => m.video_views,
            MeasureKey::Follows => m.follows,
            MeasureKey::Leads => m.leads,
            MeasureKey::Engagements => m.engagements(),
        }
    }

    /// The name in the plural, in English and French.
    pub fn name(self) -> (&'static str, &'static str) {
        match self {
            MeasureKey::Impressions => ("impressions", "impressions"),
            MeasureKey::Reach => ("people reached", "personnes atteintes"),
            MeasureKey::Reactions => ("reactions", "réactions"),
            MeasureKey::Comments => ("comments", "commentaires"),
            MeasureKey::Shares => ("shares", "partages"),
            MeasureKey::Saves => ("saves", "enregistrements"),
            MeasureKey::Clicks => ("clicks", "clics"),
            MeasureKey::VideoViews => ("video views", "vues de vidéo"),
            MeasureKey::Follows => ("follows", "abonnements"),
            MeasureKey::Leads => ("leads", "leads"),
            MeasureKey::Engagements => ("engagements", "engagements"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AbVariantInput {
    pub label: String,
    #[ts(type = "number | null")]
    pub post_id: Option<i64>,
    /// Counts typed by hand, used when the post has no results (or there is no post).
    #[ts(type = "number | null")]
    pub successes: Option<u64>,
    #[ts(type = "number | null")]
    pub trials: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AbTestInput {
    pub name: String,
    pub hypothesis: String,
    pub varied: VariedElement,
    pub metric: SuccessMetric,
    /// For a ratio.
    pub numerator: Option<MeasureKey>,
    pub denominator: Option<MeasureKey>,
    pub variants: Vec<AbVariantInput>,
    pub learning: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AbStatus {
    /// Fewer than two variants have counts.
    WaitingForData,
    /// No comparison is significant yet.
    Running,
    Decided,
}

/// A variant's counts as the test uses them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AbVariantData {
    pub label: String,
    #[ts(type = "number | null")]
    pub post_id: Option<i64>,
    /// The post's title, network and slot, when there is a post.
    pub post_title: String,
    pub network: String,
    pub scheduled_at: Option<String>,
    /// Whether the counts come from the post's results (else typed, or none).
    pub from_results: bool,
    #[ts(type = "number | null")]
    pub successes: Option<u64>,
    #[ts(type = "number | null")]
    pub trials: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AbTest {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    #[ts(flatten)]
    pub data: AbTestInput,
    /// The variants as the test counts them (the input's `variants` say what was typed); named apart in JSON so that
    /// both cross the IPC.
    #[serde(rename = "variant_data")]
    #[ts(rename = "variant_data")]
    pub variants: Vec<AbVariantData>,
    pub comparisons: Vec<Comparison>,
    /// One sentence per comparison.
    pub verdicts: Vec<Text>,
    pub status: AbStatus,
    /// The winning variant's label, once decided.
    pub winner: Option<String>,
    /// The networks of its posts.
    pub networks: Vec<String>,
}

/// A decided test's learning, for the post editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Learning {
    #[ts(type = "number")]
    pub test_id: i64,
    pub name: String,
    pub learning: String,
    pub winner: String,
    pub networks: Vec<String>,
}

// ---------------------------------------------------------------------------------------------------------------
// Rules.

/// The most variants of a test (labelled A to Z).
pub const MAX_VARIANTS: usize = 26;

pub fn validate_test(t: &AbTestInput) -> Result<()> {
    let mut e = Vec::new();
    check::required(&mut e, "name", &t.name, 200);
    check::text(&mut e, "hypothesis", &t.hypothesis, 2000);
    check::text(&mut e, "learning", &t.learning, 2000);
    if t.metric == SuccessMetric::Ratio && (t.numerator.is_none() || t.denominator.is_none()) {
        e.push(FieldError::new("numerator", "required"));
    }
    if t.variants.len() < 2 {
        e.push(FieldError::new("variants", "too_few"));
    }
    if t.variants.len() > MAX_VARIANTS {
        e.push(FieldError::too_many("variants", MAX_VARIANTS));
    }
    let mut labels: Vec<String> = Vec::new();
    for (i, v) in t.variants.iter().enumerate() {
        let label = v.label.trim().to_lowercase();
        if label.is_empty() {
            e.push(FieldError::new(&format!("variants.{i}.label"), "required"));
        } else if labels.contains(&label) {
            e.push(FieldError::new(&format!("variants.{i}.label"), "taken"));
        }
        labels.push(label);
        if let (Some(s), Some(n)) = (v.successes, v.trials) {
            if s > n {
                e.push(FieldError::new(
                    &format!("variants.{i}.successes"),
                    "more_than_trials",
                ));
            }
        }
    }
    check::done(e)
}

/// `(successes, trials)` of measures under the test's metric.
fn counts(t: &AbTestInput, m: &Measures) -> Option<(u64, u64)> {
    let (num, den) = match t.metric {
        SuccessMetric::ClickThrough => (MeasureKey::Clicks, MeasureKey::Impressions),
        SuccessMetric::EngagementRate => (MeasureKey::Engagements, MeasureKey::Impressions),
        SuccessMetric::Ratio => (t.numerator?, t.denominator?),
    };
    let (s, n) = (num.of(m)?, den.of(m)?);
    (n > 0).then_some((s.min(n), n))
}

/// The trials' name for the verdict.
fn unit(t: &AbTestInput) -> Text {
    let den = match t.metric {
        SuccessMetric::Ratio => t.denominator.unwrap_or(MeasureKey::Impressions),
        _ => MeasureKey::Impressions,
    };
    let (en, fr) = den.name();
    text(en.to_owned(), fr.to_owned())
}

/// The verdict of a test given its variants' counts (see the module's rules).
pub fn judge(
    t: &AbTestInput,
    variants: &[AbVariantData],
) -> (Vec<Comparison>, Vec<Text>, AbStatus, Option<String>) {
    // Without the control's numbers there is nothing to compare with.
    if variants.first().map_or(true, |v| {
        v.successes.is_none() || v.trials.unwrap_or(0) == 0
    }) {
        return (Vec::new(), Vec::new(), AbStatus::WaitingForData, None);
    }
    let with_data: Vec<Variant> = variants
        .iter()
        .filter_map(|v| {
            Some(Variant::new(
                &v.label,
                v.successes?,
                v.trials.filter(|n| *n > 0)?,
            ))
        })
        .collect();
    if with_data.len() < 2 {
        return (Vec::new(), Vec::new(), AbStatus::WaitingForData, None);
    }
    let Ok(comparisons) = stats::compare_all(&with_data) else {
        return (Vec::new(), Vec::new(), AbStatus::WaitingForData, None);
    };
    let unit = unit(t);
    let verdicts = comparisons
        .iter()
        .map(|c| stats::verdict(c, &unit))
        .collect();
    let significant: Vec<&Comparison> = comparisons.iter().filter(|c| c.significant).collect();
    if significant.is_empty() {
        return (comparisons, verdicts, AbStatus::Running, None);
    }
    let winner = significant
        .iter()
        .filter(|c| c.difference > 0.0)
        .max_by(|a, b| a.variant_rate.total_cmp(&b.variant_rate))
        .map_or(with_data[0].name.clone(), |c| c.variant.name.clone());
    (comparisons, verdicts, AbStatus::Decided, Some(winner))
}

// ---------------------------------------------------------------------------------------------------------------
// Store.

fn json<T: Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| CoreError::Io(format!("cannot encode: {e}")))
}

fn clean(t: &AbTestInput) -> AbTestInput {
    AbTestInput {
        name: t.name.trim().to_owned(),
        hypothesis: t.hypothesis.trim().to_owned(),
        learning: t.learning.trim().to_owned(),
        variants: t
            .variants
            .iter()
            .map(|v| AbVariantInput {
                label: v.label.trim().to_owned(),
                ..v.clone()
            })
            .collect(),
        ..t.clone()
    }
}

/// The variants' posts must belong to the strategy.
fn check_posts(tx: &Transaction, id: i64, t: &AbTestInput) -> Result<()> {
    for (i, v) in t.variants.iter().enumerate() {
        if let Some(p) = v.post_id {
            let ok: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM post WHERE id = ?1 AND strategy_id = ?2)",
                params![p, id],
                |r| r.get(0),
            )?;
            if !ok {
                return Err(CoreError::Validation(vec![FieldError::new(
                    &format!("variants.{i}.post_id"),
                    "not_found",
                )]));
            }
        }
    }
    Ok(())
}

pub(crate) fn insert_test(tx: &Transaction, id: i64, t: &AbTestInput) -> Result<i64> {
    tx.execute(
        "INSERT INTO ab_test (strategy_id, data) VALUES (?1, ?2)",
        params![id, json(&clean(t))?],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Every test's stored input, by id.
pub(crate) fn test_inputs(conn: &rusqlite::Connection, id: i64) -> Result<Vec<(i64, AbTestInput)>> {
    let mut stmt =
        conn.prepare_cached("SELECT id, data FROM ab_test WHERE strategy_id = ?1 ORDER BY id")?;
    let rows = stmt.query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    let mut out = Vec::new();
    for r in rows {
        let (tid, data) = r?;
        if let Ok(t) = serde_json::from_str(&data) {
            out.push((tid, t));
        }
    }
    Ok(out)
}

/// How many weeks after A's the slot of variant B is looked for (see the module's rules).
pub const VARIANT_WEEKS: i64 = 8;

/// When variant B of a test started from a post published at `a` goes (see the module's rules): `taken` holds the
/// times of the network's other posts, `gap` the calendar's collision gap in minutes.
pub fn place_variant_b(
    a: chrono::NaiveDateTime,
    varied: VariedElement,
    taken: &[chrono::NaiveDateTime],
    gap: i64,
) -> chrono::NaiveDateTime {
    let free = |t: chrono::NaiveDateTime| taken.iter().all(|o| (*o - t).num_minutes().abs() >= gap);
    if varied == VariedElement::Time {
        let hours = |h: i64| a + chrono::Duration::hours(h);
        let same_day = |t: &chrono::NaiveDateTime| t.date() == a.date();
        return (2..24)
            .flat_map(|h| [hours(h), hours(-h)])
            .filter(same_day)
            .find(|t| free(*t))
            .unwrap_or_else(|| Some(hours(2)).filter(same_day).unwrap_or(hours(-2)));
    }
    let week = |w: i64| a + chrono::Duration::weeks(w);
    (1..=VARIANT_WEEKS)
        .map(week)
        .find(|t| free(*t))
        .unwrap_or(week(1))
}

pub use crate::calendar::checks::VariantGroups;

impl Store {
    /// Every A/B test of a strategy with its verdict, newest first.
    pub fn ab_tests(&self, id: i64) -> Result<Vec<AbTest>> {
        let inputs = test_inputs(self.conn(), id)?;
        if inputs.is_empty() {
            return Ok(Vec::new());
        }
        let results: HashMap<i64, Measures> = all_results(self.conn(), id)?
            .into_iter()
            .filter_map(|r| Some((r.post_id, *r.latest()?)))
            .collect();
        let (_, posts) = calendar::all_items(self.conn(), id)?;
        let posts: HashMap<i64, calendar::Post> = posts.into_iter().map(|p| (p.id, p)).collect();
        let mut tests: Vec<AbTest> = inputs
            .into_iter()
            .map(|(tid, data)| {
                let variants: Vec<AbVariantData> = data
                    .variants
                    .iter()
                    .map(|v| {
                        let post = v.post_id.and_then(|p| posts.get(&p));
                        let measured = v
                            .post_id
                            .and_then(|p| results.get(&p))
                            .and_then(|m| counts(&data, m));
                        let typed = v.successes.zip(v.trials);
                        let (s, n) = measured.or(typed).unzip();
                        AbVariantData {
                            label: v.label.clone(),
                            post_id: post.map(|p| p.id),
                            post_title: post.map_or(String::new(), |p| p.data.title.clone()),
                            network: post.map_or(String::new(), |p| p.data.network.clone()),
                            scheduled_at: post.and_then(|p| p.data.scheduled_at.clone()),
                            from_results: measured.is_some(),
                            successes: s,
                            trials: n,
                        }
                    })
                    .collect();
                let (comparisons, verdicts, status, winner) = judge(&data, &variants);
                let mut networks: Vec<String> = variants
                    .iter()
                    .filter(|v| !v.network.is_empty())
                    .map(|v| v.network.clone())
                    .collect();
                networks.sort();
                networks.dedup();
                AbTest {
                    id: tid,
                    data,
                    variants,
                    comparisons,
                    verdicts,
                    status,
                    winner,
                    networks,
                }
            })
            .collect();
        tests.reverse();
        Ok(tests)
    }

    pub fn ab_test(&self, id: i64, test_id: i64) -> Result<AbTest> {
        self.ab_tests(id)?
            .into_iter()
            .find(|t| t.id == test_id)
            .ok_or_else(|| not_found("A/B test", test_id))
    }

    /// Creates (`test_id` None) or replaces a test. Returns its id.
    pub fn save_ab_test(&mut self, id: i64, test_id: Option<i64>, t: &AbTestInput) -> Result<i64> {
        validate_test(t)?;
        self.write(|tx| {
            crate::strategy::touch(tx, id)?;
            check_posts(tx, id, t)?;
            match test_id {
                None => insert_test(tx, id, t),
                Some(tid) => {
                    let n = tx.execute(
                        "UPDATE ab_test SET data = ?3 WHERE id = ?1 AND strategy_id = ?2",
                        params![tid, id, json(&clean(t))?],
                    )?;
                    if n == 0 {
                        return Err(not_found("A/B test", tid));
                    }
                    Ok(tid)
                }
            }
        })
    }

    pub fn delete_ab_test(&mut self, id: i64, test_id: i64) -> Result<()> {
        // Nothing is written (not even the strategy's date) when there is nothing to delete.
        self.write(|tx| {
            crate::strategy::touch(tx, id)?;
            let n = tx.execute(
                "DELETE FROM ab_test WHERE id = ?1 AND strategy_id = ?2",
                params![test_id, id],
            )?;
            if n == 0 {
                return Err(not_found("A/B test", test_id));
            }
            Ok(())
        })
    }

    /// Starts a test from a post: the post is variant A, a copy of it variant B (see the module's rules). The test's
    /// name is in `language`, the one the user reads the app in.
    pub fn start_ab_test(
        &mut self,
        id: i64,
        post_id: i64,
        varied: VariedElement,
        language: crate::model::Language,
    ) -> Result<i64> {
        let post = self.post(id, post_id)?;
        if varied == VariedElement::Time && post.data.scheduled_at.is_none() {
            return Err(CoreError::Validation(vec![FieldError::new(
                "scheduled_at",
                "required",
            )]));
        }
        if let Some((_, t)) = test_inputs(self.conn(), id)?
            .into_iter()
            .find(|(_, t)| t.variants.iter().any(|v| v.post_id == Some(post_id)))
        {
            return Err(CoreError::Conflict(format!(
                "this post is already a variant of the A/B test \"{}\"",
                t.name
            )));
        }
        let french = language == crate::model::Language::Fr;
        let mut copy = post.data.clone();
        copy.status = copy.status.min(PostStatus::Draft);
        if let Some(a) = post
            .data
            .scheduled_at
            .as_deref()
            .and_then(calendar::parse_date_time)
        {
            let (_, posts) = calendar::all_items(self.conn(), id)?;
            let taken: Vec<chrono::NaiveDateTime> = posts
                .iter()
                .filter(|p| p.id != post_id && p.data.network == post.data.network)
                .filter_map(|p| {
                    p.data
                        .scheduled_at
                        .as_deref()
                        .and_then(calendar::parse_date_time)
                })
                .collect();
            let gap = i64::from(CheckOptions::default().collision_gap_minutes);
            copy.scheduled_at = Some(
                place_variant_b(a, varied, &taken, gap)
                    .format(calendar::DATE_TIME_FORMAT)
                    .to_string(),
            );
        }
        let title = if post.data.title.trim().is_empty() {
            format!("#{post_id}")
        } else {
            post.data.title.clone()
        };
        let name: String = if french {
            format!("Test A/B : {title}")
        } else {
            format!("A/B test: {title}")
        }
        .chars()
        .take(200)
        .collect();
        self.write(|tx| {
            crate::strategy::touch(tx, id)?;
            let b = calendar::insert_post(tx, id, &copy)?;
            insert_test(
                tx,
                id,
                &AbTestInput {
                    name,
                    hypothesis: String::new(),
                    varied,
                    metric: SuccessMetric::ClickThrough,
                    numerator: None,
                    denominator: None,
                    variants: vec![
                        AbVariantInput {
                            label: "A".into(),
                            post_id: Some(post_id),
                            successes: None,
                            trials: None,
                        },
                        AbVariantInput {
                            label: "B".into(),
                            post_id: Some(b),
                            successes: None,
                            trials: None,
                        },
                    ],
                    learning: String::new(),
                },
            )
        })
    }

    /// The learnings of the decided tests that apply to a post on `network` (see the module's rules).
    pub fn learnings_for(&self, id: i64, network: &str) -> Result<Vec<Learning>> {
        Ok(self
            .ab_tests(id)?
            .into_iter()
            .filter(|t| t.status == AbStatus::Decided && !t.data.learning.is_empty())
            .filter(|t| t.networks.is_empty() || t.networks.iter().any(|n| n == network))
            .map(|t| Learning {
                test_id: t.id,
                name: t.data.name,
                learning: t.data.learning,
                winner: t.winner.unwrap_or_default(),
                networks: t.networks,
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The calendar reads the variants' posts of a stored test without this module (`variant_posts`): it reads what
    /// the test's own type reads.
    #[test]
    fn the_calendar_reads_the_variants_of_every_stored_test() {
        let mut store = Store::open_in_memory().unwrap();
        let id = store.create_sample().unwrap().id;
        let tests = test_inputs(store.conn(), id).unwrap();
        assert!(tests.iter().any(|(_, t)| t
            .variants
            .iter()
            .filter(|v| v.post_id.is_some())
            .count()
            == 2));
        for (tid, t) in tests {
            let data: String = store
                .conn()
                .query_row("SELECT data FROM ab_test WHERE id = ?1", [tid], |r| {
                    r.get(0)
                })
                .unwrap();
            let posts: Vec<i64> = t.variants.iter().filter_map(|v| v.post_id).collect();
            assert_eq!(crate::calendar::checks::variant_posts(&data), Some(posts));
        }
    }
}
