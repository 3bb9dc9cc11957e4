//! The live checks of the calendar (step 4), over a period: frequency per network against its mission, topic
//! variety, mission fit, the content mix against its target (as gauges), collisions, orphans, and posts too long for
//! their network. Each finding names the posts (or editorial items) concerned, so the UI can select them.
//!
//! The rules, in one place (thresholds are [`CheckOptions`]):
//! - **Frequency**, per kept network whose mission sets posts per week, over the period's whole weeks (7-day blocks
//!   from its first day): fewer than 75 % of the target on average is too few, more than 150 % too many; with a
//!   target of one post a week or more, every week with nothing is listed.
//! - **Topic variety**: the same topic `repeat_limit` times in a row on one network; a topic no post uses over a period
//!   of `unused_weeks` weeks or more; one topic carrying more than 40 % of the posts that have a topic.
//! - **Mission fit**: on a network whose mission names main pillars, fewer than half of its posts (4 or more, with a
//!   pillar) in those pillars.
//! - **Content mix**: the share of each pillar among the posts that have one, strategy-wide and per kept network,
//!   against the target of step 3; off target when a pillar is more than `mix_tolerance` points away, judged from 6
//!   posts. Every network gets a gauge; only the strategy and the networks with a mix of their own get a finding (the
//!   others follow the strategy's mix and may lean on their mission's pillars).
//! - **Collisions**: two posts on one network less than `collision_gap_minutes` apart, unless both are variants of one
//!   A/B test, which are meant to run side by side ([`VariantGroups`]).
//! - **Orphans**: posts serving no objective; editorial items no post relays.
//! - **Length**: a post's text longer than its network's limit (in characters).
//!
//! A finding about each of the posts it names (a collision, a topic repeated, a post off its mission, with no objective
//! or too long) has a `post_title`: the post editor's "Checks for this post" shows it. One about the plan or a network
//! as a whole (frequency, mix, a dominant topic) names its posts only so they can be selected, and stays out of a
//! post's checks.

use std::collections::{BTreeMap, HashMap};

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::Audit;
use crate::calendar::{
    editorial_channel, parse_date_time, text_length, Calendar, EditorialType, Post,
};
use crate::findings::{join, text, Finding, FindingKind, FindingLink, Severity, Text};
use crate::model::StepId;
use crate::network::NetName;
use crate::objectives::{kept_networks, MixWeights, Objectives, Pillar};
use crate::words::{count_en, count_fr, en, figure_count, figures, fr};

/// A content mix is judged from this many posts with a pillar; fewer count as within tolerance.
pub const MIX_MIN_POSTS: usize = 6;

/// A topic dominates when it takes more than this share (in %) of the period's posts that have a topic…
pub const TOPIC_DOMINANT_SHARE: f64 = 40.0;
/// …once the period holds at least this many posts with a topic.
pub const TOPIC_DOMINANT_MIN_POSTS: usize = 10;

/// Whether a topic on `count` of the period's `tagged` posts with a topic dominates them.
pub fn topic_dominates(count: usize, tagged: usize) -> bool {
    tagged >= TOPIC_DOMINANT_MIN_POSTS && share(count, tagged) > TOPIC_DOMINANT_SHARE
}

/// The thresholds of the checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CheckOptions {
    /// Two posts on one network closer than this collide.
    pub collision_gap_minutes: u32,
    /// How far (in percentage points) a pillar's actual share may be from its target.
    pub mix_tolerance: u32,
    /// This many posts in a row on one topic is too many.
    pub repeat_limit: u32,
    /// A topic unused over this many weeks is flagged.
    pub unused_weeks: u32,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            collision_gap_minutes: 120,
            mix_tolerance: 10,
            repeat_limit: 3,
            unused_weeks: 4,
        }
    }
}

/// A finding of the calendar, with what it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CalendarFinding {
    #[serde(flatten)]
    #[ts(flatten)]
    pub finding: Finding,
    /// The title a post's own checks show, when the finding is about each of its posts; none for a finding about the
    /// plan or a network as a whole (see the module's rules).
    pub post_title: Option<Text>,
    #[ts(type = "Array<number>")]
    pub posts: Vec<i64>,
    #[ts(type = "Array<number>")]
    pub editorial: Vec<i64>,
}

/// The A/B tests each post is a variant of: the calendar's checks never count two variants of one test as colliding.
#[derive(Debug, Clone, Default)]
pub struct VariantGroups(HashMap<i64, Vec<i64>>);

impl VariantGroups {
    /// The tests of a strategy, read from the store (a test whose data does not read is left out).
    pub(crate) fn of(conn: &rusqlite::Connection, id: i64) -> crate::error::Result<VariantGroups> {
        let mut stmt =
            conn.prepare_cached("SELECT id, data FROM ab_test WHERE strategy_id = ?1 ORDER BY id")?;
        let rows = stmt.query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        let mut groups: HashMap<i64, Vec<i64>> = HashMap::new();
        for r in rows {
            let (tid, data) = r?;
            for p in variant_posts(&data).unwrap_or_default() {
                groups.entry(p).or_default().push(tid);
            }
        }
        Ok(VariantGroups(groups))
    }

    /// Groups made by hand: each list holds the posts of one test.
    pub fn from_tests<'a>(tests: impl IntoIterator<Item = &'a [i64]>) -> VariantGroups {
        let mut groups: HashMap<i64, Vec<i64>> = HashMap::new();
        for (tid, posts) in tests.into_iter().enumerate() {
            for p in posts {
                groups.entry(*p).or_default().push(tid as i64);
            }
        }
        VariantGroups(groups)
    }

    /// Whether posts `a` and `b` are variants of one test.
    pub fn same_test(&self, a: i64, b: i64) -> bool {
        match (self.0.get(&a), self.0.get(&b)) {
            (Some(x), Some(y)) => x.iter().any(|t| y.contains(t)),
            _ => false,
        }
    }
}

/// The posts an A/B test's stored data names as its variants (`adapt::abtests::AbTestInput`, of which only the
/// variants' post ids are read here, so that the calendar does not depend on step 5), or None when it does not read.
pub(crate) fn variant_posts(data: &str) -> Option<Vec<i64>> {
    #[derive(Deserialize)]
    struct Variant {
        post_id: Option<i64>,
    }
    #[derive(Deserialize)]
    struct Test {
        variants: Vec<Variant>,
    }
    let t: Test = serde_json::from_str(data).ok()?;
    Some(t.variants.into_iter().filter_map(|v| v.post_id).collect())
}

pub use crate::objectives::ActualMix;

/// The mix gauge of the strategy (`network` None) or of one network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MixGauge {
    pub network: Option<String>,
    pub target: MixWeights,
    /// None when no post has a pillar.
    pub actual: Option<ActualMix>,
    /// The posts with a pillar it is computed from.
    pub posts: u32,
    pub within_tolerance: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TopicCount {
    #[ts(type = "number")]
    pub topic_id: i64,
    pub posts: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CalendarChecks {
    /// The period checked, `YYYY-MM-DD`, inclusive.
    pub from: String,
    pub to: String,
    pub findings: Vec<CalendarFinding>,
    pub gauges: Vec<MixGauge>,
    /// Posts per topic over the period, every topic of step 3 included.
    pub topics: Vec<TopicCount>,
    /// The thresholds the checks used (the UI's help quotes them).
    pub options: CheckOptions,
    /// [`MIX_MIN_POSTS`]: a gauge with fewer posts is not judged.
    pub mix_min_posts: u32,
}

fn link(network: Option<&str>) -> FindingLink {
    FindingLink {
        step: StepId::Calendar,
        section: "calendar".to_owned(),
        network: network.map(str::to_owned),
        item: None,
        pillar: None,
    }
}

struct Out(Vec<CalendarFinding>);

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
        posts: Vec<i64>,
        editorial: Vec<i64>,
    ) {
        self.0.push(CalendarFinding {
            post_title: about_each_post(kind).then(|| title.clone()),
            finding: Finding::new(
                kind,
                severity,
                network,
                title,
                explanation,
                suggestion,
                link(network),
            ),
            posts,
            editorial,
        });
    }

    /// Sets how the last finding reads in one of its posts' checks.
    fn for_each_post(&mut self, title: Text) {
        if let Some(f) = self.0.last_mut() {
            f.post_title = Some(title);
        }
    }
}

/// Whether a finding of this kind is about each of the posts it names (see the module's rules).
pub fn about_each_post(kind: FindingKind) -> bool {
    matches!(
        kind,
        FindingKind::PostCollision
            | FindingKind::TopicRepeated
            | FindingKind::MissionMisfit
            | FindingKind::PostWithoutObjective
            | FindingKind::PostTooLong
    )
}

fn day_of(p: &Post) -> Option<NaiveDate> {
    p.data
        .scheduled_at
        .as_deref()
        .and_then(parse_date_time)
        .map(|t| t.date())
}

fn share(count: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        count as f64 * 100.0 / total as f64
    }
}

/// The actual mix of `posts` (those with a pillar), and how many there are.
pub fn actual_mix<'a>(posts: impl Iterator<Item = &'a Post>) -> (Option<ActualMix>, usize) {
    let mut counts = [0usize; 3];
    for p in posts {
        if let Some(pillar) = p.data.pillar {
            counts[Pillar::ALL.iter().position(|x| *x == pillar).unwrap_or(0)] += 1;
        }
    }
    let total: usize = counts.iter().sum();
    if total == 0 {
        return (None, 0);
    }
    (
        Some(ActualMix {
            promotion: share(counts[0], total),
            curation: share(counts[1], total),
            interaction: share(counts[2], total),
        }),
        total,
    )
}

/// The checks of the calendar over `from..=to`.
pub fn calendar_checks(
    cal: &Calendar,
    obj: &Objectives,
    audit: &Audit,
    opts: &CheckOptions,
    variants: &VariantGroups,
    from: NaiveDate,
    to: NaiveDate,
) -> CalendarChecks {
    let mut out = Out(Vec::new());
    let name = |key: &str| NetName::of(&audit.networks, key);
    let topic_name = |id: i64| -> String {
        obj.topics
            .iter()
            .find(|t| t.id == id)
            .map_or_else(String::new, |t| t.data.name.clone())
    };
    let posts: Vec<&Post> = cal
        .posts
        .iter()
        .filter(|p| day_of(p).is_some_and(|d| d >= from && d <= to))
        .collect();
    let kept = kept_networks(audit);
    let days = (to - from).num_days() + 1;
    let whole_weeks = (days / 7).max(0);
    let on = |network: &str| -> Vec<&Post> {
        posts
            .iter()
            .copied()
            .filter(|p| p.data.network == network)
            .collect()
    };

    // Frequency.
    for k in &kept {
        let Some(target) = obj
            .missions
            .iter()
            .find(|m| &m.network == k)
            .and_then(|m| m.posts_per_week)
            .filter(|t| *t > 0.0)
        else {
            continue;
        };
        if whole_weeks == 0 {
            continue;
        }
        let NetName { en: n, fr: f } = name(k);
        let mine = on(k);
        // A blog or a newsletter publishes editorial items: its pace counts them, and its posts if it has any.
        let channel = editorial_channel(k);
        let items: Vec<(i64, NaiveDate)> = cal
            .editorial
            .iter()
            .filter(|e| Some(e.data.item_type) == channel)
            .filter_map(|e| crate::dates::parse_day(&e.data.date).map(|d| (e.id, d)))
            .filter(|(_, d)| *d >= from && *d <= to)
            .collect();
        let mut per_week = vec![0usize; whole_weeks as usize];
        for d in mine
            .iter()
            .filter_map(|p| day_of(p))
            .chain(items.iter().map(|i| i.1))
        {
            let w = ((d - from).num_days() / 7) as usize;
            if w < per_week.len() {
                per_week[w] += 1;
            }
        }
        let average = per_week.iter().sum::<usize>() as f64 / per_week.len() as f64;
        let (one, many): ((&str, &str), (&str, &str)) = match channel {
            Some(EditorialType::Article) => (("article", "article"), ("articles", "articles")),
            Some(_) => (("issue", "envoi"), ("issues", "envois")),
            None => (("post", "publication"), ("posts", "publications")),
        };
        let (a_en, a_fr) = figure_count(average, one, many);
        // "de publications", "d’articles", "d’envois".
        let of_fr = if channel.is_some() {
            format!("d’{}", many.1)
        } else {
            format!("de {}", many.1)
        };
        let (t_en, t_fr) = figures(target);
        let ids: Vec<i64> = mine.iter().map(|p| p.id).collect();
        let item_ids: Vec<i64> = items.iter().map(|i| i.0).collect();
        if average < target * 0.75 {
            out.push(
                FindingKind::FrequencyTooLow,
                Severity::Warning,
                Some(k),
                text(format!("Too few {} on {n}", many.0), format!("Trop peu {of_fr} {}", f.on)),
                text(
                    format!("{a_en} a week on average, for a target of {t_en} set by its mission."),
                    format!("{a_fr} par semaine en moyenne, pour une cible de {t_fr} fixée par sa mission."),
                ),
                if channel.is_some() {
                    text(
                        format!("Add {} to the editorial calendar (the top row), or lower the target if it was too high.", many.0),
                        format!("Ajoutez des {} au calendrier éditorial (la ligne du haut), ou baissez la cible si elle était trop haute.", many.1),
                    )
                } else {
                    text(
                        "Add posts, or lower the target if it was too high.".into(),
                        "Ajoutez des publications, ou baissez la cible si elle était trop haute.".into(),
                    )
                },
                ids.clone(),
                item_ids.clone(),
            );
        } else if average > target * 1.5 {
            out.push(
                FindingKind::FrequencyTooHigh,
                Severity::Info,
                Some(k),
                text(
                    format!("Many {} on {n}", many.0),
                    format!("Beaucoup {of_fr} {}", f.on),
                ),
                text(
                    format!("{a_en} a week on average, for a target of {t_en}."),
                    format!("{a_fr} par semaine en moyenne, pour une cible de {t_fr}."),
                ),
                text(
                    "Keep the rhythm you can hold, or raise the target on purpose.".into(),
                    "Gardez un rythme tenable, ou relevez la cible en connaissance de cause."
                        .into(),
                ),
                ids.clone(),
                item_ids.clone(),
            );
        }
        if target >= 1.0 {
            let empty: Vec<NaiveDate> = per_week
                .iter()
                .enumerate()
                .filter(|(_, c)| **c == 0)
                .map(|(w, _)| from + Duration::days(w as i64 * 7))
                .collect();
            if !empty.is_empty() {
                let list: Vec<String> = empty
                    .iter()
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .collect();
                out.push(
                    FindingKind::EmptyWeeks,
                    Severity::Warning,
                    Some(k),
                    text(
                        format!("{} with nothing on {n}", count_en(empty.len(), "week", "weeks")),
                        format!("{} sans rien {}", count_fr(empty.len(), "semaine", "semaines"), f.on),
                    ),
                    text(
                        format!("{} {}.", en(empty.len(), "The week starting", "Weeks starting"), join(&list, "and")),
                        format!("{} {}.", fr(empty.len(), "La semaine du", "Les semaines du"), join(&list, "et")),
                    ),
                    if channel.is_some() {
                        text(
                            format!("An active account that goes silent loses its audience: plan at least one {} those weeks, in the editorial calendar.", one.0),
                            format!("Un compte actif qui se tait perd son audience : prévoyez au moins un {} ces semaines-là, dans le calendrier éditorial.", one.1),
                        )
                    } else {
                        text(
                            "An active account that goes silent loses its audience: plan at least one post those weeks.".into(),
                            "Un compte actif qui se tait perd son audience : prévoyez au moins une publication ces semaines-là.".into(),
                        )
                    },
                    Vec::new(),
                    Vec::new(),
                );
            }
        }
    }

    // Topic variety: repeats per network.
    let mut networks: Vec<&str> = posts.iter().map(|p| p.data.network.as_str()).collect();
    networks.sort();
    networks.dedup();
    let limit = opts.repeat_limit.max(2) as usize;
    for network in &networks {
        let mine = on(network);
        let mut run: Vec<&Post> = Vec::new();
        let flush = |run: &Vec<&Post>, out: &mut Out| {
            if run.len() >= limit {
                let topic = topic_name(run[0].data.topic_id.unwrap_or_default());
                let NetName { en: n, fr: f } = name(network);
                out.push(
                    FindingKind::TopicRepeated,
                    Severity::Warning,
                    Some(network),
                    text(
                        format!("“{topic}” {} times in a row on {n}", run.len()),
                        format!("« {topic} » {} fois de suite {}", run.len(), f.on),
                    ),
                    text(
                        "Followers tire of the same subject post after post.".into(),
                        "Les abonnés se lassent du même sujet publication après publication."
                            .into(),
                    ),
                    text(
                        "Move one of these posts, or give it another topic.".into(),
                        "Déplacez l’une de ces publications, ou donnez-lui un autre thème.".into(),
                    ),
                    run.iter().map(|p| p.id).collect(),
                    Vec::new(),
                );
            }
        };
        for p in mine {
            match (run.last(), p.data.topic_id) {
                (Some(last), Some(t)) if last.data.topic_id == Some(t) => run.push(p),
                (_, Some(_)) => {
                    flush(&run, &mut out);
                    run = vec![p];
                }
                (_, None) => {
                    flush(&run, &mut out);
                    run.clear();
                }
            }
        }
        flush(&run, &mut out);
    }

    // Topic variety: distribution, unused and dominant topics.
    let mut counts: BTreeMap<i64, u32> = obj.topics.iter().map(|t| (t.id, 0)).collect();
    for p in &posts {
        if let Some(t) = p.data.topic_id {
            *counts.entry(t).or_default() += 1;
        }
    }
    let tagged: u32 = counts.values().sum();
    if days >= i64::from(opts.unused_weeks) * 7 && !posts.is_empty() {
        let unused: Vec<String> = obj
            .topics
            .iter()
            .filter(|t| counts.get(&t.id).copied().unwrap_or(0) == 0)
            .map(|t| t.data.name.clone())
            .collect();
        if !unused.is_empty() {
            let k = unused.len();
            let quoted_en: Vec<String> = unused.iter().map(|t| format!("“{t}”")).collect();
            let quoted_fr: Vec<String> = unused.iter().map(|t| format!("« {t} »")).collect();
            out.push(
                FindingKind::TopicUnused,
                Severity::Info,
                None,
                text(
                    format!("{}: {}", en(k, "Topic left unused", "Topics left unused"), join(&quoted_en, "and")),
                    format!("{} : {}", fr(k, "Thème inutilisé", "Thèmes inutilisés"), join(&quoted_fr, "et")),
                ),
                text(
                    format!(
                        "No post over the period ({}) {}.",
                        count_en(days as usize, "day", "days"),
                        en(k, "uses it", "uses them")
                    ),
                    format!(
                        "Aucune publication de la période ({}) ne {}.",
                        count_fr(days as usize, "jour", "jours"),
                        fr(k, "l’utilise", "les utilise")
                    ),
                ),
                text(
                    en(k, "Plan a post on it, or remove it from step 3 if it no longer matters.", "Plan a post on each, or remove them from step 3 if they no longer matter.").into(),
                    fr(k, "Prévoyez une publication sur ce thème, ou retirez-le de l’étape 3 s’il ne compte plus.", "Prévoyez une publication sur chacun, ou retirez-les de l’étape 3 s’ils ne comptent plus.").into(),
                ),
                Vec::new(),
                Vec::new(),
            );
        }
    }
    if let Some((topic, n)) = counts.iter().max_by_key(|(_, n)| **n) {
        if topic_dominates(*n as usize, tagged as usize) {
            let pct = share(*n as usize, tagged as usize);
            let (p_en, p_fr) = figures(pct);
            let tn = topic_name(*topic);
            out.push(
                FindingKind::TopicDominant,
                Severity::Info,
                None,
                text(
                    format!("“{tn}” takes {p_en} % of the posts"),
                    format!("« {tn} » occupe {p_fr} % des publications"),
                ),
                text(
                    "One topic carries much of the plan; the others get little room.".into(),
                    "Un thème porte une grande part du plan ; les autres ont peu de place.".into(),
                ),
                text(
                    "Spread the posts over more of your topics.".into(),
                    "Répartissez les publications sur davantage de vos thèmes.".into(),
                ),
                posts
                    .iter()
                    .filter(|p| p.data.topic_id == Some(*topic))
                    .map(|p| p.id)
                    .collect(),
                Vec::new(),
            );
        }
    }

    // Mission fit and the content mix per network.
    let tolerance = f64::from(opts.mix_tolerance);
    let off_target = |target: MixWeights, actual: ActualMix| {
        Pillar::ALL
            .iter()
            .any(|p| (actual.of(*p) - f64::from(target.of(*p))).abs() > tolerance)
    };
    let mut gauges = Vec::new();
    let (actual, counted) = actual_mix(posts.iter().copied());
    let target = obj.mix.strategy;
    let within = !actual.is_some_and(|a| counted >= MIX_MIN_POSTS && off_target(target, a));
    gauges.push(MixGauge {
        network: None,
        target,
        actual,
        posts: counted as u32,
        within_tolerance: within,
    });
    let describe = |a: ActualMix| -> (String, String) {
        let en: Vec<String> = Pillar::ALL
            .iter()
            .map(|p| format!("{} {} %", p.name().0, figures(a.of(*p)).0))
            .collect();
        let fr: Vec<String> = Pillar::ALL
            .iter()
            .map(|p| format!("{} {} %", p.name().1, figures(a.of(*p)).1))
            .collect();
        (en.join(", "), fr.join(", "))
    };
    let target_text = |w: MixWeights| -> String {
        format!("{} / {} / {}", w.promotion, w.curation, w.interaction)
    };
    if let (Some(a), false) = (actual, within) {
        let (en, fr) = describe(a);
        out.push(
            FindingKind::MixOffTarget,
            Severity::Warning,
            None,
            text(
                "The mix of all networks is off its target".into(),
                "Le mix de tous les réseaux s’écarte de sa cible".into(),
            ),
            text(
                format!("Actual: {en}; target (promotion / curation / interaction): {}.", target_text(target)),
                format!("Réel : {fr} ; cible (promotion / curation / interaction) : {}.", target_text(target)),
            ),
            text(
                "Change the pillar of some posts, or add posts in the pillars that lack them.".into(),
                "Changez le pilier de quelques publications, ou ajoutez-en dans les piliers qui manquent.".into(),
            ),
            Vec::new(),
            Vec::new(),
        );
    }
    for k in &kept {
        let mine = on(k);
        let NetName { en: n, fr: f } = name(k);
        let target = obj.mix.for_network(k);
        let (actual, counted) = actual_mix(mine.iter().copied());
        let within = !actual.is_some_and(|a| counted >= MIX_MIN_POSTS && off_target(target, a));
        gauges.push(MixGauge {
            network: Some(k.clone()),
            target,
            actual,
            posts: counted as u32,
            within_tolerance: within,
        });
        // A network that follows the strategy's mix is free to lean on its mission's pillars; one with a mix of its
        // own has said what it wants.
        let own = obj.mix.networks.iter().any(|m| &m.network == k);
        if let (Some(a), false, true) = (actual, within, own) {
            let (en, fr) = describe(a);
            out.push(
                FindingKind::MixOffTarget,
                Severity::Warning,
                Some(k),
                text(
                    format!("The mix on {n} is off its target"),
                    format!("Le mix {} s’écarte de sa cible", f.of),
                ),
                text(
                    format!("Actual: {en}; target: {}.", target_text(target)),
                    format!("Réel : {fr} ; cible : {}.", target_text(target)),
                ),
                text(
                    format!("Rebalance the pillars of the posts on {n}."),
                    format!("Rééquilibrez les piliers des publications {}.", f.on),
                ),
                mine.iter().map(|p| p.id).collect(),
                Vec::new(),
            );
        }
        let Some(mission) = obj.missions.iter().find(|m| &m.network == k) else {
            continue;
        };
        if mission.pillars.is_empty() {
            continue;
        }
        let with_pillar: Vec<&&Post> = mine.iter().filter(|p| p.data.pillar.is_some()).collect();
        let fit = with_pillar
            .iter()
            .filter(|p| p.data.pillar.is_some_and(|x| mission.pillars.contains(&x)))
            .count();
        if with_pillar.len() >= 4 && share(fit, with_pillar.len()) < 50.0 {
            let (s_en, s_fr) = figures(share(fit, with_pillar.len()));
            let names_en: Vec<String> = mission
                .pillars
                .iter()
                .map(|p| p.name().0.to_owned())
                .collect();
            let names_fr: Vec<String> = mission
                .pillars
                .iter()
                .map(|p| p.name().1.to_owned())
                .collect();
            out.push(
                FindingKind::MissionMisfit,
                Severity::Warning,
                Some(k),
                text(
                    format!("The posts on {n} stray from its mission"),
                    format!("Les publications {} s’éloignent de sa mission", f.of),
                ),
                text(
                    format!(
                        "Only {s_en} % of them are in its main pillars ({}).",
                        join(&names_en, "and")
                    ),
                    format!(
                        "{s_fr} % d’entre elles seulement relèvent de ses piliers principaux ({}).",
                        join(&names_fr, "et")
                    ),
                ),
                text(
                    format!("Plan more posts in those pillars on {n}, or revise its mission."),
                    format!(
                        "Prévoyez plus de publications de ces piliers {}, ou revoyez sa mission.",
                        f.on
                    ),
                ),
                with_pillar
                    .iter()
                    .filter(|p| p.data.pillar.is_some_and(|x| !mission.pillars.contains(&x)))
                    .map(|p| p.id)
                    .collect(),
                Vec::new(),
            );
            out.for_each_post(text(
                format!("This post strays from the mission of {n}"),
                format!("Cette publication s’éloigne de la mission {}", f.of),
            ));
        }
    }

    // Collisions.
    let gap = i64::from(opts.collision_gap_minutes);
    for network in &networks {
        let mine = on(network);
        for pair in mine.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if variants.same_test(a.id, b.id) {
                continue;
            }
            let (Some(ta), Some(tb)) = (
                a.data.scheduled_at.as_deref().and_then(parse_date_time),
                b.data.scheduled_at.as_deref().and_then(parse_date_time),
            ) else {
                continue;
            };
            let minutes = (tb - ta).num_minutes();
            if minutes < gap {
                let NetName { en: n, fr: f } = name(network);
                out.push(
                    FindingKind::PostCollision,
                    Severity::Warning,
                    Some(network),
                    text(
                        format!("Two posts {minutes} min apart on {n}"),
                        format!("Deux publications à {minutes} min d’intervalle {}", f.on),
                    ),
                    text(
                        format!("“{}” and “{}”, on {}.", a.data.title, b.data.title, ta.format("%Y-%m-%d %H:%M")),
                        format!("« {} » et « {} », le {}.", a.data.title, b.data.title, ta.format("%Y-%m-%d %H:%M")),
                    ),
                    text(
                        format!("Leave at least {gap} minutes between two posts on one network."),
                        format!("Laissez au moins {gap} minutes entre deux publications sur un même réseau."),
                    ),
                    vec![a.id, b.id],
                    Vec::new(),
                );
            }
        }
    }

    // Orphans.
    let orphans: Vec<i64> = posts
        .iter()
        .filter(|p| p.data.objective_id.is_none())
        .map(|p| p.id)
        .collect();
    if !orphans.is_empty() {
        out.push(
            FindingKind::PostWithoutObjective,
            Severity::Info,
            None,
            text(
                format!(
                    "{} {}",
                    count_en(orphans.len(), "post", "posts"),
                    en(orphans.len(), "serves no objective", "serve no objective")
                ),
                format!(
                    "{} {}",
                    count_fr(orphans.len(), "publication", "publications"),
                    fr(orphans.len(), "ne sert aucun objectif", "ne servent aucun objectif")
                ),
            ),
            text(
                "A post that serves no objective cannot be judged in step 5.".into(),
                "Une publication qui ne sert aucun objectif ne pourra pas être évaluée à l’étape 5.".into(),
            ),
            text(
                "Choose the objective each one serves.".into(),
                "Choisissez l’objectif que sert chacune.".into(),
            ),
            orphans,
            Vec::new(),
        );
        out.for_each_post(text(
            "This post serves no objective".into(),
            "Cette publication ne sert aucun objectif".into(),
        ));
    }
    let lonely: Vec<&crate::calendar::EditorialItem> = cal
        .editorial
        .iter()
        .filter(|e| {
            crate::dates::parse_day(&e.data.date).is_some_and(|d| d >= from && d <= to)
                && !cal
                    .posts
                    .iter()
                    .chain(&cal.ideas)
                    .any(|p| p.data.editorial_item_id == Some(e.id))
        })
        .collect();
    if !lonely.is_empty() {
        let titles: Vec<String> = lonely.iter().map(|e| e.data.title.clone()).collect();
        out.push(
            FindingKind::EditorialNotRelayed,
            Severity::Info,
            None,
            text(
                format!("Not relayed on any network: {}", join(&titles, "and")),
                format!("Aucune publication ne relaie {}", join(&titles, "et")),
            ),
            text(
                "Content the brand produces reaches more people when posts relay it.".into(),
                "Un contenu produit par la marque touche plus de monde quand des publications le relaient.".into(),
            ),
            text(
                "Create relay posts from the editorial item.".into(),
                "Créez des publications relais depuis le contenu éditorial.".into(),
            ),
            Vec::new(),
            lonely.iter().map(|e| e.id).collect(),
        );
    }

    // Length.
    for p in posts
        .iter()
        .chain(cal.ideas.iter().collect::<Vec<_>>().iter())
    {
        let Some(max) = audit
            .networks
            .iter()
            .find(|n| n.key == p.data.network)
            .and_then(|n| n.max_length)
        else {
            continue;
        };
        let len = text_length(&p.data.text);
        if len > max as usize {
            let NetName { en: n, fr: f } = name(&p.data.network);
            let (len_en, len_fr) = figures(len as f64);
            let (max_en, max_fr) = figures(f64::from(max));
            out.push(
                FindingKind::PostTooLong,
                Severity::Warning,
                Some(&p.data.network),
                text(
                    format!("“{}” is too long for {n}", p.data.title),
                    format!("« {} » est trop longue pour {}", p.data.title, f.the),
                ),
                text(
                    format!("{len_en} characters; {n} takes {max_en} at most."),
                    format!("{len_fr} caractères ; {} en accepte {max_fr} au plus.", f.the),
                ),
                text(
                    "Shorten the text, or move the post to a network that takes it.".into(),
                    "Raccourcissez le texte, ou déplacez la publication vers un réseau qui l’accepte.".into(),
                ),
                vec![p.id],
                Vec::new(),
            );
        }
    }

    let mut findings = out.0;
    findings.sort_by_key(|f| f.finding.severity);
    CalendarChecks {
        from: from.format("%Y-%m-%d").to_string(),
        to: to.format("%Y-%m-%d").to_string(),
        findings,
        gauges,
        topics: counts
            .into_iter()
            .map(|(topic_id, posts)| TopicCount { topic_id, posts })
            .collect(),
        options: *opts,
        mix_min_posts: MIX_MIN_POSTS as u32,
    }
}

/// The finding that lists the stored dates and times no repair could read ([`crate::store::stored_dates::problems`]), with
/// the posts and editorial items concerned; `None` when there are none.
pub fn stored_dates_finding(
    problems: &[crate::store::stored_dates::Problem],
) -> Option<CalendarFinding> {
    if problems.is_empty() {
        return None;
    }
    let ids = |table: &str| -> Vec<i64> {
        problems
            .iter()
            .filter(|p| p.table == table)
            .map(|p| p.id)
            .collect()
    };
    let listed = |fr: bool| -> String {
        let mut parts: Vec<String> = problems
            .iter()
            .take(5)
            .map(|p| {
                let what = if fr { p.what_fr } else { p.what };
                let q = crate::error::quote(&p.value);
                if fr {
                    format!(
                        "{what} {} ({}) : « {} »",
                        p.id,
                        p.column,
                        &q[1..q.len() - 1]
                    )
                } else {
                    format!("{what} {} ({}): {q}", p.id, p.column)
                }
            })
            .collect();
        if problems.len() > 5 {
            parts.push(if fr {
                format!("et {}", count_fr(problems.len() - 5, "autre", "autres"))
            } else {
                format!("and {} more", problems.len() - 5)
            });
        }
        parts.join(if fr { " ; " } else { "; " })
    };
    let n = problems.len();
    let mut out = Out(Vec::new());
    out.push(
        FindingKind::StoredDateInvalid,
        Severity::Warning,
        None,
        text(
            "Dates Cinq cannot read".into(),
            "Des dates que Cinq ne sait pas lire".into(),
        ),
        text(
            format!(
                "{} not in the form Cinq uses (YYYY-MM-DD, HH:MM) and could not be repaired: {}. The calendar \
                 leaves these posts out, and exports refuse them until they are fixed.",
                en(
                    n,
                    "1 stored date or time is",
                    &format!("{n} stored dates or times are")
                ),
                listed(false)
            ),
            format!(
                "{} pas dans la forme qu’utilise Cinq (AAAA-MM-JJ, HH:MM) et n’{} pas pu être {} : {}. Le \
                 calendrier laisse ces publications de côté, et les exports les refusent tant qu’elles ne sont pas \
                 corrigées.",
                fr(
                    n,
                    "1 date ou heure enregistrée n’est",
                    &format!("{n} dates ou heures enregistrées ne sont")
                ),
                fr(n, "a", "ont"),
                fr(n, "corrigée", "corrigées"),
                listed(true)
            ),
        ),
        text(
            "Give each of them a date again: edit the post or the item, or move it in the calendar.".into(),
            "Redonnez une date à chacun : modifiez la publication ou le contenu éditorial, ou déplacez-le dans le calendrier."
                .into(),
        ),
        ids("post"),
        ids("editorial_item"),
    );
    out.0.pop()
}
