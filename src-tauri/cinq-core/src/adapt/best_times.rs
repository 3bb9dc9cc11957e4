//! Step 5's best times: for each network, how well the brand's own posts do at each weekday × hour (a **slot**, in the
//! strategy's time zone), and the slots where they do best, for step 4 to place posts in.
//!
//! The rules, in one place:
//! - **Which posts**: posts with results (their latest snapshot) whose publication time is known: the time the
//!   network's export gives (`publication.published_at`), else the time of the planned post the export's row was
//!   matched to (or whose results were typed by hand). An unplanned post from an export with the date alone has no
//!   known time (its place in the calendar, noon, is not a time): it does not count. Times are the wall times the
//!   store keeps, in the strategy's time zone (imports convert the exports' times to it).
//! - **Rate**: engagements (reactions + comments + shares + saves) per reach; per impressions where the reach is
//!   unknown. A post without engagements, or without a positive reach or impressions, has no rate and does not count.
//!   Posts are binomial counts: a slot's rate is the sum of its engagements over the sum of its reach, never an
//!   average of per-post rates, so a post on a tiny reach weighs little. Engagements above the reach count as the
//!   reach (a binomial count cannot exceed its trials).
//! - **Prior** (empirical Bayes): per network, a beta prior fitted to the network's posts by the method of moments.
//!   Its mean `m` is the network's rate, `(E + ½) / (R + 1)` over all its counted posts (E engagements, R reach).
//!   Its variance `τ²` is the spread of the per-post rates weighted by reach, less what binomial noise explains:
//!   `τ² = (Σ nᵢ (rᵢ − m)² − (P − 1) m (1 − m)) / (R − Σ nᵢ² / R)` for P posts of reach nᵢ and rate rᵢ. Its strength
//!   `α + β = m (1 − m) / τ² − 1` is kept between the reach of an average post (`R / P`, at least
//!   [`MIN_STRENGTH`]) and the network's whole reach (with `τ² ≤ 0`, the posts vary no more than chance: the whole
//!   reach), and `α = m (α + β)`. The floor makes the prior weigh at least one ordinary post: one lucky post on a tiny
//!   reach would otherwise widen the fitted spread so much that its slot, and every slot, is hardly shrunk.
//! - **Neighbouring hours share strength**: each post counts half in its own hour and a quarter in each neighbouring
//!   hour, in a circle over the week (Sunday 23h neighbours Monday 0h). A slot's estimate is the posterior mean
//!   `(α + e) / (α + β + n)` of these shared engagements `e` and reach `n`, with the 90 % interval of the posterior
//!   `Beta(α + e, β + n − e)` (equal tails, [`crate::adapt::stats::beta_quantile`]). Each slot also carries the posts of
//!   its own (not its neighbours').
//! - **Enough data**: a network needs [`MIN_POSTS`] counted posts before any slot is recommended; with fewer it says
//!   "not enough data" and how many more posts it needs, and shows no slot.
//! - **Best slots**: ranked by estimate, the earlier in the week first on a tie; a slot resting on fewer than
//!   [`MIN_SLOT_POSTS`] posts of its own is never listed; at most [`MAX_BEST`].
//! - **A slot to try**: among the slots with no post of their own next to a slot with posts, the one with the highest
//!   estimate (which comes from its neighbours): a test to run once, not a recommendation.
//! - **Networks shown**: those the audit kept and any other with posts with results, in the catalogue's order (only
//!   the one asked for when one is named; a key that is not one of the strategy's networks is refused).

use chrono::{Datelike, NaiveDate, Timelike};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::adapt::results::Measures;
use crate::error::{CoreError, FieldError, Result};
use crate::findings::{text, Text};
use crate::store::Store;
use crate::words::figures;

/// Counted posts a network needs before its best slots are shown.
pub const MIN_POSTS: u32 = 10;
/// Posts of its own a slot needs to be listed among the best.
pub const MIN_SLOT_POSTS: u32 = 3;
/// The best slots listed, at most.
pub const MAX_BEST: usize = 5;
/// How many of a network's best slots the post editor hints where a post's time is chosen (step 4).
pub const HINTED: u32 = 3;
/// The level of each slot's interval.
pub const INTERVAL: f64 = 0.9;
/// The weakest prior, in reach, whatever the posts: `Beta(2m, 2(1 − m))` (the floor is otherwise an average post's
/// reach).
pub const MIN_STRENGTH: f64 = 2.0;
/// Slots in a week: 7 days × 24 hours, Monday 0h first.
pub const SLOTS: usize = 168;
/// How a post's counts are shared: its own hour, and each neighbouring hour.
const OWN_SHARE: f64 = 0.5;
const NEIGHBOUR_SHARE: f64 = 0.25;

/// One slot of a network: a weekday and an hour, in the strategy's time zone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SlotEstimate {
    /// 1 = Monday … 7 = Sunday.
    pub weekday: u8,
    /// 0–23.
    pub hour: u8,
    /// The counted posts published in this slot (its own, not its neighbours').
    pub posts: u32,
    /// The estimated rate, a fraction: engagements per reach, shrunk toward the network's rate.
    pub rate: f64,
    /// The 90 % interval of the rate.
    pub low: f64,
    pub high: f64,
    /// The slot's own reach and engagements (the sums over its posts).
    #[ts(type = "number")]
    pub reach: u64,
    #[ts(type = "number")]
    pub engagements: u64,
}

/// One network's best times.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NetworkBestTimes {
    pub network: String,
    /// The posts the estimate learns from: with results, a rate and a known time.
    pub posts: u32,
    /// Posts with results left out: no known time (an export with the date alone) or no rate.
    pub left_out: u32,
    /// At least [`MIN_POSTS`] posts: the best slots can be shown.
    pub enough_data: bool,
    /// The posts still needed before the best slots are shown (0 when there are enough).
    pub needed: u32,
    /// The network's own rate over its counted posts (a fraction); none without any.
    pub rate: Option<f64>,
    /// The best slots, best first (empty without enough data).
    pub best: Vec<SlotEstimate>,
    /// A slot with no post yet to try once: a test, not a recommendation (none without enough data).
    pub to_try: Option<SlotEstimate>,
    /// Every slot, Monday 0h first, then Monday 1h… (168; empty without enough data), for the heat map.
    pub slots: Vec<SlotEstimate>,
    /// What the estimate rests on, or why there is none yet, in a sentence.
    pub note: Text,
}

/// The best times of a strategy's networks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BestTimes {
    /// The strategy's IANA time zone, which the slots are in.
    pub timezone: String,
    /// The networks the audit kept and those with counted posts, in the catalogue's order.
    pub networks: Vec<NetworkBestTimes>,
    /// The thresholds, for the screens to quote: [`MIN_POSTS`], [`MIN_SLOT_POSTS`], [`INTERVAL`].
    pub min_posts: u32,
    pub min_slot_posts: u32,
    pub interval: f64,
    /// How many best slots the post editor hints: [`HINTED`].
    pub hinted: u32,
}

/// A post the estimate learns from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimedPost {
    /// `(weekday − 1) × 24 + hour`: 0 = Monday 0h … 167 = Sunday 23h.
    pub slot: u8,
    pub engagements: u64,
    pub reach: u64,
}

impl TimedPost {
    /// The post's counts from its measures, at a weekday (1 = Monday) and hour; none without a rate.
    pub fn new(weekday: u32, hour: u32, m: &Measures) -> Option<TimedPost> {
        if !(1..=7).contains(&weekday) || hour > 23 {
            return None;
        }
        let reach = m
            .reach
            .filter(|n| *n > 0)
            .or(m.impressions)
            .filter(|n| *n > 0)?;
        let engagements = m.engagements()?.min(reach);
        Some(TimedPost {
            slot: ((weekday - 1) * 24 + hour) as u8,
            engagements,
            reach,
        })
    }
}

/// The fitted prior of a network: `Beta(alpha, beta)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prior {
    pub alpha: f64,
    pub beta: f64,
}

/// The beta prior of a network's posts (see the module's rules); none without posts.
pub fn fit_prior(posts: &[TimedPost]) -> Option<Prior> {
    let (mut e, mut r, mut r2) = (0.0_f64, 0.0_f64, 0.0_f64);
    for p in posts {
        e += p.engagements as f64;
        r += p.reach as f64;
        r2 += (p.reach as f64) * (p.reach as f64);
    }
    if posts.is_empty() || r <= 0.0 {
        return None;
    }
    let m = (e + 0.5) / (r + 1.0);
    let spread: f64 = posts
        .iter()
        .map(|p| {
            let n = p.reach as f64;
            let d = p.engagements as f64 / n - m;
            n * d * d
        })
        .sum();
    let noise = (posts.len() as f64 - 1.0) * m * (1.0 - m);
    let denominator = r - r2 / r;
    let tau2 = if denominator > 0.0 {
        (spread - noise) / denominator
    } else {
        0.0
    };
    let most = r.max(MIN_STRENGTH);
    let least = (r / posts.len() as f64).clamp(MIN_STRENGTH, most);
    let strength = if tau2 > 0.0 {
        (m * (1.0 - m) / tau2 - 1.0).clamp(least, most)
    } else {
        most
    };
    Some(Prior {
        alpha: m * strength,
        beta: (1.0 - m) * strength,
    })
}

/// Every slot's estimate from a network's posts and prior, Monday 0h first.
pub fn estimate_slots(posts: &[TimedPost], prior: Prior) -> Vec<SlotEstimate> {
    let mut own = [(0u32, 0u64, 0u64); SLOTS];
    for p in posts {
        let o = &mut own[usize::from(p.slot) % SLOTS];
        o.0 += 1;
        o.1 = o.1.saturating_add(p.engagements);
        o.2 = o.2.saturating_add(p.reach);
    }
    let tail = (1.0 - INTERVAL) / 2.0;
    (0..SLOTS)
        .map(|s| {
            let (before, after) = ((s + SLOTS - 1) % SLOTS, (s + 1) % SLOTS);
            let share = |f: fn(&(u32, u64, u64)) -> u64| {
                OWN_SHARE * f(&own[s]) as f64
                    + NEIGHBOUR_SHARE * (f(&own[before]) as f64 + f(&own[after]) as f64)
            };
            let e = share(|o| o.1);
            let n = share(|o| o.2);
            let a = prior.alpha + e;
            let b = prior.beta + (n - e).max(0.0);
            let rate = a / (a + b);
            let low = crate::adapt::stats::beta_quantile(tail, a, b).min(rate);
            let high = crate::adapt::stats::beta_quantile(1.0 - tail, a, b).max(rate);
            SlotEstimate {
                weekday: (s / 24) as u8 + 1,
                hour: (s % 24) as u8,
                posts: own[s].0,
                rate,
                low,
                high,
                reach: own[s].2,
                engagements: own[s].1,
            }
        })
        .collect()
}

/// The best slots among `slots`, best first (see the module's rules).
pub fn best_of(slots: &[SlotEstimate]) -> Vec<SlotEstimate> {
    let mut best: Vec<&SlotEstimate> = slots.iter().filter(|s| s.posts >= MIN_SLOT_POSTS).collect();
    // Stable: slots come Monday 0h first, so a tie keeps the earlier one first.
    best.sort_by(|a, b| b.rate.total_cmp(&a.rate));
    best.into_iter().take(MAX_BEST).cloned().collect()
}

/// The untested slot to try (see the module's rules).
pub fn to_try_of(slots: &[SlotEstimate]) -> Option<SlotEstimate> {
    let n = slots.len();
    let mut chosen: Option<&SlotEstimate> = None;
    for (i, s) in slots.iter().enumerate() {
        let tested_next = slots[(i + n - 1) % n].posts > 0 || slots[(i + 1) % n].posts > 0;
        if s.posts == 0 && tested_next && chosen.map_or(true, |c| s.rate > c.rate) {
            chosen = Some(s);
        }
    }
    chosen.cloned()
}

/// A network's best times from its counted posts (`left_out`: the posts with results that could not count).
pub fn network_best_times(
    network: &str,
    name: &str,
    posts: &[TimedPost],
    left_out: u32,
) -> NetworkBestTimes {
    let count = u32::try_from(posts.len()).unwrap_or(u32::MAX);
    let enough_data = count >= MIN_POSTS;
    let needed = MIN_POSTS.saturating_sub(count);
    let (e, r) = posts.iter().fold((0u64, 0u64), |(e, r), p| {
        (e.saturating_add(p.engagements), r.saturating_add(p.reach))
    });
    let rate = (r > 0).then(|| e as f64 / r as f64);
    let slots = match fit_prior(posts).filter(|_| enough_data) {
        Some(prior) => estimate_slots(posts, prior),
        None => Vec::new(),
    };
    NetworkBestTimes {
        network: network.to_owned(),
        posts: count,
        left_out,
        enough_data,
        needed,
        rate,
        best: best_of(&slots),
        to_try: to_try_of(&slots),
        note: note(name, count, needed, left_out),
        slots,
    }
}

fn posts_en(n: u32) -> String {
    let (en, _) = figures(f64::from(n));
    format!("{en} post{}", if n == 1 { "" } else { "s" })
}

fn posts_fr(n: u32) -> String {
    let (_, fr) = figures(f64::from(n));
    format!("{fr} publication{}", if n > 1 { "s" } else { "" })
}

fn note(name: &str, posts: u32, needed: u32, left_out: u32) -> Text {
    let (needed_en, needed_fr) = figures(f64::from(needed));
    let mut t = if needed > 0 {
        text(
            format!(
                "Not enough data yet: {} on {name} with results and a known time; {needed_en} more {} needed.",
                posts_en(posts),
                if needed == 1 { "is" } else { "are" }
            ),
            format!(
                "Pas encore assez de données : {} sur {name} avec des résultats et une heure connue ; il en faut encore {needed_fr}.",
                posts_fr(posts)
            ),
        )
    } else {
        text(
            format!(
                "Learned from {} on {name} with results and a known time.",
                posts_en(posts)
            ),
            format!(
                "Appris de {} sur {name} avec des résultats et une heure connue.",
                posts_fr(posts)
            ),
        )
    };
    if left_out > 0 {
        let (one, n_fr) = (left_out == 1, figures(f64::from(left_out)).1);
        t.en.push_str(&format!(
            " {} with results left out: no known time (an export with the date alone), or no reach or engagements.",
            posts_en(left_out)
        ));
        t.fr.push_str(&if one {
            " 1 publication avec des résultats est laissée de côté : pas d’heure connue (un export sans heure), ou ni portée ni engagements.".to_owned()
        } else {
            format!(" {n_fr} publications avec des résultats sont laissées de côté : pas d’heure connue (un export sans heure), ou ni portée ni engagements.")
        });
    }
    t
}

/// The day of `weekday` (1 = Monday … 7 = Sunday) in the week of `day` (Monday to Sunday), where a best slot picked
/// in the post editor moves a post: the same weekday a week later when that one is before `today` while `day` is not
/// (a post is not moved into the past).
pub fn slot_day(day: NaiveDate, weekday: u32, today: NaiveDate) -> NaiveDate {
    let target = day
        + chrono::Duration::days(
            i64::from(weekday) - i64::from(day.weekday().number_from_monday()),
        );
    if target < today && day >= today {
        target + chrono::Duration::days(7)
    } else {
        target
    }
}

/// The post a `latest_result` row's time, reach and engagements (columns 1 to 3) make; none when one is missing. An
/// engagement count too large for an integer (the view's sum went past it) counts as the whole reach.
fn latest_timed_post(r: &rusqlite::Row) -> Result<Option<TimedPost>> {
    use rusqlite::types::ValueRef;
    let whole = |i: usize| -> Result<Option<u64>> {
        Ok(match r.get_ref(i)? {
            ValueRef::Integer(n) => Some(u64::try_from(n).unwrap_or(0)),
            ValueRef::Real(_) => Some(u64::MAX),
            _ => None,
        })
    };
    let at = match r.get_ref(1)? {
        ValueRef::Text(t) => std::str::from_utf8(t)
            .ok()
            .and_then(crate::dates::parse_day_time),
        _ => None,
    };
    let (Some(at), Some(reach), Some(engagements)) = (at, whole(2)?, whole(3)?) else {
        return Ok(None);
    };
    // The view applied the rules of the counts; `TimedPost::new` places the post and caps the engagements.
    let m = Measures {
        reach: Some(reach),
        reactions: Some(engagements),
        ..Measures::default()
    };
    Ok(TimedPost::new(
        at.weekday().number_from_monday(),
        at.hour(),
        &m,
    ))
}

impl Store {
    /// The days a post on `day` (`YYYY-MM-DD`; today, in the strategy's time zone, when empty) moves to when a best
    /// slot is picked, one per weekday, Monday first ([`slot_day`]).
    pub fn best_time_days(&self, id: i64, day: &str) -> Result<Vec<String>> {
        let today = self.strategy_today(id)?;
        let day = if day.is_empty() {
            today
        } else {
            crate::dates::parse_day(day).ok_or_else(|| {
                CoreError::Validation(vec![FieldError::new("day", "invalid_date")])
            })?
        };
        Ok((1..=7)
            .map(|w| {
                slot_day(day, w, today)
                    .format(crate::dates::DAY_FORMAT)
                    .to_string()
            })
            .collect())
    }

    /// The best times of a strategy's networks (only `network`'s when given: a key of the strategy's networks).
    pub fn best_times(&self, id: i64, network: Option<&str>) -> Result<BestTimes> {
        let strategy = self.strategy(id)?;
        let audit = self.audit(id)?;
        if let Some(n) = network {
            if !audit.networks.iter().any(|x| x.key == n) {
                return Err(CoreError::Validation(vec![FieldError::new(
                    "network",
                    "unknown_network",
                )]));
            }
        }
        // One read of what each post with results brings (`latest_result`, one small row per post, kept by triggers:
        // store migration 13, whose view applies `TimedPost::new`'s rules to the latest measures and picks the
        // post's known time; a test holds the two equal). A row without a time, a reach or engagements is left out.
        let conn = self.conn();
        let mut rows = conn.prepare_cached(
            "SELECT network, at, reach, engagements FROM latest_result
             WHERE strategy_id = ?1 AND (?2 IS NULL OR network = ?2)",
        )?;
        let mut rows = rows.query(rusqlite::params![id, network])?;
        // Per network (by its key's position in `keys`): the counted posts, and those left out.
        let mut keys: foldhash::HashMap<String, usize> = foldhash::HashMap::default();
        let mut found: Vec<(Vec<TimedPost>, u32)> = Vec::new();
        let mut last: Option<(String, usize)> = None;
        while let Some(r) = rows.next()? {
            let key = r.get_ref(0)?.as_str().unwrap_or_default();
            let n = match &last {
                Some((k, n)) if k == key => *n,
                _ => {
                    let n = match keys.get(key) {
                        Some(n) => *n,
                        None => {
                            keys.insert(key.to_owned(), found.len());
                            found.push((Vec::new(), 0));
                            found.len() - 1
                        }
                    };
                    last = Some((key.to_owned(), n));
                    n
                }
            };
            match latest_timed_post(r)? {
                Some(t) => found[n].0.push(t),
                None => found[n].1 += 1,
            }
        }
        let mut by_network: foldhash::HashMap<String, (Vec<TimedPost>, u32)> = keys
            .into_iter()
            .map(|(k, n)| (k, std::mem::take(&mut found[n])))
            .collect();
        let kept = crate::objectives::kept_networks(&audit);
        let networks = audit
            .networks
            .iter()
            .filter(|n| network.map_or(true, |k| k == n.key))
            .filter_map(|n| {
                let (posts, left_out) = by_network.remove(&n.key).unwrap_or_default();
                let shown =
                    network.is_some() || kept.contains(&n.key) || !posts.is_empty() || left_out > 0;
                shown.then(|| network_best_times(&n.key, &n.name, &posts, left_out))
            })
            .collect();
        Ok(BestTimes {
            timezone: strategy.timezone,
            networks,
            min_posts: MIN_POSTS,
            min_slot_posts: MIN_SLOT_POSTS,
            interval: INTERVAL,
            hinted: HINTED,
        })
    }
}
