//! Step 5's results: what each post did once published, as dated snapshots of its measures, and what the network
//! says about the post (its id, permalink and format: the post's publication).
//!
//! The rules, in one place:
//! - **Measures**: impressions, reach, reactions (likes), comments, shares (reposts), saves, clicks, video views,
//!   follows gained and leads (conversions). A measure the source does not give is `None`, never 0.
//! - **Engagements** are reactions + comments + shares + saves (the measures present). The **engagement rate** is
//!   engagements / impressions (reach when there are no impressions); the **click-through rate** clicks / impressions.
//!   Neither exists without its denominator.
//! - **Snapshots**: one per post and day (`taken_on`, in the strategy's time zone). Writing a snapshot on a day that
//!   has one merges them: a measure the new one gives replaces the old, the others stay. So a post's numbers can grow
//!   over time, and an export imported twice on one day never duplicates anything. An import that adds nothing to the
//!   post's latest snapshot (each measure it gives is the latest's already) adds nothing. Numbers typed by hand
//!   replace their day's snapshot as a whole instead ([`Store::save_post_results`]).
//! - **Publications**: a post the networks know has a publication: its network's post id and permalink (each unique
//!   within a strategy and network), its format, and whether it was planned. An **unplanned** post is one an import
//!   found on the network and no planned post matched; the user can link it to a planned post later
//!   ([`Store::link_unplanned`]), which moves its results there. A publication keeps the time its export gives
//!   (`published_at`), which the best times learn from (best_times.rs); an export with the date alone leaves it
//!   as it was.

use rusqlite::{params, OptionalExtension, Statement, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::Post;
use crate::error::{CoreError, FieldError, Result};
use crate::network::ContentFormat;
use crate::store::{enum_from, enum_str, Store};

/// The measures of a post at one date. `None`: not known.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Measures {
    #[ts(type = "number | null")]
    pub impressions: Option<u64>,
    #[ts(type = "number | null")]
    pub reach: Option<u64>,
    /// Reactions or likes.
    #[ts(type = "number | null")]
    pub reactions: Option<u64>,
    #[ts(type = "number | null")]
    pub comments: Option<u64>,
    /// Shares, reposts.
    #[ts(type = "number | null")]
    pub shares: Option<u64>,
    #[ts(type = "number | null")]
    pub saves: Option<u64>,
    #[ts(type = "number | null")]
    pub clicks: Option<u64>,
    #[ts(type = "number | null")]
    pub video_views: Option<u64>,
    /// Follows gained.
    #[ts(type = "number | null")]
    pub follows: Option<u64>,
    /// Leads or conversions.
    #[ts(type = "number | null")]
    pub leads: Option<u64>,
}

/// The names of the measures, in the order of [`Measures::values`] (also the columns of `result_snapshot`).
pub const MEASURE_NAMES: [&str; 10] = [
    "impressions",
    "reach",
    "reactions",
    "comments",
    "shares",
    "saves",
    "clicks",
    "video_views",
    "follows",
    "leads",
];

impl Measures {
    pub fn values(&self) -> [Option<u64>; 10] {
        [
            self.impressions,
            self.reach,
            self.reactions,
            self.comments,
            self.shares,
            self.saves,
            self.clicks,
            self.video_views,
            self.follows,
            self.leads,
        ]
    }

    pub fn from_values(v: [Option<u64>; 10]) -> Measures {
        Measures {
            impressions: v[0],
            reach: v[1],
            reactions: v[2],
            comments: v[3],
            shares: v[4],
            saves: v[5],
            clicks: v[6],
            video_views: v[7],
            follows: v[8],
            leads: v[9],
        }
    }

    pub fn is_empty(&self) -> bool {
        self.values().iter().all(Option::is_none)
    }

    /// `self` with every measure `newer` gives replaced.
    pub fn merged(&self, newer: &Measures) -> Measures {
        let (a, b) = (self.values(), newer.values());
        Measures::from_values(std::array::from_fn(|i| b[i].or(a[i])))
    }

    /// Reactions + comments + shares + saves, of those known; none when none is.
    pub fn engagements(&self) -> Option<u64> {
        let parts = [self.reactions, self.comments, self.shares, self.saves];
        parts
            .iter()
            .any(Option::is_some)
            .then(|| parts.iter().flatten().sum())
    }

    /// What the rates divide by: the impressions, else the reach (when positive).
    pub fn audience(&self) -> Option<u64> {
        self.impressions.or(self.reach).filter(|n| *n > 0)
    }

    pub fn engagement_rate(&self) -> Option<f64> {
        Some(self.engagements()? as f64 / self.audience()? as f64)
    }

    pub fn click_through_rate(&self) -> Option<f64> {
        Some(self.clicks? as f64 / self.impressions.filter(|n| *n > 0)? as f64)
    }
}

/// The measures as typed in the post editor's boxes, each as text: an empty box is an unknown measure.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TypedMeasures {
    pub impressions: String,
    pub reach: String,
    pub reactions: String,
    pub comments: String,
    pub shares: String,
    pub saves: String,
    pub clicks: String,
    pub video_views: String,
    pub follows: String,
    pub leads: String,
}

impl TypedMeasures {
    fn texts(&self) -> [&str; 10] {
        [
            &self.impressions,
            &self.reach,
            &self.reactions,
            &self.comments,
            &self.shares,
            &self.saves,
            &self.clicks,
            &self.video_views,
            &self.follows,
            &self.leads,
        ]
    }

    /// The measures the boxes hold: each a count (a whole number, 0 or more, its digits possibly grouped by spaces,
    /// as in `12 500`), or nothing. A box holding anything else is a field error `not_count` named after its
    /// measure.
    pub fn measures(&self) -> Result<Measures> {
        let mut errors = Vec::new();
        let mut values = [None; 10];
        for (i, text) in self.texts().into_iter().enumerate() {
            match typed_count(text) {
                Ok(v) => values[i] = v,
                Err(()) => errors.push(FieldError::new(MEASURE_NAMES[i], "not_count")),
            }
        }
        if errors.is_empty() {
            Ok(Measures::from_values(values))
        } else {
            Err(CoreError::Validation(errors))
        }
    }
}

/// A count typed by hand: digits, possibly grouped by spaces (plain, no-break or narrow no-break); `Ok(None)` for an
/// empty box. No sign, decimal or thousands mark: `1,5` or `1.500` could mean one thing or another.
fn typed_count(text: &str) -> std::result::Result<Option<u64>, ()> {
    let digits: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if digits.is_empty() {
        return Ok(None);
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(());
    }
    digits.parse().map(Some).map_err(|_| ())
}

/// Where a snapshot's numbers came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ResultSource {
    /// Typed in the post editor.
    Manual,
    /// Read from a network's export.
    Import,
}

impl ResultSource {
    /// The stored name (serde's, without going through serde: imports write one per row).
    pub fn as_str(self) -> &'static str {
        match self {
            ResultSource::Manual => "manual",
            ResultSource::Import => "import",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ResultSnapshot {
    #[ts(type = "number")]
    pub post_id: i64,
    /// `YYYY-MM-DD`, in the strategy's time zone.
    pub taken_on: String,
    pub source: ResultSource,
    pub measures: Measures,
}

/// What the network says about a published post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Publication {
    /// The network's id of the post (empty when unknown).
    pub external_id: String,
    pub permalink: String,
    pub format: Option<ContentFormat>,
    /// Found on the network by an import, with no planned post matching it.
    pub unplanned: bool,
    /// When the network says the post went out (`YYYY-MM-DDTHH:MM`, local wall time in the strategy's time zone), as
    /// its export gives it; none when the export gives the date alone (or no export was imported).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub published_at: Option<String>,
}

/// A post's results: its publication and its snapshots, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PostResults {
    #[ts(type = "number")]
    pub post_id: i64,
    pub publication: Option<Publication>,
    pub snapshots: Vec<ResultSnapshot>,
}

impl PostResults {
    /// The latest numbers: the last snapshot's.
    pub fn latest(&self) -> Option<&Measures> {
        self.snapshots.last().map(|s| &s.measures)
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Store.

/// The measures' columns of `result_snapshot`, in the order of [`Measures::values`] (a macro, so that the SQL
/// statements that use them are constants: imports run them once per row).
macro_rules! snapshot_columns {
    () => {
        "impressions, reach, reactions, comments, shares, saves, clicks, video_views, follows, leads"
    };
}
pub(crate) use snapshot_columns;
pub(crate) const SNAPSHOT_COLUMNS: &str = snapshot_columns!();

pub(crate) fn measures_at(r: &rusqlite::Row, first: usize) -> rusqlite::Result<Measures> {
    let mut v = [None; 10];
    for (i, slot) in v.iter_mut().enumerate() {
        *slot = r
            .get::<_, Option<i64>>(first + i)?
            .map(|n| u64::try_from(n).unwrap_or(0));
    }
    Ok(Measures::from_values(v))
}

fn sql_values(m: &Measures) -> [Option<i64>; 10] {
    m.values()
        .map(|v| v.map(|n| i64::try_from(n).unwrap_or(i64::MAX)))
}

/// Writes the snapshot of a post on a day, merged with the one already there (see the module's rules).
pub(crate) const WRITE_SNAPSHOT: &str = concat!(
    "INSERT INTO result_snapshot (post_id, taken_on, source, ",
    snapshot_columns!(),
    ")
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
     ON CONFLICT (post_id, taken_on) DO UPDATE SET source = excluded.source,
       impressions = coalesce(excluded.impressions, impressions), reach = coalesce(excluded.reach, reach),
       reactions = coalesce(excluded.reactions, reactions), comments = coalesce(excluded.comments, comments),
       shares = coalesce(excluded.shares, shares), saves = coalesce(excluded.saves, saves),
       clicks = coalesce(excluded.clicks, clicks), video_views = coalesce(excluded.video_views, video_views),
       follows = coalesce(excluded.follows, follows), leads = coalesce(excluded.leads, leads)"
);

/// [`WRITE_SNAPSHOT`].
pub(crate) fn write_snapshot(
    tx: &Transaction,
    post_id: i64,
    day: &str,
    source: ResultSource,
    m: &Measures,
) -> Result<()> {
    write_snapshot_with(
        &mut *tx.prepare_cached(WRITE_SNAPSHOT)?,
        post_id,
        day,
        source,
        m,
    )
}

/// [`WRITE_SNAPSHOT`] with the statement prepared by the caller (an import holds it for all its rows).
pub(crate) fn write_snapshot_with(
    stmt: &mut Statement,
    post_id: i64,
    day: &str,
    source: ResultSource,
    m: &Measures,
) -> Result<()> {
    let v = sql_values(m);
    stmt.execute(params![
        post_id,
        day,
        source.as_str(),
        v[0],
        v[1],
        v[2],
        v[3],
        v[4],
        v[5],
        v[6],
        v[7],
        v[8],
        v[9]
    ])?;
    Ok(())
}

/// Writes a post's publication: the values given replace those there, an empty id or permalink keeps the old one.
pub(crate) fn write_publication(
    tx: &Transaction,
    strategy_id: i64,
    post_id: i64,
    network: &str,
    p: &Publication,
) -> Result<()> {
    write_publication_of(
        &mut *tx.prepare_cached(WRITE_PUBLICATION)?,
        strategy_id,
        post_id,
        network,
        p,
    )
}

/// [`write_publication`] with the statement prepared by the caller.
pub(crate) fn write_publication_of(
    stmt: &mut Statement,
    strategy_id: i64,
    post_id: i64,
    network: &str,
    p: &Publication,
) -> Result<()> {
    write_publication_with(
        stmt,
        strategy_id,
        post_id,
        network,
        (&p.external_id, &p.permalink, p.published_at.as_deref()),
        p.format,
        p.unplanned,
    )
}

/// Writes a publication from its parts (see [`write_publication`]).
pub(crate) const WRITE_PUBLICATION: &str =
    "INSERT INTO publication (post_id, strategy_id, network, external_id, permalink, format, unplanned, published_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
     ON CONFLICT (post_id) DO UPDATE SET network = excluded.network,
       external_id = coalesce(excluded.external_id, external_id),
       permalink = coalesce(excluded.permalink, permalink), format = coalesce(excluded.format, format),
       unplanned = excluded.unplanned, published_at = coalesce(excluded.published_at, published_at)";

/// [`WRITE_PUBLICATION`] with the statement prepared by the caller (an import holds it for all its rows, and writes
/// one per row without building a `Publication`).
pub(crate) fn write_publication_with(
    stmt: &mut Statement,
    strategy_id: i64,
    post_id: i64,
    network: &str,
    (external_id, permalink, published_at): (&str, &str, Option<&str>),
    format: Option<ContentFormat>,
    unplanned: bool,
) -> Result<()> {
    fn blank(s: &str) -> Option<&str> {
        (!s.is_empty()).then_some(s)
    }
    stmt.execute(params![
        post_id,
        strategy_id,
        network,
        blank(external_id),
        blank(permalink),
        format.map(ContentFormat::as_str),
        unplanned,
        published_at
    ])?;
    Ok(())
}

pub(crate) fn publication_of(
    conn: &rusqlite::Connection,
    post_id: i64,
) -> Result<Option<Publication>> {
    Ok(conn
        .prepare_cached(
            "SELECT external_id, permalink, format, unplanned, published_at FROM publication WHERE post_id = ?1",
        )?
        .query_row([post_id], |r| {
            Ok(Publication {
                external_id: r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                permalink: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                format: r.get::<_, Option<String>>(2)?.and_then(|f| enum_from(&f)),
                unplanned: r.get(3)?,
                published_at: r.get(4)?,
            })
        })
        .optional()?)
}

pub(crate) fn snapshots_of(
    conn: &rusqlite::Connection,
    post_id: i64,
) -> Result<Vec<ResultSnapshot>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT taken_on, source, {SNAPSHOT_COLUMNS} FROM result_snapshot WHERE post_id = ?1 ORDER BY taken_on"
    ))?;
    let rows = stmt.query_map([post_id], |r| {
        Ok(ResultSnapshot {
            post_id,
            taken_on: r.get(0)?,
            source: enum_from(&r.get::<_, String>(1)?).unwrap_or(ResultSource::Manual),
            measures: measures_at(r, 2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn check_day(day: &str) -> Result<()> {
    if !crate::dates::is_day(day) {
        return Err(CoreError::Validation(vec![FieldError::new(
            "taken_on",
            "invalid_date",
        )]));
    }
    Ok(())
}

impl Store {
    pub fn post_results(&self, id: i64, post_id: i64) -> Result<PostResults> {
        self.post(id, post_id)?;
        Ok(PostResults {
            post_id,
            publication: publication_of(self.conn(), post_id)?,
            snapshots: snapshots_of(self.conn(), post_id)?,
        })
    }

    /// Writes the numbers typed for a post on a day: they replace that day's snapshot as a whole (a measure left
    /// empty is cleared). An empty set of numbers on a day deletes that day's snapshot.
    pub fn save_post_results(
        &mut self,
        id: i64,
        post_id: i64,
        taken_on: &str,
        measures: &Measures,
    ) -> Result<PostResults> {
        check_day(taken_on)?;
        self.post(id, post_id)?;
        self.write(|tx| {
            crate::strategy::touch(tx, id)?;
            if measures.is_empty() {
                tx.execute(
                    "DELETE FROM result_snapshot WHERE post_id = ?1 AND taken_on = ?2",
                    params![post_id, taken_on],
                )?;
                return Ok(());
            }
            // Typed numbers replace that day's numbers as a whole: clearing a box clears the measure.
            tx.execute(
                "DELETE FROM result_snapshot WHERE post_id = ?1 AND taken_on = ?2",
                params![post_id, taken_on],
            )?;
            write_snapshot(tx, post_id, taken_on, ResultSource::Manual, measures)
        })?;
        self.post_results(id, post_id)
    }

    /// [`Store::save_post_results`] with the numbers as typed in the post editor: the day and every box are checked
    /// together, so that one answer names every field to correct.
    pub fn save_typed_post_results(
        &mut self,
        id: i64,
        post_id: i64,
        taken_on: &str,
        typed: &TypedMeasures,
    ) -> Result<PostResults> {
        let mut errors = match check_day(taken_on) {
            Err(CoreError::Validation(e)) => e,
            _ => Vec::new(),
        };
        let measures = match typed.measures() {
            Ok(m) => m,
            Err(CoreError::Validation(e)) => {
                errors.extend(e);
                Measures::default()
            }
            Err(e) => return Err(e),
        };
        if !errors.is_empty() {
            return Err(CoreError::Validation(errors));
        }
        self.save_post_results(id, post_id, taken_on, &measures)
    }

    /// Sets the format of a post's publication (the post editor's "format" box).
    pub fn set_post_format(
        &mut self,
        id: i64,
        post_id: i64,
        format: Option<ContentFormat>,
    ) -> Result<PostResults> {
        let post = self.post(id, post_id)?;
        self.write(|tx| {
            crate::strategy::touch(tx, id)?;
            let n = tx.execute(
                "UPDATE publication SET format = ?2 WHERE post_id = ?1",
                params![post_id, format.map(|f| enum_str(&f))],
            )?;
            if n == 0 && format.is_some() {
                write_publication(
                    tx,
                    id,
                    post_id,
                    &post.data.network,
                    &Publication {
                        external_id: String::new(),
                        permalink: String::new(),
                        format,
                        unplanned: false,
                        published_at: None,
                    },
                )?;
            }
            Ok(())
        })?;
        self.post_results(id, post_id)
    }

    /// The posts an import found on the networks that no planned post matched, newest first.
    pub fn unplanned_posts(&self, id: i64) -> Result<Vec<Post>> {
        let mut stmt = self.conn().prepare(
            "SELECT post_id FROM publication WHERE strategy_id = ?1 AND unplanned
             ORDER BY (SELECT scheduled_at FROM post WHERE post.id = post_id) DESC, post_id DESC",
        )?;
        let ids: Vec<i64> = stmt
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.into_iter().map(|p| self.post(id, p)).collect()
    }

    /// Links an unplanned post to the planned post it really is: the planned post takes its publication and its
    /// snapshots (merged day by day, the unplanned numbers winning) and becomes published; the unplanned post goes.
    pub fn link_unplanned(
        &mut self,
        id: i64,
        unplanned_id: i64,
        planned_id: i64,
    ) -> Result<PostResults> {
        let from = self.post(id, unplanned_id)?;
        let to = self.post(id, planned_id)?;
        let publication = publication_of(self.conn(), unplanned_id)?
            .filter(|p| p.unplanned)
            .ok_or_else(|| {
                CoreError::Conflict(format!("post {unplanned_id} is not an unplanned post"))
            })?;
        if unplanned_id == planned_id {
            return Err(CoreError::Conflict(
                "a post cannot be linked to itself".into(),
            ));
        }
        if from.data.network != to.data.network {
            return Err(CoreError::Conflict(format!(
                "the planned post is on {}, the unplanned one on {}",
                to.data.network, from.data.network
            )));
        }
        let snapshots = snapshots_of(self.conn(), unplanned_id)?;
        self.write(|tx| {
            crate::strategy::touch(tx, id)?;
            tx.execute("DELETE FROM post WHERE id = ?1", [unplanned_id])?;
            write_publication(
                tx,
                id,
                planned_id,
                &to.data.network,
                &Publication {
                    unplanned: false,
                    ..publication
                },
            )?;
            for s in &snapshots {
                write_snapshot(tx, planned_id, &s.taken_on, s.source, &s.measures)?;
            }
            mark_published(tx, planned_id)
        })?;
        self.post_results(id, planned_id)
    }
}

/// A post the networks have published is `published`.
pub(crate) fn mark_published(tx: &Transaction, post_id: i64) -> Result<()> {
    tx.prepare_cached(
        "UPDATE post SET data = json_set(data, '$.status', 'published')
         WHERE id = ?1 AND json_extract(data, '$.status') <> 'published'",
    )?
    .execute([post_id])?;
    Ok(())
}

/// Every post's results of a strategy: `(post id, publication, snapshots oldest first)`, for the evaluation and the
/// strategy file.
pub(crate) fn all_results(conn: &rusqlite::Connection, id: i64) -> Result<Vec<PostResults>> {
    let mut out: Vec<PostResults> = Vec::new();
    let mut stmt = conn.prepare(&format!(
        "SELECT s.post_id, s.taken_on, s.source, {} FROM result_snapshot s JOIN post p ON p.id = s.post_id
         WHERE p.strategy_id = ?1 ORDER BY s.post_id, s.taken_on",
        SNAPSHOT_COLUMNS
            .split(", ")
            .map(|c| format!("s.{c}"))
            .collect::<Vec<_>>()
            .join(", ")
    ))?;
    let mut rows = stmt.query([id])?;
    while let Some(r) = rows.next()? {
        let s = ResultSnapshot {
            post_id: r.get(0)?,
            taken_on: r.get(1)?,
            source: enum_from(&r.get::<_, String>(2)?).unwrap_or(ResultSource::Manual),
            measures: measures_at(r, 3)?,
        };
        match out.last_mut() {
            Some(last) if last.post_id == s.post_id => last.snapshots.push(s),
            _ => out.push(PostResults {
                post_id: s.post_id,
                publication: None,
                snapshots: vec![s],
            }),
        }
    }
    let mut stmt = conn.prepare(
        "SELECT post_id, external_id, permalink, format, unplanned, published_at FROM publication
         WHERE strategy_id = ?1",
    )?;
    let mut rows = stmt.query([id])?;
    while let Some(r) = rows.next()? {
        let post_id: i64 = r.get(0)?;
        let p = Publication {
            external_id: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
            permalink: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
            format: r.get::<_, Option<String>>(3)?.and_then(|f| enum_from(&f)),
            unplanned: r.get(4)?,
            published_at: r.get(5)?,
        };
        match out.binary_search_by_key(&post_id, |x| x.post_id) {
            Ok(i) => out[i].publication = Some(p),
            Err(i) => out.insert(
                i,
                PostResults {
                    post_id,
                    publication: Some(p),
                    snapshots: Vec::new(),
                },
            ),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_stored_by_their_serde_names() {
        for s in [ResultSource::Manual, ResultSource::Import] {
            assert_eq!(s.as_str(), enum_str(&s));
        }
    }
}
