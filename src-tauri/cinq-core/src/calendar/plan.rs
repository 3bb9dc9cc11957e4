//! Planning a period (step 4): the posts a period needs so that the calendar's checks ([`crate::calendar::checks`])
//! find nothing, each proposed with its reason (one line, English and French). The user accepts them, all or some,
//! as drafts marked `planned`, in one change ([`Store::accept_plan`]). [`plan`] is a pure function of the data: the
//! same data gives the same plan.
//!
//! The rules, in one place:
//! - **What is planned**: the kept networks whose mission sets posts per week (or those asked for; a blog or a
//!   newsletter is left to the editorial calendar, [`crate::calendar::editorial_channel`]), from the
//!   period's first day in 7-day blocks, as the frequency check judges it. Posts already in the period count toward
//!   every target (frequency, mix, topics, collisions) and are never moved or changed. Nothing is planned on an
//!   avoided day or before today.
//! - **How many**: per network, the whole number of posts over the whole blocks that is nearest to its posts per week
//!   and that the frequency check accepts (75 % to 150 % of the target on average), shared over the blocks by the
//!   running total (largest remainder: 0.5 a week is one post every other week); with a target of one a week or more,
//!   every block gets one. A last partial block gets its share of the target, rounded. Existing posts and relays fill
//!   their blocks first.
//! - **Editorial items** of the period (from today) are relayed on each planned network whose mission names
//!   promotion (or no pillar yet), unless a post (dated or not) already relays the item there: on the item's day, or
//!   the nearest free day of its block. A relay is a promotion post with the item's title and link.
//! - **When**: each block's posts go on the days that have the fewest posts on the network, then the best value of
//!   slot score × spread (the day's best free slot, as a share of the network's best, times its distance in days to
//!   the network's nearest post over 7 ÷ posts per week, at most 1), then the earliest; at that day's best slot at
//!   least [`CheckOptions::collision_gap_minutes`] from every post of the network; a day takes at most the posts per
//!   week ÷ 7 rounded up, plus one (two at least). Slots are the network's usual
//!   good hours ([`default_slots`], their source in its comment) and the slots its own results measure (step 5's
//!   best times, `adapt::planning::network_slots`: above the network's rate they go first, below it last); every other hour from
//!   7:00 to 22:00 is a last resort.
//! - **Pillars**: the whole period's pillar counts, strategy-wide, by largest remainder of the strategy's mix; each
//!   network first takes its own mix's counts (the strategy's when it has none), then moves posts into its mission's
//!   main pillars until at least half of them are; then single posts move between pillars on the networks that can
//!   spare them (a network with a mix of its own stays within tolerance, every mission keeps its half) until the
//!   strategy's counts are met, or, when whole counts cannot all be met, until its mix is within tolerance. A
//!   network's posts take their pillars in the order of a smooth weighted round-robin (weights 5, 1, 1 give
//!   a a b a c a a).
//! - **Topics**: in time order over every network, each post takes the topic of its pillar that does not make a run
//!   of `repeat_limit` on its network, then that does not take a dominant share of the period's posts with a topic
//!   once planned ([`topic_dominates`]), then that makes no two in a row, then the least used over the period, then
//!   the next in the pillar's rotation. A pillar with no topic is planned by pillar alone, and a note says so.
//! - **Objectives**: a post serves an objective of its network (one its mission serves or one that names the
//!   network; else one that names no network), the best fit for its pillar first (promotion: conversions, leads,
//!   traffic; curation: awareness, reputation, traffic; interaction: engagement, customer care, reputation), in
//!   turn among equals.
//! - **A planned post** is a draft named after its topic (else its pillar), with no text; a relay is named after its
//!   item. With recycling, a planned post may instead re-run a published post of its network with the same pillar
//!   and topic, published at least the cooldown ([`DEFAULT_COOLDOWN_DAYS`]) before and among the better half of the
//!   network's engagement rates, unless a post with the same text is within the cooldown of the new day (so a post
//!   is re-run at most once per cooldown); at most one planned post in [`RECYCLE_ONE_IN`] of a network (rounded up)
//!   is a re-run. The text is copied and the post records the
//!   original's day (`recycled_from`).
//! - **What it could not meet** is said in the notes, with why when the planner knows (a block with no day to plan, a
//!   target no whole number meets, a mission or a mix that cannot both hold, a pillar with one topic…), then each
//!   finding the checks still make on the planned period among those a plan must avoid (frequency, empty weeks, a
//!   topic repeated or dominant, mission fit, the mix, collisions, posts without an objective).

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::Audit;
use crate::calendar::checks::{calendar_checks, topic_dominates, CheckOptions};
use crate::calendar::{
    parse_date_time, Calendar, EditorialItem, Post, PostInput, PostStatus, DATE_TIME_FORMAT,
};
use crate::error::{CoreError, FieldError, Result};
use crate::findings::{join, text, FindingKind, Text};
use crate::objectives::{kept_networks, MixWeights, ObjectiveType, Objectives, Pillar};
use crate::store::Store;
use crate::words::figures;

/// The longest period a plan covers, in days (a leap year).
pub const MAX_PLAN_DAYS: i64 = 366;
/// A published post is re-run at most once in this many days, and only this many days after it was published.
pub const DEFAULT_COOLDOWN_DAYS: u32 = 60;
/// At most one planned post in this many (rounded up), per network, is a re-run.
pub const RECYCLE_ONE_IN: usize = 4;
/// How far outside the period the posts count, in days: for collisions (the gap is less than a day) and for the
/// spacing of posts (measured up to a week). Without re-runs, [`plan`] needs no more of the calendar than this.
pub const NEIGHBOUR_DAYS: i64 = 7;
/// The hours tried last on any day, when the slots are taken: 7:00 to 22:00.
const LAST_RESORT_HOURS: std::ops::RangeInclusive<u32> = 7..=22;

/// What the planner is asked, as the CLI and the app send it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlanRequest {
    /// The period, `YYYY-MM-DD`, inclusive.
    pub from: String,
    pub to: String,
    /// The networks to plan; none: every kept network whose mission sets posts per week.
    pub networks: Vec<String>,
    /// Days to leave empty, `YYYY-MM-DD`.
    pub avoid: Vec<String>,
    /// Re-run the networks' best published posts older than the cooldown.
    pub recycle: bool,
    /// The cooldown, in days ([`DEFAULT_COOLDOWN_DAYS`] when none).
    pub cooldown_days: Option<u32>,
}

/// The planner's options, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanOptions {
    /// The strategy's today: nothing is planned before it.
    pub today: NaiveDate,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The networks to plan; empty: every kept network whose mission sets posts per week.
    pub networks: Vec<String>,
    pub avoid: Vec<NaiveDate>,
    /// The cooldown in days when recycling, else none.
    pub recycle: Option<u32>,
    /// The checks' thresholds (the gap between two posts, the repeat limit, the mix's tolerance).
    pub checks: CheckOptions,
}

/// The kinds of finding a plan must leave none of (step 4's acceptance test).
pub const AVOIDED: [FindingKind; 9] = [
    FindingKind::FrequencyTooLow,
    FindingKind::FrequencyTooHigh,
    FindingKind::EmptyWeeks,
    FindingKind::TopicRepeated,
    FindingKind::TopicDominant,
    FindingKind::MissionMisfit,
    FindingKind::MixOffTarget,
    FindingKind::PostCollision,
    FindingKind::PostWithoutObjective,
];

fn field(name: &str, code: &str) -> CoreError {
    CoreError::Validation(vec![FieldError::new(name, code)])
}

/// A period that ends before it starts, or is longer than [`MAX_PLAN_DAYS`], is refused.
pub(crate) fn check_period(opts: &PlanOptions) -> Result<()> {
    if opts.to < opts.from {
        return Err(field("to", "before_from"));
    }
    if (opts.to - opts.from).num_days() + 1 > MAX_PLAN_DAYS {
        return Err(CoreError::Validation(vec![FieldError {
            max: Some(MAX_PLAN_DAYS),
            ..FieldError::new("to", "period_too_long")
        }]));
    }
    Ok(())
}

impl PlanRequest {
    /// The options, with the days read in their one form.
    pub fn options(&self, today: NaiveDate, checks: CheckOptions) -> Result<PlanOptions> {
        let mut errors = Vec::new();
        let from = crate::dates::parse_day(&self.from);
        let to = crate::dates::parse_day(&self.to);
        if from.is_none() {
            errors.push(FieldError::new("from", "invalid_date"));
        }
        if to.is_none() {
            errors.push(FieldError::new("to", "invalid_date"));
        }
        let avoid: Vec<NaiveDate> = self
            .avoid
            .iter()
            .filter_map(|d| crate::dates::parse_day(d))
            .collect();
        if avoid.len() != self.avoid.len() {
            errors.push(FieldError::new("avoid", "invalid_date"));
        }
        crate::check::done(errors)?;
        let (Some(from), Some(to)) = (from, to) else {
            unreachable!("checked above")
        };
        Ok(PlanOptions {
            today,
            from,
            to,
            networks: self.networks.clone(),
            avoid,
            recycle: self
                .recycle
                .then(|| self.cooldown_days.unwrap_or(DEFAULT_COOLDOWN_DAYS)),
            checks,
        })
    }
}

/// A post the planner proposes: a post as the calendar stores it, with why it is there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProposedPost {
    #[serde(flatten)]
    #[ts(flatten)]
    pub post: PostInput,
    /// One line: its slot, and its pillar (or the item it relays, the post it re-runs).
    pub reason: Text,
}

/// The planner's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Plan {
    /// The period, `YYYY-MM-DD`, inclusive.
    pub from: String,
    pub to: String,
    /// By date and time, then network.
    pub posts: Vec<ProposedPost>,
    /// What the plan could not meet and why, and the pillars planned without topics.
    pub notes: Vec<Text>,
}

// ---------------------------------------------------------------------------------------------------------------
// Slots.

/// What a slot's score rests on.
#[derive(Debug, Clone, PartialEq)]
pub enum SlotBasis {
    /// The network's own results: how many posts the slot's estimate rests on, and its engagement rate (percent).
    Measured { posts: u32, rate: f64 },
    /// A usual good hour for the network, from a published study (`source` names it).
    Usual { source: &'static str },
}

/// One weekday × hour of a network, in the strategy's time zone, with its score (compared within the network only:
/// higher is better).
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    pub weekday: Weekday,
    pub hour: u32,
    pub minute: u32,
    pub score: f64,
    pub basis: SlotBasis,
}

/// The usual good hours of a network, for as long as its own results are too few to tell its best times.
///
/// Source: Sprout Social's "Best times to post on social media" study of 2023 (engagements of some 34,000 customers'
/// profiles over a year; its hours hold in each profile's local time), as Social Media Today (2023-05-10), O'Dwyer's
/// (2023-06-07) and Sprout's own TikTok article (May 2023) report it:
/// - Facebook: Monday 8–13 h, Tuesday 8–14 h, Wednesday 8–13 h, Thursday 8–12 h;
/// - Instagram: Monday 10–12 h, Tuesday 9–13 h, Wednesday 10–13 h, Friday 9–11 h;
/// - X (Twitter): Tuesday to Friday 9–12 h;
/// - LinkedIn: Tuesday and Wednesday 10–12 h;
/// - TikTok: Tuesday 14–18 h, Wednesday 14–17 h, Thursday 15–17 h;
/// - Pinterest: afternoons (taken as weekdays 13–17 h);
/// - every other network (and the strategy's own): the study's overall best, Tuesday to Thursday 9–12 h.
///
/// Each whole hour of a window is a slot (a window "8–13 h" gives 8:00 to 12:00), the middle of the window first.
pub fn default_slots(network: &str) -> Vec<Slot> {
    use Weekday::*;
    const SOURCE: &str = "Sprout Social, 2023";
    let windows: &[(&[Weekday], u32, u32)] = match network {
        "facebook" => &[(&[Mon, Wed], 8, 13), (&[Tue], 8, 14), (&[Thu], 8, 12)],
        "instagram" => &[
            (&[Mon], 10, 12),
            (&[Tue], 9, 13),
            (&[Wed], 10, 13),
            (&[Fri], 9, 11),
        ],
        "x" => &[(&[Tue, Wed, Thu, Fri], 9, 12)],
        "linkedin" => &[(&[Tue, Wed], 10, 12)],
        "tiktok" => &[(&[Tue], 14, 18), (&[Wed], 14, 17), (&[Thu], 15, 17)],
        "pinterest" => &[(&[Mon, Tue, Wed, Thu, Fri], 13, 17)],
        _ => &[(&[Tue, Wed, Thu], 9, 12)],
    };
    let mut out = Vec::new();
    for (days, start, end) in windows {
        let middle = f64::from(start + end - 1) / 2.0;
        for day in *days {
            for hour in *start..*end {
                out.push(Slot {
                    weekday: *day,
                    hour,
                    minute: 0,
                    // 1 in the middle of the window, a little less towards its ends.
                    score: 1.0 - 0.01 * (f64::from(hour) - middle).abs(),
                    basis: SlotBasis::Usual { source: SOURCE },
                });
            }
        }
    }
    out
}

/// The inputs of [`plan`]: the calendar, step 3, the audit, each network's slots, and the engagement rate of each
/// published post with results (for re-runs).
pub struct PlanInput<'a> {
    /// The whole calendar, or at least the period with [`NEIGHBOUR_DAYS`] on each side, every idea, and every post
    /// that relays one of the period's editorial items (with re-runs: every post). Dated posts by date and time.
    pub calendar: &'a Calendar,
    pub objectives: &'a Objectives,
    pub audit: &'a Audit,
    /// A network's slots: its best times when it has enough results, else its [`default_slots`]. None: the defaults.
    pub slots: &'a dyn Fn(&str) -> Vec<Slot>,
    /// Engagement rate (0–1) by post id.
    pub rates: &'a HashMap<i64, f64>,
    /// The A/B tests' variants: two variants of one test never collide.
    pub variants: &'a crate::calendar::checks::VariantGroups,
}

// ---------------------------------------------------------------------------------------------------------------
// Texts.

fn weekday_name(d: Weekday) -> (&'static str, &'static str) {
    match d {
        Weekday::Mon => ("Monday", "Lundi"),
        Weekday::Tue => ("Tuesday", "Mardi"),
        Weekday::Wed => ("Wednesday", "Mercredi"),
        Weekday::Thu => ("Thursday", "Jeudi"),
        Weekday::Fri => ("Friday", "Vendredi"),
        Weekday::Sat => ("Saturday", "Samedi"),
        Weekday::Sun => ("Sunday", "Dimanche"),
    }
}

fn when(at: NaiveDateTime) -> (String, String) {
    let (en, fr) = weekday_name(at.weekday());
    let (h, m) = (at.hour(), at.minute());
    let fr_time = if m == 0 {
        format!("{h} h")
    } else {
        format!("{h} h {m:02}")
    };
    (format!("{en} {h:02}:{m:02}"), format!("{fr} {fr_time}"))
}

fn posts_count(n: u32) -> (String, String) {
    if n == 1 {
        ("1 post".into(), "1 publication".into())
    } else {
        (format!("{n} posts"), format!("{n} publications"))
    }
}

pub(crate) fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A title after a colon: its first letter in lower case.
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------------------------
// The planner.

/// Where a new post's time came from.
#[derive(Debug, Clone)]
enum Why {
    /// The slot at this index of the network's list, and its rank among the measured slots (1 = best).
    Slot(usize, usize),
    /// A last-resort hour.
    Free,
}

#[derive(Debug, Clone)]
enum Kind<'a> {
    Free,
    Relay(&'a EditorialItem),
}

#[derive(Debug, Clone)]
struct New<'a> {
    at: NaiveDateTime,
    kind: Kind<'a>,
    why: Why,
    pillar: Pillar,
    topic: Option<i64>,
    objective: Option<i64>,
    /// The published post it re-runs, and that post's engagement rate (0–1).
    rerun: Option<(&'a Post, f64)>,
}

/// A planned network.
struct Net<'a> {
    key: String,
    name: String,
    max_length: Option<u32>,
    target: f64,
    pillars: Vec<Pillar>,
    /// Its mix (its own, else the strategy's), and whether it is its own.
    mix: MixWeights,
    own_mix: bool,
    slots: Vec<Slot>,
    /// Each slot's rank among the measured ones (1 = best).
    ranks: Vec<usize>,
    /// Per weekday (Monday first): indexes into `slots`, best first.
    by_weekday: [Vec<usize>; 7],
    best_score: f64,
    /// Every dated post of the network, existing and planned, sorted.
    times: Vec<NaiveDateTime>,
    /// How many posts the network has each day (existing and planned).
    per_day: std::collections::BTreeMap<NaiveDate, usize>,
    /// The existing posts of the period with a pillar, per pillar (in [`Pillar::ALL`] order).
    existing: [usize; 3],
    new: Vec<New<'a>>,
}

impl Net<'_> {
    fn gap_ok(&self, at: NaiveDateTime, gap: i64) -> bool {
        let i = self.times.partition_point(|t| *t < at);
        let close = |t: &NaiveDateTime| (*t - at).num_minutes().abs() < gap;
        !(self.times.get(i).is_some_and(close) || i > 0 && close(&self.times[i - 1]))
    }

    /// The best free time on `day`, and why.
    fn free_time(&self, day: NaiveDate, gap: i64) -> Option<(NaiveDateTime, Why, f64)> {
        let w = day.weekday().num_days_from_monday() as usize;
        for &i in &self.by_weekday[w] {
            let s = &self.slots[i];
            let Some(t) = NaiveTime::from_hms_opt(s.hour, s.minute, 0) else {
                continue;
            };
            let at = day.and_time(t);
            if self.gap_ok(at, gap) {
                return Some((at, Why::Slot(i, self.ranks[i]), s.score));
            }
        }
        for h in LAST_RESORT_HOURS {
            let at = day.and_hms_opt(h, 0, 0)?;
            if self.gap_ok(at, gap) {
                return Some((at, Why::Free, 0.0));
            }
        }
        None
    }

    fn place(&mut self, at: NaiveDateTime) {
        let i = self.times.partition_point(|t| *t <= at);
        self.times.insert(i, at);
        *self.per_day.entry(at.date()).or_default() += 1;
    }

    /// Days to the nearest day with a post, if any.
    fn distance(&self, day: NaiveDate) -> Option<i64> {
        let after = self
            .per_day
            .range(day..)
            .next()
            .map(|(d, _)| (*d - day).num_days());
        let before = self
            .per_day
            .range(..day)
            .next_back()
            .map(|(d, _)| (day - *d).num_days());
        match (after, before) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

fn pillar_index(p: Pillar) -> usize {
    Pillar::ALL.iter().position(|x| *x == p).unwrap_or(0)
}

/// `total` shared by `weights` (whole numbers, largest remainder; ties go to the earlier pillar).
fn apportion(total: usize, w: MixWeights) -> [usize; 3] {
    let sum: u32 = Pillar::ALL.iter().map(|p| w.of(*p)).sum();
    let w = if sum == 0 { MixWeights::DEFAULT } else { w };
    let sum = f64::from(Pillar::ALL.iter().map(|p| w.of(*p)).sum::<u32>());
    let quotas: Vec<f64> = Pillar::ALL
        .iter()
        .map(|p| total as f64 * f64::from(w.of(*p)) / sum)
        .collect();
    let mut out = [0usize; 3];
    for (i, q) in quotas.iter().enumerate() {
        out[i] = q.floor() as usize;
    }
    let mut order: Vec<usize> = (0..3).collect();
    order.sort_by(|a, b| {
        let (ra, rb) = (
            quotas[*a] - quotas[*a].floor(),
            quotas[*b] - quotas[*b].floor(),
        );
        rb.partial_cmp(&ra)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.cmp(b))
    });
    let mut left = total - out.iter().sum::<usize>();
    for i in order {
        if left == 0 {
            break;
        }
        out[i] += 1;
        left -= 1;
    }
    out
}

/// The pillars of `n` posts in smooth weighted round-robin order over `counts` (exactly `counts[i]` of each).
fn round_robin(counts: [usize; 3]) -> Vec<Pillar> {
    let total: i64 = counts.iter().map(|c| *c as i64).sum();
    let mut current = [0i64; 3];
    let mut out = Vec::with_capacity(total as usize);
    for _ in 0..total {
        for i in 0..3 {
            current[i] += counts[i] as i64;
        }
        let mut best = 0;
        for i in 1..3 {
            if current[i] > current[best] {
                best = i;
            }
        }
        current[best] -= total;
        out.push(Pillar::ALL[best]);
    }
    out
}

/// How well an objective's type fits a pillar: 0 best.
fn affinity(t: ObjectiveType, p: Pillar) -> u8 {
    use ObjectiveType::*;
    match (p, t) {
        (Pillar::Promotion, Conversions | Leads | Traffic) => 0,
        (Pillar::Curation, Awareness | Reputation | Traffic) => 0,
        (Pillar::Interaction, Engagement | CustomerCare | Reputation) => 0,
        (Pillar::Promotion, Awareness) | (Pillar::Interaction, Awareness) => 1,
        (Pillar::Curation, Engagement) => 1,
        _ => 2,
    }
}

/// The whole number of posts over `weeks` whole weeks nearest to `target` a week that the frequency check accepts,
/// and whether one exists.
fn whole_target(target: f64, weeks: usize) -> (usize, bool) {
    let ideal = target * weeks as f64;
    let (lo, hi) = (0.75 * ideal, 1.5 * ideal);
    let eps = 1e-9;
    let first = (lo - eps).ceil().max(0.0) as usize;
    let last = (hi + eps).floor() as usize;
    if first > last {
        return (ideal.round() as usize, false);
    }
    let mut best = first;
    for n in first..=last {
        if (n as f64 - ideal).abs() < (best as f64 - ideal).abs() - eps {
            best = n;
        }
    }
    // Half-way: the larger.
    if best < last && ((best + 1) as f64 - ideal).abs() <= (best as f64 - ideal).abs() + eps {
        best += 1;
    }
    (best, true)
}

/// The planned posts of a period: see the module comment for the rules. Bad input (a period that ends before it
/// starts or is longer than [`MAX_PLAN_DAYS`], no mission that sets posts per week, a network that cannot be
/// planned) is an error and plans nothing.
pub fn plan(input: &PlanInput, opts: &PlanOptions) -> Result<Plan> {
    let PlanInput {
        calendar: cal,
        objectives: obj,
        audit,
        slots,
        rates,
        variants,
    } = *input;
    check_period(opts)?;
    let days = (opts.to - opts.from).num_days() + 1;
    let kept = kept_networks(audit);
    let with_target: Vec<&crate::objectives::Mission> = obj
        .missions
        .iter()
        .filter(|m| kept.contains(&m.network) && m.posts_per_week.is_some_and(|t| t > 0.0))
        .collect();
    if with_target.is_empty() {
        return Err(field("missions", "no_posts_per_week"));
    }
    if opts
        .networks
        .iter()
        .any(|n| !with_target.iter().any(|m| &m.network == n))
    {
        return Err(field("networks", "not_planned"));
    }
    let gap = i64::from(opts.checks.collision_gap_minutes);
    let name_of = |key: &str| -> String {
        audit
            .networks
            .iter()
            .find(|n| n.key == key)
            .map_or_else(|| key.to_owned(), |n| n.name.clone())
    };
    let mut notes: Vec<Text> = Vec::new();
    if opts.networks.is_empty() {
        for k in &kept {
            if !with_target.iter().any(|m| &m.network == k) {
                let n = name_of(k);
                notes.push(text(
                    format!("Nothing planned on {n}: step 3 sets it no posts per week."),
                    format!("Rien de prévu sur {n} : l’étape 3 ne lui fixe pas de publications par semaine."),
                ));
            }
        }
    }

    let in_period = |d: NaiveDate| d >= opts.from && d <= opts.to;
    let day_of = |p: &Post| p.data.scheduled_at.as_deref().and_then(parse_date_time);
    let period_posts: Vec<&Post> = cal
        .posts
        .iter()
        .filter(|p| day_of(p).is_some_and(|t| in_period(t.date())))
        .collect();
    let avoided: BTreeSet<NaiveDate> = opts.avoid.iter().copied().collect();
    let plannable = |d: NaiveDate| in_period(d) && d >= opts.today && !avoided.contains(&d);

    // The blocks: 7-day blocks from the first day; the last may be partial.
    let whole = (days / 7) as usize;
    let partial = days % 7;
    let blocks = whole + usize::from(partial > 0);
    let block_of = |d: NaiveDate| ((d - opts.from).num_days() / 7) as usize;
    let block_days = |b: usize| -> Vec<NaiveDate> {
        let start = opts.from + Duration::days(b as i64 * 7);
        (0..7)
            .map(|i| start + Duration::days(i))
            .filter(|d| *d <= opts.to)
            .collect()
    };

    // The planned networks, in the missions' order.
    let mut nets: Vec<Net> = Vec::new();
    for m in &with_target {
        if !opts.networks.is_empty() && !opts.networks.contains(&m.network) {
            continue;
        }
        // A blog or a newsletter publishes editorial items, which the planner does not write: the checks' notes say
        // what its pace still needs.
        if crate::calendar::editorial_channel(&m.network).is_some() {
            continue;
        }
        let key = m.network.clone();
        let mut list = slots(&key);
        list.retain(|s| s.hour < 24 && s.minute < 60 && s.score.is_finite());
        if list.is_empty() {
            list = default_slots(&key);
        }
        let mut by_weekday: [Vec<usize>; 7] = Default::default();
        for (i, s) in list.iter().enumerate() {
            by_weekday[s.weekday.num_days_from_monday() as usize].push(i);
        }
        for v in &mut by_weekday {
            v.sort_by(|a, b| {
                list[*b]
                    .score
                    .partial_cmp(&list[*a].score)
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then((list[*a].hour, list[*a].minute).cmp(&(list[*b].hour, list[*b].minute)))
            });
        }
        let ranks: Vec<usize> = list
            .iter()
            .map(|s| {
                1 + list
                    .iter()
                    .filter(|o| matches!(o.basis, SlotBasis::Measured { .. }) && o.score > s.score)
                    .count()
            })
            .collect();
        let best_score = list
            .iter()
            .map(|s| s.score)
            .fold(f64::MIN, f64::max)
            .max(f64::MIN_POSITIVE);
        let mut times: Vec<NaiveDateTime> = cal
            .posts
            .iter()
            .filter(|p| p.data.network == key)
            .filter_map(day_of)
            .collect();
        times.sort();
        let mut per_day = std::collections::BTreeMap::new();
        for t in &times {
            *per_day.entry(t.date()).or_insert(0usize) += 1;
        }
        let mut existing = [0usize; 3];
        for p in period_posts.iter().filter(|p| p.data.network == key) {
            if let Some(pl) = p.data.pillar {
                existing[pillar_index(pl)] += 1;
            }
        }
        let own_mix = obj.mix.networks.iter().any(|n| n.network == key);
        nets.push(Net {
            name: name_of(&key),
            max_length: audit
                .networks
                .iter()
                .find(|n| n.key == key)
                .and_then(|n| n.max_length),
            target: m.posts_per_week.unwrap_or_default(),
            pillars: m.pillars.clone(),
            mix: obj.mix.for_network(&key),
            own_mix,
            slots: list,
            ranks,
            by_weekday,
            best_score,
            times,
            per_day,
            existing,
            new: Vec::new(),
            key,
        });
    }

    // Relays of the period's editorial items.
    for net in &mut nets {
        if !(net.pillars.is_empty() || net.pillars.contains(&Pillar::Promotion)) {
            continue;
        }
        for item in &cal.editorial {
            let Some(day) = crate::dates::parse_day(&item.data.date) else {
                continue;
            };
            if !in_period(day) || day < opts.today {
                continue;
            }
            let relayed =
                cal.posts.iter().chain(&cal.ideas).any(|p| {
                    p.data.editorial_item_id == Some(item.id) && p.data.network == net.key
                });
            if relayed {
                continue;
            }
            // The item's day, else the nearest plannable day of its block (later first).
            let b = block_of(day);
            let mut candidates: Vec<NaiveDate> = block_days(b);
            candidates.sort_by_key(|d| ((*d - day).num_days().abs(), *d < day));
            let spot = candidates
                .into_iter()
                .filter(|d| plannable(*d))
                .find_map(|d| net.free_time(d, gap));
            match spot {
                Some((at, why, _)) => {
                    net.place(at);
                    net.new.push(New {
                        at,
                        kind: Kind::Relay(item),
                        why,
                        pillar: Pillar::Promotion,
                        topic: None,
                        objective: None,
                        rerun: None,
                    });
                }
                None => notes.push(text(
                    format!(
                        "“{}” is not relayed on {}: no day of its week can take a post (avoided days, or before today).",
                        item.data.title, net.name
                    ),
                    format!(
                        "« {} » n’est pas relayé sur {} : aucun jour de sa semaine ne peut recevoir de publication \
                         (jours évités, ou passés).",
                        item.data.title, net.name
                    ),
                )),
            }
        }
    }

    // How many posts each block gets, then when.
    for net in &mut nets {
        let t = net.target;
        let day_cap = ((t / 7.0).ceil() as usize + 1).max(2);
        let mut filled = vec![0usize; blocks];
        for time in &net.times {
            let d = time.date();
            if in_period(d) {
                filled[block_of(d)] += 1;
            }
        }
        // What each block's plannable days can still take.
        let room: Vec<usize> = (0..blocks)
            .map(|b| {
                block_days(b)
                    .into_iter()
                    .filter(|d| plannable(*d))
                    .map(|d| day_cap.saturating_sub(net.per_day.get(&d).copied().unwrap_or(0)))
                    .sum()
            })
            .collect();
        let mut need = vec![0usize; blocks];
        let has_room = |b: usize, _: &[usize], need: &[usize]| need[b] < room[b];
        if whole > 0 {
            let (n, possible) = whole_target(t, whole);
            if !possible {
                let (t_en, t_fr) = figures(t);
                let (w_en, w_fr) = if whole == 1 {
                    ("one week".to_owned(), "une semaine".to_owned())
                } else {
                    (format!("{whole} weeks"), format!("{whole} semaines"))
                };
                notes.push(text(
                    format!(
                        "On {}, no whole number of posts over {w_en} is within 75–150 % of {t_en} a week: the \
                         frequency check cannot be met on this period.",
                        net.name
                    ),
                    format!(
                        "Sur {}, aucun nombre entier de publications sur {w_fr} n’est entre 75 et 150 % de {t_fr} \
                         par semaine : la fréquence ne peut pas être tenue sur cette période.",
                        net.name
                    ),
                ));
            }
            // The running total shares n over the whole blocks (ceil: the first block gets one first).
            let ideal: Vec<usize> = (0..whole)
                .map(|i| (n * (i + 1)).div_ceil(whole) - (n * i).div_ceil(whole))
                .collect();
            if t >= 1.0 {
                for b in 0..whole {
                    if filled[b] == 0 && has_room(b, &filled, &need) {
                        need[b] = 1;
                    }
                }
            }
            let mut left = n.saturating_sub((0..whole).map(|b| filled[b] + need[b]).sum::<usize>());
            while left > 0 {
                let pick = (0..whole)
                    .filter(|b| has_room(*b, &filled, &need))
                    .max_by(|a, b| {
                        let da = ideal[*a] as i64 - (filled[*a] + need[*a]) as i64;
                        let db = ideal[*b] as i64 - (filled[*b] + need[*b]) as i64;
                        da.cmp(&db)
                            .then((filled[*b] + need[*b]).cmp(&(filled[*a] + need[*a])))
                            .then(b.cmp(a))
                    });
                let Some(b) = pick else { break };
                need[b] += 1;
                left -= 1;
            }
            let empty: Vec<String> = (0..whole)
                .filter(|b| t >= 1.0 && filled[*b] + need[*b] == 0)
                .map(|b| iso(opts.from + Duration::days(b as i64 * 7)))
                .collect();
            if !empty.is_empty() {
                let (weeks_en, weeks_fr) = if empty.len() == 1 {
                    ("the week", "la semaine")
                } else {
                    ("the weeks", "les semaines")
                };
                notes.push(text(
                    format!(
                        "On {}, no day can take a post in {weeks_en} starting {} (avoided days, or before today).",
                        net.name,
                        join(&empty, "and")
                    ),
                    format!(
                        "Sur {}, aucun jour ne peut recevoir de publication {weeks_fr} commençant le {} (jours \
                         évités, ou passés).",
                        net.name,
                        join(&empty, "et")
                    ),
                ));
            }
        }
        if partial > 0 {
            let b = blocks - 1;
            let share = (t * partial as f64 / 7.0).round() as usize;
            let mut want = share.saturating_sub(filled[b]);
            while want > 0 && has_room(b, &filled, &need) {
                need[b] += 1;
                want -= 1;
            }
        }

        // When: block by block.
        let ideal_gap = (7.0 / t).clamp(1.0, 7.0);
        let mut unplaced = 0usize;
        for (b, n) in need.iter().enumerate() {
            for _ in 0..*n {
                let mut best: Option<(NaiveDate, NaiveDateTime, Why, (usize, f64))> = None;
                for d in block_days(b).into_iter().filter(|d| plannable(*d)) {
                    let count = net.per_day.get(&d).copied().unwrap_or(0);
                    if count >= day_cap {
                        continue;
                    }
                    let Some((at, why, score)) = net.free_time(d, gap) else {
                        continue;
                    };
                    let quality = (score / net.best_score).clamp(0.05, 1.0);
                    let spread = net
                        .distance(d)
                        .map_or(1.0, |x| (x as f64 / ideal_gap).min(1.0));
                    let value = quality * spread;
                    let better = match &best {
                        None => true,
                        Some((_, _, _, (c, v))) => count < *c || count == *c && value > *v + 1e-12,
                    };
                    if better {
                        best = Some((d, at, why, (count, value)));
                    }
                }
                match best {
                    Some((_, at, why, _)) => {
                        net.place(at);
                        net.new.push(New {
                            at,
                            kind: Kind::Free,
                            why,
                            pillar: Pillar::Promotion,
                            topic: None,
                            objective: None,
                            rerun: None,
                        });
                    }
                    None => unplaced += 1,
                }
            }
        }
        if unplaced > 0 {
            let (p_en, p_fr) = posts_count(unplaced as u32);
            let (found_en, found_fr) = if unplaced == 1 {
                ("finds", "ne trouve")
            } else {
                ("find", "ne trouvent")
            };
            notes.push(text(
                format!(
                    "On {}, {p_en} more {found_en} no free time ({gap} minutes apart from the others at least, \
                     between {}:00 and {}:00, on the days that can take them).",
                    net.name,
                    LAST_RESORT_HOURS.start(),
                    LAST_RESORT_HOURS.end()
                ),
                format!(
                    "Sur {}, {p_fr} de plus {found_fr} pas d’heure libre (à au moins {gap} minutes des autres, \
                     entre {} h et {} h, les jours qui peuvent en recevoir).",
                    net.name,
                    LAST_RESORT_HOURS.start(),
                    LAST_RESORT_HOURS.end()
                ),
            ));
        }
        net.new.sort_by_key(|n| n.at);
    }

    assign_pillars(&mut nets, &period_posts, obj, opts, &mut notes);
    assign_topics(&mut nets, &period_posts, cal, obj, rates, opts, &mut notes);
    assign_objectives(&mut nets, obj, &mut notes);

    // The proposed posts.
    let mut posts: Vec<(NaiveDateTime, usize, ProposedPost)> = Vec::new();
    for (order, net) in nets.iter().enumerate() {
        for n in &net.new {
            posts.push((n.at, order, proposed(net, n, obj)));
        }
    }
    posts.sort_by_key(|p| (p.0, p.1));
    let posts: Vec<ProposedPost> = posts.into_iter().map(|(_, _, p)| p).collect();

    // What the checks still find on the planned period.
    let mut planned = Calendar {
        editorial: cal
            .editorial
            .iter()
            .filter(|e| crate::dates::parse_day(&e.data.date).is_some_and(in_period))
            .cloned()
            .collect(),
        posts: period_posts.iter().map(|p| (*p).clone()).collect(),
        ideas: cal.ideas.clone(),
    };
    for (i, p) in posts.iter().enumerate() {
        planned.posts.push(Post {
            id: i64::MAX - posts.len() as i64 + i as i64,
            data: p.post.clone(),
        });
    }
    planned
        .posts
        .sort_by(|a, b| (&a.data.scheduled_at, a.id).cmp(&(&b.data.scheduled_at, b.id)));
    let checks = calendar_checks(
        &planned,
        obj,
        audit,
        &opts.checks,
        variants,
        opts.from,
        opts.to,
    );
    let mut kinds: Vec<FindingKind> = Vec::new();
    for f in &checks.findings {
        if AVOIDED.contains(&f.finding.kind) && !kinds.contains(&f.finding.kind) {
            kinds.push(f.finding.kind);
        }
    }
    // One note per kind, naming three findings at most.
    for kind in kinds {
        let found: Vec<&Text> = checks
            .findings
            .iter()
            .filter(|f| f.finding.kind == kind)
            .map(|f| &f.finding.title)
            .collect();
        let listed = |fr: bool| -> String {
            let mut parts: Vec<String> = found
                .iter()
                .take(3)
                .map(|t| lower_first(if fr { &t.fr } else { &t.en }))
                .collect();
            let more = found.len().saturating_sub(3);
            if more > 0 {
                parts.push(match (fr, more) {
                    (true, 1) => "une autre du même genre".to_owned(),
                    (true, _) => format!("{more} autres du même genre"),
                    (false, 1) => "one more of this kind".to_owned(),
                    (false, _) => format!("{more} more of this kind"),
                });
            }
            join(&parts, if fr { "et" } else { "and" })
        };
        notes.push(text(
            format!("Still found on the planned period: {}.", listed(false)),
            format!("Encore relevé sur la période planifiée : {}.", listed(true)),
        ));
    }

    Ok(Plan {
        from: iso(opts.from),
        to: iso(opts.to),
        posts,
        notes,
    })
}

/// The pillars of the new posts (relays are promotion): see the module comment.
fn assign_pillars(
    nets: &mut [Net],
    period_posts: &[&Post],
    obj: &Objectives,
    opts: &PlanOptions,
    notes: &mut Vec<Text>,
) {
    let tolerance = f64::from(opts.checks.mix_tolerance);
    // Fixed counts per network (existing posts with a pillar, relays), and the free posts to share.
    let fixed: Vec<[usize; 3]> = nets
        .iter()
        .map(|n| {
            let mut f = n.existing;
            f[0] += n
                .new
                .iter()
                .filter(|x| matches!(x.kind, Kind::Relay(_)))
                .count();
            f
        })
        .collect();
    let free: Vec<usize> = nets
        .iter()
        .map(|n| {
            n.new
                .iter()
                .filter(|x| matches!(x.kind, Kind::Free))
                .count()
        })
        .collect();
    let mut other = [0usize; 3];
    for p in period_posts {
        if nets.iter().any(|n| n.key == p.data.network) {
            continue;
        }
        if let Some(pl) = p.data.pillar {
            other[pillar_index(pl)] += 1;
        }
    }
    let mission = |k: usize, i: usize| nets[k].pillars.contains(&Pillar::ALL[i]);
    let fits = |k: usize, x: &[usize; 3]| -> (usize, usize) {
        let total: usize = (0..3).map(|i| fixed[k][i] + x[i]).sum();
        let fit: usize = (0..3)
            .filter(|i| mission(k, *i))
            .map(|i| fixed[k][i] + x[i])
            .sum();
        (fit, total)
    };
    let needs_fit = |k: usize| !nets[k].pillars.is_empty() && nets[k].pillars.len() < 3;

    // Each network: its mix's counts, then its mission's half.
    let mut x: Vec<[usize; 3]> = Vec::with_capacity(nets.len());
    let mut leaned = vec![false; nets.len()];
    for k in 0..nets.len() {
        let total: usize = fixed[k].iter().sum::<usize>() + free[k];
        let want = apportion(total, nets[k].mix);
        let mut xs = [0usize; 3];
        for i in 0..3 {
            xs[i] = want[i].saturating_sub(fixed[k][i]);
        }
        while xs.iter().sum::<usize>() > free[k] {
            // Take from the pillar most over its share.
            let i = (0..3)
                .filter(|i| xs[*i] > 0)
                .max_by_key(|i| ((fixed[k][*i] + xs[*i]) as i64 - want[*i] as i64, 3 - *i))
                .unwrap_or(0);
            xs[i] -= 1;
        }
        while xs.iter().sum::<usize>() < free[k] {
            let i = (0..3)
                .max_by_key(|i| (want[*i] as i64 - (fixed[k][*i] + xs[*i]) as i64, 3 - *i))
                .unwrap_or(0);
            xs[i] += 1;
        }
        if needs_fit(k) {
            loop {
                let (fit, total) = fits(k, &xs);
                if 2 * fit >= total {
                    break;
                }
                let from = (0..3)
                    .filter(|i| !mission(k, *i) && xs[*i] > 0)
                    .max_by_key(|i| ((fixed[k][*i] + xs[*i]) as i64 - want[*i] as i64, 3 - *i));
                let to = (0..3)
                    .filter(|i| mission(k, *i))
                    .max_by_key(|i| (want[*i] as i64 - (fixed[k][*i] + xs[*i]) as i64, 3 - *i));
                let (Some(f), Some(t)) = (from, to) else {
                    break;
                };
                xs[f] -= 1;
                xs[t] += 1;
                leaned[k] = true;
            }
            let (fit, total) = fits(k, &xs);
            if 2 * fit < total && total >= 4 {
                let n = &nets[k].name;
                notes.push(text(
                    format!(
                        "On {n}, fewer than half of the posts can be in its mission's pillars: the posts already there \
                         are mostly in others."
                    ),
                    format!(
                        "Sur {n}, moins de la moitié des publications peuvent être dans les piliers de sa mission : \
                         celles qui y sont déjà relèvent surtout d’autres piliers."
                    ),
                ));
            }
        }
        x.push(xs);
    }

    // The strategy's counts.
    let grand: usize = (0..nets.len())
        .map(|k| fixed[k].iter().sum::<usize>() + free[k])
        .sum::<usize>()
        + other.iter().sum::<usize>();
    let goal = apportion(grand, obj.mix.strategy);
    let share = |k: usize, xs: &[usize; 3], i: usize| -> f64 {
        let total: usize = (0..3).map(|j| fixed[k][j] + xs[j]).sum();
        if total == 0 {
            0.0
        } else {
            (fixed[k][i] + xs[i]) as f64 * 100.0 / total as f64
        }
    };
    // A network's counts with one post moved from pillar `p` to `q`, if the move keeps its mission's half (or does not
    // take it further away) and its own mix within tolerance.
    let move_one = |k: usize, xs: &[usize; 3], p: usize, q: usize| -> Option<[usize; 3]> {
        let mut after = *xs;
        after[p] -= 1;
        after[q] += 1;
        if needs_fit(k) {
            let (fit, total) = fits(k, &after);
            let (fit0, _) = fits(k, xs);
            if 2 * fit < total && fit < fit0 {
                return None;
            }
        }
        let off_own = nets[k].own_mix
            && Pillar::ALL.iter().enumerate().any(|(i, pl)| {
                (share(k, &after, i) - f64::from(nets[k].mix.of(*pl))).abs() > tolerance
            });
        (!off_own).then_some(after)
    };
    loop {
        let sums: [i64; 3] = std::array::from_fn(|i| {
            (0..nets.len())
                .map(|k| (fixed[k][i] + x[k][i]) as i64)
                .sum::<i64>()
                + other[i] as i64
                - goal[i] as i64
        });
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for p in 0..3 {
            for q in 0..3 {
                if sums[p] > 0 && sums[q] < 0 {
                    pairs.push((p, q));
                }
            }
        }
        pairs.sort_by_key(|(p, q)| (-(sums[*p] - sums[*q]), *p, *q));
        let mut moved = false;
        for (p, q) in pairs {
            let mut best: Option<(usize, f64)> = None;
            for k in 0..nets.len() {
                if x[k][p] == 0 {
                    continue;
                }
                if move_one(k, &x[k], p, q).is_none() {
                    continue;
                }
                let w = nets[k].mix;
                let lean = (share(k, &x[k], p) - f64::from(w.of(Pillar::ALL[p])))
                    - (share(k, &x[k], q) - f64::from(w.of(Pillar::ALL[q])));
                if best.map_or(true, |(_, l)| lean > l + 1e-12) {
                    best = Some((k, lean));
                }
            }
            if let Some((k, _)) = best {
                x[k][p] -= 1;
                x[k][q] += 1;
                moved = true;
                break;
            }
        }
        if !moved {
            break;
        }
    }
    // Whole counts cannot always all be met (a network of 7 posts with a mix of its own cannot also take the
    // strategy's counts): then single moves that bring the strategy's mix within tolerance, as the checks judge it,
    // each network keeping its mission's half and its own mix, the move that gains the most first.
    let excess = |x: &[[usize; 3]]| -> f64 {
        if grand < crate::calendar::checks::MIX_MIN_POSTS {
            return 0.0;
        }
        (0..3)
            .map(|i| {
                let count: usize = (0..nets.len())
                    .map(|k| fixed[k][i] + x[k][i])
                    .sum::<usize>()
                    + other[i];
                let share = count as f64 * 100.0 / grand as f64;
                ((share - f64::from(obj.mix.strategy.of(Pillar::ALL[i]))).abs() - tolerance)
                    .max(0.0)
            })
            .sum()
    };
    loop {
        let now = excess(&x);
        if now <= 0.0 {
            break;
        }
        let mut best: Option<(f64, usize, usize, usize)> = None;
        for k in 0..nets.len() {
            for p in 0..3 {
                for q in 0..3 {
                    if p == q || x[k][p] == 0 {
                        continue;
                    }
                    let Some(after) = move_one(k, &x[k], p, q) else {
                        continue;
                    };
                    let mut y = x.clone();
                    y[k] = after;
                    let e = excess(&y);
                    if e < now - 1e-9 && best.map_or(true, |(b, ..)| e < b - 1e-9) {
                        best = Some((e, k, p, q));
                    }
                }
            }
        }
        let Some((_, k, p, q)) = best else {
            break;
        };
        x[k][p] -= 1;
        x[k][q] += 1;
    }

    // What the strategy's mix gets, and why when it misses.
    if grand >= crate::calendar::checks::MIX_MIN_POSTS {
        let off: Vec<usize> = (0..3)
            .filter(|i| {
                let count: usize = (0..nets.len())
                    .map(|k| fixed[k][*i] + x[k][*i])
                    .sum::<usize>()
                    + other[*i];
                let share = count as f64 * 100.0 / grand as f64;
                (share - f64::from(obj.mix.strategy.of(Pillar::ALL[*i]))).abs() > tolerance
            })
            .collect();
        if !off.is_empty() {
            let named: Vec<String> = off
                .iter()
                .map(|i| Pillar::ALL[*i].name().0.to_owned())
                .collect();
            let named_fr: Vec<String> = off
                .iter()
                .map(|i| Pillar::ALL[*i].name().1.to_owned())
                .collect();
            notes.push(text(
                format!(
                    "The strategy's mix cannot be met for {}: each mission keeps at least half of its network's posts \
                     in its main pillars, and the posts already in the period count.",
                    join(&named, "and")
                ),
                format!(
                    "Le mix de la stratégie ne peut pas être tenu pour {} : chaque mission garde au moins la moitié \
                     des publications de son réseau dans ses piliers principaux, et les publications déjà prévues \
                     comptent.",
                    join(&named_fr, "et")
                ),
            ));
        }
    }
    for (k, net) in nets.iter().enumerate() {
        // Said only when the mission moved posts away from the network's own mix (else the checks' note says it).
        if !net.own_mix || !leaned[k] {
            continue;
        }
        let total: usize = (0..3).map(|i| fixed[k][i] + x[k][i]).sum();
        let off = total >= crate::calendar::checks::MIX_MIN_POSTS
            && Pillar::ALL
                .iter()
                .enumerate()
                .any(|(i, pl)| (share(k, &x[k], i) - f64::from(net.mix.of(*pl))).abs() > tolerance);
        if off {
            let n = &net.name;
            notes.push(text(
                format!(
                    "On {n}, its own mix cannot be met with at least half of its posts in its mission's pillars: the \
                     plan follows the mission."
                ),
                format!(
                    "Sur {n}, son propre mix ne peut pas être tenu avec au moins la moitié des publications dans les \
                     piliers de sa mission : le plan suit la mission."
                ),
            ));
        }
    }

    for (k, net) in nets.iter_mut().enumerate() {
        let mut order = round_robin(x[k]).into_iter();
        for n in net.new.iter_mut().filter(|n| matches!(n.kind, Kind::Free)) {
            n.pillar = order.next().unwrap_or(Pillar::Promotion);
        }
    }
}

/// The topics of the new posts, and their re-runs: see the module comment.
fn assign_topics<'a>(
    nets: &mut [Net<'a>],
    period_posts: &[&Post],
    cal: &'a Calendar,
    obj: &Objectives,
    rates: &HashMap<i64, f64>,
    opts: &PlanOptions,
    notes: &mut Vec<Text>,
) {
    let limit = opts.checks.repeat_limit.max(2) as usize;
    let mut used: HashMap<i64, usize> = obj.topics.iter().map(|t| (t.id, 0)).collect();
    for p in period_posts {
        if let Some(t) = p.data.topic_id {
            *used.entry(t).or_default() += 1;
        }
    }
    let under: [Vec<i64>; 3] = std::array::from_fn(|i| {
        obj.topics
            .iter()
            .filter(|t| t.data.pillar == Pillar::ALL[i])
            .map(|t| t.id)
            .collect()
    });
    let mut last_of_pillar: [Option<usize>; 3] = [None; 3];
    let mut without_topic = [false; 3];
    // Relays keep their item's topic: it counts like a post already there.
    for net in nets.iter() {
        for n in net.new.iter().filter(|x| matches!(x.kind, Kind::Relay(_))) {
            if let Some(t) = n.topic {
                *used.entry(t).or_default() += 1;
            }
        }
    }
    // The period's posts with a topic once planned, so that no topic is chosen past the dominant share.
    let tagged = used.values().sum::<usize>()
        + nets
            .iter()
            .flat_map(|net| net.new.iter())
            .filter(|x| matches!(x.kind, Kind::Free) && !under[pillar_index(x.pillar)].is_empty())
            .count();

    // Each network's sequence over the period: existing posts (fixed) and new ones, in time order.
    #[derive(Clone, Copy)]
    enum Item {
        Fixed(Option<i64>),
        New(usize),
    }
    let sequences: Vec<Vec<(NaiveDateTime, Item)>> = nets
        .iter()
        .map(|net| {
            let mut s: Vec<(NaiveDateTime, Item)> = period_posts
                .iter()
                .filter(|p| p.data.network == net.key)
                .filter_map(|p| {
                    p.data
                        .scheduled_at
                        .as_deref()
                        .and_then(parse_date_time)
                        .map(|t| (t, Item::Fixed(p.data.topic_id)))
                })
                .collect();
            s.extend(
                net.new
                    .iter()
                    .enumerate()
                    .map(|(i, n)| (n.at, Item::New(i))),
            );
            s.sort_by_key(|(t, item)| (*t, matches!(item, Item::New(_))));
            s
        })
        .collect();
    // Where each new post sits in its network's sequence.
    let position: Vec<Vec<usize>> = sequences
        .iter()
        .zip(nets.iter())
        .map(|(s, net)| {
            let mut pos = vec![0; net.new.len()];
            for (j, (_, item)) in s.iter().enumerate() {
                if let Item::New(i) = item {
                    pos[*i] = j;
                }
            }
            pos
        })
        .collect();

    // Re-run candidates per network: published, with a rate in the better half of the network's, best first.
    let cooldown = opts.recycle.map(|c| Duration::days(i64::from(c)));
    let candidates: Vec<Vec<(&'a Post, f64, NaiveDate)>> = nets
        .iter()
        .map(|net| {
            if cooldown.is_none() {
                return Vec::new();
            }
            let mut c: Vec<(&'a Post, f64, NaiveDate)> = cal
                .posts
                .iter()
                .filter(|p| {
                    p.data.network == net.key
                        && p.data.status == PostStatus::Published
                        && !p.data.text.trim().is_empty()
                })
                .filter_map(|p| {
                    let day = p
                        .data
                        .scheduled_at
                        .as_deref()
                        .and_then(parse_date_time)?
                        .date();
                    Some((p, *rates.get(&p.id)?, day))
                })
                .filter(|(_, r, _)| r.is_finite())
                .collect();
            c.sort_by(|a, b| {
                b.1.partial_cmp(&a.1)
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then(a.2.cmp(&b.2))
                    .then(a.0.id.cmp(&b.0.id))
            });
            let keep = c.len().div_ceil(2);
            c.truncate(keep);
            c
        })
        .collect();
    // The days each text runs on, per network (existing posts, then planned re-runs).
    let mut runs_of: Vec<HashMap<&'a str, Vec<NaiveDate>>> = nets
        .iter()
        .map(|net| {
            let mut runs: HashMap<&'a str, Vec<NaiveDate>> = HashMap::new();
            if cooldown.is_some() {
                for p in cal.posts.iter().filter(|p| p.data.network == net.key) {
                    if let Some(t) = p.data.scheduled_at.as_deref().and_then(parse_date_time) {
                        runs.entry(p.data.text.as_str()).or_default().push(t.date());
                    }
                }
            }
            runs
        })
        .collect();
    let quota: Vec<usize> = nets
        .iter()
        .map(|n| {
            n.new
                .iter()
                .filter(|x| matches!(x.kind, Kind::Free))
                .count()
                .div_ceil(RECYCLE_ONE_IN)
        })
        .collect();
    let mut reruns = vec![0usize; nets.len()];

    // Every new free post, in time order over the networks.
    let mut order: Vec<(NaiveDateTime, usize, usize)> = Vec::new();
    for (k, net) in nets.iter().enumerate() {
        for (i, n) in net.new.iter().enumerate() {
            if matches!(n.kind, Kind::Free) {
                order.push((n.at, k, i));
            }
        }
    }
    order.sort();
    let mut topic_now: Vec<Vec<Option<i64>>> = nets
        .iter()
        .map(|n| n.new.iter().map(|x| x.topic).collect())
        .collect();
    let mut assigned: Vec<Vec<bool>> = nets
        .iter()
        .map(|n| {
            n.new
                .iter()
                .map(|x| matches!(x.kind, Kind::Relay(_)))
                .collect()
        })
        .collect();
    for (_, k, i) in order {
        let pillar = nets[k].new[i].pillar;
        let pi = pillar_index(pillar);
        let seq = &sequences[k];
        let at = position[k][i];
        let topic_at = |j: usize| -> Option<Option<i64>> {
            match seq[j].1 {
                Item::Fixed(t) => Some(t),
                Item::New(n) => assigned[k][n].then_some(topic_now[k][n]),
            }
        };
        let run = |topic: i64| -> usize {
            let mut r = 1;
            let mut j = at;
            while j > 0 && topic_at(j - 1) == Some(Some(topic)) {
                r += 1;
                j -= 1;
            }
            let mut j = at + 1;
            while j < seq.len() && topic_at(j) == Some(Some(topic)) {
                r += 1;
                j += 1;
            }
            r
        };
        let choice = if under[pi].is_empty() {
            without_topic[pi] = true;
            None
        } else {
            let n = under[pi].len();
            let start = last_of_pillar[pi].map_or(0, |l| (l + 1) % n);
            let best = (0..n)
                .map(|o| (start + o) % n)
                .min_by_key(|j| {
                    let id = under[pi][*j];
                    let r = run(id);
                    let u = used.get(&id).copied().unwrap_or(0);
                    (
                        r >= limit,
                        topic_dominates(u + 1, tagged),
                        r > 1,
                        u,
                        (j + n - start) % n,
                    )
                })
                .unwrap_or(start);
            last_of_pillar[pi] = Some(best);
            Some(under[pi][best])
        };
        if let Some(t) = choice {
            *used.entry(t).or_default() += 1;
        }
        topic_now[k][i] = choice;
        assigned[k][i] = true;

        // A re-run of a best post of the same pillar and topic.
        if let Some(cool) = cooldown {
            if reruns[k] < quota[k] {
                let day = nets[k].new[i].at.date();
                let pick = candidates[k].iter().find(|(p, _, published)| {
                    p.data.pillar == Some(pillar)
                        && p.data.topic_id == choice
                        && *published + cool <= day
                        && !runs_of[k].get(p.data.text.as_str()).is_some_and(|days| {
                            days.iter()
                                .any(|d| *d != *published && (*d - day).abs() < cool)
                        })
                });
                if let Some((p, rate, _)) = pick {
                    runs_of[k]
                        .entry(p.data.text.as_str())
                        .or_default()
                        .push(day);
                    nets[k].new[i].rerun = Some((p, *rate));
                    reruns[k] += 1;
                }
            }
        }
    }
    for (k, net) in nets.iter_mut().enumerate() {
        for (i, n) in net.new.iter_mut().enumerate() {
            n.topic = topic_now[k][i];
        }
    }
    for (i, missing) in without_topic.iter().enumerate() {
        if *missing {
            let (en, fr) = Pillar::ALL[i].name();
            notes.push(text(
                format!("No topic under the {en} pillar (step 3): its posts are planned by pillar alone."),
                format!(
                    "Aucun thème sous le pilier {fr} (étape 3) : ses publications sont planifiées par pilier seulement."
                ),
            ));
        }
    }
    // A pillar with one topic repeats it when its posts follow each other.
    for (i, ids) in under.iter().enumerate() {
        if ids.len() == 1
            && nets
                .iter()
                .any(|n| n.new.iter().filter(|x| x.pillar == Pillar::ALL[i]).count() >= limit)
        {
            let (en, fr) = Pillar::ALL[i].name();
            notes.push(text(
                format!("The {en} pillar has one topic only: add topics under it in step 3 so that its posts vary."),
                format!(
                    "Le pilier {fr} n’a qu’un thème : ajoutez-en à l’étape 3 pour que ses publications varient."
                ),
            ));
        }
    }
}

/// The objective each new post serves: see the module comment.
fn assign_objectives(nets: &mut [Net], obj: &Objectives, notes: &mut Vec<Text>) {
    for net in nets.iter_mut() {
        let mission = obj.missions.iter().find(|m| m.network == net.key);
        let mut serving: Vec<&crate::objectives::Objective> = obj
            .objectives
            .iter()
            .filter(|o| {
                mission.is_some_and(|m| m.objectives.contains(&o.id))
                    || o.data.networks.contains(&net.key)
            })
            .collect();
        if serving.is_empty() {
            serving = obj
                .objectives
                .iter()
                .filter(|o| o.data.networks.is_empty())
                .collect();
        }
        if serving.is_empty() {
            if !net.new.is_empty() {
                let n = &net.name;
                notes.push(text(
                    format!(
                        "No objective names {n} (step 3): its planned posts serve none. Give its mission an objective."
                    ),
                    format!(
                        "Aucun objectif ne vise {n} (étape 3) : ses publications planifiées n’en servent aucun. \
                         Donnez un objectif à sa mission."
                    ),
                ));
            }
            continue;
        }
        let mut turn = [0usize; 3];
        for n in &mut net.new {
            if let Some(o) = n.rerun.and_then(|(p, _)| p.data.objective_id) {
                if serving.iter().any(|s| s.id == o) {
                    n.objective = Some(o);
                    continue;
                }
            }
            let best = serving
                .iter()
                .map(|o| affinity(o.data.objective_type, n.pillar))
                .min()
                .unwrap_or(2);
            let equals: Vec<i64> = serving
                .iter()
                .filter(|o| affinity(o.data.objective_type, n.pillar) == best)
                .map(|o| o.id)
                .collect();
            let pi = pillar_index(n.pillar);
            n.objective = Some(equals[turn[pi] % equals.len()]);
            turn[pi] += 1;
        }
    }
}

/// A new post as the calendar stores it, with its reason.
fn proposed(net: &Net, n: &New, obj: &Objectives) -> ProposedPost {
    let (w_en, w_fr) = when(n.at);
    let slot = match &n.why {
        Why::Slot(i, rank) => match &net.slots[*i].basis {
            SlotBasis::Measured { posts, rate } => {
                let (p_en, p_fr) = posts_count(*posts);
                let r_en = format!("{rate:.1}");
                let r_fr = r_en.replace('.', ",");
                if *rank == 1 {
                    text(
                        format!("{w_en}: best slot on {} ({p_en}, {r_en} %)", net.name),
                        format!(
                            "{w_fr} : meilleur créneau sur {} ({p_fr}, {r_fr} %)",
                            net.name
                        ),
                    )
                } else {
                    text(
                        format!("{w_en}: slot no. {rank} on {} ({p_en}, {r_en} %)", net.name),
                        format!(
                            "{w_fr} : créneau n° {rank} sur {} ({p_fr}, {r_fr} %)",
                            net.name
                        ),
                    )
                }
            }
            SlotBasis::Usual { source } => text(
                format!("{w_en}: a usual good hour on {} ({source})", net.name),
                format!(
                    "{w_fr} : une heure habituellement favorable sur {} ({source})",
                    net.name
                ),
            ),
        },
        Why::Free => text(
            format!("{w_en}: a free hour on {}", net.name),
            format!("{w_fr} : une heure libre sur {}", net.name),
        ),
    };
    let (pl_en, pl_fr) = n.pillar.name();
    let weight = net.mix.of(n.pillar);
    let what = match (&n.kind, n.rerun) {
        (Kind::Relay(item), _) => text(
            format!("relays “{}” of {}", item.data.title, item.data.date),
            format!("relaie « {} » du {}", item.data.title, item.data.date),
        ),
        (Kind::Free, Some((p, rate))) => {
            let day = p.data.scheduled_at.as_deref().map_or("", |s| &s[..10]);
            let r_en = format!("{:.1}", rate * 100.0);
            let r_fr = r_en.replace('.', ",");
            text(
                format!("re-runs “{}” of {day} ({r_en} % engagement)", p.data.title),
                format!(
                    "reprend « {} » du {day} ({r_fr} % d’engagement)",
                    p.data.title
                ),
            )
        }
        (Kind::Free, None) => {
            let mix = if net.own_mix {
                text(
                    format!("the mix on {} asks for {weight} %", net.name),
                    format!("le mix de {} en demande {weight} %", net.name),
                )
            } else {
                text(
                    format!("the mix asks for {weight} %"),
                    format!("le mix en demande {weight} %"),
                )
            };
            if net.pillars.contains(&n.pillar) {
                text(
                    format!("{pl_en}: a main pillar of its mission; {}", mix.en),
                    format!("{pl_fr} : un pilier principal de sa mission ; {}", mix.fr),
                )
            } else {
                text(
                    format!("{pl_en}: {}", mix.en),
                    format!("{pl_fr} : {}", mix.fr),
                )
            }
        }
    };
    let reason = text(
        format!("{}; {}", slot.en, what.en),
        format!("{} ; {}", slot.fr, what.fr),
    );
    let topic_name = n
        .topic
        .and_then(|t| obj.topics.iter().find(|x| x.id == t))
        .map(|t| t.data.name.clone());
    let base = PostInput {
        network: net.key.clone(),
        scheduled_at: Some(n.at.format(DATE_TIME_FORMAT).to_string()),
        pillar: Some(n.pillar),
        topic_id: n.topic,
        title: topic_name.unwrap_or_else(|| capitalised(pl_en)),
        status: PostStatus::Draft,
        objective_id: n.objective,
        planned: true,
        ..PostInput::blank()
    };
    let post = match (&n.kind, n.rerun) {
        (Kind::Relay(item), _) => PostInput {
            title: item.data.title.clone(),
            text: crate::calendar::view::relay_text(
                &item.data.title,
                &item.data.link,
                net.max_length,
            ),
            link: item.data.link.clone(),
            editorial_item_id: Some(item.id),
            ..base
        },
        (Kind::Free, Some((p, _))) => PostInput {
            title: p.data.title.clone(),
            text: p.data.text.clone(),
            link: p.data.link.clone(),
            media_notes: p.data.media_notes.clone(),
            recycled_from: p.data.scheduled_at.as_deref().map(|s| s[..10].to_owned()),
            ..base
        },
        (Kind::Free, None) => base,
    };
    ProposedPost { post, reason }
}

impl Store {
    /// Writes the proposed posts the user accepts (all of a plan, or some) as planned drafts, in one transaction
    /// (one change: one undo removes them all). Returns them as stored, in order.
    pub fn accept_plan(&mut self, id: i64, posts: &[ProposedPost]) -> Result<Vec<Post>> {
        let inputs: Vec<PostInput> = posts
            .iter()
            .map(|p| PostInput {
                planned: true,
                ..p.post.clone()
            })
            .collect();
        let ids = self.save_posts(id, &inputs)?;
        ids.into_iter().map(|pid| self.post(id, pid)).collect()
    }
}
