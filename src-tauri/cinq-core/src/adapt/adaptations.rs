//! Step 5's adaptations: the log of the changes made to the plan, each with its observation, decision, evidence (a
//! finding, an A/B test, a KPI or an underperformer), expected effect and review date.
//!
//! The rules, in one place:
//! - An adaptation is written by hand, or by an **action** that changes the plan and logs itself in the same
//!   transaction, with what it changed before and after:
//!   - a network's target frequency (its mission's posts per week);
//!   - the mix weights, strategy-wide or of a network;
//!   - moving an underperforming post to another slot, or duplicating it there (the copy is a draft);
//!   - replacing a losing variant: in the upcoming posts (after today, not published) on the test's networks, the
//!     losing variants' title, text or photo (media notes) is replaced by the winner's, or their time of day by the
//!     winner's, or their format by the winner's, depending on what the test varied.
//! - An action that would change nothing is refused, and nothing is logged.
//! - **Review**: an adaptation whose review date has come (on or before today, in the strategy's time zone) and that is
//!   not marked reviewed is due; the home screen lists the due ones of every strategy.

use chrono::{NaiveDate, NaiveTime};

/// How long after an adaptation its review comes, by default (the form of a new adaptation proposes it).
pub const REVIEW_AFTER_DAYS: u32 = 28;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::adapt::abtests::VariedElement;
use crate::calendar::{self, Post, PostInput, PostStatus};
use crate::check;
use crate::error::{CoreError, FieldError, Result};
use crate::findings::{text, Text};
use crate::network::NetName;
use crate::objectives::{self, Mission, MixWeights};
use crate::store::{not_found, Store};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    None,
    Finding,
    Test,
    Kpi,
    Underperformer,
}

/// What an adaptation rests on: its kind, the id of what it names (a test, an objective, a post) and its words at
/// the time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Evidence {
    pub kind: EvidenceKind,
    #[ts(type = "number | null")]
    pub ref_id: Option<i64>,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AdaptationInput {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub observation: String,
    pub decision: String,
    pub evidence: Evidence,
    pub expected_effect: String,
    pub review_on: Option<String>,
    pub reviewed: bool,
}

/// A change to the plan that applies and logs itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum AdaptationAction {
    SetFrequency {
        network: String,
        posts_per_week: Option<f64>,
    },
    SetMix {
        network: Option<String>,
        weights: MixWeights,
    },
    MovePost {
        #[ts(type = "number")]
        post_id: i64,
        scheduled_at: String,
    },
    DuplicatePost {
        #[ts(type = "number")]
        post_id: i64,
        scheduled_at: String,
    },
    ReplaceVariant {
        #[ts(type = "number")]
        test_id: i64,
    },
}

/// One thing an action changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Change {
    pub what: Text,
    pub before: String,
    pub after: String,
    #[ts(type = "number | null")]
    pub post_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Adaptation {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    #[ts(flatten)]
    pub data: AdaptationInput,
    pub action: Option<AdaptationAction>,
    pub changes: Vec<Change>,
    /// Its review has come and is not done ([`is_due`], against the strategy's today).
    #[serde(default)]
    pub due: bool,
}

/// Whether an adaptation's review is due on `today` (`YYYY-MM-DD`): its review date has come (on or before today)
/// and it is not marked reviewed.
pub fn is_due(a: &AdaptationInput, today: &str) -> bool {
    !a.reviewed && a.review_on.as_deref().is_some_and(|r| r <= today)
}

/// A due review, for the home screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DueReview {
    #[ts(type = "number")]
    pub strategy_id: i64,
    pub strategy_name: String,
    #[ts(type = "number")]
    pub adaptation_id: i64,
    pub decision: String,
    pub review_on: String,
}

/// How an adaptation is stored: its input, action and changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Stored {
    #[serde(flatten)]
    data: AdaptationInput,
    action: Option<AdaptationAction>,
    changes: Vec<Change>,
}

fn day_ok(s: &str) -> bool {
    crate::dates::is_day(s)
}

pub fn validate_adaptation(a: &AdaptationInput) -> Result<()> {
    let mut e = Vec::new();
    if !day_ok(&a.date) {
        e.push(FieldError::new("date", "invalid_date"));
    }
    if a.review_on.as_deref().is_some_and(|d| !day_ok(d)) {
        e.push(FieldError::new("review_on", "invalid_date"));
    }
    if a.observation.trim().is_empty() && a.decision.trim().is_empty() {
        e.push(FieldError::new("decision", "required"));
    }
    check::text(&mut e, "observation", &a.observation, 4000);
    check::text(&mut e, "decision", &a.decision, 4000);
    check::text(&mut e, "expected_effect", &a.expected_effect, 4000);
    check::text(&mut e, "evidence", &a.evidence.label, 1000);
    check::done(e)
}

fn clean(a: &AdaptationInput) -> AdaptationInput {
    AdaptationInput {
        observation: a.observation.trim().to_owned(),
        decision: a.decision.trim().to_owned(),
        expected_effect: a.expected_effect.trim().to_owned(),
        evidence: Evidence {
            label: a.evidence.label.trim().to_owned(),
            ..a.evidence.clone()
        },
        ..a.clone()
    }
}

fn json<T: Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| CoreError::Io(format!("cannot encode: {e}")))
}

pub(crate) fn insert_adaptation(
    tx: &Transaction,
    id: i64,
    data: &AdaptationInput,
    action: Option<&AdaptationAction>,
    changes: &[Change],
) -> Result<i64> {
    let stored = Stored {
        data: clean(data),
        action: action.cloned(),
        changes: changes.to_vec(),
    };
    tx.execute(
        "INSERT INTO adaptation (strategy_id, review_on, data) VALUES (?1, ?2, ?3)",
        params![id, data.review_on, json(&stored)?],
    )?;
    Ok(tx.last_insert_rowid())
}

/// An adaptation as stored; `today` (the strategy's, `YYYY-MM-DD`) decides whether its review is due.
fn read(id: i64, data: &str, today: &str) -> Option<Adaptation> {
    let s: Stored = serde_json::from_str(data).ok()?;
    Some(Adaptation {
        id,
        due: is_due(&s.data, today),
        data: s.data,
        action: s.action,
        changes: s.changes,
    })
}

// ---------------------------------------------------------------------------------------------------------------
// Actions.

fn num(v: Option<f64>) -> String {
    v.map_or("—".to_owned(), |v| {
        format!("{}", (v * 10.0).round() / 10.0)
    })
}

fn mix(w: &MixWeights) -> String {
    format!("{} / {} / {}", w.promotion, w.curation, w.interaction)
}

fn post_change(what_en: &str, what_fr: &str, p: &Post, before: String, after: String) -> Change {
    Change {
        what: text(
            format!("{what_en} of “{}”", p.data.title),
            format!("{what_fr} de « {} »", p.data.title),
        ),
        before,
        after,
        post_id: Some(p.id),
    }
}

/// A write an action makes, planned from what the store holds.
enum Write {
    Mission(Mission),
    Mix(Option<String>, MixWeights),
    Post(Post),
    /// A new post; the change at this index gets its id.
    NewPost(PostInput, usize),
    Format(i64, String),
}

impl Write {
    fn run(&self, tx: &Transaction, id: i64, changes: &mut [Change]) -> Result<()> {
        match self {
            Write::Mission(m) => objectives::write_mission(tx, id, m),
            Write::Mix(n, w) => objectives::write_mix(tx, id, n.as_deref(), w),
            Write::Post(p) => calendar::upsert_post(tx, id, p),
            Write::NewPost(p, change) => {
                changes[*change].post_id = Some(calendar::insert_post(tx, id, p)?);
                Ok(())
            }
            Write::Format(post_id, f) => {
                tx.execute(
                    "UPDATE publication SET format = ?2 WHERE post_id = ?1",
                    params![post_id, f],
                )?;
                Ok(())
            }
        }
    }
}

fn post_write(p: Post) -> Result<Write> {
    calendar::validate_post(&p.data)?;
    Ok(Write::Post(p))
}

/// A network the strategy knows (as `save_mission` and `save_mix` require), by its name.
fn known_network(store: &Store, id: i64, network: &str) -> Result<NetName> {
    let networks = crate::network::networks_of(store.conn(), id)?;
    if networks.iter().any(|n| n.key == network) {
        Ok(NetName::of(&networks, network))
    } else {
        Err(CoreError::Validation(vec![FieldError::new(
            "networks",
            "unknown_network",
        )]))
    }
}

/// Plans an action: what it changes, and the writes that change it.
fn plan(
    store: &Store,
    id: i64,
    action: &AdaptationAction,
    today: NaiveDate,
) -> Result<(Vec<Change>, Vec<Write>)> {
    match action {
        AdaptationAction::SetFrequency {
            network,
            posts_per_week,
        } => {
            let name = known_network(store, id, network)?;
            let o = store.objectives(id)?;
            let before = o.missions.iter().find(|m| &m.network == network).cloned();
            let mission = Mission {
                posts_per_week: *posts_per_week,
                ..before.clone().unwrap_or(Mission {
                    network: network.clone(),
                    statement: String::new(),
                    audiences: Vec::new(),
                    objectives: Vec::new(),
                    pillars: Vec::new(),
                    posts_per_week: None,
                })
            };
            objectives::validate_mission(&mission)?;
            let old = before.and_then(|m| m.posts_per_week);
            if old == *posts_per_week {
                return Ok((Vec::new(), Vec::new()));
            }
            Ok((
                vec![Change {
                    what: text(
                        format!("Posts per week on {}", name.en),
                        format!("Publications par semaine {}", name.fr.on),
                    ),
                    before: num(old),
                    after: num(*posts_per_week),
                    post_id: None,
                }],
                vec![Write::Mission(mission)],
            ))
        }
        AdaptationAction::SetMix { network, weights } => {
            objectives::validate_mix(weights)?;
            let name = match network {
                Some(n) => Some(known_network(store, id, n)?),
                None => None,
            };
            let o = store.objectives(id)?;
            let before = match network {
                Some(n) => o.mix.for_network(n),
                None => o.mix.strategy,
            };
            if before == *weights {
                return Ok((Vec::new(), Vec::new()));
            }
            let (en, fr) = match &name {
                Some(n) => (
                    format!(
                        "Content mix of {} (promotion / curation / interaction)",
                        n.en
                    ),
                    format!(
                        "Mix de contenus {} (promotion / curation / interaction)",
                        n.fr.of
                    ),
                ),
                None => (
                    "Content mix (promotion / curation / interaction)".to_owned(),
                    "Mix de contenus (promotion / curation / interaction)".to_owned(),
                ),
            };
            Ok((
                vec![Change {
                    what: text(en, fr),
                    before: mix(&before),
                    after: mix(weights),
                    post_id: None,
                }],
                vec![Write::Mix(network.clone(), *weights)],
            ))
        }
        AdaptationAction::MovePost {
            post_id,
            scheduled_at,
        } => {
            let mut p = store.post(id, *post_id)?;
            let before = p.data.scheduled_at.clone().unwrap_or_default();
            if before == *scheduled_at {
                return Ok((Vec::new(), Vec::new()));
            }
            p.data.scheduled_at = Some(scheduled_at.clone());
            let change = post_change("Slot", "Créneau", &p, before, scheduled_at.clone());
            Ok((vec![change], vec![post_write(p)?]))
        }
        AdaptationAction::DuplicatePost {
            post_id,
            scheduled_at,
        } => {
            let p = store.post(id, *post_id)?;
            let copy = PostInput {
                scheduled_at: Some(scheduled_at.clone()),
                status: p.data.status.min(PostStatus::Draft),
                ..p.data.clone()
            };
            calendar::validate_post(&copy)?;
            Ok((
                vec![Change {
                    what: text(
                        format!("Copy of “{}”", p.data.title),
                        format!("Copie de « {} »", p.data.title),
                    ),
                    before: String::new(),
                    after: scheduled_at.clone(),
                    post_id: None,
                }],
                vec![Write::NewPost(copy, 0)],
            ))
        }
        AdaptationAction::ReplaceVariant { test_id } => replace_variant(store, id, *test_id, today),
    }
}

fn replace_variant(
    store: &Store,
    id: i64,
    test_id: i64,
    today: NaiveDate,
) -> Result<(Vec<Change>, Vec<Write>)> {
    let test = store.ab_test(id, test_id)?;
    let winner_label = test.winner.clone().ok_or_else(|| {
        CoreError::Conflict("this test is not decided yet: there is no winner to keep".into())
    })?;
    let post_of = |label: &str| {
        test.variants
            .iter()
            .find(|v| v.label == label)
            .and_then(|v| v.post_id)
            .and_then(|p| store.post(id, p).ok())
    };
    let winner = post_of(&winner_label).ok_or_else(|| {
        CoreError::Conflict("the winning variant has no post to copy from".into())
    })?;
    let losers: Vec<Post> = test
        .variants
        .iter()
        .filter(|v| v.label != winner_label)
        .filter_map(|v| post_of(&v.label))
        .collect();
    let varied = test.data.varied;
    let format_of = |post_id: i64| -> Result<Option<String>> {
        Ok(store
            .conn()
            .query_row(
                "SELECT format FROM publication WHERE post_id = ?1",
                [post_id],
                |r| r.get::<_, Option<String>>(0),
            )
            .optional()?
            .flatten())
    };
    let time_of = |p: &Post| {
        p.data
            .scheduled_at
            .as_deref()
            .and_then(calendar::parse_date_time)
            .map(|t| t.time())
    };
    let field = |p: &Post| -> Result<Option<String>> {
        Ok(match varied {
            VariedElement::Title => Some(p.data.title.clone()),
            VariedElement::Text => Some(p.data.text.clone()),
            VariedElement::Photo => Some(p.data.media_notes.clone()),
            VariedElement::Time => time_of(p).map(|t| t.format("%H:%M").to_string()),
            VariedElement::Format => format_of(p.id)?,
        }
        .filter(|v| !v.trim().is_empty()))
    };
    let won = field(&winner)?.ok_or_else(|| {
        CoreError::Conflict(
            "the winning variant's post has nothing to copy for what the test varied".into(),
        )
    })?;
    let mut lost: Vec<String> = Vec::new();
    for l in &losers {
        if let Some(v) = field(l)? {
            if v != won && !lost.contains(&v) {
                lost.push(v);
            }
        }
    }
    let (what_en, what_fr) = match varied {
        VariedElement::Title => ("Title", "Titre"),
        VariedElement::Text => ("Text", "Texte"),
        VariedElement::Photo => ("Photo", "Photo"),
        VariedElement::Time => ("Time", "Heure"),
        VariedElement::Format => ("Format", "Format"),
    };
    let (_, posts) = calendar::all_items(store.conn(), id)?;
    let mut changes = Vec::new();
    let mut writes = Vec::new();
    for mut p in posts {
        let upcoming = p
            .data
            .scheduled_at
            .as_deref()
            .and_then(calendar::parse_date_time)
            .is_some_and(|t| t.date() > today);
        if !upcoming
            || p.data.status == PostStatus::Published
            || p.id == winner.id
            || (!test.networks.is_empty() && !test.networks.contains(&p.data.network))
        {
            continue;
        }
        let Some(before) = field(&p)? else { continue };
        if !lost.contains(&before) {
            continue;
        }
        let change = post_change(what_en, what_fr, &p, before, won.clone());
        match varied {
            VariedElement::Title => p.data.title = won.clone(),
            VariedElement::Text => p.data.text = won.clone(),
            VariedElement::Photo => p.data.media_notes = won.clone(),
            VariedElement::Time => {
                let at = calendar::parse_date_time(p.data.scheduled_at.as_deref().unwrap_or(""))
                    .expect("upcoming posts have a date");
                let t = NaiveTime::parse_from_str(&won, "%H:%M").unwrap_or(at.time());
                p.data.scheduled_at = Some(
                    at.date()
                        .and_time(t)
                        .format(calendar::DATE_TIME_FORMAT)
                        .to_string(),
                );
            }
            VariedElement::Format => {}
        }
        changes.push(change);
        writes.push(if varied == VariedElement::Format {
            Write::Format(p.id, won.clone())
        } else {
            post_write(p)?
        });
    }
    Ok((changes, writes))
}

// ---------------------------------------------------------------------------------------------------------------
// Store.

impl Store {
    /// Every adaptation of a strategy, newest first.
    pub fn adaptations(&self, id: i64) -> Result<Vec<Adaptation>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, data FROM adaptation WHERE strategy_id = ?1
             ORDER BY json_extract(data, '$.date') DESC, id DESC",
        )?;
        // A strategy that does not exist has no adaptations; its today does not matter.
        let today = self
            .strategy(id)
            .map(|s| {
                crate::adapt::evaluate::today_of(&s)
                    .format("%Y-%m-%d")
                    .to_string()
            })
            .unwrap_or_default();
        let rows = stmt.query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = Vec::new();
        for r in rows {
            let (aid, data) = r?;
            if let Some(a) = read(aid, &data, &today) {
                out.push(a);
            }
        }
        Ok(out)
    }

    /// Writes an adaptation by hand (`adaptation_id` None creates it); an edit keeps its action and changes.
    pub fn save_adaptation(
        &mut self,
        id: i64,
        adaptation_id: Option<i64>,
        input: &AdaptationInput,
    ) -> Result<i64> {
        validate_adaptation(input)?;
        self.write(|tx| {
            crate::strategy::touch(tx, id)?;
            let Some(aid) = adaptation_id else {
                return insert_adaptation(tx, id, input, None, &[]);
            };
            let data: Option<String> = tx
                .query_row(
                    "SELECT data FROM adaptation WHERE id = ?1 AND strategy_id = ?2",
                    params![aid, id],
                    |r| r.get(0),
                )
                .optional()?;
            let old = data
                .and_then(|d| serde_json::from_str::<Stored>(&d).ok())
                .ok_or_else(|| not_found("adaptation", aid))?;
            let stored = Stored {
                data: clean(input),
                action: old.action,
                changes: old.changes,
            };
            tx.execute(
                "UPDATE adaptation SET review_on = ?2, data = ?3 WHERE id = ?1",
                params![aid, input.review_on, json(&stored)?],
            )?;
            Ok(aid)
        })
    }

    pub fn delete_adaptation(&mut self, id: i64, adaptation_id: i64) -> Result<()> {
        // Nothing is written (not even the strategy's date) when there is nothing to delete.
        self.write(|tx| {
            crate::strategy::touch(tx, id)?;
            let n = tx.execute(
                "DELETE FROM adaptation WHERE id = ?1 AND strategy_id = ?2",
                params![adaptation_id, id],
            )?;
            if n == 0 {
                return Err(not_found("adaptation", adaptation_id));
            }
            Ok(())
        })
    }

    /// Applies an action and logs it with `input`, in one transaction (see the module's rules).
    pub fn apply_adaptation(
        &mut self,
        id: i64,
        input: &AdaptationInput,
        action: &AdaptationAction,
        today: NaiveDate,
    ) -> Result<Adaptation> {
        validate_adaptation(input)?;
        self.strategy(id)?;
        let (mut changes, writes) = plan(self, id, action, today)?;
        if changes.is_empty() {
            return Err(CoreError::Conflict(
                "this action would change nothing in the plan, so it was not applied".into(),
            ));
        }
        let aid = self.write(|tx| {
            crate::strategy::touch(tx, id)?;
            for w in &writes {
                w.run(tx, id, &mut changes)?;
            }
            insert_adaptation(tx, id, input, Some(action), &changes)
        })?;
        self.adaptations(id)?
            .into_iter()
            .find(|a| a.id == aid)
            .ok_or_else(|| not_found("adaptation", aid))
    }

    /// The adaptations of every strategy whose review date has come and that are not reviewed, oldest first.
    pub fn due_reviews(&self) -> Result<Vec<DueReview>> {
        let mut out = Vec::new();
        for s in self.list_strategies()? {
            let strategy = self.strategy(s.id)?;
            for a in self.adaptations(s.id)? {
                if let Some(r) = a.data.review_on.as_deref() {
                    if a.due {
                        out.push(DueReview {
                            strategy_id: s.id,
                            strategy_name: strategy.name.clone(),
                            adaptation_id: a.id,
                            decision: if a.data.decision.is_empty() {
                                a.data.observation.clone()
                            } else {
                                a.data.decision.clone()
                            },
                            review_on: r.to_owned(),
                        });
                    }
                }
            }
        }
        out.sort_by(|a, b| a.review_on.cmp(&b.review_on));
        Ok(out)
    }
}
