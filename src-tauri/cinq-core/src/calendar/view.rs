//! What the calendar screen shows and writes, on top of [`crate::calendar`]: the view of a period (rows, posts,
//! ideas, live checks), relay posts made from an editorial item, and the changes undo and redo write back.
//!
//! The checks have a scope ([`ChecksScope`]), which they carry with them, so that every figure says what it covers:
//! - **a period** (the week or month on screen, or the days given to `cinq calendar check --from --to`): the posts
//!   dated in it, the editorial items of its days (with the posts that relay them, wherever they are), every idea,
//!   and the dates Cinq cannot read;
//! - **the whole plan** (the app's "Whole plan", and `cinq calendar check` without a period, which is the same
//!   [`Store::plan_checks`]): every dated post, from the first to the last (the strategy's first
//!   [`EMPTY_PLAN_WEEKS`] weeks while nothing is dated), with the same ideas, items and dates.
//!
//! The rules are the same over both ([`crate::calendar::checks`]); only the posts and days they see differ, so a
//! week can be within its mix while the plan is not.
//!
//! Undo and redo work on snapshots: the UI keeps each change as the posts and editorial items before and after it,
//! and writes one side back with [`Store::apply_calendar_change`], ids included. Undo and redo run in stack order,
//! so when a change is undone the calendar is as that change left it, and the ids it frees or needs are free.

use chrono::{Datelike, NaiveDate};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::checks::{CalendarChecks, CheckOptions};
use crate::calendar::{
    parse_date_time, text_length, validate_editorial, validate_post, Calendar, EditorialItem, Post,
    PostInput, PostStatus,
};
use crate::error::{CoreError, Result};
use crate::findings::{text, Text};
use crate::objectives::{kept_networks, Mission, Objectives, Pillar};
use crate::store::Store;
use crate::strategy::touch;

/// A row of the grid: one network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CalendarRow {
    pub network: String,
    pub name: String,
    /// How French puts the network in a sentence ("sur le blog", "d’Instagram").
    pub fr: crate::network::FrenchName,
    /// The longest post, in characters, if the network has a limit.
    pub max_length: Option<u32>,
    /// Kept by the audit. A network that was not (dropped later) still gets a row while it has posts in the period.
    pub kept: bool,
    /// The mission's target, from step 3.
    pub posts_per_week: Option<f64>,
    /// The mission's main pillars.
    pub pillars: Vec<Pillar>,
    /// What a new post on this row starts with (the user can change both): the mission's first pillar, and the
    /// objective it serves when there is only one to serve (the mission's only objective, else the only objective
    /// that names the network).
    pub new_pillar: Option<Pillar>,
    #[ts(type = "number | null")]
    pub new_objective: Option<i64>,
}

/// The objective a new post on `network` serves by default: the mission's only objective, else the only objective that
/// names the network; none when there is a choice to make.
fn new_objective(objectives: &Objectives, mission: Option<&Mission>, network: &str) -> Option<i64> {
    let only = |mut ids: Vec<i64>| (ids.len() == 1).then(|| ids.remove(0));
    mission
        .and_then(|m| only(m.objectives.clone()))
        .or_else(|| {
            only(
                objectives
                    .objectives
                    .iter()
                    .filter(|o| o.data.networks.iter().any(|n| n == network))
                    .map(|o| o.id)
                    .collect(),
            )
        })
}

/// An editorial item as a post's link offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EditorialRef {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub date: String,
}

/// The calendar screen over a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CalendarView {
    /// The period, `YYYY-MM-DD`, inclusive.
    pub from: String,
    pub to: String,
    /// The strategy's today.
    pub today: String,
    /// The period's editorial items and posts, and every idea.
    pub calendar: Calendar,
    /// Kept networks in the order of their missions (those without a mission after them), then networks no longer
    /// kept that have posts in the period or ideas (so that no post is out of sight).
    pub rows: Vec<CalendarRow>,
    /// The live checks over the period (their scope is [`ScopeKind::Period`]).
    pub checks: ScopedChecks,
    /// Every editorial item of the strategy, by date (what a post can relay).
    pub editorial_all: Vec<EditorialRef>,
    /// Every campaign name used, sorted.
    pub campaigns: Vec<String>,
}

/// What a change wrote (posts and editorial items as stored, for undo), and the view after it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CalendarChanged {
    pub posts: Vec<Post>,
    pub editorial: Vec<EditorialItem>,
    pub view: CalendarView,
}

/// What a move answers: the post as saved (for a copy, the copy), and what a move changes in the period's view
/// besides its posts: the rows (a network no longer kept has one while it has posts in the period) and the checks.
/// The screen puts the post in its view itself: the whole view (a month of a busy plan is some 400 KB of posts) cost
/// a drop more time to send, read and compare than the frame it has.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PostMoved {
    pub post: Post,
    pub rows: Vec<CalendarRow>,
    pub checks: ScopedChecks,
}

impl PostMoved {
    /// The answer to a move from what the change wrote and the view after it.
    pub fn of(changed: CalendarChanged) -> Option<PostMoved> {
        let CalendarChanged { posts, view, .. } = changed;
        Some(PostMoved {
            post: posts.into_iter().next()?,
            rows: view.rows,
            checks: view.checks,
        })
    }
}

/// What an import did, and the view after it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CalendarImported {
    pub report: crate::calendar::import::MappedImportReport,
    pub view: CalendarView,
}

/// What undo or redo writes back: posts and editorial items as they were (same ids), and those to remove.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CalendarChange {
    pub posts: Vec<Post>,
    pub editorial: Vec<EditorialItem>,
    #[ts(type = "Array<number>")]
    pub delete_posts: Vec<i64>,
    #[ts(type = "Array<number>")]
    pub delete_editorial: Vec<i64>,
}

/// What a set of checks covers: a period, or the whole plan (see the module comment).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ScopeKind {
    Period,
    Plan,
}

/// The scope of a set of checks, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChecksScope {
    pub kind: ScopeKind,
    /// Its short name: "This week", "This month" or "This period"; "Whole plan".
    pub name: Text,
    /// What is checked, in a sentence with its dates.
    pub covers: Text,
}

/// Checks with their scope (the checks' own fields, and `scope`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ScopedChecks {
    pub scope: ChecksScope,
    #[serde(flatten)]
    #[ts(flatten)]
    pub checks: CalendarChecks,
}

/// The checks themselves are read through a scope (`view.checks.findings`).
impl std::ops::Deref for ScopedChecks {
    type Target = CalendarChecks;

    fn deref(&self) -> &CalendarChecks {
        &self.checks
    }
}

/// While no post is dated, the whole plan is the strategy's first this many weeks.
pub const EMPTY_PLAN_WEEKS: i64 = 12;

/// `from..=to` in words, to end a sentence: "from January 11 to 17, 2027" and "du 11 au 17 janvier 2027"; one day:
/// "of January 11, 2027" and "du 11 janvier 2027".
pub fn period_words(from: NaiveDate, to: NaiveDate) -> Text {
    let en_month = |d: NaiveDate| crate::words::MONTHS_EN[d.month0() as usize];
    let fr_month = |d: NaiveDate| crate::words::MONTHS_FR[d.month0() as usize];
    let en_day = |d: NaiveDate| format!("{} {}, {}", en_month(d), d.day(), d.year());
    let fr_day = |d: NaiveDate| format!("{} {} {}", crate::words::day_fr(d), fr_month(d), d.year());
    if from == to {
        return text(
            format!("of {}", en_day(from)),
            format!("du {}", fr_day(from)),
        );
    }
    if from.year() != to.year() {
        return text(
            format!("from {} to {}", en_day(from), en_day(to)),
            format!("du {} au {}", fr_day(from), fr_day(to)),
        );
    }
    if from.month() != to.month() {
        return text(
            format!("from {} {} to {}", en_month(from), from.day(), en_day(to)),
            format!(
                "du {} {} au {}",
                crate::words::day_fr(from),
                fr_month(from),
                fr_day(to)
            ),
        );
    }
    text(
        format!(
            "from {} {} to {}, {}",
            en_month(from),
            from.day(),
            to.day(),
            to.year()
        ),
        format!("du {} au {}", crate::words::day_fr(from), fr_day(to)),
    )
}

impl ChecksScope {
    /// The scope of the checks over a period: named after it when it is a week (Monday to Sunday) or a month.
    pub fn period(from: NaiveDate, to: NaiveDate) -> ChecksScope {
        let next = to + chrono::Duration::days(1);
        let name =
            if from.weekday() == chrono::Weekday::Mon && to - from == chrono::Duration::days(6) {
                text("This week".into(), "Cette semaine".into())
            } else if from.day() == 1
                && next.day() == 1
                && (from.year(), from.month()) == (to.year(), to.month())
            {
                text("This month".into(), "Ce mois-ci".into())
            } else {
                text("This period".into(), "Cette période".into())
            };
        let when = period_words(from, to);
        ChecksScope {
            kind: ScopeKind::Period,
            name,
            covers: text(
                format!("The posts {}, and the ideas.", when.en),
                format!("Les publications {}, et les idées.", when.fr),
            ),
        }
    }

    /// The scope of the whole plan's checks, over `from..=to`: from its first dated post to its last, or, when
    /// `dated` is false, the strategy's first weeks.
    pub fn plan(from: NaiveDate, to: NaiveDate, dated: bool) -> ChecksScope {
        let when = period_words(from, to);
        let covers = if dated {
            text(
                format!(
                    "All the posts, the first to the last ({}), and the ideas.",
                    when.en
                ),
                format!(
                    "Toutes les publications, de la première à la dernière ({}), et les idées.",
                    when.fr
                ),
            )
        } else {
            text(
                format!(
                    "Nothing is dated yet: the strategy's first {EMPTY_PLAN_WEEKS} weeks ({}), and the ideas.",
                    when.en
                ),
                format!(
                    "Rien n’est encore daté : les {EMPTY_PLAN_WEEKS} premières semaines de la stratégie ({}), et les idées.",
                    when.fr
                ),
            )
        };
        ChecksScope {
            kind: ScopeKind::Plan,
            name: text("Whole plan".into(), "Tout le plan".into()),
            covers,
        }
    }
}

/// The time relay posts are given on their editorial item's day.
pub const RELAY_TIME: &str = "10:00";

/// The text of a relay post: the title and the link, the title shortened with "…" when both do not fit `max`.
pub fn relay_text(title: &str, link: &str, max: Option<u32>) -> String {
    let full = if link.is_empty() {
        title.to_owned()
    } else {
        format!("{title} {link}")
    };
    let Some(max) = max.map(|m| m as usize) else {
        return full;
    };
    if text_length(&full) <= max {
        return full;
    }
    let room = max.saturating_sub(if link.is_empty() {
        1
    } else {
        text_length(link) + 2
    });
    let short: String = title.chars().take(room).collect();
    let short = short.trim_end();
    if link.is_empty() {
        format!("{short}…")
    } else if room == 0 {
        link.chars().take(max).collect()
    } else {
        format!("{short}… {link}")
    }
}

fn day(s: &str) -> Result<NaiveDate> {
    crate::dates::parse_day(s).ok_or_else(|| {
        CoreError::Validation(vec![crate::error::FieldError::new("date", "invalid_date")])
    })
}

impl Store {
    /// The calendar screen as the app shows it: [`Store::calendar_view`] today (in the strategy's time zone), with
    /// the default checks.
    pub fn calendar_view_now(&self, id: i64, from: &str, to: &str) -> Result<CalendarView> {
        let today = self.strategy_today(id)?;
        self.calendar_view(id, from, to, today, &CheckOptions::default())
    }

    /// The answer to a change that wrote posts and editorial items (their ids): them as stored (for undo), and the
    /// view of `from..=to` ([`Store::calendar_view_now`]).
    pub fn calendar_changed(
        &self,
        id: i64,
        posts: &[i64],
        editorial: &[i64],
        from: &str,
        to: &str,
    ) -> Result<CalendarChanged> {
        Ok(CalendarChanged {
            posts: posts
                .iter()
                .map(|&pid| self.post(id, pid))
                .collect::<Result<_>>()?,
            editorial: editorial
                .iter()
                .map(|&eid| self.editorial_item(id, eid))
                .collect::<Result<_>>()?,
            view: self.calendar_view_now(id, from, to)?,
        })
    }

    /// The calendar screen over `from..=to` (`YYYY-MM-DD`), with the checks of that period; `today` is the strategy's.
    pub fn calendar_view(
        &self,
        id: i64,
        from: &str,
        to: &str,
        today: NaiveDate,
        options: &CheckOptions,
    ) -> Result<CalendarView> {
        let (start, end) = (day(from)?, day(to)?);
        let end = end.max(start);
        let (from, to) = (
            start.format("%Y-%m-%d").to_string(),
            end.format("%Y-%m-%d").to_string(),
        );
        let calendar = self.calendar(id, Some(&from), Some(&to))?;
        let objectives = self.objectives(id)?;
        let audit = self.audit(id)?;
        let conn = self.conn();
        let checks = ScopedChecks {
            scope: ChecksScope::period(start, end),
            checks: self.checks_over(id, &calendar, &objectives, &audit, start, end, options)?,
        };

        let kept = kept_networks(&audit);
        let mut order: Vec<String> = objectives
            .missions
            .iter()
            .filter(|m| kept.contains(&m.network))
            .map(|m| m.network.clone())
            .collect();
        for k in &kept {
            if !order.contains(k) {
                order.push(k.clone());
            }
        }
        for p in calendar.posts.iter().chain(&calendar.ideas) {
            if !order.contains(&p.data.network) {
                order.push(p.data.network.clone());
            }
        }
        // A blog or a newsletter is planned in the editorial row: a row of its own only while it has posts. The
        // period's posts answer first; the store is asked only for a channel with none in the period (a view answers
        // every drop, so this stays off the common path).
        let mut kept_rows = Vec::with_capacity(order.len());
        for key in order {
            let keep = crate::calendar::editorial_channel(&key).is_none()
                || calendar
                    .posts
                    .iter()
                    .chain(&calendar.ideas)
                    .any(|p| p.data.network == key)
                || conn
                    .prepare_cached(
                        "SELECT EXISTS (SELECT 1 FROM post WHERE strategy_id = ?1 AND network = ?2)",
                    )?
                    .query_row(rusqlite::params![id, key], |r| r.get::<_, bool>(0))?;
            if keep {
                kept_rows.push(key);
            }
        }
        let order = kept_rows;
        let rows = order
            .into_iter()
            .map(|key| {
                let network = audit.networks.iter().find(|n| n.key == key);
                let mission = objectives.missions.iter().find(|m| m.network == key);
                let names = crate::network::NetName::of(&audit.networks, &key);
                CalendarRow {
                    name: names.en,
                    fr: names.fr,
                    max_length: network.and_then(|n| n.max_length),
                    kept: kept.contains(&key),
                    posts_per_week: mission.and_then(|m| m.posts_per_week),
                    pillars: mission.map(|m| m.pillars.clone()).unwrap_or_default(),
                    new_pillar: mission.and_then(|m| m.pillars.first().copied()),
                    new_objective: new_objective(&objectives, mission, &key),
                    network: key,
                }
            })
            .collect();

        let editorial_all = conn
            .prepare_cached(
                "SELECT id, json_extract(data, '$.title'), date FROM editorial_item WHERE strategy_id = ?1
                 ORDER BY date, id",
            )?
            .query_map([id], |r| {
                Ok(EditorialRef {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    date: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let campaigns = conn
            .prepare_cached(
                "SELECT DISTINCT campaign FROM post WHERE strategy_id = ?1 AND campaign <> '' ORDER BY campaign",
            )?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(CalendarView {
            from,
            to,
            today: today.format("%Y-%m-%d").to_string(),
            calendar,
            rows,
            checks,
            editorial_all,
            campaigns,
        })
    }

    /// The checks over `from..=to`: those of a period when either day is given (the other one then from the plan, as
    /// [`Store::plan_checks`] finds it), else the whole plan's. What `cinq calendar check` prints.
    pub fn scoped_checks(
        &self,
        id: i64,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        options: &CheckOptions,
    ) -> Result<ScopedChecks> {
        if from.is_none() && to.is_none() {
            return self.plan_checks(id, options);
        }
        let (from, to) = match (from, to) {
            (Some(from), Some(to)) => (from, to),
            _ => {
                let (first, last, dated) = self.plan_days(id, &self.calendar(id, None, None)?)?;
                let from = from.unwrap_or(first);
                let to = match to {
                    Some(to) => to,
                    None if dated => last,
                    None => from + chrono::Duration::days(EMPTY_PLAN_WEEKS * 7 - 1),
                };
                (from, to)
            }
        };
        let to = to.max(from);
        let calendar = self.calendar(
            id,
            Some(&from.format("%Y-%m-%d").to_string()),
            Some(&to.format("%Y-%m-%d").to_string()),
        )?;
        Ok(ScopedChecks {
            scope: ChecksScope::period(from, to),
            checks: self.checks_over(
                id,
                &calendar,
                &self.objectives(id)?,
                &self.audit(id)?,
                from,
                to,
                options,
            )?,
        })
    }

    /// The whole plan's checks: every dated post from the first to the last (the strategy's first
    /// [`EMPTY_PLAN_WEEKS`] weeks while nothing is dated), the ideas, every editorial item of those days. The app's
    /// "Whole plan" and `cinq calendar check` without a period.
    pub fn plan_checks(&self, id: i64, options: &CheckOptions) -> Result<ScopedChecks> {
        let calendar = self.calendar(id, None, None)?;
        let (from, to, dated) = self.plan_days(id, &calendar)?;
        Ok(ScopedChecks {
            scope: ChecksScope::plan(from, to, dated),
            checks: self.checks_over(
                id,
                &calendar,
                &self.objectives(id)?,
                &self.audit(id)?,
                from,
                to,
                options,
            )?,
        })
    }

    /// The days of the whole plan in `calendar` (the strategy's whole calendar), and whether any post is dated.
    fn plan_days(&self, id: i64, calendar: &Calendar) -> Result<(NaiveDate, NaiveDate, bool)> {
        let dated: Vec<NaiveDate> = calendar
            .posts
            .iter()
            .filter_map(|p| p.data.scheduled_at.as_deref().and_then(parse_date_time))
            .map(|t| t.date())
            .collect();
        Ok(match (dated.iter().min(), dated.iter().max()) {
            (Some(first), Some(last)) => (*first, *last, true),
            _ => {
                let start = crate::dates::parse_day(&self.strategy(id)?.start_date)
                    .unwrap_or_else(|| chrono::Utc::now().date_naive());
                (
                    start,
                    start + chrono::Duration::days(EMPTY_PLAN_WEEKS * 7 - 1),
                    false,
                )
            }
        })
    }

    /// The checks over `from..=to` of `calendar` (the period's posts and items, or more, and every idea): the posts
    /// outside it that relay its editorial items count for their relays, and the dates Cinq cannot read are listed.
    #[allow(clippy::too_many_arguments)]
    fn checks_over(
        &self,
        id: i64,
        calendar: &Calendar,
        objectives: &Objectives,
        audit: &crate::audit::Audit,
        start: NaiveDate,
        end: NaiveDate,
        options: &CheckOptions,
    ) -> Result<CalendarChecks> {
        let conn = self.conn();
        // The checks see the period's posts, and also the posts outside it that relay its editorial items (so that
        // an item relayed the day after the period is not called unrelayed).
        let mut checked = calendar.clone();
        let ids: Vec<i64> = checked.editorial.iter().map(|e| e.id).collect();
        if !ids.is_empty() {
            // The items' ids are the store's own integers: safe to inline, and the index on the link answers.
            let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
            let relaying = conn
                .prepare(&format!(
                    "SELECT DISTINCT editorial_item_id FROM post WHERE editorial_item_id IN ({list})"
                ))?
                .query_map([], |r| r.get::<_, i64>(0))?
                .collect::<rusqlite::Result<std::collections::HashSet<i64>>>()?;
            for eid in ids {
                let relayed_here = checked
                    .posts
                    .iter()
                    .chain(&checked.ideas)
                    .any(|p| p.data.editorial_item_id == Some(eid));
                if relaying.contains(&eid) && !relayed_here {
                    // A stand-in outside the period: the checks only look at it for the relays.
                    checked.posts.push(Post {
                        id: -eid,
                        data: PostInput {
                            editorial_item_id: Some(eid),
                            ..PostInput::blank()
                        },
                    });
                }
            }
        }
        let mut checks = crate::calendar::checks::calendar_checks(
            &checked,
            objectives,
            audit,
            options,
            &crate::calendar::checks::VariantGroups::of(conn, id)?,
            start,
            end,
        );
        let problems = crate::store::stored_dates::calendar_problems(conn, id)?;
        checks
            .findings
            .extend(crate::calendar::checks::stored_dates_finding(&problems));
        Ok(checks)
    }

    /// Writes back what undo or redo restores, in one transaction: editorial items and posts as given (same ids,
    /// created again if they were deleted), then the deletions. Every post and item is validated as a save would.
    pub fn apply_calendar_change(&mut self, id: i64, change: &CalendarChange) -> Result<()> {
        for e in &change.editorial {
            validate_editorial(&e.data)?;
        }
        for p in &change.posts {
            validate_post(&p.data)?;
        }
        self.write(|tx| {
            touch(tx, id)?;
            for e in &change.editorial {
                crate::calendar::upsert_editorial(tx, id, e)?;
            }
            for p in &change.posts {
                crate::calendar::upsert_post(tx, id, p)?;
            }
            for pid in &change.delete_posts {
                tx.execute(
                    "DELETE FROM post WHERE id = ?2 AND strategy_id = ?1",
                    params![id, pid],
                )?;
            }
            for eid in &change.delete_editorial {
                tx.execute(
                    "DELETE FROM editorial_item WHERE id = ?2 AND strategy_id = ?1",
                    params![id, eid],
                )?;
            }
            Ok(())
        })
    }

    /// Creates a relay post of an editorial item on each of `networks`, in one transaction: on the item's day at
    /// [`RELAY_TIME`], drafts, with the item's title and link as text (shortened to fit the network's limit), the
    /// promotion pillar, and the first objective the network's mission serves. Returns the posts made.
    pub fn create_relay_posts(
        &mut self,
        id: i64,
        item_id: i64,
        networks: &[String],
    ) -> Result<Vec<Post>> {
        let item = self.editorial_item(id, item_id)?;
        let objectives = self.objectives(id)?;
        let all = crate::network::networks_of(self.conn(), id)?;
        let scheduled = format!("{}T{RELAY_TIME}", item.data.date);
        debug_assert!(parse_date_time(&scheduled).is_some());
        let mut made = Vec::new();
        for network in networks {
            let max = all
                .iter()
                .find(|n| &n.key == network)
                .and_then(|n| n.max_length);
            let objective = objectives
                .missions
                .iter()
                .find(|m| &m.network == network)
                .and_then(|m| m.objectives.first().copied());
            made.push(PostInput {
                network: network.clone(),
                scheduled_at: Some(scheduled.clone()),
                pillar: Some(Pillar::Promotion),
                topic_id: None,
                title: item.data.title.clone(),
                text: relay_text(&item.data.title, &item.data.link, max),
                link: item.data.link.clone(),
                media_notes: String::new(),
                status: PostStatus::Draft,
                editorial_item_id: Some(item_id),
                objective_id: objective,
                campaign: String::new(),
                planned: false,
                recycled_from: None,
            });
        }
        let ids = self.save_posts(id, &made)?;
        ids.into_iter().map(|pid| self.post(id, pid)).collect()
    }
}
