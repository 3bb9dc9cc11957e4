//! Step 4, the calendar: the editorial calendar (articles, newsletters, events… the content the brand produces) and
//! the social calendar (posts, one network each, with a date and time in the strategy's time zone, or none yet: the
//! ideas backlog). Posts may relay an editorial item, serve an objective, and sit under a topic of step 3.
//!
//! Links are columns with foreign keys (`ON DELETE SET NULL`): deleting an editorial item, an objective or a topic
//! never deletes a post. The other fields are JSON (`data`), like the other steps' items.
//!
//! Owns: the tables `post` and `editorial_item` (the statements that write a post whole, its JSON and its
//! `campaign` column from one `PostData`); the live checks and their thresholds (`checks.rs`); the planner, a pure
//! function (`plan.rs`); the calendar's imports and exports. Must not: depend on step 5 (`adapt`), which reads it;
//! read or write a user's file except through `io`.

pub mod checks;
pub mod cinq_csv;
pub mod export;
pub mod import;
pub mod plan;
pub mod view;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check;
use crate::error::{CoreError, FieldError, Result, MAX_NAME_CHARS};
use crate::objectives::Pillar;
use crate::store::{delete_owned, not_found, owned, Store};
use crate::strategy::touch;

/// The format of a post's date and time: local wall time in the strategy's time zone.
pub const DATE_TIME_FORMAT: &str = "%Y-%m-%dT%H:%M";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EditorialType {
    Article,
    Newsletter,
    Event,
    ProductLaunch,
    Video,
    Other,
}

/// The networks whose content lives in the editorial calendar, not in posts: a blog publishes articles, a newsletter
/// its issues. Such a network gets no row of its own in the social calendar (unless posts were put on it), its
/// mission's posts per week count its editorial items of that type, and the planner leaves it to the editorial
/// calendar. Its posts, if any (from an import or an older plan), count too.
pub fn editorial_channel(network: &str) -> Option<EditorialType> {
    match network {
        "blog" => Some(EditorialType::Article),
        "newsletter" => Some(EditorialType::Newsletter),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EditorialStatus {
    Planned,
    InProgress,
    Ready,
    Published,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EditorialItemInput {
    pub item_type: EditorialType,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub title: String,
    pub theme: String,
    pub owner: String,
    pub status: EditorialStatus,
    pub link: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EditorialItem {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    #[ts(flatten)]
    pub data: EditorialItemInput,
}

/// A post's progress: idea → draft → ready → scheduled → published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PostStatus {
    Idea,
    Draft,
    Ready,
    Scheduled,
    Published,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PostInput {
    pub network: String,
    /// `YYYY-MM-DDTHH:MM` in the strategy's time zone; none for an idea of the backlog.
    pub scheduled_at: Option<String>,
    pub pillar: Option<Pillar>,
    #[ts(type = "number | null")]
    pub topic_id: Option<i64>,
    /// The title or hook.
    pub title: String,
    pub text: String,
    pub link: String,
    pub media_notes: String,
    pub status: PostStatus,
    /// The editorial item it relays.
    #[ts(type = "number | null")]
    pub editorial_item_id: Option<i64>,
    /// The social objective it serves.
    #[ts(type = "number | null")]
    pub objective_id: Option<i64>,
    pub campaign: String,
    /// Proposed by the planner ([`crate::calendar::plan`]) and accepted: the list view can filter on it. Kept through edits.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub planned: bool,
    /// A re-run of a published post, which the planner copied: the day the original was published (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub recycled_from: Option<String>,
}

impl PostInput {
    /// An empty idea: no network, date, text or link.
    pub fn blank() -> PostInput {
        PostInput {
            network: String::new(),
            scheduled_at: None,
            pillar: None,
            topic_id: None,
            title: String::new(),
            text: String::new(),
            link: String::new(),
            media_notes: String::new(),
            status: PostStatus::Idea,
            editorial_item_id: None,
            objective_id: None,
            campaign: String::new(),
            planned: false,
            recycled_from: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Post {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    #[ts(flatten)]
    pub data: PostInput,
}

/// The part of a post that links live in columns; the rest is `data`. Empty fields are left out of the JSON (a
/// results import writes 100,000 posts in one go; SQL reads a missing field as NULL, and the unset pillar is NULL too).
/// Read as owned strings, written from the post's own (`PostData<&str>`: no copy of every text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(
    serialize = "S: Serialize + AsRef<str>",
    deserialize = "S: Deserialize<'de> + Default"
))]
struct PostData<S = String> {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pillar: Option<Pillar>,
    title: S,
    text: S,
    #[serde(default, skip_serializing_if = "is_blank")]
    link: S,
    #[serde(default, skip_serializing_if = "is_blank")]
    media_notes: S,
    status: PostStatus,
    #[serde(default, skip_serializing_if = "is_blank")]
    campaign: S,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    planned: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    recycled_from: Option<S>,
}

fn is_blank<S: AsRef<str>>(s: &S) -> bool {
    s.as_ref().is_empty()
}

// ---------------------------------------------------------------------------------------------------------------
// Validation.

/// A post's schedule, `YYYY-MM-DDTHH:MM` exactly, its year from 1900 to 2200 (see [`crate::dates`]).
pub fn parse_date_time(s: &str) -> Option<NaiveDateTime> {
    crate::dates::parse_day_time(s)
}

/// The longest title and theme of an editorial item, in characters (its owner is a name: [`MAX_NAME_CHARS`]).
pub const MAX_EDITORIAL_TITLE_CHARS: usize = 200;
pub const MAX_EDITORIAL_THEME_CHARS: usize = 200;
/// The longest link (a post's, an editorial item's), in characters.
pub const MAX_LINK_CHARS: usize = 2000;
/// The longest post title and media notes, in characters (a post's campaign is a name: [`MAX_NAME_CHARS`]).
pub const MAX_POST_TITLE_CHARS: usize = 300;
pub const MAX_MEDIA_NOTES_CHARS: usize = 2000;

pub fn validate_editorial(e: &EditorialItemInput) -> Result<()> {
    let mut errors = Vec::new();
    check::required(&mut errors, "title", &e.title, MAX_EDITORIAL_TITLE_CHARS);
    if !crate::dates::is_day(&e.date) {
        errors.push(FieldError::new("date", "invalid_date"));
    }
    check::text(&mut errors, "theme", &e.theme, MAX_EDITORIAL_THEME_CHARS);
    check::text(&mut errors, "owner", &e.owner, MAX_NAME_CHARS);
    check::text(&mut errors, "link", &e.link, MAX_LINK_CHARS);
    check::done(errors)
}

/// The longest post text Cinq keeps, whatever the network (networks' own limits are checks, not refusals).
pub const MAX_POST_CHARS: usize = 100_000;

pub fn validate_post(p: &PostInput) -> Result<()> {
    let mut errors = Vec::new();
    if p.scheduled_at
        .as_deref()
        .is_some_and(|s| parse_date_time(s).is_none())
    {
        errors.push(FieldError::new("scheduled_at", "invalid_date_time"));
    }
    check::text(&mut errors, "title", &p.title, MAX_POST_TITLE_CHARS);
    check::text(&mut errors, "text", &p.text, MAX_POST_CHARS);
    check::text(&mut errors, "link", &p.link, MAX_LINK_CHARS);
    check::text(
        &mut errors,
        "media_notes",
        &p.media_notes,
        MAX_MEDIA_NOTES_CHARS,
    );
    check::text(&mut errors, "campaign", &p.campaign, MAX_NAME_CHARS);
    if p.recycled_from
        .as_deref()
        .is_some_and(|d| !crate::dates::is_day(d))
    {
        errors.push(FieldError::new("recycled_from", "invalid_date"));
    }
    if p.scheduled_at.is_none() && p.status > PostStatus::Ready {
        errors.push(FieldError::new("status", "needs_date"));
    }
    check::done(errors)
}

/// The length of a text as the networks count it: in characters (Unicode scalar values).
pub fn text_length(text: &str) -> usize {
    text.chars().count()
}

// ---------------------------------------------------------------------------------------------------------------
// The store.

fn json<T: Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| CoreError::Io(format!("cannot encode calendar data: {e}")))
}

fn check_links(tx: &Transaction, id: i64, p: &PostInput) -> Result<()> {
    if !crate::network::networks_of(tx, id)?
        .iter()
        .any(|n| n.key == p.network)
    {
        return Err(CoreError::Validation(vec![FieldError::new(
            "network",
            "unknown_network",
        )]));
    }
    if let Some(t) = p.topic_id {
        owned(tx, "topic", id, t, "topic_id")?;
    }
    if let Some(e) = p.editorial_item_id {
        owned(tx, "editorial_item", id, e, "editorial_item_id")?;
    }
    if let Some(o) = p.objective_id {
        owned(tx, "social_objective", id, o, "objective_id")?;
    }
    Ok(())
}

fn post_data(p: &PostInput) -> PostData<&str> {
    PostData {
        pillar: p.pillar,
        title: p.title.trim(),
        text: &p.text,
        link: p.link.trim(),
        media_notes: &p.media_notes,
        status: p.status,
        campaign: p.campaign.trim(),
        planned: p.planned,
        recycled_from: p.recycled_from.as_deref(),
    }
}

pub(crate) fn insert_editorial(tx: &Transaction, id: i64, e: &EditorialItemInput) -> Result<i64> {
    tx.execute(
        "INSERT INTO editorial_item (strategy_id, date, data) VALUES (?1, ?2, ?3)",
        params![id, e.date, json(&clean_editorial(e))?],
    )?;
    Ok(tx.last_insert_rowid())
}

fn clean_editorial(e: &EditorialItemInput) -> EditorialItemInput {
    EditorialItemInput {
        title: e.title.trim().to_owned(),
        theme: e.theme.trim().to_owned(),
        owner: e.owner.trim().to_owned(),
        link: e.link.trim().to_owned(),
        ..e.clone()
    }
}

/// The post's campaign is also a column of its own (the index of the campaigns a strategy uses): every statement that
/// writes a post's data writes its `campaign` from the same [`PostData`].
pub(crate) const INSERT_POST: &str =
    "INSERT INTO post (strategy_id, network, scheduled_at, topic_id, editorial_item_id, objective_id, campaign, data)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

pub(crate) fn insert_post(tx: &Transaction, id: i64, p: &PostInput) -> Result<i64> {
    // Cached: imports and the large sample insert many posts in one transaction.
    insert_post_with(
        &mut *tx.prepare_cached(INSERT_POST)?,
        id,
        p,
        &mut Vec::new(),
    )
}

/// [`INSERT_POST`] with the statement prepared by the caller (an import holds it for all its rows), writing the
/// post's JSON into `json_buf` (which an import uses again for every row).
pub(crate) fn insert_post_with(
    stmt: &mut rusqlite::Statement,
    id: i64,
    p: &PostInput,
    json_buf: &mut Vec<u8>,
) -> Result<i64> {
    let data = post_data(p);
    json_buf.clear();
    serde_json::to_writer(&mut *json_buf, &data)
        .map_err(|e| CoreError::Io(format!("cannot encode calendar data: {e}")))?;
    let json = std::str::from_utf8(json_buf)
        .map_err(|e| CoreError::Io(format!("cannot encode calendar data: {e}")))?;
    Ok(stmt.insert(params![
        id,
        p.network,
        p.scheduled_at,
        p.topic_id,
        p.editorial_item_id,
        p.objective_id,
        data.campaign,
        json
    ])?)
}

/// Writes a post with its id: created again if it was deleted, replaced if it exists in this strategy.
pub(crate) fn upsert_post(tx: &Transaction, id: i64, p: &Post) -> Result<()> {
    check_links(tx, id, &p.data)?;
    let d = &p.data;
    let data = post_data(d);
    let n = tx.execute(
        "INSERT INTO post (id, strategy_id, network, scheduled_at, topic_id, editorial_item_id, objective_id, campaign,
           data)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (id) DO UPDATE SET network = excluded.network, scheduled_at = excluded.scheduled_at,
           topic_id = excluded.topic_id, editorial_item_id = excluded.editorial_item_id,
           objective_id = excluded.objective_id, campaign = excluded.campaign, data = excluded.data
         WHERE post.strategy_id = excluded.strategy_id",
        params![
            p.id,
            id,
            d.network,
            d.scheduled_at,
            d.topic_id,
            d.editorial_item_id,
            d.objective_id,
            data.campaign,
            json(&data)?
        ],
    )?;
    if n == 0 {
        return Err(CoreError::Conflict(format!(
            "post {} belongs to another strategy",
            p.id
        )));
    }
    Ok(())
}

/// Writes an editorial item with its id: created again if it was deleted, replaced if it exists in this strategy.
pub(crate) fn upsert_editorial(tx: &Transaction, id: i64, e: &EditorialItem) -> Result<()> {
    let n = tx.execute(
        "INSERT INTO editorial_item (id, strategy_id, date, data) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET date = excluded.date, data = excluded.data
         WHERE editorial_item.strategy_id = excluded.strategy_id",
        params![e.id, id, e.data.date, json(&clean_editorial(&e.data))?],
    )?;
    if n == 0 {
        return Err(CoreError::Conflict(format!(
            "editorial item {} belongs to another strategy",
            e.id
        )));
    }
    Ok(())
}

fn post_from_row(r: &rusqlite::Row) -> rusqlite::Result<Option<Post>> {
    // Parsed where SQLite holds it (no copy of every post's text first).
    Ok(post_from_parts(
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        [r.get(3)?, r.get(4)?, r.get(5)?],
        r.get_ref(6)?.as_bytes().unwrap_or_default(),
    ))
}

/// A post from its columns (`POST_COLUMNS`: its links are topic, editorial item and objective) and its JSON;
/// `None` when the JSON does not read (a post written by a newer Cinq, say).
pub(crate) fn post_from_parts(
    id: i64,
    network: String,
    scheduled_at: Option<String>,
    [topic_id, editorial_item_id, objective_id]: [Option<i64>; 3],
    data: &[u8],
) -> Option<Post> {
    let d = serde_json::from_slice::<PostData>(data).ok()?;
    Some(Post {
        id,
        data: PostInput {
            network,
            scheduled_at,
            pillar: d.pillar,
            topic_id,
            title: d.title,
            text: d.text,
            link: d.link,
            media_notes: d.media_notes,
            status: d.status,
            editorial_item_id,
            objective_id,
            campaign: d.campaign,
            planned: d.planned,
            recycled_from: d.recycled_from,
        },
    })
}

pub(crate) const POST_COLUMNS: &str =
    "id, network, scheduled_at, topic_id, editorial_item_id, objective_id, data";

/// Every post of a strategy (`?1`), in two queries: the dated ones by date and time, then the ideas in the order
/// they were made.
pub(crate) const EVERY_POST: [&str; 2] = [
    "WHERE strategy_id = ?1 AND scheduled_at IS NOT NULL ORDER BY scheduled_at, id",
    "WHERE strategy_id = ?1 AND scheduled_at IS NULL ORDER BY id",
];

/// The calendar of a strategy, or a part of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Calendar {
    /// Editorial items, by date.
    pub editorial: Vec<EditorialItem>,
    /// Dated posts, by date and time.
    pub posts: Vec<Post>,
    /// Posts with no date yet (the ideas backlog), newest first.
    pub ideas: Vec<Post>,
}

/// Every editorial item and post of a strategy in the order they were made (ids): the strategy file's order, so that
/// a file read back and written again is the same.
pub(crate) fn all_items(
    conn: &rusqlite::Connection,
    id: i64,
) -> Result<(Vec<EditorialItem>, Vec<Post>)> {
    let editorial = conn
        .prepare_cached("SELECT id, data FROM editorial_item WHERE strategy_id = ?1 ORDER BY id")?
        .query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
        .filter_map(|r| r.ok())
        .filter_map(|(eid, d)| {
            serde_json::from_str(&d)
                .ok()
                .map(|data| EditorialItem { id: eid, data })
        })
        .collect();
    let posts = conn
        .prepare_cached(&format!(
            "SELECT {POST_COLUMNS} FROM post WHERE strategy_id = ?1 ORDER BY id"
        ))?
        .query_map([id], post_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .flatten()
        .collect();
    Ok((editorial, posts))
}

/// The dated posts of a strategy that relay one of `items`, outside `from..=to` (`YYYY-MM-DD`), by date and time.
pub(crate) fn relays_outside(
    conn: &rusqlite::Connection,
    id: i64,
    items: &[i64],
    from: &str,
    to: &str,
) -> Result<Vec<Post>> {
    if items.is_empty() {
        return Ok(Vec::new());
    }
    // The items' ids are the store's own integers: safe to inline, and the index on the link answers.
    let list = items
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(",");
    Ok(conn
        .prepare(&format!(
            "SELECT {POST_COLUMNS} FROM post WHERE strategy_id = ?1 AND editorial_item_id IN ({list})
               AND scheduled_at IS NOT NULL AND (scheduled_at < ?2 OR scheduled_at >= ?3)
             ORDER BY scheduled_at, id"
        ))?
        .query_map(params![id, from, format!("{to}U")], post_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .flatten()
        .collect())
}

/// The title of each editorial item of a strategy.
pub(crate) fn editorial_titles(
    conn: &rusqlite::Connection,
    id: i64,
) -> Result<std::collections::HashMap<i64, String>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, json_extract(data, '$.title') FROM editorial_item WHERE strategy_id = ?1",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// The live checks over `from..=to`; without a period, the whole plan's: from the first to the last dated post
    /// (or the strategy's first 12 weeks when nothing is dated yet). [`Store::scoped_checks`] without the scope.
    pub fn calendar_checks(
        &self,
        id: i64,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        options: &crate::calendar::checks::CheckOptions,
    ) -> Result<crate::calendar::checks::CalendarChecks> {
        Ok(self.scoped_checks(id, from, to, options)?.checks)
    }

    /// The whole calendar (`from`/`to`: `YYYY-MM-DD`, inclusive, to keep only a period of the dated items; the ideas
    /// always come whole).
    pub fn calendar(&self, id: i64, from: Option<&str>, to: Option<&str>) -> Result<Calendar> {
        self.strategy(id)?;
        let conn = self.conn();
        let from = from.unwrap_or("0000-01-01");
        // Posts are compared on their `YYYY-MM-DDTHH:MM` text: everything on `to` sorts before `to` + "U".
        let to_day = to.unwrap_or("9999-12-31");
        let to_post = format!("{to_day}U");
        let editorial = conn
            .prepare_cached(
                "SELECT id, data FROM editorial_item WHERE strategy_id = ?1 AND date BETWEEN ?2 AND ?3
                 ORDER BY date, id",
            )?
            .query_map(params![id, from, to_day], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?
            .filter_map(|r| r.ok())
            .filter_map(|(eid, d)| {
                serde_json::from_str(&d)
                    .ok()
                    .map(|data| EditorialItem { id: eid, data })
            })
            .collect();
        let posts = conn
            .prepare_cached(&format!(
                "SELECT {POST_COLUMNS} FROM post WHERE strategy_id = ?1 AND scheduled_at >= ?2 AND scheduled_at < ?3
                 ORDER BY scheduled_at, id"
            ))?
            .query_map(params![id, from, to_post], post_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .flatten()
            .collect();
        let ideas = conn
            .prepare_cached(&format!(
                "SELECT {POST_COLUMNS} FROM post WHERE strategy_id = ?1 AND scheduled_at IS NULL ORDER BY id DESC"
            ))?
            .query_map(params![id], post_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .flatten()
            .collect();
        Ok(Calendar {
            editorial,
            posts,
            ideas,
        })
    }

    pub fn post(&self, id: i64, post_id: i64) -> Result<Post> {
        self.conn()
            .query_row(
                &format!("SELECT {POST_COLUMNS} FROM post WHERE id = ?2 AND strategy_id = ?1"),
                params![id, post_id],
                post_from_row,
            )
            .optional()?
            .flatten()
            .ok_or_else(|| not_found("post", post_id))
    }

    pub fn editorial_item(&self, id: i64, item_id: i64) -> Result<EditorialItem> {
        self.conn()
            .query_row(
                "SELECT data FROM editorial_item WHERE id = ?2 AND strategy_id = ?1",
                params![id, item_id],
                |r| r.get::<_, String>(0),
            )
            .optional()?
            .and_then(|d| serde_json::from_str(&d).ok())
            .map(|data| EditorialItem { id: item_id, data })
            .ok_or_else(|| not_found("editorial item", item_id))
    }

    /// Creates (`item_id` None) or updates an editorial item. Returns its id.
    pub fn save_editorial(
        &mut self,
        id: i64,
        item_id: Option<i64>,
        input: &EditorialItemInput,
    ) -> Result<i64> {
        validate_editorial(input)?;
        self.write(|tx| {
            touch(tx, id)?;
            match item_id {
                None => insert_editorial(tx, id, input),
                Some(eid) => {
                    let n = tx.execute(
                        "UPDATE editorial_item SET date = ?3, data = ?4 WHERE id = ?2 AND strategy_id = ?1",
                        params![id, eid, input.date, json(&clean_editorial(input))?],
                    )?;
                    if n == 0 {
                        return Err(not_found("editorial item", eid));
                    }
                    Ok(eid)
                }
            }
        })
    }

    /// Deletes an editorial item; the posts that relayed it stay, unlinked. Returns them as they were (linked).
    pub fn delete_editorial(&mut self, id: i64, item_id: i64) -> Result<Vec<Post>> {
        let relays: Vec<Post> = self
            .conn()
            .prepare_cached(&format!(
                "SELECT {POST_COLUMNS} FROM post WHERE strategy_id = ?1 AND editorial_item_id = ?2 ORDER BY id"
            ))?
            .query_map(params![id, item_id], post_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .flatten()
            .collect();
        self.write(|tx| {
            touch(tx, id)?;
            delete_owned(tx, "editorial_item", id, item_id, "editorial item")
        })?;
        Ok(relays)
    }

    /// Creates (`post_id` None) or updates a post. Returns its id.
    pub fn save_post(&mut self, id: i64, post_id: Option<i64>, input: &PostInput) -> Result<i64> {
        validate_post(input)?;
        self.write(|tx| {
            touch(tx, id)?;
            check_links(tx, id, input)?;
            match post_id {
                None => insert_post(tx, id, input),
                Some(pid) => {
                    let n = tx.execute(
                        "UPDATE post SET network = ?3, scheduled_at = ?4, topic_id = ?5, editorial_item_id = ?6,
                           objective_id = ?7, campaign = ?8, data = ?9
                         WHERE id = ?2 AND strategy_id = ?1",
                        params![
                            id,
                            pid,
                            input.network,
                            input.scheduled_at,
                            input.topic_id,
                            input.editorial_item_id,
                            input.objective_id,
                            post_data(input).campaign,
                            json(&post_data(input))?
                        ],
                    )?;
                    if n == 0 {
                        return Err(not_found("post", pid));
                    }
                    Ok(pid)
                }
            }
        })
    }

    /// Creates several posts in one transaction. Returns their ids, in order.
    pub fn save_posts(&mut self, id: i64, inputs: &[PostInput]) -> Result<Vec<i64>> {
        for p in inputs {
            validate_post(p)?;
        }
        self.write(|tx| {
            touch(tx, id)?;
            inputs
                .iter()
                .map(|p| {
                    check_links(tx, id, p)?;
                    insert_post(tx, id, p)
                })
                .collect()
        })
    }

    /// Moves a post to another network and/or date and time (`scheduled_at` None sends it back to the ideas), or,
    /// with `copy`, adds a copy there. One transaction. Returns the id of the post moved or added.
    pub fn move_post(
        &mut self,
        id: i64,
        post_id: i64,
        network: &str,
        scheduled_at: Option<&str>,
        copy: bool,
    ) -> Result<i64> {
        let mut post = self.post(id, post_id)?.data;
        post.network = network.to_owned();
        post.scheduled_at = scheduled_at.map(str::to_owned);
        // An idea sent back to the backlog cannot stay scheduled or published.
        if post.scheduled_at.is_none() && post.status > PostStatus::Ready {
            post.status = PostStatus::Ready;
        }
        if copy {
            self.save_post(id, None, &post)
        } else {
            self.save_post(id, Some(post_id), &post)
        }
    }

    pub fn delete_post(&mut self, id: i64, post_id: i64) -> Result<()> {
        self.write(|tx| {
            touch(tx, id)?;
            delete_owned(tx, "post", id, post_id, "post")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schedules_are_read_in_the_one_strict_form() {
        assert!(parse_date_time("2026-07-14T09:30").is_some());
        assert!(parse_date_time("2028-02-29T23:59").is_some());
        for s in [
            "2026-02-29T10:00",
            "2026-13-01T10:00",
            "2026-07-14T24:00",
            "2026-07-14T09:60",
            "2026-07-14 09:30",
            "2026-7-14T09:30",
            "20260-07-14T09:30",
            "2026-07-14T9:30",
            "abcd-07-14T09:30",
            "1-1-1T1:1",
            "0000-01-01T00:00",
            "9999-01-01T00:00",
            "2026-07-14T09:30\u{a0}",
            "",
        ] {
            assert_eq!(parse_date_time(s), None, "{s}");
        }
    }
}
