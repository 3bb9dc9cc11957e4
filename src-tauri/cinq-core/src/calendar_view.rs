//! What the calendar screen shows and writes, on top of [`crate::calendar`]: the view of a period (rows, posts,
//! ideas, live checks), relay posts made from an editorial item, and the changes undo and redo write back.
//!
//! Undo and redo work on snapshots: the UI keeps each change as the posts and editorial items before and after it,
//! and writes one side back with [`Store::apply_calendar_change`], ids included. Undo and redo run in stack order,
//! so when a change is undone the calendar is as that change left it, and the ids it frees or needs are free.

use chrono::NaiveDate;
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::{
    parse_date_time, text_length, validate_editorial, validate_post, Calendar, EditorialItem, Post,
    PostInput, PostStatus,
};
use crate::calendar_checks::{CalendarChecks, CheckOptions};
use crate::error::{CoreError, Result};
use crate::objectives::{kept_networks, Pillar};
use crate::store::Store;
use crate::strategy::touch;

/// A row of the grid: one network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CalendarRow {
    pub network: String,
    pub name: String,
    /// The longest post, in characters, if the network has a limit.
    pub max_length: Option<u32>,
    /// Kept by the audit. A network that was not (dropped later) still gets a row while it has posts in the period.
    pub kept: bool,
    /// The mission's target, from step 3.
    pub posts_per_week: Option<f64>,
    /// The mission's main pillars.
    pub pillars: Vec<Pillar>,
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
    /// The live checks over the period.
    pub checks: CalendarChecks,
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
    pub checks: CalendarChecks,
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
    pub report: crate::calendar_import::MappedImportReport,
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
        let mut checks = crate::calendar_checks::calendar_checks(
            &checked,
            &objectives,
            &audit,
            options,
            start,
            end,
        );
        let problems = crate::stored_dates::calendar_problems(self.conn(), id)?;
        checks
            .findings
            .extend(crate::calendar_checks::stored_dates_finding(&problems));

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
        let rows = order
            .into_iter()
            .map(|key| {
                let network = audit.networks.iter().find(|n| n.key == key);
                let mission = objectives.missions.iter().find(|m| m.network == key);
                CalendarRow {
                    name: network.map_or_else(|| key.clone(), |n| n.name.clone()),
                    max_length: network.and_then(|n| n.max_length),
                    kept: kept.contains(&key),
                    posts_per_week: mission.and_then(|m| m.posts_per_week),
                    pillars: mission.map(|m| m.pillars.clone()).unwrap_or_default(),
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
        let all = crate::audit::networks_of(self.conn(), id)?;
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
